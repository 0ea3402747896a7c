package ingest

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"

	"github.com/govscore/govscore/audit"
	"github.com/govscore/govscore/period"
	sqlfs "github.com/govscore/govscore/sql"
)

// Adjustment is a manual bonus (positive) or deduction (negative) by the office.
type Adjustment struct {
	Dept, Period string
	Points       float64
	Reason       string
}

// Adjust records an adjustment with its author (opts.Actor) in the audit log and marks its
// period for re-scoring; it returns the adjustment's id.
func Adjust(ctx context.Context, db *sql.DB, a Adjustment, opts Options) (int64, error) {
	p, err := period.Parse(a.Period)
	switch {
	case err != nil:
		return 0, fmt.Errorf("adjust: %w", err)
	case strings.TrimSpace(a.Reason) == "":
		return 0, fmt.Errorf("adjust: a reason is required: departments see it beside the points")
	case strings.TrimSpace(opts.Actor) == "":
		return 0, fmt.Errorf("adjust: an author is required for the audit log")
	case a.Points == 0 || math.IsNaN(a.Points) || math.IsInf(a.Points, 0):
		return 0, fmt.Errorf("adjust: points must be a non-zero number")
	}
	c, err := loadCatalog(ctx, db)
	if err != nil {
		return 0, err
	}
	d, ok := c.depts[a.Dept]
	if !ok || !d.active(p.String()) {
		return 0, fmt.Errorf("adjust: department %q is unknown or not active in %s", a.Dept, p)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	var id int64
	if err := tx.QueryRowContext(ctx, `SELECT nextval('adjustment_ids')`).Scan(&id); err != nil {
		return 0, err
	}
	at := opts.now().UTC()
	if _, err := tx.ExecContext(ctx, sqlfs.Query("addAdjustment"), id, a.Dept, p.String(), a.Points, a.Reason, opts.Actor, at); err != nil {
		return 0, fmt.Errorf("adjust: %w", err)
	}
	if err := markDirtyDept(ctx, tx, a.Dept, p.String()); err != nil {
		return 0, fmt.Errorf("adjust: %w", err)
	}
	err = audit.Write(ctx, tx, audit.Entry{At: at, Actor: opts.Actor, Action: "adjustment.add", Subject: a.Dept, Period: p.String(),
		Addr: opts.addr(), Detail: fmt.Sprintf("#%d %s %s %+g: %s", id, a.Dept, p, a.Points, a.Reason), After: audit.JSON(a)})
	if err != nil {
		return 0, err
	}
	return id, tx.Commit()
}

// markDirtyDept marks a department-period for re-scoring and counts a data change.
func markDirtyDept(ctx context.Context, tx *sql.Tx, dept, period string) error {
	if _, err := tx.ExecContext(ctx, sqlfs.Query("markDirtyDept"), dept, period); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, sqlfs.Query("bumpDataVersion"))
	return err
}

package ingest

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"

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
	vars := fmt.Sprintf(`SET VARIABLE adj_id = %d; SET VARIABLE adj_dept = '%s'; SET VARIABLE adj_period = '%s';
SET VARIABLE adj_points = CAST(%v AS DOUBLE); SET VARIABLE adj_reason = '%s'; SET VARIABLE adj_author = '%s';
SET VARIABLE adj_at = TIMESTAMP '%s'`, id, quote(a.Dept), p, a.Points, quote(a.Reason), quote(opts.Actor),
		opts.now().UTC().Format("2006-01-02 15:04:05"))
	if _, err := tx.ExecContext(ctx, vars); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, sqlfs.Query("addAdjustment")); err != nil {
		return 0, fmt.Errorf("adjust: %w", err)
	}
	return id, tx.Commit()
}

func quote(s string) string { return strings.ReplaceAll(s, "'", "''") }

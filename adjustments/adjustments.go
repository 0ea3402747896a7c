// Package adjustments is the office's manual bonuses and deductions: added with a reason and an
// author, bounded, listed, and withdrawn with a reason (the record stays, marked). Every change
// marks its department-period for re-scoring and is audited in the same transaction.
package adjustments

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/audit"
	"github.com/govscore/govscore/period"
	sqlfs "github.com/govscore/govscore/sql"
)

// Options say from where and when a change is made, and the bound on points.
type Options struct {
	audit.Source
	Limit float64 // the largest number of points, either way; 0: DefaultLimit
}

// Add records an adjustment (its department, period, points, reason and author), marks the
// department-period for re-scoring and audits it; it returns the adjustment's id.
func Add(ctx context.Context, db *sql.DB, a govscore.Adjustment, opts Options) (int64, error) {
	p, err := period.Parse(a.Period)
	if err != nil {
		return 0, fmt.Errorf("adjust: %w", err)
	}
	a.Period = p.String()
	if err := check(a, opts.Limit); err != nil {
		return 0, err
	}
	if err := checkDept(ctx, db, a.DeptCode, a.Period); err != nil {
		return 0, err
	}
	a.CreatedAt = opts.At()
	err = inTx(ctx, db, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT nextval('adjustment_ids')`).Scan(&a.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, sqlfs.Query("adjustmentAdd"), a.ID, a.DeptCode, a.Period, a.Points, a.Reason, a.Author, a.CreatedAt); err != nil {
			return err
		}
		if err := markDirty(ctx, tx, a.DeptCode, a.Period); err != nil {
			return err
		}
		return audit.Write(ctx, tx, audit.Entry{At: a.CreatedAt, Actor: a.Author, Action: "adjustment.add", Subject: a.DeptCode,
			Period: a.Period, Addr: opts.From(), Detail: fmt.Sprintf("#%d %s %s %+g: %s", a.ID, a.DeptCode, a.Period, a.Points, a.Reason),
			After: audit.JSON(a)})
	})
	if err != nil {
		return 0, wrap(err, "adjust %s %s", a.DeptCode, a.Period)
	}
	return a.ID, nil
}

// check refuses an adjustment without a reason or an author, or with points out of bounds.
func check(a govscore.Adjustment, limit float64) error {
	switch {
	case strings.TrimSpace(a.Reason) == "":
		return govscore.Errorf(govscore.EINVALID, "调整须写明原因(--reason):部门会在分数旁看到它",
			"an adjustment needs a reason (--reason): departments see it beside the points")
	case strings.TrimSpace(a.Author) == "":
		return govscore.Errorf(govscore.EINVALID, "调整须写明决定人(--author),记入审计日志",
			"an adjustment needs an author (--author) for the audit log")
	}
	return CheckPoints(a.Points, limit)
}

// checkDept refuses a department that is unknown or not scored in the period.
func checkDept(ctx context.Context, db *sql.DB, dept, p string) error {
	var active bool
	err := db.QueryRowContext(ctx, sqlfs.Query("adjustmentDept"), dept, p).Scan(&active)
	switch {
	case err == sql.ErrNoRows:
		return govscore.Errorf(govscore.ENOTFOUND, "没有代码为 %s 的部门", "no department has the code %s", dept)
	case err != nil:
		return fmt.Errorf("adjust %s %s: %w", dept, p, err)
	case !active:
		return govscore.Errorf(govscore.EINVALID, "部门 %s 在 %s 不参加考核(不在启用月份与停用月份之间)",
			"department %s is not scored in %s (outside its active months)", dept, p)
	}
	return nil
}

// markDirty marks a department-period for re-scoring and counts a data change.
func markDirty(ctx context.Context, tx *sql.Tx, dept, period string) error {
	if _, err := tx.ExecContext(ctx, sqlfs.Query("markDirtyDept"), dept, period); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, sqlfs.Query("bumpDataVersion"))
	return err
}

// wrap names the operation in an error, unless the error is a user's (govscore.Error), which
// says it all in both languages.
func wrap(err error, format string, args ...any) error {
	var e *govscore.Error
	if errors.As(err, &e) {
		return err
	}
	return fmt.Errorf(format+": %w", append(args, err)...)
}

// inTx runs f in a transaction on one connection and commits when it returns nil.
func inTx(ctx context.Context, db *sql.DB, f func(tx *sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := f(tx); err != nil {
		return err
	}
	return tx.Commit()
}

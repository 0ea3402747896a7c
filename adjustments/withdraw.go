package adjustments

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/audit"
	sqlfs "github.com/govscore/govscore/sql"
)

// Withdraw marks adjustment id withdrawn by whom and why: the record stays, scoring no longer
// counts it, and its department-period is marked for re-scoring. It returns the adjustment as
// it is now.
func Withdraw(ctx context.Context, db *sql.DB, id int64, by, reason string, opts Options) (govscore.Adjustment, error) {
	if strings.TrimSpace(reason) == "" || strings.TrimSpace(by) == "" {
		return govscore.Adjustment{}, govscore.Errorf(govscore.EINVALID, "撤销调整须写明原因(--reason)和决定人(--author)",
			"withdrawing an adjustment needs a reason (--reason) and an author (--author)")
	}
	var after govscore.Adjustment
	err := inTx(ctx, db, func(tx *sql.Tx) error {
		before, err := Get(ctx, tx, id)
		if err != nil {
			return err
		}
		if !before.Active() {
			return govscore.Errorf(govscore.ECONFLICT, "调整 #%d 已于 %s 由 %s 撤销", "adjustment #%d was withdrawn on %s by %s",
				id, before.WithdrawnAt.Format("2006-01-02 15:04"), before.WithdrawnBy)
		}
		at := opts.At()
		after = before
		after.WithdrawnAt, after.WithdrawnBy, after.WithdrawReason = &at, by, reason
		if _, err := tx.ExecContext(ctx, sqlfs.Query("adjustmentWithdraw"), at, by, reason, id); err != nil {
			return err
		}
		if err := markDirty(ctx, tx, before.DeptCode, before.Period); err != nil {
			return err
		}
		return audit.Write(ctx, tx, audit.Entry{At: at, Actor: by, Action: "adjustment.withdraw", Subject: before.DeptCode,
			Period: before.Period, Addr: opts.From(), Detail: fmt.Sprintf("#%d %s %s %+g withdrawn: %s", id, before.DeptCode, before.Period, before.Points, reason),
			Before: audit.JSON(before), After: audit.JSON(after)})
	})
	if err != nil {
		return govscore.Adjustment{}, wrap(err, "withdraw adjustment #%d", id)
	}
	return after, nil
}

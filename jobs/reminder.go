package jobs

import (
	"context"
	"fmt"
	"strings"

	"github.com/govscore/govscore/period"
)

// Remind lists, from the reminder day of each month on, the departments active in the month due
// that have no data for it: in the log, in the reminders table (the overview page reads it) and
// in the run record.
func (e *Env) Remind(ctx context.Context, run *Run) error {
	now := e.now().In(e.Loc)
	day := e.Config.Reminder.Day
	if now.Day() < day {
		run.Note("day %d of the month: reminders start on day %d", now.Day(), day)
		run.Idle()
		return nil
	}
	due, err := period.ParseMonth(now.Format("2006-01"))
	if err != nil {
		return err
	}
	p := due.Add(-e.Config.Reminder.Lag).String()
	if err := e.listMissing(ctx, p, day, run.ID); err != nil {
		return err
	}
	list, err := Reminders(ctx, e.DB)
	if err != nil {
		return err
	}
	codes := make([]string, len(list))
	for i, m := range list {
		codes[i] = m.DeptCode
	}
	run.Rows = len(list)
	run.Note("%s: %d departments have not submitted by day %d%s", p, len(list), day, sample(codes, 20))
	if len(list) > 0 {
		run.Log.Warn("departments have not submitted", "period", p, "count", len(list), "depts", sample(codes, 50))
	}
	return nil
}

func (e *Env) listMissing(ctx context.Context, p string, day int, runID int64) error {
	tx, err := e.DB.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, query("jobReminderClear")); err != nil {
		return fmt.Errorf("reminder: %w", err)
	}
	if _, err := tx.ExecContext(ctx, query("jobReminderList"), p, day, e.now().UTC(), runID); err != nil {
		return fmt.Errorf("reminder %s: %w", p, err)
	}
	return tx.Commit()
}

// sample is ": A, B, C" with at most n codes, and "…" when there are more.
func sample(codes []string, n int) string {
	if len(codes) == 0 {
		return ""
	}
	more := ""
	if len(codes) > n {
		codes, more = codes[:n], ", …"
	}
	return ": " + strings.Join(codes, ", ") + more
}

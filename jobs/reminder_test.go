package jobs

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

func TestReminderListsWhoHasNotSubmitted(t *testing.T) {
	db := mustOpenDB(t)
	e := testEnv(t, db, time.Date(2014, 12, 12, 9, 0, 0, 0, shanghai))
	write(t, filepath.Join(e.Config.Inbox, "nov.csv"), activity("2014-11", "JXW", "CZJ"))
	if err := e.Inbox(context.Background(), testRun()); err != nil {
		t.Fatal(err)
	}
	run := testRun()
	run.ID = 7
	if err := e.Remind(context.Background(), run); err != nil {
		t.Fatal(err)
	}
	list, err := Reminders(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	// FGW has not submitted; LZQ is active until 2014-10 only; JXW and CZJ have.
	if len(list) != 1 || list[0].DeptCode != "FGW" || list[0].Period != "2014-11" || list[0].DueDay != 10 {
		t.Fatalf("reminders = %+v, want only FGW for 2014-11, due day 10", list)
	}
	early := testEnv(t, db, time.Date(2014, 12, 9, 23, 0, 0, 0, shanghai))
	run = testRun()
	if err := early.Remind(context.Background(), run); err != nil {
		t.Fatal(err)
	}
	if run.Rows != 0 || len(run.notes) != 1 {
		t.Fatalf("before the reminder day: rows %d, notes %v; want nothing listed", run.Rows, run.notes)
	}
}

func TestScoreAfterInboxRanksTheNewMonth(t *testing.T) {
	db := mustOpenDB(t)
	e := testEnv(t, db, time.Date(2014, 12, 2, 9, 0, 0, 0, shanghai))
	write(t, filepath.Join(e.Config.Inbox, "nov.csv"), activity("2014-11", "JXW", "FGW", "CZJ"))
	if err := e.Inbox(context.Background(), testRun()); err != nil {
		t.Fatal(err)
	}
	run := testRun()
	if err := e.Score(context.Background(), run); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT count(*) FROM results WHERE period = '2014-11'`); n < 3 {
		t.Fatalf("%d results for 2014-11 after score, want the departments ranked", n)
	}
	run = testRun()
	if err := e.Score(context.Background(), run); err != nil || run.notes[0] != "scores up to date" {
		t.Fatalf("second score: %v %v, want up to date", err, run.notes)
	}
}

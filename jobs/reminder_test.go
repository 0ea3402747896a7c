package jobs

import (
	"context"
	"os"
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
	if len(run.then) != 1 || run.then[0] != "render" {
		t.Fatalf("score asked for %v after new scores, want render", run.then)
	}
	run = testRun()
	if err := e.Score(context.Background(), run); err != nil || run.notes[0] != "scores up to date" || !run.idle {
		t.Fatalf("second score: %v %v, want idle, up to date", err, run.notes)
	}
	empty := testEnv(t, mustOpenDB(t), time.Date(2014, 12, 2, 9, 0, 0, 0, shanghai))
	empty.Config.Site = filepath.Join(t.TempDir(), "site")
	run = testRun()
	if err := empty.Render(context.Background(), run); err != nil || !run.idle {
		t.Fatalf("render with nothing scored: %v, idle %v; want idle", err, run.idle)
	}
	e.Config.Site = filepath.Join(t.TempDir(), "site")
	for i, wantIdle := range []bool{false, true} {
		run = testRun()
		if err := e.Render(context.Background(), run); err != nil {
			t.Fatal(err)
		}
		if run.idle != wantIdle {
			t.Fatalf("render %d: idle = %v, want %v (render once after start or new scores)", i, run.idle, wantIdle)
		}
	}
	if _, err := os.Stat(filepath.Join(e.Config.Site, "index.html")); err != nil {
		t.Fatalf("no overview page rendered: %v", err)
	}
}

package jobs

import (
	"context"
	"database/sql"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// runs lists job's recorded runs as "status cause" lines, oldest first.
func runs(t *testing.T, db *sql.DB, job string) []Record {
	t.Helper()
	list, err := Recent(context.Background(), db, 1000, job, true)
	if err != nil {
		t.Fatal(err)
	}
	for i, j := 0, len(list)-1; i < j; i, j = i+1, j-1 {
		list[i], list[j] = list[j], list[i]
	}
	return list
}

// waitFor polls cond every 20 ms for at most 10 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

func TestPanicIsRecordedAndTheJobKeepsItsSchedule(t *testing.T) {
	db := mustOpenDB(t)
	var calls atomic.Int32
	table := []Job{{"boom", "@every 1s", func(ctx context.Context, r *Run) error {
		if calls.Add(1) == 1 {
			panic("first run explodes")
		}
		r.Note("fine")
		return nil
	}}}
	r, err := NewRunner(db, table, shanghai, quietLog(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Start(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "a run after the panic", func() bool { return calls.Load() >= 3 })
	r.Stop(5 * time.Second)
	list := runs(t, db, "boom")
	if list[0].Status != "failed" || !strings.Contains(list[0].Error, "panic: first run explodes") || list[0].Cause != "catchup" {
		t.Fatalf("first run = %+v, want a failed catchup run recording the panic", list[0])
	}
	for _, rec := range list[1:] {
		if rec.Status != "ok" || rec.Cause != "schedule" || rec.Finished == nil {
			t.Fatalf("run after the panic = %+v, want ok on schedule", rec)
		}
	}
}

func TestOverlapsAreSkippedAndRecorded(t *testing.T) {
	db := mustOpenDB(t)
	release := make(chan struct{})
	var started atomic.Int32
	table := []Job{{"slow", "@every 1s", func(ctx context.Context, r *Run) error {
		started.Add(1)
		<-release
		return nil
	}}}
	r, err := NewRunner(db, table, shanghai, quietLog(), nil)
	if err != nil {
		t.Fatal(err)
	}
	r.Trigger("slow", "manual")
	waitFor(t, "the first run", func() bool { return started.Load() == 1 })
	r.Run("slow", "manual") // returns at once: busy
	if err := r.Start(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "two scheduled ticks skipped", func() bool {
		return count(t, db, `SELECT count(*) FROM job_runs WHERE status = 'skipped' AND cause = 'schedule'`) >= 2
	})
	close(release)
	r.Stop(5 * time.Second)
	if n := count(t, db, `SELECT count(*) FROM job_runs WHERE status = 'skipped' AND cause = 'manual'`); n != 1 {
		t.Fatalf("manual overlap recorded %d times, want 1", n)
	}
	if n := started.Load(); n != 1 && count(t, db, `SELECT count(*) FROM job_runs WHERE status = 'ok'`) != int(n) {
		t.Fatalf("%d runs started but the records disagree", n)
	}
}

func TestMissedRunsAreCaughtUpOnce(t *testing.T) {
	db := mustOpenDB(t)
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, shanghai)
	// daily last ran two days ago: today's 09:00 was missed. every3h ran at 09:30: next is 12:00.
	// crashed started at 09:30 and never finished: the process died, so it is due again.
	_, err := db.Exec(`INSERT INTO job_runs VALUES
		(nextval('job_run_ids'), 'daily', 'schedule', 'ok', ?, ?, 0, 0, NULL, NULL),
		(nextval('job_run_ids'), 'every3h', 'schedule', 'ok', ?, ?, 0, 0, NULL, NULL),
		(nextval('job_run_ids'), 'crashed', 'schedule', 'running', ?, NULL, 0, 0, NULL, NULL)`,
		now.Add(-49*time.Hour).UTC(), now.Add(-49*time.Hour).UTC(), now.Add(-30*time.Minute).UTC(), now.Add(-29*time.Minute).UTC(),
		now.Add(-30*time.Minute).UTC())
	if err != nil {
		t.Fatal(err)
	}
	calls := map[string]*atomic.Int32{"daily": {}, "every3h": {}, "crashed": {}}
	job := func(name, spec string) Job {
		return Job{name, spec, func(context.Context, *Run) error { calls[name].Add(1); return nil }}
	}
	table := []Job{job("daily", "0 9 * * *"), job("every3h", "0 */3 * * *"), job("crashed", "0 */3 * * *")}
	r, err := NewRunner(db, table, shanghai, quietLog(), func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Start(); err != nil {
		t.Fatal(err)
	}
	r.Wait()
	r.Stop(time.Second)
	if calls["daily"].Load() != 1 || calls["every3h"].Load() != 0 || calls["crashed"].Load() != 1 {
		t.Fatalf("caught up daily %d, every3h %d, crashed %d times; want 1, 0, 1",
			calls["daily"].Load(), calls["every3h"].Load(), calls["crashed"].Load())
	}
	list := runs(t, db, "crashed")
	if list[0].Status != "interrupted" || list[0].Finished == nil || list[1].Cause != "catchup" {
		t.Fatalf("runs = %+v, want the one left running by a dead process interrupted, then a catchup", list)
	}
}

func TestStopLetsTheRunningJobFinish(t *testing.T) {
	db := mustOpenDB(t)
	var taken atomic.Int32
	table := []Job{{"work", "off", func(ctx context.Context, r *Run) error {
		for i := 0; i < 100; i++ {
			if r.Stopping() {
				r.Note("stopped after %d items", i)
				return nil
			}
			r.Files++
			r.saved = time.Time{} // record every item
			r.Progress()
			taken.Add(1)
			time.Sleep(10 * time.Millisecond)
		}
		return nil
	}}}
	r, err := NewRunner(db, table, shanghai, quietLog(), nil)
	if err != nil {
		t.Fatal(err)
	}
	r.Trigger("work", "manual")
	waitFor(t, "work to start", func() bool { return taken.Load() > 2 })
	waitFor(t, "progress in the record", func() bool {
		return count(t, db, `SELECT max(files) FROM job_runs WHERE status = 'running'`) > 2
	})
	if !r.Stop(5 * time.Second) {
		t.Fatal("Stop gave up on a job that stops between items")
	}
	list := runs(t, db, "work")
	if len(list) != 1 || list[0].Status != "ok" || !strings.Contains(list[0].Detail, "stopped after") {
		t.Fatalf("runs = %+v, want one ok run that stopped between items", list)
	}
	r.Run("work", "manual")
	if n := len(runs(t, db, "work")); n != 1 {
		t.Fatalf("a stopped runner started another run (%d runs)", n)
	}
}

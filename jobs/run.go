package jobs

import (
	"fmt"
	"log/slog"
	"strings"
	"time"

	sqlfs "github.com/govscore/govscore/sql"
)

// Names are the jobs of the table, in the order they are listed and caught up.
var Names = []string{"inbox", "pull", "score", "render", "reminder", "backup"}

func knownJob(name string) bool {
	for _, n := range Names {
		if n == name {
			return true
		}
	}
	return false
}

// Run is one run of a job as the job sees it: counts and notes to record, jobs to run after it.
type Run struct {
	ID          int64
	Job, Cause  string
	Files, Rows int
	Log         *slog.Logger
	idle        bool
	notes       []string
	then        []string
	stop        <-chan struct{}
	save        func(files, rows int) // records the counts so far
	saved       time.Time
}

// progressEvery is how often a running job's counts are written to its record.
const progressEvery = 2 * time.Second

// Progress records the counts so far (at most every two seconds), so that a long run shows what
// it did while it runs and after a crash.
func (r *Run) Progress() {
	if r.save == nil || time.Since(r.saved) < progressEvery {
		return
	}
	r.saved = time.Now()
	r.save(r.Files, r.Rows)
}

// Note adds a line to what the run record says it did.
func (r *Run) Note(format string, args ...any) {
	r.notes = append(r.notes, fmt.Sprintf(format, args...))
}

// Idle says the run found nothing to do: it is recorded as idle, which listings hide by default.
func (r *Run) Idle() { r.idle = true }

// Then asks for another job to run when this one ends (score after new data).
func (r *Run) Then(job string) {
	for _, j := range r.then {
		if j == job {
			return
		}
	}
	r.then = append(r.then, job)
}

// Stopping says the process is shutting down: finish the item in hand and take no more.
func (r *Run) Stopping() bool {
	select {
	case <-r.stop:
		return true
	default:
		return false
	}
}

func (r *Run) detail() string { return strings.Join(r.notes, "; ") }

func query(name string) string { return sqlfs.Query(name) }

// cronLogger sends robfig/cron's messages to slog.
type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, kv ...any) { l.log.Debug("cron: "+msg, kv...) }
func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append(kv, "err", err)...)
}

// skipLogger records the overlaps cron.SkipIfStillRunning skips, which it only logs as "skip".
type skipLogger struct {
	r    *Runner
	name string
}

func (l skipLogger) Info(msg string, kv ...any) {
	if msg == "skip" {
		l.r.skipped(l.name, "schedule", "the previous run was still going")
	}
}
func (l skipLogger) Error(err error, msg string, kv ...any) {
	cronLogger{l.r.log}.Error(err, msg, kv...)
}

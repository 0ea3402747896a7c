package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/robfig/cron/v3"
)

// idleKept is how long runs that found nothing to do stay recorded.
const idleKept = 7 * 24 * time.Hour

// Job is one entry of the job table: a name, a cron spec ("off" = only when asked) and the work.
type Job struct {
	Name     string
	Schedule string
	Func     func(ctx context.Context, r *Run) error
}

// Runner runs the job table on its schedules, one run of a job at a time, and records every
// run, skipped overlap and recovered panic in job_runs.
type Runner struct {
	db      *sql.DB
	log     *slog.Logger
	now     func() time.Time
	loc     *time.Location
	jobs    map[string]*entry
	order   []string
	cron    *cron.Cron
	ctx     context.Context // canceled when a stop's grace period runs out
	cancel  context.CancelFunc
	stop    chan struct{} // closed when stopping: jobs take no new work
	mu      sync.Mutex
	stopped bool
	wg      sync.WaitGroup
}

type entry struct {
	Job
	sched   cron.Schedule // nil when off
	busy    atomic.Bool
	pending atomic.Bool // asked to run again while busy
}

// NewRunner checks the job table's schedules in zone loc; now is the clock (time.Now when nil).
func NewRunner(db *sql.DB, table []Job, loc *time.Location, log *slog.Logger, now func() time.Time) (*Runner, error) {
	if now == nil {
		now = time.Now
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &Runner{db: db, log: log, now: now, loc: loc, jobs: map[string]*entry{}, ctx: ctx, cancel: cancel, stop: make(chan struct{})}
	r.cron = cron.New(cron.WithLocation(loc), cron.WithLogger(cronLogger{log}))
	for _, j := range table {
		e := &entry{Job: j}
		if !Off(j.Schedule) {
			s, err := ParseSpec(j.Schedule, loc.String())
			if err != nil {
				cancel()
				return nil, fmt.Errorf("job %s: %w", j.Name, err)
			}
			e.sched = s
		}
		r.jobs[j.Name] = e
		r.order = append(r.order, j.Name)
	}
	return r, nil
}

// Start marks runs left running by a dead process as interrupted, schedules the jobs, and runs
// once, in the background, each job whose scheduled time passed while the process was down.
func (r *Runner) Start() error {
	if _, err := r.db.ExecContext(r.ctx, query("jobRunsInterrupted"), r.now().UTC()); err != nil {
		return fmt.Errorf("jobs: mark interrupted runs: %w", err)
	}
	if _, err := r.db.ExecContext(r.ctx, query("jobRunsPrune"), r.now().Add(-idleKept).UTC()); err != nil {
		return fmt.Errorf("jobs: prune idle runs: %w", err)
	}
	var due []string
	for _, name := range r.order {
		e := r.jobs[name]
		if e.sched == nil {
			continue
		}
		// SkipIfStillRunning outside Recover: the other order would stop a job for good after a panic.
		chain := cron.NewChain(cron.SkipIfStillRunning(skipLogger{r, name}), cron.Recover(cronLogger{r.log}))
		r.cron.Schedule(e.sched, chain.Then(cron.FuncJob(func() { r.Run(name, "schedule") })))
		missed, err := r.missed(e)
		if err != nil {
			return err
		}
		if missed {
			due = append(due, name)
		}
	}
	r.cron.Start()
	r.goRun(func() {
		for _, name := range due {
			r.Run(name, "catchup")
		}
	})
	return nil
}

// missed says whether the job's next scheduled time after its last finished run has passed, or
// it never finished a run (a first start, or a run cut by a crash).
func (r *Runner) missed(e *entry) (bool, error) {
	var last sql.NullTime
	if err := r.db.QueryRowContext(r.ctx, query("jobLastRun"), e.Name).Scan(&last); err != nil {
		return false, fmt.Errorf("jobs: last run of %s: %w", e.Name, err)
	}
	if !last.Valid {
		return true, nil
	}
	next := e.sched.Next(last.Time.In(r.loc))
	return !next.IsZero() && !next.After(r.now()), nil
}

// goRun runs f in the background unless the runner is stopping; Stop waits for it.
func (r *Runner) goRun(f func()) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stopped {
		return false
	}
	r.wg.Add(1)
	go func() { defer r.wg.Done(); f() }()
	return true
}

// Trigger runs a job in the background, as Run does.
func (r *Runner) Trigger(name, cause string) { r.goRun(func() { r.Run(name, cause) }) }

// Run runs a job now and waits for it. When the job is already running, the attempt is recorded
// as skipped; an attempt caused by another job ("after ...") makes it run again once free.
func (r *Runner) Run(name, cause string) {
	e := r.jobs[name]
	if e == nil || r.stopping() {
		return
	}
	if !e.busy.CompareAndSwap(false, true) {
		why := "the previous run was still going"
		if strings.HasPrefix(cause, "after") {
			e.pending.Store(true)
			why += "; it runs again when that ends"
		}
		r.skipped(name, cause, why)
		return
	}
	for {
		then := r.once(e, cause)
		for _, next := range then {
			r.Trigger(next, "after "+name)
		}
		if r.stopping() || !e.pending.CompareAndSwap(true, false) {
			break
		}
		cause = "after (queued)"
	}
	e.busy.Store(false)
}

func (r *Runner) stopping() bool {
	select {
	case <-r.stop:
		return true
	default:
		return false
	}
}

// once runs the job one time, recording its start and its end; a panic becomes a failure.
func (r *Runner) once(e *entry, cause string) []string {
	run := &Run{Job: e.Name, Cause: cause, Log: r.log.With("job", e.Name), stop: r.stop}
	if err := r.db.QueryRowContext(r.ctx, query("jobRunStart"), e.Name, cause, r.now().UTC()).Scan(&run.ID); err != nil {
		r.log.Error("job not started: cannot record the run", "job", e.Name, "err", err)
		return nil
	}
	run.saved = time.Now()
	run.save = func(files, rows int) {
		if _, err := r.db.ExecContext(r.ctx, query("jobRunProgress"), run.ID, files, rows); err != nil {
			run.Log.Warn("cannot record progress", "run", run.ID, "err", err)
		}
	}
	err := call(r.ctx, e, run)
	r.finish(run, err)
	return run.then
}

func call(ctx context.Context, e *entry, run *Run) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v\n%s", p, debug.Stack())
		}
	}()
	return e.Func(ctx, run)
}

func (r *Runner) finish(run *Run, err error) {
	status, msg := "ok", sql.NullString{}
	switch {
	case err != nil && r.ctx.Err() != nil:
		status = "interrupted"
		msg = sql.NullString{String: "stopped by shutdown: the grace period ran out (" + err.Error() + ")", Valid: true}
		run.Log.Warn("job interrupted by shutdown", "run", run.ID, "err", err)
	case err != nil:
		status, msg = "failed", sql.NullString{String: err.Error(), Valid: true}
		run.Log.Error("job failed", "run", run.ID, "err", err)
	case run.idle:
		status = "idle"
		run.Log.Debug("job idle", "run", run.ID, "detail", run.detail())
	default:
		run.Log.Info("job done", "run", run.ID, "cause", run.Cause, "files", run.Files, "rows", run.Rows, "detail", run.detail())
	}
	_, dbErr := r.db.ExecContext(context.Background(), query("jobRunFinish"), run.ID, status, r.now().UTC(),
		run.Files, run.Rows, msg, run.detail())
	if dbErr != nil {
		r.log.Error("cannot record the end of a run", "job", run.Job, "run", run.ID, "err", dbErr)
	}
}

func (r *Runner) skipped(name, cause, why string) {
	r.log.Warn("job skipped", "job", name, "cause", cause, "why", why)
	if _, err := r.db.ExecContext(context.Background(), query("jobRunSkipped"), name, cause, r.now().UTC(), why); err != nil {
		r.log.Error("cannot record a skipped run", "job", name, "err", err)
	}
}

// Wait waits for the runs started in the background (catch-up, after another job) to end.
func (r *Runner) Wait() { r.wg.Wait() }

// Stop stops scheduling, tells running jobs to take no new work, and waits up to grace for them
// to finish; then it cancels their context and waits a little more. It reports whether all ended.
func (r *Runner) Stop(grace time.Duration) bool {
	r.mu.Lock()
	if !r.stopped {
		r.stopped = true
		close(r.stop)
	}
	r.mu.Unlock()
	cronDone := r.cron.Stop()
	done := make(chan struct{})
	go func() { r.wg.Wait(); <-cronDone.Done(); close(done) }()
	select {
	case <-done:
		r.cancel()
		return true
	case <-time.After(grace):
	}
	r.cancel()
	select {
	case <-done:
		return true
	case <-time.After(5 * time.Second):
		return false
	}
}

package jobs

import (
	"database/sql"
	"net/http"
	"sync"
	"time"

	"github.com/govscore/govscore/scoring"
)

// Env is what the jobs work with. Its methods are the jobs' functions.
type Env struct {
	DB     *sql.DB
	Config Config
	Rules  *scoring.RuleSet
	Loc    *time.Location
	Now    func() time.Time // the clock; time.Now when nil
	Client *http.Client     // for pull; one with Config.Pull.Timeout when nil
	// MoveDelay pauses between an inbox file's commit and its move, only so that crash tests
	// land in that window often ($GOVSCORE_TEST_MOVE_DELAY); zero in production.
	MoveDelay time.Duration

	// writing serialises the jobs that write the database (ingest, scoring): DuckDB would fail
	// the later of two transactions that touch the same rows.
	writing sync.Mutex

	mu         sync.Mutex
	seen       map[string]fileSig // inbox files by path, as last scanned
	needRender bool
	rendered   bool
}

// Table is the job table: each job's name, schedule (from the configuration) and function.
func (e *Env) Table() []Job {
	s := e.Config.Schedules
	return []Job{
		{"inbox", s["inbox"], e.Inbox},
		{"pull", s["pull"], e.Pull},
		{"score", s["score"], e.Score},
		{"render", s["render"], e.Render},
		{"reminder", s["reminder"], e.Remind},
		{"backup", s["backup"], e.Backup},
	}
}

func (e *Env) now() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	return time.Now()
}

func (e *Env) client() *http.Client {
	if e.Client != nil {
		return e.Client
	}
	return &http.Client{Timeout: e.Config.Pull.Timeout}
}

// write runs f while no other job writes the database.
func (e *Env) write(f func() error) error {
	e.writing.Lock()
	defer e.writing.Unlock()
	return f()
}

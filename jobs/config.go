// Package jobs runs govscore's unattended work on cron schedules: the inbox, pulled sources,
// scoring and rendering, and reminders; every run is recorded in the database.
package jobs

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
	_ "time/tzdata" // CRON_TZ=Asia/Shanghai must resolve on machines without a zoneinfo database
)

// DefaultTZ is the zone schedules are read in unless the configuration or a spec says otherwise.
const DefaultTZ = "Asia/Shanghai"

// Config is what the jobs need: folders, sources, schedules and the reminder rule.
type Config struct {
	Inbox     string            `yaml:"inbox"`     // files dropped here are ingested
	Archive   string            `yaml:"archive"`   // ingested files move to Archive/YYYY-MM/
	Rejected  string            `yaml:"rejected"`  // rejected files move here, with NAME.error.txt
	Site      string            `yaml:"site"`      // the rendered dashboards; empty = not rendered
	Rules     string            `yaml:"rules"`     // a rule set folder; empty = the built-in default
	Lang      string            `yaml:"lang"`      // zh or en, for the dashboards
	TZ        string            `yaml:"tz"`        // the zone of schedules and of the reminder day
	Settle    time.Duration     `yaml:"settle"`    // a new inbox file must keep its size and time this long
	Schedules map[string]string `yaml:"schedules"` // job name → cron spec; "off" = only when asked
	Pull      Pull              `yaml:"pull"`
	Reminder  Reminder          `yaml:"reminder"`
	Backup    Backup            `yaml:"backup"`
}

// Backup says where scheduled backups go and how many are kept.
type Backup struct {
	Dir  string `yaml:"dir"`  // the folder of the copies
	Keep int    `yaml:"keep"` // the newest this many are kept; older ones are removed
}

// Pull says where monthly files are fetched from and how patiently.
type Pull struct {
	URLs    []string      `yaml:"urls"`
	Timeout time.Duration `yaml:"timeout"` // per request
	Retries int           `yaml:"retries"` // further tries after a network error or a 5xx/429 answer
	Backoff time.Duration `yaml:"backoff"` // the first wait between tries, doubled each time
}

// Reminder says when a department that has not submitted is listed.
type Reminder struct {
	Day int `yaml:"day"` // from this day of the month on
	Lag int `yaml:"lag"` // the month due is this many months before the current one
}

// Defaults is the configuration before the file, the environment and the flags.
func Defaults() Config {
	return Config{
		Inbox: "inbox", Archive: "archive", Rejected: "rejected", Site: "site", Lang: "zh", TZ: DefaultTZ,
		Settle: 2 * time.Second,
		Schedules: map[string]string{
			"inbox": "@every 1m", "pull": "0 6 * * *", "score": "@every 15m", "render": "@every 1h",
			"reminder": "0 9 * * *", "backup": "30 2 * * *",
		},
		Pull:     Pull{Timeout: 30 * time.Second, Retries: 3, Backoff: 2 * time.Second},
		Reminder: Reminder{Day: 10, Lag: 1},
		Backup:   Backup{Dir: "backups", Keep: 7},
	}
}

// Check reports every problem of the configuration at once; it never panics, whatever the specs say.
func (c Config) Check() error {
	var errs []error
	if _, err := time.LoadLocation(c.TZ); err != nil {
		errs = append(errs, fmt.Errorf("tz %q: %w", c.TZ, err))
	}
	for name, spec := range c.Schedules {
		if !knownJob(name) {
			errs = append(errs, fmt.Errorf("schedules.%s: no such job (known: %s)", name, strings.Join(Names, ", ")))
			continue
		}
		if Off(spec) {
			continue
		}
		if _, err := ParseSpec(spec, c.TZ); err != nil {
			errs = append(errs, fmt.Errorf("schedules.%s: %w", name, err))
		}
	}
	errs = append(errs, c.checkFolders()...)
	for _, u := range c.Pull.URLs {
		if p, err := url.Parse(u); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			errs = append(errs, fmt.Errorf("pull.urls: %q is not an http(s) URL", u))
		}
	}
	if c.Reminder.Day < 1 || c.Reminder.Day > 28 {
		errs = append(errs, fmt.Errorf("reminder.day %d: expected a day from 1 to 28", c.Reminder.Day))
	}
	if c.Backup.Keep < 1 {
		errs = append(errs, fmt.Errorf("backup.keep %d: expected at least 1", c.Backup.Keep))
	}
	if c.Backup.Dir == "" {
		errs = append(errs, fmt.Errorf("backup.dir: no folder given")) // created by the first backup
	}
	if c.Lang != "zh" && c.Lang != "en" {
		errs = append(errs, fmt.Errorf("lang %q: expected zh or en", c.Lang))
	}
	return errors.Join(errs...)
}

// checkFolders creates the inbox, archive and rejected folders when missing, and checks the rules folder.
func (c Config) checkFolders() []error {
	var errs []error
	for _, f := range []struct{ key, dir string }{{"inbox", c.Inbox}, {"archive", c.Archive}, {"rejected", c.Rejected}} {
		if f.dir == "" {
			errs = append(errs, fmt.Errorf("%s: no folder given", f.key))
		} else if err := os.MkdirAll(f.dir, 0o755); err != nil {
			errs = append(errs, fmt.Errorf("%s folder %s: %w", f.key, f.dir, err))
		}
	}
	if c.Rules != "" {
		if st, err := os.Stat(c.Rules); err != nil || !st.IsDir() {
			errs = append(errs, fmt.Errorf("rules: folder %q not found", c.Rules))
		}
	}
	return errs
}

// ParseSpec reads a cron spec (5 fields or @every/@daily...) in zone tz unless it names its own
// CRON_TZ. A malformed spec is an error, never a panic, and so is one that never fires.
func ParseSpec(spec, tz string) (s cron.Schedule, err error) {
	defer func() {
		if p := recover(); p != nil {
			s, err = nil, fmt.Errorf("cron spec %q is malformed (%v)", spec, p)
		}
	}()
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return nil, fmt.Errorf("empty spec: expected e.g. \"@every 1m\" or \"0 9 * * *\", or off")
	}
	full := spec
	if !strings.HasPrefix(spec, "CRON_TZ=") && !strings.HasPrefix(spec, "TZ=") {
		full = "CRON_TZ=" + tz + " " + spec
	}
	if s, err = cron.ParseStandard(full); err != nil {
		return nil, fmt.Errorf("cron spec %q: %w (expected 5 fields: minute hour day month weekday, or @every 1m, @daily...)", spec, err)
	}
	if s.Next(time.Now()).IsZero() {
		return nil, fmt.Errorf("cron spec %q never fires", spec)
	}
	return s, nil
}

// Off says a schedule is disabled: the job runs only when asked or after another job.
func Off(spec string) bool { s := strings.TrimSpace(spec); return s == "" || s == "off" }

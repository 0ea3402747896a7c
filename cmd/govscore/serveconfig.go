package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/govscore/govscore/jobs"
	"github.com/govscore/govscore/server"
)

// serveConfig is the YAML file of serve and `jobs run`: the jobs' settings plus the process's.
type serveConfig struct {
	DB          string        `yaml:"db"`
	Addr        string        `yaml:"addr"`
	Shutdown    time.Duration `yaml:"shutdown"` // how long SIGTERM waits for a running job
	HTTP        server.Limits `yaml:"http"`     // timeouts and the header size limit
	Bulletin    yaml.Node     `yaml:"bulletin"` // govscore bulletin's section; serve only lets it be
	jobs.Config `yaml:",inline"`
}

// Check checks the jobs' settings and the HTTP limits, and reports every error at once.
func (c *serveConfig) Check() error { return errors.Join(c.Config.Check(), c.HTTP.Check()) }

// setting is one value settable as a flag NAME and a variable GOVSCORE_NAME (dashes as underscores).
type setting struct {
	name, usage string
	set         func(c *serveConfig, v string) error
}

func settings() []setting {
	str := func(f func(c *serveConfig) *string) func(*serveConfig, string) error {
		return func(c *serveConfig, v string) error { *f(c) = v; return nil }
	}
	sched := func(job string) setting {
		usage := fmt.Sprintf("cron spec of the %s job (default %q); off = only after another job or by govscore jobs run", job, jobs.Defaults().Schedules[job])
		return setting{"schedule-" + job, usage,
			func(c *serveConfig, v string) error { c.Schedules[job] = v; return nil }}
	}
	return []setting{
		{"addr", "HTTP address (default 127.0.0.1:8080)", str(func(c *serveConfig) *string { return &c.Addr })},
		{"inbox", "folder watched for files (default inbox)", str(func(c *serveConfig) *string { return &c.Inbox })},
		{"archive", "ingested files go to ARCHIVE/YYYY-MM/ (default archive)", str(func(c *serveConfig) *string { return &c.Archive })},
		{"rejected", "rejected files and NAME.error.txt (default rejected)", str(func(c *serveConfig) *string { return &c.Rejected })},
		{"site", "folder of the rendered dashboards (default site)", str(func(c *serveConfig) *string { return &c.Site })},
		{"rules", "rule set folder (default: the built-in rules)", str(func(c *serveConfig) *string { return &c.Rules })},
		{"tz", "zone of schedules and reminders (default Asia/Shanghai)", str(func(c *serveConfig) *string { return &c.TZ })},
		{"settle", "how long a new inbox file must hold still (default 2s)", duration(func(c *serveConfig) *time.Duration { return &c.Settle })},
		{"shutdown", "how long SIGTERM waits for a running job (default 30s)", duration(func(c *serveConfig) *time.Duration { return &c.Shutdown })},
		{"pull-urls", "comma-separated URLs of monthly files (CSV, XLSX, JSON)", func(c *serveConfig, v string) error { c.Pull.URLs = splitList(v); return nil }},
		{"pull-timeout", "timeout of one request (default 30s)", duration(func(c *serveConfig) *time.Duration { return &c.Pull.Timeout })},
		{"pull-retries", "tries after a failure (default 3)", integer(func(c *serveConfig) *int { return &c.Pull.Retries })},
		{"pull-backoff", "first wait before a retry, doubled each time (default 2s)", duration(func(c *serveConfig) *time.Duration { return &c.Pull.Backoff })},
		{"reminder-day", "day of the month from which missing departments are listed (default 10)", integer(func(c *serveConfig) *int { return &c.Reminder.Day })},
		{"reminder-lag", "the month due is this many months back (default 1: last month's figures)", integer(func(c *serveConfig) *int { return &c.Reminder.Lag })},
		{"backup-dir", "folder of scheduled backups (default backups)", str(func(c *serveConfig) *string { return &c.Backup.Dir })},
		{"backup-keep", "how many scheduled backups are kept (default 7)", integer(func(c *serveConfig) *int { return &c.Backup.Keep })},
		sched("inbox"), sched("pull"), sched("score"), sched("render"), sched("reminder"), sched("backup"),
		{"read-header-timeout", "time to receive a request's headers (default 10s)", duration(func(c *serveConfig) *time.Duration { return &c.HTTP.ReadHeaderTimeout })},
		{"read-timeout", "time to receive a whole request (default 30s)", duration(func(c *serveConfig) *time.Duration { return &c.HTTP.ReadTimeout })},
		{"write-timeout", "time to send a response (default 1m)", duration(func(c *serveConfig) *time.Duration { return &c.HTTP.WriteTimeout })},
		{"idle-timeout", "how long an idle keep-alive connection stays open (default 2m)", duration(func(c *serveConfig) *time.Duration { return &c.HTTP.IdleTimeout })},
		{"max-header-bytes", "largest request line and headers, in bytes (default 32768)", integer(func(c *serveConfig) *int { return &c.HTTP.MaxHeaderBytes })},
	}
}

func duration(f func(c *serveConfig) *time.Duration) func(*serveConfig, string) error {
	return func(c *serveConfig, v string) error {
		d, err := time.ParseDuration(v)
		*f(c) = d
		return err
	}
}

func integer(f func(c *serveConfig) *int) func(*serveConfig, string) error {
	return func(c *serveConfig, v string) error {
		n, err := strconv.Atoi(v)
		*f(c) = n
		return err
	}
}

func splitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// loadConfig reads the defaults, then the YAML file, then GOVSCORE_* variables, then the flags.
func loadConfig(e *env, fs *flag.FlagSet, args []string) (*serveConfig, error) {
	file := fs.String("config", os.Getenv("GOVSCORE_CONFIG"), "YAML configuration file ($GOVSCORE_CONFIG)")
	all := settings()
	flagged := map[string]string{}
	for _, s := range all {
		name := s.name
		fs.Func(name, s.usage+" ($"+envName(name)+")", func(v string) error { flagged[name] = v; return nil })
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	cfg := &serveConfig{DB: e.db, Addr: "127.0.0.1:8080", Shutdown: 30 * time.Second, HTTP: server.DefaultLimits(), Config: jobs.Defaults()}
	cfg.Lang = string(e.lang)
	if err := cfg.readFile(*file, e); err != nil {
		return nil, err
	}
	var errs []error
	for _, s := range all {
		for _, v := range []string{os.Getenv(envName(s.name)), flagged[s.name]} {
			if v == "" {
				continue
			}
			if err := s.set(cfg, v); err != nil {
				errs = append(errs, fmt.Errorf("%s %q: %w", s.name, v, err))
			}
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("configuration error, nothing started:\n%w", errors.Join(errs...))
	}
	return cfg, nil
}

// readFile applies the YAML file; its db applies unless --db or $GOVSCORE_DB gave one.
func (c *serveConfig) readFile(path string, e *env) error {
	if path == "" {
		return nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("configuration error: %w", err)
	}
	db := c.DB
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && err.Error() != "EOF" {
		return fmt.Errorf("configuration error in %s: %w", path, err)
	}
	if db != defaultDB || os.Getenv("GOVSCORE_DB") != "" {
		c.DB = db
	}
	return nil
}

const defaultDB = "govscore.duckdb"

func envName(flagName string) string {
	return "GOVSCORE_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/govscore/govscore/jobs"
	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/scoring"
	"github.com/govscore/govscore/server"
	"github.com/govscore/govscore/storage"
)

func init() {
	commands["serve"] = command{"run unattended: inbox, pull, score, reminders on schedules, and the dashboards over HTTP", runServe}
}

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "[--config govscore.yaml] [flags]", `Runs as one long process that owns the database: ingests files dropped into the inbox,
pulls configured URLs, re-scores and re-renders the dashboards after new data, lists departments
that have not submitted, and serves the dashboards, GET /api/rankings?month=YYYY-MM[&group=G],
GET /jobs and GET /healthz, with security headers and timeouts (see docs/serve.md); only
loopback by default. Settings come from the YAML file, then GOVSCORE_* variables, then flags. Senders should write a file under a temporary name (.name, name.part, name.tmp) and
rename it when done; other files are taken once their size and time hold still for --settle.`)
	cfg, err := loadConfig(e, fs, args)
	if err != nil {
		return err
	}
	deps, err := prepare(ctx, cfg)
	if err != nil {
		return err
	}
	defer deps.close()
	return serve(ctx, e, cfg, deps)
}

// deps are what serve and `jobs run` build from the configuration.
type deps struct {
	env    *jobs.Env
	runner *jobs.Runner
}

func (d *deps) close() {
	if err := d.env.DB.Close(); err != nil {
		slog.Error("closing the database", "err", err)
		return
	}
	slog.Info("database closed")
}

// prepare checks the configuration, loads the rules and opens the database.
func prepare(ctx context.Context, cfg *serveConfig) (*deps, error) {
	if err := cfg.Check(); err != nil {
		return nil, fmt.Errorf("configuration error, nothing started:\n%w", err)
	}
	loc, _ := time.LoadLocation(cfg.TZ)
	rules := scoring.Default()
	if cfg.Rules != "" {
		var err error
		if rules, err = scoring.LoadDir(cfg.Rules); err != nil {
			return nil, fmt.Errorf("configuration error: rules: %w", err)
		}
	}
	db, err := storage.Open(ctx, cfg.DB)
	if err != nil {
		return nil, err
	}
	env := &jobs.Env{DB: db, Config: cfg.Config, Rules: rules, Loc: loc}
	env.MoveDelay, _ = time.ParseDuration(os.Getenv("GOVSCORE_TEST_MOVE_DELAY"))
	runner, err := jobs.NewRunner(db, env.Table(), loc, slog.Default(), nil)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("configuration error: %w", err)
	}
	return &deps{env: env, runner: runner}, nil
}

func serve(ctx context.Context, e *env, cfg *serveConfig, d *deps) error {
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("serve: listen on %s: %w", cfg.Addr, err)
	}
	cli, err := openNote(cfg.DB, d.env.DB, ln.Addr().String())
	if err != nil {
		ln.Close()
		return err
	}
	defer cli.close()
	srv := server.HTTP(server.New(d.env.DB, server.Options{Site: cfg.Site, Lang: locale.Lang(cfg.Lang), Loc: d.env.Loc, Log: slog.Default(),
		Routes: map[string]http.Handler{"POST /api/cli": cli}}), cfg.HTTP)
	if w := server.Exposure(ln.Addr()); w != (locale.Text{}) {
		slog.Warn(w.In(locale.Lang(cfg.Lang)))
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if err := d.runner.Start(); err != nil {
		srv.Close()
		return err
	}
	slog.Info("serving", "addr", ln.Addr().String(), "db", cfg.DB, "pid", os.Getpid(), "inbox", cfg.Inbox, "tz", cfg.TZ)
	go probeSources(ctx, cfg.Pull.URLs)
	select {
	case <-ctx.Done():
	case err := <-served:
		slog.Error("http server stopped", "err", err)
	}
	return shutdown(srv, d.runner, cfg.Shutdown)
}

// shutdown stops taking requests and work, lets a running job finish within grace, and returns
// so that the caller closes the database.
func shutdown(srv *http.Server, runner *jobs.Runner, grace time.Duration) error {
	slog.Info("stopping: no new requests or runs; waiting for running jobs", "grace", grace)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		slog.Warn("http shutdown", "err", err)
	}
	if !runner.Stop(grace) {
		slog.Warn("a job did not finish in time; its transaction is rolled back and its files stay in the inbox")
	}
	return nil
}

// probeSources warns at start about pull URLs that do not answer; the pull job still runs and
// records its own failures.
func probeSources(ctx context.Context, urls []string) {
	client := &http.Client{Timeout: 5 * time.Second}
	for _, u := range urls {
		req, err := http.NewRequestWithContext(ctx, http.MethodHead, u, nil)
		if err != nil {
			continue
		}
		resp, err := client.Do(req)
		if err != nil {
			slog.Warn("pull source unreachable at start (the pull job will retry on its schedule)", "url", u, "err", err)
			continue
		}
		resp.Body.Close()
	}
}

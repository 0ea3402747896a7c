// Command govscore scores and ranks government departments on their information-disclosure work.
package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/govscore/govscore/locale"
)

// command is one subcommand: its one-line summary and what runs it.
type command struct {
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

var commands = map[string]command{}

// env is what every subcommand shares: the global flags, where to write, and the clock.
type env struct {
	db     string
	lang   locale.Lang
	stdout io.Writer
	stderr io.Writer
	shared *sql.DB          // serve's open database, when serve runs the command for a CLI (remote.go)
	user   string           // who asked, when serve runs the command; else $USER
	now    func() time.Time // what records the time of a change (publish, adjust …) reads
}

// actor is who runs the command, for --author defaults and the audit log.
func (e *env) actor() string {
	if e.user != "" {
		return e.user
	}
	return envOr("USER", "cli")
}

// clock is env.now: tests that pin down recorded times replace it.
var clock = time.Now

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "govscore:", message(err))
		os.Exit(1)
	}
}

// spoken is a command's error with the language it should be read in.
type spoken struct {
	err  error
	lang locale.Lang
}

func (s *spoken) Error() string { return s.err.Error() }
func (s *spoken) Unwrap() error { return s.err }

// message is err as its user reads it: in the language of the command that failed.
func message(err error) string {
	var s *spoken
	if errors.As(err, &s) {
		return locale.Message(s.err, s.lang)
	}
	return locale.Message(err, locale.ZH)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	slog.SetDefault(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo})))
	fs := flag.NewFlagSet("govscore", flag.ContinueOnError)
	fs.SetOutput(stderr)
	e := &env{stdout: stdout, stderr: stderr, now: clock}
	fs.StringVar(&e.db, "db", envOr("GOVSCORE_DB", "govscore.duckdb"), "the database file ($GOVSCORE_DB)")
	lang := fs.String("lang", envOr("GOVSCORE_LANG", "zh"), "language of output: zh or en ($GOVSCORE_LANG)")
	fs.Usage = func() { usage(stderr, fs) }
	if err := fs.Parse(args); err != nil {
		return err
	}
	var err error
	if e.lang, err = locale.Parse(*lang); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return flag.ErrHelp
	}
	name, rest := fs.Arg(0), fs.Args()[1:]
	if name == "help" {
		fs.Usage()
		return flag.ErrHelp
	}
	if err := e.forward(ctx, name, rest); err != errLocal {
		var s *spoken
		if err != nil && !errors.As(err, &s) {
			err = &spoken{err: err, lang: e.lang}
		}
		return err // the command ran in serve (or could not reach it)
	}
	return dispatch(ctx, e, name, rest)
}

// dispatch runs one command in this process, on e's database (or serve's, when serve runs it).
func dispatch(ctx context.Context, e *env, name string, rest []string) error {
	c, ok := commands[name]
	if !ok {
		return fmt.Errorf("unknown command %q (see govscore --help)", name)
	}
	err := c.run(ctx, e, rest)
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		return &spoken{err: err, lang: e.lang}
	}
	return err
}

func usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintln(w, "govscore scores and ranks departments on government information disclosure (政务公开).")
	fmt.Fprintln(w, "\nUsage: govscore [--db PATH] [--lang zh|en] COMMAND [flags] [args]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nGlobal flags:")
	fs.PrintDefaults()
	fmt.Fprintln(w, "\nRun `govscore COMMAND --help` for a command's flags.")
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// newFlags is a subcommand's flag set, with usage text naming its arguments.
func newFlags(e *env, name, args, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: govscore %s %s\n\n%s\n", name, args, strings.TrimSpace(about))
		fs.PrintDefaults()
	}
	return fs
}

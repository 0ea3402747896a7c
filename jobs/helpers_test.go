package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/scoring"
	"github.com/govscore/govscore/storage"
)

var shanghai, _ = time.LoadLocation(DefaultTZ)

// mustOpenDB opens a fresh database file with the four test departments imported.
func mustOpenDB(tb testing.TB) *sql.DB {
	tb.Helper()
	db, err := storage.Open(context.Background(), filepath.Join(tb.TempDir(), "test.duckdb"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	if _, err := ingest.Departments(context.Background(), db, "testdata/depts.csv", ingest.Options{}); err != nil {
		tb.Fatal(err)
	}
	return db
}

// testEnv is a job environment over fresh folders, with the clock at now.
func testEnv(tb testing.TB, db *sql.DB, now time.Time) *Env {
	tb.Helper()
	dir := tb.TempDir()
	cfg := Defaults()
	cfg.Inbox, cfg.Archive, cfg.Rejected = filepath.Join(dir, "inbox"), filepath.Join(dir, "archive"), filepath.Join(dir, "rejected")
	cfg.Site, cfg.Settle = "", 0
	if err := cfg.Check(); err != nil {
		tb.Fatal(err)
	}
	return &Env{DB: db, Config: cfg, Rules: scoring.Default(), Loc: shanghai, Now: func() time.Time { return now }}
}

// activity is a wide activity file with one row per department code for month.
func activity(month string, codes ...string) string {
	s := "部门代码,月份,工作动态,法规公文,培训\n"
	for i, c := range codes {
		s += fmt.Sprintf("%s,%s,%d,2,1\n", c, month, 5+i)
	}
	return s
}

func write(tb testing.TB, path, content string) {
	tb.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		tb.Fatal(err)
	}
}

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// testRun is a Run as the runner would hand it to a job.
func testRun() *Run { return &Run{Log: quietLog(), stop: make(chan struct{})} }

func count(tb testing.TB, db *sql.DB, q string, args ...any) int {
	tb.Helper()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

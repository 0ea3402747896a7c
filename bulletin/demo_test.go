package bulletin_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/period"
	"github.com/govscore/govscore/scoring"
	"github.com/govscore/govscore/storage"
	"github.com/govscore/govscore/synth"
)

func TestMain(m *testing.M) {
	code := m.Run()
	if demo.dir != "" {
		os.RemoveAll(demo.dir)
	}
	os.Exit(code)
}

// demo is the demo city of `govscore demo` (60 departments, 2013-01 to 2014-12, seed 2014),
// ingested and scored once for the package's tests: KJJ is vetoed in 2014-06, and 2014-11 has
// departments that submitted nothing.
var demo struct {
	once sync.Once
	dir  string
	db   *sql.DB
	err  error
}

func demoDB(t *testing.T) *sql.DB {
	t.Helper()
	demo.once.Do(func() {
		ctx := context.Background()
		if demo.dir, demo.err = os.MkdirTemp("", "govscore-bulletin"); demo.err != nil {
			return
		}
		spec := synth.Spec{Scale: synth.Scale{Name: "city", Depts: 60, Months: 24}, Start: period.MustParse("2013-01"), Seed: 2014}
		files, err := synth.Generate(filepath.Join(demo.dir, "input"), spec)
		if err != nil {
			demo.err = err
			return
		}
		if demo.db, demo.err = storage.Open(ctx, filepath.Join(demo.dir, "demo.duckdb")); demo.err != nil {
			return
		}
		if _, demo.err = ingest.Departments(ctx, demo.db, files.Depts, ingest.Options{}); demo.err != nil {
			return
		}
		for _, f := range append(files.Activity, files.Revision) {
			if _, demo.err = ingest.File(ctx, demo.db, f, ingest.Options{}); demo.err != nil {
				return
			}
		}
		_, demo.err = scoring.Run(ctx, demo.db, scoring.Default(), scoring.Options{})
	})
	if demo.err != nil {
		t.Fatal(demo.err)
	}
	return demo.db
}

package scoring

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/period"
	"github.com/govscore/govscore/storage"
	"github.com/govscore/govscore/synth"
)

// synthDB is a real database file holding a generated place of depts departments over months
// months from 2014-01, departments imported and every month ingested, not yet scored.
func synthDB(t *testing.T, depts, months int, seed uint64) *sql.DB {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	files, err := synth.Generate(dir, synth.Spec{Scale: synth.Scale{Name: "t", Depts: depts, Months: months}, Start: period.MustParse("2014-01"), Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	db, err := storage.Open(ctx, filepath.Join(dir, "g.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := ingest.Departments(ctx, db, files.Depts, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	for _, f := range files.Activity {
		if _, err := ingest.File(ctx, db, f, ingest.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

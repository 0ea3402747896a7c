package ingest_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/period"
	"github.com/govscore/govscore/storage"
	"github.com/govscore/govscore/synth"
)

// benchFiles writes province-scale input (3,000 departments × 12 months) into a temp folder.
func benchFiles(b *testing.B) synth.Files {
	b.Helper()
	files, err := synth.Generate(b.TempDir(), synth.Spec{Scale: synth.Scales["province"], Start: period.MustParse("2014-01"), Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	return files
}

// benchDB opens a new database holding the department list of files.
func benchDB(b *testing.B, ctx context.Context, files synth.Files) *sql.DB {
	b.Helper()
	db, err := storage.Open(ctx, filepath.Join(b.TempDir(), "bench.duckdb"))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := ingest.Departments(ctx, db, files.Depts, ingest.Options{}); err != nil {
		b.Fatal(err)
	}
	return db
}

// BenchmarkIngestProvince ingests 3,000 departments × 12 months of wide CSV into a new
// database, with full validation, revisions and provenance.
func BenchmarkIngestProvince(b *testing.B) {
	ctx := context.Background()
	files := benchFiles(b)
	now := func() time.Time { return time.Date(2014, 12, 31, 0, 0, 0, 0, time.UTC) }
	rows := 0
	for b.Loop() {
		b.StopTimer()
		db := benchDB(b, ctx, files)
		b.StartTimer()
		rows = 0
		for _, f := range append(files.Activity, files.Revision) {
			res, err := ingest.File(ctx, db, f, ingest.Options{Now: now})
			if err != nil {
				b.Fatal(err)
			}
			rows += res.Rows
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	if rows != files.Rows+1 {
		b.Fatalf("ingested %d rows, the generator wrote %d and a one-row revision", rows, files.Rows)
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

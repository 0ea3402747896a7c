package scoring_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/period"
	"github.com/govscore/govscore/scoring"
	"github.com/govscore/govscore/storage"
	"github.com/govscore/govscore/synth"
)

// provinceDB is a database holding 3,000 departments × 12 months of generated activity.
func provinceDB(b *testing.B) *sql.DB {
	b.Helper()
	ctx := context.Background()
	dir := b.TempDir()
	files, err := synth.Generate(dir, synth.Spec{Scale: synth.Scales["province"], Start: period.MustParse("2014-01"), Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	db, err := storage.Open(ctx, filepath.Join(dir, "bench.duckdb"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if _, err := ingest.Departments(ctx, db, files.Depts, ingest.Options{}); err != nil {
		b.Fatal(err)
	}
	for _, f := range append(files.Activity, files.Revision) {
		if _, err := ingest.File(ctx, db, f, ingest.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	return db
}

var benchNow = func() time.Time { return time.Date(2015, 1, 5, 0, 0, 0, 0, time.UTC) }

// BenchmarkScoreProvince scores all 12 months of 3,000 departments, lines and results.
func BenchmarkScoreProvince(b *testing.B) {
	db := provinceDB(b)
	ctx := context.Background()
	var sum scoring.Summary
	for b.Loop() {
		var err error
		if sum, err = scoring.Run(ctx, db, scoring.Default(), scoring.Options{Full: true, Now: benchNow}); err != nil {
			b.Fatal(err)
		}
	}
	if len(sum.Periods) != 12 || sum.Lines < 8*30000 {
		b.Fatalf("scored %d periods, %d lines; want 12 and about 8 a department-month", len(sum.Periods), sum.Lines)
	}
	b.ReportMetric(float64(sum.Lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}

// scoredProvince is provinceDB, scored.
func scoredProvince(b *testing.B) *sql.DB {
	db := provinceDB(b)
	if _, err := scoring.Run(context.Background(), db, scoring.Default(), scoring.Options{Now: benchNow}); err != nil {
		b.Fatal(err)
	}
	return db
}

// BenchmarkRankProvince ranks one month of one group (2,000 city departments).
func BenchmarkRankProvince(b *testing.B) {
	db := scoredProvince(b)
	var n int
	for b.Loop() {
		st, err := scoring.Rank(context.Background(), db, "2014-12", "市级部门")
		if err != nil {
			b.Fatal(err)
		}
		n = len(st)
	}
	if n < 1900 {
		b.Fatalf("ranked %d departments, want about 2,000", n)
	}
}

// BenchmarkExplainProvince explains one department-month whose reasons were not kept.
func BenchmarkExplainProvince(b *testing.B) {
	db := scoredProvince(b)
	for b.Loop() {
		ex, err := scoring.Explain(context.Background(), db, "JXW", "2014-06")
		if err != nil {
			b.Fatal(err)
		}
		if len(ex.Lines) == 0 || ex.Lines[0].Reason == "" {
			b.Fatalf("explain JXW 2014-06 has no reasons: %+v", ex.Lines)
		}
	}
}

// BenchmarkRescoreProvince re-scores after one corrected department-month: that department's
// February and March (the quarter's training rule), and everyone's ranks and the year to date
// from February on.
func BenchmarkRescoreProvince(b *testing.B) {
	db := scoredProvince(b)
	ctx := context.Background()
	i := 0
	for b.Loop() {
		b.StopTimer()
		i++
		row := fmt.Sprintf("部门代码,月份,工作动态\nJXW,2014-02,%d\n", i%50)
		if _, err := ingest.Bytes(ctx, db, fmt.Sprintf("fix-%d.csv", i), []byte(row), ingest.Options{}); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := scoring.Run(ctx, db, scoring.Default(), scoring.Options{Now: benchNow})
		if err != nil {
			b.Fatal(err)
		}
		if len(sum.Periods) != 2 || len(sum.Depts) != 1 {
			b.Fatalf("re-scored %v of %v, want JXW's 2014-02 and 2014-03", sum.Periods, sum.Depts)
		}
	}
}

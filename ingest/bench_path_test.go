package ingest

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/govscore/govscore/period"
	"github.com/govscore/govscore/storage"
	"github.com/govscore/govscore/synth"
)

// BenchmarkIngestProvincePaths ingests 3,000 departments × 12 months of wide CSV through the
// fast path and through the Go path only, to compare them on the same files.
func BenchmarkIngestProvincePaths(b *testing.B) {
	files, err := synth.Generate(b.TempDir(), synth.Spec{Scale: synth.Scales["province"], Start: period.MustParse("2014-01"), Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		opts Options
	}{{"fast", Options{}}, {"go", Options{goOnly: true}}} {
		b.Run(c.name, func(b *testing.B) {
			c.opts.Now = func() time.Time { return time.Date(2014, 12, 31, 0, 0, 0, 0, time.UTC) }
			rows := 0
			for b.Loop() {
				b.StopTimer()
				db, err := storage.Open(context.Background(), filepath.Join(b.TempDir(), "bench.duckdb"))
				if err != nil {
					b.Fatal(err)
				}
				if _, err := Departments(context.Background(), db, files.Depts, Options{}); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				for _, f := range append(files.Activity, files.Revision) {
					res, err := File(context.Background(), db, f, c.opts)
					if err != nil || res.Fast == c.opts.goOnly {
						b.Fatalf("%s: %+v, %v", f, res, err)
					}
					rows += res.Rows
				}
				b.StopTimer()
				db.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

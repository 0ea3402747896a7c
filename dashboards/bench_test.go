package dashboards_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/govscore/govscore/dashboards"
	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/period"
	"github.com/govscore/govscore/scoring"
	"github.com/govscore/govscore/storage"
	"github.com/govscore/govscore/synth"
	"github.com/govscore/govscore/testutil"
)

// synthDB ingests and scores a synthetic city or province (synth.Generate) into a real DuckDB file.
func synthDB(b *testing.B, scale synth.Scale) *sql.DB {
	b.Helper()
	ctx, dir := context.Background(), b.TempDir()
	files, err := synth.Generate(filepath.Join(dir, "input"), synth.Spec{Scale: scale, Start: period.MustParse("2014-01"), Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	db, err := storage.Open(ctx, filepath.Join(dir, "bench.duckdb"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if _, err := ingest.Departments(ctx, db, files.Depts, ingest.Options{Source: "bench"}); err != nil {
		b.Fatal(err)
	}
	for _, f := range append(files.Activity, files.Revision) {
		if _, err := ingest.File(ctx, db, f, ingest.Options{Source: "bench"}); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := scoring.Run(ctx, db, scoring.Default(), scoring.Options{}); err != nil {
		b.Fatal(err)
	}
	return db
}

func benchWrite(b *testing.B, scale synth.Scale) {
	db := synthDB(b, scale)
	dir := b.TempDir()
	b.ResetTimer()
	for b.Loop() {
		if err := dashboards.Write(context.Background(), db, dir, dashboards.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	for _, name := range []string{"index.html", "ranking.html"} {
		if st, err := os.Stat(filepath.Join(dir, name)); err == nil {
			b.ReportMetric(float64(st.Size())/1024, name+"-KB")
		}
	}
}

// BenchmarkWriteCity writes the site of a city: 60 departments × 24 months.
func BenchmarkWriteCity(b *testing.B) {
	benchWrite(b, synth.Scale{Name: "city", Depts: 60, Months: 24})
}

// BenchmarkWriteProvince writes the site of a province: 3,000 departments × 12 months.
// Setting it up (generate, ingest, score) takes about half a minute.
func BenchmarkWriteProvince(b *testing.B) {
	benchWrite(b, synth.Scales["province"])
}

// benchDraw loads the overview in Chromium over HTTP until every chart is drawn (ns/op, as the
// test sees it), and reports when the page's load event ended, echarts having drawn by then.
func benchDraw(b *testing.B, scale synth.Scale) {
	db := synthDB(b, scale)
	dir := b.TempDir()
	if err := dashboards.Write(context.Background(), db, dir, dashboards.Options{}); err != nil {
		b.Fatal(err)
	}
	ctx := testutil.Browser(b)
	base := serve(b, dir)
	b.ResetTimer()
	var inPage float64
	for b.Loop() {
		if _, err := load(ctx, base+"index.html"); err != nil {
			b.Fatal(err)
		}
		ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.getEntriesByType('navigation')[0].loadEventEnd`))
		if err != nil {
			b.Fatal(err)
		}
		inPage += ms
	}
	b.ReportMetric(inPage/float64(b.N), "load-event-ms")
}

// BenchmarkDrawOverviewCity is the time for Chromium to load and draw a city's overview.
func BenchmarkDrawOverviewCity(b *testing.B) {
	benchDraw(b, synth.Scale{Name: "city", Depts: 60, Months: 24})
}

// BenchmarkDrawOverviewProvince is the same for a province (3,000 departments × 12 months).
func BenchmarkDrawOverviewProvince(b *testing.B) { benchDraw(b, synth.Scales["province"]) }

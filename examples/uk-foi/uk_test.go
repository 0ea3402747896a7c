// Package ukfoi holds the UK Cabinet Office FOI example: real statistics read through
// mapping.yaml and ranked per quarter and per year. Its test is the proof that it works.
package ukfoi

import (
	"context"
	"database/sql"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govscore/govscore/dashboards"
	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/scoring"
	"github.com/govscore/govscore/storage"
)

const dataFile = "data/uk-cabinet-office-foi-2010-2020.csv"

// mustScoredDB ingests the whole file through the mapping and scores quarters and years.
func mustScoredDB(t *testing.T) (*sql.DB, ingest.MappedResult) {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "uk.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	m, err := ingest.LoadMapping("mapping.yaml")
	if err != nil {
		t.Fatal(err)
	}
	res, err := ingest.MappedFile(ctx, db, dataFile, m, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"rules-quarter", "rules-year"} {
		rs, err := scoring.LoadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := scoring.Run(ctx, db, rs, scoring.Options{}); err != nil {
			t.Fatalf("score %s: %v", dir, err)
		}
	}
	return db, res
}

func TestUKFOI(t *testing.T) {
	db, res := mustScoredDB(t)
	if res.Rows != 2303 || res.Skipped != 0 || len(res.Registered) != 71 || len(res.Declared) != 8 {
		t.Fatalf("ingest = %d rows, %d skipped, %d bodies, %d metrics; want 2303, 0, 71, 8",
			res.Rows, res.Skipped, len(res.Registered), len(res.Declared))
	}
	t.Run("both published percentages recomputed from the counts", func(t *testing.T) { checkPercentages(t, db) })
	t.Run("bodies with no requests are listed, not ranked", func(t *testing.T) { checkUnranked(t, db) })
	t.Run("ranked per quarter and per year", func(t *testing.T) { checkRankings(t, db) })
	t.Run("dashboards say quarter and year, not month", func(t *testing.T) { checkSiteWords(t, db) })
}

// checkSiteWords renders the dashboards of a quarter and of a year: their labels name the
// period as such.
func checkSiteWords(t *testing.T, db *sql.DB) {
	for _, c := range []struct{ period, zh, en string }{{"2020-Q1", "季度", "Quarter"}, {"2020", "年度", "Year"}} {
		for _, lang := range []string{"zh", "en"} {
			dir := t.TempDir()
			if err := dashboards.Write(context.Background(), db, dir, dashboards.Options{Month: c.period, Lang: lang}); err != nil {
				t.Fatal(err)
			}
			page, err := os.ReadFile(filepath.Join(dir, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			want, not := c.zh, "月份"
			if lang == "en" {
				want, not = c.en, ">Month<"
			}
			if !strings.Contains(string(page), want) || strings.Contains(string(page), not) {
				t.Errorf("%s %s: the overview page lacks %q or still says %q", c.period, lang, want, not)
			}
		}
	}
}

// checkPercentages recomputes, for every row with requests, both published percentages from
// the counts alone, and checks the score (the in-time share) against the published one.
func checkPercentages(t *testing.T, db *sql.DB) {
	rows, err := db.Query(`SELECT a.dept_code, a.period, a.foi_answerable, a.foi_met, a.foi_extended,
		a.foi_pct_met, a.foi_pct_in_time, r.total
		FROM activity a JOIN results r ON r.dept_code = a.dept_code AND r.period = a.period
		WHERE a.current AND a.foi_answerable > 0`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var dept, per string
		var total, met, ext, pctMet, pctInTime, score float64
		if err := rows.Scan(&dept, &per, &total, &met, &ext, &pctMet, &pctInTime, &score); err != nil {
			t.Fatal(err)
		}
		n++
		if d := math.Abs(100*met/total - pctMet); d > 0.01 {
			t.Errorf("%s %s: 20-day deadline %.4f%% from the counts, %.4f%% published", dept, per, 100*met/total, pctMet)
		}
		if d := math.Abs(100*(met+ext)/total - pctInTime); d > 0.01 {
			t.Errorf("%s %s: in time %.4f%% from the counts, %.4f%% published", dept, per, 100*(met+ext)/total, pctInTime)
		}
		if d := math.Abs(score - pctInTime); d > 0.01 {
			t.Errorf("%s %s: scored %.4f, published in time %.4f%%", dept, per, score, pctInTime)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	// 2303 rows less 8 all-zero rows and 27 rows published as "-"
	if n != 2268 {
		t.Fatalf("%d rows compared, want 2268", n)
	}
}

func checkUnranked(t *testing.T, db *sql.DB) {
	var unranked, zero, dash, ranked, bad int
	err := db.QueryRow(`SELECT count(*) FILTER (WHERE r.status = 'unranked' AND r.rank IS NULL AND r.grade = ''),
			count(*) FILTER (WHERE r.status = 'unranked' AND a.foi_answerable = 0),
			count(*) FILTER (WHERE r.status = 'unranked' AND a.foi_answerable IS NULL),
			count(*) FILTER (WHERE r.status = 'submitted' AND r.rank > 0 AND a.foi_answerable > 0),
			count(*) FILTER (WHERE isnan(r.total) OR isinf(r.total) OR r.total > 100)
		FROM results r JOIN activity a ON a.current AND a.dept_code = r.dept_code AND a.period = r.period`).
		Scan(&unranked, &zero, &dash, &ranked, &bad)
	if err != nil {
		t.Fatal(err)
	}
	if unranked != 35 || zero != 8 || dash != 27 || ranked != 2268 || bad != 0 {
		t.Fatalf("unranked %d (all-zero %d, \"-\" %d), ranked %d, bad totals %d; want 35 (8, 27), 2268, 0",
			unranked, zero, dash, ranked, bad)
	}
	var sizes int
	db.QueryRow(`SELECT count(*) FROM results WHERE group_size <> (SELECT count(*) FROM results x
		WHERE x.period = results.period AND x.grp = results.grp AND x.status <> 'unranked')`).Scan(&sizes)
	if sizes != 0 {
		t.Fatalf("%d results count unranked bodies in their group size", sizes)
	}
}

func checkRankings(t *testing.T, db *sql.DB) {
	ctx := context.Background()
	for _, c := range []struct {
		period string
		n      int
	}{{"2020-Q1", 40}, {"2020", 41}, {"2013-Q3", 56}} {
		list, err := scoring.Rank(ctx, db, c.period, "")
		if err != nil || len(list) != c.n {
			t.Fatalf("rank %s: %d standings, %v; want %d", c.period, len(list), err, c.n)
		}
		if list[0].Rank != 1 || list[0].Total < list[len(list)-1].Total {
			t.Fatalf("rank %s is not in order: %+v ... %+v", c.period, list[0], list[len(list)-1])
		}
	}
	ex, err := scoring.Explain(ctx, db, "DWP", "2020")
	if err != nil {
		t.Fatal(err)
	}
	if len(ex.Lines) != 1 || !strings.Contains(ex.Lines[0].ReasonEN, "1953 met the 20-day deadline + 16 with a permitted extension, of 2391") ||
		!strings.Contains(ex.Lines[0].ReasonEN, "82.35% in time") {
		t.Fatalf("DWP 2020 lines = %+v", ex.Lines)
	}
	ex, err = scoring.Explain(ctx, db, "GEO", "2013-Q2")
	if err != nil || ex.Standing.Status != "unranked" || ex.Standing.Rank != 0 {
		t.Fatalf("GEO 2013-Q2 = %+v, %v; want listed as unranked", ex, err)
	}
}

// TestRuleSetsAgree keeps the year rules the quarter rules: only granularity may differ.
func TestRuleSetsAgree(t *testing.T) {
	q, err := scoring.LoadDir("rules-quarter")
	if err != nil {
		t.Fatal(err)
	}
	y, err := scoring.LoadDir("rules-year")
	if err != nil {
		t.Fatal(err)
	}
	if q.Granularity != "quarter" || y.Granularity != "year" || len(q.SQL) != len(y.SQL) {
		t.Fatalf("granularities %s/%s, %d/%d rule files", q.Granularity, y.Granularity, len(q.SQL), len(y.SQL))
	}
	for file, body := range q.SQL {
		if y.SQL[file] != body {
			t.Errorf("rules-year/%s differs from rules-quarter/%s", file, file)
		}
	}
}

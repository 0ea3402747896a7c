package scoring

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/adjustments"
	"github.com/govscore/govscore/ingest"
)

// TestMidYearCorrection: a corrected May re-scores May and June (the quarter's training rule)
// and recomputes results from May on only, carrying January to April into the year to date;
// the results equal those of a full re-run.
func TestMidYearCorrection(t *testing.T) {
	ctx := context.Background()
	db := synthDB(t, 12, 8, 5)
	now := func() time.Time { return time.Date(2014, 9, 1, 0, 0, 0, 0, time.UTC) }
	if _, err := Run(ctx, db, Default(), Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	fix := "部门代码,月份,工作动态,培训\nJXW,2014-05,0,0\nFGW,2014-05,40,3\n"
	if _, err := ingest.Bytes(ctx, db, "fix.csv", []byte(fix), ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	sum, err := Run(ctx, db, Default(), Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(sum.Periods, ","); got != "2014-05,2014-06" {
		t.Errorf("re-scored %s, want 2014-05,2014-06", got)
	}
	if got := strings.Join(sum.Results, ","); got != "2014-05,2014-06,2014-07,2014-08" {
		t.Errorf("results recomputed for %s, want May to August", got)
	}
	// the default rules score departments independently: only the two corrected ones' lines
	if got := strings.Join(sum.Depts, ","); got != "FGW,JXW" {
		t.Errorf("re-scored departments %q, want FGW,JXW", got)
	}
	incremental, incLines := allResults(t, db), allLines(t, db)
	if _, err := Run(ctx, db, Default(), Options{Full: true, Now: now}); err != nil {
		t.Fatal(err)
	}
	if full := allResults(t, db); full != incremental {
		t.Errorf("incremental results differ from a full run:\n%s\nvs\n%s", incremental, full)
	}
	if full := allLines(t, db); full != incLines {
		t.Errorf("incremental lines differ from a full run")
	}
}

// allLines lists every score line's key and points, in a fixed order.
func allLines(t *testing.T, db *sql.DB) string {
	t.Helper()
	var s string
	q := `SELECT string_agg(concat_ws(',', period, dept_code, indicator, item, kind, round(points, 6), max_points), E'\n'
	    ORDER BY period, dept_code, indicator, item) FROM score_lines`
	if err := db.QueryRow(q).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

func allResults(t *testing.T, db *sql.DB) string {
	t.Helper()
	var s string
	q := `SELECT string_agg(concat_ws(',', period, dept_code, status, round(total, 6), grade, rank, rank_change,
	    round(ytd_total, 6), round(ytd_avg, 6), ytd_rank), E'\n' ORDER BY period, dept_code) FROM results`
	if err := db.QueryRow(q).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestAdjustmentRescoresItsDepartment: an office adjustment in a scored month re-scores that
// department alone; its month's ranks and the year to date follow, as a full run gives them.
func TestAdjustmentRescoresItsDepartment(t *testing.T) {
	ctx := context.Background()
	db := synthDB(t, 12, 6, 7)
	if _, err := Run(ctx, db, Default(), Options{}); err != nil {
		t.Fatal(err)
	}
	adj := govscore.Adjustment{DeptCode: "FGW", Period: "2014-03", Points: -20, Reason: "通报批评", Author: "张三"}
	if _, err := adjustments.Add(ctx, db, adj, adjustments.Options{}); err != nil {
		t.Fatal(err)
	}
	sum, err := Run(ctx, db, Default(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(sum.Depts, ","); got != "FGW" || strings.Join(sum.Periods, ",") != "2014-03" {
		t.Errorf("re-scored %q in %v, want FGW in 2014-03", got, sum.Periods)
	}
	incremental, incLines := allResults(t, db), allLines(t, db)
	if !strings.Contains(incLines, "2014-03,FGW,adjustment,") {
		t.Errorf("no adjustment line for FGW in 2014-03")
	}
	if _, err := Run(ctx, db, Default(), Options{Full: true}); err != nil {
		t.Fatal(err)
	}
	if full := allResults(t, db); full != incremental {
		t.Errorf("incremental results differ from a full run:\n%s\nvs\n%s", incremental, full)
	}
	if full := allLines(t, db); full != incLines {
		t.Errorf("incremental lines differ from a full run")
	}
}

// TestLinesOfAnUnrecordedRunAreDropped: lines written under a run id that never got recorded
// (the process stopped mid-run) are never shown, and the next run removes them.
func TestLinesOfAnUnrecordedRunAreDropped(t *testing.T) {
	ctx := context.Background()
	db := synthDB(t, 6, 2, 3)
	if _, err := Run(ctx, db, Default(), Options{}); err != nil {
		t.Fatal(err)
	}
	before := allLines(t, db)
	if _, err := db.Exec(`INSERT INTO line_store SELECT period_id, dept_id, item_id, points + 1, max_points, reason, reason_en, run_id + 1 FROM line_store`); err != nil {
		t.Fatal(err)
	}
	if got := allLines(t, db); got != before {
		t.Errorf("lines of an unrecorded run are shown")
	}
	if _, err := Run(ctx, db, Default(), Options{Full: true}); err != nil {
		t.Fatal(err)
	}
	var orphans int
	if err := db.QueryRow(`SELECT count(*) FROM line_store WHERE run_id NOT IN (SELECT id FROM score_runs)`).Scan(&orphans); err != nil || orphans != 0 {
		t.Errorf("%d lines of an unrecorded run left after the next run (%v)", orphans, err)
	}
	if got := allLines(t, db); got != before {
		t.Errorf("lines after a full re-run differ from the first run's")
	}
}

// TestCorrectionWithAFailingRule: a correction's run puts the rules in one statement; when that
// fails (here a value too big for the rule's cast), the rules run one by one and the error names
// the rule, and nothing changes.
func TestCorrectionWithAFailingRule(t *testing.T) {
	ctx := context.Background()
	db := synthDB(t, 6, 3, 5)
	dir := t.TempDir()
	src, _ := filepath.Glob("../sql/rules/default/*")
	for _, p := range src {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(p) == "volume.sql" {
			b = []byte(strings.Replace(string(b), "p_news + p_regulations", "CAST(pub_news AS TINYINT) * 0 + p_news + p_regulations", 1))
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(p)), b, 0o644)
	}
	rs, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Run(ctx, db, rs, Options{}); err != nil {
		t.Fatal(err)
	}
	before := allResults(t, db) + allLines(t, db)
	if _, err := ingest.Bytes(ctx, db, "fix.csv", []byte("部门代码,月份,工作动态\nJXW,2014-02,1000\n"), ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	_, err = Run(ctx, db, rs, Options{})
	var rerr *RuleError
	if !errors.As(err, &rerr) || rerr.File != "volume.sql" {
		t.Fatalf("err = %v, want a RuleError for volume.sql", err)
	}
	if after := allResults(t, db) + allLines(t, db); after != before {
		t.Errorf("a failed run changed results or lines")
	}
}

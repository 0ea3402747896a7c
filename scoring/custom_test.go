package scoring_test

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/adjustments"
	"github.com/govscore/govscore/scoring"
)

// TestCustomRuleSet runs testdata/custom-rules: per-group maximum with rescaling, a section fail
// line and a bonus gate. Worked out by hand:
//
//	A 市级部门:      news 10 → 30; requests 15; 2 reports, gate met → +2           = 47 优秀
//	B 无公共服务职能: news 10 → 30, no requests; rescaled × 1.5 → +15; +2           = 47 优秀
//	C 市级部门:      news 5 → 15 < 60 % of 30 → −5; requests 15; gate not met → 0 = 25 合格
//	D 市级部门:      news 8 → 24 = 80 % exactly: gate met, no fail; 15; +1         = 40 优秀
func TestCustomRuleSet(t *testing.T) {
	rs, err := scoring.LoadDir("testdata/custom-rules")
	if err != nil {
		t.Fatal(err)
	}
	f := newFixture(t, "dept_code,dept_name,group\nA,甲局,市级部门\nB,乙办,无公共服务职能\nC,丙局,市级部门\nD,丁局,市级部门\n", wide([]row{
		{"A", "", "2014-05", map[string]float64{"pub_news": 10, "special_reports": 2}},
		{"B", "", "2014-05", map[string]float64{"pub_news": 10, "special_reports": 2}},
		{"C", "", "2014-05", map[string]float64{"pub_news": 5, "special_reports": 2}},
		{"D", "", "2014-05", map[string]float64{"pub_news": 8, "special_reports": 1}},
	}))
	f.score(t, rs)
	got := f.standings(t, "2014-05")
	want := map[string]struct {
		total float64
		grade string
	}{"A": {47, "优秀"}, "B": {47, "优秀"}, "C": {25, "合格"}, "D": {40, "优秀"}}
	for code, w := range want {
		if s := got[code]; math.Abs(s.Total-w.total) > 1e-6 || s.Grade != w.grade {
			t.Errorf("%s: total %.4f %s, want %g %s", code, s.Total, s.Grade, w.total, w.grade)
		}
	}
	ex, err := scoring.Explain(context.Background(), f.db, "C", "2014-05")
	if err != nil {
		t.Fatal(err)
	}
	reasons := ""
	for _, l := range ex.Lines {
		reasons += l.Reason + "\n"
	}
	for _, s := range []string{"低于满分的 60%,扣 5 分", "未达 80%,不加分"} {
		if !strings.Contains(reasons, s) {
			t.Errorf("explain C lacks %q:\n%s", s, reasons)
		}
	}
}

// brokenRules copies the custom rule set and replaces one rule's SQL.
func brokenRules(t *testing.T, file, sql string) *scoring.RuleSet {
	t.Helper()
	dir := t.TempDir()
	src, _ := filepath.Glob("testdata/custom-rules/*")
	for _, p := range src {
		b, _ := os.ReadFile(p)
		os.WriteFile(filepath.Join(dir, filepath.Base(p)), b, 0o644)
	}
	os.WriteFile(filepath.Join(dir, file), []byte(sql), 0o644)
	rs, err := scoring.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func TestRuleContract(t *testing.T) {
	cases := []struct{ name, sql, want string }{
		{"points above the maximum", `SELECT dept_code, period, 'x' AS item, 31 AS points, 30 AS max_points, 'r' AS reason, 'r' AS reason_en FROM sub`,
			"points above the line's maximum 30"},
		{"two lines for one key", `SELECT dept_code, period, 'x' AS item, 1 AS points, 30 AS max_points, 'r' AS reason, 'r' AS reason_en FROM sub, range(2)`,
			"more than one line for the same department, period and item"},
		{"a missing column", `SELECT dept_code, period, 1 AS points FROM sub`, "item"},
		{"a line for nobody", `SELECT 'NOPE' AS dept_code, '2014-05' AS period, 'x' AS item, 1 AS points, 30 AS max_points, 'r' AS reason, 'r' AS reason_en`,
			"not being scored"},
		{"a line for a month not scored", `SELECT dept_code, '2014-04' AS period, 'x' AS item, 1 AS points, 30 AS max_points, 'r' AS reason, 'r' AS reason_en FROM sub`,
			"A 2014-04 x 1: a line for a department-period that is not being scored"},
		{"a department id that is not sub's", `SELECT dept_id + 1000 AS dept_id, dept_code, period, 'x' AS item, 1 AS points, 30 AS max_points, 'r' AS reason, 'r' AS reason_en FROM sub`,
			"(department id 1001) 2014-05 x 1: a line for a department-period that is not being scored"},
		{"no department id", `SELECT NULL AS dept_id, dept_code, period, 'x' AS item, 1 AS points, 30 AS max_points, 'r' AS reason, 'r' AS reason_en FROM sub`,
			"not being scored"},
		{"one line above the rule's maximum", `SELECT dept_code, period, 'x' AS item, 35 AS points, NULL AS max_points, 'r' AS reason, 'r' AS reason_en FROM sub`,
			"points add up to 35, outside the rule's range"},
		{"two lines adding up above the rule's maximum", `SELECT dept_code, period, 'x' || i AS item, 20 AS points, 30 AS max_points, 'r' AS reason, 'r' AS reason_en FROM sub, range(2) t(i)`,
			"points add up to 40, outside the rule's range"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t, "dept_code,dept_name,group\nA,甲局,市级部门\n", wide([]row{{"A", "", "2014-05", nil}}))
			before := dump(t, f)
			_, err := scoring.Run(context.Background(), f.db, brokenRules(t, "volume.sql", c.sql), scoring.Options{})
			var rerr *scoring.RuleError
			if !errors.As(err, &rerr) || rerr.File != "volume.sql" || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want a RuleError for volume.sql containing %q", err, c.want)
			}
			if after := dump(t, f); after != before {
				t.Errorf("a failed run changed the database: %s → %s", before, after)
			}
		})
	}
}

// TestRuleRangeBesideSeveralLines: a rule's one line outside its range is found even where
// another rule (here two office adjustments) wrote several lines for the same department-month.
func TestRuleRangeBesideSeveralLines(t *testing.T) {
	f := newFixture(t, "dept_code,dept_name,group\nA,甲局,市级部门\n", wide([]row{{"A", "", "2014-05", nil}}))
	for _, points := range []float64{1, 2} {
		if _, err := adjustments.Add(context.Background(), f.db, govscore.Adjustment{DeptCode: "A", Period: "2014-05", Points: points, Reason: "表彰", Author: "张三"}, adjustments.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	rs := brokenRules(t, "volume.sql", `SELECT dept_code, period, 'x' AS item, 35 AS points, NULL AS max_points, 'r' AS reason, 'r' AS reason_en FROM sub`)
	_, err := scoring.Run(context.Background(), f.db, rs, scoring.Options{})
	var rerr *scoring.RuleError
	if !errors.As(err, &rerr) || rerr.File != "volume.sql" || !strings.Contains(err.Error(), "points add up to 35") {
		t.Fatalf("err = %v, want volume.sql's 35 outside its range", err)
	}
}

func dump(t *testing.T, f *fixture) string {
	var s string
	err := f.db.QueryRow(`SELECT (SELECT count(*) FROM score_lines) || '/' || (SELECT count(*) FROM results) || '/' || (SELECT count(*) FROM score_runs) || '/' || (SELECT count(*) FROM dirty_periods)`).Scan(&s)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestAdjustments: office adjustments are lines with their reason and author; positive ones share
// the bonus cap (+5 with the default rules) with special reports.
//
//	A: perfect 100, 4 special reports → +3, adjustment +4 → bonus capped at 5 → 105
//	B: perfect 100, adjustment −6 → 94
func TestAdjustments(t *testing.T) {
	f := newFixture(t, "dept_code,dept_name,group\nA,甲局,市级部门\nB,乙局,市级部门\n", wide([]row{
		{"A", "", "2014-05", map[string]float64{"special_reports": 4}}, {"B", "", "2014-05", nil}}))
	for _, a := range []govscore.Adjustment{{DeptCode: "A", Period: "2014-05", Points: 4, Reason: "获市级表彰", Author: "张三"}, {DeptCode: "B", Period: "2014-05", Points: -6, Reason: "通报批评", Author: "张三"}} {
		if _, err := adjustments.Add(context.Background(), f.db, a, adjustments.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := adjustments.Add(context.Background(), f.db, govscore.Adjustment{DeptCode: "A", Period: "2014-05", Points: 1, Author: "张三"}, adjustments.Options{}); err == nil {
		t.Error("an adjustment without a reason was accepted")
	}
	f.score(t, scoring.Default())
	got := f.standings(t, "2014-05")
	if math.Abs(got["A"].Total-105) > 1e-9 || math.Abs(got["B"].Total-94) > 1e-9 {
		t.Errorf("totals A %.2f B %.2f, want 105 and 94", got["A"].Total, got["B"].Total)
	}
	ex, _ := scoring.Explain(context.Background(), f.db, "B", "2014-05")
	if last := ex.Lines[len(ex.Lines)-1]; last.Points != -6 || !strings.Contains(last.Reason, "通报批评(张三") {
		t.Errorf("adjustment line = %+v", last)
	}
}

package scoring_test

import (
	"context"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/scoring"
	"github.com/govscore/govscore/storage"
)

// periodRules is a one-rule set (points = the metric x) for quarters or years.
func periodRules(tb testing.TB, granularity string) *scoring.RuleSet {
	tb.Helper()
	fsys := fstest.MapFS{
		"ruleset.yaml": {Data: []byte("name: t\nversion: '1'\ngranularity: " + granularity + "\n" +
			"grades: [{name: 好, name_en: good, min: 5}, {name: 差, name_en: poor, min: 0}]\n" +
			"rules: [{file: x.sql, indicator: x, name: x, kind: score, max: 10}]\n")},
		"x.sql": {Data: []byte("SELECT dept_code, period, 'x' AS item, least(t_x, 10) AS points, 10 AS max_points, 'x' AS reason, 'x' AS reason_en FROM sub")},
	}
	rs, err := scoring.Load(fsys, granularity)
	if err != nil {
		tb.Fatal(err)
	}
	return rs
}

// TestQuarterAndYearActiveRanges: a department is listed in a quarter or year when it is active
// in any of its months; one that ends in February is in Q1 but not Q2, one that starts in May
// is in Q2 (missing, as it sent nothing) but not Q1, and both are in the year.
func TestQuarterAndYearActiveRanges(t *testing.T) {
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "q.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	depts := "dept_code,dept_name,group,active_from,active_to\nA,甲,g,,\nB,乙,g,,2020-02\nC,丙,g,2020-05,\n"
	if _, err := ingest.DepartmentsBytes(ctx, db, "depts.csv", []byte(depts), ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	m, err := ingest.ParseMapping([]byte("department: {code: code}\nperiod: {column: period}\n" +
		"metrics: [{column: x, code: t_x, name: X, unit: 件, kind: count}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	data := "code,period,x\nA,Q1 2020,5\nB,Q1 2020,3\nA,2020-Q2,4\nA,2020,9\nB,2020,2\n"
	if _, err := ingest.MappedBytes(ctx, db, "x.csv", []byte(data), m, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	for _, g := range []string{"quarter", "year"} {
		if _, err := scoring.Run(ctx, db, periodRules(t, g), scoring.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	for per, want := range map[string]string{
		"2020-Q1": "A 1 submitted 5|B 2 submitted 3",
		"2020-Q2": "A 1 submitted 4|C 2 missing 0",
		"2020":    "A 1 submitted 9|B 2 submitted 2|C 3 missing 0",
	} {
		list, err := scoring.Rank(ctx, db, per, "")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range list {
			got = append(got, strings.Join([]string{s.DeptCode, strconv.Itoa(s.Rank), s.Status, strconv.Itoa(int(s.Total))}, " "))
		}
		sort.Strings(got)
		if strings.Join(got, "|") != want {
			t.Errorf("%s = %s, want %s", per, strings.Join(got, "|"), want)
		}
	}
}

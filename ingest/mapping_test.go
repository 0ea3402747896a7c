package ingest

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// testMapping reads a mapping of the shape the real UK file needs: names, not codes; quarters
// and years in one column; "-" for not reported; a column heading repeated.
const testMapping = `
name: test statistics
department: {name: Government body, register: true, group: UK}
period: {column: Quarter, keep: [quarter, year]}
values: {missing: ["-"], thousands: ","}
skip:
  - {column: Government body, equals: [TOTAL]}
metrics:
  - {column: Received, code: t_received, name: Received, unit: requests, kind: count}
  - {column: Answered, occurrence: 1, code: t_answered, name: Answered, unit: requests, kind: count}
  - {column: Answered, occurrence: 2, code: t_answered_again, name: Answered again, unit: requests, kind: count}
  - {column: Share, code: t_share, name: Share, unit: "%", kind: rate}
`

// testStats has a byte-order mark, header cells with trailing spaces, a repeated heading, "-"
// and blank cells, thousands separators, a total row and a month row to skip.
const testStats = "\ufeffQuarter,Government body ,Received ,Answered,Answered ,Share\n" +
	"Q1 2020,Home Office,\"1,104\",1000,-,90.58\n" +
	"2020,Home Office,\"4,000\",3900,3901,\n" +
	"Q1 2020,Wales Office,0,0,0,-\n" +
	"Q1 2020,TOTAL,5,5,5,100\n" +
	"2020-11,Home Office,1,1,1,100\n"

func mustMapping(tb testing.TB, text string) *Mapping {
	tb.Helper()
	m, err := ParseMapping([]byte(text))
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

func TestMappedIngest(t *testing.T) {
	db := mustOpenDB(t)
	m := mustMapping(t, testMapping)
	res, err := MappedBytes(context.Background(), db, "stats.csv", []byte(testStats), m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows != 3 || res.New != 3 || res.Skipped != 2 || strings.Join(res.Registered, ",") != "HO,WO" || len(res.Declared) != 4 {
		t.Fatalf("result = %+v", res)
	}
	if got := strings.Join(res.Periods, ","); got != "2020,2020-Q1" {
		t.Fatalf("periods = %s, want the canonical 2020,2020-Q1", got)
	}
	var received, answered float64
	var again, share sql.NullFloat64
	err = db.QueryRow(`SELECT t_received, t_answered, t_answered_again, t_share FROM activity WHERE dept_code = 'HO' AND period = '2020-Q1'`).
		Scan(&received, &answered, &again, &share)
	if err != nil || received != 1104 || answered != 1000 || again.Valid || share.Float64 != 90.58 {
		t.Fatalf("HO 2020-Q1 = %v %v %v %v, %v; want 1104 1000 NULL (\"-\" is not 0) 90.58", received, answered, again, share, err)
	}
	db.QueryRow(`SELECT t_answered_again FROM activity WHERE dept_code = 'HO' AND period = '2020'`).Scan(&again)
	if again.Float64 != 3901 {
		t.Fatalf("occurrence 2 read %v, want 3901 from the second Answered column", again)
	}
	var grp, unit string
	db.QueryRow(`SELECT grp FROM depts WHERE code = 'WO' AND name = 'Wales Office'`).Scan(&grp)
	db.QueryRow(`SELECT unit FROM metrics WHERE code = 't_share'`).Scan(&unit)
	if grp != "UK" || unit != "%" {
		t.Fatalf("registered group %q, declared unit %q", grp, unit)
	}
	again2, err := MappedBytes(context.Background(), db, "stats.csv", []byte(testStats), m, Options{})
	if err != nil || !again2.Repeat {
		t.Fatalf("same file, same mapping = %+v, %v; want a repeat", again2, err)
	}
}

func TestMappedRejectsBadInput(t *testing.T) {
	header := "Quarter,Government body,Received,Answered,Answered,Share\n"
	cases := []struct {
		name, mapping, file string
		want                []string
	}{
		{"missing column", strings.Replace(testMapping, "column: Share", "column: Shares", 1), header + "Q1 2020,Home Office,1,1,1,100\n",
			[]string{`bad.csv: row 1, column "Shares"`, "metric t_share column is not in the file", `"Share"`}},
		{"period does not parse", testMapping, header + "Q1 2020,Home Office,1,1,1,100\nQ5 2020,Home Office,1,1,1,100\n",
			[]string{`bad.csv: row 3, column "Quarter"`, `expected a period such as 2014-11, Q1 2020, 2020-Q1 or 2020, got "Q5 2020"`}},
		{"not a number", testMapping, header + "Q1 2020,Home Office,12a,1,1,100\n",
			[]string{`bad.csv: row 2, column "Received"`, `t_received: expected a whole number ≥ 0 (requests), got "12a"`}},
		{"rate above 100", testMapping, header + "Q1 2020,Home Office,1,1,1,101\n",
			[]string{`bad.csv: row 2, column "Share"`, `expected a percentage from 0 to 100, got "101"`}},
		{"repeated column unnamed", strings.Replace(testMapping, "occurrence: 1, ", "", 1), header + "Q1 2020,Home Office,1,1,1,100\n",
			[]string{`bad.csv: row 1, column "Answered"`, "appears 2 times (columns D and E)", "occurrence: 1 to 2"}},
		{"unknown department", strings.Replace(testMapping, "register: true", "register: false", 1), header + "Q1 2020,Home Office,1,1,1,100\n",
			[]string{`bad.csv: row 2, column "Government body"`, `unknown department "Home Office"`}},
		{"one name, two codes", "department: {code: c, name: n, register: true, group: g}\nperiod: {value: '2020'}\nmetrics: [{column: x, code: t_x, name: X, unit: u, kind: count}]\n",
			"c,n,x\nA1,Body,1\nA2,Body,2\n", []string{`bad.csv: row 3, column "n"`, `name "Body" is given to department A1 earlier in this file, not A2`}},
		{"twice in a file", testMapping, header + "Q1 2020,Home Office,1,1,1,100\n2020-Q1,Home Office,1,1,1,100\n",
			[]string{"bad.csv: row 3", "HO, 2020-Q1 appears twice in this file (first in row 2)"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := mustOpenDB(t)
			before := mappedSnapshot(t, db)
			_, err := MappedBytes(context.Background(), db, "bad.csv", []byte(c.file), mustMapping(t, c.mapping), Options{})
			var rerr *RejectedError
			if !errors.As(err, &rerr) {
				t.Fatalf("err = %v, want a RejectedError", err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\nlacks %q", err, w)
				}
			}
			if after := mappedSnapshot(t, db); after != before {
				t.Fatalf("a rejected file changed the database: %s → %s", before, after)
			}
		})
	}
}

// mappedSnapshot adds to snapshot what a mapping may change: the catalog and activity's columns.
func mappedSnapshot(tb testing.TB, db *sql.DB) string {
	var metrics, cols int
	db.QueryRow(`SELECT count(*) FROM metrics`).Scan(&metrics)
	db.QueryRow(`SELECT count(*) FROM information_schema.columns WHERE table_name = 'activity'`).Scan(&cols)
	return snapshot(tb, db) + " " + strings.Repeat("m", metrics) + " " + strings.Repeat("c", cols)
}

func TestMappingChecks(t *testing.T) {
	cases := map[string]struct{ from, to, want string }{
		"bad code":          {"code: t_share", "code: T-Share", `code "T-Share" must be lower-case`},
		"reserved column":   {"code: t_share", "code: period", `code "period" must be lower-case`},
		"unknown field":     {"thousands:", "thousand:", "field thousand not found"},
		"no group":          {"register: true, group: UK", "register: true", "needs the group"},
		"two period":        {"period: {column: Quarter,", "period: {column: Quarter, value: '2020',", "either the column"},
		"bad kind":          {"kind: rate", "kind: percent", `kind "percent" must be count, rate or amount`},
		"bad keep":          {"keep: [quarter, year]", "keep: [week]", `"week" is not month, quarter or year`},
		"bad skip pattern":  {"equals: [TOTAL]", "matches: '('", "skip 1: matches"},
		"same metric twice": {"code: t_answered_again", "code: t_answered", "fed by two columns"},
		"bad period value":  {"period: {column: Quarter,", "period: {value: 'Q5 2020',", `period: value: "Q5 2020" is not a period`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			text := strings.Replace(testMapping, c.from, c.to, 1)
			if text == testMapping {
				t.Fatalf("%q not in the test mapping", c.from)
			}
			_, err := ParseMapping([]byte(text))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want %q", err, c.want)
			}
		})
	}
}

func TestMappedMetricMustAgreeWithCatalog(t *testing.T) {
	db := mustOpenDB(t)
	text := strings.Replace(testMapping, "code: t_received, name: Received, unit: requests", "code: req_received, unit: requests", 1)
	_, err := MappedBytes(context.Background(), db, "s.csv", []byte(testStats), mustMapping(t, text), Options{})
	if err == nil || !strings.Contains(err.Error(), `already has this metric with unit "件", not "requests"`) {
		t.Fatalf("err = %v", err)
	}
	text = strings.Replace(testMapping, "code: t_received, name: Received, unit: requests, kind: count", "code: req_received", 1)
	if _, err := MappedBytes(context.Background(), db, "s.csv", []byte(testStats), mustMapping(t, text), Options{}); err != nil {
		t.Fatalf("feeding a catalog metric: %v", err)
	}
	var v float64
	db.QueryRow(`SELECT req_received FROM activity WHERE dept_code = 'HO' AND period = '2020'`).Scan(&v)
	if v != 4000 {
		t.Fatalf("req_received = %v, want 4000", v)
	}
}

func TestPeriodActiveMacro(t *testing.T) {
	db := mustOpenDB(t)
	cases := []struct {
		period, from, to string
		want             bool
	}{
		{"2014-11", "2014-11", "", true}, {"2014-10", "2014-11", "", false}, {"2014-12", "", "2014-11", false},
		{"2020-Q1", "2020-03", "", true}, {"2020-Q1", "2020-04", "", false}, {"2020-Q2", "", "2020-03", false},
		{"2020-Q4", "", "2020-10", true}, {"2020", "2020-12", "", true}, {"2020", "2021-01", "", false},
		{"2020", "", "2019-12", false}, {"2020", "", "", true},
	}
	for _, c := range cases {
		var got bool
		err := db.QueryRow(`SELECT period_active(?, nullif(?, ''), nullif(?, ''))`, c.period, c.from, c.to).Scan(&got)
		if err != nil || got != c.want {
			t.Errorf("period_active(%s, %q, %q) = %v, %v; want %v", c.period, c.from, c.to, got, err, c.want)
		}
	}
}

func TestInitials(t *testing.T) {
	r := &registry{c: &catalog{depts: map[string]dept{"DWP": {}}}, byName: map[string]string{}, taken: map[string]bool{}}
	for name, want := range map[string]string{
		"Department for Work and Pensions": "DWP2", "Attorney General's Office": "AGO", "经济和信息化局": "D1",
	} {
		if got := r.newCode(name); got != want {
			t.Errorf("newCode(%q) = %s, want %s", name, got, want)
		}
	}
}

// TestMappedFileKeepsOtherMetrics: two sources for the same department-month each bring only
// their own metrics; a new version keeps the other source's values, and the same figures in
// other bytes are no revision.
func TestMappedFileKeepsOtherMetrics(t *testing.T) {
	db := mustOpenDB(t)
	ctx := context.Background()
	source := func(metric string) *Mapping {
		return mustMapping(t, "department: {code: code}\nperiod: {column: month}\nvalues: {missing: ['-']}\nmetrics: [{column: n, code: "+metric+"}]\n")
	}
	steps := []struct {
		mapping, file string
		want          string // version, req_received, req_ontime, news after the step
	}{
		{"req_received", "code,month,n\nJXW,2014-11,5\n", "1 5 <nil> <nil>"},
		{"req_ontime", "code,month,n\nJXW,2014-11,4\n", "2 5 4 <nil>"},
		{"req_ontime", "month,code,n\n2014-11,JXW,4\n", "2 5 4 <nil>"}, // same figures, other bytes: unchanged
		{"req_received", "code,month,n\nJXW,2014-11,6\n", "3 6 4 <nil>"},
		{"pub_news", "code,month,n\nJXW,2014-11,-\n", "3 6 4 <nil>"}, // "-" reports nothing new
	}
	for i, s := range steps {
		if _, err := MappedBytes(ctx, db, fmt.Sprintf("s%d.csv", i), []byte(s.file), source(s.mapping), Options{}); err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
		var version int
		var received, ontime, news *float64
		err := db.QueryRow(`SELECT version, req_received, req_ontime, pub_news FROM activity WHERE current AND dept_code = 'JXW'`).
			Scan(&version, &received, &ontime, &news)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(version, " ", deref(received), " ", deref(ontime), " ", deref(news)); got != s.want {
			t.Fatalf("after step %d: version, received, on time, news = %s, want %s", i+1, got, s.want)
		}
	}
}

func deref(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

// TestMappedXLSX reads the same statistics from a workbook made by excelize: numbers and a
// year as number cells, a quarter as text.
func TestMappedXLSX(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"Quarter", "Government body ", "Received ", "Answered", "Answered ", "Share"},
		{"Q1 2020", "Home Office", 1104, 1000, "-", 90.58},
		{2020, "Home Office", 4000, 3900, 3901, nil},
	}
	for i, r := range rows {
		cellName, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cellName, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	db := mustOpenDB(t)
	res, err := MappedBytes(context.Background(), db, "stats.xlsx", buf.Bytes(), mustMapping(t, testMapping), Options{})
	if err != nil || res.Rows != 2 || strings.Join(res.Periods, ",") != "2020,2020-Q1" {
		t.Fatalf("xlsx = %+v, %v", res, err)
	}
	var received float64
	var format string
	db.QueryRow(`SELECT a.t_received, b.format FROM activity a JOIN batches b ON b.id = a.batch_id WHERE a.period = '2020'`).Scan(&received, &format)
	if received != 4000 || format != "mapped-xlsx" {
		t.Fatalf("2020 received %v from a %q batch", received, format)
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
)

// govscore runs the CLI in-process and returns what it printed.
func govscore(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), err
}

var (
	demoOnce sync.Once
	demoDir  string
	demoErr  error
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "govscore-cmd-test")
	if err != nil {
		panic(err)
	}
	demoDir = filepath.Join(dir, "demo")
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// demoDB builds the demo city once for all tests in this package.
func demoDB(t *testing.T) string {
	t.Helper()
	demoOnce.Do(func() { _, _, demoErr = govscoreNoT("demo", "--dir", demoDir) })
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return filepath.Join(demoDir, "govscore.duckdb")
}

var binOnce struct {
	sync.Once
	path string
	err  error
}

// buildBin builds the govscore binary once for all tests of this package that run it as a process.
func buildBin(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		binOnce.path = filepath.Join(filepath.Dir(demoDir), "bin", "govscore")
		out, err := exec.Command("go", "build", "-o", binOnce.path, ".").CombinedOutput()
		if err != nil {
			binOnce.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binOnce.err != nil {
		t.Fatal(binOnce.err)
	}
	return binOnce.path
}

func govscoreNoT(args ...string) (string, string, error) {
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestDemoAndRankFormats(t *testing.T) {
	db := demoDB(t)
	out, _, err := govscore(t, "--db", db, "rank", "--month", "2014-12", "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := strings.Join(rows[0], ",")
	for _, col := range []string{"month", "group", "rank", "dept_code", "dept_name", "total", "grade", "rank_change", "ytd_total", "ytd_rank", "status"} {
		if !strings.Contains(","+head+",", ","+col+",") {
			t.Errorf("csv header %q lacks %s", head, col)
		}
	}
	groups, statuses := map[string]int{}, map[string]int{}
	for _, r := range rows[1:] {
		groups[r[1]]++
		statuses[r[11]]++
		if !strings.Contains(r[5], ".") || len(r[5])-strings.Index(r[5], ".") != 3 {
			t.Errorf("total %q does not have 2 decimals", r[5])
		}
	}
	if len(groups) != 2 || groups["市级部门"] < 30 || groups["县区政府"] < 15 {
		t.Errorf("groups = %v, want both groups of the demo city", groups)
	}
	if statuses["submitted"] == 0 {
		t.Errorf("statuses = %v", statuses)
	}
	out, _, err = govscore(t, "--db", db, "rank", "--month", "2014年12月", "--group", "县区政府", "--format", "json")
	var list []map[string]any
	if err != nil || json.Unmarshal([]byte(out), &list) != nil || len(list) != groups["县区政府"] || list[0]["group"] != "县区政府" {
		t.Fatalf("json = %.200s, %v", out, err)
	}
	// a page: the 2nd and 3rd of the group, as in the whole list
	out, _, err = govscore(t, "--db", db, "rank", "--month", "2014-12", "--group", "县区政府", "--format", "json", "--limit", "2", "--offset", "1")
	var page []map[string]any
	if err != nil || json.Unmarshal([]byte(out), &page) != nil || len(page) != 2 ||
		page[0]["dept_code"] != list[1]["dept_code"] || page[1]["dept_code"] != list[2]["dept_code"] {
		t.Errorf("rank --limit 2 --offset 1 = %.300s, %v", out, err)
	}
	xlsx := filepath.Join(t.TempDir(), "rank.xlsx")
	if _, _, err := govscore(t, "--db", db, "rank", "--month", "2014-12", "--format", "xlsx", "--out", xlsx); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// a summary sheet, then a sheet per group: a title row, a header, a row per department
	n := 0
	for _, sheet := range f.GetSheetList()[1:] {
		sheetRows, _ := f.GetRows(sheet)
		n += len(sheetRows) - 2
		if sheetRows[1][0] != "排名" {
			t.Errorf("%s: header %v", sheet, sheetRows[1])
		}
	}
	if sheets := f.GetSheetList(); sheets[0] != "汇总" || n != len(rows)-1 {
		t.Errorf("xlsx sheets %v hold %d departments, want %d", sheets, n, len(rows)-1)
	}
}

func TestDemoHasWhatRealDataHas(t *testing.T) {
	db := demoDB(t)
	out, _, err := govscore(t, "--db", db, "explain", "JXW", "--month", "2013-03")
	if err != nil || !strings.Contains(out, "经济和信息化局") {
		t.Errorf("renamed department: %v\n%s", err, out)
	}
	out, _, _ = govscore(t, "--db", db, "rank", "--month", "2014-06", "--format", "csv")
	if !strings.Contains(out, ",veto") {
		t.Errorf("no veto in June 2014:\n%s", out)
	}
	missing := 0
	for _, m := range []string{"2013-01", "2013-06", "2014-01", "2014-12"} {
		out, _, _ = govscore(t, "--db", db, "rank", "--month", m, "--format", "csv")
		missing += strings.Count(out, ",missing")
	}
	if missing == 0 {
		t.Error("no missing submission in four months of the demo")
	}
	out, _, _ = govscore(t, "--db", db, "rank", "--month", "2014-01", "--format", "csv")
	if strings.Contains(out, ",SPJ,") {
		t.Error("the late-starting department is ranked before it starts")
	}
	out, _, _ = govscore(t, "--db", db, "explain", "JYJ", "--month", "2014-12")
	if !strings.Contains(out, "数据第 2 版(当前)") {
		t.Errorf("the demo's revision is not visible:\n%s", out)
	}
}

func TestHelpEverywhere(t *testing.T) {
	for name := range commands {
		t.Run(name, func(t *testing.T) {
			_, errOut, err := govscore(t, name, "--help")
			if err == nil || !strings.Contains(errOut, "Usage: govscore "+name) {
				t.Errorf("%s --help: %v\n%s", name, err, errOut)
			}
		})
	}
	_, errOut, _ := govscore(t, "--help")
	if !strings.Contains(errOut, "Commands:") {
		t.Errorf("govscore --help:\n%s", errOut)
	}
}

func TestUsefulErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "empty.duckdb")
	missing := filepath.Join(t.TempDir(), "typo.duckdb")
	if _, _, err := govscore(t, "--db", db, "init"); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--db", db, "rank", "--month", "2014-11"}, "no results for this period"},
		{[]string{"--db", missing, "rank", "--month", "2014-11"}, "no database at " + missing},
		{[]string{"--db", missing, "explain", "JXW", "--month", "2014-11"}, "no database at " + missing},
		{[]string{"--db", missing, "jobs"}, "no database at " + missing},
		{[]string{"--db", db, "rank", "--month", "2014-13"}, "month 13 is not between 1 and 12"},
		{[]string{"--db", db, "rank"}, "give the period with --month"},
		{[]string{"--db", db, "explain", "--month", "2014-11"}, "name the department"},
		{[]string{"--db", db, "nosuch"}, `unknown command "nosuch"`},
		{[]string{"--lang", "fr", "init"}, "expected zh or en"},
	}
	for _, c := range cases {
		_, _, err := govscore(t, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: err = %v, want %q", c.args, err, c.want)
		}
	}
	// a read command never creates the database it was pointed at
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("%s: a read command created it (stat: %v)", missing, err)
	}
}

func TestRulesExportRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "rules")
	if _, _, err := govscore(t, "rules", "export", dir); err != nil {
		t.Fatal(err)
	}
	out, _, err := govscore(t, "rules", "check", dir)
	if err != nil || !strings.Contains(out, "默认考核细则") || !strings.Contains(out, "10 条规则") {
		t.Fatalf("rules check: %v\n%s", err, out)
	}
}

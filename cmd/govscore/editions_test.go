package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/govscore/govscore/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// golden compares got with testdata/editions/NAME, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "editions", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// at sets the clock the commands record times with.
func at(t *testing.T, s string) {
	t.Helper()
	when, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	clock = func() time.Time { return when }
	t.Cleanup(func() { clock = time.Now })
}

// must runs the CLI and fails the test on an error; it returns standard output.
func must(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, err := govscore(t, args...)
	if err != nil {
		t.Fatalf("govscore %s: %v\n%s", strings.Join(args, " "), err, errOut)
	}
	return out
}

// rankings are 2014-11's ranking in every format (an edition's, with edition > ""), by name.
func rankings(t *testing.T, db string, edition ...string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, f := range []struct{ name, lang, format string }{{"table", "zh", "table"}, {"table-en", "en", "table"}, {"csv", "zh", "csv"}, {"json", "zh", "json"}, {"xlsx", "zh", "xlsx"}, {"xlsx-en", "en", "xlsx"}} {
		args := append([]string{"--db", db, "--lang", f.lang, "rank", "--month", "2014-11", "--format", f.format}, edition...)
		if f.format != "xlsx" {
			out[f.name] = must(t, args...)
			continue
		}
		file := filepath.Join(t.TempDir(), f.name+".xlsx")
		must(t, append(args, "--out", file)...)
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		out[f.name] = string(b)
	}
	return out
}

// TestEditionsGolden: publish 2014-11; correct a department's data; diff names the department,
// the data version, the file and its author; publish again (edition 2). Then rename a
// department (refused, then forced) and score with a changed rule set: rank --edition 1 and
// --edition 2, in every format and language, are byte for byte what they printed when each was
// published — which is what rank printed then (the workbooks' titles name the edition instead of
// 当前结果) — and diff names the registry and rule set changes.
func TestEditionsGolden(t *testing.T) {
	db := filepath.Join(t.TempDir(), "city.duckdb")
	dir := filepath.Join("testdata", "editions")
	at(t, "2014-12-01T09:00:00+08:00")
	must(t, "--db", db, "depts", "import", filepath.Join(dir, "depts.csv"))
	must(t, "--db", db, "ingest", "--author", "各部门", filepath.Join(dir, "activity-2014-10.csv"), filepath.Join(dir, "activity-2014-11.csv"))
	must(t, "--db", db, "score")
	first := rankings(t, db)
	golden(t, "rank.txt", first["table"])

	at(t, "2014-12-03T10:00:00+08:00")
	golden(t, "publish.txt", must(t, "--db", db, "publish", "--month", "2014-11", "--author", "政务公开办", "--note", "2014年11月通报"))
	first = asPublished(t, first, rankings(t, db, "--edition", "1"))

	at(t, "2014-12-05T15:30:00+08:00")
	must(t, "--db", db, "ingest", "--author", "经信局", "--reason", "更正:JXW 依申请公开数据", filepath.Join(dir, "activity-2014-11-corrected.csv"))
	if out := must(t, "--db", db, "score"); !strings.Contains(out, "2014-11 已发布第 1 版;当前结果有 ") {
		t.Errorf("score does not say the results differ from edition 1:\n%s", out)
	}
	golden(t, "diff.txt", must(t, "--db", db, "diff", "--month", "2014-11"))
	golden(t, "diff-en.txt", must(t, "--db", db, "--lang", "en", "diff", "--month", "2014-11", "--from", "1"))
	golden(t, "diff.json", must(t, "--db", db, "diff", "--month", "2014-11", "--format", "json"))

	at(t, "2014-12-06T09:00:00+08:00")
	current := rankings(t, db)
	must(t, "--db", db, "publish", "--month", "2014-11", "--author", "政务公开办", "--note", "更正后重发")
	second := asPublished(t, current, rankings(t, db, "--edition", "2"))
	golden(t, "editions.txt", must(t, "--db", db, "editions", "--month", "2014-11"))

	at(t, "2015-01-10T09:00:00+08:00")
	_, _, err := govscore(t, "--db", db, "depts", "import", filepath.Join(dir, "depts-renamed.csv"))
	golden(t, "rename-refused.txt", errText(err))
	must(t, "--db", db, "depts", "import", "--force", "--author", "政务公开办", filepath.Join(dir, "depts-renamed.csv"))
	must(t, "--db", db, "score", "--rules", changedRules(t))

	for n, want := range map[string]map[string]string{"1": first, "2": second} {
		for format, got := range rankings(t, db, "--edition", n) {
			if got != want[format] {
				t.Errorf("rank --edition %s --format %s differs from what was published:\n%.600s\nwant\n%.600s", n, format, got, want[format])
			}
		}
	}
	if now := rankings(t, db); now["csv"] == second["csv"] {
		t.Error("the current ranking did not change: the test proves nothing")
	}
	golden(t, "diff-rules.txt", must(t, "--db", db, "diff", "--month", "2014-11"))
	bulletinOfEdition(t, db)
	golden(t, "audit.txt", must(t, "--db", db, "audit"))
}

// asPublished checks that an edition's outputs just after publishing are rank's outputs then:
// byte for byte, but for the workbooks' title rows, which name the edition instead of 当前结果.
// It returns the edition's outputs, which must never change.
func asPublished(t *testing.T, rank, edition map[string]string) map[string]string {
	t.Helper()
	for format, got := range edition {
		if !strings.HasPrefix(format, "xlsx") && got != rank[format] {
			t.Errorf("rank --edition --format %s differs from rank at publication:\n%.600s\nwant\n%.600s", format, got, rank[format])
		}
		if strings.HasPrefix(format, "xlsx") && sheetsBelowTitle(t, got) != sheetsBelowTitle(t, rank[format]) {
			t.Errorf("rank --edition --format %s: the workbook's rows differ from rank's at publication", format)
		}
	}
	return edition
}

// sheetsBelowTitle is every sheet's rows of a workbook but its title row.
func sheetsBelowTitle(t *testing.T, content string) string {
	t.Helper()
	f := testutil.OpenXLSX(t, []byte(content))
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil || len(rows) < 2 {
			t.Fatalf("sheet %s: %d rows, %v", sheet, len(rows), err)
		}
		fmt.Fprintf(&b, "%s: %q\n", sheet, rows[1:])
	}
	return b.String()
}

// bulletinOfEdition: the bulletin states the edition asked for, under the names it published.
func bulletinOfEdition(t *testing.T, db string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "通报.html")
	must(t, "--db", db, "bulletin", "--month", "2014-11", "--edition", "1", "--out", out)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"依据第 1 版发布结果", "经济和信息化局", "83.17"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the bulletin of edition 1 lacks %q", want)
		}
	}
	if strings.Contains(string(b), "工业和信息化局") {
		t.Error("the bulletin of edition 1 uses the name given after it")
	}
}

func errText(err error) string {
	if err == nil {
		return "(no error)\n"
	}
	return message(err) + "\n"
}

// changedRules is the default rule set exported, as version 2015.1 with a higher news target.
func changedRules(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "rules-2015")
	must(t, "rules", "export", dir)
	path := filepath.Join(dir, "ruleset.yaml")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(bytes.Replace(b, []byte(`version: "2014.1"`), []byte(`version: "2015.1"`), 1),
		[]byte(`news_target: {"*": 10}`), []byte(`news_target: {"*": 12}`), 1)
	if bytes.Equal(edited, b) {
		t.Fatal("ruleset.yaml not edited: its version or news_target line changed")
	}
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

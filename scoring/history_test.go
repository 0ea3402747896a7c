package scoring_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/scoring"

	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/report"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// historyDepts: JXW was renamed (files of January still use the old name), CZJ starts in
// February, LZQ is in the other group.
const historyDepts = `部门代码,部门名称,分组,曾用名,启用月份,停用月份
JXW,经济和信息化局,市级部门,经济和信息化委员会,,
FGW,发展和改革委员会,市级部门,,,
JYJ,教育局,市级部门,,,
GAJ,公安局,市级部门,,,
CZJ,财政局,市级部门,,2014-02,
LZQ,利州区人民政府,县区政府,,,
`

// history is three months of a small city. Worked out by hand:
//
//	January:  JXW 100 (by its former name); FGW and JYJ both 98 (工作动态 8: −2), tied 2nd;
//	          GAJ 94.25 (4 requests, 3 on time: −3.75; 1 overdue: −2) 4th → ranks 1, 2, 2, 4.
//	          CZJ is not active yet and is not ranked. LZQ 100, alone in 县区政府.
//	February: GAJ submits nothing: 未报送, 0, last. CZJ 95 (no training this quarter … but JXW's
//	          training counts only for JXW). FGW first sends 100, then a revision with 工作动态 5
//	          (10 × 0.5 = 5: −5) → 95, tied with CZJ. JYJ and JXW send no training in February but
//	          trained in January, the same quarter: still 5.
//	March:    everyone perfect again; GAJ back.
var history = [][]row{
	{
		{"JXW", "经济和信息化委员会", "2014-01", nil},
		{"FGW", "", "2014-01", map[string]float64{"pub_news": 8}},
		{"JYJ", "", "2014-01", map[string]float64{"pub_news": 8}},
		{"GAJ", "", "2014-01", map[string]float64{"req_received": 4, "req_ontime": 3, "req_overdue": 1}},
		{"LZQ", "", "2014-01", nil},
	},
	{
		{"JXW", "经济和信息化局", "2014-02", map[string]float64{"training_sessions": 0}},
		{"FGW", "", "2014-02", nil},
		{"JYJ", "", "2014-02", map[string]float64{"training_sessions": 0}},
		{"CZJ", "", "2014-02", map[string]float64{"training_sessions": 0}},
		{"LZQ", "", "2014-02", nil},
	},
	{
		{"FGW", "", "2014-02", map[string]float64{"pub_news": 5}},
	},
	{
		{"JXW", "", "2014-03", nil}, {"FGW", "", "2014-03", nil}, {"JYJ", "", "2014-03", nil},
		{"GAJ", "", "2014-03", nil}, {"CZJ", "", "2014-03", nil}, {"LZQ", "", "2014-03", nil},
	},
}

func historyFixture(t *testing.T) *fixture {
	files := make([]string, len(history))
	for i, rows := range history {
		files[i] = wide(rows)
	}
	f := newFixture(t, historyDepts, files...)
	f.score(t, scoring.Default())
	return f
}

func TestHistoryByHand(t *testing.T) {
	f := historyFixture(t)
	jan, feb := f.standings(t, "2014-01"), f.standings(t, "2014-02")
	check := func(name string, got, want any) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	check("Jan ranks JXW FGW JYJ GAJ", [4]int{jan["JXW"].Rank, jan["FGW"].Rank, jan["JYJ"].Rank, jan["GAJ"].Rank}, [4]int{1, 2, 2, 4})
	check("Jan FGW total", report.Round2(jan["FGW"].Total), 98.0)
	check("Jan GAJ total", report.Round2(jan["GAJ"].Total), 94.25)
	_, czjInJan := jan["CZJ"]
	check("CZJ ranked before it starts", czjInJan, false)
	check("Jan group size", jan["JXW"].GroupSize, 4)
	check("Jan rank change (no December)", jan["JXW"].RankChange == nil, true)
	check("Feb GAJ status", feb["GAJ"].Status, "missing")
	check("Feb GAJ total", feb["GAJ"].Total, 0.0)
	check("Feb GAJ rank", feb["GAJ"].Rank, 5)
	check("Feb FGW total after revision", report.Round2(feb["FGW"].Total), 95.0)
	check("Feb JXW keeps January's training", report.Round2(feb["JXW"].Total), 100.0)
	check("Feb CZJ without training", report.Round2(feb["CZJ"].Total), 95.0)
	check("Feb FGW and CZJ tied", [2]int{feb["FGW"].Rank, feb["CZJ"].Rank}, [2]int{3, 3})
	check("Feb FGW rank change", *feb["FGW"].RankChange, 2-3)
	check("Feb GAJ rank change", *feb["GAJ"].RankChange, 4-5)
	check("Feb CZJ rank change (new)", feb["CZJ"].RankChange == nil, true)
	check("Feb FGW ytd", report.Round2(feb["FGW"].YTDTotal), 193.0)
	check("Feb GAJ ytd average", report.Round2(feb["GAJ"].YTDAvg), 47.13)
	check("Feb CZJ ytd average over its own months", report.Round2(feb["CZJ"].YTDAvg), 95.0)
}

// TestHistoryGolden pins the whole output: rankings of every month, and explain for the
// revised and the missing department. Regenerate with `go test ./scoring -update`.
func TestHistoryGolden(t *testing.T) {
	f := historyFixture(t)
	var out bytes.Buffer
	for _, m := range []string{"2014-01", "2014-02", "2014-03"} {
		list, err := scoring.Rank(context.Background(), f.db, m, "")
		if err != nil {
			t.Fatal(err)
		}
		report.CSV(&out, list)
	}
	for _, dm := range [][2]string{{"FGW", "2014-02"}, {"GAJ", "2014-02"}, {"GAJ", "2014-01"}} {
		ex, err := scoring.Explain(context.Background(), f.db, dm[0], dm[1])
		if err != nil {
			t.Fatal(err)
		}
		for i := range ex.Versions { // file paths and times vary from run to run
			ex.Versions[i].File, ex.Versions[i].IngestedAt = filepath.Base(ex.Versions[i].File), "(time)"
		}
		report.Explain(&out, ex, locale.ZH)
		report.Explain(&out, ex, locale.EN)
	}
	golden(t, "testdata/history/want.txt", out.Bytes())
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run `go test ./scoring -update` to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run with -update and review the diff):\n%s", path, got)
	}
}

// TestRescoreIsStable: with nothing changed a run does nothing; a full re-run gives byte-identical
// rankings and records the rule set's version and hash; a revision re-scores only its month and
// the rest of its quarter.
func TestRescoreIsStable(t *testing.T) {
	f := historyFixture(t)
	ranking := func() string {
		var b bytes.Buffer
		for _, m := range []string{"2014-01", "2014-02", "2014-03"} {
			list, err := scoring.Rank(context.Background(), f.db, m, "")
			if err != nil {
				t.Fatal(err)
			}
			report.CSV(&b, list)
		}
		return b.String()
	}
	before := ranking()
	if sum := f.score(t, scoring.Default()); !sum.UpToDate {
		t.Fatalf("second run = %+v, want up to date", sum)
	}
	sum, err := scoring.Run(context.Background(), f.db, scoring.Default(), scoring.Options{Full: true})
	if err != nil || len(sum.Periods) != 3 {
		t.Fatalf("full run = %+v, %v", sum, err)
	}
	if after := ranking(); after != before {
		t.Errorf("a full re-run changed the ranking:\n%s\nvs\n%s", before, after)
	}
	var version, hash string
	f.db.QueryRow(`SELECT ruleset_version, ruleset_hash FROM score_runs WHERE id = ?`, sum.Run).Scan(&version, &hash)
	if version != scoring.Default().Version || hash != scoring.Default().Hash {
		t.Errorf("run recorded %s %s, want %s %s", version, hash, scoring.Default().Version, scoring.Default().Hash)
	}
	f.write(t, "fix.csv", wide([]row{{"JYJ", "", "2014-01", map[string]float64{"pub_news": 10}}}))
	if _, err := ingest.File(context.Background(), f.db, filepath.Join(f.dir, "fix.csv"), ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	sum = f.score(t, scoring.Default())
	if strings.Join(sum.Periods, ",") != "2014-01,2014-02,2014-03" || strings.Join(sum.Results, ",") != "2014-01,2014-02,2014-03" {
		t.Errorf("revision of January re-scored %v (results %v), want the rest of Q1", sum.Periods, sum.Results)
	}
	if jan := f.standings(t, "2014-01"); jan["JYJ"].Rank != 1 || jan["FGW"].Rank != 3 {
		t.Errorf("after the revision JYJ ranks %d and FGW %d, want 1 and 3", jan["JYJ"].Rank, jan["FGW"].Rank)
	}
}

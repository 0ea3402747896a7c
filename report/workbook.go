package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/locale"
)

// Book says what a ranking workbook is of.
type Book struct {
	Period  string
	Edition int           // the published edition; 0: the current results, not published
	Grades  []locale.Text // the grade ladder, best first (scoring.Grades)
	Lang    locale.Lang
}

// title is the first row of every sheet: the period, what the sheet holds, and the edition.
func (b Book) title(what string) string {
	return fmt.Sprintf("%s %s(%s)", PeriodTitle(b.Period, b.Lang), what, EditionLabel(b.Edition, b.Lang))
}

// Workbook writes the ranking for leaders (rank --format xlsx): a summary sheet (per group: departments, how many
// in each grade, 未报送, average, best and worst), then a sheet per group. Every sheet has a
// title row naming the period and edition, a frozen header, numbers stored as numbers, grades
// coloured by report.GradeColors, and prints on A4 landscape, fit to the width, with the title
// and header repeated on every page.
func Workbook(w io.Writer, list []govscore.Standing, b Book) error {
	list = LargestFirst(list)
	f := excelize.NewFile()
	defer f.Close()
	st, err := newSheetStyles(f, len(b.Grades))
	if err != nil {
		return err
	}
	summary := b.Lang.T("汇总", "Summary")
	f.SetSheetName("Sheet1", summary)
	if err := summarySheet(f, summary, list, b, st); err != nil {
		return err
	}
	names := map[string]bool{summary: true}
	for start := 0; start < len(list); {
		end := start
		for end < len(list) && list[end].Group == list[start].Group {
			end++
		}
		sheet := sheetName(list[start].Group, names)
		if _, err := f.NewSheet(sheet); err != nil {
			return err
		}
		if err := groupSheet(f, sheet, list[start:end], b, st); err != nil {
			return err
		}
		start = end
	}
	return f.Write(w)
}

// sheetName is a group's name as a sheet may be called: at most 31 characters, none of
// []:*?/\ nor ' (a print range quotes the name), and not a name already taken.
func sheetName(group string, taken map[string]bool) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\'`, r) {
			return '_'
		}
		return r
	}, group)
	base := []rune(clean)
	if len(base) > 28 {
		base = base[:28]
	}
	name := string(base)
	for n := 2; taken[name] || name == ""; n++ {
		name = fmt.Sprintf("%s(%d)", string(base), n)
	}
	taken[name] = true
	return name
}

func groupSheet(f *excelize.File, sheet string, list []govscore.Standing, b Book, st sheetStyles) error {
	l := b.Lang
	head := []any{l.T("排名", "Rank"), l.T("部门代码", "Code"), l.T("部门名称", "Department"), l.T("得分", "Total"), l.T("等次", "Grade"),
		l.T("较上月", "Change"), l.T("累计得分", "YTD total"), l.T("累计排名", "YTD rank"), l.T("月均得分", "YTD average"), l.T("状态", "Status")}
	rows := [][]any{{b.title(list[0].Group)}, head}
	for _, s := range list {
		var change any
		if s.RankChange != nil {
			change = *s.RankChange
		}
		rows = append(rows, []any{rankValue(s.Rank), s.DeptCode, s.DeptName, Round2(s.Total), l.T(s.Grade, s.GradeEN), change,
			Round2(s.YTDTotal), rankValue(s.YTDRank), Round2(s.YTDAvg), statusLabel(l, s.Status)})
	}
	if err := writeSheet(f, sheet, rows); err != nil {
		return err
	}
	for i, s := range list {
		cell := fmt.Sprintf("E%d", i+3)
		f.SetCellStyle(sheet, cell, cell, st.grade[GradeIndex(b.Grades, s.Grade)])
	}
	for _, c := range []string{"D", "G", "I"} {
		f.SetCellStyle(sheet, c+"3", fmt.Sprintf("%s%d", c, len(rows)), st.money)
	}
	return finishSheet(f, sheet, len(head), len(rows), st, map[string]float64{"A": 6, "B": 10, "C": 28, "J": 12})
}

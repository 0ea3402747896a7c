package bulletin

import (
	"strconv"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/report"
)

// ranking is 二、排名情况: a table per group, as rank lists it.
func (w *composer) ranking() []Block {
	l := w.l
	out := []Block{{Kind: "h1", Text: l.T("二、排名情况", "2. Rankings")},
		para(l.T("各组排名如下。得分相同者名次并列;“较上月”为名次变化,正数为上升、负数为下降,“—”表示上月未参与排名。",
			"The rankings of each group follow. Equal totals share a rank; \"Change\" is the move since last month, positive up, negative down, \"—\" when not ranked last month."))}
	list := w.d.This.Standings
	for start := 0; start < len(list); {
		end := start
		for end < len(list) && list[end].Group == list[start].Group {
			end++
		}
		w.tables++
		out = append(out, Block{Kind: "table", Text: l.Tf("表%d %s考核排名", "Table %d. %s", w.tables, list[start].Group), Table: w.table(list[start:end])})
		start = end
	}
	return out
}

func (w *composer) table(list []govscore.Standing) *Table {
	l := w.l
	t := &Table{Head: []string{l.T("排名", "Rank"), l.T("部门", "Department"), l.T("得分", "Total"), l.T("等次", "Grade"), l.T("较上月", "Change")},
		Widths: []float64{16, 70, 22, 28, 20}, Right: []bool{false, false, true, false, false}, Col: 3}
	for _, s := range list {
		rank, grade := "—", l.T(s.Grade, s.GradeEN)
		if s.Rank > 0 {
			rank = strconv.Itoa(s.Rank)
		}
		switch s.Status {
		case "missing":
			grade += l.T("(未报送)", " (not submitted)")
		case "veto":
			grade += l.T("(单项否决)", " (vetoed)")
		case "unranked":
			grade = l.T("不参与排名", "not ranked")
		}
		t.Rows = append(t.Rows, []string{rank, s.DeptName, report.Money(s.Total), grade, changeCell(s.RankChange)})
		pos := report.GradeIndex(w.d.Grades, s.Grade)
		if s.Status == "unranked" {
			pos = -1
		}
		t.Grade = append(t.Grade, pos)
	}
	return t
}

// changeCell is a rank change as the table shows it: +2, -3, 0, or — with no rank last month.
func changeCell(c *int) string {
	switch {
	case c == nil:
		return "—"
	case *c > 0:
		return "+" + strconv.Itoa(*c)
	}
	return strconv.Itoa(*c)
}

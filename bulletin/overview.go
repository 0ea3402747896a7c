package bulletin

import (
	"strings"

	"github.com/govscore/govscore/report"
)

func para(s string) Block { return Block{Kind: "p", Text: s} }

// overview is 一、总体情况: how many were assessed, per group the average and the grades, and
// how both changed since last month; then the grades as a chart.
func (w *composer) overview() []Block {
	l := w.l
	out := []Block{{Kind: "h1", Text: l.T("一、总体情况", "1. Overview")}}
	total, parts := 0, []string{}
	for _, g := range w.f.groups {
		total += g.Assessed
		parts = append(parts, l.Tf("%s%d个", "%[2]d in %[1]s", g.Group, g.Assessed))
	}
	s := l.Tf("%s共对%d个单位进行考核", "In %s, %d units were assessed", w.p, total)
	if len(w.f.groups) > 1 {
		s += l.T(",其中", ": ") + strings.Join(parts, l.T("、", ", "))
	}
	if w.f.unranked > 0 {
		s += l.Tf(";另有%d个单位列出但不参与排名", "; %d more are listed without a rank", w.f.unranked)
	}
	out = append(out, para(s+l.T("。", ".")))
	for _, g := range w.f.groups {
		out = append(out, para(w.groupOverview(g)))
	}
	w.figures++
	return append(out, Block{Kind: "chart", Text: l.Tf("图%d %s各组等次分布", "Figure %d. Grades per group, %s", w.figures, w.p), Chart: w.chart()})
}

// groupOverview is one group's sentence: assessed, average and its change, grades and theirs.
func (w *composer) groupOverview(g report.GroupSummary) string {
	l := w.l
	s := l.Tf("%s%d个单位平均得分%s分", "%s: %d units, average %s", g.Group, g.Assessed, report.Money(g.Average))
	last, ok := w.f.last[g.Group]
	if ok {
		s += w.change(g.Average - last.Average)
	}
	grades := make([]string, len(w.d.Grades))
	for i, gr := range w.d.Grades {
		grades[i] = l.Tf("%s%d个", "%s %d", l.T(gr.ZH, gr.EN), g.Grades[i])
	}
	s += l.T(";", "; ") + strings.Join(grades, l.T("、", ", "))
	if g.Missing+g.Vetoed > 0 {
		s += l.Tf("(其中未报送%d个、单项否决%d个)", " (of which %d not submitted, %d vetoed)", g.Missing, g.Vetoed)
	}
	s += l.T("。", ".")
	if !ok {
		return s + l.T("上月无该组考核结果,不作比较。", " Last month has no results for this group to compare with.")
	}
	return s + w.gradeChanges(g, last)
}

// change says how the average moved since last month.
func (w *composer) change(diff float64) string {
	diff = report.Round2(diff)
	switch {
	case diff > 0:
		return w.l.Tf(",较上月上升%s分", " (up %s on last month)", report.Money(diff))
	case diff < 0:
		return w.l.Tf(",较上月下降%s分", " (down %s on last month)", report.Money(-diff))
	}
	return w.l.T(",与上月持平", " (as last month)")
}

// gradeChanges says which grades gained or lost departments since last month.
func (w *composer) gradeChanges(g, last report.GroupSummary) string {
	l := w.l
	var moved []string
	for i, gr := range w.d.Grades {
		name := l.T(gr.ZH, gr.EN)
		switch d := g.Grades[i] - last.Grades[i]; {
		case d > 0:
			moved = append(moved, l.Tf("%s增加%d个", "%s +%d", name, d))
		case d < 0:
			moved = append(moved, l.Tf("%s减少%d个", "%s −%d", name, -d))
		}
	}
	switch {
	case len(moved) == 0:
		return l.T("各等次单位数与上月相同。", " Each grade has as many units as last month.")
	case len(moved) < len(w.d.Grades):
		return l.T("与上月相比,", " Against last month: ") + strings.Join(moved, l.T("、", ", ")) + l.T(",其余等次持平。", "; the other grades unchanged.")
	}
	return l.T("与上月相比,", " Against last month: ") + strings.Join(moved, l.T("、", ", ")) + l.T("。", ".")
}

func (w *composer) chart() *Chart {
	c := &Chart{}
	for _, g := range w.d.Grades {
		c.Grades = append(c.Grades, w.l.T(g.ZH, g.EN))
	}
	for _, g := range w.f.groups {
		c.Groups = append(c.Groups, g.Group)
		c.Counts = append(c.Counts, g.Grades)
	}
	return c
}

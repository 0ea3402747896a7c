package bulletin

import (
	"strings"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/report"
)

// problems is 三、存在问题: who did not report, who was vetoed and why, the deductions that
// cost most across departments, and the biggest fallers.
func (w *composer) problems() []Block {
	l := w.l
	out := []Block{{Kind: "h1", Text: l.T("三、存在问题", "3. Problems")}}
	out = append(out, Block{Kind: "h2", Text: l.T("(一)未按时报送数据", "3.1 Figures not submitted")}, para(w.missing()))
	out = append(out, Block{Kind: "h2", Text: l.T("(二)单项否决", "3.2 Vetoes")}, para(w.vetoes()))
	out = append(out, Block{Kind: "h2", Text: l.T("(三)扣分较多的事项", "3.3 The costliest deductions")}, para(w.deductions()))
	out = append(out, Block{Kind: "h2", Text: l.T("(四)排名下降较多的单位", "3.4 The biggest falls in rank")}, para(w.fallers()))
	return out
}

func (w *composer) missing() string {
	l := w.l
	if len(w.f.missing) == 0 {
		return l.Tf("%s各单位均按时报送了数据。", "Every unit submitted its figures for %s.", w.p)
	}
	return l.Tf("%s有%d个单位未报送数据,按0分计,等次为不合格:", "%[2]d units submitted nothing for %[1]s and score 0, grade %[3]s: ", w.p, len(w.f.missing), w.lowest()) +
		w.byGroup(w.f.missing, func(s govscore.Standing) string { return s.DeptName }) + l.T("。", ".")
}

// lowest is the last grade's name, given to whoever submitted nothing.
func (w *composer) lowest() string {
	if len(w.d.Grades) == 0 {
		return ""
	}
	g := w.d.Grades[len(w.d.Grades)-1]
	return w.l.T(g.ZH, g.EN)
}

func (w *composer) vetoes() string {
	l := w.l
	if len(w.f.vetoes) == 0 {
		return l.Tf("%s无单项否决情况。", "No unit was vetoed in %s.", w.p)
	}
	var parts []string
	for _, v := range w.f.vetoes {
		var texts []string
		for _, r := range v.reasons {
			texts = append(texts, r.In(l))
		}
		reason := strings.Join(texts, l.T(";", "; "))
		if reason == "" {
			reason = l.T("单项否决", "vetoed")
		}
		parts = append(parts, l.Tf("%s(%s):%s", "%s (%s): %s", v.DeptName, v.Group, strings.TrimRight(reason, "。.")))
	}
	return l.Tf("%s有%d个单位被单项否决,当月总分计0分:", "%[2]d units were vetoed in %[1]s, their total set to 0: ", w.p, len(w.f.vetoes)) +
		strings.Join(parts, l.T(";", "; ")) + l.T("。", ".")
}

func (w *composer) deductions() string {
	l := w.l
	if len(w.f.deductions) == 0 {
		return l.Tf("%s无扣分事项。", "No points were deducted in %s.", w.p)
	}
	var parts []string
	for _, d := range w.f.deductions {
		parts = append(parts, l.Tf("%s,涉及%d个单位,共扣%s分", "%s, %d units, %s points", d.item, d.depts, report.Money(-d.points)))
	}
	return l.Tf("%s共有%d个单位被扣分,合计扣%s分。扣分最多的事项依次为:", "In %s, %d units lost points to deductions, %s points in all. The costliest: ", w.p, w.f.deducted, report.Money(-w.f.lost)) +
		strings.Join(parts, l.T(";", "; ")) + l.T("。", ".")
}

func (w *composer) fallers() string {
	l := w.l
	var all []govscore.Standing
	for _, g := range w.f.groups {
		all = append(all, w.f.fallers[g.Group]...)
	}
	if len(all) == 0 {
		return l.T("除未报送和单项否决的单位外,各单位排名均未下降。", "Apart from the units that submitted nothing or were vetoed, no unit fell in rank.")
	}
	return l.T("除未报送和单项否决的单位外,排名下降较多的有:", "Apart from the units that submitted nothing or were vetoed, the biggest falls: ") +
		w.byGroup(all, func(s govscore.Standing) string {
			return l.Tf("%s下降%d名(由第%d名降至第%d名)", "%s down %d (from %d to %d)", s.DeptName, -*s.RankChange, s.Rank+*s.RankChange, s.Rank)
		}) + l.T("。", ".")
}

// byGroup lists standings as "group:a、b;group:c", in the order given.
func (w *composer) byGroup(list []govscore.Standing, item func(govscore.Standing) string) string {
	var groups []string
	for start := 0; start < len(list); {
		end := start
		var items []string
		for end < len(list) && list[end].Group == list[start].Group {
			items = append(items, item(list[end]))
			end++
		}
		groups = append(groups, list[start].Group+w.l.T(":", ": ")+strings.Join(items, w.l.T("、", ", ")))
		start = end
	}
	return strings.Join(groups, w.l.T(";", "; "))
}

// requirements is 四、工作要求: the configured paragraphs, numbered (一)(二)….
func (w *composer) requirements(texts []string) []Block {
	out := []Block{{Kind: "h1", Text: w.l.T("四、工作要求", "4. Requirements")}}
	for i, t := range texts {
		out = append(out, para(w.l.T("("+chineseNumber(i+1)+")", "("+string(rune('a'+i%26))+") ")+t))
	}
	return out
}

// chineseNumber writes 1–99 as 一 … 九十九.
func chineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}

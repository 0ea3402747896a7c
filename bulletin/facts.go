package bulletin

import (
	"sort"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/report"
)

// facts are what the bulletin's sentences state, worked out once from the data.
type facts struct {
	groups     []report.GroupSummary
	last       map[string]report.GroupSummary // last month's, by group; missing when it had none
	unranked   int
	missing    []govscore.Standing
	vetoes     []veto
	deductions []deduction // the items that cost most, most first
	deducted   int         // departments with any deduction
	lost       float64     // all deduction points together (negative)
	fallers    map[string][]govscore.Standing
}

type veto struct {
	govscore.Standing
	reasons []locale.Text
}

// deduction is one deduction item across departments: how many lost points on it, how many.
type deduction struct {
	item   string
	points float64 // negative
	depts  int
}

func gather(d Data, top int) facts {
	f := facts{groups: report.Summarize(d.This.Standings, d.Grades), last: map[string]report.GroupSummary{}, fallers: map[string][]govscore.Standing{}}
	for _, g := range report.Summarize(d.Last.Standings, d.Grades) {
		f.last[g.Group] = g
	}
	for _, s := range d.This.Standings {
		switch s.Status {
		case "missing":
			f.missing = append(f.missing, s)
		case "veto":
			f.vetoes = append(f.vetoes, veto{s, reasonsOf(d.This.Lines[s.DeptCode], "veto")})
		case "unranked":
			f.unranked++
		case "submitted":
			if s.RankChange != nil && *s.RankChange < 0 {
				f.fallers[s.Group] = append(f.fallers[s.Group], s)
			}
		}
	}
	for g, list := range f.fallers {
		sort.SliceStable(list, func(i, j int) bool { return *list[i].RankChange < *list[j].RankChange })
		f.fallers[g] = list[:min(top, len(list))]
	}
	f.deductions, f.deducted, f.lost = deductions(d.This.Lines)
	f.deductions = f.deductions[:min(top, len(f.deductions))]
	return f
}

func reasonsOf(lines []govscore.Line, kind string) []locale.Text {
	var out []locale.Text
	for _, l := range lines {
		if l.Kind == kind && l.Reason != "" {
			out = append(out, locale.Text{ZH: l.Reason, EN: l.ReasonEN})
		}
	}
	return out
}

// deductions sums the deduction lines by item, the costliest first (ties by item), with how
// many departments lost points on each; and how many departments lost any, and how much.
func deductions(lines map[string][]govscore.Line) ([]deduction, int, float64) {
	by := map[string]*deduction{}
	depts, total := 0, 0.0
	for _, ls := range lines {
		hit := map[string]bool{}
		for _, l := range ls {
			if l.Kind != "deduction" || report.Round2(l.Points) >= 0 {
				continue
			}
			x := by[l.Item]
			if x == nil {
				x = &deduction{item: l.Item}
				by[l.Item] = x
			}
			x.points += l.Points
			total += l.Points
			if !hit[l.Item] {
				x.depts++
				hit[l.Item] = true
			}
		}
		depts += b2i(len(hit) > 0)
	}
	out := make([]deduction, 0, len(by))
	for _, x := range by {
		out = append(out, *x)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := report.Round2(out[i].points), report.Round2(out[j].points)
		return a < b || a == b && out[i].item < out[j].item
	})
	return out, depts, total
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

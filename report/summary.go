package report

import (
	"sort"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/period"
)

// GroupSummary is one group's figures for a period, as the workbook's summary sheet and the
// bulletin's 总体情况 state them.
type GroupSummary struct {
	Group    string
	Assessed int     // departments graded (ranked), 未报送 included; not those listed unranked
	Grades   []int   // how many got each grade of the ladder, best first
	Missing  int     // 未报送: nothing submitted, scored 0
	Vetoed   int     // 单项否决
	Unranked int     // listed, not graded or ranked
	Average  float64 // of the graded departments' totals (未报送 at 0), rounded as totals are
	Best     float64
	Worst    float64
}

// Summarize sums a period's standings per group, in the order the groups first appear (rank
// lists them by group). grades is the ladder, best first (scoring.Grades); a grade outside it
// is counted with the last.
func Summarize(list []govscore.Standing, grades []locale.Text) []GroupSummary {
	var out []GroupSummary
	at := map[string]int{}
	sums := map[string]float64{}
	for _, s := range list {
		i, ok := at[s.Group]
		if !ok {
			i = len(out)
			at[s.Group] = i
			out = append(out, GroupSummary{Group: s.Group, Grades: make([]int, len(grades))})
		}
		g := &out[i]
		if s.Status == "unranked" {
			g.Unranked++
			continue
		}
		t := Round2(s.Total)
		g.Assessed++
		sums[s.Group] += t
		g.Grades[GradeIndex(grades, s.Grade)]++
		g.Missing += b2i(s.Status == "missing")
		g.Vetoed += b2i(s.Status == "veto")
		if g.Assessed == 1 {
			g.Best, g.Worst = t, t
		}
		g.Best, g.Worst = max(g.Best, t), min(g.Worst, t)
	}
	for i := range out {
		if out[i].Assessed > 0 {
			out[i].Average = Round2(sums[out[i].Group] / float64(out[i].Assessed))
		}
	}
	return out
}

// GradeIndex is grade's position in the ladder; the last position when it is not there.
func GradeIndex(grades []locale.Text, grade string) int {
	for i, g := range grades {
		if g.ZH == grade || g.EN == grade {
			return i
		}
	}
	return max(len(grades)-1, 0)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// PeriodTitle names a period as a title does: 2014年11月 / November 2014, 2020年第1季度 /
// 2020 Q1, 2020年 / 2020.
func PeriodTitle(p string, l locale.Lang) string {
	x, err := period.Parse(p)
	switch {
	case err != nil:
		return p
	case x.Kind == period.Quarter:
		return l.Tf("%d年第%d季度", "%d Q%d", x.Year, x.Num)
	case x.Kind == period.Year:
		return l.Tf("%d年", "%d", x.Year)
	}
	return l.Tf("%[1]d年%[2]d月", "%[3]s %[1]d", x.Year, x.Num, monthName(x.Num))
}

func monthName(n int) string {
	names := []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	return names[(n-1)%12]
}

// EditionLabel says where results come from: a published edition, or the current results.
func EditionLabel(edition int, l locale.Lang) string {
	if edition > 0 {
		return l.Tf("第 %d 版", "edition %d", edition)
	}
	return l.T("当前结果,未发布", "current results, not published")
}

// Money is a total as every output shows it: rounded as ranked, with 2 decimals.
func Money(f float64) string { return money(f) }

// LargestFirst is list with its groups reordered, the largest first (ties by name), each
// group's standings kept in their order: 市级部门 before 县区政府, as the pages show them.
func LargestFirst(list []govscore.Standing) []govscore.Standing {
	size := map[string]int{}
	for _, s := range list {
		size[s.Group]++
	}
	out := append([]govscore.Standing(nil), list...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Group, out[j].Group
		return size[a] > size[b] || size[a] == size[b] && a < b
	})
	return out
}

package dashboards

import (
	"fmt"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Limits that keep the overview small and readable when a group has thousands of departments.
const (
	maxBars     = 40 // ranking bars per group; larger groups show the top and bottom half of this
	maxLines    = 60 // trend lines: every department up to this many, else the top per group
	topLines    = 10 // trend lines per group when there are more than maxLines departments
	maxHeatRows = 60 // heatmap rows; more departments show the lowest totals of the month
	maxMovers   = 10 // movers up and down each
)

func (s *site) overview() *page {
	p := s.newPage("", s.l.T("政务公开考核总览 ", "Disclosure scores overview ")+s.d.Month, "index")
	p.Subtitle = s.l.T("各部门按组排名;点击部门名称查看该部门的得分明细。", "Departments are ranked within their group; click a name for its score sheet.")
	p.Cards = s.overviewCards()
	for i, g := range s.groups {
		p.Sections = append(p.Sections, s.rankingSection(i, g))
	}
	p.Sections = append(p.Sections, s.trendSection(), s.heatmapSection(), s.gradeSection(), s.moversSection())
	p.Sections = append(p.Sections, s.missingSections()...)
	p.Sections = append(p.Sections, s.indicatorTrendSection())
	return p
}

func (s *site) overviewCards() []card {
	var sum float64
	var missing int
	counts := map[string]int{}
	for _, r := range s.cur {
		sum += r.Total
		counts[s.grade(r)]++
		if r.Status == "missing" {
			missing++
		}
	}
	cards := []card{
		{s.periodWord(), s.d.Month},
		{s.l.T("参评部门", "Departments ranked"), strconv.Itoa(len(s.cur))},
		{s.l.T("平均得分", "Average total"), fmt.Sprintf("%.2f", round2(sum/float64(max(len(s.cur), 1))))},
		{s.l.T("未报送", "Not submitted"), strconv.Itoa(missing)},
	}
	for _, g := range s.grades {
		cards = append(cards, card{g, strconv.Itoa(counts[g])})
	}
	return cards
}

// groupResults is the chosen month's ranking of one group.
func (s *site) groupResults(g string) []result {
	var out []result
	for _, r := range s.cur {
		if r.Group == g {
			out = append(out, r)
		}
	}
	return out
}

// rankingSection is one group's ranking as horizontal bars coloured by grade; ties share a rank.
func (s *site) rankingSection(i int, g string) section {
	list := s.groupResults(g)
	shown, caption := list, s.l.T("本月总分排名,条形颜色表示等次,并列名次显示相同序号。", "This month's totals by rank; colour shows the grade, tied departments share a rank.")
	if len(list) > maxBars {
		shown = append(append([]result{}, list[:maxBars/2]...), list[len(list)-maxBars/2:]...)
		caption += fmt.Sprintf(s.l.T("本组 %d 个部门,图表只显示前 %d 名和后 %d 名,完整排名见“排名与部门”。",
			" The group has %d departments; the chart shows the top %d and bottom %d, the full list is under Ranking."), len(list), maxBars/2, maxBars/2)
	}
	init := initOpts(fmt.Sprintf("rank-%d", i), "", 22*len(shown)+70)
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common(init, false),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: s.l.T("总分", "Total")}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{Interval: "0"}}))...)
	var cats []string
	var vals []opts.BarData
	t := &table{Head: []string{s.l.T("名次", "Rank"), s.l.T("部门", "Department"), s.l.T("总分", "Total"), s.l.T("等次", "Grade"),
		s.l.T("名次变化", "Change"), s.l.T("累计得分", "YTD total"), s.l.T("累计名次", "YTD rank"), s.l.T("状态", "Status")}}
	for _, r := range shown {
		cats = append(cats, fmt.Sprintf("%d %s", r.Rank, r.Name))
		vals = append(vals, opts.BarData{Value: r.Total, ItemStyle: &opts.ItemStyle{Color: gradeColor(s.gradeIdx[s.grade(r)])}})
		t.Rows = append(t.Rows, []cell{num("%.0f", float64(r.Rank)), s.deptLink("", r), num("%.2f", r.Total), txt(s.grade(r)),
			{Text: change(r.Change), Num: true}, num("%.2f", r.YTDTotal), num("%.0f", float64(r.YTDRank)), txt(s.status(r))})
	}
	bar.SetXAxis(cats).AddSeries(s.l.T("总分", "Total"), vals, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}))
	bar.XYReversal()
	return section{ID: init.ChartID, Title: g + s.l.T(" 排名 ", " ranking ") + s.d.Month, Caption: caption,
		Key: s.gradeKey(), Chart: finish(bar, init), Table: t}
}

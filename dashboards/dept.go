package dashboards

import (
	"fmt"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// deptPage is one department's score sheet: trend, indicators, every line with its reason, its data.
func (s *site) deptPage(code string) *page {
	rs := s.byDept[code]
	last := rs[len(rs)-1]
	p := s.newPage("../", fmt.Sprintf("%s(%s)", last.Name, code), "dept")
	p.Subtitle = last.Group + " · " + s.l.T("数据", "") + s.periodWord() + " " + s.d.Month
	cur, ok := last, last.Period == s.d.Month
	if !ok {
		p.Subtitle += s.l.T(" · 本月不参评,最后参评月份 ", " · not ranked this month; last ranked ") + last.Period
	}
	if ok {
		p.Cards = s.deptCards(cur)
	}
	p.Sections = append(p.Sections, s.deptTrend(rs))
	if ok {
		p.Sections = append(p.Sections, s.deptIndicators(cur), s.deptLines(code))
	}
	p.Sections = append(p.Sections, s.deptAdjustments(code), s.deptFigures(code), s.deptVersions(code))
	return p
}

func (s *site) deptCards(r result) []card {
	return []card{
		{s.l.T("本月总分", "Total"), fmt.Sprintf("%.2f", r.Total)},
		{s.l.T("等次", "Grade"), s.grade(r)},
		{s.l.T("组内名次", "Rank in group"), fmt.Sprintf("%d / %d", r.Rank, r.GroupSize)},
		{s.l.T("名次变化", "Rank change"), change(r.Change)},
		{s.l.T("年度累计得分", "Year-to-date total"), fmt.Sprintf("%.2f", r.YTDTotal)},
		{s.l.T("年度平均", "Year-to-date average"), fmt.Sprintf("%.2f", r.YTDAvg)},
		{s.l.T("累计名次", "Year-to-date rank"), strconv.Itoa(r.YTDRank)},
		{s.l.T("状态", "Status"), s.status(r)},
	}
}

// deptTrend draws total and rank per month on one chart; the rank axis is inverted so up is better.
func (s *site) deptTrend(rs []result) section {
	init := initOpts("dept-trend", "../", 360)
	line := charts.NewLine()
	line.SetGlobalOptions(append(common(init, true),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: s.l.T("总分", "Total"), Min: 0}))...)
	line.ExtendYAxis(opts.YAxis{Type: "value", Name: s.l.T("名次", "Rank"), Inverse: opts.Bool(true), Min: 1, MinInterval: 1, Position: "right"})
	idx := s.monthIdx()
	totals, ranks := make([]opts.LineData, len(s.d.Months)), make([]opts.LineData, len(s.d.Months))
	for i := range s.d.Months {
		totals[i], ranks[i] = opts.LineData{Value: missing}, opts.LineData{Value: missing}
	}
	t := &table{Head: []string{s.periodWord(), s.l.T("总分", "Total"), s.l.T("等次", "Grade"), s.l.T("名次", "Rank"),
		s.l.T("组内部门数", "Group size"), s.l.T("名次变化", "Change"), s.l.T("状态", "Status")}}
	for _, r := range rs {
		totals[idx[r.Period]], ranks[idx[r.Period]] = opts.LineData{Value: r.Total}, opts.LineData{Value: r.Rank}
		t.Rows = append(t.Rows, []cell{txt(r.Period), num("%.2f", r.Total), txt(s.grade(r)), {Text: strconv.Itoa(r.Rank), Num: true},
			{Text: strconv.Itoa(r.GroupSize), Num: true}, {Text: change(r.Change), Num: true}, txt(s.status(r))})
	}
	line.SetXAxis(s.d.Months).
		AddSeries(s.l.T("总分", "Total"), totals).
		AddSeries(s.l.T("名次", "Rank"), ranks, charts.WithLineChartOpts(opts.LineChart{YAxisIndex: 1}))
	return section{ID: "trend", Title: s.l.T("总分与名次走势", "Total and rank per month"),
		Caption: s.l.T("左轴为总分,右轴为组内名次(倒置,越靠上名次越好)。", "Total on the left axis; rank in the group on the right axis, inverted so up is better."),
		Chart:   finish(line, init), Table: t}
}

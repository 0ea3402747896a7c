package dashboards

import (
	"fmt"
	"sort"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// series is one named line over the months; ok says where it has a value.
type series struct {
	Name     string
	Href     string
	Vals     []float64
	OK       []bool
	Selected bool
}

// totals is a department's total per month of the site, as a series.
func (s *site) totals(code string) series {
	rs := s.byDept[code]
	x := series{Name: rs[len(rs)-1].Name, Href: s.deptFile(code), Vals: make([]float64, len(s.d.Months)), OK: make([]bool, len(s.d.Months))}
	idx := s.monthIdx()
	for _, r := range rs {
		i := idx[r.Period]
		x.Vals[i], x.OK[i] = r.Total, true
	}
	return x
}

func (s *site) monthIdx() map[string]int {
	m := map[string]int{}
	for i, p := range s.d.Months {
		m[p] = i
	}
	return m
}

// groupAverage is a group's average total per month.
func (s *site) groupAverage(g string) series {
	x := series{Name: s.l.T("平均·", "Average · ") + g, Vals: make([]float64, len(s.d.Months)), OK: make([]bool, len(s.d.Months)), Selected: true}
	idx, n := s.monthIdx(), make([]int, len(s.d.Months))
	for _, r := range s.d.Results {
		if r.Group == g {
			i := idx[r.Period]
			x.Vals[i] += r.Total
			n[i]++
		}
	}
	for i := range x.Vals {
		if n[i] > 0 {
			x.Vals[i], x.OK[i] = round2(x.Vals[i]/float64(n[i])), true
		}
	}
	return x
}

// trendSeries are the group averages, then departments: all of them when few, else the top of each group.
func (s *site) trendSeries() ([]series, bool) {
	var out []series
	for _, g := range s.groups {
		out = append(out, s.groupAverage(g))
	}
	all := len(s.deptCodes) <= maxLines
	for _, g := range s.groups {
		for i, r := range s.groupResults(g) {
			if !all && i >= topLines {
				break
			}
			x := s.totals(r.Dept)
			x.Selected = i < 3
			out = append(out, x)
		}
	}
	return out, all
}

// lineChart draws series over the months, with the same numbers as a table.
func (s *site) lineChart(id, root string, height int, list []series, yName string) (*chart, *table) {
	init := initOpts(id, root, height)
	line := charts.NewLine()
	selected := map[string]bool{}
	for _, x := range list {
		selected[x.Name] = x.Selected
	}
	line.SetGlobalOptions(append(common(init, true),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Top: "0", Selected: selected}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: yName}))...)
	line.SetXAxis(s.d.Months)
	t := &table{Head: append([]string{""}, s.d.Months...)}
	for _, x := range list {
		data := make([]opts.LineData, len(x.Vals))
		row := []cell{{Text: x.Name, Href: x.Href}}
		for i := range x.Vals {
			data[i] = opts.LineData{Value: value(x.Vals[i], x.OK[i])}
			row = append(row, numOr(x.Vals[i], x.OK[i]))
		}
		line.AddSeries(x.Name, data, charts.WithLineChartOpts(opts.LineChart{ConnectNulls: opts.Bool(false)}))
		t.Rows = append(t.Rows, row)
	}
	return finish(line, init), t
}

// numOr is a 2-decimal number cell, or an empty one.
func numOr(v float64, ok bool) cell {
	if !ok {
		return cell{Num: true}
	}
	return num("%.2f", v)
}

func (s *site) trendSection() section {
	list, all := s.trendSeries()
	c, t := s.lineChart("trend", "", 460, list, s.l.T("总分", "Total"))
	caption := s.l.T("各部门每月总分走势与各组平均;点击图例选择要显示的部门。", "Monthly totals per department and group averages; click the legend to pick departments.")
	if !all {
		caption += fmt.Sprintf(s.l.T("部门较多,只列出各组本月前 %d 名。", " With this many departments only each group's top %d of the month are listed."), topLines)
	}
	return section{ID: "trend", Title: s.l.T("总分走势", "Total score trends"), Caption: caption, Chart: c, Table: t}
}

// heatRows are the departments of the heatmap: this month's ranking, or, when there are many, the
// lowest year-to-date averages (those that need attention).
func (s *site) heatRows() ([]result, bool) {
	var rows []result
	for _, g := range s.groups {
		rows = append(rows, s.groupResults(g)...)
	}
	if len(rows) <= maxHeatRows {
		return rows, true
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].YTDAvg < rows[j].YTDAvg })
	return rows[:maxHeatRows], false
}

func (s *site) heatmapSection() section {
	rows, all := s.heatRows()
	init := initOpts("heatmap", "", 16*len(rows)+130)
	hm := charts.NewHeatMap()
	var names []string
	var cells []opts.HeatMapData
	t := &table{Head: append([]string{s.l.T("部门", "Department")}, s.d.Months...)}
	for y, r := range rows {
		names = append(names, r.Name)
		x := s.totals(r.Dept)
		row := []cell{s.deptLink("", r)}
		for i := range x.Vals {
			if x.OK[i] {
				cells = append(cells, opts.HeatMapData{Value: [3]any{i, y, round2(x.Vals[i])}})
			}
			row = append(row, numOr(x.Vals[i], x.OK[i]))
		}
		t.Rows = append(t.Rows, row)
	}
	hm.SetGlobalOptions(append(common(init, false, opts.Grid{Left: "3%", Right: "3%", Top: "10", Bottom: "70", ContainLabel: opts.Bool(true)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: s.d.Months}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: names, Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{Interval: "0"}}),
		charts.WithVisualMapOpts(opts.VisualMap{Type: "continuous", Calculable: opts.Bool(true), Min: 0, Max: 100,
			Orient: "horizontal", Left: "center", Bottom: "0", InRange: &opts.VisualMapInRange{Color: []string{"#c62828", "#f9d648", "#2e7d32"}}}))...)
	hm.AddSeries(s.l.T("总分", "Total"), cells)
	word := strings.ToLower(s.periodWord())
	caption := fmt.Sprintf(s.l.T("部门 × %s 总分热力图,颜色越绿分数越高,空白表示当期不参评。", "Totals by department and %s; greener is higher, blank means not ranked then."), word)
	if !all {
		caption += fmt.Sprintf(s.l.T("部门较多,只显示年度平均分最低的 %d 个部门。", " With this many departments only the %d lowest year-to-date averages are shown."), maxHeatRows)
	}
	return section{ID: "heatmap", Title: s.l.T("部门 × ", "Department × ") + s.periodWord() + s.l.T(" 热力图", " heatmap"), Caption: caption, Chart: finish(hm, init), Table: t}
}

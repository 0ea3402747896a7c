package dashboards

import (
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// gradeSection counts departments per grade and month, as stacked bars.
func (s *site) gradeSection() section {
	idx := s.monthIdx()
	counts := make([][]int, len(s.grades))
	for i := range counts {
		counts[i] = make([]int, len(s.d.Months))
	}
	for _, r := range s.d.Results {
		counts[s.gradeIdx[s.grade(r)]][idx[r.Period]]++
	}
	init := initOpts("grades", "", 380)
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common(init, true), charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: s.l.T("部门数", "Departments")}))...)
	bar.SetXAxis(s.d.Months)
	t := &table{Head: append([]string{s.periodWord()}, s.grades...)}
	for i, g := range s.grades {
		data := make([]opts.BarData, len(s.d.Months))
		for m := range s.d.Months {
			data[m] = opts.BarData{Value: counts[i][m]}
		}
		bar.AddSeries(g, data, charts.WithBarChartOpts(opts.BarChart{Stack: "grades"}), charts.WithItemStyleOpts(opts.ItemStyle{Color: gradeColor(i)}))
	}
	for m, p := range s.d.Months {
		row := []cell{txt(p)}
		for i := range s.grades {
			row = append(row, cell{Text: strconv.Itoa(counts[i][m]), Num: true})
		}
		t.Rows = append(t.Rows, row)
	}
	return section{ID: "grades", Title: s.l.T("等次分布", "Grades per month"),
		Caption: s.l.T("每月各等次的部门数(各组合计)。", "How many departments got each grade, per month (all groups)."),
		Chart:   finish(bar, init), Table: t}
}

// indAverages is each indicator's average points per month over the departments scored on it.
func (s *site) indAverages() []series {
	idx := s.monthIdx()
	sums := map[string][]float64{}
	counts := map[string][]int{}
	for _, ind := range s.d.Inds {
		sums[ind.Code], counts[ind.Code] = make([]float64, len(s.d.Months)), make([]int, len(s.d.Months))
	}
	for _, k := range s.d.PointSeq {
		if sum, ok := sums[k.Ind]; ok {
			sum[idx[k.Period]] += s.d.Points[k]
			counts[k.Ind][idx[k.Period]]++
		}
	}
	var out []series
	for _, ind := range s.d.Inds {
		x := series{Name: s.indName(ind), Href: s.indFile(ind.Code), Vals: sums[ind.Code], OK: make([]bool, len(s.d.Months)), Selected: true}
		n := counts[ind.Code]
		for i := range x.Vals {
			if n[i] > 0 {
				x.Vals[i], x.OK[i] = round2(x.Vals[i]/float64(n[i])), true
			}
		}
		out = append(out, x)
	}
	return out
}

func (s *site) indicatorTrendSection() section {
	c, t := s.lineChart("indicators", "", 420, s.indAverages(), s.l.T("平均得分", "Average points"))
	return section{ID: "indicators", Title: s.l.T("各指标平均得分走势", "Indicator averages over time"),
		Caption: s.l.T("每个指标每月的平均得分(扣分为负);点击指标名称查看该指标的分布。", "Each indicator's average points per month (deductions are negative); click a name for its page."),
		Chart:   c, Table: t}
}

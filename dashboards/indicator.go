package dashboards

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// maxLosers is how many departments the "who lost most" chart shows.
const maxLosers = 15

// indicatorPage shows one indicator: its distribution across departments per month, and who lost most.
func (s *site) indicatorPage(ind indicator) *page {
	p := s.newPage("../", s.l.T("指标:", "Indicator: ")+s.indName(ind), "ind:"+ind.Code)
	p.Subtitle = s.l.T("数据", "") + s.periodWord() + " " + s.d.Month
	if ind.Max != nil {
		p.Subtitle = fmt.Sprintf(s.l.T("满分 %g 分 · ", "Maximum %g points · "), *ind.Max) + p.Subtitle
	}
	p.Sections = append(p.Sections, s.distribution(ind), s.losers(ind))
	return p
}

// values are an indicator's points per month, one per department scored, in a stable order.
func (s *site) values(code string) [][]float64 {
	idx := s.monthIdx()
	out := make([][]float64, len(s.d.Months))
	for _, k := range s.d.PointSeq {
		if k.Ind == code {
			out[idx[k.Period]] = append(out[idx[k.Period]], s.d.Points[k])
		}
	}
	for _, v := range out {
		sort.Float64s(v)
	}
	return out
}

// quantile of sorted values, interpolating linearly.
func quantile(v []float64, q float64) float64 {
	pos := q * float64(len(v)-1)
	i := int(pos)
	if i+1 >= len(v) {
		return v[len(v)-1]
	}
	return v[i] + (pos-float64(i))*(v[i+1]-v[i])
}

func (s *site) distribution(ind indicator) section {
	init := initOpts("ind-distribution", "../", 380)
	box := charts.NewBoxPlot()
	box.SetGlobalOptions(append(common(init, false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: s.l.T("得分", "Points")}))...)
	t := &table{Head: []string{s.periodWord(), s.l.T("部门数", "Departments"), s.l.T("最低", "Min"), s.l.T("下四分位", "Q1"),
		s.l.T("中位数", "Median"), s.l.T("上四分位", "Q3"), s.l.T("最高", "Max"), s.l.T("平均", "Mean")}}
	var data []opts.BoxPlotData
	for m, v := range s.values(ind.Code) {
		if len(v) == 0 {
			data = append(data, opts.BoxPlotData{Value: []any{}})
			t.Rows = append(t.Rows, []cell{txt(s.d.Months[m]), {Text: "0", Num: true}})
			continue
		}
		five := []float64{v[0], quantile(v, .25), quantile(v, .5), quantile(v, .75), v[len(v)-1]}
		var sum float64
		row := []cell{txt(s.d.Months[m]), {Text: strconv.Itoa(len(v)), Num: true}}
		for i := range five {
			five[i] = round2(five[i])
			row = append(row, num("%.2f", five[i]))
		}
		for _, x := range v {
			sum += x
		}
		data = append(data, opts.BoxPlotData{Value: five})
		t.Rows = append(t.Rows, append(row, num("%.2f", round2(sum/float64(len(v))))))
	}
	box.SetXAxis(s.d.Months).AddSeries(s.indName(ind), data, charts.WithItemStyleOpts(opts.ItemStyle{Color: "#dbe4f3", BorderColor: "#1f4e99"}))
	return section{ID: "distribution", Title: s.l.T("各月得分分布", "Distribution per month"),
		Caption: s.l.T("每月各部门在该指标上的得分分布:箱体为上下四分位,中线为中位数,须为最低和最高分。", "Each month's points across departments: the box spans the quartiles, the line is the median, the whiskers the lowest and highest."),
		Chart:   finish(box, init), Table: t}
}

// loss is the points a department lost on an indicator: below the maximum, or deducted.
func loss(ind indicator, points float64) float64 {
	if ind.Kind == "score" && ind.Max != nil {
		return round2(*ind.Max - points)
	}
	return round2(-points)
}

// loser is a department's loss on one indicator this month and in the year so far.
type loser struct {
	r              result
	points         float64
	month, ytdLoss float64
}

func (s *site) loserList(ind indicator) []loser {
	year := s.d.Month[:4]
	ytd := map[string]float64{}
	for _, k := range s.d.PointSeq {
		if k.Ind == ind.Code && k.Period[:4] == year {
			ytd[k.Dept] += loss(ind, s.d.Points[k])
		}
	}
	var out []loser
	for _, r := range s.cur {
		if v, ok := s.d.Points[pointKey{s.d.Month, r.Dept, ind.Code}]; ok && loss(ind, v) > 0 {
			out = append(out, loser{r: r, points: v, month: loss(ind, v), ytdLoss: round2(ytd[r.Dept])})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].month > out[j].month || out[i].month == out[j].month && out[i].r.Dept < out[j].r.Dept
	})
	return out[:min(len(out), maxLosers)]
}

func (s *site) losers(ind indicator) section {
	list := s.loserList(ind)
	sec := section{ID: "losers", Title: s.l.T("本月失分最多的部门", "Who lost the most this month"),
		Caption: fmt.Sprintf(s.l.T("本月在该指标上失分(满分减得分,或被扣分)最多的 %d 个部门,以及今年累计失分。", "The %d departments that lost most points on this indicator this month (maximum minus points, or deducted), and their loss so far this year."), maxLosers)}
	if len(list) == 0 {
		sec.Empty = s.l.T("本月没有部门在该指标上失分。", "No department lost points on this indicator this month.")
		return sec
	}
	init := initOpts("ind-losers", "../", 24*len(list)+70)
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common(init, false),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: s.l.T("失分", "Lost")}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{Interval: "0"}}))...)
	var cats []string
	var vals []opts.BarData
	t := &table{Head: []string{s.l.T("部门", "Department"), s.l.T("组", "Group"), s.l.T("得分", "Points"), s.l.T("本月失分", "Lost this month"), s.l.T("今年累计失分", "Lost this year")}}
	for _, x := range list {
		cats = append(cats, x.r.Name)
		vals = append(vals, opts.BarData{Value: x.month, ItemStyle: &opts.ItemStyle{Color: "#c62828"}})
		t.Rows = append(t.Rows, []cell{s.deptLink("../", x.r), txt(x.r.Group), num("%.2f", x.points), num("%.2f", x.month), num("%.2f", x.ytdLoss)})
	}
	bar.SetXAxis(cats).AddSeries(s.l.T("失分", "Lost"), vals, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}))
	bar.XYReversal()
	sec.Chart, sec.Table = finish(bar, init), t
	return sec
}

package dashboards

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// movers are the departments whose rank rose or fell most this month, biggest rise first.
func (s *site) movers() []result {
	var up, down []result
	for _, r := range s.cur {
		switch {
		case r.Change != nil && *r.Change > 0:
			up = append(up, r)
		case r.Change != nil && *r.Change < 0:
			down = append(down, r)
		}
	}
	by := func(list []result, less func(a, b int) bool) []result {
		sort.SliceStable(list, func(i, j int) bool {
			a, b := *list[i].Change, *list[j].Change
			return less(a, b) || a == b && list[i].Dept < list[j].Dept
		})
		return list[:min(len(list), maxMovers)]
	}
	up = by(up, func(a, b int) bool { return a > b })
	down = by(down, func(a, b int) bool { return a < b })
	for i, j := 0, len(down)-1; i < j; i, j = i+1, j-1 {
		down[i], down[j] = down[j], down[i]
	}
	return append(up, down...)
}

func (s *site) moversSection() section {
	list := s.movers()
	sec := section{ID: "movers", Title: s.l.T("名次变化最大的部门", "Biggest movers"),
		Caption: fmt.Sprintf(s.l.T("与上月相比组内名次上升(绿)和下降(红)最多的各 %d 个部门。", "The %d departments that rose (green) and fell (red) most in their group's ranking since last month."), maxMovers)}
	if len(list) == 0 {
		sec.Empty = s.l.T("本月没有名次变化(或上月无排名)。", "No rank changes this month (or no ranking last month).")
		return sec
	}
	init := initOpts("movers", "", 24*len(list)+70)
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common(init, false),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: s.l.T("名次变化", "Rank change")}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{Interval: "0"}}))...)
	var cats []string
	var vals []opts.BarData
	t := &table{Head: []string{s.l.T("部门", "Department"), s.l.T("组", "Group"), s.l.T("名次", "Rank"), s.l.T("名次变化", "Change"), s.l.T("总分", "Total")}}
	for _, r := range list {
		color := "#2e7d32"
		if *r.Change < 0 {
			color = "#c62828"
		}
		cats = append(cats, r.Name)
		vals = append(vals, opts.BarData{Value: *r.Change, ItemStyle: &opts.ItemStyle{Color: color}})
		t.Rows = append(t.Rows, []cell{s.deptLink("", r), txt(r.Group), {Text: strconv.Itoa(r.Rank), Num: true}, {Text: change(r.Change), Num: true}, num("%.2f", r.Total)})
	}
	bar.SetXAxis(cats).AddSeries(s.l.T("名次变化", "Rank change"), vals, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}))
	bar.XYReversal()
	sec.Chart, sec.Table = finish(bar, init), t
	return sec
}

// missingSections show how many departments did not submit each month, and who did not this month.
func (s *site) missingSections() []section {
	idx := s.monthIdx()
	counts := make([]int, len(s.d.Months))
	months := map[string]int{}
	for _, r := range s.d.Results {
		if r.Status == "missing" {
			counts[idx[r.Period]]++
			months[r.Dept]++
		}
	}
	init := initOpts("missing", "", 300)
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common(init, false), charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: s.l.T("部门数", "Departments"), MinInterval: 1}))...)
	data := make([]opts.BarData, len(counts))
	for i, c := range counts {
		data[i] = opts.BarData{Value: c, ItemStyle: &opts.ItemStyle{Color: "#c62828"}}
	}
	bar.SetXAxis(s.d.Months).AddSeries(s.l.T("未报送", "Not submitted"), data)
	perMonth := &table{Head: []string{s.periodWord(), s.l.T("未报送部门数", "Departments not submitted")}}
	for i, p := range s.d.Months {
		perMonth.Rows = append(perMonth.Rows, []cell{txt(p), {Text: strconv.Itoa(counts[i]), Num: true}})
	}
	chartSec := section{ID: "missing", Title: s.l.T("未报送", "Not submitted"), Chart: finish(bar, init), Table: perMonth,
		Caption: s.l.T("每月未报送数据的部门数(未报送记 0 分)。", "Departments that submitted nothing, per month (they score 0).")}
	who := &table{Head: []string{s.l.T("部门", "Department"), s.l.T("组", "Group"), s.l.T("区间内未报送月数", "Months not submitted in the period")}}
	for _, r := range s.cur {
		if r.Status == "missing" {
			who.Rows = append(who.Rows, []cell{s.deptLink("", r), txt(r.Group), {Text: strconv.Itoa(months[r.Dept]), Num: true}})
		}
	}
	list := section{ID: "missing-now", Title: s.l.T("本月未报送的部门 ", "Not submitted in ") + s.d.Month, Table: who}
	if len(who.Rows) == 0 {
		list.Table, list.Empty = nil, s.l.T("本月所有部门均已报送。", "Every department submitted this month.")
	}
	return append([]section{chartSec, list}, s.reminderSections()...)
}

// reminderSections list who the reminder job found late with a due month, which may not be
// scored yet; nothing when govscore serve has not run the reminder.
func (s *site) reminderSections() []section {
	if len(s.d.Reminded) == 0 {
		return nil
	}
	first := s.d.Reminded[0]
	t := &table{Head: []string{s.l.T("部门代码", "Code"), s.l.T("部门", "Department"), s.l.T("组", "Group"), s.l.T("应报月份", "Month due")}}
	for _, m := range s.d.Reminded {
		t.Rows = append(t.Rows, []cell{txt(m.Dept), txt(m.Name), txt(m.Group), txt(m.Period)})
	}
	return []section{{ID: "reminders", Title: s.l.T("催报名单", "Reminders"), Table: t,
		Caption: fmt.Sprintf(s.l.T("截至 %s(每月 %d 日为报送截止日),以下 %d 个部门尚未报送应报月份的数据。",
			"As of %s (data are due by day %d of the month), these %d departments had not submitted the month due."),
			first.Listed, first.DueDay, len(s.d.Reminded))}}
}

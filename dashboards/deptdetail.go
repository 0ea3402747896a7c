package dashboards

import (
	"fmt"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// groupAvg is the average points per indicator this month in each group, over departments scored.
func (s *site) groupAvg(group, ind string) (float64, bool) {
	if s.avgs == nil {
		s.avgs = map[[2]string]float64{}
		n := map[[2]string]int{}
		grp := map[string]string{}
		for _, r := range s.cur {
			grp[r.Dept] = r.Group
		}
		for _, k := range s.d.PointSeq {
			if g, ok := grp[k.Dept]; ok && k.Period == s.d.Month {
				s.avgs[[2]string{g, k.Ind}] += s.d.Points[k]
				n[[2]string{g, k.Ind}]++
			}
		}
		for k := range s.avgs {
			s.avgs[k] = round2(s.avgs[k] / float64(n[k]))
		}
	}
	v, ok := s.avgs[[2]string{group, ind}]
	return v, ok
}

// deptIndicators compares this month's points per indicator with the maximum and the group average.
func (s *site) deptIndicators(r result) section {
	init := initOpts("dept-indicators", "../", 380)
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common(init, true), charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: s.l.T("分", "Points")}))...)
	var names []string
	var own, avg, full []opts.BarData
	t := &table{Head: []string{s.l.T("指标", "Indicator"), s.l.T("得分", "Points"), s.l.T("组平均", "Group average"), s.l.T("满分", "Maximum"), s.l.T("失分", "Lost")}}
	for _, ind := range s.d.Inds {
		v, has := s.d.Points[pointKey{s.d.Month, r.Dept, ind.Code}]
		a, hasAvg := s.groupAvg(r.Group, ind.Code)
		if !has && !hasAvg {
			continue
		}
		names = append(names, s.indName(ind))
		own, avg = append(own, opts.BarData{Value: value(v, true)}), append(avg, opts.BarData{Value: value(a, hasAvg)})
		row := []cell{{Text: s.indName(ind), Href: "../" + s.indFile(ind.Code)}, num("%.2f", v), numOr(a, hasAvg)}
		if ind.Max != nil {
			full = append(full, opts.BarData{Value: *ind.Max})
			row = append(row, num("%.2f", *ind.Max), num("%.2f", round2(*ind.Max-v)))
		} else {
			full = append(full, opts.BarData{Value: missing})
			row = append(row, cell{Num: true}, cell{Num: true})
		}
		t.Rows = append(t.Rows, row)
	}
	bar.SetXAxis(names).
		AddSeries(s.l.T("本部门", "This department"), own, charts.WithItemStyleOpts(opts.ItemStyle{Color: "#1f4e99"})).
		AddSeries(s.l.T("组平均", "Group average"), avg, charts.WithItemStyleOpts(opts.ItemStyle{Color: "#91a7d0"})).
		AddSeries(s.l.T("满分", "Maximum"), full, charts.WithItemStyleOpts(opts.ItemStyle{Color: "#d9d9d9"}))
	return section{ID: "indicators", Title: s.l.T("本月各指标得分 ", "Points per indicator, ") + s.d.Month,
		Caption: s.l.T("本部门各指标得分与满分、本组平均分的对比。", "This department's points per indicator against the maximum and its group's average."),
		Chart:   finish(bar, init), Table: t}
}

// kind names a score line's kind.
func (s *site) kind(k string) string {
	switch k {
	case "score":
		return s.l.T("得分", "score")
	case "deduction":
		return s.l.T("扣分", "deduction")
	case "bonus":
		return s.l.T("加分", "bonus")
	case "veto":
		return s.l.T("否决", "veto")
	}
	return s.l.T("调整", k)
}

func (s *site) indByCode(code string) indicator {
	for _, ind := range s.d.Inds {
		if ind.Code == code {
			return ind
		}
	}
	return indicator{Code: code, Name: code, NameEN: code}
}

func (s *site) lineRow(l line, withMonth bool) []cell {
	row := []cell{}
	if withMonth {
		row = append(row, txt(l.Period))
	}
	maxCell := cell{Num: true}
	if l.Max != nil {
		maxCell = num("%.2f", *l.Max)
	}
	reason := s.l.T(l.Reason, l.ReasonEN)
	if reason == "" { // large runs keep reasons only for their newest periods; explain renders the rest
		reason = fmt.Sprintf(s.l.T("(原因未保存,可运行 govscore explain %s --period %s 查看)", "(reason not kept; run govscore explain %s --period %s)"), l.Dept, l.Period)
	}
	return append(row, cell{Text: s.indName(s.indByCode(l.Indicator)), Href: "../" + s.indFile(l.Indicator)}, txt(l.Item),
		txt(s.kind(l.Kind)), num("%.2f", l.Points), maxCell, txt(reason))
}

func (s *site) lineHead(withMonth bool) []string {
	h := []string{s.l.T("指标", "Indicator"), s.l.T("项目", "Item"), s.l.T("类型", "Kind"), s.l.T("分数", "Points"), s.l.T("满分", "Max"), s.l.T("原因", "Reason")}
	if withMonth {
		h = append([]string{s.periodWord()}, h...)
	}
	return h
}

// deptLines lists every score line of the month with its reason.
func (s *site) deptLines(code string) section {
	t := &table{Head: s.lineHead(false)}
	for _, l := range s.d.Lines[code] {
		if l.Period == s.d.Month {
			t.Rows = append(t.Rows, s.lineRow(l, false))
		}
	}
	sec := section{ID: "lines", Title: s.l.T("本月得分明细", "Score lines this month"), Table: t,
		Caption: s.l.T("每一项得分、扣分和加分及其原因。", "Every score, deduction and bonus with its reason.")}
	if len(t.Rows) == 0 {
		sec.Table, sec.Empty = nil, s.l.T("本月未报送数据,没有得分明细。", "Nothing submitted this month, so no score lines.")
	}
	return sec
}

// deptAdjustments lists every deduction, bonus and veto over the months shown.
func (s *site) deptAdjustments(code string) section {
	t := &table{Head: s.lineHead(true)}
	for _, l := range s.d.Lines[code] {
		if l.Kind != "score" {
			t.Rows = append(t.Rows, s.lineRow(l, true))
		}
	}
	sec := section{ID: "deductions", Title: s.l.T("扣分与加分记录", "Deductions and bonuses"), Table: t,
		Caption: fmt.Sprintf(s.l.T("%s 至 %s 每一笔扣分、加分和否决及其原因,最近的在前。", "Every deduction, bonus and veto from %s to %s with its reason, newest first."), s.d.Months[0], s.d.Month)}
	if len(t.Rows) == 0 {
		sec.Table, sec.Empty = nil, s.l.T("没有扣分或加分。", "No deductions or bonuses.")
	}
	return sec
}

// deptFigures shows the figures submitted for the month, every version side by side, newest first.
func (s *site) deptFigures(code string) section {
	var vers []int
	for _, v := range s.d.Versions[code] {
		if v.Period == s.d.Month {
			vers = append(vers, v.Version)
		}
	}
	t := &table{Head: []string{s.l.T("指标", "Metric"), s.l.T("单位", "Unit")}}
	for i, v := range vers {
		h := fmt.Sprintf(s.l.T("第 %d 版", "Version %d"), v)
		if i == 0 {
			h += s.l.T("(当前)", " (current)")
		}
		t.Head = append(t.Head, h)
	}
	row := map[string][]cell{}
	var order []string
	for _, f := range s.d.Figures[code] {
		name := s.l.T(f.Name, f.NameEN)
		if _, ok := row[name]; !ok {
			order = append(order, name)
			row[name] = append([]cell{txt(name), txt(f.Unit)}, make([]cell, len(vers))...)
		}
		for i, v := range vers {
			if v == f.Version {
				row[name][2+i] = cell{Text: strconv.FormatFloat(f.Value, 'f', -1, 64), Num: true}
			}
		}
	}
	for _, name := range order {
		t.Rows = append(t.Rows, row[name])
	}
	sec := section{ID: "figures", Title: s.l.T("本月报送的数据 ", "Figures submitted for ") + s.d.Month, Table: t,
		Caption: s.l.T("本部门报送的各项数据;有修订时并列显示每一版,当前版在前。", "The figures this department submitted; when revised, every version side by side, current first.")}
	if len(order) == 0 {
		sec.Table, sec.Empty = nil, s.l.T("本月没有报送数据。", "Nothing was submitted for this month.")
	}
	return sec
}

// deptVersions lists where each version came from: file, sheet and row.
func (s *site) deptVersions(code string) section {
	t := &table{Head: []string{s.periodWord(), s.l.T("版本", "Version"), s.l.T("当前", "Current"), s.l.T("文件", "File"),
		s.l.T("工作表", "Sheet"), s.l.T("行", "Row"), s.l.T("导入时间", "Ingested"), s.l.T("来源", "Source")}}
	for _, v := range s.d.Versions[code] {
		cur := ""
		if v.Current {
			cur = "✓"
		}
		t.Rows = append(t.Rows, []cell{txt(v.Period), {Text: strconv.Itoa(v.Version), Num: true}, txt(cur), txt(v.File), txt(v.Sheet),
			{Text: strconv.Itoa(v.Row), Num: true}, txt(v.IngestedAt), txt(v.Source)})
	}
	sec := section{ID: "versions", Title: s.l.T("数据来源与修订记录", "Data sources and revisions"), Table: t,
		Caption: s.l.T("本月数据及以往各月修订的每一版来自哪个文件的哪一行。", "Which file and row each version came from: this month's, and every revised month's.")}
	if len(t.Rows) == 0 {
		sec.Table, sec.Empty = nil, s.l.T("没有报送记录。", "No submissions on record.")
	}
	return sec
}

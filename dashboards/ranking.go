package dashboards

import "strconv"

// ranking is the full ranking of every group, the index of department pages.
func (s *site) ranking() *page {
	p := s.newPage("", s.l.T("完整排名 ", "Full ranking ")+s.d.Month, "ranking")
	p.Subtitle = s.l.T("每组全部部门的本月排名;点击部门名称查看其得分明细。", "Every department of every group this month; click a name for its score sheet.")
	for i, g := range s.groups {
		t := &table{Head: []string{s.l.T("名次", "Rank"), s.l.T("代码", "Code"), s.l.T("部门", "Department"), s.l.T("总分", "Total"),
			s.l.T("等次", "Grade"), s.l.T("名次变化", "Change"), s.l.T("累计得分", "YTD total"), s.l.T("累计平均", "YTD average"),
			s.l.T("累计名次", "YTD rank"), s.l.T("状态", "Status")}}
		for _, r := range s.groupResults(g) {
			t.Rows = append(t.Rows, []cell{{Text: strconv.Itoa(r.Rank), Num: true}, txt(r.Dept), s.deptLink("", r), num("%.2f", r.Total),
				txt(s.grade(r)), {Text: change(r.Change), Num: true}, num("%.2f", r.YTDTotal), num("%.2f", r.YTDAvg),
				{Text: strconv.Itoa(r.YTDRank), Num: true}, txt(s.status(r))})
		}
		p.Sections = append(p.Sections, section{ID: "group-" + strconv.Itoa(i), Title: g, Table: t})
	}
	if t := s.unranked(); len(t.Rows) > 0 {
		p.Sections = append(p.Sections, section{ID: "unranked", Title: s.l.T("不参与排名的部门", "Not ranked by the rules"), Table: t})
	}
	if inactive := s.inactive(); len(inactive.Rows) > 0 {
		p.Sections = append(p.Sections, section{ID: "inactive", Title: s.l.T("本月不参评的部门", "Not ranked this month"), Table: inactive})
	}
	return p
}

// inactive lists departments with results in earlier months but none in the chosen one.
func (s *site) inactive() *table {
	t := &table{Head: []string{s.l.T("代码", "Code"), s.l.T("部门", "Department"), s.l.T("最后参评月份", "Last ranked")}}
	for _, code := range s.deptCodes {
		rs := s.byDept[code]
		last := rs[len(rs)-1]
		if last.Period != s.d.Month {
			t.Rows = append(t.Rows, []cell{txt(code), s.deptLink("", last), txt(last.Period)})
		}
	}
	return t
}

// unranked lists the departments the rules left unranked in the chosen period.
func (s *site) unranked() *table {
	t := &table{Head: []string{s.l.T("代码", "Code"), s.l.T("部门", "Department"), s.l.T("组", "Group")}}
	for _, r := range s.d.Unranked {
		if r.Period == s.d.Month {
			t.Rows = append(t.Rows, []cell{txt(r.Dept), txt(r.Name), txt(r.Group)})
		}
	}
	return t
}

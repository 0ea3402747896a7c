package dashboards

import (
	"fmt"
	"sort"
	"strings"

	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/period"
)

// site is the loaded data with the indexes the pages need.
type site struct {
	d         *data
	l         locale.Lang
	cur       []result            // the chosen month's results, by group and rank
	byDept    map[string][]result // each department's months, oldest first
	deptCodes []string            // every department with a result, sorted
	groups    []string            // groups in the chosen month, largest first
	grades    []string            // grade names, best first
	gradeIdx  map[string]int
	avgs      map[[2]string]float64 // this month's average points per group and indicator, built on first use
}

// periodWord is what the site's periods are called: 月份 / Month, or 季度 / Quarter and 年度 /
// Year for a rule set scored by quarter or year.
func (s *site) periodWord() string {
	p, err := period.Parse(s.d.Month)
	switch {
	case err != nil || p.Kind == period.Month:
		return s.l.T("月份", "Month")
	case p.Kind == period.Quarter:
		return s.l.T("季度", "Quarter")
	}
	return s.l.T("年度", "Year")
}

func newSite(d *data, l locale.Lang) *site {
	s := &site{d: d, l: l, byDept: map[string][]result{}, gradeIdx: map[string]int{}}
	best := map[string]float64{}
	for _, r := range d.Results {
		if r.Period == d.Month {
			s.cur = append(s.cur, r)
			s.groups = appendNew(s.groups, r.Group)
		}
		if _, ok := s.byDept[r.Dept]; !ok {
			s.deptCodes = append(s.deptCodes, r.Dept)
		}
		s.byDept[r.Dept] = append(s.byDept[r.Dept], r)
		g := s.grade(r)
		if v, ok := best[g]; !ok || r.Total > v {
			best[g] = r.Total
		}
	}
	for g := range best {
		s.grades = append(s.grades, g)
	}
	sort.Slice(s.grades, func(i, j int) bool {
		a, b := best[s.grades[i]], best[s.grades[j]]
		return a > b || a == b && s.grades[i] < s.grades[j]
	})
	for i, g := range s.grades {
		s.gradeIdx[g] = i
	}
	sort.Strings(s.deptCodes)
	size := map[string]int{}
	for _, r := range s.cur {
		size[r.Group]++
	}
	sort.Slice(s.groups, func(i, j int) bool { // the largest group first, e.g. 市级部门
		a, b := s.groups[i], s.groups[j]
		return size[a] > size[b] || size[a] == size[b] && a < b
	})
	return s
}

// grade is a result's grade in the page's language.
func (s *site) grade(r result) string { return s.l.T(r.Grade, r.GradeEN) }

// gradeKey explains the grade colours.
func (s *site) gradeKey() []keyItem {
	var k []keyItem
	for i, g := range s.grades {
		k = append(k, keyItem{Color: gradeColor(i), Text: g})
	}
	return k
}

// deptFile is a department page's path from the site root; codes are made safe for file names.
func (s *site) deptFile(code string) string { return "dept/" + safeName(code) + ".html" }

// indFile is an indicator page's path from the site root.
func (s *site) indFile(code string) string { return "ind/" + safeName(code) + ".html" }

// safeName keeps letters, digits, '-' and '_' and writes any other byte as _xx, so a name
// maps to one file and never to a path outside the site.
func safeName(code string) string {
	var b strings.Builder
	for i := 0; i < len(code); i++ {
		c := code[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "_%02x", c)
		}
	}
	return b.String()
}

// indName is an indicator's name in the page's language.
func (s *site) indName(ind indicator) string { return s.l.T(ind.Name, ind.NameEN) }

// newPage starts a page with the navigation every page shares.
func (s *site) newPage(root, title, current string) *page {
	p := &page{HTMLLang: s.l.T("zh-CN", "en"), Title: title, Root: root,
		TableLabel: s.l.T("查看数据表", "Show the data table"),
		TableHint:  s.l.T("图表,数据见下方表格", "Chart; the data table follows"),
		Footer: s.l.T("数据", "") + s.periodWord() + " " + s.d.Month + s.l.T(" · 评分规则 ", " · rules ") + s.d.Run +
			s.l.T(" · govscore 生成", " · made by govscore")}
	p.Nav = append(p.Nav, link{Text: s.l.T("总览", "Overview"), Href: root + "index.html", Current: current == "index"},
		link{Text: s.l.T("排名与部门", "Ranking and departments"), Href: root + "ranking.html", Current: current == "ranking"})
	for _, ind := range s.d.Inds {
		p.Nav = append(p.Nav, link{Text: s.indName(ind), Href: root + s.indFile(ind.Code), Current: current == "ind:"+ind.Code})
	}
	return p
}

// deptLink is a table cell linking to a department's page.
func (s *site) deptLink(root string, r result) cell {
	return cell{Text: r.Name, Href: root + s.deptFile(r.Dept)}
}

// change formats a rank change: +3, -2, 0, or empty when not ranked last month.
func change(c *int) string {
	if c == nil {
		return ""
	}
	return fmt.Sprintf("%+d", *c)
}

// status is a result's submission status in words.
func (s *site) status(r result) string {
	switch r.Status {
	case "missing":
		return s.l.T("未报送", "not submitted")
	case "veto":
		return s.l.T("单项否决", "veto")
	}
	return s.l.T("已报送", "submitted")
}

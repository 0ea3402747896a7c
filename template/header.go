package template

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/govscore/govscore/catalog"
)

// writeHeader heads the columns. A metric's cell holds its name exactly as ingest reads it
// (工作动态) and shows the unit through the cell's number format (@"(条)" displays 工作动态(条)):
// the workbook reads as "name (unit)" and still ingests with no edit.
func writeHeader(f *excelize.File, sheet string, s Spec) error {
	heads := []string{s.Lang.T("部门代码", "dept_code"), s.Lang.T("部门名称", "dept_name"), s.Lang.T("月份", "month")}
	for c, h := range heads {
		cell, _ := excelize.CoordinatesToCellName(c+1, 1)
		if err := f.SetCellStr(sheet, cell, h); err != nil {
			return err
		}
	}
	base := excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill("#DDEBF7"), Border: borders(),
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}, Protection: &excelize.Protection{Locked: true}}
	plain, err := f.NewStyle(&base)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", "C1", plain); err != nil {
		return err
	}
	styles := map[string]int{}
	for i, m := range s.Metrics {
		if err := metricHeader(f, sheet, s, i, m, base, styles); err != nil {
			return err
		}
	}
	return f.SetRowHeight(sheet, 1, 42)
}

func metricHeader(f *excelize.File, sheet string, s Spec, i int, m catalog.Metric, base excelize.Style, styles map[string]int) error {
	cell := col(i) + "1"
	if err := f.SetCellStr(sheet, cell, s.Lang.T(m.Name, m.NameEN)); err != nil {
		return err
	}
	id, ok := styles[m.Unit]
	if !ok {
		format := s.Lang.T(`@"(`+quote(m.Unit)+`)"`, `@" (`+quote(m.Unit)+`)"`)
		st := base
		st.CustomNumFmt = &format
		var err error
		if id, err = f.NewStyle(&st); err != nil {
			return err
		}
		styles[m.Unit] = id
	}
	if err := f.SetCellStyle(sheet, cell, cell, id); err != nil {
		return err
	}
	return f.AddComment(sheet, excelize.Comment{Cell: cell, Author: "govscore", Width: 300, Height: 160,
		Paragraph: []excelize.RichTextRun{{Text: comment(s, m)}}})
}

// quote escapes a unit for a number format's quoted literal.
func quote(unit string) string { return strings.ReplaceAll(unit, `"`, `""`) }

// comment is a metric header's note: name and unit, code, definition and what may be entered.
func comment(s Spec, m catalog.Metric) string {
	def := s.Lang.T(m.Definition.ZH, m.Definition.EN)
	if def == "" {
		def = s.Lang.T("(无定义)", "(no definition)")
	}
	return fmt.Sprintf("%s(%s) %s\n%s\n%s", s.Lang.T(m.Name, m.NameEN), m.Unit, m.Code, def, allowed(s, m))
}

// allowed says in words what a metric's cells take, as the data validation checks it.
func allowed(s Spec, m catalog.Metric) string {
	switch {
	case m.Kind == "rate":
		return s.Lang.T("填写 0 到 100 之间的百分数。", "Enter a percentage from 0 to 100.")
	case m.Kind == "count" && m.Max > 0:
		return s.Lang.Tf("填写不小于 0 的整数;超过 %g 时请核实。", "Enter a whole number ≥ 0; above %g you are asked to confirm.", m.Max)
	case m.Kind == "count":
		return s.Lang.T("填写不小于 0 的整数。", "Enter a whole number ≥ 0.")
	}
	return s.Lang.T("填写不小于 0 的数。", "Enter a number ≥ 0.")
}

package template

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/govscore/govscore/period"
)

// writeGuide adds the 说明 sheet: how to fill the data sheet, what each check means, the
// deadline, and every metric with its unit and definition (to print beside the form).
func writeGuide(f *excelize.File, s Spec) error {
	sheet := s.Lang.T("说明", "Guide")
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	rows := [][]string{{title(s)}, {}}
	for i, line := range instructions(s) {
		rows = append(rows, []string{fmt.Sprintf("%d. %s", i+1, line)})
	}
	rows = append(rows, []string{}, []string{s.Lang.T("指标一览", "The metrics")},
		[]string{s.Lang.T("代码", "Code"), s.Lang.T("名称", "Name"), s.Lang.T("单位", "Unit"), s.Lang.T("定义", "Definition"), s.Lang.T("填写要求", "What to enter")})
	head := len(rows)
	for _, m := range s.Metrics {
		rows = append(rows, []string{m.Code, s.Lang.T(m.Name, m.NameEN), m.Unit, s.Lang.T(m.Definition.ZH, m.Definition.EN), allowed(s, m)})
	}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellStr(sheet, cell, v); err != nil {
				return err
			}
		}
	}
	return guideStyle(f, sheet, head, len(rows))
}

func title(s Spec) string {
	p := period.MustParse(s.Period)
	return s.Lang.Tf("%d年%d月政务公开工作数据填报说明", "Disclosure figures for %[2]d/%[1]d: how to fill in this workbook", p.Year, p.Num)
}

// instructions are the numbered lines of the guide.
func instructions(s Spec) []string {
	data := s.Lang.T("填报", "Data")
	out := []string{
		s.Lang.Tf("在“%s”表中每个部门一行;部门代码、名称和月份已填好并锁定,只在白色单元格中填写本月数字。", "The %q sheet has a row per department; code, name and month are filled in and locked: type this month's figures into the white cells only.", data),
		s.Lang.T("空白表示“未报送该项”,不等于 0;本月没有发生的事项请填 0。整行空白的部门请删除该行或不报送本表。", "An empty cell means \"not reported\", not 0: enter 0 for what did not happen this month. Delete the row of a department you are not reporting for."),
		s.Lang.T("数量填写不小于 0 的整数,全文电子化率填 0 到 100 之间的百分数(如 95.5),违规收费以元计。指向表头可看到每项指标的定义;超出范围时会提示。", "Counts are whole numbers ≥ 0, the full-text rate a percentage from 0 to 100 (e.g. 95.5), improper fees in yuan. Point at a heading to read the metric's definition; a value out of range is flagged as you type."),
		s.Lang.T("单元格标红表示该行违反下列校验,导入时整份文件会被退回,请修正后再报送:", "A cell turns red when its row breaks one of these checks; such a file is rejected whole at import, so correct it before sending:"),
	}
	for _, c := range s.Checks {
		out[len(out)-1] += "\n    · " + s.Lang.T(c.Text.ZH, c.Text.EN)
	}
	out = append(out, s.Lang.T("请勿修改表头、增删列或调整列的顺序;直接报送本工作簿(.xlsx),无需另存为其他格式。", "Do not change the headings or add, remove or move columns; send this workbook (.xlsx) as it is, without saving it in another format."))
	if !s.Deadline.IsZero() {
		out = append(out, s.Lang.Tf("报送截止日期:%d年%d月%d日。", "Due by %[1]d-%02[2]d-%02[3]d.", s.Deadline.Year(), int(s.Deadline.Month()), s.Deadline.Day()))
	}
	return out
}

func guideStyle(f *excelize.File, sheet string, head, last int) error {
	big, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Border: borders()})
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill("#DDEBF7"), Border: borders()})
	if err != nil {
		return err
	}
	f.SetCellStyle(sheet, "A1", "A1", big)
	f.SetCellStyle(sheet, fmt.Sprintf("A%d", head), fmt.Sprintf("E%d", head), bold)
	f.SetCellStyle(sheet, fmt.Sprintf("A%d", head+1), fmt.Sprintf("E%d", last), wrap)
	for r := 3; r < head-2; r++ { // the instructions: one merged, wrapped cell each
		cell := fmt.Sprintf("A%d", r)
		f.MergeCell(sheet, cell, fmt.Sprintf("E%d", r))
		f.SetCellStyle(sheet, cell, cell, wrap)
		v, _ := f.GetCellValue(sheet, cell)
		f.SetRowHeight(sheet, r, float64(18*(1+strings.Count(v, "\n")+len([]rune(v))/70)))
	}
	f.SetColWidth(sheet, "A", "A", 18)
	f.SetColWidth(sheet, "B", "B", 16)
	f.SetColWidth(sheet, "C", "C", 6)
	f.SetColWidth(sheet, "D", "D", 70)
	return f.SetColWidth(sheet, "E", "E", 36)
}

package template

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/govscore/govscore/catalog"
)

// validate checks each metric's cells as they are typed: counts whole numbers from 0 up to the
// plausible maximum (a warning the clerk may confirm: ingest takes any count), rates decimals
// from 0 to 100 and amounts decimals ≥ 0 (refused outright, as ingest refuses them).
func validate(f *excelize.File, sheet string, s Spec) error {
	for i, m := range s.Metrics {
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(fmt.Sprintf("%s2:%s%d", col(i), col(i), s.lastRow()))
		var err error
		style := excelize.DataValidationErrorStyleStop
		switch {
		case m.Kind == "rate":
			err = dv.SetRange(0, 100, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
		case m.Kind == "count" && m.Max > 0:
			err = dv.SetRange(0, m.Max, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween)
			style = excelize.DataValidationErrorStyleWarning
		case m.Kind == "count":
			err = dv.SetRange(0, 0, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorGreaterThanOrEqual)
		default:
			err = dv.SetRange(0, 0, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorGreaterThanOrEqual)
		}
		if err != nil {
			return err
		}
		dv.SetError(style, s.Lang.T("请核实", "Please check"), allowed(s, m))
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	return nil
}

// markChecks shades a row's cells red where it breaks a cross-field check (超期公开 above all
// published, 按期 + 逾期 above 收到, 采用 above 报送, 按时 above 交办): the rows ingest would reject.
func markChecks(f *excelize.File, sheet string, s Spec) error {
	bad, err := f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "#9C0006", Bold: true}, Fill: fill("#FFC7CE")})
	if err != nil {
		return err
	}
	index := map[string]int{}
	for i, m := range s.Metrics {
		index[m.Code] = i
	}
	for _, c := range s.Checks {
		formula, ok := checkFormula(c, index)
		if !ok {
			continue
		}
		rule := []excelize.ConditionalFormatOptions{{Type: "formula", Criteria: formula, Format: &bad}}
		for _, code := range append(append([]string{}, c.Left...), c.Right...) {
			area := fmt.Sprintf("%s2:%s%d", col(index[code]), col(index[code]), s.lastRow())
			if err := f.SetConditionalFormat(sheet, area, rule); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkFormula is c as a formula on row 2 (columns fixed, rows relative): true when broken.
// A check naming a metric the template lacks is left out.
func checkFormula(c catalog.Check, index map[string]int) (string, bool) {
	sum := func(codes []string) (string, bool) {
		refs := make([]string, len(codes))
		for i, code := range codes {
			n, ok := index[code]
			if !ok {
				return "", false
			}
			refs[i] = "$" + col(n) + "2"
		}
		return "(" + strings.Join(refs, "+") + ")", true
	}
	left, okL := sum(c.Left)
	right, okR := sum(c.Right)
	return left + ">" + right, okL && okR
}

// layout freezes the header and the department columns, sizes the columns, sets up printing and
// protects the sheet: only the metric cells can be typed into. No password: the office can
// unprotect it (审阅 → 撤消工作表保护) without one to lose.
func layout(f *excelize.File, sheet string, s Spec) error {
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: fixed, YSplit: 1, TopLeftCell: "D2", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	f.SetColWidth(sheet, "A", "A", 12)
	f.SetColWidth(sheet, "B", "B", 26)
	f.SetColWidth(sheet, "C", "C", 10)
	f.SetColWidth(sheet, col(0), col(len(s.Metrics)-1), 11)
	landscape, a4 := "landscape", 9
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape}); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$A:$C,'%s'!$1:$1", sheet, sheet)}); err != nil {
		return err
	}
	return f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true,
		FormatColumns: true, FormatRows: true})
}

// Package template writes the fill-in workbook the office sends to departments: a row per
// department active that month, code, name and month filled and locked, a column per metric
// headed by its name with the unit and the definition as a comment, the values checked as they
// are typed, and a 说明 sheet. A filled template ingests as it is: the data sheet comes first
// and its first row is a header ingest reads.
package template

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/govscore/govscore/catalog"
	"github.com/govscore/govscore/locale"
)

// Spec is what a template is made for.
type Spec struct {
	Period   string // YYYY-MM
	Depts    []Dept
	Metrics  []catalog.Metric
	Checks   []catalog.Check
	Deadline time.Time // when the figures are due, shown on the 说明 sheet; zero: not shown
	Lang     locale.Lang
}

// fixed are the columns before the metrics: 部门代码, 部门名称, 月份.
const fixed = 3

// Write writes the template workbook.
func Write(w io.Writer, s Spec) error {
	f := excelize.NewFile()
	defer f.Close()
	data := s.Lang.T("填报", "Data")
	f.SetSheetName("Sheet1", data)
	steps := []func(*excelize.File, string, Spec) error{writeRows, writeHeader, validate, markChecks, layout}
	for _, step := range steps {
		if err := step(f, data, s); err != nil {
			return fmt.Errorf("template %s: %w", s.Period, err)
		}
	}
	if err := writeGuide(f, s); err != nil {
		return fmt.Errorf("template %s: %w", s.Period, err)
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// col is the letter of the i-th metric's column (0-based).
func col(i int) string {
	name, _ := excelize.ColumnNumberToName(fixed + 1 + i)
	return name
}

// lastRow is the sheet row of the last department (the header is row 1).
func (s Spec) lastRow() int { return len(s.Depts) + 1 }

// writeRows fills code, name and month, locked and shaded, and leaves the metric cells empty
// and unlocked: the only cells a protected sheet lets a clerk type into.
func writeRows(f *excelize.File, sheet string, s Spec) error {
	for i, d := range s.Depts {
		row := i + 2
		for c, v := range []string{d.Code, d.Name, s.Period} {
			cell, _ := excelize.CoordinatesToCellName(c+1, row)
			if err := f.SetCellStr(sheet, cell, v); err != nil {
				return err
			}
		}
	}
	locked, err := f.NewStyle(&excelize.Style{Fill: fill("#EDEDED"), Border: borders(), Protection: &excelize.Protection{Locked: true}})
	if err != nil {
		return err
	}
	open, err := f.NewStyle(&excelize.Style{Border: borders(), Protection: &excelize.Protection{Locked: false}})
	if err != nil {
		return err
	}
	last := s.lastRow()
	if err := f.SetCellStyle(sheet, "A2", fmt.Sprintf("C%d", last), locked); err != nil {
		return err
	}
	return f.SetCellStyle(sheet, col(0)+"2", fmt.Sprintf("%s%d", col(len(s.Metrics)-1), last), open)
}

func fill(color string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
}

func borders() []excelize.Border {
	var out []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		out = append(out, excelize.Border{Type: side, Color: "#BFBFBF", Style: 1})
	}
	return out
}

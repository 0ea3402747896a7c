package report

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// writeSheet writes rows into sheet from A1, each cell typed by its Go value: a string as text
// (an inline or shared string: a spreadsheet shows it and never evaluates it, whatever its first
// character), an int or float64 as a number, nil as an empty cell. Nothing is ever written as a
// formula, so text needs no ' prefix here (see Cell for CSV).
func writeSheet(f *excelize.File, sheet string, rows [][]any) error {
	for r, row := range rows {
		for c, v := range row {
			cell, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				return err
			}
			if err := setTyped(f, sheet, cell, v); err != nil {
				return fmt.Errorf("xlsx %s: %w", cell, err)
			}
		}
	}
	return nil
}

func setTyped(f *excelize.File, sheet, cell string, v any) error {
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		return f.SetCellStr(sheet, cell, x)
	case int:
		return f.SetCellInt(sheet, cell, int64(x))
	case float64:
		return f.SetCellFloat(sheet, cell, x, -1, 64)
	}
	return fmt.Errorf("no cell type for %T", v)
}

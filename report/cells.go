package report

import (
	"encoding/csv"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Spreadsheets run a CSV cell that starts with = + - or @ as a formula (=HYPERLINK(…),
// +cmd|' /C calc'!A0, @SUM(…)), and Excel also when a tab or carriage return comes first.
// Department names, groups, reasons and file names come from many hands, so every text cell
// govscore writes as CSV or TSV goes through Cell, following OWASP's CSV injection advice:
//
//   - a cell whose first character is a tab or CR, or whose first character after any
//     leading spaces is = + - @ (or their full-width forms ＝ ＋ － ＠, which a Chinese input
//     method may type), gets a leading ' — spreadsheets read the cell as text;
//   - except a plain decimal number (optional sign, digits, optional fraction: -3, +2, -12.50),
//     which stays a number: a rank change of -3 must sort and sum as -3.
//
// Anything else is written as it is. XLSX cells need no prefix: they are typed (see
// writeSheet), and a text cell is never evaluated.

var plainNumber = regexp.MustCompile(`^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$`)

// Cell is s made safe to open in a spreadsheet: see the rule above.
func Cell(s string) string {
	if !formulaLike(s) || plainNumber.MatchString(s) {
		return s
	}
	return "'" + s
}

// formulaLike says whether a spreadsheet could take s for a formula.
func formulaLike(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == '\t' || s[0] == '\r' {
		return true
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(s, unicode.IsSpace))
	return strings.ContainsRune("=+-@＝＋－＠", first)
}

// Cells is each cell of row through Cell, in a new slice.
func Cells(row []string) []string {
	out := make([]string, len(row))
	for i, c := range row {
		out[i] = Cell(c)
	}
	return out
}

// CSVWriter writes CSV whose every cell has gone through Cell.
type CSVWriter struct{ w *csv.Writer }

// NewCSV is a CSVWriter on w.
func NewCSV(w io.Writer) *CSVWriter { return &CSVWriter{csv.NewWriter(w)} }

// Write writes one record, its cells made safe.
func (c *CSVWriter) Write(row []string) error { return c.w.Write(Cells(row)) }

// Flush writes what is buffered and returns the first error met.
func (c *CSVWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

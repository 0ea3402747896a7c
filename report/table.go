package report

import (
	"io"
	"strings"

	"golang.org/x/text/width"
)

// displayWidth counts columns on a terminal: Chinese characters take two.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// writeAligned writes rows as columns padded to their widest cell; right-aligned columns are
// marked in right.
func writeAligned(w io.Writer, rows [][]string, right map[int]bool) error {
	widths := map[int]int{}
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-displayWidth(c))
			if i > 0 {
				b.WriteString("  ")
			}
			if right[i] {
				b.WriteString(pad + c)
			} else if i < len(r)-1 {
				b.WriteString(c + pad)
			} else {
				b.WriteString(c)
			}
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Aligned writes rows as columns padded to their widest cell (CJK counted double); right-aligned
// columns are marked in right.
func Aligned(w io.Writer, rows [][]string, right map[int]bool) error {
	return writeAligned(w, rows, right)
}

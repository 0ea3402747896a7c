package docx

import "fmt"

// Table is a table with borders; its first Header rows repeat at the top of every page.
type Table struct {
	Widths []float64 // column widths in millimetres
	Header int       // how many rows head the table
	Rows   [][]Cell
	Style  string // paragraph style of the cells' text
}

// Cell is one cell's text and look.
type Cell struct {
	Text  string
	Align string // left, center, right
	Fill  string // background RRGGBB
	Color string // text RRGGBB
	Bold  bool
}

func (t Table) xml(w *writer) {
	total := 0.0
	for _, x := range t.Widths {
		total += x
	}
	fmt.Fprintf(w, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>`, twips(total))
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(w, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
	}
	w.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, x := range t.Widths {
		fmt.Fprintf(w, `<w:gridCol w:w="%d"/>`, twips(x))
	}
	w.WriteString("</w:tblGrid>")
	for i, row := range t.Rows {
		w.WriteString("<w:tr><w:trPr><w:cantSplit/>")
		if i < t.Header {
			w.WriteString("<w:tblHeader/>")
		}
		w.WriteString("</w:trPr>")
		for j, c := range row {
			t.cell(w, c, t.Widths[min(j, len(t.Widths)-1)], i < t.Header)
		}
		w.WriteString("</w:tr>")
	}
	w.WriteString("</w:tbl>")
}

func (t Table) cell(w *writer, c Cell, width float64, head bool) {
	fmt.Fprintf(w, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, twips(width))
	if c.Fill != "" {
		fmt.Fprintf(w, `<w:shd w:val="clear" w:color="auto" w:fill="%s"/>`, attr(trimHash(c.Fill)))
	}
	w.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
	align := c.Align
	if align == "" {
		align = "center"
	}
	Paragraph{Style: t.Style, Align: align, Runs: []Run{{Text: c.Text, Bold: c.Bold || head, Color: c.Color}}}.xml(w)
	w.WriteString("</w:tc>")
}

func trimHash(s string) string {
	if len(s) > 0 && s[0] == '#' {
		return s[1:]
	}
	return s
}

package docx

import (
	"encoding/xml"
	"fmt"
	"strings"
)

// writer gathers the body's XML and the pictures it refers to.
type writer struct {
	strings.Builder
	images [][]byte
}

// text writes s escaped for XML.
func (w *writer) text(s string) { xml.EscapeText(w, []byte(s)) }

// Paragraph is a paragraph of one style, of runs of text.
type Paragraph struct {
	Style     string // a Style.ID; empty: the default
	Align     string // overrides the style's: left, center, right, both
	Runs      []Run
	PageBreak bool   // start on a new page
	KeepNext  bool   // keep with the next paragraph (a caption above its table)
	Rule      string // RRGGBB: a line under the paragraph (公文's red separator); empty: none
}

// Run is text in one look; zero fields keep the paragraph style's.
type Run struct {
	Text  string
	Bold  bool
	Color string  // RRGGBB
	Size  float64 // points
	Font  string
}

// P is a paragraph of plain text in a style.
func P(style, text string) Paragraph { return Paragraph{Style: style, Runs: []Run{{Text: text}}} }

func (p Paragraph) xml(w *writer) {
	w.WriteString("<w:p><w:pPr>")
	if p.Style != "" {
		fmt.Fprintf(w, `<w:pStyle w:val="%s"/>`, attr(p.Style))
	}
	if p.KeepNext {
		w.WriteString("<w:keepNext/>")
	}
	if p.PageBreak {
		w.WriteString("<w:pageBreakBefore/>")
	}
	if p.Rule != "" {
		fmt.Fprintf(w, `<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="1" w:color="%s"/></w:pBdr>`, attr(trimHash(p.Rule)))
	}
	if p.Align != "" {
		fmt.Fprintf(w, `<w:jc w:val="%s"/>`, attr(p.Align))
	}
	w.WriteString("</w:pPr>")
	for _, r := range p.Runs {
		r.xml(w)
	}
	w.WriteString("</w:p>")
}

func (r Run) xml(w *writer) {
	w.WriteString("<w:r><w:rPr>")
	if r.Font != "" {
		f := attr(r.Font)
		fmt.Fprintf(w, `<w:rFonts w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s"/>`, f, f, f)
	}
	if r.Bold {
		w.WriteString("<w:b/><w:bCs/>")
	}
	if r.Color != "" {
		fmt.Fprintf(w, `<w:color w:val="%s"/>`, attr(trimHash(r.Color)))
	}
	if r.Size > 0 {
		fmt.Fprintf(w, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, halfPoints(r.Size), halfPoints(r.Size))
	}
	w.WriteString(`</w:rPr>`)
	for i, line := range strings.Split(r.Text, "\n") {
		if i > 0 {
			w.WriteString("<w:br/>")
		}
		w.WriteString(`<w:t xml:space="preserve">`)
		w.text(line)
		w.WriteString("</w:t>")
	}
	w.WriteString("</w:r>")
}

func halfPoints(pt float64) int { return int(pt*2 + 0.5) }

// twips are twentieths of a point, Word's unit of length (1 mm = 56.7 twips).
func twips(mm float64) int { return int(mm*1440/25.4 + 0.5) }

// attr escapes s for an attribute value.
func attr(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), `"`, "&#34;")
}

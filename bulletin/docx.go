package bulletin

import (
	"fmt"
	"io"
	"time"

	"github.com/govscore/govscore/docx"
	"github.com/govscore/govscore/report"
)

// Pictures renders a chart's SVG page to PNG (a *browser.Browser does). Without one, a DOCX
// has no chart picture; its numbers are in the text all the same.
type Pictures interface {
	PNG(html []byte, selector string, scale float64) ([]byte, error)
}

// The fonts of a 公文 (GB/T 9704): 仿宋 for the body, 黑体 and 楷体 for headings, 小标宋 for the
// title. Each is named as Chinese Windows and WPS install it, with the common font to use where
// it is missing.
var fonts = []docx.Font{{Name: "仿宋_GB2312", Alt: "仿宋"}, {Name: "方正小标宋简体", Alt: "宋体"}, {Name: "黑体", Alt: "SimHei"},
	{Name: "楷体_GB2312", Alt: "楷体"}, {Name: "Times New Roman"}}

// styles are the paragraph styles: body 三号 (16 pt) on a 28.95 pt grid (22 lines a page),
// title 二号 (22 pt), table text 小四 (12 pt).
var styles = []docx.Style{
	{ID: "Normal", Name: "Normal", Font: "仿宋_GB2312", Latin: "Times New Roman", Size: 16, Line: 28.95, FirstIndent: 2, Align: "both"},
	{ID: "Issuer", Name: "发文机关", Font: "方正小标宋简体", Size: 26, Color: "C00000", Align: "center", After: 12},
	{ID: "Number", Name: "发文字号", Font: "仿宋_GB2312", Latin: "Times New Roman", Size: 16, Align: "center"},
	{ID: "Title", Name: "Title", Font: "方正小标宋简体", Size: 22, Align: "center", Before: 12, After: 6},
	{ID: "Source", Name: "依据", Font: "楷体_GB2312", Size: 16, Align: "center", Line: 28.95, After: 12},
	{ID: "Plain", Name: "不缩进", Font: "仿宋_GB2312", Latin: "Times New Roman", Size: 16, Line: 28.95},
	{ID: "Heading1", Name: "heading 1", Font: "黑体", Size: 16, Line: 28.95, FirstIndent: 2, Outline: 1},
	{ID: "Heading2", Name: "heading 2", Font: "楷体_GB2312", Size: 16, Line: 28.95, FirstIndent: 2, Outline: 2},
	{ID: "Caption", Name: "caption", Font: "黑体", Size: 14, Align: "center", Before: 6, After: 3},
	{ID: "TableText", Name: "表格文字", Font: "仿宋_GB2312", Latin: "Times New Roman", Size: 12},
	{ID: "CC", Name: "抄送", Font: "仿宋_GB2312", Size: 14, Line: 28.95, Before: 28},
}

// DOCX writes the bulletin as a Word document a clerk can edit: real headings (outline levels),
// real tables whose header repeats on each page, the chart as a picture when pics can draw it.
func DOCX(w io.Writer, doc Doc, pics Pictures, created time.Time) error {
	body := []docx.Block{docx.P("Issuer", doc.Issuer)}
	if doc.Number != "" {
		body = append(body, docx.P("Number", doc.Number))
	}
	body = append(body, docx.Paragraph{Style: "Plain", Rule: "C00000"}, docx.P("Title", doc.Title), docx.P("Source", doc.Source), docx.P("Plain", doc.Recipients))
	for _, b := range doc.Body {
		blocks, err := docxBlock(b, pics)
		if err != nil {
			return err
		}
		body = append(body, blocks...)
	}
	body = append(body, docx.Paragraph{Style: "Plain"}, docx.Paragraph{Style: "Plain", Align: "right", Runs: []docx.Run{{Text: doc.Signature + "    "}}},
		docx.Paragraph{Style: "Plain", Align: "right", Runs: []docx.Run{{Text: doc.Date + "    "}}})
	if doc.CC != "" {
		body = append(body, docx.P("CC", doc.CC))
	}
	return docx.Write(w, docx.Document{Title: doc.Title, Author: doc.Issuer, Created: created, Styles: styles, Fonts: fonts,
		Page: docx.A4GB9704, Footer: "— %d —", Body: body})
}

func docxBlock(b Block, pics Pictures) ([]docx.Block, error) {
	switch b.Kind {
	case "h1":
		return []docx.Block{docx.P("Heading1", b.Text)}, nil
	case "h2":
		return []docx.Block{docx.P("Heading2", b.Text)}, nil
	case "table":
		return []docx.Block{docx.Paragraph{Style: "Caption", KeepNext: true, Runs: []docx.Run{{Text: b.Text}}}, docxTable(b.Table)}, nil
	case "chart":
		if pics == nil {
			return nil, nil
		}
		png, err := pics.PNG([]byte(`<!doctype html><meta charset="utf-8"><body style="margin:0">`+b.Chart.SVG()), "svg", 2)
		if err != nil {
			return nil, fmt.Errorf("bulletin chart: %w", err)
		}
		return []docx.Block{docx.Picture{PNG: png, Width: 150, Height: 150 * chartHeight / chartWidth, Name: b.Text}, docx.P("Caption", b.Text)}, nil
	}
	return []docx.Block{docx.P("", b.Text)}, nil
}

func docxTable(t *Table) docx.Table {
	head := make([]docx.Cell, len(t.Head))
	for i, h := range t.Head {
		head[i] = docx.Cell{Text: h, Fill: "F2F2F2"}
	}
	out := docx.Table{Widths: t.Widths, Header: 1, Style: "TableText", Rows: [][]docx.Cell{head}}
	for i, row := range t.Rows {
		cells := make([]docx.Cell, len(row))
		for j, c := range row {
			cells[j] = docx.Cell{Text: c}
			switch {
			case j == t.Col && t.Grade[i] >= 0:
				cells[j].Fill, cells[j].Color = report.GradeColor(t.Grade[i]), "FFFFFF"
			case j == 1:
				cells[j].Align = "left"
			case t.Right[j]:
				cells[j].Align = "right"
			}
		}
		out.Rows = append(out.Rows, cells)
	}
	return out
}

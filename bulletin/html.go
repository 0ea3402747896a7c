package bulletin

import (
	_ "embed"
	"html/template"
	"io"

	"github.com/govscore/govscore/report"
)

//go:embed bulletin.html
var pageHTML string

var page = template.Must(template.New("bulletin").Funcs(template.FuncMap{
	// svg is the chart, drawn by Chart.SVG from numbers and escaped names.
	"svg": func(c *Chart) template.HTML { return template.HTML(c.SVG()) },
	"cellAttrs": func(t *Table, row, col int) template.HTMLAttr {
		switch {
		case col == t.Col && t.Grade[row] >= 0:
			return template.HTMLAttr(` style="background:` + report.GradeColor(t.Grade[row]) + `;color:#fff"`)
		case col == 1:
			return ` class="name"`
		case t.Right[col]:
			return ` class="num"`
		}
		return ""
	},
}).Parse(pageHTML))

// HTML writes the bulletin as one page that prints on A4: fonts by name with fallbacks, GB/T
// 9704 margins, page numbers, table headers repeated on each page, the chart as SVG. It loads
// nothing from elsewhere.
func HTML(w io.Writer, doc Doc) error {
	return page.Execute(w, doc)
}

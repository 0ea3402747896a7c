package dashboards

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"

	"github.com/govscore/govscore/manifest"
)

//go:embed templates/page.html
var pageHTML string

var pageTpl = template.Must(template.New("page").Parse(pageHTML))

// page is one HTML file of the site.
type page struct {
	HTMLLang, Title, Subtitle string
	Root                      string // the way back to the site root: "" or "../"
	Scripts                   []string
	Nav                       []link
	Cards                     []card
	Sections                  []section
	Footer                    string
	TableLabel, TableHint     string
}

// link is a navigation entry.
type link struct {
	Text, Href string
	Current    bool
}

// card is one headline figure.
type card struct{ Label, Value string }

// keyItem explains one colour of a chart.
type keyItem struct{ Color, Text string }

// section is a heading with a caption, a chart and the table of the same numbers, or only a table.
type section struct {
	ID, Title, Caption string
	Key                []keyItem
	Chart              *chart
	Table              *table
	Empty              string // shown when there is nothing to chart
}

// table is a plain table; cells are text, escaped by html/template.
type table struct {
	Head []string
	Rows [][]cell
}

// cell is one table cell, optionally a link.
type cell struct {
	Text, Href string
	Num        bool
}

// Open says whether a table is shown directly: when no chart carries the same numbers.
func (p *page) Open(t *table) bool {
	for _, s := range p.Sections {
		if s.Table == t {
			return s.Chart == nil
		}
	}
	return true
}

// write renders p into the site as name.
func (p *page) write(w *manifest.Writer, name string) (int, error) {
	p.Scripts = nil
	for _, s := range p.Sections {
		if s.Chart != nil {
			p.Scripts = appendNew(p.Scripts, s.Chart.Assets...)
		}
	}
	var buf bytes.Buffer
	if err := pageTpl.Execute(&buf, p); err != nil {
		return 0, fmt.Errorf("dashboards: render %s: %w", name, err)
	}
	if err := w.WriteFile(name, buf.Bytes()); err != nil {
		return 0, fmt.Errorf("dashboards: %w", err)
	}
	return buf.Len(), nil
}

func appendNew(list []string, items ...string) []string {
outer:
	for _, it := range items {
		for _, have := range list {
			if have == it {
				continue outer
			}
		}
		list = append(list, it)
	}
	return list
}

// text is a number cell.
func num(format string, v float64) cell { return cell{Text: fmt.Sprintf(format, v), Num: true} }

// txt is a text cell.
func txt(s string) cell { return cell{Text: s} }

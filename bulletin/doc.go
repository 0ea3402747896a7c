package bulletin

import (
	"time"

	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/report"
)

// Doc is a bulletin as its parts, written out as DOCX or HTML by the same composition.
type Doc struct {
	Lang       locale.Lang
	Issuer     string // 版头
	Number     string // 发文字号; empty: none
	Title      string
	Source     string // 依据第 1 版发布结果 / 当前结果,未发布
	Recipients string // 主送, ending with its colon
	Body       []Block
	Signature  string
	Date       string // 2014年12月5日
	CC         string // 抄送 line; empty: none
}

// Block is a heading, a paragraph, a table or a chart of the body.
type Block struct {
	Kind  string // h1, h2, p, table, chart
	Text  string // a heading's or paragraph's text; a table's or chart's caption
	Table *Table
	Chart *Chart
}

// Table is a ranking table: a header, rows of text, and the grade position of each row (for
// its colour; -1: none).
type Table struct {
	Head   []string
	Widths []float64 // millimetres, on an A4 page's 156 mm
	Right  []bool    // columns of numbers, aligned right
	Rows   [][]string
	Grade  []int
	Col    int // the column the grade colours
}

// Chart is how many departments got each grade, per group.
type Chart struct {
	Groups []string
	Grades []string
	Counts [][]int // [group][grade]
}

// Compose writes the bulletin from its data and configuration; today is the caller's clock.
func Compose(d Data, c Config, today time.Time, l locale.Lang) (Doc, error) {
	c, date, err := c.resolve(today, l)
	if err != nil {
		return Doc{}, err
	}
	p := d.This.Period
	source := l.T("当前结果,未发布", "current results, not published")
	if d.This.Edition > 0 {
		source = l.Tf("依据第 %d 版发布结果", "from published edition %d", d.This.Edition)
	}
	doc := Doc{Lang: l, Issuer: c.Issuer, Number: fill(c.Number, p, l), Title: fill(c.Title, p, l), Source: "(" + source + ")",
		Recipients: c.Recipients + l.T(":", ":"), Signature: c.Signature, Date: l.Tf("%[1]d年%[2]d月%[3]d日", "%[3]d %[4]s %[1]d", date.Year(), int(date.Month()), date.Day(), date.Month().String())}
	if c.CC != "" {
		doc.CC = l.T("抄送:", "Copy to: ") + c.CC
	}
	f := gather(d, c.Top)
	w := &composer{d: d, f: f, l: l, p: report.PeriodTitle(p, l)}
	doc.Body = append(doc.Body, Block{Kind: "p", Text: fill(c.Opening, p, l)})
	doc.Body = append(doc.Body, w.overview()...)
	doc.Body = append(doc.Body, w.ranking()...)
	doc.Body = append(doc.Body, w.problems()...)
	doc.Body = append(doc.Body, w.requirements(c.Requirements)...)
	return doc, nil
}

// composer writes the sections: the data, the facts gathered from it, the language, and the
// period as text says it.
type composer struct {
	d       Data
	f       facts
	l       locale.Lang
	p       string
	tables  int
	figures int
}

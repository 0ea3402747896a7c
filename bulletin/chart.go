package bulletin

import (
	"fmt"
	"html"
	"strings"

	"github.com/govscore/govscore/report"
)

// chartWidth and chartHeight are the chart's size in CSS pixels; it prints 150 mm wide.
const chartWidth, chartHeight = 600, 300

// SVG draws the chart as grouped bars: a cluster per group, a bar per grade in the grade's
// colour (report.GradeColors) with its count on top, a legend, and a scale with gridlines.
// The same drawing goes into the HTML and, rendered by Chromium, into the DOCX as a picture.
func (c *Chart) SVG() string {
	top := 1
	for _, g := range c.Counts {
		for _, n := range g {
			top = max(top, n)
		}
	}
	step := niceStep(top)
	top = (top + step - 1) / step * step
	const left, right, up, down = 40, 10, 40, 40
	plotW, plotH := float64(chartWidth-left-right), float64(chartHeight-up-down)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" font-family="'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',SimHei,sans-serif" font-size="12">`,
		chartWidth, chartHeight, chartWidth, chartHeight)
	for v := 0; v <= top; v += step { // the scale
		y := float64(up) + plotH*(1-float64(v)/float64(top))
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#d9d9d9"/><text x="%d" y="%.1f" text-anchor="end" fill="#555">%d</text>`,
			left, y, chartWidth-right, y, left-6, y+4, v)
	}
	c.bars(&b, left, up, plotW, plotH, top)
	c.legend(&b)
	b.WriteString(`</svg>`)
	return b.String()
}

func (c *Chart) bars(b *strings.Builder, left, up int, plotW, plotH float64, top int) {
	cluster := plotW / float64(max(len(c.Groups), 1))
	bar := cluster * 0.7 / float64(max(len(c.Grades), 1))
	for g, name := range c.Groups {
		x0 := float64(left) + cluster*float64(g) + cluster*0.15
		for i, n := range c.Counts[g] {
			h := plotH * float64(n) / float64(top)
			x, y := x0+bar*float64(i), float64(up)+plotH-h
			fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/><text x="%.1f" y="%.1f" text-anchor="middle">%d</text>`,
				x+1, y, bar-2, h, report.GradeColor(i), x+bar/2, y-4, n)
		}
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-size="13">%s</text>`, x0+bar*float64(len(c.Grades))/2, float64(up)+plotH+20, html.EscapeString(name))
	}
}

func (c *Chart) legend(b *strings.Builder) {
	x := float64(chartWidth)/2 - float64(len(c.Grades))*35
	for i, g := range c.Grades {
		fmt.Fprintf(b, `<rect x="%.1f" y="12" width="12" height="12" fill="%s"/><text x="%.1f" y="22">%s</text>`, x, report.GradeColor(i), x+16, html.EscapeString(g))
		x += 70
	}
}

// niceStep is a gridline step giving about five lines up to top: 1, 2, 5, 10, 20, 50 …
func niceStep(top int) int {
	for step := 1; ; step *= 10 {
		for _, m := range []int{1, 2, 5} {
			if top/(step*m) <= 5 {
				return step * m
			}
		}
	}
}

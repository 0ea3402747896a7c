package dashboards

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// chart is a drawn chart: its container and its echarts option, escaped for a <script> block.
type chart struct {
	ID, Height, Renderer string
	Option               template.JS
	Assets               []string
}

// echart is what every go-echarts chart type offers.
type echart interface {
	Validate()
	JSONNotEscaped() template.HTML
	GetAssets() opts.Assets
}

// grid leaves room for long category labels (department names) on the left, and for the
// legend on top when there is one.
func grid(legend bool) opts.Grid {
	top := "28"
	if legend {
		top = "48"
	}
	return opts.Grid{Left: "3%", Right: "6%", Top: top, Bottom: "30", ContainLabel: opts.Bool(true)}
}

// initOpts is the whole initialization of one chart: a fixed ID (so output is byte-identical)
// and echarts loaded from the site itself, never from a CDN.
func initOpts(id, root string, height int) opts.Initialization {
	return opts.Initialization{
		Width: "100%", Height: fmt.Sprintf("%dpx", height), BackgroundColor: "#ffffff", ChartID: id,
		Theme: "white", Renderer: "svg", PageTitle: "govscore", AssetsHost: root + echartsDir,
	}
}

// common are the options every chart shares; g replaces the default grid.
func common(init opts.Initialization, legend bool, g ...opts.Grid) []charts.GlobalOpts {
	if len(g) == 0 {
		g = []opts.Grid{grid(legend)}
	}
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(init),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(legend), Type: "scroll", Top: "0"}),
		charts.WithGridOpts(g...),
	}
}

// finish turns a built go-echarts chart into the page's chart. The option JSON is escaped so
// that nothing from data (a department named </script>...) can end the <script> block: <, >, &
// and U+2028/9 become \u escapes, which JSON.parse reads back as the same text.
func finish(c echart, init opts.Initialization) *chart {
	c.Validate()
	var buf bytes.Buffer
	json.HTMLEscape(&buf, bytes.TrimSpace([]byte(c.JSONNotEscaped())))
	return &chart{ID: init.ChartID, Height: init.Height, Renderer: init.Renderer,
		Option: template.JS(buf.String()), Assets: c.GetAssets().JSAssets.Values}
}

// gradeColors colour grades from best to worst; further grades reuse the last colour.
var gradeColors = []string{"#2e7d32", "#1565c0", "#ef8f00", "#c62828"}

func gradeColor(i int) string {
	if i >= len(gradeColors) {
		return gradeColors[len(gradeColors)-1]
	}
	return gradeColors[i]
}

// missing is how echarts is told a point has no value.
const missing = "-"

// value is a chart value rounded to 2 decimals, or missing.
func value(v float64, ok bool) any {
	if !ok {
		return missing
	}
	return round2(v)
}

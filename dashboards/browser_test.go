package dashboards_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/govscore/govscore/dashboards"
	"github.com/govscore/govscore/testutil"
)

// serve serves dir on a real HTTP server on 127.0.0.1 and returns its base URL.
func serve(tb testing.TB, dir string) string {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(dir)), ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(l)
	tb.Cleanup(func() { srv.Close() })
	return "http://" + l.Addr().String() + "/"
}

// watch records what a page does that it must not: console errors, requests outside base
// (blocked when they go through the network), and dialogs (dismissed).
type watch struct {
	mu                      sync.Mutex
	errors, outside, dialog []string
}

func (w *watch) add(list *[]string, s string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	*list = append(*list, s)
}

func (w *watch) clean() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.errors)+len(w.outside)+len(w.dialog) == 0
}

func (w *watch) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return fmt.Sprintf("console errors %q, requests outside the site %q, dialogs %q", w.errors, w.outside, w.dialog)
}

func (w *watch) start(ctx context.Context, base string) {
	messages := chromedp.Console(ctx)
	requests := chromedp.Events(ctx, network.RequestWillBeSent)
	paused := chromedp.Events(ctx, fetch.RequestPaused)
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				w.add(&w.errors, m.String())
			}
		}
	}()
	go func() {
		for ev, err := range requests {
			if err != nil {
				return
			}
			if u := ev.Request.URL; !strings.HasPrefix(u, base) {
				w.add(&w.outside, u)
			}
		}
	}()
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			if strings.HasPrefix(ev.Request.URL, base) {
				chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
			} else {
				chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
			}
		}
	}()
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			w.add(&w.dialog, ev.Message)
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
}

// drawn reports, per chart container, whether echarts drew into it (a non-empty SVG or canvas).
const drawn = `[...document.querySelectorAll('[data-chart]')].map(b => {
	const svg = b.querySelector('svg'), canvas = b.querySelector('canvas');
	const ok = (svg && svg.querySelectorAll('path,text,rect').length > 0) || (canvas && canvas.width > 0 && canvas.height > 0);
	return b.id + ':' + (ok && echarts.getInstanceByDom(b) ? 'drawn' : 'empty');
})`

// hover shows every tooltip of every chart, so data in tooltips (HTML in echarts) is exercised.
const hover = `[...document.querySelectorAll('[data-chart]')].forEach(b => {
	const c = echarts.getInstanceByDom(b), opt = c.getOption();
	opt.series.forEach((s, i) => (s.data || []).forEach((_, j) => c.dispatchAction({type: 'showTip', seriesIndex: i, dataIndex: j})));
}); document.body.innerText`

type visit struct {
	charts []string
	text   string
	images int
	took   time.Duration
}

// load navigates to url and waits until every chart container has an SVG or canvas.
func load(ctx context.Context, url string) (time.Duration, error) {
	start := time.Now()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return 0, err
	}
	wait, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	_, err := chromedp.Run(wait, chromedp.Poll[bool](`document.readyState === 'complete' && [...document.querySelectorAll('[data-chart]')].every(b => b.querySelector('svg,canvas'))`))
	return time.Since(start), err
}

// open loads url, waits until every chart is drawn, hovers every data point and reads the page.
func open(ctx context.Context, url string) (visit, error) {
	var v visit
	var err error
	if v.took, err = load(ctx, url); err != nil {
		return v, err
	}
	if v.charts, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](drawn)); err != nil {
		return v, err
	}
	if v.text, err = chromedp.Run(ctx, chromedp.Evaluate[string](hover)); err != nil {
		return v, err
	}
	v.images, err = chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('img, iframe, object, embed').length`))
	return v, err
}

func TestBrowserShowsChartsAndEscapesData(t *testing.T) {
	ctx := testutil.Browser(t)
	dir := t.TempDir()
	if err := dashboards.Write(context.Background(), mustDB(t), dir, dashboards.Options{}); err != nil {
		t.Fatal(err)
	}
	base := serve(t, dir)
	w := &watch{}
	w.start(ctx, base)
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*"}}}); err != nil {
		t.Fatal(err)
	}
	pages := []struct {
		name string
		want []string
	}{
		{"index.html", []string{"政务公开考核总览", "总分走势", "市级部门", hostile[0], hostile[1], hostile[2]}},
		{"dept/XSS1.html", []string{"总分与名次走势", "本月各指标得分", hostile[0]}},
		{"dept/XSS2.html", []string{"总分与名次走势", hostile[1], hostile[2]}},
		{"ind/volume.html", []string{"各月得分分布", "主动公开数量"}},
		{"ind/deductions.html", []string{"扣分"}},
		{"ranking.html", []string{"完整排名", hostile[0], hostile[1]}},
	}
	for _, p := range pages {
		v, err := open(ctx, base+p.name)
		if err != nil {
			t.Fatalf("%s: %v; %s", p.name, err, w)
		}
		perf, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.getEntriesByType('navigation')[0].loadEventEnd`))
		t.Logf("%s: load event after %.0f ms; every chart drawn %v after navigation began (as seen by the test)", p.name, perf, v.took.Round(time.Millisecond))
		checkVisit(t, p.name, v, p.want)
	}
	if !w.clean() {
		t.Error(w)
	}
}

func checkVisit(t *testing.T, name string, v visit, want []string) {
	t.Helper()
	if len(v.charts) == 0 && name != "ranking.html" {
		t.Errorf("%s: no charts", name)
	}
	for _, c := range v.charts {
		if !strings.HasSuffix(c, ":drawn") {
			t.Errorf("%s: chart %s", name, c)
		}
	}
	for _, s := range want {
		if !strings.Contains(v.text, s) {
			t.Errorf("%s: the page does not show %q as text", name, s)
		}
	}
	if v.images > 0 {
		t.Errorf("%s: %d img/iframe/object elements: data became markup", name, v.images)
	}
}

// The site works from file:// too: relative links and local echarts, nothing from elsewhere.
func TestBrowserFromFile(t *testing.T) {
	ctx := testutil.Browser(t)
	dir := t.TempDir()
	if err := dashboards.Write(context.Background(), mustDB(t), dir, dashboards.Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	base := "file://" + dir + "/"
	w := &watch{}
	w.start(ctx, base)
	for _, p := range []struct {
		name string
		want []string
	}{{"index.html", []string{"Disclosure scores overview", hostile[0]}}, {"dept/CZJ.html", []string{"Total and rank per month"}}} {
		v, err := open(ctx, base+p.name)
		if err != nil {
			t.Fatalf("%s: %v; %s", p.name, err, w)
		}
		checkVisit(t, p.name, v, p.want)
	}
	// Relative links resolve inside the site: the department page's first link is the overview.
	href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('nav a').href`))
	if err != nil || href != base+"index.html" {
		t.Errorf("first link of dept/CZJ.html: %q, %v", href, err)
	}
	if !w.clean() {
		t.Error(w)
	}
}

// Printing: charts are resized to A4's printable width and every data table is opened.
func TestBrowserPrintsOnA4(t *testing.T) {
	ctx := testutil.Browser(t)
	dir := t.TempDir()
	if err := dashboards.Write(context.Background(), mustDB(t), dir, dashboards.Options{}); err != nil {
		t.Fatal(err)
	}
	base := serve(t, dir)
	for _, name := range []string{"index.html", "dept/CZJ.html"} {
		if _, err := load(ctx, base+name); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		pdf, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69})
		if err != nil || !strings.HasPrefix(string(pdf.Data), "%PDF") {
			t.Fatalf("%s: print to PDF: %v", name, err)
		}
		state, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`window.dispatchEvent(new Event('beforeprint'));
			[Math.max(...[...document.querySelectorAll('.chart svg')].map(s => +s.getAttribute('width'))),
			 document.querySelectorAll('details:not([open])').length]`))
		if err != nil {
			t.Fatal(err)
		}
		if state[0] > 700 || state[0] < 600 || state[1] != 0 {
			t.Errorf("%s when printing: widest chart %dpx (want 600-700), %d tables still closed", name, state[0], state[1])
		}
	}
}

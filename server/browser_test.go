package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/govscore/govscore/dashboards"
	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/testutil"
)

func TestMain(m *testing.M) {
	code := m.Run()
	testutil.CloseBrowser()
	os.Exit(code)
}

// hostileDB is scoredDB plus a department and group whose names are markup.
func hostileDB(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	db := scoredDB(t)
	depts := filepath.Join(t.TempDir(), "xss.csv")
	os.WriteFile(depts, []byte("部门代码,部门名称,分组,曾用名,启用月份,停用月份\nXSS,<img src=x onerror=alert(1)>,<b onmouseover=alert(2)>县区</b>,,,\n"), 0o644)
	addScored(t, db, depts, "部门代码,月份,工作动态,法规公文,培训\nXSS,2014-11,3,1,0\n")
	site := filepath.Join(t.TempDir(), "site")
	if err := dashboards.Write(ctx, db, site, dashboards.Options{}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(db, Options{Site: site, Lang: locale.ZH}))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

// cspWatch is installed in every page before its own scripts run: it records each CSP
// violation the page reports, and counts dialogs (alert() from data that became script).
const cspWatch = `window.__csp = []; document.addEventListener('securitypolicyviolation',
	e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber + ' ' + (e.sample || '')));`

// drawnCharts lists, per chart container, whether echarts drew into it.
const drawnCharts = `[...document.querySelectorAll('[data-chart]')].map(b => {
	const svg = b.querySelector('svg'), canvas = b.querySelector('canvas');
	const ok = (svg && svg.querySelectorAll('path,text,rect').length > 0) || (canvas && canvas.width > 0);
	return b.id + ':' + (ok && echarts.getInstanceByDom(b) ? 'drawn' : 'empty');
})`

// hoverAll shows every tooltip of every chart (echarts writes tooltips as HTML).
const hoverAll = `typeof echarts === 'undefined' || [...document.querySelectorAll('[data-chart]')].every(b => {
	const c = echarts.getInstanceByDom(b), opt = c.getOption();
	opt.series.forEach((s, i) => (s.data || []).forEach((_, j) => c.dispatchAction({type: 'showTip', seriesIndex: i, dataIndex: j})));
	return true;
})`

// browserLog collects what a tab prints as errors and the dialogs it opens.
type browserLog struct {
	mu      sync.Mutex
	entries []string
}

func (b *browserLog) add(s string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.entries = append(b.entries, s)
}

func (b *browserLog) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return strings.Join(b.entries, "\n")
}

func watchTab(ctx context.Context, log *browserLog) {
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				log.add("console: " + m.String())
			}
		}
	}()
	go func() {
		for ev, err := range chromedp.Events(ctx, network.ResponseReceived) {
			if err != nil {
				return
			}
			if ev.Response.Status >= 400 {
				log.add(fmt.Sprintf("response: %d %s", ev.Response.Status, ev.Response.URL))
			}
		}
	}()
	go func() {
		for ev, err := range chromedp.Events(ctx, cdppage.JavascriptDialogOpening) {
			if err != nil {
				return
			}
			log.add("dialog: " + ev.Message)
			chromedp.Call(ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
}

// TestBrowserDrawsUnderCSP: served by serve with its Content-Security-Policy, every kind of
// page draws every chart, shows every tooltip, and reports no CSP violation, no console error
// and no dialog — with a department and group named in markup.
func TestBrowserDrawsUnderCSP(t *testing.T) {
	base := hostileDB(t)
	ctx := testutil.Browser(t)
	log := &browserLog{}
	watchTab(ctx, log)
	if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: cspWatch}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, path string
		charts     bool
	}{
		{"overview", "", true},
		{"ranking", "ranking.html", false},
		{"department", "dept/JXW.html", true},
		{"hostile department", "dept/XSS.html", true},
		{"indicator", firstIndicator(t, base), true},
		{"job runs", "jobs", false},
	} {
		got, err := visitPage(ctx, base+c.path)
		if err != nil {
			t.Fatalf("%s: %v\n%s", c.name, err, log)
		}
		if len(got.violations) > 0 {
			seen := map[string]int{}
			for _, v := range got.violations {
				seen[v]++
			}
			t.Errorf("%s: %d CSP violations %v", c.name, len(got.violations), seen)
		}
		if c.charts && len(got.charts) == 0 {
			t.Errorf("%s: no chart", c.name)
		}
		for _, ch := range got.charts {
			if !strings.HasSuffix(ch, ":drawn") {
				t.Errorf("%s: chart %s under the CSP", c.name, ch)
			}
		}
		if c.name == "job runs" && !got.styled {
			t.Errorf("%s: /jobs.css not applied under the CSP", c.name)
		}
	}
	// the canary: the policy is in force, so an inline style set now is refused and reported
	canary, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.body.setAttribute('style', 'color: red'); new Promise(r => setTimeout(() => r(window.__csp.length), 200))`, chromedp.EvalAwaitPromise))
	if err != nil || canary != 1 {
		t.Errorf("an inline style set by a script: %d violations reported (%v), want 1: is the CSP in force?", canary, err)
	}
	if s := log.String(); !strings.Contains(s, "Content Security Policy") || strings.Count(s, "\n") != 0 {
		t.Errorf("the browser reported, besides the canary's one CSP error:\n%s", s)
	}
}

type visited struct {
	charts, violations []string
	styled             bool
}

// visitPage loads url, waits for its charts, hovers every point and reads what the page reported.
func visitPage(ctx context.Context, url string) (visited, error) {
	var v visited
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return v, err
	}
	wait, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	ready := `document.readyState === 'complete' && [...document.querySelectorAll('[data-chart]')].every(b => b.querySelector('svg,canvas'))`
	if _, err := chromedp.Run(wait, chromedp.Poll[bool](ready)); err != nil {
		return v, fmt.Errorf("charts not drawn: %w", err)
	}
	var err error
	if v.charts, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](drawnCharts)); err != nil {
		return v, err
	}
	if _, err = chromedp.Run(ctx, chromedp.Evaluate[bool](hoverAll)); err != nil {
		return v, err
	}
	time.Sleep(100 * time.Millisecond) // violation events are queued as tasks
	if v.violations, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__csp`)); err != nil {
		return v, err
	}
	v.styled, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`getComputedStyle(document.body).marginTop === '24px'`))
	return v, err
}

// firstIndicator is the path of the site's first indicator page.
func firstIndicator(t *testing.T, base string) string {
	t.Helper()
	code, body := get(t, base+"index.html")
	if code != 200 {
		t.Fatalf("index.html: %d", code)
	}
	var pages []string
	for _, part := range strings.Split(body, `href="`)[1:] {
		if href := part[:strings.IndexByte(part, '"')]; strings.HasPrefix(href, "ind/") {
			pages = append(pages, href)
		}
	}
	sort.Strings(pages)
	if len(pages) == 0 {
		t.Fatal("no indicator page linked from index.html")
	}
	return pages[0]
}

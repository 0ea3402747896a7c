// Package browser drives the installed Chromium, headless, to print documents: an HTML page
// to PDF, an element of a page to PNG. Nothing is fetched from the network: pages are given as
// text and carry everything they show.
package browser

import (
	"context"
	"os"
	"os/exec"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/govscore/govscore"
)

// ErrNoChromium says Chromium is missing and what to install.
var ErrNoChromium = govscore.Errorf(govscore.ENOTFOUND,
	"未找到 Chromium 浏览器,无法生成 PDF 或图表图片:请安装 chromium 和中文字体(apt-get install chromium fonts-noto-cjk),或改用 --format docx|html",
	"Chromium was not found, so no PDF or chart picture can be made: install it and the Chinese fonts (apt-get install chromium fonts-noto-cjk), or use --format docx|html")

// Find is the path of the installed Chromium, or ErrNoChromium.
func Find() (string, error) {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return path, nil
		}
	}
	return "", ErrNoChromium
}

// Browser is a running headless Chromium.
type Browser struct {
	ctx   context.Context
	close func()
}

// Start starts Chromium with a profile of its own and no network of its own (the flags a
// closed government network needs: no background requests, no updates, no sync).
func Start(ctx context.Context) (*Browser, error) {
	path, err := Find()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "govscore-chromium")
	if err != nil {
		return nil, err
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(dir),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true))
	bctx, cancel := chromedp.NewContext(alloc)
	b := &Browser{ctx: bctx, close: func() { cancel(); cancelAlloc(); os.RemoveAll(dir) }}
	if err := chromedp.Do(bctx); err != nil {
		b.Close()
		return nil, err
	}
	return b, nil
}

// Close stops Chromium and removes its profile.
func (b *Browser) Close() { b.close() }

// open loads html into a new tab and waits for its fonts; the caller closes the tab.
func (b *Browser) open(html []byte) (context.Context, func(), error) {
	tab, cancel := chromedp.NewContext(b.ctx)
	if err := chromedp.Do(tab, chromedp.Navigate("about:blank")); err != nil {
		cancel()
		return nil, nil, err
	}
	tree, err := chromedp.Call(tab, page.GetFrameTree, cdp.Empty{})
	if err == nil {
		_, err = chromedp.Call(tab, page.SetDocumentContent, page.SetDocumentContentParams{FrameID: tree.FrameTree.Frame.ID, HTML: string(html)})
	}
	if err == nil {
		_, err = chromedp.Run(tab, chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise))
	}
	if err != nil {
		cancel()
		return nil, nil, err
	}
	return tab, cancel, nil
}

// PDF prints html as the page's own @page rules say (size, margins, page-number boxes).
func (b *Browser) PDF(html []byte) ([]byte, error) {
	tab, cancel, err := b.open(html)
	if err != nil {
		return nil, err
	}
	defer cancel()
	yes := true
	res, err := chromedp.Call(tab, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &yes, PrintBackground: &yes})
	if err != nil {
		return nil, err
	}
	return res.Data, nil
}

// PNG renders the element of html that selector finds, at scale device pixels per CSS pixel.
func (b *Browser) PNG(html []byte, selector string, scale float64) ([]byte, error) {
	tab, cancel, err := b.open(html)
	if err != nil {
		return nil, err
	}
	defer cancel()
	return chromedp.Run(tab, chromedp.ScreenshotScale(chromedp.CSS(selector), scale))
}

package testutil

import (
	"context"
	"os"
	"os/exec"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// Chromium finds Debian's Chromium. Without it browser tests skip, except in CI where they must
// run: CI=true turns the skip into a failure.
func Chromium(tb testing.TB) string {
	tb.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("CI") == "true" {
		tb.Fatal("chromium is not installed; CI must run the browser tests (.ci/run installs it)")
	}
	tb.Skip("chromium is not installed (apt-get install chromium fonts-noto-cjk)")
	return ""
}

// shared is the one headless Chromium of a test binary; each test gets its own tab.
var shared struct {
	once   sync.Once
	ctx    context.Context
	cancel func()
	err    error
}

// Browser returns a new tab of the test binary's one headless Chromium, started with no
// network of its own (the flags this machine's closed network needs). Call CloseBrowser from
// TestMain after m.Run.
func Browser(tb testing.TB) context.Context {
	tb.Helper()
	path := Chromium(tb)
	shared.once.Do(func() {
		dir, err := os.MkdirTemp("", "govscore-chromium")
		if err != nil {
			shared.err = err
			return
		}
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
			chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
			chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true), chromedp.Flag("no-default-browser-check", true),
			chromedp.Flag("disable-quic", true),
			chromedp.UserDataDir(dir), chromedp.WindowSize(1280, 900))
		ctx, cancel := chromedp.NewContext(alloc)
		shared.ctx, shared.err = ctx, chromedp.Do(ctx)
		shared.cancel = func() { cancel(); cancelAlloc(); os.RemoveAll(dir) }
	})
	if shared.err != nil {
		tb.Fatal(shared.err)
	}
	tab, cancel := chromedp.NewContext(shared.ctx)
	tb.Cleanup(cancel)
	if err := chromedp.Do(tab); err != nil {
		tb.Fatal(err)
	}
	return tab
}

// CloseBrowser stops the shared Chromium, if one was started.
func CloseBrowser() {
	if shared.cancel != nil {
		shared.cancel()
	}
}

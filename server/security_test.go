package server

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/manifest"
)

// planted is a rendered site into which someone has put what must never be served: a symlink
// to the database beside the folder, dotfiles, stray files, and a manifest edited to list
// symlinks. It returns the server's address (host:port) on 127.0.0.1.
func planted(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	writeSite(t, site, map[string]string{"index.html": "<h1>overview</h1>", "ranking.html": "<h1>ranking</h1>",
		"dept/A.html": "<h1>A</h1>", "assets/site.js": "'use strict';", "assets/echarts/echarts.min.js": "var echarts;"})
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(dir, "govscore.duckdb"), []byte("SECRET database"), 0o644))
	must(os.Symlink("../govscore.duckdb", filepath.Join(site, "db.duckdb")))
	must(os.WriteFile(filepath.Join(site, ".env"), []byte("SECRET=env"), 0o644))
	must(os.MkdirAll(filepath.Join(site, ".git"), 0o755))
	must(os.WriteFile(filepath.Join(site, ".git", "config"), []byte("SECRET git"), 0o644))
	must(os.WriteFile(filepath.Join(site, "stray.html"), []byte("SECRET stray"), 0o644))
	must(os.WriteFile(filepath.Join(site, "dept", "B.html"), []byte("SECRET unlisted"), 0o644))
	must(os.Symlink("../../govscore.duckdb", filepath.Join(site, "dept", "link.html")))
	must(os.MkdirAll(filepath.Join(dir, "outside"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "outside", "x.html"), []byte("SECRET outside"), 0o644))
	must(os.Symlink("../outside", filepath.Join(site, "linkdir")))
	must(os.Symlink(".env", filepath.Join(site, "env.html"))) // stays inside the folder
	must(os.Symlink(".git", filepath.Join(site, "docs")))     // stays inside the folder
	// an edited manifest that lists the symlinks: listing is not enough to be served
	b, err := os.ReadFile(filepath.Join(site, manifest.Name))
	must(err)
	extra := `{"path":"db.duckdb"},{"path":"dept/link.html"},{"path":"linkdir/x.html"},{"path":"env.html"},{"path":"docs/config"},{"path":"../govscore.duckdb"},{"path":".env"},`
	must(os.WriteFile(filepath.Join(site, manifest.Name), []byte(strings.Replace(string(b), `"files": [`, `"files": [`+extra, 1)), 0o644))
	srv := httptest.NewServer(New(scoredDB(t), Options{Site: site, Lang: locale.EN}))
	t.Cleanup(srv.Close)
	return srv.Listener.Addr().String()
}

// raw sends a request line as written (no client cleans or encodes the path) and reads the answer.
func raw(t *testing.T, addr, method, target string, header ...string) (*http.Response, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	req := fmt.Sprintf("%s %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n%s\r\n", method, target, addr, strings.Join(header, ""))
	if _, err := io.WriteString(conn, req); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func TestOnlyWrittenFilesAreServed(t *testing.T) {
	addr := planted(t)
	for _, c := range []struct{ name, path string }{
		{"symlink to the database, listed", "/db.duckdb"},
		{"dotfile", "/.env"},
		{"dotfile, encoded", "/%2eenv"},
		{"dot-directory", "/.git/config"},
		{"stray file", "/stray.html"},
		{"unlisted page beside listed ones", "/dept/B.html"},
		{"symlinked page, listed", "/dept/link.html"},
		{"file under a symlinked directory, listed", "/linkdir/x.html"},
		{"symlink to a dotfile inside the folder, listed", "/env.html"},
		{"file under a symlink to a dot-directory inside the folder, listed", "/docs/config"},
		{"dot-dot", "/../govscore.duckdb"},
		{"dot-dot, encoded", "/%2e%2e/govscore.duckdb"},
		{"dot-dot, encoded upper case", "/%2E%2E/govscore.duckdb"},
		{"dot-dot inside, encoded slashes", "/dept/..%2f..%2fgovscore.duckdb"},
		{"dot segment", "/./index.html"},
		{"listing of assets", "/assets/"},
		{"listing of dept", "/dept/"},
		{"directory without slash", "/dept"},
		{"directory deeper", "/assets/echarts"},
		{"file as a directory", "/index.html/"},
		{"the manifest itself", "/" + manifest.Name},
		{"absent", "/nope.html"},
	} {
		resp, body := raw(t, addr, "GET", c.path)
		if resp.StatusCode != http.StatusNotFound || strings.Contains(body, "SECRET") {
			t.Errorf("%s: GET %s = %d %q, want 404 and nothing of the file", c.name, c.path, resp.StatusCode, body)
		}
	}
	for _, c := range []struct{ path, want, typ string }{
		{"/", "overview", "text/html"},
		{"/index.html", "overview", "text/html"},
		{"/dept/A.html", "<h1>A</h1>", "text/html"},
		{"/assets/site.js", "use strict", "text/javascript"},
	} {
		resp, body := raw(t, addr, "GET", c.path)
		if resp.StatusCode != 200 || !strings.Contains(body, c.want) || !strings.HasPrefix(resp.Header.Get("Content-Type"), c.typ) {
			t.Errorf("GET %s = %d %s %q, want 200 %s with %q", c.path, resp.StatusCode, resp.Header.Get("Content-Type"), body, c.typ, c.want)
		}
	}
}

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	addr := planted(t)
	for _, c := range []struct {
		name, method, path string
		code               int
		cache              string
	}{
		{"overview", "GET", "/", 200, "no-cache"},
		{"page", "GET", "/dept/A.html", 200, "no-cache"},
		{"script", "GET", "/assets/site.js", 200, "no-cache"},
		{"HEAD of a page", "HEAD", "/ranking.html", 200, "no-cache"},
		{"rankings", "GET", "/api/rankings?month=2014-11", 200, "no-store"},
		{"rankings, bad query", "GET", "/api/rankings?month=x", 400, "no-store"},
		{"rankings, not scored", "GET", "/api/rankings?month=2013-01", 404, "no-store"},
		{"jobs API", "GET", "/api/jobs", 200, "no-store"},
		{"jobs page", "GET", "/jobs", 200, "no-store"},
		{"jobs style", "GET", "/jobs.css", 200, "no-cache"},
		{"health", "GET", "/healthz", 200, "no-store"},
		{"not found", "GET", "/nope", 404, "no-store"},
		{"listing refused", "GET", "/assets/", 404, "no-store"},
		{"dot-dot refused", "GET", "/%2e%2e/govscore.duckdb", 404, "no-store"},
		{"method not allowed", "POST", "/api/rankings?month=2014-11", 405, "no-store"},
	} {
		resp, _ := raw(t, addr, c.method, c.path, "Content-Length: 0\r\n")
		if resp.StatusCode != c.code {
			t.Errorf("%s: %s %s = %d, want %d", c.name, c.method, c.path, resp.StatusCode, c.code)
		}
		want := append([][2]string{}, securityHeaders...)
		want[len(want)-1] = [2]string{"Cache-Control", c.cache}
		for _, h := range want {
			if got := resp.Header.Values(h[0]); len(got) != 1 || got[0] != h[1] {
				t.Errorf("%s: %s = %q, want %q", c.name, h[0], got, h[1])
			}
		}
	}
	for _, directive := range []string{"default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"} {
		if !strings.Contains(CSP, directive) {
			t.Errorf("CSP lacks %s", directive)
		}
	}
	if strings.Contains(CSP, "unsafe") || strings.Contains(CSP, "http") || strings.Contains(CSP, "*") {
		t.Errorf("CSP allows inline code or another origin: %s", CSP)
	}
}

func TestQueriesAreChecked(t *testing.T) {
	srv := httptest.NewServer(New(scoredDB(t), Options{Site: t.TempDir(), Lang: locale.EN}))
	defer srv.Close()
	for _, c := range []struct {
		name, query string
		code        int
		want        string
	}{
		{"no month", "/api/rankings", 400, "month: expected YYYY-MM"},
		{"month in words", "/api/rankings?month=November", 400, "month: expected YYYY-MM"},
		{"month with SQL", "/api/rankings?month=2014-11'%20OR%201=1--", 400, "month: expected YYYY-MM"},
		{"zero-width group", "/api/rankings?month=2014-11&group=%E5%B8%82%E7%BA%A7%E2%80%8B%E9%83%A8%E9%97%A8", 400, "group: expected a group name"},
		{"control character in group", "/api/rankings?month=2014-11&group=a%00b", 400, "group: expected a group name"},
		{"group with a trailing space", "/api/rankings?month=2014-11&group=%E5%B8%82%E7%BA%A7%E9%83%A8%E9%97%A8%20", 400, "group: expected a group name"},
		{"group too long", "/api/rankings?month=2014-11&group=" + strings.Repeat("x", 101), 400, "at most 100 characters"},
		{"group not ranked", "/api/rankings?month=2014-11&group=nobody", 404, `no group \"nobody\" was ranked in 2014-11`},
		{"group with SQL", "/api/rankings?month=2014-11&group=x'%20OR%20'1'='1", 404, "no group"},
		{"invalid UTF-8 group", "/api/rankings?month=2014-11&group=%ff", 400, "group"},
		{"negative limit", "/api/rankings?month=2014-11&limit=-1", 400, "limit, offset"},
		{"huge offset", "/api/rankings?month=2014-11&offset=99999999999999999999999", 400, "limit, offset"},
		{"known group", "/api/rankings?month=2014-11&group=%E5%B8%82%E7%BA%A7%E9%83%A8%E9%97%A8", 200, `"dept_code"`},
		{"unknown job", "/api/jobs?job=rm", 400, "job: expected one of"},
		{"job limit zero", "/api/jobs?limit=0", 400, "limit: expected"},
		{"job limit too big", "/api/jobs?limit=5000", 400, "limit: expected"},
		{"jobs page, unknown job", "/jobs?job=%3Cscript%3E", 400, "job: expected one of"},
		{"known job", "/api/jobs?job=inbox&limit=5", 200, `"runs"`},
	} {
		code, body := get(t, srv.URL+c.query)
		if code != c.code || !strings.Contains(body, c.want) {
			t.Errorf("%s: %s = %d %s, want %d with %q", c.name, c.query, code, body, c.code, c.want)
		}
	}
}

// limited is a real server on 127.0.0.1 with short limits, serving h.
func limited(t *testing.T, h http.Handler, l Limits) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := HTTP(h, l)
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// closedByServer waits (at most 10 s) for the server to close conn: true when it did.
func closedByServer(conn net.Conn, r *bufio.Reader) bool {
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, err := r.ReadByte()
	var ne net.Error
	return err != nil && !(errors.As(err, &ne) && ne.Timeout())
}

func TestTimeoutsAndHeaderLimit(t *testing.T) {
	short := Limits{ReadHeaderTimeout: 200 * time.Millisecond, ReadTimeout: time.Second, WriteTimeout: 300 * time.Millisecond,
		IdleTimeout: 300 * time.Millisecond, MaxHeaderBytes: 4096}
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			time.Sleep(time.Second)
		}
		w.Write([]byte("ok"))
	})
	addr := limited(t, secure(slow), short)
	t.Run("idle keep-alive connection closed", func(t *testing.T) {
		conn, r := dial(t, addr)
		for i := 0; i < 2; i++ { // the connection is kept alive between requests...
			fmt.Fprintf(conn, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
			resp, err := http.ReadResponse(r, nil)
			if err != nil || resp.Close {
				t.Fatalf("request %d: %v, close %v", i+1, err, resp != nil && resp.Close)
			}
			io.Copy(io.Discard, resp.Body)
		}
		if !closedByServer(conn, r) { // ...and closed once idle past IdleTimeout
			t.Error("an idle keep-alive connection is still open after 10 s; IdleTimeout is 300ms")
		}
	})
	t.Run("headers never finished", func(t *testing.T) {
		conn, r := dial(t, addr)
		fmt.Fprintf(conn, "GET / HTTP/1.1\r\nHost: x\r\n")
		if !closedByServer(conn, r) {
			t.Error("a request whose headers never end holds its connection; ReadHeaderTimeout is 200ms")
		}
	})
	t.Run("response past the write timeout", func(t *testing.T) {
		conn, r := dial(t, addr)
		fmt.Fprintf(conn, "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
		if resp, err := http.ReadResponse(r, nil); err == nil {
			t.Errorf("a response after the write timeout arrived: %d", resp.StatusCode)
		}
	})
	t.Run("header too large", func(t *testing.T) {
		resp, _ := raw(t, addr, "GET", "/", "X-Big: "+strings.Repeat("a", 16<<10)+"\r\n")
		if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
			t.Errorf("a 16 KiB header: %d, want 431", resp.StatusCode)
		}
	})
}

func dial(t *testing.T, addr string) (net.Conn, *bufio.Reader) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn, bufio.NewReader(conn)
}

func TestLimitsCheck(t *testing.T) {
	if err := DefaultLimits().Check(); err != nil {
		t.Fatal(err)
	}
	l := DefaultLimits()
	l.IdleTimeout, l.MaxHeaderBytes = 0, 10
	err := l.Check()
	if err == nil || !strings.Contains(err.Error(), "http.idle_timeout") || !strings.Contains(err.Error(), "http.max_header_bytes") {
		t.Errorf("zero idle timeout and 10-byte headers: %v", err)
	}
}

func TestExposure(t *testing.T) {
	tcp := func(ip string, port int) net.Addr { return &net.TCPAddr{IP: net.ParseIP(ip), Port: port} }
	for _, c := range []struct {
		name string
		addr net.Addr
		want []string // in both languages; none: no warning
	}{
		{"loopback", tcp("127.0.0.1", 8080), nil},
		{"loopback v6", tcp("::1", 8080), nil},
		{"every interface", tcp("0.0.0.0", 8080), []string{"0.0.0.0:8080", "8080"}},
		{"every interface v6", tcp("::", 8080), []string{"[::]:8080"}},
		{"a LAN address", tcp("192.168.1.5", 80), []string{"192.168.1.5:80"}},
	} {
		w := Exposure(c.addr)
		if c.want == nil {
			if w != (locale.Text{}) {
				t.Errorf("%s: warned %q", c.name, w.EN)
			}
			continue
		}
		for _, s := range append(c.want, "docs/serve.md") {
			if !strings.Contains(w.EN, s) || !strings.Contains(w.ZH, s) {
				t.Errorf("%s: warning does not name %q in both languages:\n%s\n%s", c.name, s, w.ZH, w.EN)
			}
		}
		for _, s := range []string{"all dashboards, the rankings API and /jobs", "no log-in", "reverse proxy with TLS"} {
			if !strings.Contains(w.EN, s) {
				t.Errorf("%s: %q lacks %q", c.name, w.EN, s)
			}
		}
		for _, s := range []string{"全部看板、排名 API 和 /jobs", "没有登录", "TLS 的反向代理"} {
			if !strings.Contains(w.ZH, s) {
				t.Errorf("%s: %q lacks %q", c.name, w.ZH, s)
			}
		}
	}
}

// A new render's manifest replaces the old one at once: a page it no longer lists is not served
// though its file is still in the folder, and a new page is.
func TestSiteFollowsTheNewManifest(t *testing.T) {
	site := t.TempDir()
	writeSite(t, site, map[string]string{"index.html": "v1", "dept/OLD.html": "old"})
	srv := httptest.NewServer(New(scoredDB(t), Options{Site: site}))
	defer srv.Close()
	if code, body := get(t, srv.URL+"/dept/OLD.html"); code != 200 || body != "old" {
		t.Fatalf("first render: %d %q", code, body)
	}
	writeSite(t, site, map[string]string{"index.html": "v2", "dept/NEW.html": "new"})
	for _, c := range []struct {
		path, want string
		code       int
	}{{"/", "v2", 200}, {"/dept/NEW.html", "new", 200}, {"/dept/OLD.html", "", 404}} {
		if code, body := get(t, srv.URL+c.path); code != c.code || c.want != "" && body != c.want {
			t.Errorf("after the second render, %s = %d %q, want %d %q", c.path, code, body, c.code, c.want)
		}
	}
}

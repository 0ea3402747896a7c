package server

import (
	"net/http"
	"strings"
)

// CSP is the Content-Security-Policy of every response. Pages run scripts from the server's
// own files only: the dashboards draw their charts from assets/site.js and keep each chart's
// option in a <script type="application/json"> block, which is data, never run, so no inline
// script needs allowing (and none is: a department named <script>… stays text). Styles come
// from files too (the job page's from /jobs.css). Nothing loads from other origins, no page may
// be framed, no plugin runs, <base> cannot move relative links, forms post only here.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
	"frame-ancestors 'none'; form-action 'self'"

// securityHeaders are set on every response, errors and redirects included.
var securityHeaders = [][2]string{
	{"Content-Security-Policy", CSP},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "no-referrer"},
	{"X-Frame-Options", "DENY"},
	{"Cross-Origin-Resource-Policy", "same-origin"},
	{"Cache-Control", "no-store"}, // the site's files say no-cache instead (see site)
}

// secure sets the security headers and refuses, with 404 and before any route sees it, a path
// with a "." or ".." segment or a segment starting with a dot (dotfiles, .git, .env), however
// it was written (/../, /%2e%2e/, /dept/.x): no redirect to a cleaned path, no listing.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for _, kv := range securityHeaders {
			h.Set(kv[0], kv[1])
		}
		if dotted(r.URL.Path) {
			http.NotFound(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// dotted says whether a decoded URL path has a segment that starts with a dot.
func dotted(path string) bool {
	for _, seg := range strings.Split(path, "/") {
		if strings.HasPrefix(seg, ".") {
			return true
		}
	}
	return false
}

// Package server answers HTTP for `govscore serve`: the rendered dashboards, the rankings as
// JSON, the job runs, and a health check.
package server

import (
	"database/sql"
	"encoding/json"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/period"
	"github.com/govscore/govscore/report"
	"github.com/govscore/govscore/scoring"
)

// Options say where the dashboards are and how pages speak.
type Options struct {
	Site string         // the rendered dashboards folder
	Lang locale.Lang    // zh or en
	Loc  *time.Location // the zone times are shown in; Local when nil
	Log  *slog.Logger
}

type server struct {
	db   *sql.DB
	opts Options
	page *template.Template // the status page
}

// New is the handler of every route.
func New(db *sql.DB, opts Options) http.Handler {
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	s := &server{db: db, opts: opts}
	s.page = s.statusPage()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.health)
	mux.HandleFunc("GET /api/rankings", s.rankings)
	mux.HandleFunc("GET /api/jobs", s.jobsJSON)
	mux.HandleFunc("GET /jobs", s.jobsPage)
	mux.HandleFunc("GET /", s.site)
	return mux
}

// health answers 200 while the database answers.
func (s *server) health(w http.ResponseWriter, r *http.Request) {
	if err := s.db.PingContext(r.Context()); err != nil {
		http.Error(w, "database: "+err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
}

// rankings answers GET /api/rankings?month=YYYY-MM[&group=G][&limit=N&offset=M] with rank
// --format csv's fields: every standing, or a page of them.
func (s *server) rankings(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p, err := period.Parse(q.Get("month"))
	if q.Get("month") == "" || err != nil {
		jsonError(w, http.StatusBadRequest, "month: expected YYYY-MM, e.g. ?month=2014-11")
		return
	}
	limit, offset, ok := page(q.Get("limit"), q.Get("offset"))
	if !ok {
		jsonError(w, http.StatusBadRequest, "limit, offset: expected whole numbers ≥ 0, e.g. ?limit=50&offset=100")
		return
	}
	list, err := scoring.RankPage(r.Context(), s.db, p.String(), q.Get("group"), limit, offset)
	if errors.Is(err, govscore.ErrNotScored) {
		jsonError(w, http.StatusNotFound, err.Error())
		return
	}
	if err != nil {
		s.fail(w, err)
		return
	}
	out := make([]map[string]any, len(list))
	for i, st := range list {
		out[i] = report.Object(st)
	}
	writeJSON(w, out)
}

// page reads the limit and offset of a request; empty means 0 (all, none skipped).
func page(limit, offset string) (int, int, bool) {
	n := [2]int{}
	for i, v := range []string{limit, offset} {
		if v == "" {
			continue
		}
		x, err := strconv.Atoi(v)
		if err != nil || x < 0 {
			return 0, 0, false
		}
		n[i] = x
	}
	return n[0], n[1], true
}

// site serves the rendered dashboards, or a page saying they are not rendered yet.
func (s *server) site(w http.ResponseWriter, r *http.Request) {
	if _, err := os.Stat(filepath.Join(s.opts.Site, "index.html")); err != nil && r.URL.Path == "/" {
		s.placeholder(w)
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	http.FileServer(http.Dir(s.opts.Site)).ServeHTTP(w, r)
}

func (s *server) fail(w http.ResponseWriter, err error) {
	s.opts.Log.Error("http", "err", err)
	jsonError(w, http.StatusInternalServerError, err.Error())
}

func jsonError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

func (s *server) localTime(t time.Time) string {
	loc := s.opts.Loc
	if loc == nil {
		loc = time.Local
	}
	return t.In(loc).Format("2006-01-02 15:04:05")
}

// statusLabel is how a run's status reads on the page.
func statusLabel(l locale.Lang, status string) string {
	zh := map[string]string{"ok": "成功", "idle": "空闲", "failed": "失败", "skipped": "跳过", "interrupted": "中断", "running": "运行中"}
	if l == locale.EN || zh[status] == "" {
		return status
	}
	return zh[status]
}

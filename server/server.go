// Package server answers HTTP for `govscore serve`: the rendered dashboards, the rankings as
// JSON, the job runs, and a health check.
package server

import (
	"database/sql"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/report"
	"github.com/govscore/govscore/scoring"
)

// Options say where the dashboards are and how pages speak.
type Options struct {
	Site string         // the rendered dashboards folder
	Lang locale.Lang    // zh or en
	Loc  *time.Location // the zone times are shown in; Local when nil
	Log  *slog.Logger
	// Routes are more handlers by pattern (e.g. "POST /api/cli", the CLI's commands run in serve),
	// behind the same security headers.
	Routes map[string]http.Handler
}

type server struct {
	db    *sql.DB
	opts  Options
	page  *template.Template // the status page
	files *siteFiles
}

// New is the handler of every route, behind secure: the security headers on every response,
// and no path with a dot segment.
func New(db *sql.DB, opts Options) http.Handler {
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	s := &server{db: db, opts: opts, files: &siteFiles{dir: opts.Site}}
	s.page = s.statusPage()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.health)
	mux.HandleFunc("GET /api/rankings", s.rankings)
	mux.HandleFunc("GET /api/jobs", s.jobsJSON)
	mux.HandleFunc("GET /jobs", s.jobsPage)
	mux.HandleFunc("GET /jobs.css", s.jobsCSS)
	mux.HandleFunc("GET /", s.site)
	for pattern, h := range opts.Routes {
		mux.Handle(pattern, h)
	}
	return secure(mux)
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
// --format csv's fields: every standing, or a page of them. A month not scored is 404, as is a
// group with no one ranked in the month.
func (s *server) rankings(w http.ResponseWriter, r *http.Request) {
	q, msg, ok := parseRanking(r.URL.Query())
	if !ok {
		jsonError(w, http.StatusBadRequest, msg.In(s.opts.Lang))
		return
	}
	list, err := scoring.RankPage(r.Context(), s.db, q.period, q.group, q.limit, q.offset)
	if errors.Is(err, govscore.ErrNotScored) {
		jsonError(w, http.StatusNotFound, s.notRanked(r, q, err))
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

// notRanked says why a ranking is empty: the period was not scored, or (when it was) no one
// of the group asked for was ranked in it.
func (s *server) notRanked(r *http.Request, q rankingQuery, err error) string {
	if q.group != "" {
		if _, other := scoring.RankPage(r.Context(), s.db, q.period, "", 1, 0); other == nil {
			return s.opts.Lang.Tf("%s 没有分组 %q 的排名", "no group %[2]q was ranked in %[1]s", q.period, q.group)
		}
	}
	return locale.Message(err, s.opts.Lang)
}

func (s *server) fail(w http.ResponseWriter, err error) {
	s.opts.Log.Error("http", "err", err)
	jsonError(w, http.StatusInternalServerError, err.Error())
}

func jsonError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	report.WriteJSON(w, map[string]string{"error": msg})
}

// writeJSON answers v as JSON with <, > and & escaped (report.WriteJSON).
func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	report.WriteJSON(w, v)
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

package server

import (
	_ "embed"
	"html/template"
	"net/http"

	"github.com/govscore/govscore/jobs"
	"github.com/govscore/govscore/locale"
)

//go:embed status.html
var statusHTML string

// statusCSS is the status page's style, a file of its own so that the CSP allows no inline style.
//
//go:embed status.css
var statusCSS []byte

func (s *server) statusPage() *template.Template {
	return template.Must(template.New("status").Funcs(template.FuncMap{
		"t":      func(l locale.Lang, zh, en string) string { return l.T(zh, en) },
		"time":   s.localTime,
		"status": statusLabel,
	}).Parse(statusHTML))
}

// jobsData is what the status page and /api/jobs show.
type jobsData struct {
	Lang      locale.Lang    `json:"-"`
	Runs      []jobs.Record  `json:"runs"`
	Reminders []jobs.Missing `json:"reminders"`
}

func (s *server) jobsData(r *http.Request, q jobsQuery) (*jobsData, error) {
	runs, err := jobs.Recent(r.Context(), s.db, q.limit, q.job, q.all)
	if err != nil {
		return nil, err
	}
	missing, err := jobs.Reminders(r.Context(), s.db)
	if err != nil {
		return nil, err
	}
	return &jobsData{Lang: s.opts.Lang, Runs: runs, Reminders: missing}, nil
}

// jobsJSON answers GET /api/jobs[?job=NAME&limit=N]: recent runs and the reminder list.
func (s *server) jobsJSON(w http.ResponseWriter, r *http.Request) {
	q, msg, ok := parseJobs(r.URL.Query())
	if !ok {
		jsonError(w, http.StatusBadRequest, msg.In(s.opts.Lang))
		return
	}
	d, err := s.jobsData(r, q)
	if err != nil {
		s.fail(w, err)
		return
	}
	writeJSON(w, d)
}

// jobsPage is the status page of job runs.
func (s *server) jobsPage(w http.ResponseWriter, r *http.Request) {
	q, msg, ok := parseJobs(r.URL.Query())
	if !ok {
		http.Error(w, msg.In(s.opts.Lang), http.StatusBadRequest)
		return
	}
	d, err := s.jobsData(r, q)
	if err != nil {
		s.fail(w, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := s.page.Execute(w, d); err != nil {
		s.opts.Log.Error("status page", "err", err)
	}
}

// jobsCSS is the status page's style sheet.
func (s *server) jobsCSS(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(statusCSS)
}

func (s *server) placeholder(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	l := s.opts.Lang
	template.Must(template.New("p").Parse(`<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>govscore</title></head><body>
<h1>govscore</h1><p>{{.Msg}}</p><ul><li><a href="/jobs">{{.Jobs}}</a></li><li><a href="/api/rankings?month=">/api/rankings?month=YYYY-MM</a></li></ul></body></html>`)).
		Execute(w, map[string]string{
			"Msg":  l.T("看板尚未生成:评分任务在有数据后生成。", "The dashboards are not rendered yet: the score job renders them once there is data."),
			"Jobs": l.T("任务运行记录", "Job runs"),
		})
}

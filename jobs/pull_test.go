package jobs

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// source serves body with an ETag, answering 304 to a matching If-None-Match, after failing
// the first failures requests with 503.
func source(t *testing.T, body, contentType string, failures int32) (*httptest.Server, *atomic.Int32, *atomic.Int32) {
	var requests, notModified atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if requests.Add(1) <= failures {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		if r.Header.Get("If-None-Match") == `"v1"` {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", contentType)
		w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	return srv, &requests, &notModified
}

func TestPullRetriesIngestsAndSendsValidators(t *testing.T) {
	db := mustOpenDB(t)
	srv, requests, notModified := source(t, activity("2014-11", "JXW", "FGW"), "text/csv", 2)
	e := testEnv(t, db, time.Date(2014, 12, 2, 9, 0, 0, 0, shanghai))
	e.Config.Pull = Pull{URLs: []string{srv.URL + "/monthly"}, Timeout: 5 * time.Second, Retries: 3, Backoff: 10 * time.Millisecond}
	run := testRun()
	if err := e.Pull(context.Background(), run); err != nil {
		t.Fatal(err)
	}
	if requests.Load() != 3 || run.Files != 1 || run.Rows != 2 {
		t.Fatalf("requests %d, files %d, rows %d; want 2 retries then 1 file of 2 rows", requests.Load(), run.Files, run.Rows)
	}
	run = testRun()
	if err := e.Pull(context.Background(), run); err != nil {
		t.Fatal(err)
	}
	if notModified.Load() != 1 || run.Files != 0 {
		t.Fatalf("second pull: %d not-modified answers, %d files; want the ETag sent and nothing ingested", notModified.Load(), run.Files)
	}
	if n := count(t, db, `SELECT count(*) FROM batches WHERE source = 'pull'`); n != 1 {
		t.Fatalf("%d pulled batches, want 1", n)
	}
}

func TestPullGivesUpAndRecordsTheError(t *testing.T) {
	db := mustOpenDB(t)
	srv, requests, _ := source(t, "", "text/csv", 100)
	e := testEnv(t, db, time.Date(2014, 12, 2, 9, 0, 0, 0, shanghai))
	e.Config.Pull = Pull{URLs: []string{srv.URL + "/a.csv"}, Timeout: time.Second, Retries: 2, Backoff: time.Millisecond}
	err := e.Pull(context.Background(), testRun())
	if err == nil || !strings.Contains(err.Error(), "503") || !strings.Contains(err.Error(), "gave up after 3 tries") {
		t.Fatalf("err = %v, want the 503 and the count of tries", err)
	}
	if requests.Load() != 3 {
		t.Fatalf("%d requests, want 3", requests.Load())
	}
	var saved string
	if err := db.QueryRow(`SELECT last_error FROM pull_state`).Scan(&saved); err != nil || !strings.Contains(saved, "503") {
		t.Fatalf("pull_state.last_error = %q (%v), want the failure", saved, err)
	}
}

func TestPullReadsJSONRows(t *testing.T) {
	db := mustOpenDB(t)
	body := `{"rows": [{"部门代码": "JXW", "月份": "2014-11", "工作动态": 7, "培训": 1}, {"部门代码": "FGW", "月份": "2014-11", "工作动态": 3}]}`
	srv, _, _ := source(t, body, "application/json", 0)
	e := testEnv(t, db, time.Date(2014, 12, 2, 9, 0, 0, 0, shanghai))
	e.Config.Pull.URLs = []string{srv.URL + "/api/monthly"}
	if err := e.Pull(context.Background(), testRun()); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT count(*) FROM activity WHERE pub_news = 7 AND training_sessions = 1 AND dept_code = 'JXW'`); n != 1 {
		t.Fatalf("JSON row not ingested with its values")
	}
}

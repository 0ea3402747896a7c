package server

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/manifest"
	"github.com/govscore/govscore/report"
	"github.com/govscore/govscore/scoring"
	"github.com/govscore/govscore/storage"
)

// scoredDB is a database with the test departments, a month of data, scored.
func scoredDB(t *testing.T) *sql.DB {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "s.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	addScored(t, db, "testdata/depts.csv", "部门代码,月份,工作动态,法规公文,培训\nJXW,2014-11,9,2,1\nFGW,2014-11,4,1,0\nCZJ,2014-11,12,3,1\n")
	return db
}

// addScored imports the department list at depts, ingests the activity CSV data and scores.
func addScored(t *testing.T, db *sql.DB, depts, data string) {
	t.Helper()
	ctx := context.Background()
	if _, err := ingest.Departments(ctx, db, depts, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Bytes(ctx, db, filepath.Base(depts)+".activity.csv", []byte(data), ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := scoring.Run(ctx, db, scoring.Default(), scoring.Options{}); err != nil {
		t.Fatal(err)
	}
}

// writeSite writes files into dir as the dashboards writer does, with their manifest.
func writeSite(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	w, err := manifest.NewWriter(dir)
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		if err := w.WriteFile(name, []byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestRankingsAnswerTheCSVFields(t *testing.T) {
	db := scoredDB(t)
	srv := httptest.NewServer(New(db, Options{Site: t.TempDir(), Lang: locale.ZH}))
	defer srv.Close()
	code, body := get(t, srv.URL+"/api/rankings?month=2014-11&group="+"市级部门")
	if code != http.StatusOK {
		t.Fatalf("status %d: %s", code, body)
	}
	dec := json.NewDecoder(strings.NewReader(body))
	dec.UseNumber()
	var got []map[string]any
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	list, err := scoring.Rank(context.Background(), db, "2014-11", "市级部门")
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	report.CSV(&want, list)
	rows, _ := csv.NewReader(&want).ReadAll()
	if len(got) != len(rows)-1 || len(got) != 3 {
		t.Fatalf("%d objects, CSV has %d rows; want the 3 市级部门", len(got), len(rows)-1)
	}
	for i, obj := range got {
		if len(obj) != len(report.Columns) {
			t.Fatalf("object %d has keys %v, want exactly %v", i, obj, report.Columns)
		}
		for j, col := range report.Columns {
			v := obj[col]
			s := ""
			if v != nil {
				s = fmt.Sprint(v)
			}
			if s != rows[i+1][j] {
				t.Errorf("row %d %s = %q in JSON, %q in CSV", i, col, s, rows[i+1][j])
			}
		}
	}
}

// TestRankingsPage: limit and offset give a page of the whole list, in its order.
func TestRankingsPage(t *testing.T) {
	db := scoredDB(t)
	srv := httptest.NewServer(New(db, Options{Site: t.TempDir()}))
	defer srv.Close()
	all, err := scoring.Rank(context.Background(), db, "2014-11", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 3 {
		t.Fatalf("%d standings; the test needs 3 or more", len(all))
	}
	code, body := get(t, srv.URL+"/api/rankings?month=2014-11&limit=2&offset=1")
	var got []map[string]any
	if err := json.Unmarshal([]byte(body), &got); code != http.StatusOK || err != nil {
		t.Fatalf("status %d, %v: %s", code, err, body)
	}
	if len(got) != 2 || got[0]["dept_code"] != all[1].DeptCode || got[1]["dept_code"] != all[2].DeptCode {
		t.Errorf("page %v, want %s and %s", got, all[1].DeptCode, all[2].DeptCode)
	}
	if code, body := get(t, srv.URL+"/api/rankings?month=2014-11&offset=1000"); code != http.StatusOK || strings.TrimSpace(body) != "[]" {
		t.Errorf("past the end: %d %s, want 200 and an empty list", code, body)
	}
}

func TestRankingsErrors(t *testing.T) {
	srv := httptest.NewServer(New(scoredDB(t), Options{Site: t.TempDir(), Lang: locale.EN}))
	defer srv.Close()
	for _, c := range []struct {
		query string
		code  int
		want  string
	}{
		{"", http.StatusBadRequest, "YYYY-MM"},
		{"?month=November", http.StatusBadRequest, "YYYY-MM"},
		{"?month=2013-01", http.StatusNotFound, "no results"},
		{"?month=2014-11&limit=-1", http.StatusBadRequest, "limit, offset"},
		{"?month=2014-11&offset=x", http.StatusBadRequest, "limit, offset"},
	} {
		code, body := get(t, srv.URL+"/api/rankings"+c.query)
		if code != c.code || !strings.Contains(body, c.want) {
			t.Errorf("%q: %d %s, want %d mentioning %q", c.query, code, body, c.code, c.want)
		}
	}
}

func TestHealthSiteAndStatusPage(t *testing.T) {
	db := scoredDB(t)
	site := t.TempDir()
	srv := httptest.NewServer(New(db, Options{Site: site, Lang: locale.ZH}))
	defer srv.Close()
	if code, body := get(t, srv.URL+"/healthz"); code != 200 || body != "ok\n" {
		t.Fatalf("healthz: %d %q", code, body)
	}
	if code, body := get(t, srv.URL+"/"); code != 200 || !strings.Contains(body, "看板尚未生成") {
		t.Fatalf("/ before rendering: %d %s", code, body)
	}
	os.WriteFile(filepath.Join(site, "index.html"), []byte("<h1>总览</h1>"), 0o644)
	if code, body := get(t, srv.URL+"/"); code != 200 || !strings.Contains(body, "看板尚未生成") {
		t.Fatalf("/ with an index.html that govscore did not write (no manifest): %d %s", code, body)
	}
	writeSite(t, site, map[string]string{"index.html": "<h1>总览</h1>"})
	if code, body := get(t, srv.URL+"/"); code != 200 || !strings.Contains(body, "总览") {
		t.Fatalf("/ after rendering: %d %s", code, body)
	}
	_, err := db.Exec(`INSERT INTO job_runs VALUES (nextval('job_run_ids'), 'inbox', 'schedule', 'failed', now(), now(), 2, 10, 'boom <b>', 'x')`)
	if err != nil {
		t.Fatal(err)
	}
	code, body := get(t, srv.URL+"/jobs")
	if code != 200 || !strings.Contains(body, "任务运行记录") || !strings.Contains(body, "boom &lt;b&gt;") || !strings.Contains(body, `class="failed">失败`) {
		t.Fatalf("/jobs: %d %s", code, body)
	}
	code, body = get(t, srv.URL+"/api/jobs?job=inbox")
	if code != 200 || !strings.Contains(body, `"status": "failed"`) {
		t.Fatalf("/api/jobs: %d %s", code, body)
	}
}

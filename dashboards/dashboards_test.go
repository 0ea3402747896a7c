package dashboards_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govscore/govscore/dashboards"
)

// site writes the fixture's site into a new folder and returns it.
func site(t *testing.T, opts dashboards.Options) string {
	t.Helper()
	dir := t.TempDir()
	if err := dashboards.Write(context.Background(), mustDB(t), dir, opts); err != nil {
		t.Fatal(err)
	}
	return dir
}

// files reads every file of a site, by path relative to its root.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestWriteIsDeterministic(t *testing.T) {
	db := mustDB(t)
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if err := dashboards.Write(context.Background(), db, dir, dashboards.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	fa, fb := files(t, a), files(t, b)
	if len(fa) != len(fb) || len(fa) < 10 {
		t.Fatalf("%d files then %d files", len(fa), len(fb))
	}
	for name, content := range fa {
		if !bytes.Equal(content, fb[name]) {
			t.Errorf("%s differs between two renders of the same database", name)
		}
	}
}

func TestWritePages(t *testing.T) {
	fs := files(t, site(t, dashboards.Options{}))
	for _, name := range []string{"index.html", "ranking.html", "dept/CZJ.html", "dept/XSS1.html", "dept/AXQ.html",
		"ind/volume.html", "ind/deductions.html", "assets/echarts/echarts.min.js", "assets/echarts/LICENSE",
		"assets/echarts/NOTICE", "assets/site.js", "assets/site.css"} {
		if len(fs[name]) == 0 {
			t.Errorf("%s missing or empty", name)
		}
	}
	index := string(fs["index.html"])
	for _, want := range []string{`<html lang="zh-CN">`, "政务公开考核总览 2014-12", "总分走势", "部门 × 月份 热力图", "等次分布",
		"名次变化最大的部门", "本月未报送的部门", "各指标平均得分走势", `href="dept/AXQ.html"`, `src="assets/echarts/echarts.min.js"`} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	dept := string(fs["dept/XSS1.html"])
	for _, want := range []string{`href="../index.html"`, `src="../assets/echarts/echarts.min.js"`, "总分与名次走势",
		`"inverse":true`, "第 2 版(当前)", "activity-2014-12-revised.csv", "扣分与加分记录"} {
		if !strings.Contains(dept, want) {
			t.Errorf("dept/XSS1.html lacks %q", want)
		}
	}
}

func TestWriteEnglish(t *testing.T) {
	fs := files(t, site(t, dashboards.Options{Lang: "en", Month: "2014-11"}))
	index := string(fs["index.html"])
	for _, want := range []string{`<html lang="en">`, "Disclosure scores overview 2014-11", "Total score trends", "Biggest movers"} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	if strings.Contains(index, "2014-12") {
		t.Error("a site for 2014-11 shows 2014-12")
	}
}

func TestWriteUnknownMonth(t *testing.T) {
	err := dashboards.Write(context.Background(), mustDB(t), t.TempDir(), dashboards.Options{Month: "2016-01"})
	if err == nil || !strings.Contains(err.Error(), "2016-01") {
		t.Fatalf("got %v, want an error naming 2016-01", err)
	}
}

// Data never reaches a page unescaped: no page holds a hostile name as markup, and no page
// refers to anything outside the site.
func TestWriteEscapesData(t *testing.T) {
	for name, content := range files(t, site(t, dashboards.Options{})) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		page := string(content)
		for _, bad := range []string{"<script>alert", "<img", "<b onmouseover", "http://", "https://"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
		if n := strings.Count(page, "</script>"); n != strings.Count(page, "<script") {
			t.Errorf("%s: %d </script> for %d <script", name, n, strings.Count(page, "<script"))
		}
	}
}

package scoring_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/scoring"

	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/storage"
)

// metricOrder is the default catalog's codes in the order of the documented wide header.
var metricOrder = []string{"pub_overview", "pub_plans", "pub_regulations", "pub_news", "pub_personnel", "pub_finance",
	"pub_enforcement", "pub_other", "pub_late", "fulltext_rate", "sms_sent", "wechat_posts", "weibo_posts",
	"press_articles", "tv_items", "special_reports", "info_submitted", "info_adopted", "tasks_assigned", "tasks_ontime",
	"req_received", "req_ontime", "req_overdue", "fee_charged", "training_sessions", "review_corrected", "lawsuit_lost",
	"secret_leaks"}

// perfect meets every target of the default rules exactly and loses nothing: 100 points.
//
//	volume 10+5+4+3+3+3+2 = 30; timeliness 17 published, 0 late = 10; full text 100% = 5;
//	channels SMS 20/20, WeChat+Weibo 20/20, press+TV 10/10 = 15; information 22/22 and 7/22 ≥ 30% = 20;
//	no requests = 15; one training this quarter = 5.
var perfect = map[string]float64{"pub_overview": 1, "pub_plans": 1, "pub_regulations": 2, "pub_news": 10,
	"pub_personnel": 1, "pub_finance": 1, "pub_enforcement": 1, "fulltext_rate": 100, "sms_sent": 20,
	"wechat_posts": 10, "weibo_posts": 10, "press_articles": 5, "tv_items": 5, "info_submitted": 22, "info_adopted": 7,
	"training_sessions": 1}

// row is one department-month of a fixture: perfect with some figures changed.
type row struct {
	dept, name, month string
	set               map[string]float64
}

// wide renders rows as a wide activity CSV with metric-code headers.
func wide(rows []row) string {
	var b strings.Builder
	b.WriteString("dept_code,dept_name,month," + strings.Join(metricOrder, ",") + "\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%s,%s,%s", r.dept, r.name, r.month)
		for _, m := range metricOrder {
			v, ok := r.set[m]
			if !ok {
				v = perfect[m]
			}
			fmt.Fprintf(&b, ",%g", v)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// fixture is a scored database built from a department list and activity files, ingested in order.
type fixture struct {
	db  *sql.DB
	dir string
}

func newFixture(tb testing.TB, depts string, files ...string) *fixture {
	tb.Helper()
	dir := tb.TempDir()
	db, err := storage.Open(context.Background(), filepath.Join(dir, "test.duckdb"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	f := &fixture{db: db, dir: dir}
	if _, err := ingest.Departments(context.Background(), db, f.write(tb, "depts.csv", depts), ingest.Options{}); err != nil {
		tb.Fatal(err)
	}
	for i, content := range files {
		if _, err := ingest.File(context.Background(), db, f.write(tb, fmt.Sprintf("activity-%d.csv", i+1), content), ingest.Options{}); err != nil {
			tb.Fatal(err)
		}
	}
	return f
}

func (f *fixture) write(tb testing.TB, name, content string) string {
	tb.Helper()
	path := filepath.Join(f.dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

func (f *fixture) score(tb testing.TB, rs *scoring.RuleSet) scoring.Summary {
	tb.Helper()
	sum, err := scoring.Run(context.Background(), f.db, rs, scoring.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return sum
}

// standings maps department code → standing for a period.
func (f *fixture) standings(tb testing.TB, period string) map[string]govscore.Standing {
	tb.Helper()
	list, err := scoring.Rank(context.Background(), f.db, period, "")
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]govscore.Standing{}
	for _, s := range list {
		out[s.DeptCode] = s
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

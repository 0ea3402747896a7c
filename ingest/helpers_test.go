package ingest

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govscore/govscore/storage"
)

// mustOpenDB opens a fresh database file with the test departments imported.
func mustOpenDB(tb testing.TB) *sql.DB {
	tb.Helper()
	db, err := storage.Open(context.Background(), filepath.Join(tb.TempDir(), "test.duckdb"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	if _, err := Departments(context.Background(), db, "testdata/depts.csv", Options{}); err != nil {
		tb.Fatal(err)
	}
	return db
}

// writeFile writes content into the test's temp dir and returns its path.
func writeFile(tb testing.TB, name, content string) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// snapshot summarises every table ingest writes, to prove a rejected file changed nothing.
func snapshot(tb testing.TB, db *sql.DB) string {
	tb.Helper()
	var parts []string
	for _, q := range []string{
		`SELECT count(*) || '/' || coalesce(sum(version), 0) || '/' || count(*) FILTER (WHERE current) FROM activity`,
		`SELECT count(*) FROM batches`, `SELECT count(*) FROM dirty_periods`, `SELECT count(*) FROM dirty_depts`,
		`SELECT value FROM meta WHERE key = 'data_version'`, `SELECT count(*) FROM depts`, `SELECT count(*) FROM dept_names`,
	} {
		var s string
		if err := db.QueryRow(q).Scan(&s); err != nil {
			tb.Fatal(err)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// wideHeader is the documented wide header with every default metric, in Chinese.
const wideHeader = "部门代码,部门名称,月份,概况信息,计划总结,法规公文,工作动态,人事信息,财政信息,行政执法,其他信息,超期公开,全文电子化率,移动短信,政务微信,政务微博,报刊稿件,电视新闻,专题报道及宣传片,报送政务信息,信息被采用,交办约稿专报,按时完成约稿,收到公开申请,按期答复,逾期答复,违规收费,培训,行政复议被纠错,行政诉讼败诉,涉密信息上网\n"

// wideRow is a plausible row for dept in month; figures after the month in catalog order.
func wideRow(code, name, month string) string {
	return code + "," + name + "," + month + ",1,1,2,10,1,1,1,3,0,100,20,10,10,5,5,0,22,7,1,1,0,0,0,0,1,0,0,0\n"
}

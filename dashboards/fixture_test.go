package dashboards_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/scoring"
	"github.com/govscore/govscore/storage"
)

// hostile are department and group names that must show as text and run nothing.
var hostile = []string{"</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b onmouseover=alert(2)>县区</b>"}

var clock = func() time.Time { return time.Date(2015, 1, 5, 9, 0, 0, 0, time.UTC) }

// mustDB is a real DuckDB file with testdata/xss ingested and scored: 5 departments in two
// groups (one group and two departments with hostile names), 3 months, a revision and a
// department that did not submit in the last month.
func mustDB(tb testing.TB) *sql.DB {
	tb.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(tb.TempDir(), "test.duckdb"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	opts := ingest.Options{Source: "test", Now: clock}
	if _, err := ingest.Departments(ctx, db, "testdata/xss/depts.csv", opts); err != nil {
		tb.Fatal(err)
	}
	for _, f := range []string{"activity-2014-10.csv", "activity-2014-11.csv", "activity-2014-12.csv", "activity-2014-12-revised.csv"} {
		if _, err := ingest.File(ctx, db, filepath.Join("testdata/xss", f), opts); err != nil {
			tb.Fatal(err)
		}
	}
	if _, err := scoring.Run(ctx, db, scoring.Default(), scoring.Options{Now: clock}); err != nil {
		tb.Fatal(err)
	}
	return db
}

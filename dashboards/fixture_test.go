package dashboards_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/scoring"
	"github.com/govscore/govscore/storage"
	"github.com/govscore/govscore/testutil"
)

// hostile are department and group names that must show as text and run nothing.
var hostile = []string{"</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b onmouseover=alert(2)>县区</b>"}

var clock = func() time.Time { return time.Date(2015, 1, 5, 9, 0, 0, 0, time.UTC) }

// fixture is the database every test reads, built once.
var fixture struct {
	once sync.Once
	dir  string
	db   *sql.DB
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if fixture.db != nil {
		fixture.db.Close()
	}
	os.RemoveAll(fixture.dir)
	testutil.CloseBrowser()
	os.Exit(code)
}

// mustDB is a real DuckDB file with testdata/xss ingested and scored: 5 departments in two
// groups (one group and two departments with hostile names), 3 months, a revision and a
// department that did not submit in the last month. Tests only read it.
func mustDB(tb testing.TB) *sql.DB {
	tb.Helper()
	fixture.once.Do(func() {
		if fixture.dir, fixture.err = os.MkdirTemp("", "govscore-dashboards"); fixture.err == nil {
			fixture.db, fixture.err = build(filepath.Join(fixture.dir, "test.duckdb"))
		}
	})
	if fixture.err != nil {
		tb.Fatal(fixture.err)
	}
	return fixture.db
}

func build(path string) (*sql.DB, error) {
	ctx := context.Background()
	db, err := storage.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	opts := ingest.Options{Source: "test", Now: clock}
	if _, err := ingest.Departments(ctx, db, "testdata/xss/depts.csv", opts); err != nil {
		return db, err
	}
	for _, f := range []string{"activity-2014-10.csv", "activity-2014-11.csv", "activity-2014-12.csv", "activity-2014-12-revised.csv"} {
		if _, err := ingest.File(ctx, db, filepath.Join("testdata/xss", f), opts); err != nil {
			return db, err
		}
	}
	_, err = scoring.Run(ctx, db, scoring.Default(), scoring.Options{Now: clock})
	return db, err
}

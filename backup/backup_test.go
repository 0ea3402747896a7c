package backup_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/adjustments"
	"github.com/govscore/govscore/audit"
	"github.com/govscore/govscore/backup"
	"github.com/govscore/govscore/editions"
	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/scoring"
	"github.com/govscore/govscore/storage"
	"github.com/govscore/govscore/testutil"
)

var clock = func() time.Time { return time.Date(2014, 12, 3, 9, 30, 0, 0, time.UTC) }

// city fills db with two departments, a month scored and published, and an adjustment.
func city(t *testing.T, db *sql.DB) {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := ingest.DepartmentsBytes(ctx, db, "depts.csv", []byte("部门代码,部门名称,分组\nFGW,发展和改革委员会,市级部门\nCZJ,财政局,市级部门\n"), ingest.Options{})
	must(err)
	_, err = ingest.Bytes(ctx, db, "a.csv", []byte("部门代码,月份,工作动态,法规公文\nFGW,2014-11,8,2\nCZJ,2014-11,10,1\n"), ingest.Options{})
	must(err)
	_, err = adjustments.Add(ctx, db, govscore.Adjustment{DeptCode: "CZJ", Period: "2014-11", Points: 2, Reason: "表彰", Author: "张三"}, adjustments.Options{Source: audit.Source{Now: clock}})
	must(err)
	_, err = scoring.Run(ctx, db, scoring.Default(), scoring.Options{Now: clock})
	must(err)
	_, err = editions.Publish(ctx, db, editions.Request{Period: "2014-11", Author: "政务公开办"}, editions.Options{Now: clock})
	must(err)
}

// catalog is what a snapshot of rows does not see: each sequence's next value (taken), views,
// macros and constraints (not the temporary ones a scoring run leaves on its connection).
func catalog(t *testing.T, db *sql.DB) string {
	t.Helper()
	var s string
	err := db.QueryRow(`SELECT
    (SELECT string_agg(v, ',' ORDER BY v) FROM (SELECT view_name AS v FROM duckdb_views() WHERE NOT internal AND NOT temporary)) || ' | ' ||
    (SELECT string_agg(f, ',' ORDER BY f) FROM (SELECT function_name AS f FROM duckdb_functions() WHERE function_type = 'macro' AND NOT internal AND database_name <> 'temp')) || ' | ' ||
    (SELECT string_agg(c, ',' ORDER BY c) FROM (SELECT table_name || ':' || constraint_type || ':' || array_to_string(constraint_column_names, '+') AS c FROM duckdb_constraints()))`).Scan(&s)
	if err != nil {
		t.Fatal(err)
	}
	for _, seq := range []string{"adjustment_ids", "batch_ids", "edition_ids", "job_run_ids", "score_run_ids"} {
		s += " " + seq + "=" + fmt.Sprint(testutil.Count(t, db, `SELECT nextval(?)`, seq))
	}
	return s
}

// TestBackupOpensAndEquals: the copy opens as a database with every table's rows, every
// sequence, view, macro and constraint of the original; the backup is audited in the original.
func TestBackupOpensAndEquals(t *testing.T) {
	ctx := context.Background()
	db, _ := testutil.DB(t)
	city(t, db)
	rows := testutil.Snapshot(t, db)
	dest := filepath.Join(t.TempDir(), "copy.duckdb")
	c, err := backup.Write(ctx, db, dest, backup.Options{Actor: "张三", Source: audit.Source{Now: clock}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dest + ".wal"); err == nil || c.Bytes == 0 {
		t.Errorf("copy %+v has a .wal or no bytes", c)
	}
	copied, err := storage.Open(ctx, dest)
	if err != nil {
		t.Fatal(err)
	}
	defer copied.Close()
	if got := testutil.Snapshot(t, copied); got != rows {
		t.Errorf("the copy's rows differ from the original's:\n%s\nvs\n%s", got, rows)
	}
	if got, cat := catalog(t, copied), catalog(t, db); got != cat { // catalog takes a value of each sequence: after the copy
		t.Errorf("the copy's catalog differs:\n%s\nvs\n%s", got, cat)
	}
	if e, _ := audit.List(ctx, db, audit.Filter{Action: "backup"}); len(e) != 1 || e[0].Subject != dest || e[0].Actor != "张三" {
		t.Errorf("audit = %+v", e)
	}
	if _, err := backup.Write(ctx, db, dest, backup.Options{Source: audit.Source{Now: clock}}); govscore.ErrorCode(err) != govscore.ECONFLICT {
		t.Errorf("a second backup over the first: %v, want a refusal", err)
	}
}

// TestRestoreIgnoresAStaleWAL: a copy put where the old database's .wal still lies would get
// that WAL replayed into it (shown first, the naive way); restore moves the file and its .wal
// aside, never deletes them, and the restored database equals the copy.
func TestRestoreIgnoresAStaleWAL(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path, copyPath := filepath.Join(dir, "govscore.duckdb"), filepath.Join(dir, "copy.duckdb")
	db, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	city(t, db)
	if _, err := backup.Write(ctx, db, copyPath, backup.Options{Source: audit.Source{Now: clock}}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	stale := staleWAL(t, path)
	want := snapshotOf(t, copyPath)

	naive := filepath.Join(dir, "naive.duckdb")
	copyTo(t, copyPath, naive)
	copyTo(t, stale, naive+".wal")
	if snapshotOf(t, naive) == want {
		t.Fatal("the naive restore did not replay the stale WAL: this test proves nothing")
	}

	copyTo(t, stale, path+".wal")
	r, err := backup.Restore(ctx, copyPath, path, backup.Options{Actor: "李四", Source: audit.Source{Now: clock}})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Aside) != 2 || !strings.HasSuffix(r.Aside[1], ".before-restore-20141203T093000Z.wal") {
		t.Errorf("moved aside: %v", r.Aside)
	}
	for _, f := range r.Aside {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s: %v (moved aside files are kept)", f, err)
		}
	}
	restored, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	if e, _ := audit.List(ctx, restored, audit.Filter{Action: "backup.restore"}); len(e) != 1 || e[0].Actor != "李四" {
		t.Fatalf("restore audit = %+v", e)
	}
	if _, err := restored.Exec(`DELETE FROM audit WHERE action = 'backup.restore'`); err != nil {
		t.Fatal(err)
	}
	if got := testutil.Snapshot(t, restored); got != want {
		t.Errorf("the restored database differs from the copy:\n%s\nvs\n%s", got, want)
	}
}

// staleWAL is a WAL of changes made to the database at path after the backup: written while the
// database was open, kept aside, and the database closed (which checkpoints it away).
func staleWAL(t *testing.T, path string) string {
	t.Helper()
	db, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DELETE FROM edition_rows; INSERT INTO audit (logged_at, actor, action, detail) VALUES (now(), 'x', 'stale', 'after the backup')`); err != nil {
		t.Fatal(err)
	}
	saved := path + ".saved-wal"
	copyTo(t, path+".wal", saved)
	db.Close()
	return saved
}

func snapshotOf(t *testing.T, path string) string {
	t.Helper()
	db, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return testutil.Snapshot(t, db)
}

func copyTo(t *testing.T, src, dest string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dest, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

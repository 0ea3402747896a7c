// Package testutil holds the helpers every package's tests share: a real DuckDB file, files in
// the test's folder, snapshots that prove nothing changed, a real Chromium, and XLSX workbooks
// made by excelize. Tests import it; nothing else does.
package testutil

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	sqlfs "github.com/govscore/govscore/sql"
	"github.com/govscore/govscore/storage"
)

// DB opens a fresh database file in the test's folder, closed when the test ends; it returns
// the database and its path.
func DB(tb testing.TB) (*sql.DB, string) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "test.duckdb")
	db, err := storage.Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db, path
}

// File writes content into a new file of the test's folder and returns its path.
func File(tb testing.TB, name, content string) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// XLSX writes a workbook with one sheet per entry of sheets (name → rows of cells, written as
// excelize writes Go values: strings as text, numbers as numbers) and returns its path.
func XLSX(tb testing.TB, name string, sheets map[string][][]any) string {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	names := make([]string, 0, len(sheets))
	for n := range sheets {
		names = append(names, n)
	}
	sort.Strings(names)
	for i, n := range names {
		if i == 0 {
			f.SetSheetName("Sheet1", n)
		} else if _, err := f.NewSheet(n); err != nil {
			tb.Fatal(err)
		}
		for r, row := range sheets[n] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(n, cell, &row); err != nil {
				tb.Fatal(err)
			}
		}
	}
	path := filepath.Join(tb.TempDir(), name)
	if err := f.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// Count runs a query that returns one number.
func Count(tb testing.TB, db *sql.DB, q string, args ...any) int {
	tb.Helper()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
	return n
}

// Snapshot is a digest of every table of the database, row by row: two equal snapshots mean
// nothing was written in between (tests of rejected input compare one before and after).
func Snapshot(tb testing.TB, db *sql.DB) string {
	tb.Helper()
	rows, err := db.Query(`SELECT schema_name, table_name FROM duckdb_tables() WHERE NOT temporary ORDER BY ALL`)
	if err != nil {
		tb.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var schema, name string
		if err := rows.Scan(&schema, &name); err != nil {
			tb.Fatal(err)
		}
		tables = append(tables, sqlfs.Ident(schema)+"."+sqlfs.Ident(name))
	}
	rows.Close()
	var parts []string
	for _, t := range tables {
		var n int
		var digest sql.NullString
		q := `SELECT count(*), md5(string_agg(CAST(t AS VARCHAR), '|' ORDER BY CAST(t AS VARCHAR))) FROM ` + t + ` t`
		if err := db.QueryRow(q).Scan(&n, &digest); err != nil {
			tb.Fatalf("snapshot %s: %v", t, err)
		}
		parts = append(parts, t+"="+digest.String)
	}
	return strings.Join(parts, "\n")
}

// DirSnapshot is a digest of every file under dir (names, sizes, contents; symlinks by target):
// two equal snapshots mean nothing under dir was created, changed or removed.
func DirSnapshot(tb testing.TB, dir string) string {
	tb.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		h.Write([]byte(rel + "\x00"))
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(path)
			h.Write([]byte("->" + target))
		case d.Type().IsRegular():
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			h.Write(b)
		}
		h.Write([]byte{0})
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Dump is the text of every row of every table: a test looks in it for what must never be
// stored (a password, a token) or must never leak.
func Dump(tb testing.TB, db *sql.DB) string {
	tb.Helper()
	rows, err := db.Query(`SELECT schema_name, table_name FROM duckdb_tables() ORDER BY ALL`)
	if err != nil {
		tb.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var schema, name string
		if err := rows.Scan(&schema, &name); err != nil {
			tb.Fatal(err)
		}
		tables = append(tables, sqlfs.Ident(schema)+"."+sqlfs.Ident(name))
	}
	rows.Close()
	var b strings.Builder
	for _, t := range tables {
		var s sql.NullString
		if err := db.QueryRow(`SELECT string_agg(CAST(t AS VARCHAR), '\n') FROM ` + t + ` t`).Scan(&s); err != nil {
			tb.Fatalf("dump %s: %v", t, err)
		}
		b.WriteString(t + "\n" + s.String + "\n")
	}
	return b.String()
}

// OpenXLSX reads a workbook a writer produced into a buffer, closed when the test ends.
func OpenXLSX(tb testing.TB, content []byte) *excelize.File {
	tb.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(content))
	if err != nil {
		tb.Fatalf("not a readable workbook: %v", err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}

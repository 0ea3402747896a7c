// Package storage opens govscore's DuckDB file and keeps its schema current.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"

	_ "github.com/duckdb/duckdb-go/v2" // registers the duckdb driver
	sqlfs "github.com/govscore/govscore/sql"
)

// ErrLocked means another process, usually `govscore serve`, holds the database file.
var ErrLocked = errors.New("database is in use by another process")

var pidRE = regexp.MustCompile(`PID (\d+)`)

// Open opens (creating if needed) the DuckDB file at path and applies pending migrations.
// An empty path opens a private in-memory database.
func Open(ctx context.Context, path string) (*sql.DB, error) {
	db, err := sql.Open("duckdb", path)
	if err != nil {
		return nil, explainOpen(path, err) // the driver opens the file here, so a lock shows here
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, explainOpen(path, err)
	}
	if err := Migrate(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func explainOpen(path string, err error) error {
	msg := err.Error()
	if !strings.Contains(msg, "lock") {
		return fmt.Errorf("open %s: %w", path, err)
	}
	holder := "another process"
	if m := pidRE.FindStringSubmatch(msg); m != nil {
		holder = "process " + m[1]
	}
	return fmt.Errorf("open %s: %w: %s holds it (is `govscore serve` running? use its HTTP API, or stop it first)", path, ErrLocked, holder)
}

// Migrate applies, in name order, every embedded migration not yet recorded, each in its own
// transaction that also records its name.
func Migrate(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	names, err := fs.Glob(sqlfs.Migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		if err := apply(ctx, db, name); err != nil {
			return fmt.Errorf("migrate %s: %w", name, err)
		}
	}
	return nil
}

func apply(ctx context.Context, db *sql.DB, name string) error {
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE name = ?`, name).Scan(&n); err != nil || n > 0 {
		return err
	}
	body, err := sqlfs.Migrations.ReadFile(name)
	if err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (name) VALUES (?)`, name); err != nil {
		return err
	}
	return tx.Commit()
}

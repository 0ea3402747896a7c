// Package storage opens govscore's DuckDB file and keeps its schema current.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/duckdb/duckdb-go/v2"
	"github.com/govscore/govscore"
	sqlfs "github.com/govscore/govscore/sql"
)

// ErrLocked means another process, usually `govscore serve`, holds the database file.
var ErrLocked = errors.New("database is in use by another process")

var pidRE = regexp.MustCompile(`PID (\d+)`)

// MemoryLimitEnv names the environment variable that sets DuckDB's memory limit (e.g. 3GB or
// 16GB); DuckDB spills to a folder beside the database beyond it. Unset, govscore caps DuckDB
// at DefaultMemoryLimit, or DuckDB's own default (80% of the machine) where that is lower: a
// country-scale run then peaks at about 3.3 GB instead of 5–11 GB, at little cost in time.
const MemoryLimitEnv = "GOVSCORE_MEMORY_LIMIT"

// DefaultMemoryLimit is the cap when GOVSCORE_MEMORY_LIMIT is unset.
const DefaultMemoryLimit = "3GB"

var sizeRE = regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)?)\s*([KMGT]?)(i?)B$`)

// Open opens (creating if needed) the DuckDB file at path for writing and applies pending
// migrations. An empty path opens a private in-memory database. The database is sandboxed (see
// lockDown): SQL run on it reaches no file but those in its stage folder (StageDir).
func Open(ctx context.Context, path string) (*sql.DB, error) {
	return open(ctx, path, false)
}

// OpenReadOnly opens an existing database file for reading: it refuses a path where no
// database exists (naming it) instead of creating one, writes nothing (no migrations), and
// works on a file the user may not write.
func OpenReadOnly(ctx context.Context, path string) (*sql.DB, error) {
	if path == "" {
		return nil, fmt.Errorf("open: no database file given")
	}
	if _, err := os.Stat(path); err != nil {
		return nil, govscore.Errorf(govscore.ENOTFOUND, "数据库文件 %s 不存在:请检查 --db(或先运行 govscore init)",
			"no database at %s: check --db (or create one with govscore init)", path)
	}
	return open(ctx, path, true)
}

func open(ctx context.Context, path string, readOnly bool) (*sql.DB, error) {
	limit, explicit := strings.TrimSpace(os.Getenv(MemoryLimitEnv)), true
	if limit == "" {
		limit, explicit = DefaultMemoryLimit, false
	}
	want, ok := parseSize(limit)
	if !ok {
		return nil, fmt.Errorf("open %s: %s=%q: expected a size such as 3GB or 500MB", path, MemoryLimitEnv, limit)
	}
	dsn := path
	if readOnly {
		dsn += "?access_mode=read_only"
	}
	c, err := duckdb.NewConnector(dsn, nil)
	if err != nil {
		return nil, explainOpen(path, err) // the driver opens the file here, so a lock shows here
	}
	db := sql.OpenDB(c)
	remember(db, c)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, explainOpen(path, err)
	}
	if err := setUp(ctx, db, path, readOnly, want, explicit); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// setUp caps memory, locks the sandbox and brings the schema up to date (or, read-only, checks
// that it is).
func setUp(ctx context.Context, db *sql.DB, path string, readOnly bool, want float64, explicit bool) error {
	if err := limitMemory(ctx, db, want, explicit); err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	stage := ""
	if !readOnly {
		var err error
		if stage, err = makeStage(path); err != nil {
			return fmt.Errorf("open %s: %w", path, err)
		}
	}
	if err := lockDown(ctx, db, stage); err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	if readOnly {
		return checkCurrent(ctx, db, path)
	}
	return Migrate(ctx, db)
}

// limitMemory sets DuckDB's memory limit to want bytes: always when the user asked for it,
// otherwise only to lower DuckDB's default.
func limitMemory(ctx context.Context, db *sql.DB, want float64, explicit bool) error {
	var current string
	if err := db.QueryRowContext(ctx, `SELECT current_setting('memory_limit')`).Scan(&current); err != nil {
		return err
	}
	if have, ok := parseSize(current); ok && have <= want && !explicit {
		return nil
	}
	_, err := db.ExecContext(ctx, fmt.Sprintf(`SET GLOBAL memory_limit = '%.0fB'`, want))
	return err
}

// parseSize reads a size such as 3GB, 500 MB or 18.8 GiB (as DuckDB prints it) in bytes.
func parseSize(s string) (float64, bool) {
	m := sizeRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, false
	}
	n, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		return 0, false
	}
	base := 1000.0
	if m[3] == "i" {
		base = 1024
	}
	for _, u := range "KMGT" {
		if m[2] == "" {
			break
		}
		n *= base
		if string(u) == m[2] {
			break
		}
	}
	return n, true
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

// checkCurrent refuses a database opened read-only whose schema is older than this govscore.
func checkCurrent(ctx context.Context, db *sql.DB, path string) error {
	names, err := fs.Glob(sqlfs.Migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	var applied int
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&applied)
	if err != nil {
		return govscore.Errorf(govscore.EINVALID, "%s 不是 govscore 数据库", "%s is not a govscore database", path)
	}
	if applied < len(names) {
		return govscore.Errorf(govscore.EINVALID, "%s 的结构早于本版 govscore:请先运行 govscore init 升级",
			"%s has an older schema than this govscore: run govscore init to upgrade it first", path)
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

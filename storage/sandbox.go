package storage

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	sqlfs "github.com/govscore/govscore/sql"
)

// Rule files are SQL that an office clerk edits, and a scoring run executes them. DuckDB can
// read and write any file the process may (read_csv('/etc/passwd'), COPY … TO, ATTACH), load
// extensions and change its own settings. lockDown closes all of that for the whole database
// instance, once, right after it opens:
//   - enable_external_access = false: no file, network, extension or other database is
//     reachable from SQL (DuckDB's own files — the database, its WAL, spill files — are not
//     affected);
//   - allowed_directories = [the stage folder]: the one exception, where ingest puts the copy
//     of a file that DuckDB's read_csv reads on the fast path;
//   - lock_configuration = true: no statement can undo the two (DuckDB refuses SET on any
//     option from then on, so the memory limit is set before).
//
// The cost is nil at run time; the one visible effect is that SQL that reads files works only
// on files in the stage folder.
func lockDown(ctx context.Context, db *sql.DB, stage string) error {
	allowed := "[]"
	if stage != "" {
		allowed = "[" + sqlfs.Literal(stage) + "]"
	}
	for _, st := range []string{
		`SET allowed_directories = ` + allowed,
		`SET enable_external_access = false`,
		`SET lock_configuration = true`,
	} {
		if _, err := db.ExecContext(ctx, st); err != nil {
			return fmt.Errorf("sandbox: %s: %w", st, err)
		}
	}
	return nil
}

// makeStage creates the stage folder of the database at path: PATH.stage beside the file, or a
// private temporary folder for an in-memory database. Files left in it by a process that died
// are removed.
func makeStage(path string) (string, error) {
	var dir string
	if path == "" {
		d, err := os.MkdirTemp("", "govscore-stage-*")
		if err != nil {
			return "", err
		}
		dir = d
	} else {
		abs, err := filepath.Abs(path)
		if err != nil {
			return "", err
		}
		dir = abs + ".stage"
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return "", err
		}
		// this process holds the database's lock: nothing else is using the folder
		left, _ := os.ReadDir(dir)
		for _, f := range left {
			os.RemoveAll(filepath.Join(dir, f.Name()))
		}
	}
	return dir + string(filepath.Separator), nil
}

// StageDir is the folder where SQL run on db may read files (the fast path's CSV copies); ""
// when db may read none (read-only).
func StageDir(ctx context.Context, db interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (string, error) {
	var dirs []any
	var raw any
	if err := db.QueryRowContext(ctx, `SELECT current_setting('allowed_directories')`).Scan(&raw); err != nil {
		return "", err
	}
	switch v := raw.(type) {
	case []any:
		dirs = v
	case string:
		v = strings.Trim(v, "[]")
		if v != "" {
			dirs = append(dirs, v)
		}
	}
	if len(dirs) == 0 {
		return "", nil
	}
	return fmt.Sprint(dirs[0]), nil
}

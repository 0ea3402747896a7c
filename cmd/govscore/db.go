package main

import (
	"context"
	"database/sql"

	"github.com/govscore/govscore/storage"
)

// openDB opens the database named by --db for writing, creating it if needed. When serve runs
// the command, it is a handle on serve's own open database, closed by the command as usual.
func (e *env) openDB(ctx context.Context) (*sql.DB, error) {
	if e.shared != nil {
		return storage.Share(e.shared), nil
	}
	return storage.Open(ctx, e.db)
}

// readDB opens the database named by --db read-only: a command that only reads never creates a
// file or changes one, and works on a file the user may not write.
func (e *env) readDB(ctx context.Context) (*sql.DB, error) {
	if e.shared != nil {
		return storage.Share(e.shared), nil
	}
	return storage.OpenReadOnly(ctx, e.db)
}

func init() {
	commands["init"] = command{"create the database file (or bring its schema up to date)", runInit}
}

func runInit(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "init", "", "Creates the database file given by --db, or brings its schema up to date.")
	if err := fs.Parse(args); err != nil {
		return err
	}
	db, err := e.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	e.printf(e.lang.T("数据库已就绪:%s\n", "database ready: %s\n"), e.db)
	return nil
}

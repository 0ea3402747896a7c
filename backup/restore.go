package backup

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/audit"
	"github.com/govscore/govscore/storage"
)

// Restored says what Restore did: the copy put in place, and where the files it replaced went.
type Restored struct {
	From  string   `json:"from"`
	DB    string   `json:"db"`
	Aside []string `json:"aside"` // the database file and its .wal as they were, moved, never deleted
}

// Restore puts the copy src in place of the database at path. DuckDB replays a PATH.wal it finds
// beside the file on open, whatever file that is: a copy placed where the old database's WAL
// still lies silently gets the old database's last changes applied to it (seen with DuckDB 1.5).
// So the current file and its .wal are both moved aside (PATH.before-restore-TIME and
// PATH.before-restore-TIME.wal), never deleted, before the copy is put in place; then the
// restore is audited in the restored database. A database in use (serve) is refused.
func Restore(ctx context.Context, src, path string, opts Options) (Restored, error) {
	r := Restored{From: src, DB: path}
	if err := checkCopy(ctx, src); err != nil {
		return r, err
	}
	if err := checkIdle(ctx, path); err != nil {
		return r, err
	}
	done, err := moveAside(path, opts.At().Format("20060102T150405Z"))
	if err != nil {
		return r, fmt.Errorf("restore: %w", err)
	}
	if _, err := copyFile(src, path); err != nil {
		putBack(done)
		return r, fmt.Errorf("restore %s to %s: %w", src, path, err)
	}
	for _, m := range done {
		r.Aside = append(r.Aside, m.to)
	}
	return r, record(ctx, r, opts)
}

// checkCopy refuses a source that is not a govscore database, or that has a .wal of its own (a
// copy made by Write has none: its changes would be lost).
func checkCopy(ctx context.Context, src string) error {
	if _, err := os.Stat(src + ".wal"); err == nil {
		return govscore.Errorf(govscore.EINVALID, "%s.wal 在备份旁边:govscore backup 写出的副本没有 .wal;请先用 govscore --db %s init 打开并关闭它一次",
			"%s.wal lies beside the copy: a copy made by govscore backup has none; open and close it once with govscore --db %s init first", src, src)
	}
	db, err := storage.OpenReadOnly(ctx, src)
	if err != nil {
		return fmt.Errorf("restore: the copy %s: %w", src, err)
	}
	return db.Close()
}

// checkIdle refuses a database that another process (serve) holds.
func checkIdle(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err != nil {
		return nil
	}
	db, err := storage.OpenReadOnly(ctx, path)
	if errors.Is(err, storage.ErrLocked) {
		return fmt.Errorf("restore: %w", err)
	}
	if err == nil {
		db.Close()
	}
	return nil // a database that cannot be opened is what restoring is for
}

// rename is one file moved aside: from where, to where.
type rename struct{ from, to string }

// moveAside renames the database file and its .wal to PATH.before-restore-STAMP[.wal] (files
// that are not there are skipped); on failure it puts back what it moved.
func moveAside(path, stamp string) ([]rename, error) {
	aside := path + ".before-restore-" + stamp
	var done []rename
	for _, suffix := range []string{"", ".wal"} {
		r := rename{path + suffix, aside + suffix}
		if _, err := os.Stat(r.from); err != nil {
			continue
		}
		err := fmt.Errorf("%s exists already", r.to)
		if _, serr := os.Stat(r.to); serr != nil {
			err = os.Rename(r.from, r.to)
		}
		if err != nil {
			putBack(done)
			return nil, err
		}
		done = append(done, r)
	}
	return done, nil
}

// putBack undoes moveAside.
func putBack(done []rename) {
	for _, r := range done {
		os.Rename(r.to, r.from)
	}
}

// record audits the restore in the restored database.
func record(ctx context.Context, r Restored, opts Options) error {
	db, err := storage.Open(ctx, r.DB)
	if err != nil {
		return fmt.Errorf("restore: open the restored %s: %w", r.DB, err)
	}
	defer db.Close()
	return audit.Write(ctx, db, audit.Entry{At: opts.At(), Actor: opts.Actor, Action: "backup.restore", Subject: r.DB, Addr: opts.From(),
		Detail: fmt.Sprintf("%s restored from %s; replaced files moved aside: %v", r.DB, r.From, r.Aside), After: audit.JSON(r)})
}

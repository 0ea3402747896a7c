// Package backup copies the database consistently, keeps the last copies, and puts a copy back.
//
// How the copy is made. The database is sandboxed (see storage): SQL may touch no file outside
// the stage folder beside it, and cannot ATTACH elsewhere. So Write ATTACHes a new database file
// inside the stage folder, copies everything into it with COPY FROM DATABASE, checkpoints and
// detaches it, and then moves it with Go to where it was asked for. COPY FROM DATABASE runs as
// one transaction, so the copy is the state at one instant even while serve's jobs write; it
// carries every table (rule files, editions, audit, …), view, macro and sequence (with its next
// value), has no .wal, and is compact. Copying the file with the OS instead would need every
// writer stopped and a CHECKPOINT first, and would copy the free space too.
package backup

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/audit"
	sqlfs "github.com/govscore/govscore/sql"
	"github.com/govscore/govscore/storage"
)

// Options say who asks, from where and when.
type Options struct {
	audit.Source
	Actor string
}

// Copy is a backup written: where, how big, and when.
type Copy struct {
	File  string    `json:"file"`
	Bytes int64     `json:"bytes"`
	At    time.Time `json:"at"`
}

// Write writes a consistent copy of db to dest, a new file (an existing one is refused), and
// audits it. db must be open for writing (storage.Open): the copy is made in its stage folder.
func Write(ctx context.Context, db *sql.DB, dest string, opts Options) (Copy, error) {
	c := Copy{File: dest, At: opts.At()}
	if _, err := os.Stat(dest); err == nil {
		return c, govscore.Errorf(govscore.ECONFLICT, "%s 已存在:备份不覆盖已有文件,请换一个文件名", "%s exists: a backup never overwrites a file; choose another name", dest)
	}
	tmp, err := snapshot(ctx, db)
	if err != nil {
		return c, fmt.Errorf("backup: %w", err)
	}
	defer os.Remove(tmp)
	if c.Bytes, err = move(tmp, dest); err != nil {
		return c, fmt.Errorf("backup to %s: %w", dest, err)
	}
	err = audit.Write(ctx, db, audit.Entry{At: c.At, Actor: opts.Actor, Action: "backup", Subject: dest, Addr: opts.From(),
		Detail: fmt.Sprintf("backup written to %s (%d bytes)", dest, c.Bytes), After: audit.JSON(c)})
	return c, err
}

// snapshot copies the database into a new file of its stage folder and returns the file's path.
func snapshot(ctx context.Context, db *sql.DB) (string, error) {
	stage, err := storage.StageDir(ctx, db)
	if err != nil || stage == "" {
		return "", errors.Join(err, errors.New("the database is not open for writing (no stage folder)"))
	}
	name := make([]byte, 8)
	rand.Read(name)
	tmp := filepath.Join(stage, "backup-"+hex.EncodeToString(name)+".duckdb")
	conn, err := db.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	var current string
	if err := conn.QueryRowContext(ctx, `SELECT current_database()`).Scan(&current); err != nil {
		return "", err
	}
	for _, st := range []string{
		`ATTACH ` + sqlfs.Literal(tmp) + ` AS govscore_backup`,
		`COPY FROM DATABASE ` + sqlfs.Ident(current) + ` TO govscore_backup`,
		`CHECKPOINT govscore_backup`,
		`DETACH govscore_backup`,
	} {
		if _, err := conn.ExecContext(ctx, st); err != nil {
			conn.ExecContext(context.WithoutCancel(ctx), `DETACH DATABASE IF EXISTS govscore_backup`)
			os.Remove(tmp)
			os.Remove(tmp + ".wal")
			return "", err
		}
	}
	return tmp, nil
}

// move puts file src at dest: a rename when both are on one file system, else a copy written
// as dest.part, synced and renamed, so that dest is whole or absent. It returns dest's size.
func move(src, dest string) (int64, error) {
	if err := os.Rename(src, dest); err == nil {
		st, err := os.Stat(dest)
		if err != nil {
			return 0, err
		}
		return st.Size(), nil
	}
	return copyFile(src, dest)
}

// copyFile copies src to dest through dest.part, synced, then renamed.
func copyFile(src, dest string) (int64, error) {
	in, err := os.Open(src)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	part := dest + ".part"
	out, err := os.OpenFile(part, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(part, dest)
	}
	if err != nil {
		os.Remove(part)
		return 0, err
	}
	return n, nil
}

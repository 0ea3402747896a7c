package main

import (
	"context"
	"fmt"

	"github.com/govscore/govscore/audit"
	"github.com/govscore/govscore/backup"
)

func init() {
	commands["backup"] = command{"write a consistent copy of the database: backup FILE", runBackup}
	commands["restore"] = command{"put a backup in place of the database: restore BACKUP [--db PATH]", runRestore}
}

func runBackup(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "backup", "FILE [--author NAME]", `Writes a consistent copy of the database (--db) to FILE, a new file: every table (data,
rules, editions, audit …) as of one instant. govscore --db FILE opens it; govscore restore puts
it back. serve takes one on a schedule too (the backup job).`)
	author := fs.String("author", e.actor(), "who takes it, for the audit log")
	file, err := parseWithArg(fs, args)
	if err != nil {
		return err
	}
	if file == "" {
		fs.Usage()
		return fmt.Errorf("backup: name the file to write")
	}
	db, err := e.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	c, err := backup.Write(ctx, db, file, backup.Options{Actor: *author, Source: audit.Source{Now: e.now}})
	if err != nil {
		return err
	}
	e.printf(e.lang.T("已备份到 %s(%.1f MB)\n", "backed up to %s (%.1f MB)\n"), c.File, float64(c.Bytes)/1e6)
	return nil
}

func runRestore(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "restore", "BACKUP [--author NAME]", `Puts the copy BACKUP in place of the database (--db). The current file and its .wal are moved
aside to DB.before-restore-TIME and DB.before-restore-TIME.wal, never deleted: a .wal left
beside a restored copy would be replayed into it. Stop serve first.`)
	author := fs.String("author", e.actor(), "who restores, for the audit log")
	src, err := parseWithArg(fs, args)
	if err != nil {
		return err
	}
	if src == "" {
		fs.Usage()
		return fmt.Errorf("restore: name the backup file")
	}
	r, err := backup.Restore(ctx, src, e.db, backup.Options{Actor: *author, Source: audit.Source{Now: e.now}})
	if err != nil {
		return err
	}
	e.printf(e.lang.T("已用 %s 恢复 %s\n", "%[2]s restored from %[1]s\n"), r.From, r.DB)
	for _, a := range r.Aside {
		e.printf(e.lang.T("  原文件已移至 %s\n", "  the file it replaced is now %s\n"), a)
	}
	return nil
}

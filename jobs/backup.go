package jobs

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/govscore/govscore/audit"
	"github.com/govscore/govscore/backup"
)

// Backup writes a consistent copy of the database into the backup folder and keeps the newest
// Config.Backup.Keep copies there. The copy is one transaction's view (see package backup), so
// it runs beside the jobs that write.
func (e *Env) Backup(ctx context.Context, run *Run) error {
	dir := e.Config.Backup.Dir
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	c, err := backup.Write(ctx, e.DB, filepath.Join(dir, backup.Name(e.now())), backup.Options{Actor: "serve", Source: audit.Source{Addr: "serve", Now: e.Now}})
	if err != nil {
		return err
	}
	run.Files = 1
	run.Note("%s (%d bytes)", c.File, c.Bytes)
	removed, err := backup.Rotate(dir, e.Config.Backup.Keep)
	if len(removed) > 0 {
		run.Note("removed the oldest: %v", removed)
	}
	return err
}

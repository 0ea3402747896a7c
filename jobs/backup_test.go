package jobs

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestBackupKeepsTheNewest: each run writes a copy named by its time; beyond backup.keep the
// oldest copies go, and nothing else in the folder is touched.
func TestBackupKeepsTheNewest(t *testing.T) {
	db := mustOpenDB(t)
	start := time.Date(2014, 12, 1, 2, 30, 0, 0, time.UTC)
	e := testEnv(t, db, start)
	e.Config.Backup = Backup{Dir: filepath.Join(t.TempDir(), "backups"), Keep: 2}
	if err := os.MkdirAll(e.Config.Backup.Dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(e.Config.Backup.Dir, "notes.txt"), "the office's own file")
	for day := 0; day < 3; day++ {
		now := start.AddDate(0, 0, day)
		e.Now = func() time.Time { return now }
		if err := e.Backup(context.Background(), testRun()); err != nil {
			t.Fatal(err)
		}
	}
	entries, _ := os.ReadDir(e.Config.Backup.Dir)
	var names []string
	for _, f := range entries {
		names = append(names, f.Name())
	}
	want := []string{"govscore-20141202-023000.duckdb", "govscore-20141203-023000.duckdb", "notes.txt"}
	if len(names) != len(want) || names[0] != want[0] || names[1] != want[1] || names[2] != want[2] {
		t.Errorf("backup folder = %v, want %v", names, want)
	}
	if n := count(t, db, `SELECT count(*) FROM audit WHERE action = 'backup' AND actor = 'serve'`); n != 3 {
		t.Errorf("%d backups audited, want 3", n)
	}
}

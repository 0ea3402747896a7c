package storage

import (
	"context"
	"path/filepath"
	"testing"
)

// TestShare: a shared handle reads and writes the same database, and closing it leaves the
// database open for its owner.
func TestShare(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "g.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h := Share(db)
	if _, err := h.Exec(`INSERT INTO meta VALUES ('shared', 'yes')`); err != nil {
		t.Fatal(err)
	}
	if err := h.Close(); err != nil {
		t.Fatal(err)
	}
	var v string
	if err := db.QueryRow(`SELECT value FROM meta WHERE key = 'shared'`).Scan(&v); err != nil || v != "yes" {
		t.Fatalf("after closing the shared handle: %q, %v", v, err)
	}
	if _, err := db.Exec(`SELECT 1 FROM read_text('/etc/hostname')`); err == nil {
		t.Errorf("the sandbox is gone")
	}
}

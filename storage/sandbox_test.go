package storage

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSandbox: SQL run on an opened database reaches no file outside its stage folder, cannot
// attach or copy elsewhere, load extensions, or turn the sandbox off; the stage folder works.
func TestSandbox(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := Open(ctx, filepath.Join(dir, "g.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	secret := filepath.Join(dir, "secret.csv")
	os.WriteFile(secret, []byte("a\n1\n"), 0o644)
	stage, err := StageDir(ctx, db)
	if err != nil || !strings.HasSuffix(stage, "g.duckdb.stage/") {
		t.Fatalf("stage = %q, %v", stage, err)
	}
	os.WriteFile(filepath.Join(stage, "ok.csv"), []byte("a\n1\n"), 0o644)
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM read_csv('` + filepath.Join(stage, "ok.csv") + `')`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("reading the stage folder: %d, %v", n, err)
	}
	refused := []string{
		`SELECT * FROM read_csv('` + secret + `')`,
		`SELECT * FROM read_text('/etc/hostname')`,
		`COPY (SELECT 1) TO '` + filepath.Join(dir, "out.csv") + `'`,
		`ATTACH '` + filepath.Join(dir, "other.duckdb") + `' AS other`,
		`INSTALL httpfs`,
		`SET enable_external_access = true`,
		`SET allowed_directories = ['/']`,
		`SET lock_configuration = false`,
	}
	for _, q := range refused {
		if _, err := db.Exec(q); err == nil {
			t.Errorf("%s: ran, want it refused", q)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out.csv")); !os.IsNotExist(err) {
		t.Errorf("COPY wrote a file outside the stage folder")
	}
}

// TestOpenReadOnly: a read-only open refuses a missing file by name without creating it, and
// reads a database file the user may not write.
func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	missing := filepath.Join(dir, "typo.duckdb")
	if _, err := OpenReadOnly(ctx, missing); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing file: err = %v, want one naming it", err)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("the missing file was created")
	}
	path := filepath.Join(dir, "g.duckdb")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	ro, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatalf("read-only open of a read-only file: %v", err)
	}
	defer ro.Close()
	var n int
	if err := ro.QueryRow(`SELECT count(*) FROM metrics`).Scan(&n); err != nil || n != 28 {
		t.Errorf("metrics = %d, %v", n, err)
	}
	if _, err := ro.Exec(`DELETE FROM metrics`); err == nil {
		t.Errorf("a read-only database took a DELETE")
	}
}

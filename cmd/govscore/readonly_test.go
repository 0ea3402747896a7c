package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/govscore/govscore/testutil"
)

// nobody is the user the read commands run as when the test runs as root, which passes every
// permission check: then the database belongs to another user, as it would on a server.
const nobody = 65534

// TestReadCommandsOnAReadOnlyDatabase: every command that only reads works on a database file of
// mode 0444, in a folder of mode 0555, owned by another user, and changes nothing there (no
// WAL, no stage folder, no byte of the file).
func TestReadCommandsOnAReadOnlyDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	base := readOnlyCopy(t, demoDB(t))
	ro, out := filepath.Join(base, "ro"), filepath.Join(base, "out")
	before := testutil.DirSnapshot(t, ro)
	db := filepath.Join(ro, "govscore.duckdb")
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"rank", []string{"rank", "--month", "2014-12"}, "市级部门"},
		{"rank csv", []string{"rank", "--month", "2014-12", "--format", "csv"}, "dept_code"},
		{"rank json", []string{"rank", "--month", "2014-12", "--format", "json"}, `"dept_code"`},
		{"rank xlsx", []string{"rank", "--month", "2014-12", "--format", "xlsx", "--out", filepath.Join(out, "r.xlsx")}, ""},
		{"explain", []string{"explain", "JXW", "--month", "2014-12"}, "JXW"},
		{"jobs", []string{"jobs"}, ""},
		{"jobs json", []string{"jobs", "--format", "json"}, `"runs"`},
		{"dashboard", []string{"dashboard", "--out", filepath.Join(out, "site")}, "index.html"},
	} {
		cmd := exec.Command(filepath.Join(base, "govscore"), append([]string{"--db", db}, c.args...)...)
		cmd.Dir, cmd.Env = out, []string{"HOME=/nonexistent", "PATH=/usr/bin:/bin"}
		if os.Getuid() == 0 {
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
		}
		stdout, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(stdout), c.want) {
			t.Errorf("%s on a read-only database: %v\n%.600s", c.name, err, stdout)
		}
	}
	if after := testutil.DirSnapshot(t, ro); after != before {
		left, _ := os.ReadDir(ro)
		t.Errorf("the read-only folder changed: %v", left)
	}
}

// readOnlyCopy copies the binary and the database at db into a new folder: base/govscore,
// base/ro/govscore.duckdb (0444, its folder 0555) and base/out (writable by anyone, for --out).
func readOnlyCopy(t *testing.T, db string) string {
	t.Helper()
	base, err := os.MkdirTemp("", "govscore-ro-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		os.Chmod(filepath.Join(base, "ro"), 0o755)
		os.RemoveAll(base)
	})
	ro, out := filepath.Join(base, "ro"), filepath.Join(base, "out")
	for _, d := range []string{ro, out} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	copyFile(t, buildBin(t), filepath.Join(base, "govscore"), 0o755)
	copyFile(t, db, filepath.Join(ro, "govscore.duckdb"), 0o444)
	os.Chmod(base, 0o755)
	os.Chmod(out, 0o777)
	os.Chmod(ro, 0o555)
	return base
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
	os.Chmod(to, mode)
}

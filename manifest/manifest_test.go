package manifest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestValid(t *testing.T) {
	for _, c := range []struct {
		name string
		ok   bool
	}{
		{"index.html", true},
		{"dept/JXW.html", true},
		{"assets/echarts/echarts.min.js", true},
		{"", false},
		{"/etc/passwd", false},
		{"../govscore.duckdb", false},
		{"dept/../../x", false},
		{"./index.html", false},
		{".env", false},
		{".git/config", false},
		{"dept/.hidden.html", false},
		{"dept//x.html", false},
		{"dept/", false},
		{`dept\x.html`, false},
		{"a\x00b", false},
	} {
		if got := Valid(c.name); got != c.ok {
			t.Errorf("Valid(%q) = %v, want %v", c.name, got, c.ok)
		}
	}
}

func TestWriteThenRead(t *testing.T) {
	dir := t.TempDir()
	w, err := NewWriter(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"index.html", "dept/A.html"} {
		if err := w.WriteFile(f, []byte("<p>"+f)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.WriteFile("../escape.html", []byte("x")); err == nil {
		t.Error("wrote ../escape.html")
	}
	if _, err := Read(dir); err == nil {
		t.Error("a manifest before Close")
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	files, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files["dept/A.html"].Size != int64(len("<p>dept/A.html")) || len(files["index.html"].SHA256) != 64 {
		t.Errorf("manifest = %v", files)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// A symlink planted where the writer writes is replaced, never written through: neither at the
// file's own name nor at its temporary name.
func TestWriterNeverFollowsSymlinks(t *testing.T) {
	dir, outside := t.TempDir(), filepath.Join(t.TempDir(), "victim")
	os.WriteFile(outside, []byte("keep"), 0o644)
	for _, link := range []string{"index.html", ".index.html.tmp"} {
		if err := os.Symlink(outside, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
		w, _ := NewWriter(dir)
		if err := w.WriteFile("index.html", []byte("new")); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(outside); string(b) != "keep" {
			t.Errorf("a symlink at %s was written through: the file outside now holds %q", link, b)
		}
		if fi, err := os.Lstat(filepath.Join(dir, "index.html")); err != nil || !fi.Mode().IsRegular() {
			t.Errorf("index.html is not a regular file after writing: %v %v", fi, err)
		}
		os.Remove(filepath.Join(dir, "index.html"))
	}
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDashboardCommand(t *testing.T) {
	db := demoDB(t)
	if _, err := os.Stat(filepath.Join(demoDir, "site", "index.html")); err != nil {
		t.Errorf("demo did not write its site: %v", err)
	}
	dir := t.TempDir()
	out, _, err := govscore(t, "--db", db, "dashboard", "--out", dir, "--month", "2014年11月", "--lang", "en")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, filepath.Join(dir, "index.html")) {
		t.Errorf("output does not say where the site is: %q", out)
	}
	index, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil || !strings.Contains(string(index), "Disclosure scores overview 2014-11") {
		t.Errorf("index.html for 2014-11 in English: %v", err)
	}
	for _, args := range [][]string{{"dashboard"}, {"dashboard", "--out", dir, "--month", "2030-01"}, {"dashboard", "--out", dir, "--lang", "fr"}} {
		if _, _, err := govscore(t, append([]string{"--db", db}, args...)...); err == nil {
			t.Errorf("%q: no error", args)
		}
	}
}

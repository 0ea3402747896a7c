package backup

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Name is the file name of a scheduled backup taken at t: govscore-20141203-023000.duckdb.
// Names sort by time, which is how Rotate finds the oldest.
func Name(t time.Time) string { return "govscore-" + t.UTC().Format("20060102-150405") + ".duckdb" }

// Rotate removes the oldest scheduled backups in dir (files named as Name makes them) beyond
// the newest keep, and returns the files removed. Other files in dir are never touched.
func Rotate(dir string, keep int) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var ours []string
	for _, e := range entries {
		n := e.Name()
		if e.Type().IsRegular() && strings.HasPrefix(n, "govscore-") && strings.HasSuffix(n, ".duckdb") {
			if _, err := time.Parse("20060102-150405", strings.TrimSuffix(strings.TrimPrefix(n, "govscore-"), ".duckdb")); err == nil {
				ours = append(ours, n)
			}
		}
	}
	sort.Strings(ours)
	var removed []string
	for len(ours) > max(keep, 1) {
		path := filepath.Join(dir, ours[0])
		if err := os.Remove(path); err != nil {
			return removed, err
		}
		removed, ours = append(removed, path), ours[1:]
	}
	return removed, nil
}

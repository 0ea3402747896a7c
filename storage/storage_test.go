package storage

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenMigratesOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.duckdb")
	for i := 0; i < 2; i++ {
		db, err := Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		var metrics int
		if err := db.QueryRow(`SELECT count(*) FROM metrics`).Scan(&metrics); err != nil {
			t.Fatal(err)
		}
		if metrics != 28 {
			t.Fatalf("metrics = %d, want the 28 of the default catalog", metrics)
		}
		var prev string
		if err := db.QueryRow(`SELECT period_prev('2014-01') || ' ' || period_prev('2020-Q1') || ' ' || period_prev('2020-Q3') || ' ' || period_prev('2020')`).Scan(&prev); err != nil {
			t.Fatal(err)
		}
		if prev != "2013-12 2019-Q4 2020-Q2 2019" {
			t.Fatalf("period_prev = %q", prev)
		}
		db.Close()
	}
}

// TestMemoryLimit: DuckDB is capped at 3 GB unless GOVSCORE_MEMORY_LIMIT says otherwise; a
// malformed value is refused with the variable's name.
func TestMemoryLimit(t *testing.T) {
	limit := func() float64 {
		db, err := Open(context.Background(), filepath.Join(t.TempDir(), "g.duckdb"))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var s string
		if err := db.QueryRow(`SELECT current_setting('memory_limit')`).Scan(&s); err != nil {
			t.Fatal(err)
		}
		n, ok := parseSize(s)
		if !ok {
			t.Fatalf("memory_limit %q does not parse", s)
		}
		return n
	}
	t.Setenv(MemoryLimitEnv, "")
	if got := limit(); got > 3e9*1.01 || got < 2.5e9 {
		t.Errorf("default memory limit %.3g bytes, want 3 GB", got)
	}
	t.Setenv(MemoryLimitEnv, "500MB")
	if got := limit(); got > 5e8*1.01 || got < 4.5e8 {
		t.Errorf("memory limit %.3g bytes, want 500 MB", got)
	}
	t.Setenv(MemoryLimitEnv, "lots")
	if _, err := Open(context.Background(), filepath.Join(t.TempDir(), "g.duckdb")); err == nil || !strings.Contains(err.Error(), MemoryLimitEnv) {
		t.Errorf("a malformed limit: err = %v, want one naming %s", err, MemoryLimitEnv)
	}
}

package storage

import (
	"context"
	"path/filepath"
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

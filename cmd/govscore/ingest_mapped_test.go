package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestMappingUK runs the README's "Bring your own data" commands on the UK example.
func TestIngestMappingUK(t *testing.T) {
	db := filepath.Join(t.TempDir(), "uk.duckdb")
	ex := filepath.Join("..", "..", "examples", "uk-foi")
	data := filepath.Join(ex, "data", "uk-cabinet-office-foi-2010-2020.csv")
	out, _, err := govscore(t, "--db", db, "--lang", "en", "ingest", "--mapping", filepath.Join(ex, "mapping.yaml"), data)
	if err != nil || !strings.Contains(out, "2303 rows, 2303 new") || !strings.Contains(out, "71 departments registered") ||
		!strings.Contains(out, "8 metrics declared") {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	for _, rules := range []string{"rules-quarter", "rules-year"} {
		if _, _, err := govscore(t, "--db", db, "score", "--rules", filepath.Join(ex, rules)); err != nil {
			t.Fatalf("score %s: %v", rules, err)
		}
	}
	out, _, err = govscore(t, "--db", db, "rank", "--period", "Q1 2020", "--format", "csv")
	if err != nil || !strings.HasPrefix(strings.SplitN(out, "\n", 3)[1], "2020-Q1,UK central government,1,") {
		t.Fatalf("rank 2020-Q1: %v\n%s", err, out)
	}
	out, _, err = govscore(t, "--db", db, "--lang", "en", "rank", "--period", "2013-Q3")
	if err != nil || strings.Count(out, "not ranked") != 15 {
		t.Fatalf("rank 2013-Q3: want 15 bodies listed as not ranked: %v\n%s", err, out)
	}
	out, _, err = govscore(t, "--db", db, "--lang", "en", "explain", "DWP", "--period", "2020")
	if err != nil || !strings.Contains(out, "82.35% in time") || !strings.Contains(out, "rank 31 of 41") {
		t.Fatalf("explain DWP 2020: %v\n%s", err, out)
	}
	out, _, err = govscore(t, "--db", db, "--lang", "en", "ingest", "--mapping", filepath.Join(ex, "mapping.yaml"), data)
	if err != nil || !strings.Contains(out, "same content as batch 1, nothing changed") {
		t.Fatalf("ingest again: %v\n%s", err, out)
	}
}

func TestIngestMappingRejects(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.duckdb")
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("Quarter,Government body,Total requests received\nQ5 2020,Home Office,1\n"), 0o644)
	_, errOut, err := govscore(t, "--db", db, "ingest", "--mapping", filepath.Join("..", "..", "examples", "uk-foi", "mapping.yaml"), bad)
	if err == nil || !strings.Contains(errOut, `bad.csv: row 1, column "20-day deadline met": the mapping's metric foi_met column is not in the file`) {
		t.Fatalf("err = %v\n%s", err, errOut)
	}
	_, _, err = govscore(t, "--db", db, "ingest", "--mapping", bad, bad)
	if err == nil || !strings.Contains(err.Error(), "mapping") {
		t.Fatalf("a CSV given as the mapping: err = %v", err)
	}
}

package main

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/govscore/govscore/ingest"
)

// loadMapping reads the mapping named by --mapping; nil when none is.
func loadMapping(path string) (*ingest.Mapping, error) {
	if path == "" {
		return nil, nil
	}
	return ingest.LoadMapping(path)
}

// ingestMapped reads one file through a mapping and prints what it changed.
func (e *env) ingestMapped(ctx context.Context, db *sql.DB, m *ingest.Mapping, file string, i, n int) error {
	start := time.Now()
	res, err := ingest.MappedFile(ctx, db, file, m, ingest.Options{Source: "cli"})
	if err != nil {
		return err
	}
	e.printResult(i, n, res.Result, time.Since(start))
	if res.Repeat {
		return nil
	}
	e.printf(e.lang.T("  跳过 %d 行;新登记部门 %d 个%s;新增指标 %d 个%s\n", "  %d rows skipped; %d departments registered%s; %d metrics declared%s\n"),
		res.Skipped, len(res.Registered), brief(res.Registered), len(res.Declared), brief(res.Declared))
	return nil
}

// brief lists a few codes after a count: " (DWP, HMT, … 69 more)".
func brief(codes []string) string {
	const most = 8
	if len(codes) == 0 {
		return ""
	}
	shown := codes[:min(len(codes), most)]
	s := " (" + strings.Join(shown, ", ")
	if len(codes) > most {
		s += ", …"
	}
	return s + ")"
}

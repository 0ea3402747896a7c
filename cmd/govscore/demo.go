package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/govscore/govscore/dashboards"
	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/period"
	"github.com/govscore/govscore/report"
	"github.com/govscore/govscore/scoring"
	"github.com/govscore/govscore/storage"
	"github.com/govscore/govscore/synth"
)

func init() {
	commands["demo"] = command{"build a sample city, ingest, score and print its latest ranking", runDemo}
}

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "demo", "[--dir DIR]", `Builds a plausible city (about 60 departments in two groups, 24 months, with a renamed
department, a late starter, missing submissions, a revision, overdue requests and a veto),
runs the whole pipeline into DIR/govscore.duckdb, prints the latest ranking and writes the
dashboards into DIR/site.`)
	dir := fs.String("dir", "govscore-demo", "where to write the sample files and the database")
	seed := fs.Uint64("seed", 2014, "random seed")
	if err := fs.Parse(args); err != nil {
		return err
	}
	dbPath := filepath.Join(*dir, "govscore.duckdb")
	os.Remove(dbPath)
	os.Remove(dbPath + ".wal")
	spec := synth.Spec{Scale: synth.Scale{Name: "city", Depts: 60, Months: 24}, Start: period.MustParse("2013-01"), Seed: *seed}
	files, err := synth.Generate(filepath.Join(*dir, "input"), spec)
	if err != nil {
		return err
	}
	db, err := storage.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := ingest.Departments(ctx, db, files.Depts, ingest.Options{Source: "demo"}); err != nil {
		return err
	}
	for i, f := range append(files.Activity, files.Revision) {
		res, err := ingest.File(ctx, db, f, ingest.Options{Source: "demo"})
		if err != nil {
			return err
		}
		if i%6 == 5 || i == len(files.Activity) {
			e.printResult(i+1, len(files.Activity)+1, res, 0)
		}
	}
	sum, err := scoring.Run(ctx, db, scoring.Default(), scoring.Options{})
	if err != nil {
		return err
	}
	last := spec.Start.Add(spec.Months - 1).String()
	e.printf(e.lang.T("已评分 %d 个月,%d 条得分明细。%s 排名:\n\n", "scored %d months, %d score lines. Ranking for %s:\n\n"), len(sum.Periods), sum.Lines, last)
	list, err := scoring.Rank(ctx, db, last, "")
	if err != nil {
		return err
	}
	if err := report.Table(e.stdout, list, e.lang); err != nil {
		return err
	}
	e.printf("\n")
	if err := writeSite(ctx, e, db, filepath.Join(*dir, "site"), dashboards.Options{Lang: string(e.lang)}); err != nil {
		return err
	}
	e.printf(e.lang.T("\n数据库:%s\n试试:govscore --db %s explain JXW --month %s\n", "\ndatabase: %s\ntry: govscore --db %s explain JXW --month %s\n"), dbPath, dbPath, last)
	fmt.Fprint(e.stdout)
	return nil
}

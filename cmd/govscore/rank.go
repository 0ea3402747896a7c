package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"

	gs "github.com/govscore/govscore"
	"github.com/govscore/govscore/editions"
	"github.com/govscore/govscore/period"
	"github.com/govscore/govscore/report"
	"github.com/govscore/govscore/scoring"
)

func init() {
	commands["rank"] = command{"print a period's ranking: rank --month YYYY-MM", runRank}
}

func runRank(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "rank", "--month YYYY-MM [--group G] [--edition N] [--format table|csv|json|xlsx] [--out FILE]",
		"Prints a period's ranking (通报), every group ranked on its own, or one group; with --edition N,\nexactly as edition N published it.")
	month := fs.String("month", "", "the month, e.g. 2014-11 (also 2014年11月)")
	per := fs.String("period", "", "the period: a month, a quarter (2020-Q1) or a year (2020); same as --month")
	group := fs.String("group", "", "only this group, e.g. 市级部门")
	format := fs.String("format", "table", "table, csv, json or xlsx")
	out := fs.String("out", "", "write to this file instead of standard output (required for xlsx)")
	limit := fs.Int("limit", 0, "list only this many (with --group: the top N of the group); 0 = all")
	offset := fs.Int("offset", 0, "skip this many first (with --limit: the next page)")
	edition := fs.Int("edition", 0, "the ranking as published in this edition (see govscore editions), not as scored now")
	if err := fs.Parse(args); err != nil {
		return err
	}
	p, err := periodFlag(*month, *per)
	if err != nil {
		return err
	}
	db, err := e.readDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if *limit < 0 || *offset < 0 {
		return fmt.Errorf("--limit and --offset must not be negative")
	}
	list, book, err := ranking(ctx, db, p, *group, *edition, *limit, *offset)
	if err != nil {
		return err
	}
	if *format == "xlsx" && book.Edition == 0 {
		if book.Grades, err = scoring.Grades(ctx, db); err != nil {
			return err
		}
	}
	book.Lang = e.lang
	return writeOut(e, *out, func(w io.Writer) error {
		switch *format {
		case "table":
			return report.Table(w, list, e.lang)
		case "csv":
			return report.CSV(w, list)
		case "json":
			return report.JSON(w, list)
		case "xlsx":
			if *out == "" {
				return fmt.Errorf("rank --format xlsx needs --out FILE.xlsx")
			}
			return report.Workbook(w, list, book)
		}
		return fmt.Errorf("--format %q: expected table, csv, json or xlsx", *format)
	})
}

// ranking is a page of the period's ranking as scored now, or as edition n published it, and
// what the workbook says it is (for an edition: its number and its grade ladder then).
func ranking(ctx context.Context, db *sql.DB, p, group string, n, limit, offset int) ([]gs.Standing, report.Book, error) {
	book := report.Book{Period: p}
	if n == 0 {
		list, err := scoring.RankPage(ctx, db, p, group, limit, offset)
		return list, book, err
	}
	ed, list, err := editions.Ranking(ctx, db, p, group, n)
	if err != nil {
		return nil, book, err
	}
	book.Edition, book.Grades = ed.Number, ed.GradeLadder
	list = list[min(offset, len(list)):]
	if limit > 0 {
		list = list[:min(limit, len(list))]
	}
	return list, book, nil
}

// periodFlag reads --month or --period into the canonical form.
func periodFlag(month, per string) (string, error) {
	s := month
	if s == "" {
		s = per
	}
	if s == "" {
		return "", fmt.Errorf("give the period with --month YYYY-MM (or --period)")
	}
	p, err := period.Parse(s)
	if err != nil {
		return "", err
	}
	return p.String(), nil
}

// writeOut runs write against the file named (created whole or not at all) or standard output.
func writeOut(e *env, path string, write func(io.Writer) error) error {
	if path == "" {
		return write(e.stdout)
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

package main

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"time"

	"github.com/govscore/govscore/dashboards"
	"github.com/govscore/govscore/period"
)

func init() {
	commands["dashboard"] = command{"write the trend dashboards as a static site: dashboard --out DIR", runDashboard}
}

func runDashboard(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "dashboard", "--out DIR [--month YYYY-MM | --period P] [--lang zh|en]",
		`Writes the trend dashboards as a static site into DIR: index.html (the office overview),
ranking.html, one page per department (dept/) and per indicator (ind/), and the echarts
library they share (assets/). The site opens from file:// or any web server and loads
nothing from outside DIR.`)
	out := fs.String("out", "", "the folder to write the site into (required)")
	month := fs.String("month", "", "the month to show, e.g. 2014-11 (default: the newest scored month)")
	per := fs.String("period", "", "instead of --month: a quarter (2020-Q1) or year (2020), when the rules score those")
	lang := fs.String("lang", "", "language of the pages: zh or en (default: the global --lang)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("dashboard needs --out DIR (see govscore dashboard --help)")
	}
	opts := dashboards.Options{Lang: string(e.lang)}
	if *lang != "" {
		opts.Lang = *lang
	}
	if *month == "" {
		month = per
	}
	if *month != "" {
		p, err := period.Parse(*month)
		if err != nil {
			return err
		}
		opts.Month = p.String()
	}
	db, err := e.readDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	return writeSite(ctx, e, db, *out, opts)
}

// writeSite writes the site and says where it is and how long it took.
func writeSite(ctx context.Context, e *env, db *sql.DB, dir string, opts dashboards.Options) error {
	start := time.Now()
	if err := dashboards.Write(ctx, db, dir, opts); err != nil {
		return err
	}
	index, err := filepath.Abs(filepath.Join(dir, "index.html"))
	if err != nil {
		return err
	}
	e.printf(e.lang.T("看板已写入 %s(用时 %.2f 秒)\n", "dashboards written to %s (%.2f s)\n"), index, time.Since(start).Seconds())
	return nil
}

// Package dashboards renders the static trend site (go-echarts, echarts served locally).
package dashboards

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"

	"github.com/govscore/govscore/locale"
)

// Options say which month and language to render.
type Options struct {
	Month string // YYYY-MM; empty = the newest scored month
	Lang  string // zh (default) or en
}

// Write renders the whole site into dir: index.html, one page per department and per
// indicator, and the shared assets.
func Write(ctx context.Context, db *sql.DB, dir string, opts Options) error {
	if opts.Lang != "" && opts.Lang != "zh" && opts.Lang != "en" {
		return fmt.Errorf("dashboards: language %q: expected zh or en", opts.Lang)
	}
	d, err := load(ctx, db, opts.Month)
	if err != nil {
		return err
	}
	s := newSite(d, locale.Lang(opts.Lang))
	for _, sub := range []string{"dept", "ind"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return fmt.Errorf("dashboards: %w", err)
		}
	}
	if err := writeAssets(dir); err != nil {
		return err
	}
	return s.writePages(ctx, dir)
}

// writePages renders every page; it stops early when ctx is cancelled.
func (s *site) writePages(ctx context.Context, dir string) error {
	if _, err := s.overview().write(dir, "index.html"); err != nil {
		return err
	}
	if _, err := s.ranking().write(dir, "ranking.html"); err != nil {
		return err
	}
	for _, ind := range s.d.Inds {
		if _, err := s.indicatorPage(ind).write(dir, s.indFile(ind.Code)); err != nil {
			return err
		}
	}
	for _, code := range s.deptCodes {
		if err := ctx.Err(); err != nil {
			return err
		}
		if _, err := s.deptPage(code).write(dir, s.deptFile(code)); err != nil {
			return err
		}
	}
	return nil
}

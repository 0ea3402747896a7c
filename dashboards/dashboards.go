// Package dashboards renders the static trend site (go-echarts, echarts served locally).
package dashboards

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/manifest"
)

// Options say which month and language to render.
type Options struct {
	Month string // YYYY-MM; empty = the newest scored month
	Lang  string // zh (default) or en
}

// Write renders the whole site into dir: index.html, one page per department and per
// indicator, and the shared assets, each file written whole; last, the manifest of what it
// wrote (manifest.Name), which is all that `serve` will answer with.
func Write(ctx context.Context, db *sql.DB, dir string, opts Options) error {
	if opts.Lang != "" && opts.Lang != "zh" && opts.Lang != "en" {
		return fmt.Errorf("dashboards: language %q: expected zh or en", opts.Lang)
	}
	d, err := load(ctx, db, opts.Month)
	if err != nil {
		return err
	}
	s := newSite(d, locale.Lang(opts.Lang))
	w, err := manifest.NewWriter(dir)
	if err != nil {
		return fmt.Errorf("dashboards: %w", err)
	}
	if err := writeAssets(w); err != nil {
		return err
	}
	if err := s.writePages(ctx, w); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("dashboards: %w", err)
	}
	return nil
}

// writePages renders every page; it stops early when ctx is cancelled.
func (s *site) writePages(ctx context.Context, w *manifest.Writer) error {
	if _, err := s.overview().write(w, "index.html"); err != nil {
		return err
	}
	if _, err := s.ranking().write(w, "ranking.html"); err != nil {
		return err
	}
	for _, ind := range s.d.Inds {
		if _, err := s.indicatorPage(ind).write(w, s.indFile(ind.Code)); err != nil {
			return err
		}
	}
	for _, code := range s.deptCodes {
		if err := ctx.Err(); err != nil {
			return err
		}
		if _, err := s.deptPage(code).write(w, s.deptFile(code)); err != nil {
			return err
		}
	}
	return nil
}

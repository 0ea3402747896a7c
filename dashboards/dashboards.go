// Package dashboards renders the static trend site (go-echarts, echarts served locally).
package dashboards

import (
	"context"
	"database/sql"
	"errors"
)

// Options say which month and language to render.
type Options struct {
	Month string // YYYY-MM; empty = the newest scored month
	Lang  string // zh (default) or en
}

// Write renders the whole site into dir: index.html, one page per department and per
// indicator, and the shared assets.
func Write(ctx context.Context, db *sql.DB, dir string, opts Options) error {
	return errors.New("dashboards: not implemented yet")
}

package ingest

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	sqlfs "github.com/govscore/govscore/sql"
)

// writeDepts upserts the list in one transaction and marks every period for re-scoring when a
// group or an active range changed.
func writeDepts(ctx context.Context, db *sql.DB, t *table, list []deptRow, c *catalog, res *DeptsResult, opts Options) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE OR REPLACE TEMP TABLE dept_stage (code VARCHAR, name VARCHAR, grp VARCHAR, former VARCHAR, active_from VARCHAR, active_to VARCHAR)`); err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO dept_stage VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	scoring := false
	for _, d := range list {
		old, exists := c.depts[d.code]
		switch {
		case !exists:
			res.Added++
		case old != d.dept:
			res.Changed++
		}
		if exists && old.name != d.name {
			res.Renamed++
		}
		scoring = scoring || !exists || old.grp != d.grp || old.from != d.from || old.to != d.to
		if _, err := stmt.ExecContext(ctx, d.code, d.name, d.grp, strings.Join(d.former, "|"), nullable(d.from), nullable(d.to)); err != nil {
			return fmt.Errorf("import departments %s row %d: %w", t.file, d.row, err)
		}
	}
	vars := fmt.Sprintf("SET VARIABLE rescore = %v; SET VARIABLE now = TIMESTAMP '%s'", scoring, opts.now().UTC().Format("2006-01-02 15:04:05.999999"))
	if _, err := tx.ExecContext(ctx, vars); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, sqlfs.Query("writeDepts")); err != nil {
		return fmt.Errorf("import departments %s: %w", t.file, err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO audit VALUES (?, ?, 'depts.import', ?)`, opts.now().UTC(), actor(opts),
		fmt.Sprintf("%s: %d rows, %d added, %d changed, %d renamed", t.file, res.Rows, res.Added, res.Changed, res.Renamed))
	if err != nil {
		return err
	}
	return tx.Commit()
}

func actor(o Options) string {
	if o.Actor == "" {
		return o.source()
	}
	return o.Actor
}

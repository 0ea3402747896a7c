package ingest

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/audit"
	sqlfs "github.com/govscore/govscore/sql"
)

// writeDepts upserts the list in one transaction and marks every period for re-scoring when a
// group or an active range changed.
func writeDepts(ctx context.Context, db *sql.DB, t *table, list []deptRow, c *catalog, res *DeptsResult, opts Options) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	scoring, err := stageDepts(ctx, conn, t, list, c, res)
	if err != nil {
		return err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if opts.Guard != nil {
		if err := opts.Guard(ctx, tx, registryChanges(list, c)); err != nil {
			return err
		}
	}
	vars := fmt.Sprintf("SET VARIABLE rescore = %v; SET VARIABLE now = TIMESTAMP '%s'", scoring, opts.now().UTC().Format("2006-01-02 15:04:05.999999"))
	if _, err := tx.ExecContext(ctx, vars); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, sqlfs.Query("writeDepts")); err != nil {
		return fmt.Errorf("import departments %s: %w", t.file, err)
	}
	err = audit.Write(ctx, tx, audit.Entry{At: opts.now(), Actor: actor(opts), Action: "depts.import", Subject: t.file,
		Addr: opts.addr(), Detail: fmt.Sprintf("%s: %d rows, %d added, %d changed, %d renamed", t.file, res.Rows, res.Added, res.Changed, res.Renamed)})
	if err != nil {
		return err
	}
	return tx.Commit()
}

// stageDepts fills the temporary table dept_stage through DuckDB's Appender (a row-by-row
// INSERT takes minutes for 300,000 units), counting what changes; it reports whether scores
// must be recomputed.
func stageDepts(ctx context.Context, conn *sql.Conn, t *table, list []deptRow, c *catalog, res *DeptsResult) (bool, error) {
	if _, err := conn.ExecContext(ctx, `CREATE OR REPLACE TEMP TABLE dept_stage (code VARCHAR, name VARCHAR, grp VARCHAR, former VARCHAR, active_from VARCHAR, active_to VARCHAR)`); err != nil {
		return false, err
	}
	scoring := false
	err := conn.Raw(func(dc any) error {
		app, err := duckdb.NewAppender(dc.(driver.Conn), "temp", "main", "dept_stage")
		if err != nil {
			return err
		}
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
			if err := app.AppendRow(d.code, d.name, d.grp, strings.Join(d.former, "|"), nullable(d.from), nullable(d.to)); err != nil {
				app.Close()
				return fmt.Errorf("import departments %s row %d: %w", t.file, d.row, err)
			}
		}
		return app.Close()
	})
	return scoring, err
}

// registryChanges are the departments the list adds or changes, before and after.
func registryChanges(list []deptRow, c *catalog) []govscore.RegistryChange {
	var out []govscore.RegistryChange
	for _, d := range list {
		ch := govscore.RegistryChange{After: registration(d.dept)}
		if old, ok := c.depts[d.code]; ok {
			if old == d.dept {
				continue
			}
			before := registration(old)
			ch.Before = &before
		}
		out = append(out, ch)
	}
	return out
}

func registration(d dept) govscore.Registration {
	return govscore.Registration{Code: d.code, Name: d.name, Group: d.grp, From: d.from, To: d.to}
}

func actor(o Options) string {
	if o.Actor == "" {
		return o.source()
	}
	return o.Actor
}

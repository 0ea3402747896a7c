package editions

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/audit"
	"github.com/govscore/govscore/locale"
	sqlfs "github.com/govscore/govscore/sql"
)

// store writes an edition in one transaction: its record, rows, lines, data versions and
// adjustments, and the audit entry; it numbers the edition. The rows and lines go through
// DuckDB's Appender into temporary tables first (at country scale an edition has ~300,000 rows
// and ~3 M lines: one INSERT each would take minutes).
func store(ctx context.Context, db *sql.DB, ed *govscore.Edition, s *state, lines map[string][]govscore.Line, opts Options) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := stage(ctx, conn, s, lines); err != nil {
		return fmt.Errorf("publish %s: %w", ed.Period, err)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var id int64
	err = tx.QueryRowContext(ctx, sqlfs.Query("editionNext"), ed.Period, ed.Scope).Scan(&id, &ed.Number)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, sqlfs.Query("editionAdd"), id, ed.Period, ed.Scope, ed.Number, ed.PublishedAt, ed.Author, ed.Note,
		ed.RuleSet, ed.RuleSetVersion, ed.RuleSetHash, s.rules.Run, ladder(ed.GradeLadder, locale.ZH), ladder(ed.GradeLadder, locale.EN))
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("SET VARIABLE edition_id = %d", id)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, sqlfs.Query("editionSave")); err != nil {
		return fmt.Errorf("publish %s: %w", ed.Period, err)
	}
	if err := audit.Write(ctx, tx, publishEntry(ed, opts)); err != nil {
		return err
	}
	return tx.Commit()
}

func publishEntry(ed *govscore.Edition, opts Options) audit.Entry {
	return audit.Entry{At: ed.PublishedAt, Actor: ed.Author, Action: "edition.publish", Subject: subject(*ed), Period: ed.Period,
		Addr: opts.From(), After: audit.JSON(ed),
		Detail: fmt.Sprintf("%s: %d departments, rules %s %s (%.12s)", subject(*ed), ed.Depts, ed.RuleSet, ed.RuleSetVersion, ed.RuleSetHash)}
}

// subject names an edition for the audit log: 2014-11#1, or 2014-11/市级部门#1 for one group's.
func subject(ed govscore.Edition) string {
	if ed.Scope == "" {
		return fmt.Sprintf("%s#%d", ed.Period, ed.Number)
	}
	return fmt.Sprintf("%s/%s#%d", ed.Period, ed.Scope, ed.Number)
}

// stage fills the temporary tables editionSave.sql copies from.
func stage(ctx context.Context, conn *sql.Conn, s *state, lines map[string][]govscore.Line) error {
	if _, err := conn.ExecContext(ctx, sqlfs.Query("editionStage")); err != nil {
		return err
	}
	return conn.Raw(func(dc any) error {
		for table, fill := range map[string]func(*duckdb.Appender) error{
			"ed_rows":  func(a *duckdb.Appender) error { return appendRows(a, s) },
			"ed_lines": func(a *duckdb.Appender) error { return appendLines(a, s, lines) },
			"ed_data":  func(a *duckdb.Appender) error { return appendData(a, s) },
			"ed_adj":   func(a *duckdb.Appender) error { return appendAdjustments(a, s) },
		} {
			app, err := duckdb.NewAppender(dc.(driver.Conn), "temp", "main", table)
			if err != nil {
				return err
			}
			if err := fill(app); err != nil {
				app.Close()
				return fmt.Errorf("%s: %w", table, err)
			}
			if err := app.Close(); err != nil {
				return fmt.Errorf("%s: %w", table, err)
			}
		}
		return nil
	})
}

func appendRows(a *duckdb.Appender, s *state) error {
	for i, r := range s.rows {
		var change any
		if r.RankChange != nil {
			change = int64(*r.RankChange)
		}
		reg := s.reg[r.DeptCode]
		err := a.AppendRow(int64(i+1), r.Group, nonZero(r.Rank), r.DeptCode, r.DeptName, r.Total, r.Grade, r.GradeEN, change,
			r.YTDTotal, nonZero(r.YTDRank), r.YTDAvg, r.Status, int64(r.GroupSize), r.Score, r.Deductions, r.Bonus,
			orNull(reg.From), orNull(reg.To))
		if err != nil {
			return err
		}
	}
	return nil
}

func appendLines(a *duckdb.Appender, s *state, lines map[string][]govscore.Line) error {
	for _, r := range s.rows {
		for i, l := range lines[r.DeptCode] {
			var max any
			if l.Max != nil {
				max = *l.Max
			}
			err := a.AppendRow(r.DeptCode, int64(i+1), l.Indicator, l.IndicatorName, l.IndicatorNameEN, l.Item, l.Kind, l.Points, max, l.Reason, l.ReasonEN)
			if err != nil {
				return err
			}
		}
	}
	return nil
}

func appendData(a *duckdb.Appender, s *state) error {
	for _, r := range s.rows {
		for _, d := range s.data[r.DeptCode] {
			if err := a.AppendRow(r.DeptCode, d.Period, int64(d.Version), d.Batch); err != nil {
				return err
			}
		}
	}
	return nil
}

func appendAdjustments(a *duckdb.Appender, s *state) error {
	for _, r := range s.rows {
		for _, adj := range s.adj[r.DeptCode] {
			if err := a.AppendRow(adj.ID, r.DeptCode, adj.Points); err != nil {
				return err
			}
		}
	}
	return nil
}

// ladder is a grade ladder's names in one language, for a list column.
func ladder(grades []locale.Text, l locale.Lang) []string {
	out := make([]string, len(grades))
	for i, g := range grades {
		out[i] = g.In(l)
	}
	return out
}

// nonZero is a rank for the database: NULL when not ranked (0).
func nonZero(n int) any {
	if n == 0 {
		return nil
	}
	return int64(n)
}

package scoring

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/govscore/govscore"
	sqlfs "github.com/govscore/govscore/sql"
)

// Lines are the score lines of a period with their reasons, by department: of the departments
// named, or of every department when depts is nil. Editions, the bulletin and the pages read
// lines through it, whatever the engine keeps.
func Lines(ctx context.Context, db *sql.DB, period string, depts []string) (map[string][]govscore.Line, error) {
	var filter any
	if depts != nil {
		filter = depts
	}
	rows, err := db.QueryContext(ctx, sqlfs.Query("periodLines"), period, filter)
	if err != nil {
		return nil, fmt.Errorf("lines %s: %w", period, err)
	}
	out := map[string][]govscore.Line{}
	for rows.Next() {
		var dept string
		var l govscore.Line
		var max sql.NullFloat64
		err := rows.Scan(&dept, &l.Indicator, &l.IndicatorName, &l.IndicatorNameEN, &l.Item, &l.Kind, &l.Points, &max, &l.Reason, &l.ReasonEN)
		if err != nil {
			rows.Close()
			return nil, err
		}
		if max.Valid {
			l.Max = &max.Float64
		}
		out[dept] = append(out[dept], l)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, renderMissing(ctx, db, period, out)
}

// renderMissing fills the reasons a large run did not keep, department by department.
func renderMissing(ctx context.Context, db *sql.DB, period string, lines map[string][]govscore.Line) error {
	for dept, ls := range lines {
		if !missingReasons(ls) {
			continue
		}
		var k lineKey
		err := db.QueryRowContext(ctx, `SELECT coalesce((SELECT id FROM dept_ids WHERE code = ?), 0), coalesce((SELECT id FROM line_periods WHERE period = ?), 0)`,
			dept, period).Scan(&k.dept, &k.period)
		if err != nil {
			return err
		}
		if err := fillReasons(ctx, db, dept, period, k, ls); err != nil {
			return fmt.Errorf("lines %s %s: %w", dept, period, err)
		}
	}
	return nil
}

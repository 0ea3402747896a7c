package scoring

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/govscore/govscore"
	sqlfs "github.com/govscore/govscore/sql"
	"github.com/govscore/govscore/trace"
)

// Rank lists a period's standings, every group or only group g (empty = all), by group and rank.
func Rank(ctx context.Context, db *sql.DB, period, g string) ([]govscore.Standing, error) {
	return RankPage(ctx, db, period, g, 0, 0)
}

// RankPage is a page of Rank's list: limit standings (0: all) after the first offset.
func RankPage(ctx context.Context, db *sql.DB, period, g string, limit, offset int) ([]govscore.Standing, error) {
	var group, max any
	if g != "" {
		group = g
	}
	if limit > 0 {
		max = limit
	}
	rows, err := db.QueryContext(ctx, sqlfs.Query("rank"), period, group, max, offset)
	if err != nil {
		return nil, fmt.Errorf("rank %s: %w", period, err)
	}
	defer rows.Close()
	out, err := scanStandings(rows)
	if err != nil {
		return nil, err
	}
	if len(out) == 0 && offset == 0 {
		return nil, fmt.Errorf("rank %s: %w", period, govscore.ErrNotScored)
	}
	return out, nil
}

func scanStandings(rows *sql.Rows) ([]govscore.Standing, error) {
	var out []govscore.Standing
	for rows.Next() {
		var s govscore.Standing
		var change, rank, ytdRank sql.NullInt64
		err := rows.Scan(&s.Period, &s.Group, &rank, &s.DeptCode, &s.DeptName, &s.Total, &s.Grade, &s.GradeEN, &change,
			&s.YTDTotal, &ytdRank, &s.YTDAvg, &s.Status, &s.GroupSize, &s.Score, &s.Deductions, &s.Bonus)
		if err != nil {
			return nil, err
		}
		s.Rank, s.YTDRank = int(rank.Int64), int(ytdRank.Int64)
		if change.Valid {
			c := int(change.Int64)
			s.RankChange = &c
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Explain gathers a department-period's standing, its score lines and the data behind them.
// Reasons a large run did not format are rendered here, for this department-period only.
func Explain(ctx context.Context, db *sql.DB, dept, period string) (*govscore.Explanation, error) {
	defer trace.Start("explain")()
	st, err := standing(ctx, db, dept, period)
	if err != nil {
		return nil, err
	}
	ex := &govscore.Explanation{Standing: st}
	var k lineKey
	err = db.QueryRowContext(ctx, `SELECT coalesce((SELECT id FROM dept_ids WHERE code = ?), 0), coalesce((SELECT id FROM line_periods WHERE period = ?), 0)`,
		dept, period).Scan(&k.dept, &k.period)
	if err != nil {
		return nil, err
	}
	if ex.Lines, err = lines(ctx, db, k); err != nil {
		return nil, err
	}
	done := trace.Start("explain: reasons")
	err = fillReasons(ctx, db, dept, period, k, ex.Lines)
	done()
	if err != nil {
		return nil, fmt.Errorf("explain %s %s: %w", dept, period, err)
	}
	ex.Versions, err = versions(ctx, db, dept, period)
	return ex, err
}

// standing is one department's result for a period.
func standing(ctx context.Context, db *sql.DB, dept, period string) (govscore.Standing, error) {
	rows, err := db.QueryContext(ctx, sqlfs.Query("standing"), period, dept)
	if err != nil {
		return govscore.Standing{}, fmt.Errorf("explain %s %s: %w", dept, period, err)
	}
	defer rows.Close()
	all, err := scanStandings(rows)
	if err != nil || len(all) == 1 {
		return first(all), err
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM results WHERE period = ?`, period).Scan(&n); err != nil {
		return govscore.Standing{}, err
	}
	if n == 0 {
		return govscore.Standing{}, fmt.Errorf("explain %s %s: %w", dept, period, govscore.ErrNotScored)
	}
	return govscore.Standing{}, fmt.Errorf("explain %s %s: the department is unknown or was not active in %s", dept, period, period)
}

func first(all []govscore.Standing) govscore.Standing {
	if len(all) == 0 {
		return govscore.Standing{}
	}
	return all[0]
}

// lineKey is how line_store knows a department-period: department and period ids (0: none).
type lineKey struct{ dept, period int64 }

// lines are the score lines of a department-period.
func lines(ctx context.Context, db *sql.DB, k lineKey) ([]govscore.Line, error) {
	rows, err := db.QueryContext(ctx, sqlfs.Query("explainLines"), k.dept, k.period)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []govscore.Line
	for rows.Next() {
		var l govscore.Line
		var max sql.NullFloat64
		if err := rows.Scan(&l.Indicator, &l.IndicatorName, &l.IndicatorNameEN, &l.Item, &l.Kind, &l.Points, &max, &l.Reason, &l.ReasonEN); err != nil {
			return nil, err
		}
		if max.Valid {
			l.Max = &max.Float64
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

func versions(ctx context.Context, db *sql.DB, dept, period string) ([]govscore.Version, error) {
	rows, err := db.QueryContext(ctx, sqlfs.Query("explainVersions"), dept, period)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []govscore.Version
	for rows.Next() {
		var v govscore.Version
		var at sql.NullTime
		if err := rows.Scan(&v.Version, &v.Current, &v.File, &v.Sheet, &v.Row, &at, &v.Source); err != nil {
			return nil, err
		}
		v.IngestedAt = at.Time.Format("2006-01-02 15:04:05")
		out = append(out, v)
	}
	return out, rows.Err()
}

package scoring

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	sqlfs "github.com/govscore/govscore/sql"
	"github.com/govscore/govscore/trace"
)

// ErrNotScored means the period asked for has no results: no data, or `score` has not run.
var ErrNotScored = errors.New("no results for this period: ingest its data and run `govscore score`")

// Standing is one department's result for one period.
type Standing struct {
	Period     string  `json:"month"`
	Group      string  `json:"group"`
	Rank       int     `json:"rank"` // 0 when not ranked (status unranked)
	DeptCode   string  `json:"dept_code"`
	DeptName   string  `json:"dept_name"`
	Total      float64 `json:"total"`
	Grade      string  `json:"grade"`
	GradeEN    string  `json:"grade_en"`
	RankChange *int    `json:"rank_change"`
	YTDTotal   float64 `json:"ytd_total"`
	YTDRank    int     `json:"ytd_rank"`
	YTDAvg     float64 `json:"ytd_avg"`
	Status     string  `json:"status"`
	GroupSize  int     `json:"group_size"`
	Score      float64 `json:"score"`
	Deductions float64 `json:"deductions"`
	Bonus      float64 `json:"bonus"`
}

// Rank lists a period's standings, every group or only group g (empty = all), by group and rank.
func Rank(ctx context.Context, db *sql.DB, period, g string) ([]Standing, error) {
	return RankPage(ctx, db, period, g, 0, 0)
}

// RankPage is a page of Rank's list: limit standings (0: all) after the first offset.
func RankPage(ctx context.Context, db *sql.DB, period, g string, limit, offset int) ([]Standing, error) {
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
		return nil, fmt.Errorf("rank %s: %w", period, ErrNotScored)
	}
	return out, nil
}

func scanStandings(rows *sql.Rows) ([]Standing, error) {
	var out []Standing
	for rows.Next() {
		var s Standing
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

// Line is one score line, as explain shows it.
type Line struct {
	Indicator, IndicatorName, IndicatorNameEN string
	Item, Kind                                string
	Points                                    float64
	Max                                       *float64
	Reason, ReasonEN                          string
}

// Version is one submitted version of a department-period's data and where it came from.
type Version struct {
	Version    int
	Current    bool
	File       string
	Sheet      string
	Row        int
	IngestedAt string
	Source     string
}

// Explanation is everything a department needs to check one period's score.
type Explanation struct {
	Standing Standing
	Lines    []Line
	Versions []Version
}

// Explain gathers a department-period's standing, its score lines and the data behind them.
// Reasons a large run did not format are rendered here, for this department-period only.
func Explain(ctx context.Context, db *sql.DB, dept, period string) (*Explanation, error) {
	defer trace.Start("explain")()
	st, err := standing(ctx, db, dept, period)
	if err != nil {
		return nil, err
	}
	ex := &Explanation{Standing: st}
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
func standing(ctx context.Context, db *sql.DB, dept, period string) (Standing, error) {
	rows, err := db.QueryContext(ctx, sqlfs.Query("standing"), period, dept)
	if err != nil {
		return Standing{}, fmt.Errorf("explain %s %s: %w", dept, period, err)
	}
	defer rows.Close()
	all, err := scanStandings(rows)
	if err != nil || len(all) == 1 {
		return first(all), err
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM results WHERE period = ?`, period).Scan(&n); err != nil {
		return Standing{}, err
	}
	if n == 0 {
		return Standing{}, fmt.Errorf("explain %s %s: %w", dept, period, ErrNotScored)
	}
	return Standing{}, fmt.Errorf("explain %s %s: the department is unknown or was not active in %s", dept, period, period)
}

func first(all []Standing) Standing {
	if len(all) == 0 {
		return Standing{}
	}
	return all[0]
}

// lineKey is how line_store knows a department-period: department and period ids (0: none).
type lineKey struct{ dept, period int64 }

// lines are the score lines of a department-period.
func lines(ctx context.Context, db *sql.DB, k lineKey) ([]Line, error) {
	rows, err := db.QueryContext(ctx, sqlfs.Query("explainLines"), k.dept, k.period)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Line
	for rows.Next() {
		var l Line
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

func versions(ctx context.Context, db *sql.DB, dept, period string) ([]Version, error) {
	rows, err := db.QueryContext(ctx, sqlfs.Query("explainVersions"), dept, period)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Version
	for rows.Next() {
		var v Version
		var at sql.NullTime
		if err := rows.Scan(&v.Version, &v.Current, &v.File, &v.Sheet, &v.Row, &at, &v.Source); err != nil {
			return nil, err
		}
		v.IngestedAt = at.Time.Format("2006-01-02 15:04:05")
		out = append(out, v)
	}
	return out, rows.Err()
}

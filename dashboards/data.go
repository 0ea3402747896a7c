package dashboards

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"

	sqlfs "github.com/govscore/govscore/sql"
)

// maxMonths is how many months the trend charts span, ending at the chosen month.
const maxMonths = 24

// result is one department-month from the results table.
type result struct {
	Period, Dept, Name, Group, Status string
	Total                             float64
	Grade, GradeEN                    string
	Rank, GroupSize                   int
	Change                            *int
	YTDTotal, YTDAvg                  float64
	YTDRank                           int
}

// indicator is one indicator of the rule set.
type indicator struct {
	Code, Name, NameEN, Kind string
	Max                      *float64
}

// line is one score line with its reason.
type line struct {
	Dept, Period, Indicator, Item, Kind string
	Points                              float64
	Max                                 *float64
	Reason, ReasonEN                    string
}

// version is one submitted version of a department-month and where it came from.
type version struct {
	Dept, Period       string
	Version            int
	Current            bool
	File, Sheet        string
	Row                int
	IngestedAt, Source string
}

// figure is one submitted metric value of the chosen month.
type figure struct {
	Dept         string
	Version      int
	Name, NameEN string
	Unit         string
	Value        float64
}

// data is everything the site shows, read once.
type data struct {
	Month    string
	Months   []string
	Results  []result
	Unranked []result // results a rule set left unranked (status unranked, no rank)
	Inds     []indicator
	Points   map[pointKey]float64
	PointSeq []pointKey // the keys of Points in query order, for sums that do not depend on map order
	Lines    map[string][]line
	Versions map[string][]version
	Figures  map[string][]figure
	Run      string
	Reminded []reminder // the newest reminder list of the serve process, if any
}

// reminder is a department that had not submitted a due month by its due day.
type reminder struct {
	Period, Dept, Name, Group string
	DueDay                    int
	Listed                    string
}

// pointKey addresses one indicator's points for a department-month.
type pointKey struct{ Period, Dept, Ind string }

func load(ctx context.Context, db *sql.DB, month string) (*data, error) {
	d := &data{Points: map[pointKey]float64{}, Lines: map[string][]line{}, Versions: map[string][]version{}, Figures: map[string][]figure{}}
	if err := d.loadMonths(ctx, db, month); err != nil {
		return nil, err
	}
	first := d.Months[0]
	steps := []struct {
		name string
		args []any
		scan func(*sql.Rows) error
	}{
		{"dashboardResults", []any{first, d.Month}, d.scanResult},
		{"dashboardIndicators", nil, d.scanIndicator},
		{"dashboardPoints", []any{first, d.Month}, d.scanPoints},
		{"dashboardLines", []any{first, d.Month}, d.scanLine},
		{"dashboardVersions", []any{first, d.Month}, d.scanVersion},
		{"dashboardFigures", []any{d.Month}, d.scanFigure},
		{"dashboardRun", nil, d.scanRun},
		{"dashboardReminders", nil, d.scanReminder},
	}
	for _, s := range steps {
		if err := each(ctx, db, s.name, s.args, s.scan); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func (d *data) loadMonths(ctx context.Context, db *sql.DB, month string) error {
	var upTo any
	if month != "" {
		upTo = month
	}
	var all []string
	err := each(ctx, db, "dashboardMonths", []any{upTo}, func(r *sql.Rows) error {
		all = append(all, "")
		return r.Scan(&all[len(all)-1])
	})
	if err != nil {
		return err
	}
	d.Months = ofKind(all, month)
	if len(d.Months) == 0 || (month != "" && d.Months[len(d.Months)-1] != month) {
		return fmt.Errorf("dashboards: no scored results for %q: ingest its data and run `govscore score`", month)
	}
	if len(d.Months) > maxMonths {
		d.Months = d.Months[len(d.Months)-maxMonths:]
	}
	d.Month = d.Months[len(d.Months)-1]
	return nil
}

// shape is a period with its digits masked: 9999-99 for months, 9999-Q9 for quarters, 9999 for years.
func shape(p string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '9'
		}
		return r
	}, p)
}

// ofKind keeps the periods of one kind: that of month when given, else months, else quarters,
// half-years or years, whichever the database has first.
func ofKind(all []string, month string) []string {
	kinds := []string{"9999-99", "9999-Q9", "9999-H9", "9999"}
	if month != "" {
		kinds = []string{shape(month)}
	}
	for _, k := range kinds {
		var out []string
		for _, p := range all {
			if shape(p) == k {
				out = append(out, p)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// each runs the named query and calls scan for every row.
func each(ctx context.Context, db *sql.DB, name string, args []any, scan func(*sql.Rows) error) error {
	rows, err := db.QueryContext(ctx, sqlfs.Query(name), args...)
	if err != nil {
		return fmt.Errorf("dashboards: %s: %w", name, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("dashboards: %s: %w", name, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("dashboards: %s: %w", name, err)
	}
	return nil
}

func (d *data) scanResult(r *sql.Rows) error {
	var x result
	var change, rank, ytdRank sql.NullInt64
	err := r.Scan(&x.Period, &x.Dept, &x.Name, &x.Group, &x.Status, &x.Total, &x.Grade, &x.GradeEN, &rank,
		&x.GroupSize, &change, &x.YTDTotal, &x.YTDAvg, &ytdRank)
	if change.Valid {
		c := int(change.Int64)
		x.Change = &c
	}
	x.Rank, x.YTDRank = int(rank.Int64), int(ytdRank.Int64)
	x.Total, x.YTDTotal, x.YTDAvg = round2(x.Total), round2(x.YTDTotal), round2(x.YTDAvg)
	if x.Status == "unranked" { // listed, neither charted nor ranked
		d.Unranked = append(d.Unranked, x)
		return err
	}
	d.Results = append(d.Results, x)
	return err
}

func (d *data) scanIndicator(r *sql.Rows) error {
	var x indicator
	var max sql.NullFloat64
	err := r.Scan(&x.Code, &x.Name, &x.NameEN, &x.Kind, &max)
	if max.Valid {
		x.Max = &max.Float64
	}
	d.Inds = append(d.Inds, x)
	return err
}

func (d *data) scanPoints(r *sql.Rows) error {
	var k pointKey
	var v float64
	err := r.Scan(&k.Period, &k.Dept, &k.Ind, &v)
	d.Points[k] = v
	d.PointSeq = append(d.PointSeq, k)
	return err
}

func (d *data) scanLine(r *sql.Rows) error {
	var x line
	var max sql.NullFloat64
	err := r.Scan(&x.Dept, &x.Period, &x.Indicator, &x.Item, &x.Kind, &x.Points, &max, &x.Reason, &x.ReasonEN)
	if max.Valid {
		x.Max = &max.Float64
	}
	d.Lines[x.Dept] = append(d.Lines[x.Dept], x)
	return err
}

func (d *data) scanVersion(r *sql.Rows) error {
	var x version
	err := r.Scan(&x.Dept, &x.Period, &x.Version, &x.Current, &x.File, &x.Sheet, &x.Row, &x.IngestedAt, &x.Source)
	d.Versions[x.Dept] = append(d.Versions[x.Dept], x)
	return err
}

func (d *data) scanFigure(r *sql.Rows) error {
	var x figure
	err := r.Scan(&x.Dept, &x.Version, &x.Name, &x.NameEN, &x.Unit, &x.Value)
	d.Figures[x.Dept] = append(d.Figures[x.Dept], x)
	return err
}

func (d *data) scanRun(r *sql.Rows) error {
	var id int64
	var name, ver, at string
	err := r.Scan(&id, &name, &ver, &at)
	d.Run = fmt.Sprintf("%s %s · #%d · %s", name, ver, id, at)
	return err
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

func (d *data) scanReminder(r *sql.Rows) error {
	var m reminder
	if err := r.Scan(&m.Period, &m.Dept, &m.Name, &m.Group, &m.DueDay, &m.Listed); err != nil {
		return err
	}
	d.Reminded = append(d.Reminded, m)
	return nil
}

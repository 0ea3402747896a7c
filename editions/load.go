package editions

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/locale"
	sqlfs "github.com/govscore/govscore/sql"
)

// Published is an edition with what it published: the ranking and every department's lines.
type Published struct {
	govscore.Edition
	Standings []govscore.Standing
	Lines     map[string][]govscore.Line // by department code
}

// List is every edition of a period, by scope and number ("" lists every period's).
func List(ctx context.Context, q Querier, period string) ([]govscore.Edition, error) {
	rows, err := q.QueryContext(ctx, sqlfs.Query("editionList"), orNull(period), nil, nil)
	if err != nil {
		return nil, fmt.Errorf("editions %s: %w", period, err)
	}
	list, _, err := scanEditions(rows)
	return list, err
}

// Latest is the number of the latest edition of the period's whole ranking (g = "") or of group
// g's own; 0 when there is none.
func Latest(ctx context.Context, q Querier, period, g string) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, sqlfs.Query("editionLatest"), period, g).Scan(&n)
	return n, err
}

// Load is edition n of the period's whole ranking, with its lines.
func Load(ctx context.Context, q Querier, period string, n int) (*Published, error) {
	return LoadGroup(ctx, q, period, "", n)
}

// LoadGroup is edition n of group g's ranking (see Standings for which edition that is), with
// its lines.
func LoadGroup(ctx context.Context, q Querier, period, g string, n int) (*Published, error) {
	ed, id, err := find(ctx, q, period, g, n)
	if err != nil {
		return nil, err
	}
	p := &Published{Edition: ed}
	if p.Standings, _, err = standings(ctx, q, id, g); err != nil {
		return nil, err
	}
	p.Lines, err = lines(ctx, q, id, g)
	return p, err
}

// Ranking is edition n and its ranking, as published, of every group or of group g. With a
// group, n numbers the editions published for that group alone when there are any, else the
// editions of the whole period (of which g's rows are read).
func Ranking(ctx context.Context, q Querier, period, g string, n int) (govscore.Edition, []govscore.Standing, error) {
	ed, id, err := find(ctx, q, period, g, n)
	if err != nil {
		return ed, nil, err
	}
	list, _, err := standings(ctx, q, id, g)
	return ed, list, err
}

// find is the edition that period, group g and number n name, and its id.
func find(ctx context.Context, q Querier, period, g string, n int) (govscore.Edition, int64, error) {
	scopes := []string{""}
	if g != "" {
		scopes = []string{g, ""}
	}
	for _, scope := range scopes {
		var has bool
		if err := q.QueryRowContext(ctx, sqlfs.Query("editionFind"), period, scope).Scan(&has); err != nil {
			return govscore.Edition{}, 0, err
		}
		if !has {
			continue
		}
		rows, err := q.QueryContext(ctx, sqlfs.Query("editionList"), period, scope, n)
		if err != nil {
			return govscore.Edition{}, 0, err
		}
		list, ids, err := scanEditions(rows)
		if err != nil || len(list) == 1 {
			return first(list), first(ids), err
		}
		break
	}
	return govscore.Edition{}, 0, notFound(ctx, q, period, g, n)
}

func first[T any](list []T) T {
	var zero T
	if len(list) == 0 {
		return zero
	}
	return list[0]
}

// notFound says which editions the period has instead of the one asked for.
func notFound(ctx context.Context, q Querier, period, g string, n int) error {
	list, err := List(ctx, q, period)
	if err != nil {
		return err
	}
	var have []string
	for _, ed := range list {
		have = append(have, subject(ed))
	}
	what := period
	if g != "" {
		what += " " + g
	}
	if len(have) == 0 {
		return govscore.Errorf(govscore.ENOTFOUND, "%s 尚未发布(govscore publish --month %s 发布第 1 版)",
			"%s has not been published (govscore publish --month %s makes edition 1)", what, period)
	}
	return govscore.Errorf(govscore.ENOTFOUND, "%s 没有第 %d 版;已发布:%s", "%s has no edition %d; published: %s", what, n, strings.Join(have, ", "))
}

func scanEditions(rows *sql.Rows) ([]govscore.Edition, []int64, error) {
	defer rows.Close()
	var out []govscore.Edition
	var ids []int64
	for rows.Next() {
		var ed govscore.Edition
		var id int64
		var groups, grades, gradesEN []any
		err := rows.Scan(&id, &ed.Period, &ed.Scope, &ed.Number, &ed.PublishedAt, &ed.Author, &ed.Note, &ed.RuleSet, &ed.RuleSetVersion,
			&ed.RuleSetHash, &grades, &gradesEN, &groups, &ed.Depts)
		if err != nil {
			return nil, nil, err
		}
		for _, g := range groups {
			ed.Groups = append(ed.Groups, fmt.Sprint(g))
		}
		for i := range grades {
			ed.GradeLadder = append(ed.GradeLadder, locale.Text{ZH: fmt.Sprint(grades[i]), EN: fmt.Sprint(gradesEN[i])})
		}
		out, ids = append(out, ed), append(ids, id)
	}
	return out, ids, rows.Err()
}

// standings are edition id's rows in the published order, of group g or all (""), and the
// registry entries of their departments then. A group the edition does not rank is ENOTFOUND.
func standings(ctx context.Context, q Querier, id int64, g string) ([]govscore.Standing, map[string]govscore.Registration, error) {
	rows, err := q.QueryContext(ctx, sqlfs.Query("editionRows"), id, orNull(g))
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var out []govscore.Standing
	reg := map[string]govscore.Registration{}
	for rows.Next() {
		var s govscore.Standing
		var rank, change, ytdRank sql.NullInt64
		var from, to sql.NullString
		err := rows.Scan(&s.Period, &s.Group, &rank, &s.DeptCode, &s.DeptName, &s.Total, &s.Grade, &s.GradeEN, &change,
			&s.YTDTotal, &ytdRank, &s.YTDAvg, &s.Status, &s.GroupSize, &s.Score, &s.Deductions, &s.Bonus, &from, &to)
		if err != nil {
			return nil, nil, err
		}
		s.Rank, s.YTDRank = int(rank.Int64), int(ytdRank.Int64)
		if change.Valid {
			c := int(change.Int64)
			s.RankChange = &c
		}
		out = append(out, s)
		reg[s.DeptCode] = govscore.Registration{Code: s.DeptCode, Name: s.DeptName, Group: s.Group, From: from.String, To: to.String}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	if len(out) == 0 && g != "" {
		return nil, nil, govscore.Errorf(govscore.ENOTFOUND, "该版次没有分组“%s”", "the edition does not rank group %q", g)
	}
	return out, reg, nil
}

// lines are edition id's score lines by department, of group g or all ("").
func lines(ctx context.Context, q Querier, id int64, g string) (map[string][]govscore.Line, error) {
	rows, err := q.QueryContext(ctx, sqlfs.Query("editionLines"), id, orNull(g))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]govscore.Line{}
	for rows.Next() {
		var dept string
		var l govscore.Line
		var max sql.NullFloat64
		if err := rows.Scan(&dept, &l.Indicator, &l.IndicatorName, &l.IndicatorNameEN, &l.Item, &l.Kind, &l.Points, &max, &l.Reason, &l.ReasonEN); err != nil {
			return nil, err
		}
		if max.Valid {
			l.Max = &max.Float64
		}
		out[dept] = append(out[dept], l)
	}
	return out, rows.Err()
}

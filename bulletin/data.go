package bulletin

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/period"
	"github.com/govscore/govscore/report"
	"github.com/govscore/govscore/scoring"
)

// Results are one period's standings and score lines, as published in an edition or as they
// stand now: what a bulletin is written from.
type Results struct {
	Period    string
	Edition   int                        // the published edition; 0: the current results, not published
	Standings []govscore.Standing        // by group and rank, as scoring.Rank lists them
	Lines     map[string][]govscore.Line // by department code
}

// Data is everything a bulletin states: the month's results, last month's for the changes
// (no standings when last month has none), and the grade ladder, best first.
type Data struct {
	This, Last Results
	Grades     []locale.Text
}

// Loader reads a period's results: an edition's or the current ones; the score lines only
// when lines is true (last month's standings are all a bulletin compares with).
type Loader func(ctx context.Context, db *sql.DB, period string, lines bool) (Results, error)

// Current is a period's current results, read through scoring.Rank and scoring.Lines.
func Current(ctx context.Context, db *sql.DB, p string, lines bool) (Results, error) {
	list, err := scoring.Rank(ctx, db, p, "")
	if err != nil || !lines {
		return Results{Period: p, Standings: report.LargestFirst(list)}, err
	}
	ls, err := scoring.Lines(ctx, db, p, nil)
	return Results{Period: p, Standings: report.LargestFirst(list), Lines: ls}, err
}

// Load gathers a bulletin's data with load: the period's results with their lines, the
// standings of the period before, and the grade ladder.
func Load(ctx context.Context, db *sql.DB, p string, load Loader) (Data, error) {
	this, err := load(ctx, db, p, true)
	if err != nil {
		return Data{}, err
	}
	d := Data{This: this}
	if x, err := period.Parse(p); err == nil {
		d.Last, err = load(ctx, db, x.Prev().String(), false)
		if err != nil && !errors.Is(err, govscore.ErrNotScored) {
			return Data{}, err
		}
	}
	d.Grades, err = scoring.Grades(ctx, db)
	return d, err
}

// Only is the data of one group: its standings and lines, this month and last. An unknown
// group is an error naming the groups there are.
func (d Data) Only(group string) (Data, error) {
	this, ok := d.This.only(group)
	if !ok {
		var names []string
		for _, s := range d.This.Standings {
			if len(names) == 0 || names[len(names)-1] != s.Group {
				names = append(names, s.Group)
			}
		}
		return d, govscore.Errorf(govscore.ENOTFOUND, "%s 没有分组“%s”;有:%s", "%s has no group %q; there are: %s", d.This.Period, group, strings.Join(names, ", "))
	}
	d.This = this
	d.Last, _ = d.Last.only(group)
	return d, nil
}

func (r Results) only(group string) (Results, bool) {
	out := Results{Period: r.Period, Edition: r.Edition, Lines: map[string][]govscore.Line{}}
	for _, s := range r.Standings {
		if s.Group == group {
			out.Standings = append(out.Standings, s)
			out.Lines[s.DeptCode] = r.Lines[s.DeptCode]
		}
	}
	return out, len(out.Standings) > 0
}

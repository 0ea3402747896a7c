package editions

import (
	"context"
	"database/sql"
	"errors"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/report"
	"github.com/govscore/govscore/scoring"
)

// Divergence is how far a period's current results have moved from its latest edition.
type Divergence struct {
	Edition govscore.Edition `json:"edition"`
	Changed int              `json:"changed"` // departments that differ (see differs); 0: the same
}

// Message says it as `score` and the pages do: "2014-11 已发布第 1 版;当前结果有 3 个部门变化".
func (d Divergence) Message() locale.Text {
	what := d.Edition.Period
	if d.Edition.Scope != "" {
		what += " " + d.Edition.Scope
	}
	if d.Changed == 0 {
		return locale.Textf("%s 已发布第 %d 版;当前结果与之相同", "%s: edition %d published; the current results are the same",
			what, d.Edition.Number)
	}
	return locale.Textf("%s 已发布第 %d 版;当前结果有 %d 个部门变化", "%s: edition %d published; %d differ now",
		what, d.Edition.Number, d.Changed)
}

// Drift compares the latest edition of each scope of a period (the whole period, a group) with
// the current results; nil when the period has no edition. Cheap when it has none: callers may
// ask after every scoring run.
func Drift(ctx context.Context, db *sql.DB, period string) ([]Divergence, error) {
	list, err := List(ctx, db, period)
	if err != nil || len(list) == 0 {
		return nil, err
	}
	latest := map[string]govscore.Edition{}
	var scopes []string
	for _, ed := range list { // by scope and number: the last of a scope is its latest
		if _, ok := latest[ed.Scope]; !ok {
			scopes = append(scopes, ed.Scope)
		}
		latest[ed.Scope] = ed
	}
	var out []Divergence
	for _, scope := range scopes {
		n, err := drift(ctx, db, latest[scope])
		if err != nil {
			return nil, err
		}
		out = append(out, Divergence{Edition: latest[scope], Changed: n})
	}
	return out, nil
}

// drift counts the departments that differ between edition ed and the current results.
func drift(ctx context.Context, db *sql.DB, ed govscore.Edition) (int, error) {
	_, then, err := Ranking(ctx, db, ed.Period, ed.Scope, ed.Number)
	if err != nil {
		return 0, err
	}
	now, err := scoring.Rank(ctx, db, ed.Period, ed.Scope)
	if err != nil && !errors.Is(err, govscore.ErrNotScored) {
		return 0, err
	}
	n := 0
	for _, p := range pair(then, now) {
		if differs(p.from, p.to) {
			n++
		}
	}
	return n, nil
}

// pairing is one department's standing on either side (nil where it is not listed).
type pairing struct {
	code     string
	from, to *govscore.Standing
}

// pair matches two rankings by department, in the order of b then the departments of a only.
func pair(a, b []govscore.Standing) []pairing {
	byCode := map[string]int{}
	var out []pairing
	for i := range b {
		byCode[b[i].DeptCode] = len(out)
		out = append(out, pairing{code: b[i].DeptCode, to: &b[i]})
	}
	for i := range a {
		if j, ok := byCode[a[i].DeptCode]; ok {
			out[j].from = &a[i]
		} else {
			out = append(out, pairing{code: a[i].DeptCode, from: &a[i]})
		}
	}
	return out
}

// differs says whether a department reads differently in two rankings: listed in one only, or
// another total (at 2 decimals, as shown and ranked), rank, grade, status, name or group.
func differs(a, b *govscore.Standing) bool {
	if a == nil || b == nil {
		return a != b
	}
	return report.Round2(a.Total) != report.Round2(b.Total) || a.Rank != b.Rank || a.Grade != b.Grade ||
		a.Status != b.Status || a.DeptName != b.DeptName || a.Group != b.Group
}

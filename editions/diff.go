package editions

import (
	"context"
	"database/sql"
	"sort"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/period"
)

// Between names the two sides of a diff: edition From (0: the latest) and edition To (0: the
// current results), of the whole period or of one group.
type Between struct {
	Period, Group string
	From, To      int
}

// Comparison is what changed between two sides, department by department.
type Comparison struct {
	Period string            `json:"month"`
	Group  string            `json:"group"`
	From   govscore.Edition  `json:"from"`
	To     *govscore.Edition `json:"to"` // nil: the current results
	// Stale, comparing with the current results, names a change not scored yet (a department
	// and period, or a period): the current results do not show it until `score` runs.
	Stale   string   `json:"stale,omitempty"`
	Changes []Change `json:"changes"`
}

// Change is one department that reads differently, and every cause found.
type Change struct {
	DeptCode string             `json:"dept_code"`
	DeptName string             `json:"dept_name"`
	Group    string             `json:"group"`
	From     *govscore.Standing `json:"from"` // nil: not listed then
	To       *govscore.Standing `json:"to"`   // nil: not listed now
	Causes   []Cause            `json:"causes"`
}

// Diff names each department whose total, rank, grade, status, name or group differs between
// the two sides, by how much, and why.
func Diff(ctx context.Context, db *sql.DB, b Between) (*Comparison, error) {
	p, err := period.Parse(b.Period)
	if err != nil {
		return nil, err
	}
	b.Period = p.String()
	from, fromID, err := find(ctx, db, b.Period, b.Group, orLatest(ctx, db, b, b.From))
	if err != nil {
		return nil, err
	}
	c := &Comparison{Period: b.Period, Group: b.Group, From: from}
	a, err := published(ctx, db, from, fromID, b.Group)
	if err != nil {
		return nil, err
	}
	z, err := side(ctx, db, b, c)
	if err != nil {
		return nil, err
	}
	k, err := newCauses(ctx, db, c, a, z)
	if err != nil {
		return nil, err
	}
	for _, pr := range pair(a.rows, z.rows) {
		if differs(pr.from, pr.to) {
			c.Changes = append(c.Changes, k.change(ctx, pr))
		}
	}
	sortChanges(c.Changes)
	return c, k.err
}

// side is the To side of b: edition b.To, or the current results (then c.To stays nil).
func side(ctx context.Context, db *sql.DB, b Between, c *Comparison) (*state, error) {
	if b.To == 0 {
		var err error
		if c.Stale, err = staleMark(ctx, db, b.Period); err != nil {
			return nil, err
		}
		return current(ctx, db, b.Period, b.Group)
	}
	to, id, err := find(ctx, db, b.Period, b.Group, b.To)
	if err != nil {
		return nil, err
	}
	c.To = &to
	return published(ctx, db, to, id, b.Group)
}

// orLatest is n, or the number of the latest edition of b's group when it was published alone,
// else of the whole period (0: none).
func orLatest(ctx context.Context, db *sql.DB, b Between, n int) int {
	if n > 0 {
		return n
	}
	if b.Group != "" {
		if latest, err := Latest(ctx, db, b.Period, b.Group); err == nil && latest > 0 {
			return latest
		}
	}
	latest, _ := Latest(ctx, db, b.Period, "")
	return latest
}

// sortChanges orders changes by group, then by rank now (departments no longer listed last),
// then by code.
func sortChanges(cs []Change) {
	key := func(c Change) (string, int) {
		if c.To == nil || c.To.Rank == 0 {
			return c.Group, 1 << 30
		}
		return c.Group, c.To.Rank
	}
	sort.SliceStable(cs, func(i, j int) bool {
		gi, ri := key(cs[i])
		gj, rj := key(cs[j])
		if gi != gj {
			return gi < gj
		}
		if ri != rj {
			return ri < rj
		}
		return cs[i].DeptCode < cs[j].DeptCode
	})
}

package editions

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/adjustments"
	"github.com/govscore/govscore/locale"
	sqlfs "github.com/govscore/govscore/sql"
)

// Cause is one reason a department reads differently: its data, an adjustment or withdrawal,
// its registry entry, the rule set, or nothing of its own (others moved around it).
type Cause struct {
	Kind       string               `json:"kind"` // data, adjustment, withdrawal, registry, rules, others
	Data       *DataChange          `json:"data,omitempty"`
	Adjustment *govscore.Adjustment `json:"adjustment,omitempty"`
	Registry   *RegistryChange      `json:"registry,omitempty"`
	Rules      *[2]RuleSet          `json:"rules,omitempty"` // from, to
	ZH         string               `json:"zh"`              // the cause as people read it
	EN         string               `json:"en"`
}

// Text is the cause as people read it.
func (c Cause) Text() locale.Text { return locale.Text{ZH: c.ZH, EN: c.EN} }

// DataChange is another version of a department-period's data, and where the newer one came from.
type DataChange struct {
	Period string    `json:"month"`
	From   int       `json:"from_version"` // 0: no data
	To     int       `json:"to_version"`   // 0: no data
	Batch  int64     `json:"batch"`
	File   string    `json:"file"`
	Author string    `json:"author"`
	Reason string    `json:"reason"`
	At     time.Time `json:"ingested_at"`
}

// RegistryChange is a change of a department's registry entry that moves it in a ranking.
type RegistryChange struct {
	Field  string `json:"field"` // name, group, active (months), added, removed
	Before string `json:"before"`
	After  string `json:"after"`
}

// RuleSet names a rule set by name, version and content hash.
type RuleSet struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Hash    string `json:"hash"`
}

// causes finds the causes of changes between sides a and z, looking up batches and
// adjustments as it goes; the first error is kept in err.
type causes struct {
	db      *sql.DB
	c       *Comparison
	a, z    *state
	adj     map[int64]govscore.Adjustment
	batches map[int64]DataChange
	later   map[string][]DataChange // by department: see earlier
	err     error
}

func newCauses(ctx context.Context, db *sql.DB, c *Comparison, a, z *state) (*causes, error) {
	list, err := adjustments.List(ctx, db, adjustments.Filter{Period: c.Period})
	if err != nil {
		return nil, err
	}
	k := &causes{db: db, c: c, a: a, z: z, adj: map[int64]govscore.Adjustment{}, batches: map[int64]DataChange{}}
	for _, x := range list {
		k.adj[x.ID] = x
	}
	return k, nil
}

// change is pairing p as a Change with its causes.
func (k *causes) change(ctx context.Context, p pairing) Change {
	ch := Change{DeptCode: p.code, From: p.from, To: p.to}
	if s := p.to; s != nil {
		ch.DeptName, ch.Group = s.DeptName, s.Group
	} else {
		ch.DeptName, ch.Group = p.from.DeptName, p.from.Group
	}
	ch.Causes = append(ch.Causes, k.data(ctx, p.code)...)
	ch.Causes = append(ch.Causes, k.adjustments(p.code)...)
	ch.Causes = append(ch.Causes, k.registry(p)...)
	if k.a.rules.Hash != k.z.rules.Hash {
		ch.Causes = append(ch.Causes, rulesCause(k.a.rules, k.z.rules))
	}
	if len(ch.Causes) == 0 {
		ch.Causes = append(ch.Causes, k.earlier(ctx, p.code)...)
	}
	if len(ch.Causes) == 0 {
		ch.Causes = []Cause{{Kind: "others", ZH: "本部门的数据、调整和登记均未变:排名随其他部门的变化而变",
			EN: "nothing of its own changed: its rank moved with other departments' changes"}}
	}
	return ch
}

// data are the department's periods whose data version differs.
func (k *causes) data(ctx context.Context, dept string) []Cause {
	from, to := versionsByPeriod(k.a.data[dept]), versionsByPeriod(k.z.data[dept])
	var out []Cause
	for _, p := range unionKeys(from, to) {
		a, z := from[p], to[p]
		if a.Version == z.Version && a.Batch == z.Batch {
			continue
		}
		batch := z.Batch
		if batch == 0 {
			batch = a.Batch
		}
		d := k.batch(ctx, batch)
		d.Period, d.From, d.To = p, a.Version, z.Version
		out = append(out, dataCause(d))
	}
	return out
}

// batch is where batch id's rows came from: file, author, reason, time.
func (k *causes) batch(ctx context.Context, id int64) DataChange {
	if d, ok := k.batches[id]; ok {
		return d
	}
	d := DataChange{Batch: id}
	err := k.db.QueryRowContext(ctx, sqlfs.Query("editionBatch"), id).Scan(&d.File, &d.Author, &d.Reason, &d.At)
	if err != nil && err != sql.ErrNoRows && k.err == nil {
		k.err = err
	}
	k.batches[id] = d
	return d
}

// adjustments are the adjustments that count on one side only.
func (k *causes) adjustments(dept string) []Cause {
	from, to := adjIDs(k.a.adj[dept]), adjIDs(k.z.adj[dept])
	var out []Cause
	for _, id := range unionKeys(from, to) {
		a := k.adj[id]
		switch {
		case from[id] && !to[id]:
			out = append(out, withdrawalCause(a))
		case to[id] && !from[id]:
			out = append(out, adjustmentCause(a))
		}
	}
	return out
}

// earlier are the department's data versions of earlier periods of the year ingested after
// the From edition (and before the To edition): rules that look back (training over the
// quarter) and year-to-date figures read them. They are read once for every department.
func (k *causes) earlier(ctx context.Context, dept string) []Cause {
	if k.later == nil {
		k.later = map[string][]DataChange{}
		k.err = errors.Join(k.err, k.readEarlier(ctx))
	}
	var out []Cause
	for _, d := range k.later[dept] {
		out = append(out, dataCause(d))
	}
	return out
}

func (k *causes) readEarlier(ctx context.Context) error {
	var until any // the current results: no bound
	if k.c.To != nil {
		until = k.c.To.PublishedAt
	}
	rows, err := k.db.QueryContext(ctx, sqlfs.Query("editionEarlierData"), k.c.Period, k.c.From.PublishedAt, until)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var dept string
		var d DataChange
		if err := rows.Scan(&dept, &d.Period, &d.To, &d.Batch, &d.File, &d.Author, &d.Reason, &d.At); err != nil {
			return err
		}
		d.From = d.To - 1
		k.later[dept] = append(k.later[dept], d)
	}
	return rows.Err()
}

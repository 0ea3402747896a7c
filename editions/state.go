package editions

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/scoring"
	sqlfs "github.com/govscore/govscore/sql"
)

// state is a ranking with what it was made from: the current one (from results, the registry,
// activity and adjustments) or an edition's (from what the edition kept). Publish stores one;
// diff compares two.
type state struct {
	rows  []govscore.Standing
	reg   map[string]govscore.Registration // by department: name, group, active months
	data  map[string][]dataRef             // by department: the current version of each of its periods' data
	adj   map[string][]adjRef              // by department: the adjustments that count
	rules ruleRef
}

// dataRef is one version of a department-period's activity.
type dataRef struct {
	Period  string
	Version int
	Batch   int64
}

// adjRef is an adjustment that counts.
type adjRef struct {
	ID     int64
	Points float64
}

// ruleRef is the rule set behind a ranking, and the newest score run that used it.
type ruleRef struct {
	Name, Version, Hash string
	Run                 int64
}

// Querier runs queries: a *sql.DB, *sql.Conn or *sql.Tx.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// current is the period's ranking as scored now, of every group or of group g.
func current(ctx context.Context, db *sql.DB, period, g string) (*state, error) {
	rows, err := scoring.Rank(ctx, db, period, g)
	if err != nil {
		return nil, err
	}
	s := &state{rows: rows}
	if s.reg, err = registry(ctx, db); err != nil {
		return nil, err
	}
	if s.data, err = dataVersions(ctx, db, sqlfs.Query("editionCurrentData"), period); err != nil {
		return nil, err
	}
	if s.adj, err = adjustmentRefs(ctx, db, sqlfs.Query("editionCurrentAdjustments"), period); err != nil {
		return nil, err
	}
	err = db.QueryRowContext(ctx, sqlfs.Query("editionCurrentRules"), period, orNull(g)).Scan(&s.rules.Name, &s.rules.Version, &s.rules.Hash, &s.rules.Run)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%s: %w", period, govscore.ErrNotScored)
	}
	return s, err
}

// registry is every department's entry in the registry now.
func registry(ctx context.Context, q Querier) (map[string]govscore.Registration, error) {
	rows, err := q.QueryContext(ctx, sqlfs.Query("editionRegistry"))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]govscore.Registration{}
	for rows.Next() {
		var r govscore.Registration
		if err := rows.Scan(&r.Code, &r.Name, &r.Group, &r.From, &r.To); err != nil {
			return nil, err
		}
		out[r.Code] = r
	}
	return out, rows.Err()
}

// dataVersions runs query (its one parameter is arg) for department, period, version, batch.
func dataVersions(ctx context.Context, q Querier, query string, arg any) (map[string][]dataRef, error) {
	rows, err := q.QueryContext(ctx, query, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]dataRef{}
	for rows.Next() {
		var dept string
		var d dataRef
		if err := rows.Scan(&dept, &d.Period, &d.Version, &d.Batch); err != nil {
			return nil, err
		}
		out[dept] = append(out[dept], d)
	}
	return out, rows.Err()
}

// adjustmentRefs runs query (its one parameter is arg) for department, adjustment id, points.
func adjustmentRefs(ctx context.Context, q Querier, query string, arg any) (map[string][]adjRef, error) {
	rows, err := q.QueryContext(ctx, query, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]adjRef{}
	for rows.Next() {
		var dept string
		var a adjRef
		if err := rows.Scan(&dept, &a.ID, &a.Points); err != nil {
			return nil, err
		}
		out[dept] = append(out[dept], a)
	}
	return out, rows.Err()
}

func orNull(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// published is edition ed's (id's) ranking with what it was made from, of group g or all ("").
func published(ctx context.Context, q Querier, ed govscore.Edition, id int64, g string) (*state, error) {
	rows, reg, err := standings(ctx, q, id, g)
	if err != nil {
		return nil, err
	}
	s := &state{rows: rows, reg: reg, rules: ruleRef{Name: ed.RuleSet, Version: ed.RuleSetVersion, Hash: ed.RuleSetHash}}
	if s.data, err = dataVersions(ctx, q, sqlfs.Query("editionData"), id); err != nil {
		return nil, err
	}
	s.adj, err = adjustmentRefs(ctx, q, sqlfs.Query("editionAdjustments"), id)
	return s, err
}

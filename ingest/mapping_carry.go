package ingest

import (
	"context"
	"database/sql"
	"math"
	"strings"

	sqlfs "github.com/govscore/govscore/sql"
)

// A mapped file speaks only for the metrics it maps: when it brings a new version of a
// department-period, the other metrics keep their current values. So a source of request
// figures does not erase what a portal export said about the same department and month.

// carry loads the current values of the metrics the mapping does not feed, for the periods the
// file holds (read in a first pass over content).
func (p *mapParser) carry(ctx context.Context, q *sql.Conn, name string, content []byte) error {
	others := p.unmapped()
	if len(others) == 0 {
		return nil
	}
	cols := make([]string, len(others))
	for i, m := range others {
		cols[i] = sqlfs.Ident(p.c.metrics[m].Code)
	}
	var found bool
	err := q.QueryRowContext(ctx, `SELECT count(*) > 0 FROM activity WHERE current AND (`+strings.Join(cols, ` IS NOT NULL OR `)+` IS NOT NULL)`).Scan(&found)
	if err != nil || !found {
		return err // nothing to carry: spare the first pass
	}
	periods, err := p.periods(name, content)
	if err != nil || len(periods) == 0 {
		return err
	}
	args := make([]any, len(periods))
	for i, per := range periods {
		args[i] = per
	}
	rows, err := q.QueryContext(ctx, `SELECT dept_code, period, `+strings.Join(cols, ", ")+` FROM activity
		WHERE current AND period IN (?`+strings.Repeat(", ?", len(periods)-1)+`)`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	return p.readCarried(rows, others)
}

func (p *mapParser) readCarried(rows *sql.Rows, others []int) error {
	p.carried = map[[2]string][]float64{}
	vals := make([]sql.NullFloat64, len(others))
	dest := make([]any, len(others)+2)
	var dept, per string
	dest[0], dest[1] = &dept, &per
	for i := range vals {
		dest[i+2] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		v := make([]float64, len(p.c.metrics))
		for i := range v {
			v[i] = math.NaN()
		}
		for i, m := range others {
			if vals[i].Valid {
				v[m] = vals[i].Float64
			}
		}
		p.carried[[2]string{dept, per}] = v
	}
	return rows.Err()
}

// unmapped lists the catalog metrics, already columns of activity, that the mapping does not feed.
func (p *mapParser) unmapped() []int {
	fed := map[int]bool{}
	for _, mc := range p.l.metrics {
		fed[mc.metric] = true
	}
	for _, code := range p.declared {
		fed[p.c.byName[code]] = true
	}
	var out []int
	for i := range p.c.metrics {
		if !fed[i] {
			out = append(out, i)
		}
	}
	return out
}

// periods lists the distinct periods of the file's rows; cells that do not parse are left to
// the second pass to report.
func (p *mapParser) periods(name string, content []byte) ([]string, error) {
	if p.l.period < 0 {
		per, err := p.parsePeriod(p.m.Period.Value)
		return []string{per.String()}, err
	}
	t, err := readTable(name, content)
	if err != nil {
		return nil, err
	}
	defer t.close()
	seen := map[string]bool{}
	var out []string
	err = t.rows(func(_ int, rec []string) error {
		if per, err := p.parsePeriod(cell(rec, p.l.period)); err == nil && !seen[per.String()] {
			seen[per.String()] = true
			out = append(out, per.String())
		}
		return nil
	})
	return out, err
}

// withCarried fills a record's unmapped metrics from the current version, if any.
func (p *mapParser) withCarried(r record) {
	cur, ok := p.carried[[2]string{r.dept, r.period}]
	if !ok {
		return
	}
	for i, v := range cur {
		if !math.IsNaN(v) {
			r.values[i] = v
		}
	}
}

package ingest

import (
	"context"
	"fmt"
	"strings"
)

// declare adds the mapping's new metrics to the in-memory catalog and returns their codes; a
// metric already in the catalog must agree with what the mapping says of it.
func (m *Mapping) declare(ctx context.Context, q querier, c *catalog) ([]string, error) {
	reserved, err := reservedWords(ctx, q)
	if err != nil {
		return nil, err
	}
	var added []string
	for i, mm := range m.Metrics {
		where := fmt.Sprintf("mapping: metrics %d (%s)", i+1, mm.Code)
		if idx, ok := c.byName[mm.Code]; ok && c.metrics[idx].Code == mm.Code {
			if err := agrees(c.metrics[idx], mm); err != nil {
				return nil, fmt.Errorf("%s: %w", where, err)
			}
			continue
		}
		nm := Metric{Code: mm.Code, Name: mm.Name, NameEN: mm.NameEN, Unit: mm.Unit, Kind: mm.Kind}
		if nm.NameEN == "" {
			nm.NameEN = nm.Name
		}
		switch {
		case nm.Name == "" || nm.Unit == "" || nm.Kind == "":
			return nil, fmt.Errorf("%s: a new metric needs a name, a unit and a kind (count, rate or amount)", where)
		case reserved[mm.Code]:
			return nil, fmt.Errorf("%s: %q is a reserved word of SQL; choose another code", where, mm.Code)
		}
		for _, n := range []string{nm.Name, strings.ToLower(nm.NameEN)} {
			if other, taken := c.byName[n]; taken {
				return nil, fmt.Errorf("%s: the name %q is already metric %s's", where, n, c.metrics[other].Code)
			}
		}
		i := len(c.metrics)
		c.metrics = append(c.metrics, nm)
		c.byName[nm.Code], c.byName[nm.Name], c.byName[strings.ToLower(nm.NameEN)] = i, i, i
		added = append(added, nm.Code)
	}
	return added, nil
}

// agrees checks what a mapping says of a metric already in the catalog.
func agrees(have Metric, mm MetricMapping) error {
	for _, f := range [][3]string{{"name", mm.Name, have.Name}, {"unit", mm.Unit, have.Unit}, {"kind", mm.Kind, have.Kind}} {
		if f[1] != "" && f[1] != f[2] {
			return fmt.Errorf("the catalog already has this metric with %s %q, not %q", f[0], f[2], f[1])
		}
	}
	return nil
}

func reservedWords(ctx context.Context, q querier) (map[string]bool, error) {
	rows, err := q.QueryContext(ctx, `SELECT keyword_name FROM duckdb_keywords() WHERE keyword_category = 'reserved'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			return nil, err
		}
		out[strings.ToLower(w)] = true
	}
	return out, rows.Err()
}

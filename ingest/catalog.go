package ingest

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	sqlfs "github.com/govscore/govscore/sql"
)

// Metric is one entry of the metric catalog.
type Metric struct {
	Code, Name, NameEN, Unit, Kind string
}

// catalog is what ingest checks rows against: the metrics and the department list.
type catalog struct {
	metrics []Metric
	byName  map[string]int // code, Chinese name and lower-case English name → index
	depts   map[string]dept
	names   map[string]string // any name a department has had → code
}

type dept struct {
	code, name, grp string
	from, to        string // YYYY-MM or ""
}

func loadCatalog(ctx context.Context, q querier) (*catalog, error) {
	c := &catalog{byName: map[string]int{}, depts: map[string]dept{}, names: map[string]string{}}
	if err := c.loadMetrics(ctx, q); err != nil {
		return nil, fmt.Errorf("load metric catalog: %w", err)
	}
	if err := c.loadDepts(ctx, q); err != nil {
		return nil, fmt.Errorf("load departments: %w", err)
	}
	return c, nil
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func (c *catalog) loadMetrics(ctx context.Context, q querier) error {
	rows, err := q.QueryContext(ctx, sqlfs.Query("loadMetrics"))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var m Metric
		if err := rows.Scan(&m.Code, &m.Name, &m.NameEN, &m.Unit, &m.Kind); err != nil {
			return err
		}
		i := len(c.metrics)
		c.metrics = append(c.metrics, m)
		c.byName[m.Code], c.byName[m.Name], c.byName[strings.ToLower(m.NameEN)] = i, i, i
	}
	return rows.Err()
}

func (c *catalog) loadDepts(ctx context.Context, q querier) error {
	rows, err := q.QueryContext(ctx, sqlfs.Query("loadDepts"))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var d dept
		var former []any
		var from, to sql.NullString
		if err := rows.Scan(&d.code, &d.name, &d.grp, &from, &to, &former); err != nil {
			return err
		}
		d.from, d.to = from.String, to.String
		c.depts[d.code] = d
		c.names[d.name] = d.code
		for _, f := range former {
			if s, ok := f.(string); ok {
				c.names[s] = d.code
			}
		}
	}
	return rows.Err()
}

// metric finds a metric by code, Chinese name or English name.
func (c *catalog) metric(header string) (int, bool) {
	if i, ok := c.byName[header]; ok {
		return i, true
	}
	i, ok := c.byName[strings.ToLower(header)]
	return i, ok
}

// knownMetrics lists the catalog as "code (名称)" for error messages.
func (c *catalog) knownMetrics() string {
	parts := make([]string, len(c.metrics))
	for i, m := range c.metrics {
		parts[i] = m.Name + " (" + m.Code + ")"
	}
	return strings.Join(parts, ", ")
}

// groups lists the groups in use, sorted.
func (c *catalog) groups() []string {
	seen := map[string]bool{}
	for _, d := range c.depts {
		seen[d.grp] = true
	}
	out := make([]string, 0, len(seen))
	for g := range seen {
		out = append(out, g)
	}
	sort.Strings(out)
	return out
}

// active reports whether d is scored in month p (YYYY-MM).
func (d dept) active(p string) bool {
	return (d.from == "" || p >= d.from) && (d.to == "" || p <= d.to)
}

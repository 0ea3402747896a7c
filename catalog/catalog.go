// Package catalog is the metric catalog as people read it: each metric's names, unit and kind
// from the database, with its definition, plausible maximum and the cross-field checks from
// definitions.yaml. The fill-in template and docs/metrics.md are written from it.
package catalog

import (
	"context"
	"database/sql"
	_ "embed"
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/govscore/govscore/locale"
	sqlfs "github.com/govscore/govscore/sql"
)

// Metric is one metric of the catalog and what it counts.
type Metric struct {
	Code, Name, NameEN, Unit string
	Kind                     string      // count, rate (a percentage, 0–100) or amount
	Definition               locale.Text // empty for a metric definitions.yaml does not know (declared by a mapping)
	Max                      float64     // a count's plausible monthly maximum; 0 = none given
}

// Check is a cross-field rule ingest enforces on every row: the sum of Left may not exceed
// the sum of Right, an empty cell counting as 0.
type Check struct {
	Left, Right []string
	Text        locale.Text
}

//go:embed definitions.yaml
var definitionsYAML []byte

type definition struct {
	Max float64 `yaml:"max"`
	ZH  string  `yaml:"zh"`
	EN  string  `yaml:"en"`
}

type definitions struct {
	Metrics map[string]definition `yaml:"metrics"`
	Checks  []struct {
		Left  []string `yaml:"left"`
		Right []string `yaml:"right"`
		ZH    string   `yaml:"zh"`
		EN    string   `yaml:"en"`
	} `yaml:"checks"`
}

var defs = func() definitions {
	var d definitions
	if err := yaml.Unmarshal(definitionsYAML, &d); err != nil {
		panic("catalog: definitions.yaml: " + err.Error())
	}
	return d
}()

// Load reads the catalog of db in its order, each metric with its definition.
func Load(ctx context.Context, db *sql.DB) ([]Metric, error) {
	rows, err := db.QueryContext(ctx, sqlfs.Query("loadMetrics"))
	if err != nil {
		return nil, fmt.Errorf("metric catalog: %w", err)
	}
	defer rows.Close()
	var out []Metric
	for rows.Next() {
		var m Metric
		if err := rows.Scan(&m.Code, &m.Name, &m.NameEN, &m.Unit, &m.Kind); err != nil {
			return nil, err
		}
		d := defs.Metrics[m.Code]
		m.Definition, m.Max = locale.Text{ZH: d.ZH, EN: d.EN}, d.Max
		out = append(out, m)
	}
	return out, rows.Err()
}

// Checks are the cross-field rules, in the order ingest reports them.
func Checks() []Check {
	out := make([]Check, len(defs.Checks))
	for i, c := range defs.Checks {
		out[i] = Check{Left: c.Left, Right: c.Right, Text: locale.Text{ZH: c.ZH, EN: c.EN}}
	}
	return out
}

// Involves says whether the check reads metric code.
func (c Check) Involves(code string) bool {
	for _, s := range append(append([]string{}, c.Left...), c.Right...) {
		if s == code {
			return true
		}
	}
	return false
}

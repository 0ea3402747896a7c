package ingest

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/govscore/govscore/period"
)

// Mapping says how to read one kind of source that is not in govscore's own format: which
// columns name the department and the period, which feed which metrics (declaring new ones),
// how cells are written, and which rows to leave out. It is a YAML file a clerk edits.
type Mapping struct {
	Name       string           `yaml:"name"`
	Department DeptMapping      `yaml:"department"`
	Period     PeriodMapping    `yaml:"period"`
	Values     ValueMapping     `yaml:"values"`
	Skip       []SkipRule       `yaml:"skip"`
	Metrics    []MetricMapping  `yaml:"metrics"`
	raw        []byte           // the file as read, part of a batch's fingerprint
	keep       map[string]bool  // period kinds kept
	missing    map[string]bool  // lower-cased cells meaning "not reported"
	matchers   []*regexp.Regexp // Skip[i].Matches compiled, nil when not given
}

// DeptMapping names the department columns and what to do with departments not yet listed.
type DeptMapping struct {
	Name        string `yaml:"name"`         // the column holding the department's name
	Code        string `yaml:"code"`         // the column holding its code; a code wins over a name
	Register    bool   `yaml:"register"`     // add unknown departments to the department list
	Group       string `yaml:"group"`        // the group registered departments join
	GroupColumn string `yaml:"group_column"` // or: the column naming each registered department's group
}

// PeriodMapping names the period column (or one period for the whole file) and the kinds kept.
type PeriodMapping struct {
	Column string   `yaml:"column"` // the column holding the period: 2014-11, Q1 2020, 2020, ...
	Value  string   `yaml:"value"`  // or: the period of every row
	Keep   []string `yaml:"keep"`   // month, quarter, year; rows of other kinds are skipped (default: all)
}

// ValueMapping says how numbers are written.
type ValueMapping struct {
	Missing   []string `yaml:"missing"`   // cells meaning "not reported", besides a blank: stored as NULL, never 0
	Thousands string   `yaml:"thousands"` // thousands separator, removed (default ",")
	Decimal   string   `yaml:"decimal"`   // decimal mark (default ".")
}

// SkipRule leaves out rows whose cell in Column equals one of Equals, matches Matches, or is
// blank when Blank is set.
type SkipRule struct {
	Column  string   `yaml:"column"`
	Equals  []string `yaml:"equals"`
	Matches string   `yaml:"matches"`
	Blank   bool     `yaml:"blank"`
}

// MetricMapping feeds one column into one metric. When Code is not in the catalog yet, Name,
// Unit and Kind declare it; when it is, any of them given must agree with the catalog.
type MetricMapping struct {
	Column     string `yaml:"column"`
	Occurrence int    `yaml:"occurrence"` // which of several columns headed the same (1 = first)
	Code       string `yaml:"code"`
	Name       string `yaml:"name"`
	NameEN     string `yaml:"name_en"`
	Unit       string `yaml:"unit"`
	Kind       string `yaml:"kind"` // count, rate (a percentage) or amount
}

// LoadMapping reads and checks a mapping file.
func LoadMapping(path string) (*Mapping, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("mapping: %w", err)
	}
	m, err := ParseMapping(raw)
	if err != nil {
		return nil, fmt.Errorf("mapping %s: %w", path, err)
	}
	return m, nil
}

// ParseMapping reads and checks a mapping held in memory.
func ParseMapping(raw []byte) (*Mapping, error) {
	m := &Mapping{raw: raw}
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(m); err != nil {
		return nil, err
	}
	return m, m.validate()
}

var periodKinds = map[string]bool{"month": true, "quarter": true, "year": true}

func (m *Mapping) validate() error {
	d := m.Department
	switch {
	case d.Name == "" && d.Code == "":
		return fmt.Errorf("department: give the column holding the department's name (name:) or code (code:)")
	case d.Register && d.Group == "" && d.GroupColumn == "":
		return fmt.Errorf("department: register: true needs the group new departments join (group:) or a column naming it (group_column:)")
	case (m.Period.Column == "") == (m.Period.Value == ""):
		return fmt.Errorf("period: give either the column holding the period (column:) or one period for every row (value:)")
	case len(m.Metrics) == 0:
		return fmt.Errorf("metrics: map at least one column to a metric")
	}
	m.keep = map[string]bool{}
	for _, k := range m.Period.Keep {
		if !periodKinds[k] {
			return fmt.Errorf("period: keep: %q is not month, quarter or year", k)
		}
		m.keep[k] = true
	}
	if len(m.keep) == 0 {
		m.keep = periodKinds
	}
	if p := m.Period.Value; p != "" {
		if _, err := period.Parse(p); err != nil {
			return fmt.Errorf("period: value: %w", err)
		}
	}
	if err := m.validateValues(); err != nil {
		return err
	}
	if err := m.validateSkip(); err != nil {
		return err
	}
	return m.validateMetrics()
}

func (m *Mapping) validateValues() error {
	v := &m.Values
	if v.Thousands == "" {
		v.Thousands = ","
	}
	if v.Decimal == "" {
		v.Decimal = "."
	}
	if v.Thousands == v.Decimal {
		return fmt.Errorf("values: the thousands separator and the decimal mark are both %q", v.Decimal)
	}
	m.missing = map[string]bool{"": true}
	for _, s := range v.Missing {
		m.missing[strings.ToLower(strings.TrimSpace(s))] = true
	}
	return nil
}

func (m *Mapping) validateSkip() error {
	m.matchers = make([]*regexp.Regexp, len(m.Skip))
	for i, s := range m.Skip {
		if s.Column == "" || len(s.Equals) == 0 && s.Matches == "" && !s.Blank {
			return fmt.Errorf("skip %d: give a column and what to skip: equals: [...], matches: REGEXP or blank: true", i+1)
		}
		if s.Matches == "" {
			continue
		}
		re, err := regexp.Compile(s.Matches)
		if err != nil {
			return fmt.Errorf("skip %d: matches: %w", i+1, err)
		}
		m.matchers[i] = re
	}
	return nil
}

// reservedColumns are activity's own columns, and the ones rules see next to the metrics.
var reservedColumns = map[string]bool{"dept_code": true, "period": true, "version": true, "current": true,
	"batch_id": true, "row_no": true, "values_hash": true, "grp": true, "submitted": true}

var metricKinds = map[string]bool{"count": true, "rate": true, "amount": true}

func (m *Mapping) validateMetrics() error {
	codes := map[string]bool{}
	for i, mm := range m.Metrics {
		where := fmt.Sprintf("metrics %d (%s)", i+1, mm.Column)
		switch {
		case mm.Column == "":
			return fmt.Errorf("metrics %d: no column: say which column of the file feeds it", i+1)
		case !metricCodeRE.MatchString(mm.Code) || reservedColumns[mm.Code]:
			return fmt.Errorf("%s: code %q must be lower-case letters, digits and _ (starting with a letter or _), and not one of activity's own columns", where, mm.Code)
		case codes[mm.Code]:
			return fmt.Errorf("%s: metric %s is fed by two columns", where, mm.Code)
		case mm.Kind != "" && !metricKinds[mm.Kind]:
			return fmt.Errorf("%s: kind %q must be count, rate or amount", where, mm.Kind)
		case mm.Occurrence < 0:
			return fmt.Errorf("%s: occurrence must be 1 or more", where)
		}
		codes[mm.Code] = true
	}
	return nil
}

var metricCodeRE = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)

// Package scoring turns current activity into score lines, totals, grades and ranks by running a
// rule set: a folder of SQL files and the parameters an office clerk edits.
package scoring

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"

	"gopkg.in/yaml.v3"

	sqlfs "github.com/govscore/govscore/sql"
)

// RuleSet is a versioned set of scoring rules and their parameters.
type RuleSet struct {
	Name          string   `yaml:"name"`
	NameEN        string   `yaml:"name_en"`
	Version       string   `yaml:"version"`
	EffectiveFrom string   `yaml:"effective_from"`
	Granularity   string   `yaml:"granularity"` // month, quarter or year
	Lookback      string   `yaml:"lookback"`    // none, quarter or year: how far back rules read
	BonusCap      *float64 `yaml:"bonus_cap"`   // nil: no cap
	Absent        string   `yaml:"absent"`      // missing (default): a department with no data scores 0 as 未报送; skip: not listed
	// PerDepartment says every department's lines come from its own data alone (no rule reads
	// other departments), so a correction re-scores that department, not its whole period.
	PerDepartment bool             `yaml:"per_department"`
	Grades        []Grade          `yaml:"grades"`
	Params        map[string]Param `yaml:"params"`
	Rules         []Rule           `yaml:"rules"`

	Hash string            `yaml:"-"` // sha256 of ruleset.yaml and every rule file
	SQL  map[string]string `yaml:"-"` // rule file → its text
	fsys fs.FS
}

// Grade is one 等次 and the lowest total that earns it.
type Grade struct {
	Name   string  `yaml:"name"`
	NameEN string  `yaml:"name_en"`
	Min    float64 `yaml:"min"`
}

// Rule is one SQL file producing the lines of one indicator.
type Rule struct {
	File      string   `yaml:"file"`
	Indicator string   `yaml:"indicator"`
	Name      string   `yaml:"name"`
	NameEN    string   `yaml:"name_en"`
	Kind      string   `yaml:"kind"`  // score, deduction, bonus, veto, or unranked (listed, not graded or ranked)
	Min       *float64 `yaml:"min"`   // the least a department-period may get from this rule
	Max       *float64 `yaml:"max"`   // the most
	Stage     int      `yaml:"stage"` // 2: runs after the others and may read their lines
}

// Param is a number per group; the "*" entry applies to groups not named.
type Param map[string]float64

// UnmarshalYAML accepts a bare number (every group) or a map of group → number.
func (p *Param) UnmarshalYAML(n *yaml.Node) error {
	var v float64
	if n.Kind == yaml.ScalarNode {
		if err := n.Decode(&v); err != nil {
			return fmt.Errorf("line %d: parameter must be a number or a map of group: number", n.Line)
		}
		*p = Param{"*": v}
		return nil
	}
	m := map[string]float64{}
	if err := n.Decode(&m); err != nil {
		return fmt.Errorf("line %d: parameter must be a number or a map of group: number", n.Line)
	}
	*p = m
	return nil
}

// For is the parameter's value for a group, and whether it has one.
func (p Param) For(group string) (float64, bool) {
	if v, ok := p[group]; ok {
		return v, true
	}
	v, ok := p["*"]
	return v, ok
}

// Default is the embedded default rule set, PRODUCT.md's 考核细则.
func Default() *RuleSet {
	sub, err := fs.Sub(sqlfs.DefaultRules, "rules/default")
	if err != nil {
		panic(err)
	}
	rs, err := Load(sub, "default")
	if err != nil {
		panic("the embedded default rule set is invalid: " + err.Error())
	}
	return rs
}

// LoadDir reads a rule set from a folder on disk.
func LoadDir(dir string) (*RuleSet, error) {
	return Load(os.DirFS(dir), dir)
}

var identRE = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)

// Load reads ruleset.yaml and its rule files from fsys; where names it in messages.
func Load(fsys fs.FS, where string) (*RuleSet, error) {
	raw, err := fs.ReadFile(fsys, "ruleset.yaml")
	if err != nil {
		return nil, fmt.Errorf("rule set %s: %w", where, err)
	}
	rs := &RuleSet{SQL: map[string]string{}, fsys: fsys}
	if err := yaml.Unmarshal(raw, rs); err != nil {
		return nil, fmt.Errorf("rule set %s/ruleset.yaml: %w", where, err)
	}
	h := sha256.New()
	h.Write(raw)
	for _, r := range rs.Rules {
		body, err := fs.ReadFile(fsys, r.File)
		if err != nil {
			return nil, fmt.Errorf("rule set %s: rule %s: %w", where, r.Indicator, err)
		}
		rs.SQL[r.File] = string(body)
		fmt.Fprintf(h, "\x00%s\x00%s", r.File, body)
	}
	rs.Hash = hex.EncodeToString(h.Sum(nil))
	if err := rs.validate(); err != nil {
		return nil, fmt.Errorf("rule set %s/ruleset.yaml: %w", where, err)
	}
	return rs, nil
}

func (rs *RuleSet) validate() error {
	if rs.Granularity == "" {
		rs.Granularity = "month"
	}
	if rs.Absent == "" {
		rs.Absent = "missing"
	}
	if rs.Granularity != "month" && rs.Granularity != "quarter" && rs.Granularity != "year" {
		return fmt.Errorf("granularity %q must be month, quarter or year", rs.Granularity)
	}
	if rs.Absent != "missing" && rs.Absent != "skip" {
		return fmt.Errorf("absent %q must be missing or skip", rs.Absent)
	}
	if len(rs.Rules) == 0 {
		return fmt.Errorf("no rules")
	}
	if len(rs.Grades) == 0 {
		return fmt.Errorf("no grades")
	}
	if !sort.SliceIsSorted(rs.Grades, func(i, j int) bool { return rs.Grades[i].Min > rs.Grades[j].Min }) {
		return fmt.Errorf("grades must be listed from the highest minimum to the lowest")
	}
	seen := map[string]bool{}
	for _, r := range rs.Rules {
		switch {
		case !identRE.MatchString(r.Indicator):
			return fmt.Errorf("rule %s: indicator %q must be lower-case letters, digits and _", r.File, r.Indicator)
		case seen[r.Indicator]:
			return fmt.Errorf("rule %s: indicator %q is used twice", r.File, r.Indicator)
		case r.Kind != "score" && r.Kind != "deduction" && r.Kind != "bonus" && r.Kind != "veto" && r.Kind != "unranked":
			return fmt.Errorf("rule %s: kind %q must be score, deduction, bonus, veto or unranked", r.File, r.Kind)
		case r.Name == "":
			return fmt.Errorf("rule %s: no name", r.File)
		}
		seen[r.Indicator] = true
	}
	for k := range rs.Params {
		if !identRE.MatchString(k) {
			return fmt.Errorf("parameter %q must be lower-case letters, digits and _", k)
		}
	}
	return nil
}

// Export writes the rule set's files into dir, to copy and edit.
func (rs *RuleSet) Export(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return fs.WalkDir(rs.fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(rs.fsys, path)
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, path)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, body, 0o644)
	})
}

// Lowest is the grade of a veto or a missing submission.
func (rs *RuleSet) Lowest() Grade { return rs.Grades[len(rs.Grades)-1] }

package scoring

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"strings"
	"time"

	sqlfs "github.com/govscore/govscore/sql"
)

// RuleError is a rule whose SQL failed or whose lines broke the rule's contract.
type RuleError struct {
	File string
	Msg  string
	Rows []string // the offending lines, as department, period, item, points: problem
}

func (e *RuleError) Error() string {
	s := fmt.Sprintf("rule %s: %s", e.File, e.Msg)
	if len(e.Rows) > 0 {
		s += ":\n  " + strings.Join(e.Rows, "\n  ")
	}
	return s
}

// runRules runs every rule of a stage into `lines`, checking each one's output first.
func (e *engine) runRules(ctx context.Context, stage int) error {
	for _, r := range e.rs.Rules {
		if max(r.Stage, 1) != stage {
			continue
		}
		if err := e.runRule(ctx, r); err != nil {
			return err
		}
	}
	return nil
}

func (e *engine) runRule(ctx context.Context, r Rule) error {
	defer trace("rule " + r.File)()
	if e.only != "" {
		// explain renders reasons of lines the scoring run already checked: straight into lines
		_, err := e.tx.ExecContext(ctx, `INSERT INTO lines SELECT period, dept_code, ?, item, ?, points, max_points, reason, reason_en
FROM (`+e.ruleSelect(r, true, "")+`)`, r.Indicator, r.Kind)
		return err
	}
	done := trace("  run " + r.File)
	for _, q := range e.ruleQueries(r) {
		if _, err := e.tx.ExecContext(ctx, q); err != nil {
			return &RuleError{File: r.File, Msg: err.Error()}
		}
	}
	done()
	vars := fmt.Sprintf(`SET VARIABLE kind = '%s'; SET VARIABLE min = %s; SET VARIABLE max = %s`, r.Kind, floatOrNull(r.Min), floatOrNull(r.Max))
	if _, err := e.tx.ExecContext(ctx, vars); err != nil {
		return err
	}
	done = trace("  check " + r.File)
	bad, err := e.checkRule(ctx)
	done()
	if err != nil || len(bad) > 0 {
		if err != nil {
			return &RuleError{File: r.File, Msg: err.Error()}
		}
		return &RuleError{File: r.File, Msg: "invalid lines", Rows: bad}
	}
	_, err = e.tx.ExecContext(ctx, `INSERT INTO lines SELECT period, dept_code, ?, item, ?, points, max_points, reason, reason_en FROM rule_out`, r.Indicator, r.Kind)
	return err
}

// ruleQueries fill rule_out with a rule's lines. Score lines' reason text is formatted only for
// periods from e.reasons on: the other periods' lines come from a query that never reads the reason columns,
// so DuckDB never evaluates them (a CASE around them would not stop that).
func (e *engine) ruleQueries(r Rule) []string {
	const create = "CREATE OR REPLACE TEMP TABLE rule_out AS\n"
	from := "'" + quote(e.reasons) + "'"
	switch {
	case r.Kind != "score":
		// deductions, bonuses and vetoes are few and are what departments dispute: always kept
		return []string{create + e.ruleSelect(r, true, "")}
	case e.reasons == "":
		return []string{create + e.ruleSelect(r, true, "")}
	case e.reasons == "~":
		return []string{create + e.ruleSelect(r, false, "")}
	}
	return []string{create + e.ruleSelect(r, false, "\nWHERE period < "+from+" OR period IS NULL"),
		"INSERT INTO rule_out\n" + e.ruleSelect(r, true, "\nWHERE period >= "+from)}
}

// ruleSelect is a rule's lines in rule_out's columns, with or without their reason text.
func (e *engine) ruleSelect(r Rule, reasons bool, where string) string {
	body := strings.TrimRight(strings.TrimSpace(e.rs.SQL[r.File]), ";")
	cols := `'' AS reason, '' AS reason_en`
	if reasons {
		cols = `CAST(reason AS VARCHAR) AS reason, CAST(reason_en AS VARCHAR) AS reason_en`
	}
	return `SELECT CAST(dept_code AS VARCHAR) AS dept_code, CAST(period AS VARCHAR) AS period, CAST(item AS VARCHAR) AS item,
    CAST(points AS DOUBLE) AS points, CAST(max_points AS DOUBLE) AS max_points, ` + cols + `
FROM (` + body + "\n) rule" + where
}

func (e *engine) checkRule(ctx context.Context) ([]string, error) {
	rows, err := e.tx.QueryContext(ctx, sqlfs.Query("checkRule"))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var bad []string
	for rows.Next() {
		var dept, per, problem string
		var item sql.NullString
		var points sql.NullFloat64
		if err := rows.Scan(&dept, &per, &item, &points, &problem); err != nil {
			return nil, err
		}
		bad = append(bad, fmt.Sprintf("%s %s %s %v: %s", dept, per, item.String, points.Float64, problem))
	}
	return bad, rows.Err()
}

// record writes the run, the indicators it used, and clears the dirty marks.
func (e *engine) record(ctx context.Context, sum Summary, started time.Time) error {
	var dataVersion int64
	if err := e.tx.QueryRowContext(ctx, `SELECT CAST(value AS BIGINT) FROM meta WHERE key = 'data_version'`).Scan(&dataVersion); err != nil {
		return err
	}
	_, err := e.tx.ExecContext(ctx, `INSERT INTO score_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, sum.Run, e.rs.Name, e.rs.Version,
		e.rs.Hash, dataVersion, strings.Join(sum.Periods, ","), sum.Lines, started, e.now().UTC())
	if err != nil {
		return err
	}
	if _, err := e.tx.ExecContext(ctx, `DELETE FROM indicators; DELETE FROM dirty_periods`); err != nil {
		return err
	}
	for i, r := range e.rs.Rules {
		if _, err := e.tx.ExecContext(ctx, `INSERT INTO indicators VALUES (?, ?, ?, ?, ?, ?)`, r.Indicator, r.Name, r.NameEN, r.Kind, r.Max, i+1); err != nil {
			return err
		}
	}
	_, err = e.tx.ExecContext(ctx, `INSERT INTO indicators VALUES ('adjustment', '办公室调整', 'Office adjustment', 'adjustment', NULL, ?)`, len(e.rs.Rules)+1)
	if err != nil {
		return err
	}
	return e.saveRuleFiles(ctx)
}

// saveRuleFiles keeps the rule set's files under its hash, for explain to render reasons later.
func (e *engine) saveRuleFiles(ctx context.Context) error {
	files := map[string]string{}
	for f, body := range e.rs.SQL {
		files[f] = body
	}
	raw, err := fs.ReadFile(e.rs.fsys, "ruleset.yaml")
	if err != nil {
		return fmt.Errorf("score: keep rule set: %w", err)
	}
	files["ruleset.yaml"] = string(raw)
	for f, body := range files {
		if _, err := e.tx.ExecContext(ctx, `INSERT OR IGNORE INTO rule_files VALUES (?, ?, ?)`, e.rs.Hash, f, body); err != nil {
			return fmt.Errorf("score: keep rule set: %w", err)
		}
	}
	return nil
}

package scoring

import (
	"context"
	"fmt"
	"io/fs"
	"strings"

	"github.com/govscore/govscore/trace"
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

// runRules runs every rule of a stage into lines_k, then checks the stage's lines (see check.go).
func (e *engine) runRules(ctx context.Context, stage int) error {
	if e.only != "" {
		// explain renders reasons of lines the scoring run already checked
		return e.renderRules(ctx, stage)
	}
	batched := false
	if e.depts != nil {
		var err error
		if batched, err = e.batchRules(ctx, stage); err != nil {
			return err
		}
	}
	if !batched {
		for i, r := range e.rs.Rules {
			if max(r.Stage, 1) != stage {
				continue
			}
			if err := e.runRule(ctx, i+1, r); err != nil {
				return err
			}
		}
	}
	return e.check(ctx, stage)
}

// batchRules runs a stage's rules in one statement, for a correction's few departments: there
// a statement per rule cost more than the rules. When the statement fails it reports false and
// leaves lines_k as it was, and the caller runs the rules one by one, which names the rule at
// fault.
func (e *engine) batchRules(ctx context.Context, stage int) (bool, error) {
	defer trace.Start("rules in one statement")()
	union, faults := e.unionRules(stage, e.ruleSelects)
	if union == "" {
		return true, nil
	}
	_, err := e.q.ExecContext(ctx, `INSERT INTO lines_k
SELECT o.rule, d.id, CASE WHEN d.id IS NULL THEN o.dept_code END, o.period, o.item, o.points, o.max_points, o.reason, o.reason_en,
    d.id IS NULL OR CASE o.rule `+faults+` END
FROM (`+union+`) o LEFT JOIN dept_ids d ON d.code = o.dept_code`)
	if err != nil {
		clear(e.withID)
		return false, nil
	}
	rows, err := e.q.QueryContext(ctx, `SELECT rule, count(*) FROM lines_k GROUP BY rule`)
	if err != nil {
		return true, err
	}
	defer rows.Close()
	for rows.Next() {
		var n int
		var c int64
		if err := rows.Scan(&n, &c); err != nil {
			return true, err
		}
		e.lineCounts[n] = c
	}
	return true, rows.Err()
}

// renderRules runs a stage's rules for one department (explain) in one statement: a statement
// per rule cost more than the rules themselves on one department's row.
func (e *engine) renderRules(ctx context.Context, stage int) error {
	defer trace.Start("render rules")()
	union, _ := e.unionRules(stage, func(r Rule) []string { return []string{e.ruleSelect(r, true, "")} })
	if union == "" {
		return nil
	}
	// the one department's id is known: no lookup of 300,000 codes
	_, err := e.q.ExecContext(ctx, `INSERT INTO lines_k
SELECT o.rule, CAST(? AS INTEGER), NULL, o.period, o.item, o.points, o.max_points, o.reason, o.reason_en, false
FROM (`+union+`) o WHERE o.dept_code = ?`, e.onlyID, e.only)
	return err
}

// unionRules is a stage's rules as one UNION ALL of their lines (selects gives each rule's),
// a rule number first and department codes to be looked up, and the WHEN branches of a CASE on
// the rule number giving each rule's faultExpr; "" when the stage has no rules.
func (e *engine) unionRules(stage int, selects func(Rule) []string) (string, string) {
	var sels, faults []string
	for i, r := range e.rs.Rules {
		if max(r.Stage, 1) != stage {
			continue
		}
		e.withID[r.File] = false // a few departments' lines: looked up by code
		for _, sel := range selects(r) {
			sels = append(sels, fmt.Sprintf("SELECT %d AS rule, * FROM (%s)", i+1, sel))
		}
		faults = append(faults, fmt.Sprintf("WHEN %d THEN %s", i+1, faultExpr(r)))
	}
	return strings.Join(sels, "\nUNION ALL\n"), strings.Join(faults, " ")
}

// runRule appends rule n's lines to lines_k, keyed by department id: the rule's dept_id column
// when it returns sub's, else its department codes looked up (NULL, with the code kept in
// bad_code, for a department nobody knows). At country scale the lookup cost a third of a
// simple rule's time. A rule is first taken to return dept_id; if DuckDB finds no such column,
// it runs again with the lookup.
func (e *engine) runRule(ctx context.Context, n int, r Rule) error {
	defer trace.Start("rule " + r.File)()
	if _, known := e.withID[r.File]; !known {
		e.withID[r.File] = true
		err := e.insertRule(ctx, n, r)
		if err == nil || !strings.Contains(err.Error(), `"dept_id"`) {
			return err
		}
		e.withID[r.File] = false
	}
	return e.insertRule(ctx, n, r)
}

func (e *engine) insertRule(ctx context.Context, n int, r Rule) error {
	for _, sel := range e.ruleSelects(r) {
		q := fmt.Sprintf(`INSERT INTO lines_k
SELECT %d, d.id, CASE WHEN d.id IS NULL THEN o.dept_code END, o.period, o.item, o.points, o.max_points, o.reason, o.reason_en,
    d.id IS NULL OR %s
FROM (%s) o LEFT JOIN dept_ids d ON d.code = o.dept_code`, n, faultExpr(r), sel)
		if e.withID[r.File] {
			q = fmt.Sprintf(`INSERT INTO lines_k
SELECT %d, o.dept_id, CASE WHEN o.dept_id IS NULL THEN o.dept_code END, o.period, o.item, o.points, o.max_points, o.reason, o.reason_en,
    o.dept_id IS NULL OR %s
FROM (%s) o`, n, faultExpr(r), sel)
		}
		res, err := e.q.ExecContext(ctx, q)
		if err != nil {
			return &RuleError{File: r.File, Msg: err.Error()}
		}
		if rows, err := res.RowsAffected(); err == nil {
			e.lineCounts[n] += rows
		}
	}
	return nil
}

// faultExpr is true for a line of r that may break the rule's contract, worked out while the
// line is written (checkLines.sql finds what is wrong with those): anything NULL or not a
// number, a score outside 0 … its maximum, a deduction above 0, a bonus below 0, or points
// outside the rule's range (at fault if it is the rule's only line for its department-period).
func faultExpr(r Rule) string {
	cond := []string{"o.period IS NULL", "o.item IS NULL", "o.reason IS NULL", "o.reason_en IS NULL",
		"o.points IS NULL", "isnan(o.points)", "isinf(o.points)"}
	switch r.Kind {
	case "score":
		cond = append(cond, "o.points < -1e-9", "o.points > o.max_points + 1e-9")
	case "deduction":
		cond = append(cond, "o.points > 1e-9")
	case "bonus":
		cond = append(cond, "o.points < -1e-9")
	}
	if r.Min != nil {
		cond = append(cond, fmt.Sprintf("o.points < %v - 1e-9", *r.Min))
	}
	if r.Max != nil {
		cond = append(cond, fmt.Sprintf("o.points > %v + 1e-9", *r.Max))
	}
	return "coalesce(" + strings.Join(cond, " OR ") + ", false)"
}

// ruleSelects are a rule's lines. Score lines' reason text is formatted only for periods from
// e.reasons on: the other periods' lines come from a query that never reads the reason
// columns, so DuckDB never evaluates them (a CASE around them would not stop that).
func (e *engine) ruleSelects(r Rule) []string {
	from := "'" + quote(e.reasons) + "'"
	switch {
	case r.Kind != "score" || e.reasons == "":
		// deductions, bonuses and vetoes are few and are what departments dispute: always kept
		return []string{e.ruleSelect(r, true, "")}
	case e.reasons == "~":
		return []string{e.ruleSelect(r, false, "")}
	}
	return []string{e.ruleSelect(r, false, "\nWHERE period < "+from+" OR period IS NULL"),
		e.ruleSelect(r, true, "\nWHERE period >= "+from)}
}

// ruleSelect is a rule's lines in lines_k's columns, with or without their reason text.
func (e *engine) ruleSelect(r Rule, reasons bool, where string) string {
	cols := `'' AS reason, '' AS reason_en`
	if reasons {
		cols = `CAST(reason AS VARCHAR) AS reason, CAST(reason_en AS VARCHAR) AS reason_en`
	}
	id := `CAST(NULL AS INTEGER)`
	if e.withID[r.File] {
		id = `CAST(dept_id AS INTEGER)`
	}
	return `SELECT ` + id + ` AS dept_id, CAST(dept_code AS VARCHAR) AS dept_code, CAST(period AS VARCHAR) AS period, CAST(item AS VARCHAR) AS item,
    CAST(points AS DOUBLE) AS points, CAST(max_points AS DOUBLE) AS max_points, ` + cols + `
FROM (` + strings.TrimRight(strings.TrimSpace(e.rs.SQL[r.File]), ";") + "\n) rule" + where
}

// record writes the run and the indicators it used, and clears the dirty marks it scored (all
// of them, unless data arrived while it ran: then they stay for the next run).
func (e *engine) record(ctx context.Context, sum Summary) error {
	_, err := e.q.ExecContext(ctx, `INSERT INTO score_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, sum.Run, e.rs.Name, e.rs.Version,
		e.rs.Hash, e.dataVersion, strings.Join(sum.Periods, ","), sum.Lines, e.started, e.now().UTC())
	if err != nil {
		return err
	}
	for _, table := range []string{"dirty_periods", "dirty_depts"} {
		_, err = e.q.ExecContext(ctx, `DELETE FROM `+table+` WHERE (SELECT CAST(value AS BIGINT) FROM meta WHERE key = 'data_version') = ?`, e.dataVersion)
		if err != nil {
			return err
		}
	}
	if _, err := e.q.ExecContext(ctx, `DELETE FROM indicators`); err != nil {
		return err
	}
	// one INSERT for all: a statement each cost a millisecond apiece, and a correction's run
	// should take a fraction of a second
	rows, args := []string{}, []any{}
	for i, r := range e.rs.Rules {
		rows = append(rows, "(?, ?, ?, ?, ?, ?)")
		args = append(args, r.Indicator, r.Name, r.NameEN, r.Kind, r.Max, i+1)
	}
	rows = append(rows, "('adjustment', '办公室调整', 'Office adjustment', 'adjustment', NULL, ?)")
	args = append(args, len(e.rs.Rules)+1)
	if _, err := e.q.ExecContext(ctx, `INSERT INTO indicators VALUES `+strings.Join(rows, ", "), args...); err != nil {
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
	var kept int
	if err := e.q.QueryRowContext(ctx, `SELECT count(*) FROM rule_files WHERE ruleset_hash = ?`, e.rs.Hash).Scan(&kept); err != nil {
		return err
	}
	if kept == len(files) {
		return nil
	}
	rows, args := []string{}, []any{}
	for f, body := range files {
		rows = append(rows, "(?, ?, ?)")
		args = append(args, e.rs.Hash, f, body)
	}
	if _, err := e.q.ExecContext(ctx, `INSERT OR IGNORE INTO rule_files VALUES `+strings.Join(rows, ", "), args...); err != nil {
		return fmt.Errorf("score: keep rule set: %w", err)
	}
	return nil
}

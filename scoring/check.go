package scoring

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	sqlfs "github.com/govscore/govscore/sql"
	"github.com/govscore/govscore/trace"
)

// The rules' contract is checked over all of a stage's lines at once, in three passes over
// lines_k (29 M lines at country scale; a check per rule, grouping by text keys, took ten times
// longer than running the rules):
//   - line_sums: one aggregation per department-period gives the points by kind (the results
//     are made from it) and tells, by adding 1 << rule against OR-ing it, whether any rule wrote
//     more than one line there (`multi`);
//   - checkLines.sql: one filter for single lines at fault, including a rule's only line for a
//     department-period outside the rule's range;
//   - checkMulti.sql: the lines of the `multi` department-periods, added up per rule and item;
// and an anti-join for department-periods that are not being scored.

// ruleMeta describes the rules to the queries: rule number (lines_k.rule), file, indicator,
// kind, stage and range. Office adjustments are rules 0 (bonus) and -1 (deduction).
func (e *engine) ruleMeta(ctx context.Context) error {
	_, err := e.q.ExecContext(ctx, `CREATE OR REPLACE TEMP TABLE rule_meta (rule SMALLINT, file VARCHAR, indicator VARCHAR, kind VARCHAR,
    stage INTEGER, min DOUBLE, max DOUBLE)`)
	if err != nil {
		return fmt.Errorf("score: prepare: %w", err)
	}
	// one INSERT for all: a statement each cost a millisecond apiece, for every run and explain
	rows := []string{"(0, 'adjustments', 'adjustment', 'bonus', 1, NULL, NULL)", "(-1, 'adjustments', 'adjustment', 'deduction', 1, NULL, NULL)"}
	var args []any
	for i, r := range e.rs.Rules {
		rows = append(rows, "(?, ?, ?, ?, ?, ?, ?)")
		args = append(args, i+1, r.File, r.Indicator, r.Kind, max(r.Stage, 1), r.Min, r.Max)
	}
	if _, err := e.q.ExecContext(ctx, `INSERT INTO rule_meta VALUES `+strings.Join(rows, ", "), args...); err != nil {
		return fmt.Errorf("score: prepare: %w", err)
	}
	return nil
}

// check finds what is wrong with the lines of a stage's rules and returns it as a RuleError for
// the first rule at fault. It leaves line_sums: every department-period's points by kind, which
// the results of the last stage are made from.
func (e *engine) check(ctx context.Context, stage int) error {
	defer trace.Start("check stage " + fmt.Sprint(stage))()
	if _, err := e.q.ExecContext(ctx, fmt.Sprintf(`SET VARIABLE stage = %d`, stage)); err != nil {
		return err
	}
	done := trace.Start("  line_sums")
	_, err := e.q.ExecContext(ctx, e.sumsQuery())
	done()
	if err != nil {
		return fmt.Errorf("score: sum lines: %w", err)
	}
	// the rules that wrote more than one line somewhere: their lines are added up by
	// checkMulti.sql; every other rule's line is its department-period's only one, checked
	// against the rule's range by checkLines.sql
	multi, err := e.multiRules(ctx, stage)
	if err != nil {
		return err
	}
	nums := make([]string, len(multi))
	for i, n := range multi {
		nums[i] = strconv.Itoa(n)
	}
	for _, st := range []string{`CREATE OR REPLACE TEMP TABLE multi_rules (rule SMALLINT)`, valuesInsert("multi_rules", nums)} {
		if st == "" {
			continue
		}
		if _, err := e.q.ExecContext(ctx, st); err != nil {
			return err
		}
	}
	if err := e.checkLines(ctx); err != nil {
		return err
	}
	if len(multi) > 0 {
		if err := e.ruleErrors(ctx, "  multi", sqlfs.Query("checkMulti")); err != nil {
			return err
		}
	}
	return e.ruleErrors(ctx, "  keys", sqlfs.Query("checkKeys"))
}

// checkLines reports single lines that break the contract. The filter stops at a number of
// candidates; only when all of those were excused (lines of `multi` department-periods) does
// it look again at every line.
func (e *engine) checkLines(ctx context.Context) error {
	const limit = 1000
	if err := e.ruleErrors(ctx, "  lines", sqlfs.Query("checkLines"), limit); err != nil {
		return err
	}
	var n int
	if err := e.q.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM line_faults LIMIT ?)`, limit).Scan(&n); err != nil {
		return err
	}
	if n < limit {
		return nil
	}
	// every candidate was excused, and there may be more
	return e.ruleErrors(ctx, "  lines", sqlfs.Query("checkLines"), int64(1)<<62)
}

// addRuleError adds a row to the error of the first rule at fault (rows come sorted by file).
func addRuleError(bad *RuleError, file, row string) *RuleError {
	if bad == nil {
		bad = &RuleError{File: file, Msg: "invalid lines"}
	}
	if file == bad.File {
		bad.Rows = append(bad.Rows, row)
	}
	return bad
}

// ruleErrors runs a check query returning rule file, department, period, item, points and
// problem, and returns the first rule at fault as a RuleError.
func (e *engine) ruleErrors(ctx context.Context, name, q string, args ...any) error {
	defer trace.Start(name)()
	rows, err := e.q.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("score: check lines: %w", err)
	}
	defer rows.Close()
	var bad *RuleError
	for rows.Next() {
		var file, dept, per, problem string
		var item sql.NullString
		var points sql.NullFloat64
		if err := rows.Scan(&file, &dept, &per, &item, &points, &problem); err != nil {
			return err
		}
		bad = addRuleError(bad, file, fmt.Sprintf("%s %s %s %v: %s", dept, per, item.String, points.Float64, problem))
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if bad != nil {
		return bad
	}
	return nil
}

// sumsQuery builds line_sums, points by kind per department-period over every line so far, and
// multi, the department-periods where a rule of the stage wrote more than one line: the sum of
// 1 << rule differs from its OR exactly when some rule is counted twice (beyond ruleBits, rules
// share bits with others, which only sends more department-periods to the exact check).
func (e *engine) sumsQuery() string {
	byKind := map[string][]string{"deduction": {"-1"}, "bonus": {"0"}}
	for i, r := range e.rs.Rules {
		byKind[r.Kind] = append(byKind[r.Kind], fmt.Sprint(i+1))
	}
	in := func(kind string) string {
		if len(byKind[kind]) == 0 {
			return "false"
		}
		return "rule IN (" + strings.Join(byKind[kind], ", ") + ")"
	}
	return `CREATE OR REPLACE TEMP TABLE line_sums AS
SELECT dept_id, period,
    sum(points) FILTER (WHERE ` + in("score") + `) AS score,
    sum(points) FILTER (WHERE ` + in("deduction") + `) AS deductions,
    sum(points) FILTER (WHERE ` + in("bonus") + `) AS bonus,
    count(*) FILTER (WHERE ` + in("veto") + `) > 0 AS veto,
    count(*) FILTER (WHERE ` + in("unranked") + `) > 0 AS unranked,
    bit_or(CAST(1 AS BIGINT) << ((rule + 1) % ` + strconv.Itoa(ruleBits) + `)) AS rule_bits,
    sum(CAST(1 AS BIGINT) << ((rule + 1) % ` + strconv.Itoa(ruleBits) + `)) <> rule_bits AS multi
FROM lines_k WHERE dept_id IS NOT NULL AND period IS NOT NULL GROUP BY dept_id, period;
CREATE OR REPLACE TEMP TABLE multi AS SELECT dept_id, period FROM line_sums WHERE multi`
}

// multiRules are the stage's rules that wrote more than one line for some department-period:
// more lines than department-periods with their bit in line_sums.rule_bits. A rule sharing its
// bit with another (beyond 61 rules) is always among them.
func (e *engine) multiRules(ctx context.Context, stage int) ([]int, error) {
	rules := e.stageRules(stage)
	if len(rules) == 0 {
		return nil, nil
	}
	cols := make([]string, len(rules))
	for i, n := range rules {
		cols[i] = fmt.Sprintf("count(*) FILTER (WHERE rule_bits & (CAST(1 AS BIGINT) << %d) <> 0)", ruleBit(n))
	}
	keys := make([]int64, len(rules))
	ptrs := make([]any, len(rules))
	for i := range keys {
		ptrs[i] = &keys[i]
	}
	if err := e.q.QueryRowContext(ctx, "SELECT "+strings.Join(cols, ", ")+" FROM line_sums").Scan(ptrs...); err != nil {
		return nil, fmt.Errorf("score: check lines: %w", err)
	}
	var out []int
	for i, n := range rules {
		if e.lineCounts[n] > keys[i] || len(e.rs.Rules)+2 > ruleBits {
			out = append(out, n)
		}
	}
	return out, nil
}

// ruleBits is how many bits line_sums.rule_bits gives rules; ruleBit is rule n's (adjustments,
// -1 and 0, take bits 0 and 1).
const ruleBits = 62

func ruleBit(n int) int { return (n + 1) % ruleBits }

// stageRules are the numbers (lines_k.rule) of a stage's rules.
func (e *engine) stageRules(stage int) []int {
	var out []int
	for i, r := range e.rs.Rules {
		if max(r.Stage, 1) == stage {
			out = append(out, i+1)
		}
	}
	return out
}

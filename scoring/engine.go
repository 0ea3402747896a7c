package scoring

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/govscore/govscore/period"
	sqlfs "github.com/govscore/govscore/sql"
	"github.com/govscore/govscore/trace"
)

// Options control a scoring run.
type Options struct {
	Full bool             // re-score every period, not only those whose inputs changed
	Now  func() time.Time // the clock, recorded on the run
}

// Summary is what a run did.
type Summary struct {
	Run      int64    // the run id; 0 when nothing needed scoring
	Periods  []string // periods whose score lines were recomputed
	Depts    []string // the departments whose lines were recomputed; nil: all
	Results  []string // periods whose totals and ranks were recomputed
	Lines    int64
	UpToDate bool
}

// Run scores the periods whose data, departments or rules changed since they were last scored,
// and recomputes totals, ranks and year-to-date figures of the years they fall in. The work is
// done in temporary tables, and the lines are written under the new run's id before one
// transaction at the end records the run with its results: lines count only once their run is
// recorded, so a failed run changes nothing, and no transaction holds 29 M lines' undo data.
func Run(ctx context.Context, db *sql.DB, rs *RuleSet, opts Options) (Summary, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return Summary{}, err
	}
	defer conn.Close()
	e := &engine{q: conn, rs: rs, now: time.Now, lineCounts: map[int]int64{}, withID: map[string]bool{}}
	if opts.Now != nil {
		e.now = opts.Now
	}
	if err := e.exec(ctx, "dropOrphanLines"); err != nil {
		return Summary{}, err
	}
	sum, err := e.run(ctx, opts.Full)
	if err == nil && !sum.UpToDate {
		err = e.commit(ctx, conn, sum)
	}
	if err != nil && sum.Run > 0 {
		// the lines written under the failed run's id: never counted, removed now if we can
		conn.ExecContext(context.WithoutCancel(ctx), `DELETE FROM line_store WHERE run_id = ?`, sum.Run)
	}
	return sum, err
}

// commit writes the run's results, drops the lines its lines replace and records it, in one
// transaction.
func (e *engine) commit(ctx context.Context, conn *sql.Conn, sum Summary) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	e.q = tx
	defer func() { e.q = conn }()
	if err := e.exec(ctx, "saveResults"); err != nil {
		return err
	}
	if err := e.record(ctx, sum); err != nil {
		return err
	}
	return tx.Commit()
}

// querier is what the engine runs statements on: a connection, or a transaction.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

type engine struct {
	q           querier
	rs          *RuleSet
	now         func() time.Time
	reasons     string   // format reason text for periods from this one on (see eagerReasons); "~": none
	only        string   // explain: score this one department only
	depts       []string // re-score only these departments' lines (dirty_depts); nil: all
	onlyPeriod  string   // explain: in this period
	onlyID      int64    // explain: the department's id (dept_ids)
	started     time.Time
	dataVersion int64           // meta's data_version when the run started
	lineCounts  map[int]int64   // lines written per rule number
	withID      map[string]bool // rule file → it returns dept_id (see returnsID)
}

// eagerReasons is how many department-periods a run formats score lines' reason text for,
// newest periods first. Those reasons cost far more than points (a printf for each of ~7 lines
// per department-month): a city's years get them all; a province's full re-score keeps them for
// its newest months, and explain renders the others when asked. Deduction, bonus and veto lines
// always keep their reasons.
var eagerReasons = 3000

// run computes a run's lines and results into temporary tables (lines_k, res_final).
func (e *engine) run(ctx context.Context, full bool) (Summary, error) {
	e.started = e.now().UTC()
	err := e.q.QueryRowContext(ctx, `SELECT CAST(value AS BIGINT) FROM meta WHERE key = 'data_version'`).Scan(&e.dataVersion)
	if err != nil {
		return Summary{}, err
	}
	lineScope, resultScope, err := e.scopes(ctx, full)
	if err != nil || len(lineScope) == 0 {
		return Summary{UpToDate: err == nil}, err
	}
	sum := Summary{Periods: lineScope, Results: resultScope, Depts: e.depts}
	if err := e.q.QueryRowContext(ctx, `SELECT nextval('score_run_ids')`).Scan(&sum.Run); err != nil {
		return sum, err
	}
	if err := e.prepare(ctx, lineScope, resultScope, sum.Run); err != nil {
		return sum, err
	}
	if err := e.reasonsFrom(ctx); err != nil {
		return sum, err
	}
	if err := e.runStages(ctx); err != nil {
		return sum, err
	}
	if err := e.q.QueryRowContext(ctx, `SELECT count(*) FROM lines_k`).Scan(&sum.Lines); err != nil {
		return sum, err
	}
	// the lines are written, and their memory given back, before the results are worked out
	if err := e.exec(ctx, "saveLines"); err != nil {
		return sum, err
	}
	if _, err := e.q.ExecContext(ctx, `DROP TABLE lines_k; DROP TABLE sub_data`); err != nil {
		return sum, err
	}
	return sum, e.exec(ctx, "scoreResults")
}

// runStages writes the office's adjustments and every rule's lines into lines_k, stage by
// stage, each stage checked before the next reads its lines.
func (e *engine) runStages(ctx context.Context) error {
	if err := e.exec(ctx, "adjustmentLines"); err != nil {
		return err
	}
	for _, stage := range []int{1, 2} {
		if stage > 1 && len(e.stageRules(stage)) == 0 {
			continue
		}
		if err := e.runRules(ctx, stage); err != nil {
			return err
		}
	}
	return nil
}

// reasonsFrom picks the newest periods of the scope, eagerReasons department-periods at most,
// whose lines get their reason text now.
func (e *engine) reasonsFrom(ctx context.Context) error {
	rows, err := e.q.QueryContext(ctx, `SELECT period, count(*) FROM sub_data GROUP BY period ORDER BY period DESC`)
	if err != nil {
		return err
	}
	defer rows.Close()
	e.reasons = "~"
	for n := 0; rows.Next(); {
		var p string
		var c int
		if err := rows.Scan(&p, &c); err != nil {
			return err
		}
		if n += c; n > eagerReasons {
			break
		}
		e.reasons = p
	}
	return rows.Err()
}

func (e *engine) exec(ctx context.Context, names ...string) error {
	for _, n := range names {
		done := trace.Start(n)
		for i, st := range trace.Statements(sqlfs.Query(n)) {
			stDone := trace.Start(fmt.Sprintf("  %s #%d", n, i+1))
			_, err := e.q.ExecContext(ctx, st)
			stDone()
			if err != nil {
				return fmt.Errorf("score: %s: %w", n, err)
			}
		}
		done()
	}
	return nil
}

// scopes lists the periods to re-score (dirty ones, widened by the rule set's lookback) and the
// periods whose results follow (every period of the years touched).
func (e *engine) scopes(ctx context.Context, full bool) ([]string, []string, error) {
	var lastHash sql.NullString
	err := e.q.QueryRowContext(ctx, `SELECT max_by(ruleset_hash, id) FROM score_runs`).Scan(&lastHash)
	if err != nil {
		return nil, nil, err
	}
	all, err := e.strings(ctx, `SELECT DISTINCT period FROM activity ORDER BY period`)
	if err != nil {
		return nil, nil, err
	}
	all = e.ofGranularity(all)
	dirty := all
	if !full && lastHash.String == e.rs.Hash {
		if dirty, err = e.strings(ctx, `SELECT period FROM dirty_periods ORDER BY period`); err != nil {
			return nil, nil, err
		}
		if dirty, err = e.dirtyDepts(ctx, dirty); err != nil {
			return nil, nil, err
		}
	}
	return e.widen(all, dirty)
}

// dirtyDepts adds the periods of dirty department-periods to the dirty periods. When those are
// all there is, in periods already scored, and the rule set scores departments independently,
// the run re-scores only those departments (e.depts) and the ranks around them.
func (e *engine) dirtyDepts(ctx context.Context, dirty []string) ([]string, error) {
	periods, err := e.strings(ctx, `SELECT DISTINCT period FROM dirty_depts ORDER BY period`)
	if err != nil || len(periods) == 0 {
		return dirty, err
	}
	var unscored int
	err = e.q.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT DISTINCT period FROM dirty_depts) d
WHERE NOT EXISTS (SELECT 1 FROM results r WHERE r.period = d.period)`).Scan(&unscored)
	if err != nil {
		return nil, err
	}
	if e.rs.PerDepartment && len(dirty) == 0 && unscored == 0 {
		if e.depts, err = e.strings(ctx, `SELECT DISTINCT dept_code FROM dirty_depts ORDER BY dept_code`); err != nil {
			return nil, err
		}
	}
	return mergeSorted(dirty, periods), nil
}

// mergeSorted is the sorted union of two sorted lists.
func mergeSorted(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range append(append([]string(nil), a...), b...) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

func (e *engine) ofGranularity(periods []string) []string {
	var out []string
	for _, p := range periods {
		if pp, err := period.Parse(p); err == nil && pp.Kind.String() == e.rs.Granularity {
			out = append(out, p)
		}
	}
	return out
}

// widen adds to the dirty periods those that read them (lookback), and lists the result scope.
func (e *engine) widen(all, dirty []string) ([]string, []string, error) {
	isDirty := map[string]bool{}
	years := map[int]period.Period{} // year → its first re-scored period
	for _, d := range dirty {
		isDirty[d] = true
	}
	var lines, results []string
	for _, p := range all {
		pp := period.MustParse(p)
		for d := range isDirty {
			dp, err := period.Parse(d)
			if err == nil && dp.Year == pp.Year && !pp.Before(dp) && e.reads(pp, dp) {
				lines = append(lines, p)
				if first, ok := years[pp.Year]; !ok || pp.Before(first) {
					years[pp.Year] = pp
				}
				break
			}
		}
	}
	// results follow from the first re-scored period of a year to its end (the year to date),
	// and the next January (its rank change)
	for _, p := range all {
		pp := period.MustParse(p)
		first, ok := years[pp.Year]
		_, prevYear := years[pp.Year-1]
		if ok && !pp.Before(first) || prevYear && pp.Num == 1 {
			results = append(results, p)
		}
	}
	return lines, results, nil
}

// reads reports whether scoring p reads data of the earlier period d of the same year.
func (e *engine) reads(p, d period.Period) bool {
	switch {
	case p == d:
		return true
	case e.rs.Lookback == "year":
		return true
	case e.rs.Lookback == "quarter" && p.Kind == period.Month:
		return (p.Num-1)/3 == (d.Num-1)/3
	}
	return false
}

func (e *engine) strings(ctx context.Context, q string, args ...any) ([]string, error) {
	rows, err := e.q.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// prepare fills the scope tables, parameters, grades and variables that the queries read.
func (e *engine) prepare(ctx context.Context, lineScope, resultScope []string, run int64) error {
	stmts := []string{
		`CREATE OR REPLACE TEMP TABLE scope (period VARCHAR)`,
		`CREATE OR REPLACE TEMP TABLE result_scope (period VARCHAR)`,
		`CREATE OR REPLACE TEMP TABLE grades (name VARCHAR, name_en VARCHAR, min DOUBLE, position INTEGER)`,
		`CREATE OR REPLACE TEMP TABLE only_depts (code VARCHAR)`,
		fmt.Sprintf(`SET VARIABLE some_depts = %v`, e.depts != nil),
		valuesInsert("only_depts", e.depts),
		valuesInsert("scope", lineScope), valuesInsert("result_scope", resultScope),
	}
	for _, s := range stmts {
		if s == "" {
			continue
		}
		if _, err := e.q.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("score: prepare: %w", err)
		}
	}
	if err := e.params(ctx); err != nil {
		return err
	}
	if err := e.grades(ctx, run); err != nil {
		return err
	}
	if err := e.ruleMeta(ctx); err != nil {
		return err
	}
	return e.exec(ctx, "scorePrepare")
}

// valuesInsert is an INSERT of one text column's values, quoted; "" for none.
func valuesInsert(table string, values []string) string {
	if len(values) == 0 {
		return ""
	}
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = quote(v)
	}
	return "INSERT INTO " + table + " VALUES ('" + strings.Join(quoted, "'), ('") + "')"
}

// params makes the parameters table: a row per group, a DOUBLE column per parameter (and a
// placeholder, _group, for a rule set without any). Built here rather than pivoted in SQL: the
// PIVOT's extra pass cost 5–15 ms of every run and explain.
func (e *engine) params(ctx context.Context) error {
	groups, err := e.strings(ctx, `SELECT DISTINCT grp FROM depts ORDER BY grp`)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(e.rs.Params))
	for k := range e.rs.Params {
		names = append(names, k)
	}
	sort.Strings(names)
	cols := []string{`grp VARCHAR`, `"_group" DOUBLE`}
	for _, k := range names {
		cols = append(cols, sqlfs.Ident(k)+` DOUBLE`)
	}
	if _, err := e.q.ExecContext(ctx, `CREATE OR REPLACE TEMP TABLE params (`+strings.Join(cols, ", ")+`)`); err != nil {
		return fmt.Errorf("score: parameters: %w", err)
	}
	// one INSERT for all: a statement each cost a millisecond apiece, for every run and explain
	var rows []string
	var args []any
	marks := "(?, 0" + strings.Repeat(", ?", len(names)) + ")"
	for _, g := range groups {
		args = append(args, g)
		for _, k := range names {
			v, ok := e.rs.Params[k].For(g)
			if !ok {
				return fmt.Errorf("score: parameter %s has no value for group %s (give one, or a \"*\" default)", k, g)
			}
			args = append(args, v)
		}
		rows = append(rows, marks)
	}
	if len(rows) == 0 {
		return nil
	}
	_, err = e.q.ExecContext(ctx, `INSERT INTO params VALUES `+strings.Join(rows, ", "), args...)
	return err
}

// grades fills the grades table (name, name_en, min, position), the grade_of macro (the position
// of the grade a rounded total earns: a CASE, which at country scale took a second where an
// ASOF join took ten) and the run's variables.
func (e *engine) grades(ctx context.Context, run int64) error {
	byMin := append([]Grade(nil), e.rs.Grades...)
	sort.SliceStable(byMin, func(i, j int) bool { return byMin[i].Min > byMin[j].Min })
	cases := make([]string, len(byMin))
	for i, g := range byMin {
		if _, err := e.q.ExecContext(ctx, `INSERT INTO grades VALUES (?, ?, ?, ?)`, g.Name, g.NameEN, g.Min, i+1); err != nil {
			return err
		}
		cases[i] = fmt.Sprintf("WHEN t >= %v THEN %d", g.Min, i+1)
	}
	macro := `CREATE OR REPLACE TEMP MACRO grade_of(t) AS CAST(NULL AS INTEGER)`
	if len(cases) > 0 {
		macro = `CREATE OR REPLACE TEMP MACRO grade_of(t) AS CASE ` + strings.Join(cases, " ") + ` END`
	}
	if _, err := e.q.ExecContext(ctx, macro); err != nil {
		return err
	}
	low := e.rs.Lowest()
	// explain reads activity from the start of its period's year to the period (the most any
	// lookback reads), so DuckDB skips the row groups of other periods
	from, to := "", ""
	if e.only != "" && len(e.onlyPeriod) >= 4 {
		from, to = e.onlyPeriod[:4], e.onlyPeriod
	}
	vars := fmt.Sprintf(`SET VARIABLE run_id = %d; SET VARIABLE lowest_grade = '%s'; SET VARIABLE lowest_grade_en = '%s'; SET VARIABLE bonus_cap = %s; SET VARIABLE absent = '%s'; SET VARIABLE only_dept = %s; SET VARIABLE cur_from = %s; SET VARIABLE cur_to = %s`,
		run, quote(low.Name), quote(low.NameEN), floatOrNull(e.rs.BonusCap), quote(e.rs.Absent), stringOrNull(e.only),
		stringOrNull(from), stringOrNull(to))
	_, err := e.q.ExecContext(ctx, vars)
	return err
}

func quote(s string) string { return strings.ReplaceAll(s, "'", "''") }

func stringOrNull(s string) string {
	if s == "" {
		return "CAST(NULL AS VARCHAR)"
	}
	return "'" + quote(s) + "'"
}

func floatOrNull(f *float64) string {
	if f == nil {
		return "CAST(NULL AS DOUBLE)"
	}
	return fmt.Sprintf("CAST(%v AS DOUBLE)", *f)
}

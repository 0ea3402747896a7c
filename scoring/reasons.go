package scoring

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"sync"
	"testing/fstest"
	"time"

	"github.com/govscore/govscore"
	sqlfs "github.com/govscore/govscore/sql"
	"github.com/govscore/govscore/trace"
)

// notRendered stands in for a reason that re-running the rules for one department could not
// reproduce: a rule whose points depend on other departments (a group average, say).
const (
	notRenderedZH = "(原因未保存:本项分数依赖全组数据,请查看评分规则)"
	notRenderedEN = "(reason not kept: these points depend on the whole group; see the rule)"
)

// fillReasons renders the reasons of lines stored without them (a run over more than
// eagerReasons department-periods keeps none): it re-runs the rule set of the run that wrote
// them for this one department-period, in a transaction that is rolled back.
func fillReasons(ctx context.Context, db *sql.DB, dept, period string, k lineKey, lines []govscore.Line) error {
	if !missingReasons(lines) {
		return nil
	}
	rs, err := runRuleSet(ctx, db, k)
	if err != nil || rs == nil {
		return err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	e := &engine{q: tx, rs: rs, now: time.Now, reasons: "", only: dept, onlyID: k.dept, lineCounts: map[int]int64{}, withID: map[string]bool{}}
	rendered, err := e.render(ctx, period)
	if err != nil {
		return err
	}
	for i, l := range lines {
		if l.Reason != "" || l.ReasonEN != "" {
			continue
		}
		r, ok := rendered[[2]string{l.Indicator, l.Item}]
		if !ok || math.Abs(r.Points-l.Points) > 1e-9 {
			r.Reason, r.ReasonEN = notRenderedZH, notRenderedEN
		}
		lines[i].Reason, lines[i].ReasonEN = r.Reason, r.ReasonEN
	}
	return nil
}

func missingReasons(lines []govscore.Line) bool {
	for _, l := range lines {
		if l.Reason == "" && l.ReasonEN == "" {
			return true
		}
	}
	return false
}

// render scores e.only in one period with reasons and returns its lines by indicator and item.
func (e *engine) render(ctx context.Context, period string) (map[[2]string]govscore.Line, error) {
	e.onlyPeriod = period
	done := trace.Start("render prepare")
	err := e.prepare(ctx, []string{period}, []string{period}, 0)
	done()
	if err != nil {
		return nil, err
	}
	if err := e.runStages(ctx); err != nil {
		return nil, err
	}
	rows, err := e.q.QueryContext(ctx, `SELECT indicator, item, points, reason, reason_en FROM lines`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[[2]string]govscore.Line{}
	for rows.Next() {
		var l govscore.Line
		if err := rows.Scan(&l.Indicator, &l.Item, &l.Points, &l.Reason, &l.ReasonEN); err != nil {
			return nil, err
		}
		out[[2]string{l.Indicator, l.Item}] = l
	}
	return out, rows.Err()
}

// runRuleSet loads the rule set of the run that wrote a department-period's lines from the
// files the run kept (rule_files); nil when it kept none. Loaded rule sets are kept by hash:
// a server explaining one department after another parses each once.
func runRuleSet(ctx context.Context, db *sql.DB, k lineKey) (*RuleSet, error) {
	defer trace.Start("run's rule set")()
	rows, err := db.QueryContext(ctx, sqlfs.Query("lineRuleSet"), k.dept, k.period)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	files := fstest.MapFS{}
	var hash string
	for rows.Next() {
		var name, body string
		if err := rows.Scan(&hash, &name, &body); err != nil {
			return nil, err
		}
		files[name] = &fstest.MapFile{Data: []byte(body)}
	}
	if err := rows.Err(); err != nil || len(files) == 0 {
		return nil, err
	}
	loaded.Lock()
	defer loaded.Unlock()
	if rs, ok := loaded.sets[hash]; ok {
		return rs, nil
	}
	rs, err := Load(files, "the rule set of the last score run")
	if err != nil {
		return nil, fmt.Errorf("render reasons: %w", err)
	}
	loaded.sets[hash] = rs
	return rs, nil
}

// loaded keeps the rule sets runRuleSet has parsed, by their hash.
var loaded = struct {
	sync.Mutex
	sets map[string]*RuleSet
}{sets: map[string]*RuleSet{}}

package main

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/govscore/govscore/editions"
	"github.com/govscore/govscore/scoring"
)

func init() {
	commands["score"] = command{"score every period whose data or rules changed", runScore}
}

// ruleSet is the default rule set, or the folder given.
func ruleSet(dir string) (*scoring.RuleSet, error) {
	if dir == "" {
		return scoring.Default(), nil
	}
	return scoring.LoadDir(dir)
}

func runScore(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "score", "[--rules DIR] [--full]", `Scores every period whose data, departments or rules changed since it was last
scored; re-running with nothing changed changes nothing.`)
	rules := fs.String("rules", envOr("GOVSCORE_RULES", ""), "a rule set folder (default: the embedded default rules; see `rules export`)")
	full := fs.Bool("full", false, "re-score every period")
	if err := fs.Parse(args); err != nil {
		return err
	}
	rs, err := ruleSet(*rules)
	if err != nil {
		return err
	}
	db, err := e.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	sum, err := scoring.Run(ctx, db, rs, scoring.Options{Full: *full})
	if err != nil {
		return err
	}
	if sum.UpToDate {
		e.printf("%s", e.lang.T("评分已是最新,未作改动\n", "scores are up to date, nothing changed\n"))
		return nil
	}
	who := ""
	if sum.Depts != nil {
		// a correction: only these departments' lines, and everyone's ranks
		who = fmt.Sprintf(e.lang.T("中 %d 个部门", " for %d departments"), len(sum.Depts))
	}
	e.printf(e.lang.T("评分批次 %d:规则 %s %s(%s),重算 %d 个月份(%s)%s,%d 条得分明细,用时 %s\n",
		"score run %d: rules %s %s (%.12s), %d periods re-scored (%s)%s, %d score lines, %s\n"),
		sum.Run, rs.Name, rs.Version, rs.Hash[:12], len(sum.Periods), span(sum.Periods), who, sum.Lines, time.Since(start).Round(time.Millisecond))
	return printDrift(ctx, e, db, sum.Results)
}

// printDrift says which of the periods just scored have an edition that the results now differ from.
func printDrift(ctx context.Context, e *env, db *sql.DB, periods []string) error {
	for _, p := range periods {
		drifts, err := editions.Drift(ctx, db, p)
		if err != nil {
			return err
		}
		for _, d := range drifts {
			if d.Changed > 0 {
				e.printf("%s\n", d.Message().In(e.lang))
			}
		}
	}
	return nil
}

func span(ps []string) string {
	if len(ps) <= 3 {
		return strings.Join(ps, ", ")
	}
	return ps[0] + " … " + ps[len(ps)-1]
}

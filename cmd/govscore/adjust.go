package main

import (
	"context"
	"fmt"

	"github.com/govscore/govscore/ingest"
)

func init() {
	commands["adjust"] = command{"add an office bonus or deduction: adjust DEPT --month M --points P --reason R", runAdjust}
}

func runAdjust(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "adjust", "DEPT --month YYYY-MM --points P --reason TEXT [--author NAME]",
		"Adds a manual bonus (P > 0, under the rule set's bonus cap) or deduction (P < 0) for a\ndepartment-month, with its reason and author, to the audit log. Run `score` afterwards.")
	month := fs.String("month", "", "the month")
	points := fs.Float64("points", 0, "points to add (negative to deduct)")
	reason := fs.String("reason", "", "why; the department sees it")
	author := fs.String("author", e.actor(), "who decided it")
	var dept string
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		dept, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if dept == "" {
		fs.Usage()
		return fmt.Errorf("adjust: name the department by its code")
	}
	db, err := e.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	id, err := ingest.Adjust(ctx, db, ingest.Adjustment{Dept: dept, Period: *month, Points: *points, Reason: *reason},
		ingest.Options{Source: "cli", Actor: *author})
	if err != nil {
		return err
	}
	e.printf(e.lang.T("已记录调整 #%d;运行 govscore score 生效\n", "adjustment #%d recorded; run govscore score to apply it\n"), id)
	return nil
}

package main

import (
	"context"
	"fmt"

	"github.com/govscore/govscore/report"
	"github.com/govscore/govscore/scoring"
)

func init() {
	commands["explain"] = command{"show every score line of a department: explain DEPT --month YYYY-MM", runExplain}
}

func runExplain(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "explain", "DEPT --month YYYY-MM",
		"Shows a department's score sheet for a period: every indicator with points out of its maximum and the\nfigures behind them, every deduction and bonus with its reason, the total, grade and rank.")
	month := fs.String("month", "", "the month, e.g. 2014-11")
	per := fs.String("period", "", "the period (same as --month)")
	// accept DEPT before or after the flags
	var dept string
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		dept, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if dept == "" && fs.NArg() > 0 {
		dept = fs.Arg(0)
	}
	if dept == "" {
		fs.Usage()
		return fmt.Errorf("explain: name the department by its code")
	}
	p, err := periodFlag(*month, *per)
	if err != nil {
		return err
	}
	db, err := e.readDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	ex, err := scoring.Explain(ctx, db, dept, p)
	if err != nil {
		return err
	}
	return report.Explain(e.stdout, ex, e.lang)
}

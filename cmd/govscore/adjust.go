package main

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	gs "github.com/govscore/govscore"
	"github.com/govscore/govscore/adjustments"
	"github.com/govscore/govscore/audit"
)

func init() {
	commands["adjust"] = command{"office bonuses and deductions: adjust DEPT --month M --points P --reason R; adjust list; adjust withdraw ID", runAdjust}
}

func runAdjust(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "list":
			return runAdjustList(ctx, e, args[1:])
		case "withdraw":
			return runAdjustWithdraw(ctx, e, args[1:])
		}
	}
	return runAdjustAdd(ctx, e, args)
}

func runAdjustAdd(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "adjust", "DEPT --month YYYY-MM --points P --reason TEXT --author NAME\n       govscore adjust list [--month M] [--dept D] [--format table|csv|json]\n       govscore adjust withdraw ID --reason TEXT --author NAME",
		fmt.Sprintf(`Adds a manual bonus (P > 0, under the rule set's bonus cap) or deduction (P < 0) for a
department-month, with its reason and author, to the audit log. P is a plain number from -%[1]g to
+%[1]g, not 0 (another bound: $%[2]s). To take an adjustment back, withdraw it (adjust withdraw ID):
a negative adjustment is a deduction, not an undo. Run `+"`score`"+` afterwards.`, limitOr(), adjustments.LimitEnv))
	month := fs.String("month", "", "the month")
	points := fs.String("points", "", "points to add (negative to deduct)")
	reason := fs.String("reason", "", "why; the department sees it")
	author := fs.String("author", e.actor(), "who decided it")
	dept, err := parseWithArg(fs, args)
	if err != nil {
		return err
	}
	if dept == "" {
		fs.Usage()
		return gs.Errorf(gs.EINVALID, "adjust:请给出部门代码", "adjust: name the department by its code")
	}
	limit, err := adjustments.LimitFromEnv()
	if err != nil {
		return err
	}
	p, err := adjustments.ParsePoints(*points, limit)
	if err != nil {
		return err
	}
	db, err := e.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	a := gs.Adjustment{DeptCode: dept, Period: *month, Points: p, Reason: *reason, Author: *author}
	id, err := adjustments.Add(ctx, db, a, adjustments.Options{Limit: limit, Source: audit.Source{Now: e.now}})
	if err != nil {
		return err
	}
	e.printf(e.lang.T("已记录调整 #%d;运行 govscore score 生效\n", "adjustment #%d recorded; run govscore score to apply it\n"), id)
	return hintWithdraw(ctx, e, db, id, a)
}

// hintWithdraw points out an adjustment that looks like an undo of an earlier one: it is not
// (a bonus and a deduction of the same size need not cancel under the bonus cap).
func hintWithdraw(ctx context.Context, e *env, db *sql.DB, id int64, a gs.Adjustment) error {
	list, err := adjustments.List(ctx, db, adjustments.Filter{Period: a.Period, Dept: a.DeptCode})
	if err != nil {
		return err
	}
	for _, o := range list {
		if o.ID != id && o.Active() && o.Points == -a.Points {
			e.printf(e.lang.T("提示:#%d 是另一项调整,不会撤回 #%d(%+g 分);要撤回它,请用 govscore adjust withdraw %d\n",
				"note: #%d is another adjustment, not an undo of #%d (%+g); to take that back, use govscore adjust withdraw %d\n"), id, o.ID, o.Points, o.ID)
		}
	}
	return nil
}

// parseWithArg parses flags with one positional argument before or after them.
func parseWithArg(fs interface {
	Parse([]string) error
	NArg() int
	Arg(int) string
}, args []string) (string, error) {
	var arg string
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		arg, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return "", err
	}
	if arg == "" && fs.NArg() > 0 {
		arg = fs.Arg(0)
	}
	return arg, nil
}

func limitOr() float64 {
	if l, err := adjustments.LimitFromEnv(); err == nil {
		return l
	}
	return adjustments.DefaultLimit
}

func runAdjustWithdraw(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "adjust withdraw", "ID --reason TEXT --author NAME",
		"Withdraws an office adjustment: the record stays, marked withdrawn with who and why, and no longer\ncounts. Run `score` afterwards: the department-month's total is what it was without it.")
	reason := fs.String("reason", "", "why it is withdrawn")
	author := fs.String("author", e.actor(), "who decided it")
	arg, err := parseWithArg(fs, args)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(arg, "#"), 10, 64)
	if err != nil || id <= 0 {
		fs.Usage()
		return gs.Errorf(gs.EINVALID, "adjust withdraw:请给出调整编号(govscore adjust list 可查)",
			"adjust withdraw: give the adjustment's id (see govscore adjust list)")
	}
	db, err := e.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	a, err := adjustments.Withdraw(ctx, db, id, *author, *reason, adjustments.Options{Source: audit.Source{Now: e.now}})
	if err != nil {
		return err
	}
	e.printf(e.lang.T("已撤销调整 #%d(%s %s %+g 分);运行 govscore score 生效\n", "adjustment #%d (%s %s %+g) withdrawn; run govscore score to apply it\n"),
		a.ID, a.DeptCode, a.Period, a.Points)
	return nil
}

package main

import (
	"context"
	"strconv"
	"strings"

	gs "github.com/govscore/govscore"
	"github.com/govscore/govscore/editions"
	"github.com/govscore/govscore/report"
)

func init() {
	commands["diff"] = command{"what changed since an edition, and why: diff --month YYYY-MM [--from N] [--to M|current]", runDiff}
}

func runDiff(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "diff", "--month YYYY-MM [--group G] [--from N] [--to M|current] [--format table|json]",
		`Names each department whose total, rank, grade, status, name or group differs between edition N
(default: the latest) and edition M or the current results (default), by how much, and every cause
found: a data version (file, author, reason), an adjustment or its withdrawal, a registry change
(name, group, active months) or another rule set.`)
	month := fs.String("month", "", "the month, e.g. 2014-11")
	per := fs.String("period", "", "the period (same as --month)")
	group := fs.String("group", "", "only this group")
	from := fs.Int("from", 0, "the edition to compare from (default: the latest)")
	to := fs.String("to", "current", "an edition number, or current")
	format := fs.String("format", "table", "table or json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	p, err := periodFlag(*month, *per)
	if err != nil {
		return err
	}
	b := editions.Between{Period: p, Group: *group, From: *from}
	if *to != "current" {
		if b.To, err = strconv.Atoi(*to); err != nil || b.To <= 0 {
			return gs.Errorf(gs.EINVALID, "--to %q 无效:应为版次号或 current", "--to %q: expected an edition number or current", *to)
		}
	}
	db, err := e.readDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	c, err := editions.Diff(ctx, db, b)
	if err != nil {
		return err
	}
	if *format == "json" {
		c.Changes = orEmpty(c.Changes)
		return writeJSONOut(e, c)
	}
	printDiff(e, c)
	return nil
}

func printDiff(e *env, c *editions.Comparison) {
	l := e.lang
	to := l.T("当前结果", "the current results")
	if c.To != nil {
		to = l.Tf("第 %d 版", "edition %d", c.To.Number)
	}
	e.printf(l.T("%s 第 %d 版 → %s:%d 个部门变化\n", "%s edition %d → %s: %d changed\n"), c.Period, c.From.Number, to, len(c.Changes))
	if c.Stale != "" {
		e.printf(l.T("注意:上次评分后有未计入的改动(%s):当前结果尚未更新,请先运行 govscore score\n",
			"note: a change is not scored yet (%s): the current results do not show it; run govscore score first\n"), c.Stale)
	}
	for _, ch := range c.Changes {
		e.printf("\n%s %s(%s)\n", ch.DeptCode, ch.DeptName, ch.Group)
		e.printf("  %s\n", strings.Join(moves(e, ch), l.T(";", "; ")))
		for _, cause := range ch.Causes {
			e.printf("  · %s\n", cause.Text().In(l))
		}
	}
}

// moves say how a department's figures moved: total (and by how much), rank, grade, status.
func moves(e *env, ch editions.Change) []string {
	l := e.lang
	if ch.From == nil || ch.To == nil {
		s, in := ch.From, l.T("不再列入排名", "no longer ranked")
		if s == nil {
			s, in = ch.To, l.T("新列入排名", "newly ranked")
		}
		return []string{in, l.Tf("得分 %.2f,排名 %s,%s", "total %.2f, rank %s, %s", report.Round2(s.Total), rankOr(s.Rank), l.T(s.Grade, s.GradeEN))}
	}
	a, z := ch.From, ch.To
	out := []string{l.Tf("得分 %.2f → %.2f(%+.2f)", "total %.2f → %.2f (%+.2f)", report.Round2(a.Total), report.Round2(z.Total), report.Round2(z.Total)-report.Round2(a.Total))}
	if a.Rank != z.Rank {
		out = append(out, l.Tf("排名 %s → %s", "rank %s → %s", rankOr(a.Rank), rankOr(z.Rank)))
	}
	if a.Grade != z.Grade {
		out = append(out, l.Tf("等次 %s → %s", "grade %s → %s", l.T(a.Grade, a.GradeEN), l.T(z.Grade, z.GradeEN)))
	}
	if a.Status != z.Status {
		out = append(out, l.Tf("状态 %s → %s", "status %s → %s", report.StatusLabel(l, a.Status), report.StatusLabel(l, z.Status)))
	}
	return out
}

func rankOr(r int) string {
	if r == 0 {
		return "—"
	}
	return strconv.Itoa(r)
}

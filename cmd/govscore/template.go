package main

import (
	"context"
	"io"
	"time"

	"github.com/govscore/govscore/catalog"
	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/period"
	"github.com/govscore/govscore/template"
)

func init() {
	commands["template"] = command{"write the fill-in workbook for a month: template --month YYYY-MM --out FILE.xlsx", runTemplate}
}

func runTemplate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "template", "--month YYYY-MM [--dept CODE] [--deadline YYYY-MM-DD] --out FILE.xlsx",
		`Writes the workbook departments fill in for a month: a row per department active that month
(code, name and month filled and locked), a column per metric with its definition as a comment,
values checked as they are typed, and a 说明 sheet. Filled in, it ingests as it is.`)
	month := fs.String("month", "", "the month, e.g. 2014-12")
	dept := fs.String("dept", "", "one department's own workbook: only its row")
	deadline := fs.String("deadline", "", "when the figures are due, shown on the 说明 sheet (default: the 10th of the next month)")
	out := fs.String("out", "", "the workbook to write, e.g. 填报-2014-12.xlsx")
	if err := fs.Parse(args); err != nil {
		return err
	}
	p, err := period.ParseMonth(*month)
	if err != nil || *out == "" {
		return locale.Errorf("template 需要 --month YYYY-MM 和 --out 文件.xlsx", "template needs --month YYYY-MM and --out FILE.xlsx")
	}
	due, err := dueDate(p, *deadline)
	if err != nil {
		return err
	}
	db, err := e.readDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	spec := template.Spec{Period: p.String(), Checks: catalog.Checks(), Deadline: due, Lang: e.lang}
	if spec.Depts, err = template.Depts(ctx, db, p.String(), *dept); err != nil {
		return err
	}
	if spec.Metrics, err = catalog.Load(ctx, db); err != nil {
		return err
	}
	if err := writeOut(e, *out, func(w io.Writer) error { return template.Write(w, spec) }); err != nil {
		return err
	}
	e.printf(e.lang.T("已写入 %s:%d 个部门,%d 项指标\n", "wrote %s: %d departments, %d metrics\n"), *out, len(spec.Depts), len(spec.Metrics))
	return nil
}

// dueDate is the deadline given, or by default the 10th of the month after p (when the
// reminder job starts listing who has not submitted).
func dueDate(p period.Period, s string) (time.Time, error) {
	if s == "" {
		next := p.Add(1)
		return time.Date(next.Year, time.Month(next.Num), 10, 0, 0, 0, 0, time.UTC), nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return t, locale.Errorf("--deadline “%s”:应为日期,如 2015-01-10", "--deadline %q: expected a date such as 2015-01-10", s)
	}
	return t, nil
}

package main

import (
	"context"
	"fmt"
	"strconv"

	gs "github.com/govscore/govscore"
	"github.com/govscore/govscore/adjustments"
	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/period"
	"github.com/govscore/govscore/report"
)

func runAdjustList(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "adjust list", "[--month YYYY-MM] [--dept CODE] [--format table|csv|json]",
		"Lists office adjustments, active and withdrawn: id, department, month, points, reason, author, time,\nstatus, and for a withdrawn one who withdrew it, when and why.")
	month := fs.String("month", "", "only this month")
	dept := fs.String("dept", "", "only this department")
	format := fs.String("format", "table", "table, csv or json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	f := adjustments.Filter{Dept: *dept}
	if *month != "" {
		p, err := period.Parse(*month)
		if err != nil {
			return err
		}
		f.Period = p.String()
	}
	db, err := e.readDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	list, err := adjustments.List(ctx, db, f)
	if err != nil {
		return err
	}
	switch *format {
	case "json":
		return writeJSONOut(e, orEmpty(list))
	case "csv":
		return adjustmentsCSV(e, list)
	case "table":
		return adjustmentsTable(e, list)
	}
	return fmt.Errorf("--format %q: expected table, csv or json", *format)
}

// orEmpty is list, or an empty list rather than null for JSON.
func orEmpty[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

var adjustmentColumns = []string{"id", "dept_code", "month", "points", "reason", "author", "created_at", "status", "withdrawn_by", "withdrawn_at", "withdraw_reason"}

func adjustmentRow(a gs.Adjustment, l locale.Lang) []string {
	status, at := l.T("有效", "active"), ""
	if !a.Active() {
		status, at = l.T("已撤销", "withdrawn"), a.WithdrawnAt.In(shownZone()).Format("2006-01-02 15:04")
	}
	return []string{strconv.FormatInt(a.ID, 10), a.DeptCode, a.Period, strconv.FormatFloat(a.Points, 'f', -1, 64), a.Reason, a.Author,
		a.CreatedAt.In(shownZone()).Format("2006-01-02 15:04"), status, a.WithdrawnBy, at, a.WithdrawReason}
}

func adjustmentsCSV(e *env, list []gs.Adjustment) error {
	w := report.NewCSV(e.stdout) // reasons are typed by people: cells safe to open
	w.Write(adjustmentColumns)
	for _, a := range list {
		w.Write(adjustmentRow(a, locale.EN))
	}
	return w.Flush()
}

func adjustmentsTable(e *env, list []gs.Adjustment) error {
	l := e.lang
	if len(list) == 0 {
		e.printf("%s\n", l.T("没有调整记录", "no adjustments"))
		return nil
	}
	rows := [][]string{{"#", l.T("部门", "Dept"), l.T("月份", "Month"), l.T("分值", "Points"), l.T("原因", "Reason"), l.T("决定人", "Author"),
		l.T("时间", "Time"), l.T("状态", "Status"), l.T("撤销人", "Withdrawn by"), l.T("撤销时间", "Withdrawn at"), l.T("撤销原因", "Why")}}
	for _, a := range list {
		rows = append(rows, adjustmentRow(a, l))
	}
	return report.Aligned(e.stdout, rows, map[int]bool{0: true, 3: true})
}

package main

import (
	"context"
	"fmt"

	"github.com/govscore/govscore/audit"
	"github.com/govscore/govscore/report"
)

func init() {
	commands["audit"] = command{"list the audit log: audit [--action A] [--dept D] [--limit N]", runAudit}
}

func runAudit(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "audit", "[--action A] [--dept D] [--actor NAME] [--month M] [--limit N] [--format table|json]",
		`Lists the audit log, newest first: when, who, from where, what (action), to what (subject), the
period and what changed. --action matches a prefix: adjustment finds adjustment.add and
adjustment.withdraw; edition finds edition.publish. --format json adds before/after.`)
	action := fs.String("action", "", "only actions starting with this, e.g. adjustment, edition.publish, depts")
	dept := fs.String("dept", "", "only entries about this department (or other subject: a file, an edition such as 2014-11#1)")
	actor := fs.String("actor", "", "only entries by this person")
	month := fs.String("month", "", "only entries about this period")
	limit := fs.Int("limit", 50, "at most this many entries")
	format := fs.String("format", "table", "table or json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	db, err := e.readDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	list, err := audit.List(ctx, db, audit.Filter{Action: *action, Subject: *dept, Actor: *actor, Period: *month, Limit: *limit})
	if err != nil {
		return err
	}
	switch *format {
	case "json":
		return writeJSONOut(e, orEmpty(list))
	case "table":
	default:
		return fmt.Errorf("--format %q: expected table or json", *format)
	}
	if len(list) == 0 {
		e.printf("%s\n", e.lang.T("审计日志中没有相符的记录", "no matching audit entries"))
		return nil
	}
	l := e.lang
	rows := [][]string{{l.T("时间", "Time"), l.T("操作人", "Actor"), l.T("来源", "From"), l.T("操作", "Action"), l.T("对象", "Subject"), l.T("期间", "Period"), l.T("内容", "Detail")}}
	for _, a := range list {
		rows = append(rows, []string{a.At.In(shownZone()).Format("2006-01-02 15:04:05"), a.Actor, a.Addr, a.Action, a.Subject, a.Period, firstLine(a.Detail)})
	}
	return report.Aligned(e.stdout, rows, nil)
}

package main

import (
	"context"
	"strings"

	"github.com/govscore/govscore/editions"
)

func init() {
	commands["publish"] = command{"publish a period's ranking as its next edition: publish --month YYYY-MM --author NAME", runPublish}
}

func runPublish(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "publish", "--month YYYY-MM [--group G] --author NAME [--note TEXT]",
		`Freezes the period's current ranking as its next edition (1, 2, … per period, and per group when
--group is given): the rows as rank shows them, every department's score lines with their reasons,
the rule set's version and hash, the data versions and adjustments used. rank --edition N shows it
as published, whatever changes later. Run score first: publish refuses results that a change has
made stale.`)
	month := fs.String("month", "", "the month, e.g. 2014-11")
	per := fs.String("period", "", "the period (same as --month)")
	group := fs.String("group", "", "publish this group only")
	author := fs.String("author", e.actor(), "who publishes it, e.g. 政务公开办")
	note := fs.String("note", "", "a note kept with the edition")
	if err := fs.Parse(args); err != nil {
		return err
	}
	p, err := periodFlag(*month, *per)
	if err != nil {
		return err
	}
	db, err := e.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	ed, err := editions.Publish(ctx, db, editions.Request{Period: p, Group: *group, Author: *author, Note: *note}, editions.Options{Now: e.now})
	if err != nil {
		return err
	}
	e.printf(e.lang.T("已发布 %s 第 %d 版(%s):%d 个部门,规则 %s %s(%.12s),发布人 %s\n",
		"published %s edition %d (%s): %d departments, rules %s %s (%.12s), by %s\n"),
		ed.Period, ed.Number, scopeLabel(e, ed.Scope), ed.Depts, ed.RuleSet, ed.RuleSetVersion, ed.RuleSetHash, ed.Author)
	return nil
}

// scopeLabel is an edition's scope as people read it.
func scopeLabel(e *env, scope string) string {
	if scope == "" {
		return e.lang.T("全部分组", "every group")
	}
	return scope
}

func joinGroups(gs []string) string { return strings.Join(gs, "、") }

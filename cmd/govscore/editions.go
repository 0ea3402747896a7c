package main

import (
	"context"
	"strconv"

	"github.com/govscore/govscore/editions"
	"github.com/govscore/govscore/report"
)

func init() {
	commands["editions"] = command{"list a period's published editions: editions --month YYYY-MM", runEditions}
}

func runEditions(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "editions", "[--month YYYY-MM] [--format table|json]",
		"Lists published editions: number, time, author, rule set version and hash, note, groups.")
	month := fs.String("month", "", "only this month (default: every period)")
	per := fs.String("period", "", "only this period (same as --month)")
	format := fs.String("format", "table", "table or json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	p := ""
	if *month != "" || *per != "" {
		var err error
		if p, err = periodFlag(*month, *per); err != nil {
			return err
		}
	}
	db, err := e.readDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	list, err := editions.List(ctx, db, p)
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSONOut(e, orEmpty(list))
	}
	if len(list) == 0 {
		e.printf("%s\n", e.lang.T("尚无发布的版次(govscore publish 发布)", "no editions published yet (govscore publish makes one)"))
		return nil
	}
	l := e.lang
	rows := [][]string{{l.T("月份", "Month"), l.T("范围", "Scope"), l.T("版次", "Edition"), l.T("发布时间", "Published"), l.T("发布人", "Author"),
		l.T("规则版本", "Rules"), l.T("规则哈希", "Hash"), l.T("部门数", "Depts"), l.T("分组", "Groups"), l.T("说明", "Note")}}
	for _, ed := range list {
		rows = append(rows, []string{ed.Period, scopeLabel(e, ed.Scope), strconv.Itoa(ed.Number), ed.PublishedAt.In(shownZone()).Format("2006-01-02 15:04"),
			ed.Author, ed.RuleSet + " " + ed.RuleSetVersion, ed.RuleSetHash[:min(12, len(ed.RuleSetHash))], strconv.Itoa(ed.Depts), joinGroups(ed.Groups), ed.Note})
	}
	return report.Aligned(e.stdout, rows, map[int]bool{2: true, 7: true})
}

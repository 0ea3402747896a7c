package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/govscore/govscore/editions"
	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/locale"
)

func init() {
	commands["depts"] = command{"manage departments: depts import FILE", runDepts}
}

func runDepts(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "depts", "import FILE [--force] [--author NAME]", `Imports a department list (CSV or XLSX) with the columns
部门代码, 部门名称, 分组, 曾用名, 启用月份, 停用月份
(or dept_code, dept_name, group, former_names, active_from, active_to). Listed departments are
added or updated; a new name keeps the old one as a former name. A change that would alter a
published period (a department added to or removed from its ranking, renamed, or moved between
groups) is refused, each listed, unless --force; editions stay as published either way.`)
	force := fs.Bool("force", false, "apply a change that alters published periods' current results (audited)")
	author := fs.String("author", e.actor(), "who makes the change, for the audit log")
	if len(args) == 0 || args[0] != "import" {
		if err := fs.Parse(args); err != nil {
			return err // --help
		}
		fs.Usage()
		return fmt.Errorf("depts: expected `depts import FILE`")
	}
	file, err := parseWithArg(fs, args[1:])
	if err != nil {
		return err
	}
	if file == "" || fs.NArg() > 1 {
		fs.Usage()
		return fmt.Errorf("depts: expected `depts import FILE`")
	}
	db, err := e.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	opts := ingest.Options{Source: "cli", Actor: *author, Now: e.now, Guard: editions.Guard(*force, *author, editions.Options{Now: e.now})}
	res, err := ingest.Departments(ctx, db, file, opts)
	if err != nil {
		return errors.New(locale.Message(err, e.lang))
	}
	e.printf(e.lang.T("%s:%d 个部门,新增 %d,变更 %d,更名 %d\n", "%s: %d departments, %d added, %d changed, %d renamed\n"),
		res.File, res.Rows, res.Added, res.Changed, res.Renamed)
	return nil
}

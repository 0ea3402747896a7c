package ingest

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
)

var (
	groupHeaders  = []string{"分组", "组别", "类别", "group", "grp"}
	formerHeaders = []string{"曾用名", "原名称", "former_names", "former names", "former"}
	fromHeaders   = []string{"启用月份", "起始月份", "active_from", "from"}
	toHeaders     = []string{"停用月份", "截止月份", "active_to", "to"}
)

// DeptsResult is what a department list changed.
type DeptsResult struct {
	File             string
	Rows, Added      int
	Changed, Renamed int
}

// Departments imports a department list (CSV or XLSX): code, name, group, former names, active
// from and to. Listed departments are added or updated (a new name keeps the old one as a former
// name); departments not listed are left as they are.
func Departments(ctx context.Context, db *sql.DB, path string, opts Options) (DeptsResult, error) {
	content, err := os.ReadFile(path)
	if err != nil {
		return DeptsResult{File: path}, fmt.Errorf("import departments %s: %w", path, err)
	}
	return DepartmentsBytes(ctx, db, path, content, opts)
}

// DepartmentsBytes is Departments for a file held in memory.
func DepartmentsBytes(ctx context.Context, db *sql.DB, name string, content []byte, opts Options) (DeptsResult, error) {
	res := DeptsResult{File: name}
	t, err := readTable(name, content)
	if err != nil {
		return res, err
	}
	defer t.close()
	c, err := loadCatalog(ctx, db)
	if err != nil {
		return res, err
	}
	list, err := parseDepts(t, c)
	if err != nil {
		return res, err
	}
	res.Rows = len(list)
	return res, writeDepts(ctx, db, t, list, c, &res, opts)
}

type deptRow struct {
	dept
	former []string
	row    int
}

func parseDepts(t *table, c *catalog) ([]deptRow, error) {
	h := t.header
	cols := map[string]int{"code": find(h, codeHeaders), "name": find(h, nameHeaders), "group": find(h, groupHeaders),
		"former": find(h, formerHeaders), "from": find(h, fromHeaders), "to": find(h, toHeaders)}
	ps := &problems{file: t.file}
	for _, k := range []string{"code", "name", "group"} {
		if cols[k] < 0 {
			ps.add(1, "", "no %s column: expected a header 部门代码,部门名称,分组,曾用名,启用月份,停用月份 (or dept_code,dept_name,group,former_names,active_from,active_to)", k)
		}
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	var list []deptRow
	codes, names := map[string]int{}, map[string]string{}
	err := t.rows(func(row int, rec []string) error {
		d := deptRow{row: row, dept: dept{code: cell(rec, cols["code"]), name: cell(rec, cols["name"]), grp: cell(rec, cols["group"])}}
		d.from = deptMonth(ps, t, row, rec, cols["from"])
		d.to = deptMonth(ps, t, row, rec, cols["to"])
		d.former = splitNames(cell(rec, cols["former"]))
		checkDept(ps, t, cols, d, codes, names, c)
		list = append(list, d)
		return nil
	})
	if err == nil && len(list) == 0 {
		ps.addT(0, "", "文件只有表头,没有部门", "the file has a header but no departments")
	}
	if err != nil {
		return nil, err
	}
	return list, ps.err()
}

func checkDept(ps *problems, t *table, cols map[string]int, d deptRow, codes map[string]int, names map[string]string, c *catalog) {
	for k, v := range map[string]string{"code": d.code, "name": d.name, "group": d.grp} {
		if v == "" {
			ps.add(d.row, t.colName(cols[k]), "empty %s: every department needs a code, a name and a group", k)
		}
	}
	if first, dup := codes[d.code]; dup && d.code != "" {
		ps.addT(d.row, t.colName(cols["code"]), "部门代码 %s 重复(首次在第 %d 行)", "department code %s appears twice (first in row %d)", d.code, first)
	}
	codes[d.code] = d.row
	if d.from != "" && d.to != "" && d.to < d.from {
		ps.addT(d.row, t.colName(cols["to"]), "停用月份 %s 早于启用月份 %s", "active to %s is before active from %s", d.to, d.from)
	}
	for _, n := range append([]string{d.name}, d.former...) {
		if owner, ok := names[n]; ok && owner != d.code {
			ps.addT(d.row, t.colName(cols["name"]), "名称“%s”在本文件中也用于部门 %s", "name %q is also given to department %s in this file", n, owner)
		} else if owner, ok := c.names[n]; ok && owner != d.code && !listed(codes, owner) {
			ps.addT(d.row, t.colName(cols["name"]), "名称“%s”已属于部门 %s", "name %q already belongs to department %s", n, owner)
		}
		names[n] = d.code
	}
}

func listed(codes map[string]int, code string) bool { _, ok := codes[code]; return ok }

func deptMonth(ps *problems, t *table, row int, rec []string, col int) string {
	raw := cell(rec, col)
	if raw == "" {
		return ""
	}
	p, err := parsePeriod(raw)
	if err != nil {
		ps.addErr(row, t.colName(col), err)
		return ""
	}
	return p.String()
}

// splitNames splits a list of former names written with any of the separators people use.
func splitNames(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、;;,,|/", r) })
	out := f[:0]
	for _, n := range f {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

package template

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/govscore/govscore"
	sqlfs "github.com/govscore/govscore/sql"
)

// Dept is one row of a template: a department scored that month.
type Dept struct{ Code, Name, Group string }

// Depts are the departments active in period, by group and code; with code, that one only (an
// unknown or inactive code is an error naming it).
func Depts(ctx context.Context, db *sql.DB, period, code string) ([]Dept, error) {
	var filter any
	if code != "" {
		filter = code
	}
	rows, err := db.QueryContext(ctx, sqlfs.Query("templateDepts"), period, filter)
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", period, err)
	}
	defer rows.Close()
	var out []Dept
	for rows.Next() {
		var d Dept
		if err := rows.Scan(&d.Code, &d.Name, &d.Group); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	switch {
	case len(out) == 0 && code != "":
		return nil, govscore.Errorf(govscore.ENOTFOUND, "部门 %s 不在部门名单中,或 %s 不在其考核期内", "department %s is not in the department list or not active in %s", code, period)
	case len(out) == 0:
		return nil, govscore.Errorf(govscore.ENOTFOUND, "%s 没有在考核期内的部门:请先导入部门名单(govscore depts import)", "no department is active in %s: import the department list first (govscore depts import)", period)
	}
	return out, nil
}

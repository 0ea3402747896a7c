package template_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/catalog"
	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/template"
	"github.com/govscore/govscore/testutil"
)

const deptList = `部门代码,部门名称,分组,曾用名,启用月份,停用月份
FGW,发展和改革委员会,市级部门,,,
JXW,经济和信息化局,市级部门,经济和信息化委员会,,
KJJ,科学技术局,市级部门,,2015-01,
X01,利州区人民政府,县区政府,,,
X02,昭化区人民政府,县区政府,,,2014-10
`

// registry is a database holding deptList.
func registry(t *testing.T) *sql.DB {
	db, _ := testutil.DB(t)
	if _, err := ingest.Departments(context.Background(), db, testutil.File(t, "depts.csv", deptList), ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	return db
}

func spec(t *testing.T, db *sql.DB, month, dept string) template.Spec {
	ctx := context.Background()
	s := template.Spec{Period: month, Checks: catalog.Checks(), Deadline: time.Date(2015, 1, 10, 0, 0, 0, 0, time.UTC), Lang: locale.ZH}
	var err error
	if s.Depts, err = template.Depts(ctx, db, month, dept); err != nil {
		t.Fatal(err)
	}
	if s.Metrics, err = catalog.Load(ctx, db); err != nil {
		t.Fatal(err)
	}
	return s
}

func write(t *testing.T, s template.Spec) *excelize.File {
	var b bytes.Buffer
	if err := template.Write(&b, s); err != nil {
		t.Fatal(err)
	}
	return testutil.OpenXLSX(t, b.Bytes())
}

func TestDepts(t *testing.T) {
	db := registry(t)
	for _, c := range []struct{ name, month, dept, want string }{
		{"active that month, the largest group first", "2014-12", "", "FGW JXW X01"},
		{"one that ended is still in its last month", "2014-10", "", "X01 X02 FGW JXW"},
		{"one that starts later appears from its first month", "2015-01", "", "FGW JXW KJJ X01"},
		{"one department", "2014-12", "JXW", "JXW"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ds, err := template.Depts(context.Background(), db, c.month, c.dept)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range ds {
				got = append(got, d.Code)
			}
			if strings.Join(got, " ") != c.want {
				t.Errorf("got %v, want %s", got, c.want)
			}
		})
	}
	_, err := template.Depts(context.Background(), db, "2014-12", "KJJ")
	if govscore.ErrorCode(err) != govscore.ENOTFOUND || !strings.Contains(locale.Message(err, locale.ZH), "KJJ") {
		t.Errorf("a department not active that month: err = %v, want not found naming it", err)
	}
}

func TestLayout(t *testing.T) {
	db := registry(t)
	s := spec(t, db, "2014-12", "")
	f := write(t, s)
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "填报" || got[1] != "说明" {
		t.Fatalf("sheets = %v, want the data sheet first (ingest reads the first), then 说明", got)
	}
	rows, _ := f.GetRows("填报")
	if len(rows) != 4 || strings.Join(rows[0][:3], ",") != "部门代码,部门名称,月份" || rows[2][0] != "JXW" || rows[2][2] != "2014-12" {
		t.Fatalf("rows = %v", rows)
	}
	if len(rows[0]) != 3+28 {
		t.Errorf("%d header cells, want 3 + 28 metrics", len(rows[0]))
	}
	// what a person sees: the unit beside the name, through the number format
	if shown, _ := f.GetCellValue("填报", "D1"); shown != "概况信息(条)" {
		t.Errorf("D1 shows %q, want 概况信息(条)", shown)
	}
	checkProtection(t, f)
	checkRules(t, f, s)
	comments, _ := f.GetComments("填报")
	if len(comments) != 28 || !strings.Contains(comments[3].Paragraph[0].Text, "每天一信息") {
		t.Errorf("%d comments, want one per metric with its definition: %+v", len(comments), comments)
	}
	panes, _ := f.GetPanes("填报")
	if !panes.Freeze || panes.XSplit != 3 || panes.YSplit != 1 {
		t.Errorf("panes = %+v, want header and the three department columns frozen", panes)
	}
	guide, _ := f.GetRows("说明")
	if text := fmt.Sprint(guide); !strings.Contains(text, "2015年1月10日") || !strings.Contains(text, "按期答复与逾期答复之和") {
		t.Errorf("说明 lacks the deadline or a check: %v", guide[:10])
	}
}

func checkProtection(t *testing.T, f *excelize.File) {
	t.Helper()
	style := func(cell string) *excelize.Style {
		id, _ := f.GetCellStyle("填报", cell)
		st, _ := f.GetStyle(id)
		return st
	}
	if st := style("B3"); st.Protection == nil || !st.Protection.Locked {
		t.Errorf("a department name is not locked: %+v", st.Protection)
	}
	if st := style("G3"); st.Protection == nil || st.Protection.Locked {
		t.Errorf("an input cell is locked: %+v", st.Protection)
	}
	if p, err := f.GetSheetProtection("填报"); err != nil || !p.SelectUnlockedCells || p.InsertRows || p.DeleteRows {
		t.Errorf("the data sheet is not protected as it should be: %+v, %v", p, err)
	}
}

func checkRules(t *testing.T, f *excelize.File, s template.Spec) {
	t.Helper()
	dvs, _ := f.GetDataValidations("填报")
	if len(dvs) != 28 {
		t.Fatalf("%d data validations, want one per metric", len(dvs))
	}
	byRange := map[string]*excelize.DataValidation{}
	for _, dv := range dvs {
		byRange[dv.Sqref] = dv
	}
	// D: 概况信息, a count up to 200; M: 全文电子化率, a rate; AA: 违规收费, an amount
	for _, c := range []struct{ area, kind, op, f1, f2 string }{
		{"D2:D4", "whole", "between", "0", "200"},
		{"M2:M4", "decimal", "between", "0", "100"},
		{"AA2:AA4", "decimal", "greaterThanOrEqual", "0", ""},
	} {
		dv := byRange[c.area]
		if dv == nil || dv.Type != c.kind || dv.Operator != c.op || !strings.Contains(dv.Formula1, c.f1) || !strings.Contains(dv.Formula2, c.f2) {
			t.Errorf("%s: validation %+v, want %s %s %s..%s", c.area, dv, c.kind, c.op, c.f1, c.f2)
		}
	}
	cf, _ := f.GetConditionalFormats("填报")
	// 超期公开 is column L; 按期答复 Y, 逾期答复 Z, 收到公开申请 X
	if rule := cf["L2:L4"]; len(rule) != 1 || rule[0].Criteria != "($L2)>($D2+$E2+$F2+$G2+$H2+$I2+$J2+$K2)" {
		t.Errorf("超期公开's rule = %+v", rule)
	}
	if rule := cf["Y2:Y4"]; len(rule) != 1 || rule[0].Criteria != "($Y2+$Z2)>($X2)" {
		t.Errorf("按期答复's rule = %+v", rule)
	}
}

// TestFilledTemplateIngests fills a template by program, as a clerk would (no other edit),
// ingests it, and finds the stored activity equal to the same values ingested as CSV.
func TestFilledTemplateIngests(t *testing.T) {
	for _, c := range []struct{ name, dept string }{{"every department", ""}, {"one department's own", "X01"}} {
		t.Run(c.name, func(t *testing.T) {
			fromXLSX, fromCSV := registry(t), registry(t)
			s := spec(t, fromXLSX, "2014-12", c.dept)
			f := write(t, s)
			values := fill(t, f, s)
			path := filepath.Join(t.TempDir(), "填报-2014-12.xlsx")
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			if _, err := ingest.File(ctx, fromXLSX, path, ingest.Options{}); err != nil {
				t.Fatalf("the filled template does not ingest: %v", locale.Message(err, locale.ZH))
			}
			if _, err := ingest.File(ctx, fromCSV, asCSV(t, s, values), ingest.Options{}); err != nil {
				t.Fatal(err)
			}
			got, want := activity(t, fromXLSX), activity(t, fromCSV)
			if got != want || strings.Count(got, "\n") != len(s.Depts) {
				t.Errorf("from the template:\n%s\nfrom CSV:\n%s", got, want)
			}
		})
	}
}

// fill types plausible figures into every input cell, some left empty ("not reported"), a rate
// with decimals and a fee in yuan and fen, every cross-field check kept; it returns them as text.
func fill(t *testing.T, f *excelize.File, s template.Spec) [][]string {
	r := rand.New(rand.NewPCG(1, 2))
	var out [][]string
	for i := range s.Depts {
		row := make([]string, len(s.Metrics))
		for j, m := range s.Metrics {
			switch {
			case m.Kind == "rate":
				row[j] = fmt.Sprint(90 + float64(r.IntN(100))/10)
			case m.Kind == "amount":
				row[j] = fmt.Sprint(float64(r.IntN(3)) * 12.5)
			case r.IntN(9) == 0:
				row[j] = ""
			default:
				row[j] = fmt.Sprint(3 + r.IntN(20))
			}
		}
		keepChecks(s, row)
		for j, v := range row {
			if v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(4+j, i+2)
			var x float64
			fmt.Sscan(v, &x)
			if err := f.SetCellFloat("填报", cell, x, -1, 64); err != nil {
				t.Fatal(err)
			}
		}
		out = append(out, row)
	}
	return out
}

// keepChecks lowers each check's left metrics to 1 (or empty) so that no row breaks a check.
func keepChecks(s template.Spec, row []string) {
	for _, c := range s.Checks {
		for _, code := range c.Left {
			for j, m := range s.Metrics {
				if m.Code == code && row[j] != "" {
					row[j] = "1"
				}
			}
		}
		for _, code := range c.Right {
			for j, m := range s.Metrics {
				if m.Code == code {
					row[j] = "10"
				}
			}
		}
	}
}

func asCSV(t *testing.T, s template.Spec, values [][]string) string {
	head := []string{"部门代码", "部门名称", "月份"}
	for _, m := range s.Metrics {
		head = append(head, m.Name)
	}
	lines := []string{strings.Join(head, ",")}
	for i, d := range s.Depts {
		lines = append(lines, strings.Join(append([]string{d.Code, d.Name, s.Period}, values[i]...), ","))
	}
	return testutil.File(t, "same.csv", strings.Join(lines, "\n")+"\n")
}

// activity is the stored current activity as text, without the batch it came from.
func activity(t *testing.T, db *sql.DB) string {
	rows, err := db.Query(`SELECT * EXCLUDE (batch_id) FROM activity ORDER BY dept_code, period, version`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(&b, vals...)
	}
	return b.String()
}

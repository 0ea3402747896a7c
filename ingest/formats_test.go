package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// xlsxFile writes rows into a real workbook; time.Time cells become Excel date cells.
func xlsxFile(t *testing.T, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cellName, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cellName, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "activity.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func cells(s string) []any {
	var out []any
	for _, c := range strings.Split(strings.TrimSuffix(s, "\n"), ",") {
		out = append(out, c)
	}
	return out
}

func TestFormats(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(wideHeader + wideRow("", "经济和信息化委员会", "2014年10月"))
	if err != nil {
		t.Fatal(err)
	}
	dateRow := cells(wideRow("FGW", "发展和改革委员会", "x"))
	dateRow[2] = time.Date(2014, 9, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name, path, dept, period string
	}{
		{"GBK CSV, former name, 年月", writeFile(t, "gbk.csv", gbk), "JXW", "2014-10"},
		{"UTF-8 with BOM, slashes", writeFile(t, "bom.csv", "\ufeff"+wideHeader+wideRow("FGW", "", "2014/08")), "FGW", "2014-08"},
		{"XLSX with an Excel date cell", xlsxFile(t, [][]any{cells(wideHeader), dateRow}), "FGW", "2014-09"},
		{"XLSX long form", xlsxFile(t, [][]any{{"dept_code", "period", "metric", "value"}, {"JXW", "2014-07", "工作动态", 3}, {"JXW", "2014-07", "fulltext_rate", "95.5%"}}), "JXW", "2014-07"},
		{"English headers", writeFile(t, "en.csv", "dept_code,dept_name,month,pub_news,fulltext_rate\nFGW,,2014-06,4,90\n"), "FGW", "2014-06"},
	}
	db := mustOpenDB(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := File(context.Background(), db, c.path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.New != 1 || len(res.Periods) != 1 || res.Periods[0] != c.period {
				t.Fatalf("result = %+v, want one new row for %s", res, c.period)
			}
			var n int
			db.QueryRow(`SELECT count(*) FROM activity WHERE dept_code = ? AND period = ? AND current`, c.dept, c.period).Scan(&n)
			if n != 1 {
				t.Errorf("no current row for %s %s", c.dept, c.period)
			}
		})
	}
	var rate float64
	db.QueryRow(`SELECT fulltext_rate FROM activity WHERE dept_code = 'JXW' AND period = '2014-07'`).Scan(&rate)
	if rate != 95.5 {
		t.Errorf("95.5%% read as %v", rate)
	}
	var sheet string
	db.QueryRow(`SELECT b.sheet FROM activity a JOIN batches b ON b.id = a.batch_id WHERE a.dept_code = 'FGW' AND a.period = '2014-09'`).Scan(&sheet)
	if sheet != "Sheet1" {
		t.Errorf("batch sheet = %q, want Sheet1", sheet)
	}
	os.Remove(cases[0].path)
}

func TestDepartmentsRename(t *testing.T) {
	db := mustOpenDB(t)
	path := writeFile(t, "d.csv", "dept_code,dept_name,group\nFGW,发展改革局,市级部门\n")
	res, err := Departments(context.Background(), db, path, Options{})
	if err != nil || res.Renamed != 1 {
		t.Fatalf("rename = %+v, %v", res, err)
	}
	if _, err := File(context.Background(), db, writeFile(t, "old.csv", wideHeader+wideRow("", "发展和改革委员会", "2014-05")), Options{}); err != nil {
		t.Fatalf("a file using the old name: %v", err)
	}
	bad := writeFile(t, "d2.csv", "dept_code,dept_name,group\nJYJ,发展改革局,市级部门\nJYJ,教育局,市级部门\n")
	before := snapshot(t, db)
	_, err = Departments(context.Background(), db, bad, Options{})
	if err == nil || !strings.Contains(err.Error(), `name "发展改革局" already belongs to department FGW`) || !strings.Contains(err.Error(), "JYJ appears twice") {
		t.Fatalf("err = %v", err)
	}
	if after := snapshot(t, db); after != before {
		t.Errorf("database changed: %s → %s", before, after)
	}
}

package ingest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/govscore/govscore/locale"
)

// TestRejects feeds one bad file per case and checks the message names the row, the column and
// what was expected, and that the database is exactly as before.
func TestRejects(t *testing.T) {
	good := wideRow("JXW", "经济和信息化局", "2014-11")
	set := func(col int, v string) string { // replace the figure in metric column col (0-based)
		f := strings.Split(strings.TrimSuffix(good, "\n"), ",")
		f[3+col] = v
		return strings.Join(f, ",") + "\n"
	}
	cases := []struct {
		name, file, content string
		row                 int
		col, want           string
	}{
		{"unknown department", "a.csv", wideHeader + strings.Replace(good, "JXW,", "XXX,", 1), 2, "部门代码", `unknown department code "XXX"`},
		{"unknown department name", "a.csv", wideHeader + strings.Replace(good, "JXW,经济和信息化局", ",信息局", 1), 2, "部门名称", `unknown department "信息局"`},
		{"unknown metric column", "a.csv", strings.Replace(wideHeader, "培训", "培训次数", 1) + good, 1, "培训次数", "known metrics are: 概况信息 (pub_overview)"},
		{"non-numeric count", "a.csv", wideHeader + set(3, "十"), 2, "工作动态", `expected a whole number ≥ 0 (条), got "十"`},
		{"negative count", "a.csv", wideHeader + set(3, "-1"), 2, "工作动态", "negative"},
		{"fractional count", "a.csv", wideHeader + set(3, "2.5"), 2, "工作动态", "whole number"},
		{"rate above 100", "a.csv", wideHeader + set(9, "120"), 2, "全文电子化率", "a percentage from 0 to 100"},
		{"same department-month twice", "a.csv", wideHeader + good + strings.Replace(good, "JXW,经济和信息化局", "JXW,", 1), 3, "", "appears twice in this file (first in row 2)"},
		{"month outside active range", "a.csv", wideHeader + strings.Replace(good, "JXW,经济和信息化局,2014-11", "CZJ,财政局,2014-02", 1), 2, "月份", "not active in 2014-02: its active range is 2014-03 to (open)"},
		{"after a department closed", "a.csv", wideHeader + strings.Replace(good, "JXW,经济和信息化局,2014-11", "LZQ,,2014-11", 1), 2, "月份", "not active in 2014-11"},
		{"bad month", "a.csv", wideHeader + strings.Replace(good, "2014-11", "11/2014", 1), 2, "月份", "expected a month such as 2014-11"},
		{"no period column", "a.csv", strings.Replace(wideHeader, "月份", "日期", 1) + good, 1, "", "no period column"},
		{"empty file", "a.csv", "", 0, "", "the file is empty"},
		{"header only", "a.csv", wideHeader, 0, "", "no data rows"},
		{"not CSV or XLSX", "a.pdf", "%PDF-1.4", 0, "", "not a CSV or XLSX file"},
		{"binary posing as CSV", "a.csv", "\x00\x01\x02garbage", 0, "", "binary content"},
		{"broken XLSX", "a.xlsx", "PK\x03\x04 not really a zip", 0, "", "not a readable XLSX workbook"},
		{"late above published", "a.csv", wideHeader + set(8, "99"), 2, "超期公开", "超期公开 99 exceeds the 20 items published"},
		{"answers above received", "a.csv", wideHeader + set(20, "1"), 2, "按期答复", "按期答复 0 + 逾期答复 0 exceeds 收到公开申请"},
		{"adopted above submitted", "a.csv", wideHeader + set(17, "23"), 2, "信息被采用", "信息被采用 23 exceeds 报送政务信息 22"},
		{"a department list given as activity", "a.csv", "部门代码,部门名称,分组\nJXW,经济和信息化局,市级部门\n", 1, "", "looks like a department list"},
	}
	// "answers above received": received 1 is fine; make on-time 2 of 1 received instead
	cases[18].content = wideHeader + strings.Replace(set(20, "1"), ",1,0,0,0,1,0,0,0\n", ",1,2,0,0,1,0,0,0\n", 1)
	cases[18].want = "按期答复 2 + 逾期答复 0 exceeds 收到公开申请 1"
	db := mustOpenDB(t)
	if _, err := File(context.Background(), db, writeFile(t, "seed.csv", wideHeader+wideRow("FGW", "", "2014-10")), Options{}); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := snapshot(t, db)
			_, err := File(context.Background(), db, writeFile(t, c.file, c.content), Options{})
			var rerr *RejectedError
			if !errors.As(err, &rerr) {
				t.Fatalf("err = %v, want a RejectedError", err)
			}
			p := rerr.Problems[0]
			if p.Row != c.row || p.Column != c.col || !strings.Contains(p.Msg, c.want) || !strings.HasSuffix(p.File, c.file) {
				t.Errorf("problem = %+v\nwant row %d, column %q, message containing %q", p, c.row, c.col, c.want)
			}
			if !strings.Contains(err.Error(), "rejected, nothing written") {
				t.Errorf("message %q does not say the file was rejected whole", err)
			}
			if after := snapshot(t, db); after != before {
				t.Errorf("database changed: %s → %s", before, after)
			}
		})
	}
}

// TestRejectsWholeFile: one bad row among good ones keeps the good ones out too, and every bad
// row is listed.
func TestRejectsWholeFile(t *testing.T) {
	db := mustOpenDB(t)
	content := wideHeader + wideRow("JXW", "", "2014-11") + wideRow("YYY", "", "2014-11") + wideRow("FGW", "", "2014-11") + wideRow("ZZZ", "", "2014-11")
	before := snapshot(t, db)
	_, err := File(context.Background(), db, writeFile(t, "mixed.csv", content), Options{})
	var rerr *RejectedError
	if !errors.As(err, &rerr) || len(rerr.Problems) != 2 || rerr.Problems[0].Row != 3 || rerr.Problems[1].Row != 5 {
		t.Fatalf("err = %v", err)
	}
	if after := snapshot(t, db); after != before {
		t.Errorf("database changed: %s → %s", before, after)
	}
}

// TestRejectsInChinese: the messages departments read are in Chinese, file, row and column first.
func TestRejectsInChinese(t *testing.T) {
	db := mustOpenDB(t)
	bad := strings.Replace(wideRow("JXW", "经济和信息化局", "2014-11"), ",10,", ",十,", 1)
	bad += strings.Replace(wideRow("FGW", "", "2014-11"), ",100,", ",120,", 1)
	_, err := File(context.Background(), db, writeFile(t, "a.csv", wideHeader+bad+wideRow("XXX", "", "2014-11")), Options{})
	got := locale.Message(err, locale.ZH)
	for _, want := range []string{
		"a.csv 已拒收,未写入任何数据:3 处问题",
		"a.csv 第 2 行“工作动态”列:应为不小于 0 的整数(条),实际为“十”",
		"a.csv 第 3 行“全文电子化率”列:应为0 到 100 之间的百分比,实际为“120”",
		"a.csv 第 4 行“部门代码”列:未知的部门代码“XXX”",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Chinese message lacks %q:\n%s", want, got)
		}
	}
	if en := locale.Message(err, locale.EN); !strings.Contains(en, `row 2, column "工作动态": expected a whole number ≥ 0 (条), got "十"`) {
		t.Errorf("English message:\n%s", en)
	}
}

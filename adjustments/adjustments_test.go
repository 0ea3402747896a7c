package adjustments_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/adjustments"
	"github.com/govscore/govscore/audit"
	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/scoring"
	"github.com/govscore/govscore/testutil"
)

const depts = "部门代码,部门名称,分组\nFGW,发展和改革委员会,市级部门\nCZJ,财政局,市级部门\nGONE,撤销局,市级部门,,,2014-06\n"

const activity = `部门代码,月份,工作动态,法规公文,财政信息,全文电子化率,移动短信,报送政务信息,信息被采用,专题报道及宣传片
FGW,2014-11,8,2,1,90,18,20,5,1
CZJ,2014-11,10,1,1,100,20,22,7,0
`

var clock = func() time.Time { return time.Date(2014, 12, 3, 9, 30, 0, 0, time.UTC) }

// scored is a database with two departments scored for 2014-11.
func scored(t *testing.T) *sql.DB {
	t.Helper()
	ctx := context.Background()
	db, _ := testutil.DB(t)
	if _, err := ingest.DepartmentsBytes(ctx, db, "depts.csv", []byte(strings.Replace(depts, "分组\n", "分组,曾用名,启用月份,停用月份\n", 1)), ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Bytes(ctx, db, "activity.csv", []byte(activity), ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	score(t, db)
	return db
}

func score(t *testing.T, db *sql.DB) {
	t.Helper()
	if _, err := scoring.Run(context.Background(), db, scoring.Default(), scoring.Options{Now: clock}); err != nil {
		t.Fatal(err)
	}
}

// totals are every result of 2014-11 as stored, unrounded, with the lines behind them.
func totals(t *testing.T, db *sql.DB) string {
	t.Helper()
	var s string
	err := db.QueryRow(`SELECT string_agg(dept_code || '=' || CAST(total AS VARCHAR) || '/' || CAST(bonus AS VARCHAR) || '/' || grade || '/' || rank, ' ' ORDER BY dept_code)
FROM results WHERE period = '2014-11'`).Scan(&s)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestWithdrawRestoresTheTotal: an adjustment moves a total; withdrawing it and re-scoring gives
// back exactly the total, bonus, grade and rank of before, and the record stays, marked.
func TestWithdrawRestoresTheTotal(t *testing.T) {
	ctx := context.Background()
	db := scored(t)
	before := totals(t, db)
	id, err := adjustments.Add(ctx, db, govscore.Adjustment{DeptCode: "FGW", Period: "2014-11", Points: -7.25, Reason: "通报批评", Author: "张三"}, adjustments.Options{Source: audit.Source{Now: clock}})
	if err != nil {
		t.Fatal(err)
	}
	score(t, db)
	if adjusted := totals(t, db); adjusted == before {
		t.Fatalf("the adjustment changed nothing: %s", adjusted)
	}
	later := func() time.Time { return clock().Add(time.Hour) }
	a, err := adjustments.Withdraw(ctx, db, id, "李四", "误记,撤销", adjustments.Options{Source: audit.Source{Now: later}})
	if err != nil {
		t.Fatal(err)
	}
	score(t, db)
	if after := totals(t, db); after != before {
		t.Errorf("after withdrawing:\n%s\nwant as before:\n%s", after, before)
	}
	list, err := adjustments.List(ctx, db, adjustments.Filter{Dept: "FGW"})
	if err != nil || len(list) != 1 || list[0].Active() || list[0].WithdrawnBy != "李四" || list[0].WithdrawReason != "误记,撤销" || a.WithdrawnAt == nil {
		t.Errorf("list = %+v, %v; want #%d withdrawn by 李四", list, err, id)
	}
	entries, err := audit.List(ctx, db, audit.Filter{Action: "adjustment"})
	if err != nil || len(entries) != 2 || entries[0].Action != "adjustment.withdraw" || !strings.Contains(entries[0].Before, `"withdrawn_at":null`) ||
		!strings.Contains(entries[0].After, `"withdrawn_by":"李四"`) || entries[1].Actor != "张三" {
		t.Errorf("audit = %+v, %v", entries, err)
	}
}

// TestWithdrawRefuses: an unknown id, one withdrawn already, no reason or author; nothing is written.
func TestWithdrawRefuses(t *testing.T) {
	ctx := context.Background()
	db := scored(t)
	id, err := adjustments.Add(ctx, db, govscore.Adjustment{DeptCode: "CZJ", Period: "2014-11", Points: 2, Reason: "表彰", Author: "张三"}, adjustments.Options{Source: audit.Source{Now: clock}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := adjustments.Withdraw(ctx, db, id, "李四", "撤销", adjustments.Options{Source: audit.Source{Now: clock}}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, by, reason string
		id               int64
		code, want       string
	}{
		{"unknown id", "李四", "撤销", 99, govscore.ENOTFOUND, "没有编号为 #99 的调整"},
		{"withdrawn already", "李四", "撤销", id, govscore.ECONFLICT, "已于 2014-12-03 09:30 由 李四 撤销"},
		{"no reason", "李四", " ", id, govscore.EINVALID, "原因(--reason)"},
		{"no author", "", "撤销", id, govscore.EINVALID, "决定人(--author)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			snap := testutil.Snapshot(t, db)
			_, err := adjustments.Withdraw(ctx, db, c.id, c.by, c.reason, adjustments.Options{Source: audit.Source{Now: clock}})
			if govscore.ErrorCode(err) != c.code || !strings.Contains(locale.Message(err, locale.ZH), c.want) {
				t.Errorf("err = %v (%s), want %s containing %q", err, govscore.ErrorCode(err), c.code, c.want)
			}
			if testutil.Snapshot(t, db) != snap {
				t.Error("a refused withdrawal wrote to the database")
			}
		})
	}
}

// TestAddRefuses: points out of bounds, no reason, no author, an unknown or inactive
// department; each with its message, and nothing written.
func TestAddRefuses(t *testing.T) {
	ctx := context.Background()
	db := scored(t)
	ok := govscore.Adjustment{DeptCode: "FGW", Period: "2014-11", Points: 2, Reason: "表彰", Author: "张三"}
	for _, c := range []struct {
		name string
		edit func(a *govscore.Adjustment)
		want string
	}{
		{"above the bound", func(a *govscore.Adjustment) { a.Points = 20.5 }, "应为 -20 至 +20 之间的非零数"},
		{"huge", func(a *govscore.Adjustment) { a.Points = 1e308 }, "应为 -20 至 +20"},
		{"no reason", func(a *govscore.Adjustment) { a.Reason = "" }, "须写明原因"},
		{"no author", func(a *govscore.Adjustment) { a.Author = " " }, "须写明决定人"},
		{"unknown department", func(a *govscore.Adjustment) { a.DeptCode = "NOPE" }, "没有代码为 NOPE 的部门"},
		{"inactive department", func(a *govscore.Adjustment) { a.DeptCode = "GONE" }, "在 2014-11 不参加考核"},
		{"bad month", func(a *govscore.Adjustment) { a.Period = "2014-13" }, "2014-13"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := ok
			c.edit(&a)
			snap := testutil.Snapshot(t, db)
			_, err := adjustments.Add(ctx, db, a, adjustments.Options{Source: audit.Source{Now: clock}})
			if err == nil || !strings.Contains(locale.Message(err, locale.ZH), c.want) {
				t.Errorf("err = %v, want one saying %q", locale.Message(err, locale.ZH), c.want)
			}
			if testutil.Snapshot(t, db) != snap {
				t.Error("a refused adjustment wrote to the database")
			}
		})
	}
}

package editions_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/editions"
	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/scoring"
	"github.com/govscore/govscore/testutil"
)

// TestPublishKeepsWhatWasPublished: Load gives back the ranking and every line with its reason
// as they were, after the data behind them changed and was re-scored; numbers run per scope.
func TestPublishKeepsWhatWasPublished(t *testing.T) {
	ctx := context.Background()
	db := city(t)
	rows, err := scoring.Rank(ctx, db, "2014-11", "")
	if err != nil {
		t.Fatal(err)
	}
	lines, err := scoring.Lines(ctx, db, "2014-11", nil)
	if err != nil {
		t.Fatal(err)
	}
	ladder, err := scoring.Grades(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	publish(t, db, "", 1)
	publish(t, db, "县区政府", 2)
	ingestBytes(t, db, "fix.csv", "部门代码,月份,工作动态\nFGW,2014-11,2\n", false)
	score(t, db, scoring.Default())

	p, err := editions.Load(ctx, db, "2014-11", 1)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p.Standings, rows) || !reflect.DeepEqual(p.Lines, lines) {
		t.Errorf("edition 1 is not what was published:\n%+v\n%+v", p.Standings, rows)
	}
	if p.Number != 1 || p.Author != "政务公开办" || p.RuleSetHash != scoring.Default().Hash || !reflect.DeepEqual(p.Groups, []string{"县区政府", "市级部门"}) ||
		len(ladder) == 0 || !reflect.DeepEqual(p.GradeLadder, ladder) {
		t.Errorf("edition = %+v", p.Edition)
	}
	g, err := editions.LoadGroup(ctx, db, "2014-11", "县区政府", 1)
	if err != nil || g.Scope != "县区政府" || len(g.Standings) != 1 || len(g.Lines) != 1 || g.Standings[0].DeptCode != "LZQ" {
		t.Errorf("the group's edition 1 = %+v, %v", g, err)
	}
	// a group without editions of its own reads its rows of the whole period's edition
	_, s, err := editions.Ranking(ctx, db, "2014-11", "市级部门", 1)
	if err != nil || len(s) != 3 || !reflect.DeepEqual(s, rows[1:]) {
		t.Errorf("市级部门 of edition 1 = %+v, %v", s, err)
	}
}

// TestPublishRefuses: no author, results a change has made stale, a period never scored, an
// edition that does not exist; nothing is written.
func TestPublishRefuses(t *testing.T) {
	ctx := context.Background()
	db := city(t)
	publish(t, db, "", 1)
	ingestBytes(t, db, "fix.csv", "部门代码,月份,工作动态\nCZJ,2014-11,1\n", false)
	for _, c := range []struct {
		name string
		r    editions.Request
		code string
		want string
	}{
		{"no author", editions.Request{Period: "2014-11"}, govscore.EINVALID, "发布须写明发布人"},
		{"stale", editions.Request{Period: "2014-11", Author: "政务公开办"}, govscore.ECONFLICT, "2014-11 的数据在上次评分后有改动(CZJ 2014-11):请先运行 govscore score"},
		{"never scored", editions.Request{Period: "2014-09", Author: "政务公开办"}, govscore.ENOTFOUND, "该期间没有评分结果"},
	} {
		t.Run(c.name, func(t *testing.T) {
			snap := testutil.Snapshot(t, db)
			_, err := editions.Publish(ctx, db, c.r, editions.Options{Now: clockAt(2)})
			if govscore.ErrorCode(err) != c.code || !strings.Contains(locale.Message(err, locale.ZH), c.want) {
				t.Errorf("err = %q (%s), want %s saying %q", locale.Message(err, locale.ZH), govscore.ErrorCode(err), c.code, c.want)
			}
			if testutil.Snapshot(t, db) != snap {
				t.Error("a refused publish wrote to the database")
			}
		})
	}
	c, err := editions.Diff(ctx, db, editions.Between{Period: "2014-11"})
	if err != nil || c.Stale != "CZJ 2014-11" {
		t.Fatalf("diff before scoring the correction: %+v, %v; want CZJ 2014-11 named as not scored", c, err)
	}
	_, err = editions.Load(ctx, db, "2014-11", 3)
	if govscore.ErrorCode(err) != govscore.ENOTFOUND || !strings.Contains(locale.Message(err, locale.ZH), "2014-11 没有第 3 版;已发布:2014-11#1") {
		t.Errorf("edition 3: %v", locale.Message(err, locale.ZH))
	}
}

// TestDrift: the current results equal the edition, then one department's data changes.
func TestDrift(t *testing.T) {
	ctx := context.Background()
	db := city(t)
	if d, err := editions.Drift(ctx, db, "2014-11"); err != nil || d != nil {
		t.Fatalf("drift before any edition = %v, %v", d, err)
	}
	publish(t, db, "", 1)
	d, err := editions.Drift(ctx, db, "2014-11")
	if err != nil || len(d) != 1 || d[0].Changed != 0 || d[0].Message().ZH != "2014-11 已发布第 1 版;当前结果与之相同" {
		t.Fatalf("drift = %+v, %v", d, err)
	}
	ingestBytes(t, db, "fix.csv", "部门代码,月份,工作动态\nLZQ,2014-11,1\n", false)
	score(t, db, scoring.Default())
	d, _ = editions.Drift(ctx, db, "2014-11")
	if len(d) != 1 || d[0].Changed != 1 || d[0].Message().ZH != "2014-11 已发布第 1 版;当前结果有 1 个部门变化" ||
		d[0].Message().EN != "2014-11: edition 1 published; 1 differ now" {
		t.Errorf("drift = %+v", d)
	}
}

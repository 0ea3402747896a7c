package editions_test

import (
	"context"
	"strings"
	"testing"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/adjustments"
	"github.com/govscore/govscore/audit"
	"github.com/govscore/govscore/editions"
	"github.com/govscore/govscore/scoring"
)

// causes are a comparison's changes as "CODE: kind kind …".
func causes(c *editions.Comparison) string {
	var out []string
	for _, ch := range c.Changes {
		var kinds []string
		for _, k := range ch.Causes {
			kinds = append(kinds, k.Kind)
		}
		out = append(out, ch.DeptCode+": "+strings.Join(kinds, " "))
	}
	return strings.Join(out, "; ")
}

// TestDiffNamesEveryCause: an adjustment added, one withdrawn, a department added to the
// registry, one whose active months end before the period; each department with its causes.
func TestDiffNamesEveryCause(t *testing.T) {
	ctx := context.Background()
	db := city(t)
	opts := adjustments.Options{Source: audit.Source{Now: clockAt(0)}}
	old, err := adjustments.Add(ctx, db, govscore.Adjustment{DeptCode: "CZJ", Period: "2014-11", Points: -3, Reason: "通报批评", Author: "张三"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	score(t, db, scoring.Default())
	publish(t, db, "", 1)

	if _, err := adjustments.Add(ctx, db, govscore.Adjustment{DeptCode: "JYJ", Period: "2014-11", Points: 20, Reason: "获国家级表彰", Author: "张三"}, opts); err != nil {
		t.Fatal(err)
	}
	if _, err := adjustments.Withdraw(ctx, db, old, "李四", "复核后撤销", opts); err != nil {
		t.Fatal(err)
	}
	ingestBytes(t, db, "more.csv", "部门代码,部门名称,分组,曾用名,启用月份,停用月份\nNEW,新设局,县区政府,,,\nLZQ,利州区人民政府,县区政府,,,2014-10\n", true)
	score(t, db, scoring.Default())

	c, err := editions.Diff(ctx, db, editions.Between{Period: "2014-11"})
	if err != nil {
		t.Fatal(err)
	}
	want := "NEW: registry; LZQ: registry; CZJ: withdrawal; JYJ: adjustment"
	if got := causes(c); got != want {
		t.Errorf("causes = %s\nwant      %s", got, want)
	}
	text := ""
	for _, ch := range c.Changes {
		for _, k := range ch.Causes {
			text += k.ZH + "\n"
		}
	}
	for _, s := range []string{"调整 #2 +20 分(获国家级表彰,张三)", "撤销调整 #1 -3 分(李四 撤销:复核后撤销)", "考核月份:.. → ..2014-10", "新列入排名:登记的考核月份为 .."} {
		if !strings.Contains(text, s) {
			t.Errorf("no cause says %q:\n%s", s, text)
		}
	}
}

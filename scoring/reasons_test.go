package scoring

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/govscore/govscore"
)

// TestLazyReasons: a run too large to format reasons stores lines without them, and explain
// renders exactly the reasons an eager run would have stored.
func TestLazyReasons(t *testing.T) {
	ctx := context.Background()
	db := synthDB(t, 12, 3, 3)
	now := func() time.Time { return time.Date(2014, 4, 1, 0, 0, 0, 0, time.UTC) }
	explainAll := func(full bool) map[string][]govscore.Line {
		if _, err := Run(ctx, db, Default(), Options{Full: full, Now: now}); err != nil {
			t.Fatal(err)
		}
		out := map[string][]govscore.Line{}
		all, err := Rank(ctx, db, "2014-02", "")
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range all {
			ex, err := Explain(ctx, db, s.DeptCode, "2014-02")
			if err != nil {
				t.Fatal(err)
			}
			out[s.DeptCode] = ex.Lines
		}
		return out
	}
	saved := eagerReasons
	eagerReasons = 12 // 2014-03's dozen departments only
	lazy := explainAll(false)
	eagerReasons = saved
	var stored string
	if err := db.QueryRow(`SELECT count(DISTINCT period) || ' ' || min(period) FROM score_lines WHERE kind = 'score' AND (reason <> '' OR reason_en <> '')`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if stored != "1 2014-03" {
		t.Fatalf("periods with score reasons stored = %q, want only the newest, 2014-03", stored)
	}
	var bare, kept int
	db.QueryRow(`SELECT count(*) FILTER (WHERE reason = '' OR reason_en = ''), count(*) FROM score_lines WHERE kind <> 'score'`).Scan(&bare, &kept)
	if bare > 0 || kept == 0 {
		t.Fatalf("%d of %d deduction, bonus and veto lines stored without their reason", bare, kept)
	}
	eager := explainAll(true)
	if len(lazy) == 0 || !reflect.DeepEqual(lazy, eager) {
		t.Fatalf("reasons rendered by explain differ from those stored by an eager run:\nlazy  %v\neager %v", lazy, eager)
	}
	for _, l := range eager["JXW"] {
		if l.Reason == "" || l.ReasonEN == "" || l.Reason == notRenderedZH {
			t.Errorf("JXW line %s/%s has no reason: %+v", l.Indicator, l.Item, l)
		}
	}
}

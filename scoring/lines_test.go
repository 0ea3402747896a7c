package scoring_test

import (
	"context"
	"testing"

	"github.com/govscore/govscore/scoring"
)

// TestLinesMatchExplain: the lines of a whole period, as editions and the bulletin read them,
// are explain's lines for each department.
func TestLinesMatchExplain(t *testing.T) {
	f := newFixture(t, "dept_code,dept_name,group\nA,甲局,市级部门\nB,乙局,市级部门\nC,丙局,县区政府\n", wide([]row{
		{"A", "", "2014-11", nil}, {"B", "", "2014-11", map[string]float64{"req_received": 3, "req_ontime": 1, "req_overdue": 2, "special_reports": 1}},
		{"C", "", "2014-11", map[string]float64{"secret_leaks": 1}},
	}))
	f.score(t, scoring.Default())
	ctx := context.Background()
	all, err := scoring.Lines(ctx, f.db, "2014-11", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) == 0 {
		t.Fatal("no lines")
	}
	for dept, lines := range all {
		ex, err := scoring.Explain(ctx, f.db, dept, "2014-11")
		if err != nil {
			t.Fatal(err)
		}
		if len(ex.Lines) != len(lines) {
			t.Fatalf("%s: %d lines, explain has %d", dept, len(lines), len(ex.Lines))
		}
		for i := range lines {
			a, b := lines[i], ex.Lines[i]
			if a.Indicator != b.Indicator || a.Item != b.Item || a.Points != b.Points || a.Reason != b.Reason || a.Reason == "" {
				t.Errorf("%s line %d: %+v, explain %+v", dept, i, a, b)
			}
		}
	}
	one, err := scoring.Lines(ctx, f.db, "2014-11", []string{"B"})
	if err != nil || len(one) != 1 || len(one["B"]) == 0 {
		t.Errorf("one department: %v, %v", one, err)
	}
}

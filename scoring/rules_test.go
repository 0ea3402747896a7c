package scoring_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/govscore/govscore/scoring"
)

// ruleCases exercise one rule each: a department whose month is `perfect` (100 points) but for
// the figures named. The expected totals are worked out by hand beside each case.
var ruleCases = []struct {
	name  string
	set   map[string]float64
	total float64
	grade string
}{
	{"perfect", nil, 100, "优秀"},
	// 工作动态 8 of 10 → 10 × 0.8 = 8, loses 2
	{"volume news short", map[string]float64{"pub_news": 8}, 98, "优秀"},
	// 法规公文 1 of 2 → 5 × 0.5 = 2.5; 行政执法 0 → loses 3; published 15: timeliness still 10
	{"volume two short", map[string]float64{"pub_regulations": 1, "pub_enforcement": 0}, 94.5, "优秀"},
	// 其他信息 counts as published but scores nothing: published 20, 5 late → 10 × (1 − 5/20) = 7.5
	{"timeliness", map[string]float64{"pub_other": 3, "pub_late": 5}, 97.5, "优秀"},
	// nothing published: volume 0 and timeliness 0 → 100 − 30 − 10
	{"nothing published", map[string]float64{"pub_overview": 0, "pub_plans": 0, "pub_regulations": 0, "pub_news": 0,
		"pub_personnel": 0, "pub_finance": 0, "pub_enforcement": 0}, 60, "合格"},
	// full text 80% → 5 × 0.8 = 4
	{"full text", map[string]float64{"fulltext_rate": 80}, 99, "优秀"},
	// SMS 10 of 20 → 2.5; WeChat+Weibo 5 of 20 → 1.25; press+TV 12 of 10 → capped 5: 15 − 2.5 − 3.75
	{"channels", map[string]float64{"sms_sent": 10, "wechat_posts": 5, "weibo_posts": 0, "press_articles": 12, "tv_items": 0}, 93.75, "优秀"},
	// 11 of 22 submitted → 5; 2 of 11 adopted = 18.18% of a 30% target → 10 × 0.6061 = 6.06; info 11.06
	{"information", map[string]float64{"info_submitted": 11, "info_adopted": 2}, 91.06, "优秀"},
	// nothing submitted → 0 of 20
	{"information none", map[string]float64{"info_submitted": 0, "info_adopted": 0}, 80, "良好"},
	// 4 requests, 3 on time → 15 × 3/4 = 11.25; 1 overdue → −2: 100 − 3.75 − 2
	{"requests overdue", map[string]float64{"req_received": 4, "req_ontime": 3, "req_overdue": 1}, 94.25, "优秀"},
	// 7 overdue of 7 → 0 of 15 and −14 capped at −10
	{"overdue cap", map[string]float64{"req_received": 7, "req_overdue": 7}, 75, "良好"},
	// no training in the quarter → 0 of 5
	{"training", map[string]float64{"training_sessions": 0}, 95, "优秀"},
	// reviews 4 × −3 capped −9; lawsuit −5; fee −2; 3 assigned, 0 on time −3: 100 − 19
	{"deductions", map[string]float64{"review_corrected": 4, "lawsuit_lost": 1, "fee_charged": 50, "tasks_assigned": 3}, 81, "良好"},
	// lawsuits 3 × −5 capped −10; tasks 9 late capped −5
	{"deduction caps", map[string]float64{"lawsuit_lost": 3, "tasks_assigned": 9}, 85, "良好"},
	// special reports 4 × +1 capped +3
	{"bonus", map[string]float64{"special_reports": 4}, 103, "优秀"},
	// a leak vetoes an otherwise perfect month: 0, 不合格
	{"veto", map[string]float64{"secret_leaks": 1}, 0, "不合格"},
	// everything lost: the total stays at 0, not negative
	{"floor", map[string]float64{"pub_news": 0, "pub_regulations": 0, "pub_finance": 0, "pub_plans": 0,
		"pub_personnel": 0, "pub_enforcement": 0, "pub_overview": 0, "fulltext_rate": 0, "sms_sent": 0, "wechat_posts": 0,
		"weibo_posts": 0, "press_articles": 0, "tv_items": 0, "info_submitted": 0, "info_adopted": 0, "req_received": 5,
		"req_overdue": 5, "training_sessions": 0, "review_corrected": 3, "lawsuit_lost": 2}, 0, "不合格"},
	// full text 99.9% → 4.995 (−0.005); 工作动态 0 (−10), no training (−5), SMS 0 (−5), 人事 0 (−3),
	// 概况 0 (−2): 100 − 25.005 = 74.995, which shows as 75.00 and so grades 良好, not 合格
	{"rounding at the grade line", map[string]float64{"fulltext_rate": 99.9, "pub_news": 0, "training_sessions": 0,
		"sms_sent": 0, "pub_personnel": 0, "pub_overview": 0}, 75, "良好"},
}

func TestDefaultRules(t *testing.T) {
	var rows []row
	var depts strings.Builder
	depts.WriteString("dept_code,dept_name,group\n")
	for i, c := range ruleCases {
		code := fmt.Sprintf("D%02d", i)
		fmt.Fprintf(&depts, "%s,部门%d,市级部门\n", code, i)
		rows = append(rows, row{dept: code, month: "2014-01", set: c.set})
	}
	f := newFixture(t, depts.String(), wide(rows))
	f.score(t, scoring.Default())
	got := f.standings(t, "2014-01")
	for i, c := range ruleCases {
		t.Run(c.name, func(t *testing.T) {
			s := got[fmt.Sprintf("D%02d", i)]
			if math.Abs(s.Total-c.total) > 0.005+1e-9 || s.Grade != c.grade {
				t.Errorf("total %.4f %s, want %.2f %s", s.Total, s.Grade, c.total, c.grade)
			}
		})
	}
}

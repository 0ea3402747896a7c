package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/locale"
)

// Explain writes a department-period's score sheet: each indicator's points out of its maximum
// with the figures behind them, every deduction and bonus with its reason, the total, grade and
// rank, and the data versions it was scored from.
func Explain(w io.Writer, ex *govscore.Explanation, l locale.Lang) error {
	s := ex.Standing
	zh, en := unit(s.Period)
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s(%s) %s %s\n", s.Period, s.DeptName, s.DeptCode, s.Group, statusLabel(l, s.Status))
	if s.Status == "missing" {
		b.WriteString(l.T("本"+zh+"未报送数据:得 0 分,等次不合格。\n", "Nothing was submitted for this "+en+": total 0, grade Fail.\n"))
	}
	rows := [][]string{{l.T("指标", "Indicator"), l.T("得分", "Points"), l.T("满分", "Max"), l.T("依据", "Reason")}}
	for _, ln := range ex.Lines {
		max := ""
		if ln.Max != nil {
			max = fmt.Sprintf("%g", *ln.Max)
		}
		name := l.T(ln.IndicatorName, ln.IndicatorNameEN)
		if ln.Kind != "score" {
			name += " · " + ln.Item
		}
		rows = append(rows, []string{name, fmt.Sprintf("%+.2f", ln.Points), max, l.T(ln.Reason, ln.ReasonEN)})
	}
	if len(ex.Lines) > 0 {
		var t strings.Builder
		writeAligned(&t, rows, map[int]bool{1: true, 2: true})
		b.WriteString(t.String())
	}
	fmt.Fprintf(&b, l.T("得分 %s,扣分 %s,加分 %s → 总分 %s,等次 %s\n", "score %s, deductions %s, bonus %s → total %s, grade %s\n"),
		money(s.Score), money(s.Deductions), money(s.Bonus), money(s.Total), l.T(s.Grade, s.GradeEN))
	if s.Status == "unranked" {
		fmt.Fprintf(&b, l.T("不参与%s排名(见上列原因)\n", "not ranked in %s (see the reason above)\n"), s.Group)
	} else {
		fmt.Fprintf(&b, l.T("%s第 %d 名(共 %d 个)%s;累计 %s 分,第 %d 名,"+strings.TrimSuffix(zh, "度")+"均 %s 分\n", "rank %[2]d of %[3]d in %[1]s%[4]s; year to date %[5]s, rank %[6]d, average %[7]s\n"),
			s.Group, s.Rank, s.GroupSize, change(l, s.RankChange, zh), money(s.YTDTotal), s.YTDRank, money(s.YTDAvg))
	}
	for _, v := range ex.Versions {
		state := l.T("已被更正", "superseded")
		if v.Current {
			state = l.T("当前", "current")
		}
		fmt.Fprintf(&b, l.T("数据第 %d 版(%s):%s 第 %d 行,%s 导入(%s)\n", "data version %d (%s): %s row %d, ingested %s (%s)\n"),
			v.Version, state, v.File, v.Row, v.IngestedAt, v.Source)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// change says how the rank moved since the period before, a month, quarter or year (zh: 月, 季度, 年).
func change(l locale.Lang, c *int, zh string) string {
	switch {
	case c == nil:
		return l.T(",上"+zh+"无排名", ", not ranked last period")
	case *c > 0:
		return fmt.Sprintf(l.T(",较上"+zh+"上升 %d 名", ", up %d"), *c)
	case *c < 0:
		return fmt.Sprintf(l.T(",较上"+zh+"下降 %d 名", ", down %d"), -*c)
	}
	return l.T(",与上"+zh+"持平", ", unchanged")
}

// unit names a period's kind: 月 and month, 季度 and quarter, 年 and year.
func unit(period string) (zh, en string) {
	switch {
	case len(period) == 4:
		return "年", "year"
	case strings.Contains(period, "Q"):
		return "季度", "quarter"
	}
	return "月", "month"
}

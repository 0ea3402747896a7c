package bulletin_test

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/bulletin"
	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/period"
	"github.com/govscore/govscore/scoring"
	"github.com/govscore/govscore/testutil"
)

var day = time.Date(2014, 12, 5, 0, 0, 0, 0, time.UTC)

// written is a bulletin of the demo city written as DOCX and read back.
type written struct {
	paras  []string
	tables [][][]string
}

func writeDOCX(t *testing.T, month string, c bulletin.Config) written {
	t.Helper()
	data, err := bulletin.Load(context.Background(), demoDB(t), month, bulletin.Current)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := bulletin.Compose(data, c, day, locale.ZH)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := bulletin.DOCX(&b, doc, nil, day); err != nil {
		t.Fatal(err)
	}
	p, tb := testutil.DOCXText(t, b.Bytes())
	return written{p, tb}
}

// after is the paragraph that follows the one equal to heading.
func (w written) after(t *testing.T, heading string) string {
	for i, p := range w.paras {
		if p == heading && i+1 < len(w.paras) {
			return w.paras[i+1]
		}
	}
	t.Fatalf("no paragraph after %q in %q", heading, w.paras)
	return ""
}

// TestDOCXAgreesWithRank reads the 通报 back from its DOCX, for several months of the demo
// city, and checks every table row and every figure of the text against scoring.Rank and
// scoring.Lines, computed here on their own.
func TestDOCXAgreesWithRank(t *testing.T) {
	for _, c := range []struct{ name, month string }{
		{"the first month: nothing to compare with", "2013-01"},
		{"a month with a veto (KJJ)", "2014-06"},
		{"a month with missing submissions", "2014-11"},
		{"January against December", "2014-01"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			list, err := scoring.Rank(ctx, demoDB(t), c.month, "")
			if err != nil {
				t.Fatal(err)
			}
			prev, _ := scoring.Rank(ctx, demoDB(t), period.MustParse(c.month).Prev().String(), "")
			w := writeDOCX(t, c.month, bulletin.Config{})
			checkTables(t, w, list)
			checkOverview(t, w, list, prev)
			checkMissingAndVetoes(t, w, list, c.month)
			checkDeductions(t, w, c.month)
			checkFallers(t, w, list)
		})
	}
}

// byGroup splits a ranking into its groups, the largest first.
func byGroup(list []govscore.Standing) (names []string, groups map[string][]govscore.Standing) {
	groups = map[string][]govscore.Standing{}
	for _, s := range list {
		if groups[s.Group] == nil {
			names = append(names, s.Group)
		}
		groups[s.Group] = append(groups[s.Group], s)
	}
	sort.SliceStable(names, func(i, j int) bool { return len(groups[names[i]]) > len(groups[names[j]]) })
	return names, groups
}

func total(f float64) string { return fmt.Sprintf("%.2f", math.Round((f+1e-9)*100)/100) }

func checkTables(t *testing.T, w written, list []govscore.Standing) {
	t.Helper()
	names, groups := byGroup(list)
	if len(w.tables) != len(names) {
		t.Fatalf("%d tables, want one per group (%v)", len(w.tables), names)
	}
	for i, g := range names {
		rows := w.tables[i]
		if strings.Join(rows[0], ",") != "排名,部门,得分,等次,较上月" || len(rows)-1 != len(groups[g]) {
			t.Fatalf("table %d (%s): header %v, %d rows for %d departments", i+1, g, rows[0], len(rows)-1, len(groups[g]))
		}
		for j, s := range groups[g] {
			change := "—"
			if s.RankChange != nil {
				change = fmt.Sprintf("%+d", *s.RankChange)
				if *s.RankChange == 0 {
					change = "0"
				}
			}
			want := []string{fmt.Sprint(s.Rank), s.DeptName, total(s.Total), s.Grade, change}
			got := rows[j+1]
			if got[0] != want[0] || got[1] != want[1] || got[2] != want[2] || !strings.HasPrefix(got[3], want[3]) || got[4] != want[4] {
				t.Errorf("%s row %d = %v, rank says %v", g, j+1, got, want)
			}
		}
	}
}

// summary is a group's figures as the test works them out: graded count, average, grades.
func summary(list []govscore.Standing) (n int, avg string, grades map[string]int) {
	grades = map[string]int{}
	sum := 0.0
	for _, s := range list {
		if s.Status == "unranked" {
			continue
		}
		n++
		sum += math.Round((s.Total+1e-9)*100) / 100
		grades[s.Grade]++
	}
	return n, total(sum / float64(n)), grades
}

func checkOverview(t *testing.T, w written, list, prev []govscore.Standing) {
	t.Helper()
	if p := w.after(t, "一、总体情况"); !strings.Contains(p, fmt.Sprintf("共对%d个单位进行考核", len(list))) {
		t.Errorf("overview %q, want %d units assessed", p, len(list))
	}
	names, groups := byGroup(list)
	_, before := byGroup(prev)
	for _, g := range names {
		n, avg, grades := summary(groups[g])
		want := fmt.Sprintf("%s%d个单位平均得分%s分", g, n, avg)
		if len(before[g]) > 0 {
			_, last, _ := summary(before[g])
			want += averageChange(avg, last)
		}
		want += fmt.Sprintf(";优秀%d个、良好%d个、合格%d个、不合格%d个", grades["优秀"], grades["良好"], grades["合格"], grades["不合格"])
		if !containsPara(w.paras, want) {
			t.Errorf("no paragraph says %q", want)
		}
	}
}

func averageChange(avg, last string) string {
	var a, b float64
	fmt.Sscan(avg, &a)
	fmt.Sscan(last, &b)
	switch d := math.Round((a-b)*100) / 100; {
	case d > 0:
		return fmt.Sprintf(",较上月上升%.2f分", d)
	case d < 0:
		return fmt.Sprintf(",较上月下降%.2f分", -d)
	}
	return ",与上月持平"
}

func containsPara(paras []string, s string) bool {
	for _, p := range paras {
		if strings.Contains(p, s) {
			return true
		}
	}
	return false
}

func checkMissingAndVetoes(t *testing.T, w written, list []govscore.Standing, month string) {
	t.Helper()
	missing, vetoes := w.after(t, "(一)未按时报送数据"), w.after(t, "(二)单项否决")
	var nMissing, nVeto int
	for _, s := range list {
		switch s.Status {
		case "missing":
			nMissing++
			if !strings.Contains(missing, s.DeptName) {
				t.Errorf("%s did not submit, but the bulletin says %q", s.DeptName, missing)
			}
		case "veto":
			nVeto++
			if !strings.Contains(vetoes, s.DeptName+"(") || !strings.Contains(vetoes, "涉密信息上网") {
				t.Errorf("%s was vetoed, but the bulletin says %q", s.DeptName, vetoes)
			}
		}
	}
	if nMissing > 0 && !strings.Contains(missing, fmt.Sprintf("有%d个单位未报送数据", nMissing)) || nMissing == 0 && !strings.Contains(missing, "均按时报送") {
		t.Errorf("%d did not submit; the bulletin says %q", nMissing, missing)
	}
	if nVeto > 0 && !strings.Contains(vetoes, fmt.Sprintf("有%d个单位被单项否决", nVeto)) || nVeto == 0 && !strings.Contains(vetoes, "无单项否决") {
		t.Errorf("%d vetoed; the bulletin says %q", nVeto, vetoes)
	}
	if month == "2014-06" && !strings.Contains(vetoes, "科学技术局") {
		t.Errorf("KJJ's veto of 2014-06 is not named: %q", vetoes)
	}
}

func checkDeductions(t *testing.T, w written, month string) {
	t.Helper()
	lines, err := scoring.Lines(context.Background(), demoDB(t), month, nil)
	if err != nil {
		t.Fatal(err)
	}
	points, depts := map[string]float64{}, map[string]int{}
	hit, all := 0, 0.0
	for _, ls := range lines {
		seen := map[string]bool{}
		for _, l := range ls {
			if l.Kind == "deduction" && l.Points < 0 {
				points[l.Item] += l.Points
				all += l.Points
				if !seen[l.Item] {
					depts[l.Item]++
					seen[l.Item] = true
				}
			}
		}
		if len(seen) > 0 {
			hit++
		}
	}
	p := w.after(t, "(三)扣分较多的事项")
	if want := fmt.Sprintf("共有%d个单位被扣分,合计扣%s分", hit, total(-all)); !strings.Contains(p, want) {
		t.Errorf("deductions %q, want %q", p, want)
	}
	worst := ""
	for item := range points {
		if worst == "" || points[item] < points[worst] || points[item] == points[worst] && item < worst {
			worst = item
		}
	}
	if want := fmt.Sprintf("依次为:%s,涉及%d个单位,共扣%s分", worst, depts[worst], total(-points[worst])); !strings.Contains(p, want) {
		t.Errorf("deductions %q, want the costliest first: %q", p, want)
	}
}

func checkFallers(t *testing.T, w written, list []govscore.Standing) {
	t.Helper()
	p := w.after(t, "(四)排名下降较多的单位")
	names, groups := byGroup(list)
	for _, g := range names {
		var worst *govscore.Standing
		for i, s := range groups[g] {
			if s.Status == "submitted" && s.RankChange != nil && *s.RankChange < 0 && (worst == nil || *s.RankChange < *worst.RankChange) {
				worst = &groups[g][i]
			}
		}
		if worst == nil {
			continue
		}
		want := fmt.Sprintf("%s下降%d名(由第%d名降至第%d名)", worst.DeptName, -*worst.RankChange, worst.Rank+*worst.RankChange, worst.Rank)
		if !strings.Contains(p, want) {
			t.Errorf("fallers %q lack %q", p, want)
		}
	}
}

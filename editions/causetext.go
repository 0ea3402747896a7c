package editions

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/govscore/govscore"
)

func dataCause(d DataChange) Cause {
	c := Cause{Kind: "data", Data: &d}
	from, fromEN := version(d.From)
	to, toEN := version(d.To)
	who, whoEN := "", ""
	if d.Author != "" {
		who, whoEN = ","+d.Author, ", by "+d.Author
	}
	if d.Reason != "" {
		who, whoEN = who+":"+d.Reason, whoEN+": "+d.Reason
	}
	c.ZH = fmt.Sprintf("数据:%s %s → %s(批次 %d,文件 %s%s)", d.Period, from, to, d.Batch, d.File, who)
	c.EN = fmt.Sprintf("data: %s %s → %s (batch %d, file %s%s)", d.Period, fromEN, toEN, d.Batch, d.File, whoEN)
	return c
}

func version(v int) (string, string) {
	if v == 0 {
		return "无数据", "no data"
	}
	return fmt.Sprintf("版本 %d", v), fmt.Sprintf("version %d", v)
}

func adjustmentCause(a govscore.Adjustment) Cause {
	return Cause{Kind: "adjustment", Adjustment: &a,
		ZH: fmt.Sprintf("调整 #%d %+g 分(%s,%s)", a.ID, a.Points, a.Reason, a.Author),
		EN: fmt.Sprintf("adjustment #%d %+g (%s, by %s)", a.ID, a.Points, a.Reason, a.Author)}
}

func withdrawalCause(a govscore.Adjustment) Cause {
	return Cause{Kind: "withdrawal", Adjustment: &a,
		ZH: fmt.Sprintf("撤销调整 #%d %+g 分(%s 撤销:%s)", a.ID, a.Points, a.WithdrawnBy, a.WithdrawReason),
		EN: fmt.Sprintf("adjustment #%d %+g withdrawn (by %s: %s)", a.ID, a.Points, a.WithdrawnBy, a.WithdrawReason)}
}

func rulesCause(a, z ruleRef) Cause {
	r := [2]RuleSet{{a.Name, a.Version, a.Hash}, {z.Name, z.Version, z.Hash}}
	return Cause{Kind: "rules", Rules: &r,
		ZH: fmt.Sprintf("评分规则:%s %s(%.12s)→ %s %s(%.12s)", a.Name, a.Version, a.Hash, z.Name, z.Version, z.Hash),
		EN: fmt.Sprintf("rules: %s %s (%.12s) → %s %s (%.12s)", a.Name, a.Version, a.Hash, z.Name, z.Version, z.Hash)}
}

// registry are the changes of p's registry entry between the sides: renamed, moved to another
// group, other active months; or listed on one side only.
func (k *causes) registry(p pairing) []Cause {
	a, aok := k.a.reg[p.code]
	z, zok := k.z.reg[p.code]
	var out []Cause
	switch {
	case !aok && zok:
		out = append(out, registryCause("added", "", active(z), "新列入排名:登记的考核月份为 %[2]s", "added to the ranking: registered for months %[2]s"))
	case aok && zok:
		if a.Name != z.Name {
			out = append(out, registryCause("name", a.Name, z.Name, "更名:%s → %s", "renamed: %s → %s"))
		}
		if a.Group != z.Group {
			out = append(out, registryCause("group", a.Group, z.Group, "分组:%s → %s", "moved: group %s → %s"))
		}
		if active(a) != active(z) {
			out = append(out, registryCause("active", active(a), active(z), "考核月份:%s → %s", "active months: %s → %s"))
		}
	}
	if p.to == nil && len(out) == 0 {
		out = append(out, registryCause("removed", active(a), "", "不再列入排名(此前登记的考核月份为 %[1]s)", "no longer ranked (registered before for months %[1]s)"))
	}
	return out
}

func registryCause(field, before, after, zh, en string) Cause {
	return Cause{Kind: "registry", Registry: &RegistryChange{Field: field, Before: before, After: after},
		ZH: fmt.Sprintf(zh, before, after), EN: fmt.Sprintf(en, before, after)}
}

// active is a registry entry's months: 2014-01..2014-09, 2014-03.., ..2014-09, or .. for every month.
func active(r govscore.Registration) string { return r.From + ".." + r.To }

func versionsByPeriod(list []dataRef) map[string]dataRef {
	out := map[string]dataRef{}
	for _, d := range list {
		out[d.Period] = d
	}
	return out
}

func adjIDs(list []adjRef) map[int64]bool {
	out := map[int64]bool{}
	for _, a := range list {
		out[a.ID] = true
	}
	return out
}

// unionKeys is the keys of a and b, sorted.
func unionKeys[K cmp.Ordered, V any](a, b map[K]V) []K {
	var out []K
	for k := range a {
		out = append(out, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

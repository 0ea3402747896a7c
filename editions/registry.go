package editions

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/audit"
	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/period"
)

// Conflict is a registry change that would alter a published period's ranking.
type Conflict struct {
	Edition govscore.Edition // the latest edition of the period and scope
	Dept    string
	What    locale.Text // added, removed, renamed, moved
}

// maxListed is how many conflicts a refusal lists; the rest are counted.
const maxListed = 20

// Guard is the check `depts import` runs (ingest.Options.Guard) inside its transaction: a
// change that alters a period with an edition — a department added to or removed from its
// ranking, renamed, or moved to another group — is refused (ECONFLICT), each listed, unless
// force; a forced change is audited, by actor, in the same transaction. Editions stay as
// published either way: they are copies.
func Guard(force bool, actor string, opts Options) func(context.Context, *sql.Tx, []govscore.RegistryChange) error {
	return func(ctx context.Context, tx *sql.Tx, changes []govscore.RegistryChange) error {
		cs, err := Conflicts(ctx, tx, changes)
		if err != nil || len(cs) == 0 {
			return err
		}
		if !force {
			return refusal(cs)
		}
		return audit.Write(ctx, tx, audit.Entry{At: opts.At(), Actor: actor, Action: "depts.force", Addr: opts.From(),
			Detail: fmt.Sprintf("registry change forced over %d published department-periods", len(cs)) + listed(cs, locale.EN),
			Before: audit.JSON(befores(changes, cs)), After: audit.JSON(afters(changes, cs))})
	}
}

// Conflicts lists what changes would alter a published period, period by period.
func Conflicts(ctx context.Context, q Querier, changes []govscore.RegistryChange) ([]Conflict, error) {
	if len(changes) == 0 {
		return nil, nil
	}
	list, err := List(ctx, q, "")
	if err != nil {
		return nil, err
	}
	latest := map[[2]string]govscore.Edition{}
	var order [][2]string
	for _, ed := range list {
		k := [2]string{ed.Period, ed.Scope}
		if _, ok := latest[k]; !ok {
			order = append(order, k)
		}
		latest[k] = ed
	}
	var out []Conflict
	for _, k := range order {
		p, err := period.Parse(k[0])
		if err != nil {
			return nil, err
		}
		for _, ch := range changes {
			if what, ok := alters(ch, p, k[1]); ok {
				out = append(out, Conflict{Edition: latest[k], Dept: ch.After.Code, What: what})
			}
		}
	}
	return out, nil
}

// alters says how change ch alters the ranking of period p in scope (a group, "" = all).
func alters(ch govscore.RegistryChange, p period.Period, scope string) (locale.Text, bool) {
	a := ch.After
	in := func(r *govscore.Registration) bool {
		return r != nil && ranked(*r, p) && (scope == "" || r.Group == scope)
	}
	was, is := in(ch.Before), in(&a)
	switch {
	case !was && is:
		return locale.Textf("新增 %s", "%s added", a.Code), true
	case was && !is:
		return locale.Textf("移除 %s(考核月份 %s,分组 %s)", "%s removed (active %s, group %s)", a.Code, active(a), a.Group), true
	case !was:
		return locale.Text{}, false
	case ch.Before.Name != a.Name:
		return locale.Textf("%s 更名:%s → %s", "%s renamed: %s → %s", a.Code, ch.Before.Name, a.Name), true
	case ch.Before.Group != a.Group:
		return locale.Textf("%s 改分组:%s → %s", "%s moved: %s → %s", a.Code, ch.Before.Group, a.Group), true
	}
	return locale.Text{}, false
}

// ranked says whether a department registered so is scored in p: active in any of its months.
func ranked(r govscore.Registration, p period.Period) bool {
	ms := p.Months()
	first, last := ms[0].String(), ms[len(ms)-1].String()
	return (r.From == "" || last >= r.From) && (r.To == "" || first <= r.To)
}

func refusal(cs []Conflict) error {
	return &govscore.Error{Code: govscore.ECONFLICT, Msg: locale.Text{
		ZH: fmt.Sprintf("部门名单的改动会改变 %d 处已发布的排名,未作改动(版次始终保持发布时的样子;确需改动当前结果,请加 --force):", len(cs)) + listed(cs, locale.ZH),
		EN: fmt.Sprintf("the department list would alter %d published rankings; nothing changed (editions always stay as published; add --force to change the current results anyway):", len(cs)) + listed(cs, locale.EN)}}
}

// listed is the conflicts as lines, maxListed at most.
func listed(cs []Conflict, l locale.Lang) string {
	var b strings.Builder
	for i, c := range cs {
		if i == maxListed {
			b.WriteString(l.Tf("\n  ……另有 %d 处", "\n  … and %d more", len(cs)-i))
			break
		}
		b.WriteString(l.Tf("\n  %s 第 %d 版", "\n  %s edition %d", scopeName(c.Edition), c.Edition.Number) + l.T(":", ": ") + c.What.In(l))
	}
	return b.String()
}

func scopeName(ed govscore.Edition) string {
	if ed.Scope == "" {
		return ed.Period
	}
	return ed.Period + " " + ed.Scope
}

// befores are the registry entries before of the departments in conflict, for the audit log.
func befores(changes []govscore.RegistryChange, cs []Conflict) []*govscore.Registration {
	var out []*govscore.Registration
	for _, c := range inConflict(changes, cs) {
		out = append(out, c.Before)
	}
	return out
}

// afters are their entries after.
func afters(changes []govscore.RegistryChange, cs []Conflict) []govscore.Registration {
	var out []govscore.Registration
	for _, c := range inConflict(changes, cs) {
		out = append(out, c.After)
	}
	return out
}

func inConflict(changes []govscore.RegistryChange, cs []Conflict) []govscore.RegistryChange {
	codes := map[string]bool{}
	for _, c := range cs {
		codes[c.Dept] = true
	}
	var out []govscore.RegistryChange
	for _, ch := range changes {
		if codes[ch.After.Code] {
			out = append(out, ch)
		}
	}
	return out
}

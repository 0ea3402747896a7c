package ingest

import (
	"strconv"
	"strings"
	"unicode"
)

// registry holds the departments a mapped file adds to the list, with the codes given them.
type registry struct {
	c      *catalog
	byName map[string]string // a new department's name → its code
	taken  map[string]bool   // the new departments' codes
	list   []dept
}

// dept resolves a row's department by code or name; unknown ones are registered when the
// mapping says so, else are a problem.
func (p *mapParser) dept(row int, rec []string) (string, bool) {
	code, name := cell(rec, p.l.code), cell(rec, p.l.name)
	col := p.t.colName(p.l.code)
	switch {
	case code != "":
		if _, ok := p.c.depts[code]; ok || p.reg.has(code) {
			return code, true
		}
	case name != "":
		col = p.t.colName(p.l.name)
		if owner, ok := p.c.names[name]; ok {
			return owner, true
		}
		if owner, ok := p.reg.byName[name]; ok {
			return owner, true
		}
	default:
		p.ps.addT(row, p.t.colName(max(p.l.code, p.l.name)), "缺少部门:应填写部门代码或名称", "no department: expected a code or a name")
		return "", false
	}
	if !p.m.Department.Register {
		p.ps.addT(row, col, "未知的部门“%s”:应为部门名单中的部门(govscore depts import),或在映射中设置 register: true", "unknown department %q: expected one from the department list (govscore depts import), or register: true in the mapping", code+name)
		return "", false
	}
	return p.register(row, rec, code, name)
}

// register adds a department not yet listed, with the group the mapping names.
func (p *mapParser) register(row int, rec []string, code, name string) (string, bool) {
	grp := p.m.Department.Group
	if p.l.group >= 0 {
		grp = cell(rec, p.l.group)
	}
	if grp == "" {
		p.ps.add(row, p.t.colName(p.l.group), "no group for the new department %q: the mapping registers it into the group named here", code+name)
		return "", false
	}
	if name == "" {
		name = code
	}
	if owner, ok := p.c.names[name]; ok {
		p.ps.addT(row, p.t.colName(p.l.name), "名称“%s”属于部门 %s,而非 %s", "name %q belongs to department %s, not %s", name, owner, code)
		return "", false
	}
	if owner, ok := p.reg.byName[name]; ok {
		p.ps.add(row, p.t.colName(p.l.name), "name %q is given to department %s earlier in this file, not %s", name, owner, code)
		return "", false
	}
	if code == "" {
		code = p.reg.newCode(name)
	}
	p.reg.byName[name], p.reg.taken[code] = code, true
	p.reg.list = append(p.reg.list, dept{code: code, name: name, grp: grp})
	return code, true
}

func (r *registry) has(code string) bool { return r.taken[code] }

// newCode makes a short code from a name's initials (Department for Work and Pensions → DWP),
// numbered when taken (DWP2); names without Latin letters get D1, D2, ...
func (r *registry) newCode(name string) string {
	base := initials(name)
	numbered := base == ""
	if numbered {
		base = "D"
	}
	for n := 1; ; n++ {
		code := base
		if numbered || n > 1 {
			code += strconv.Itoa(n)
		}
		if _, taken := r.c.depts[code]; !taken && !r.has(code) {
			return code
		}
	}
}

var minorWords = map[string]bool{"of": true, "for": true, "and": true, "the": true, "to": true, "in": true,
	"on": true, "at": true, "a": true, "an": true, "e": true, "g": true, "s": true}

func initials(name string) string {
	var b strings.Builder
	words := strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' })
	for _, w := range words {
		r := []rune(w)[0]
		if minorWords[strings.ToLower(w)] || r > unicode.MaxASCII {
			continue
		}
		b.WriteRune(unicode.ToUpper(r))
		if b.Len() == 8 {
			break
		}
	}
	return b.String()
}

package ingest

import (
	"math"
	"strconv"
	"strings"

	"github.com/govscore/govscore/period"
)

// mapParser reads a mapped file's rows into records, collecting problems.
type mapParser struct {
	m        *Mapping
	l        *mapLayout
	c        *catalog
	t        *table
	ps       *problems
	reg      *registry
	seen     firstRows
	skipped  int
	declared []string // metrics new to the catalog
	carried  map[[2]string][]float64
}

// row turns one data row into a record; ok is false when it is skipped or has a problem.
func (p *mapParser) row(row int, rec []string) (record, bool) {
	if p.skips(rec) {
		p.skipped++
		return record{}, false
	}
	per, ok := p.period(row, rec)
	if !ok {
		return record{}, false
	}
	if !p.m.keep[per.Kind.String()] {
		p.skipped++
		return record{}, false
	}
	code, ok := p.dept(row, rec)
	if ok && !p.active(row, code, per) {
		ok = false
	}
	r := record{dept: code, period: per.String(), row: row, values: make([]float64, len(p.c.metrics))}
	for i := range r.values {
		r.values[i] = math.NaN()
	}
	p.withCarried(r)
	for _, mc := range p.l.metrics {
		v, err := p.value(cell(rec, mc.col), p.c.metrics[mc.metric])
		if err != nil {
			p.ps.addErr(row, p.t.colName(mc.col), withPrefix(p.c.metrics[mc.metric].Code+": ", err))
			ok = false
		}
		r.values[mc.metric] = v
	}
	return r, ok && p.seen.once(p.ps, r)
}

func (p *mapParser) skips(rec []string) bool {
	for i, s := range p.m.Skip {
		v := cell(rec, p.l.skip[i])
		switch {
		case s.Blank && p.m.missing[strings.ToLower(v)]:
			return true
		case p.m.matchers[i] != nil && p.m.matchers[i].MatchString(v):
			return true
		}
		for _, e := range s.Equals {
			if strings.EqualFold(v, strings.TrimSpace(e)) {
				return true
			}
		}
	}
	return false
}

func (p *mapParser) period(row int, rec []string) (period.Period, bool) {
	raw := p.m.Period.Value
	if p.l.period >= 0 {
		raw = cell(rec, p.l.period)
	}
	per, err := p.parsePeriod(raw)
	if err != nil {
		p.ps.addT(row, p.t.colName(p.l.period), "应为期间,如 2014-11、Q1 2020、2020-Q1 或 2020,实际为“%s”", "expected a period such as 2014-11, Q1 2020, 2020-Q1 or 2020, got %q", raw)
		return per, false
	}
	return per, true
}

// parsePeriod reads a period as people write it, or an Excel date cell when months are kept.
func (p *mapParser) parsePeriod(raw string) (period.Period, error) {
	per, err := period.Parse(raw)
	if err != nil && p.m.keep["month"] {
		if serial, ferr := strconv.ParseFloat(raw, 64); ferr == nil {
			return period.FromExcelSerial(serial)
		}
	}
	return per, err
}

// active checks a listed department's active range (months) against the months of per.
func (p *mapParser) active(row int, code string, per period.Period) bool {
	d := p.c.depts[code]
	ms := per.Months()
	first, last := ms[0].String(), ms[len(ms)-1].String()
	if (d.from == "" || last >= d.from) && (d.to == "" || first <= d.to) {
		return true
	}
	p.ps.addT(row, p.t.colName(p.l.period), "部门 %s(%s)在 %s 不在考核期内:其考核期为 %s 至 %s", "department %s (%s) is not active in %s: its active range is %s to %s",
		code, d.name, per, orOpen(d.from), orOpen(d.to))
	return false
}

// value reads one cell as the mapping says numbers are written; a missing cell is NaN, not 0.
func (p *mapParser) value(s string, m Metric) (float64, error) {
	if p.m.missing[strings.ToLower(s)] {
		return math.NaN(), nil
	}
	clean := strings.ReplaceAll(s, p.m.Values.Thousands, "")
	clean = strings.ReplaceAll(clean, p.m.Values.Decimal, ".")
	if strings.ContainsAny(clean, ",\uff0c") {
		return 0, badValue(m, s, "")
	}
	v, err := parseValue(clean, m)
	if err != nil {
		return 0, badValue(m, s, "")
	}
	return v, nil
}

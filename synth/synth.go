// Package synth writes realistic input files in the documented formats: a department list and
// one wide activity file per month, for the demo, benchmarks and tests.
package synth

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"github.com/govscore/govscore/period"
)

// Scale is how big a place to generate.
type Scale struct {
	Name   string
	Depts  int
	Months int
}

// Scales are the sizes PRODUCT.md designs for.
var Scales = map[string]Scale{
	"city":     {Name: "city", Depts: 60, Months: 12},
	"province": {Name: "province", Depts: 3000, Months: 12},
	"country":  {Name: "country", Depts: 300000, Months: 12},
}

// Spec says what to write.
type Spec struct {
	Scale
	Start period.Period // the first month
	Seed  uint64
}

// Files are what Generate wrote.
type Files struct {
	Depts    string
	Activity []string // one per month, in order
	Revision string   // a corrected resubmission of one department-month, to ingest last
	Rows     int
}

// Generate writes depts.csv, activity-YYYY-MM.csv per month and revision-YYYY-MM.csv into dir.
// The city has what real data has: a renamed department (files before the rename use the old
// name), one that starts mid-way, missing submissions, overdue requests, one veto and a revision.
func Generate(dir string, spec Spec) (Files, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Files{}, err
	}
	g := newCity(spec)
	f := Files{Depts: filepath.Join(dir, "depts.csv")}
	if err := writeCSV(f.Depts, g.writeDepts); err != nil {
		return f, err
	}
	for i := 0; i < spec.Months; i++ {
		m := spec.Start.Add(i)
		path := filepath.Join(dir, "activity-"+m.String()+".csv")
		var n int
		if err := writeCSV(path, func(w *bufio.Writer) error { n = g.writeMonth(w, m); return nil }); err != nil {
			return f, err
		}
		f.Activity = append(f.Activity, path)
		f.Rows += n
	}
	last := spec.Start.Add(spec.Months - 1)
	f.Revision = filepath.Join(dir, "revision-"+last.String()+".csv")
	return f, writeCSV(f.Revision, func(w *bufio.Writer) error { g.writeRevision(w, last); return nil })
}

func writeCSV(path string, fill func(*bufio.Writer) error) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(out, 1<<20)
	if err := fill(w); err != nil {
		out.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

type dept struct {
	code, name, former, grp string
	from                    period.Period // zero = always active
	size                    float64       // how busy: scales counts
}

type city struct {
	spec     Spec
	depts    []dept
	renameAt period.Period
	lateIdx  int // the department that starts mid-way
	vetoIdx  int
}

func newCity(spec Spec) *city {
	c := &city{spec: spec, renameAt: spec.Start.Add(spec.Months / 2), lateIdx: 29 % spec.Depts, vetoIdx: 3 % spec.Depts}
	cityN := spec.Depts * 2 / 3
	for i := 0; i < spec.Depts; i++ {
		d := dept{grp: "市级部门", size: 0.4 + float64(i%7)/5}
		switch {
		case i < cityN && i < len(cityDepts):
			d.code, d.name = deptCodes[i], cityDepts[i]
		case i < cityN:
			d.code, d.name = fmt.Sprintf("S%05d", i), fmt.Sprintf("第%d号市直单位", i)
		case i-cityN < len(counties) && spec.Depts <= 100:
			d.code, d.name, d.grp = fmt.Sprintf("X%02d", i-cityN+1), counties[i-cityN]+"人民政府", "县区政府"
		default:
			d.code, d.name, d.grp = fmt.Sprintf("X%05d", i-cityN+1), fmt.Sprintf("第%d号县区", i-cityN+1), "县区政府"
		}
		c.depts = append(c.depts, d)
	}
	c.depts[1%spec.Depts].former = "经济和信息化委员会"
	if c.lateIdx > 0 {
		c.depts[c.lateIdx].from = spec.Start.Add(spec.Months/2 + 3)
	}
	return c
}

func (c *city) writeDepts(w *bufio.Writer) error {
	w.WriteString("部门代码,部门名称,分组,曾用名,启用月份,停用月份\n")
	for _, d := range c.depts {
		from := ""
		if !d.from.IsZero() {
			from = d.from.String()
		}
		fmt.Fprintf(w, "%s,%s,%s,%s,%s,\n", d.code, d.name, d.grp, d.former, from)
	}
	return nil
}

// rng is deterministic per department and month, so any month can be regenerated alone.
func (c *city) rng(i int, m period.Period) *rand.Rand {
	return rand.New(rand.NewPCG(c.spec.Seed, uint64(i)<<20|uint64(m.Year*12+m.Num)))
}

func (c *city) nameIn(d dept, m period.Period) string {
	if d.former != "" && m.Before(c.renameAt) {
		return d.former
	}
	return d.name
}

func (c *city) writeMonth(w *bufio.Writer, m period.Period) int {
	w.WriteString(header)
	n := 0
	for i, d := range c.depts {
		if !d.from.IsZero() && m.Before(d.from) {
			continue
		}
		r := c.rng(i, m)
		if r.Float64() < 0.03 && i != c.vetoIdx { // did not submit
			continue
		}
		v := c.values(r, d, i, m)
		writeRow(w, d.code, c.nameIn(d, m), m.String(), v)
		n++
	}
	return n
}

// writeRevision resubmits one department's last month with 3 more 工作动态 items, as after an appeal.
func (c *city) writeRevision(w *bufio.Writer, m period.Period) {
	w.WriteString(header)
	i := 2 % len(c.depts)
	d := c.depts[i]
	v := c.values(c.rng(i, m), d, i, m)
	v[idxNews] += 3
	writeRow(w, d.code, c.nameIn(d, m), m.String(), v)
}

func writeRow(w *bufio.Writer, code, name, month string, v []float64) {
	w.WriteString(code)
	w.WriteByte(',')
	w.WriteString(name)
	w.WriteByte(',')
	w.WriteString(month)
	var buf [32]byte
	for _, x := range v {
		w.WriteByte(',')
		w.Write(strconv.AppendFloat(buf[:0], x, 'f', -1, 64))
	}
	w.WriteByte('\n')
}

// Package ingest turns input files (monthly activity, departments) into database rows: every
// file is read whole, checked, and written in one transaction or not at all.
package ingest

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"os"
	"sync"
	"time"

	"github.com/govscore/govscore"
	sqlfs "github.com/govscore/govscore/sql"
	"github.com/govscore/govscore/trace"
)

// Options say where a file comes from and who sent it.
type Options struct {
	Source string           // cli, inbox, pull, upload
	Actor  string           // who, for the audit log and the batch
	Reason string           // why (a correction's reason), kept with the batch
	Addr   string           // from where, for the audit log: an HTTP client's address; "" is the CLI
	Now    func() time.Time // the clock; time.Now when nil
	// Guard, when set, sees what a department list changes inside the transaction that writes
	// it, before anything is written, and may refuse it (editions.Guard: published periods).
	Guard  func(ctx context.Context, tx *sql.Tx, changes []govscore.RegistryChange) error
	goOnly bool // skip the fast path (tests compare both paths)
}

func (o Options) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

func (o Options) addr() string {
	if o.Addr == "" {
		return "cli"
	}
	return o.Addr
}

func (o Options) source() string {
	if o.Source == "" {
		return "cli"
	}
	return o.Source
}

// Result is what one file changed.
type Result struct {
	File      string
	Batch     int64    // the batch id; for a repeat, the batch that first brought this content
	Repeat    bool     // the same content was ingested before: nothing changed
	Rows      int      // data rows read
	New       int      // first submissions of a department-month
	Revisions int      // rows that replaced an earlier version
	Unchanged int      // rows equal to what was already current
	Periods   []string // the periods whose data changed
	Fast      bool     // DuckDB read the file itself (the fast path); false: the Go path
}

// record is one department-period of a file, values in catalog order, NaN = not reported.
type record struct {
	dept, period string
	row          int
	values       []float64
}

// File ingests one activity file (CSV or XLSX, wide or long) from disk.
func File(ctx context.Context, db *sql.DB, path string, opts Options) (Result, error) {
	content, err := os.ReadFile(path)
	if err != nil {
		return Result{File: path}, fmt.Errorf("ingest %s: %w", path, err)
	}
	return Bytes(ctx, db, path, content, opts)
}

// Bytes ingests one activity file held in memory; name is how messages and batches refer to it.
func Bytes(ctx context.Context, db *sql.DB, name string, content []byte, opts Options) (Result, error) {
	res := Result{File: name}
	done := trace.Start("readTable")
	t, err := readTable(name, content)
	done()
	if err != nil {
		return res, err
	}
	defer t.close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return res, err
	}
	defer conn.Close()
	if id, ok, err := priorBatch(ctx, conn, t.sha256); err != nil || ok {
		res.Batch, res.Repeat = id, ok
		return res, err
	}
	if !opts.goOnly {
		if res, ok, err := fast(ctx, conn, t, opts); ok || err != nil {
			return res, err
		}
	}
	c, err := cachedCatalog(ctx, conn)
	if err != nil {
		return res, err
	}
	l, err := resolveLayout(t, c)
	if err != nil {
		return res, err
	}
	s, err := newStage(ctx, conn, c)
	if err != nil {
		return res, err
	}
	defer s.drop(ctx)
	if err := parse(t, l, c, s); err != nil {
		return res, err
	}
	return s.commit(ctx, t, opts)
}

// catalogs keeps the last catalog loaded, by a fingerprint of its tables: loading 300,000
// departments for every monthly file took longer than parsing the file.
var catalogs struct {
	sync.Mutex
	key string
	c   *catalog
}

// cachedCatalog is loadCatalog, reusing the catalog loaded before while depts, dept_names and
// metrics are unchanged. Callers must not modify it.
func cachedCatalog(ctx context.Context, conn *sql.Conn) (*catalog, error) {
	var key string
	if err := conn.QueryRowContext(ctx, sqlfs.Query("catalogKey")).Scan(&key); err != nil {
		return nil, fmt.Errorf("load catalog: %w", err)
	}
	catalogs.Lock()
	defer catalogs.Unlock()
	if catalogs.c != nil && catalogs.key == key {
		return catalogs.c, nil
	}
	c, err := loadCatalog(ctx, conn)
	if err != nil {
		return nil, err
	}
	catalogs.key, catalogs.c = key, c
	return c, nil
}

func priorBatch(ctx context.Context, q querier, sha string) (int64, bool, error) {
	rows, err := q.QueryContext(ctx, `SELECT min(id) FROM batches WHERE sha256 = ? HAVING count(*) > 0`, sha)
	if err != nil {
		return 0, false, err
	}
	defer rows.Close()
	var id int64
	if rows.Next() {
		err = rows.Scan(&id)
		return id, err == nil, err
	}
	return 0, false, rows.Err()
}

// parse reads every row, checks it, and stages the good ones; any problem rejects the file.
func parse(t *table, l *layout, c *catalog, s *stage) error {
	ps := &problems{file: t.file}
	p := &parser{t: t, l: l, c: c, ps: ps, seen: make(firstRows, t.rowsHint)}
	var err error
	if l.long {
		err = p.long(s)
	} else {
		err = t.rows(func(row int, rec []string) error {
			if r, ok := p.wide(row, rec); ok && !ps.full() {
				return s.add(r)
			}
			return nil
		})
	}
	if err != nil {
		return err
	}
	if s.rows == 0 && ps.err() == nil {
		ps.addT(0, "", "文件只有表头,没有数据行", "the file has a header but no data rows")
	}
	return ps.err()
}

type parser struct {
	t    *table
	l    *layout
	c    *catalog
	ps   *problems
	seen firstRows
	buf  []float64 // a wide row's values, reused: the stage copies them at once
}

// key resolves and checks the department and period of a row.
func (p *parser) key(row int, rec []string) (string, string, bool) {
	code, ok := p.dept(row, rec)
	raw := cell(rec, p.l.period)
	per, err := parsePeriod(raw)
	if err != nil {
		p.ps.addErr(row, p.t.colName(p.l.period), err)
		return "", "", false
	}
	if !ok {
		return "", "", false
	}
	d := p.c.depts[code]
	if !d.active(per.String()) {
		p.ps.addT(row, p.t.colName(p.l.period), "部门 %s(%s)在 %s 不在考核期内:其考核期为 %s 至 %s", "department %s (%s) is not active in %s: its active range is %s to %s",
			code, d.name, per, orOpen(d.from), orOpen(d.to))
		return "", "", false
	}
	return code, per.String(), true
}

func orOpen(s string) string {
	if s == "" {
		return "(open)"
	}
	return s
}

// dept resolves the department of a row by code, or by current or former name.
func (p *parser) dept(row int, rec []string) (string, bool) {
	code, name := cell(rec, p.l.code), cell(rec, p.l.name)
	switch {
	case code != "":
		if _, ok := p.c.depts[code]; !ok {
			p.ps.addT(row, p.t.colName(p.l.code), "未知的部门代码“%s”:应为部门名单中的代码(govscore depts import)", "unknown department code %q: expected a code from the department list (govscore depts import)", code)
			return "", false
		}
		if owner, ok := p.c.names[name]; ok && owner != code {
			p.ps.addT(row, p.t.colName(p.l.name), "名称“%s”属于部门 %s,而非 %s", "name %q belongs to department %s, not %s", name, owner, code)
			return "", false
		}
		return code, true
	case name != "":
		owner, ok := p.c.names[name]
		if !ok {
			p.ps.addT(row, p.t.colName(p.l.name), "未知的部门“%s”:应为部门名单中的现用名或曾用名", "unknown department %q: expected a current or former name from the department list", name)
		}
		return owner, ok
	}
	p.ps.addT(row, p.t.colName(max(p.l.code, p.l.name)), "缺少部门:应填写部门代码或名称", "no department: expected a code or a name")
	return "", false
}

func (p *parser) wide(row int, rec []string) (record, bool) {
	code, per, ok := p.key(row, rec)
	if p.buf == nil {
		p.buf = p.blankValues()
	}
	for i := range p.buf {
		p.buf[i] = math.NaN()
	}
	r := record{dept: code, period: per, row: row, values: p.buf}
	for i, m := range p.l.metrics {
		if m < 0 {
			continue
		}
		v, err := parseValue(cell(rec, i), p.c.metrics[m])
		if err != nil {
			p.ps.addErr(row, p.t.colName(i), err)
			ok = false
		}
		r.values[m] = v
	}
	return r, ok && p.seen.once(p.ps, r)
}

// firstRows remembers the row in which each department-period of a file was first seen.
type firstRows map[[2]string]int

// once reports whether r's department-period is new to the file; a repeat is a problem.
func (f firstRows) once(ps *problems, r record) bool {
	k := [2]string{r.dept, r.period}
	if first, dup := f[k]; dup {
		ps.addT(r.row, "", "部门 %s 的 %s 数据在本文件中重复出现(首次在第 %d 行)", "department %s, %s appears twice in this file (first in row %d)", r.dept, r.period, first)
		return false
	}
	f[k] = r.row
	return true
}

func (p *parser) blankValues() []float64 {
	v := make([]float64, len(p.c.metrics))
	for i := range v {
		v[i] = math.NaN()
	}
	return v
}

// long reads dept_code, period, metric, value rows, gathering them per department-period.
func (p *parser) long(s *stage) error {
	recs := map[[2]string]*record{}
	var order [][2]string
	err := p.t.rows(func(row int, rec []string) error {
		code, per, ok := p.key(row, rec)
		name := cell(rec, p.l.metric)
		m, known := p.c.metric(name)
		if !known {
			p.ps.addT(row, p.t.colName(p.l.metric), "未知指标“%s”;已知指标:%s", "unknown metric %q; known metrics are: %s", name, p.c.knownMetrics())
			return nil
		}
		v, err := parseValue(cell(rec, p.l.value), p.c.metrics[m])
		if err != nil {
			p.ps.add(row, p.t.colName(p.l.value), "%s: %v", p.c.metrics[m].Code, err)
		}
		if !ok || err != nil {
			return nil
		}
		k := [2]string{code, per}
		r := recs[k]
		if r == nil {
			r = &record{dept: code, period: per, row: row, values: p.blankValues()}
			recs[k] = r
			order = append(order, k)
		}
		if !math.IsNaN(r.values[m]) {
			p.ps.addT(row, p.t.colName(p.l.metric), "指标 %s(%s %s)重复出现", "metric %s for %s %s appears twice", p.c.metrics[m].Code, code, per)
		}
		r.values[m] = v
		return nil
	})
	if err != nil || p.ps.err() != nil {
		return err
	}
	for _, k := range order {
		if err := s.add(*recs[k]); err != nil {
			return err
		}
	}
	return nil
}

package ingest

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"strings"

	"github.com/govscore/govscore/audit"
	sqlfs "github.com/govscore/govscore/sql"
)

// MappedResult is what a file read through a mapping changed.
type MappedResult struct {
	Result
	Skipped    int      // rows left out by the mapping's skip rules or period kinds
	Registered []string // codes of the departments added to the list
	Declared   []string // codes of the metrics added to the catalog
}

// MappedFile ingests one file from disk as mapping m says; see MappedBytes.
func MappedFile(ctx context.Context, db *sql.DB, path string, m *Mapping, opts Options) (MappedResult, error) {
	content, err := os.ReadFile(path)
	if err != nil {
		return MappedResult{Result: Result{File: path}}, fmt.Errorf("ingest %s: %w", path, err)
	}
	return MappedBytes(ctx, db, path, content, m, opts)
}

// MappedBytes ingests a file held in memory as mapping m says. Like any file it is written
// whole, in one transaction with the metrics it declares and the departments it registers, or
// not at all. The same file through the same mapping twice changes nothing.
func MappedBytes(ctx context.Context, db *sql.DB, name string, content []byte, m *Mapping, opts Options) (MappedResult, error) {
	res := MappedResult{Result: Result{File: name}}
	t, err := readTable(name, content)
	if err != nil {
		return res, err
	}
	defer t.close()
	t.sha256, t.kind = mappedFingerprint(content, m), "mapped-"+t.kind
	conn, err := db.Conn(ctx)
	if err != nil {
		return res, err
	}
	defer conn.Close()
	if id, ok, err := priorBatch(ctx, conn, t.sha256); err != nil || ok {
		res.Batch, res.Repeat = id, ok
		return res, err
	}
	s, p, err := m.prepare(ctx, conn, t)
	if err != nil {
		return res, err
	}
	defer s.drop(ctx)
	if err := p.carry(ctx, conn, name, content); err != nil {
		return res, fmt.Errorf("ingest %s: %w", name, err)
	}
	if err := p.parse(s); err != nil {
		return res, err
	}
	res.Skipped, res.Registered, res.Declared = p.skipped, p.reg.codes(), p.declared
	s.beforeWrite = func(ctx context.Context, tx *sql.Tx) error { return m.write(ctx, tx, p, opts) }
	res.Result, err = s.commit(ctx, t, opts)
	return res, err
}

// prepare loads the catalog, declares the mapping's metrics, resolves its columns and opens a
// stage with room for the new metrics.
func (m *Mapping) prepare(ctx context.Context, conn *sql.Conn, t *table) (*stage, *mapParser, error) {
	c, err := loadCatalog(ctx, conn)
	if err != nil {
		return nil, nil, err
	}
	declared, err := m.declare(ctx, conn, c)
	if err != nil {
		return nil, nil, err
	}
	l, err := m.resolve(t, c)
	if err != nil {
		return nil, nil, err
	}
	s, err := newStage(ctx, conn, c, declared...)
	if err != nil {
		return nil, nil, err
	}
	p := &mapParser{m: m, l: l, c: c, t: t, ps: &problems{file: t.file}, seen: firstRows{},
		reg: &registry{c: c, byName: map[string]string{}, taken: map[string]bool{}}, declared: declared}
	return s, p, nil
}

// parse stages every good row; any problem rejects the file.
func (p *mapParser) parse(s *stage) error {
	err := p.t.rows(func(row int, rec []string) error {
		if r, ok := p.row(row, rec); ok && !p.ps.full() {
			return s.add(r)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if s.rows == 0 && p.ps.err() == nil {
		p.ps.add(0, "", "no data rows left after the mapping's skip rules and period kinds (%d rows skipped)", p.skipped)
	}
	return p.ps.err()
}

// write declares the new metrics (catalog entry and activity column) and registers the new
// departments, inside the file's transaction.
func (m *Mapping) write(ctx context.Context, tx *sql.Tx, p *mapParser, opts Options) error {
	for _, code := range p.declared {
		mt := p.c.metrics[p.c.byName[code]]
		_, err := tx.ExecContext(ctx, `INSERT INTO metrics SELECT ?, ?, ?, ?, ?, coalesce(max(position), 0) + 1 FROM metrics`,
			mt.Code, mt.Name, mt.NameEN, mt.Unit, mt.Kind)
		if err != nil {
			return fmt.Errorf("declare metric %s: %w", code, err)
		}
		if _, err := tx.ExecContext(ctx, `ALTER TABLE activity ADD COLUMN `+sqlfs.Ident(code)+` DOUBLE`); err != nil {
			return fmt.Errorf("declare metric %s: %w", code, err)
		}
	}
	if len(p.reg.list) == 0 {
		return nil
	}
	now := opts.now().UTC()
	var depts, names [][]any
	for _, d := range p.reg.list {
		depts = append(depts, []any{d.code, d.name, d.grp, now})
		names = append(names, []any{d.name, d.code})
	}
	if err := insertRows(ctx, tx, `INSERT INTO depts VALUES `, `(?, ?, ?, NULL, NULL, ?)`, depts); err != nil {
		return fmt.Errorf("register departments: %w", err)
	}
	if err := insertRows(ctx, tx, `INSERT INTO dept_names VALUES `, `(?, ?, true)`, names); err != nil {
		return fmt.Errorf("register departments: %w", err)
	}
	// a new department changes who is listed in every period already scored
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO dirty_periods SELECT DISTINCT period FROM activity`); err != nil {
		return err
	}
	return audit.Write(ctx, tx, audit.Entry{At: now, Actor: actor(opts), Action: "depts.register", Subject: p.t.file, Addr: opts.addr(),
		Detail: fmt.Sprintf("%s (mapping %s): %d departments registered: %s", p.t.file, m.Name, len(p.reg.list), strings.Join(p.reg.codes(), ", "))})
}

// insertRows runs one multi-row INSERT per few hundred rows: one statement per row is slow in
// DuckDB when a file registers thousands of departments.
func insertRows(ctx context.Context, tx *sql.Tx, insert, tuple string, rows [][]any) error {
	const chunk = 400
	for start := 0; start < len(rows); start += chunk {
		part := rows[start:min(start+chunk, len(rows))]
		tuples := make([]string, len(part))
		var args []any
		for i, r := range part {
			tuples[i] = tuple
			args = append(args, r...)
		}
		if _, err := tx.ExecContext(ctx, insert+strings.Join(tuples, ", "), args...); err != nil {
			return err
		}
	}
	return nil
}

func (r *registry) codes() []string {
	out := make([]string, len(r.list))
	for i, d := range r.list {
		out[i] = d.code
	}
	return out
}

// mappedFingerprint identifies a file read through a mapping: the same file read through an
// edited mapping is new content.
func mappedFingerprint(content []byte, m *Mapping) string {
	h := sha256.New()
	h.Write(content)
	h.Write([]byte{0})
	h.Write(m.raw)
	return hex.EncodeToString(h.Sum(nil))
}

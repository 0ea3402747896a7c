package ingest

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"math"

	"github.com/duckdb/duckdb-go/v2"
	sqlfs "github.com/govscore/govscore/sql"
	"github.com/govscore/govscore/trace"
)

// stage holds a file's rows in a temporary table without constraints, filled through DuckDB's
// Appender, until the whole file has been checked.
type stage struct {
	conn   *sql.Conn
	c      *catalog
	app    *duckdb.Appender
	cols   []int // stage column → catalog index; -1 for dept_code, period, row_no, values_hash
	rowBuf []driver.Value
	rows   int
	// beforeWrite runs in the commit's transaction before the rows are written: a mapped file
	// declares its metrics and registers its departments there.
	beforeWrite func(context.Context, *sql.Tx) error
}

// newStage creates the staging table with activity's columns, plus extra metric columns that
// the commit will add to activity.
func newStage(ctx context.Context, conn *sql.Conn, c *catalog, extra ...string) (*stage, error) {
	if _, err := conn.ExecContext(ctx, sqlfs.Query("createStage")); err != nil {
		return nil, fmt.Errorf("create staging table: %w", err)
	}
	for _, code := range extra {
		if _, err := conn.ExecContext(ctx, `ALTER TABLE temp.stage ADD COLUMN `+sqlfs.Ident(code)+` DOUBLE`); err != nil {
			return nil, fmt.Errorf("create staging table: %w", err)
		}
	}
	s := &stage{conn: conn, c: c}
	if err := s.columns(ctx); err != nil {
		return nil, err
	}
	err := conn.Raw(func(dc any) error {
		var err error
		s.app, err = duckdb.NewAppender(dc.(driver.Conn), "temp", "main", "stage")
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("open appender: %w", err)
	}
	s.rowBuf = make([]driver.Value, len(s.cols))
	return s, nil
}

func (s *stage) columns(ctx context.Context) error {
	rows, err := s.conn.QueryContext(ctx, `SELECT * FROM stage LIMIT 0`)
	if err != nil {
		return err
	}
	defer rows.Close()
	names, err := rows.Columns()
	if err != nil {
		return err
	}
	s.cols = make([]int, len(names))
	for i, n := range names {
		s.cols[i] = -1
		if m, ok := s.c.byName[n]; ok && s.c.metrics[m].Code == n {
			s.cols[i] = m
		}
	}
	if names[0] != "dept_code" || names[1] != "period" || names[2] != "row_no" || names[3] != "values_hash" {
		return fmt.Errorf("staging table has unexpected columns %v", names[:4])
	}
	return nil
}

func (s *stage) add(r record) error {
	s.rowBuf[0], s.rowBuf[1], s.rowBuf[2] = r.dept, r.period, int32(r.row)
	s.rowBuf[3] = "" // unused: commitStage compares the metric columns
	for i := 4; i < len(s.cols); i++ {
		s.rowBuf[i] = nil
		if m := s.cols[i]; m >= 0 && !math.IsNaN(r.values[m]) {
			s.rowBuf[i] = r.values[m]
		}
	}
	s.rows++
	return s.app.AppendRow(s.rowBuf...)
}

func (s *stage) drop(ctx context.Context) {
	if s.app != nil {
		s.app.Close()
	}
	s.conn.ExecContext(context.WithoutCancel(ctx), `DROP TABLE IF EXISTS temp.stage; DROP TABLE IF EXISTS temp.stage_diff; DROP TABLE IF EXISTS temp.stage_periods`)
}

// check runs the cross-field checks (sql/queries/checkStage.sql) over the staged rows.
func (s *stage) check(ctx context.Context, t *table) error {
	rows, err := s.conn.QueryContext(ctx, sqlfs.Query("checkStage"))
	if err != nil {
		return fmt.Errorf("check %s: %w", t.file, err)
	}
	defer rows.Close()
	ps := problems{file: t.file}
	for rows.Next() {
		var row int
		var col, msg, msgZH string
		if err := rows.Scan(&row, &col, &msg, &msgZH); err != nil {
			return err
		}
		ps.push(Problem{File: t.file, Row: row, Column: col, Msg: msg, MsgZH: msgZH})
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return ps.err()
}

// commit writes the staged rows as one batch in one transaction: repeats are skipped, changed
// department-periods become new versions, and their periods are marked for re-scoring.
func (s *stage) commit(ctx context.Context, t *table, opts Options) (Result, error) {
	res := Result{File: t.file, Rows: s.rows}
	if s.app != nil {
		if err := s.app.Flush(); err != nil {
			return res, fmt.Errorf("stage %s: %w", t.file, err)
		}
	}
	done := trace.Start("checkStage")
	err := s.check(ctx, t)
	done()
	if err != nil {
		return res, err
	}
	tx, err := s.conn.BeginTx(ctx, nil)
	if err != nil {
		return res, err
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, `SELECT nextval('batch_ids')`).Scan(&res.Batch); err != nil {
		return res, err
	}
	if _, err := tx.ExecContext(ctx, `SET VARIABLE batch_id = `+fmt.Sprint(res.Batch)); err != nil {
		return res, err
	}
	if s.beforeWrite != nil {
		if err := s.beforeWrite(ctx, tx); err != nil {
			return res, fmt.Errorf("write %s: %w", t.file, err)
		}
	}
	for i, st := range trace.Statements(sqlfs.Query("commitStage")) {
		done := trace.Start(fmt.Sprintf("commitStage #%d", i+1))
		_, err := tx.ExecContext(ctx, st)
		done()
		if err != nil {
			return res, fmt.Errorf("write %s: %w", t.file, err)
		}
	}
	err = tx.QueryRowContext(ctx, sqlfs.Query("countStage")).Scan(&res.New, &res.Revisions, &res.Unchanged)
	if err != nil {
		return res, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO batches (id, file, sha256, sheet, format, rows, new_rows, revisions, unchanged, source, ingested_at, author, reason)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		res.Batch, t.file, t.sha256, nullable(t.sheet), t.kind, res.Rows, res.New, res.Revisions, res.Unchanged,
		opts.source(), opts.now().UTC(), nullable(opts.Actor), nullable(opts.Reason))
	if err != nil {
		return res, err
	}
	if res.Periods, err = changedPeriods(ctx, tx); err != nil {
		return res, err
	}
	defer trace.Start("commit")()
	return res, tx.Commit()
}

func changedPeriods(ctx context.Context, tx *sql.Tx) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT period FROM stage_periods ORDER BY period`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

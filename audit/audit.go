// Package audit is govscore's record of every write: who did what, to what, when, from where,
// and what it was before and after. Every package that changes data writes its entry in the
// same transaction as the change, through Write.
package audit

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	sqlfs "github.com/govscore/govscore/sql"
)

// Entry is one audited action.
type Entry struct {
	At      time.Time `json:"at"`
	Actor   string    `json:"actor"`   // who: a user name, or the OS user of a CLI command
	Action  string    `json:"action"`  // what, as noun.verb: ingest, adjustment.add, edition.publish, login.fail …
	Subject string    `json:"subject"` // to what: a department code, a file, an edition, a user
	Period  string    `json:"period"`  // the period it concerns, if one
	Detail  string    `json:"detail"`  // for people: what changed, in a line
	Addr    string    `json:"addr"`    // from where: cli, or the HTTP client's address
	Before  string    `json:"before"`  // JSON of the state before, where there is one
	After   string    `json:"after"`   // JSON of the state after
}

// Execer runs a statement: a *sql.DB, *sql.Conn or *sql.Tx (the change's own transaction).
type Execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// Querier runs a query.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// JSON encodes v for Before or After; nil is "".
func JSON(v any) string {
	if v == nil {
		return ""
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%q", fmt.Sprint(v))
	}
	return string(b)
}

// Write appends e to the audit log; a zero At is now.
func Write(ctx context.Context, q Execer, e Entry) error {
	if e.At.IsZero() {
		e.At = time.Now()
	}
	if e.Actor == "" {
		e.Actor = "unknown"
	}
	_, err := q.ExecContext(ctx, sqlfs.Query("auditWrite"), e.At.UTC(), e.Actor, e.Action, e.Detail,
		orNull(e.Subject), orNull(e.Period), orNull(e.Addr), orNull(e.Before), orNull(e.After))
	if err != nil {
		return fmt.Errorf("audit %s: %w", e.Action, err)
	}
	return nil
}

func orNull(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Filter selects audit entries; empty fields match everything.
type Filter struct {
	Actor, Action, Subject, Period string // Action matches as a prefix: "adjustment" finds adjustment.add and .withdraw
	Limit                          int    // the most entries, newest first; 0: 200
}

// List is the newest entries that match f.
func List(ctx context.Context, q Querier, f Filter) ([]Entry, error) {
	if f.Limit <= 0 {
		f.Limit = 200
	}
	rows, err := q.QueryContext(ctx, sqlfs.Query("auditList"), orNull(f.Actor), orNull(f.Action), orNull(f.Subject), orNull(f.Period), f.Limit)
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		var e Entry
		if err := rows.Scan(&e.At, &e.Actor, &e.Action, &e.Detail, &e.Subject, &e.Period, &e.Addr, &e.Before, &e.After); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Source is where and when a change is made, as its audit entry records it: what the options of
// every writing package carry.
type Source struct {
	Addr string           // an HTTP client's address; "" is the CLI
	Now  func() time.Time // the clock; time.Now when nil
}

// At is the time of the change, in UTC.
func (s Source) At() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

// From is where the change comes from: the client's address, or cli.
func (s Source) From() string {
	if s.Addr == "" {
		return "cli"
	}
	return s.Addr
}

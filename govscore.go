// Package govscore holds the concepts every layer of govscore shares: a department's standing
// in a period, its score lines, the versions of its data, and the errors a user can be shown.
// The packages around it (ingest, scoring, editions, server, the CLI) read and write these
// types; none of them defines its own copy.
package govscore

import (
	"errors"

	"github.com/govscore/govscore/locale"
)

// Error codes: what kind of failure an error is, which the server turns into an HTTP status and
// the CLI's client back into the same error.
const (
	EINVALID      = "invalid"      // the request or input is wrong; nothing changed
	ENOTFOUND     = "not_found"    // no such department, period, edition, user …
	ECONFLICT     = "conflict"     // the change conflicts with what is stored (a published month …)
	EUNAUTHORIZED = "unauthorized" // not logged in
	EFORBIDDEN    = "forbidden"    // logged in, not allowed
	EINTERNAL     = "internal"     // a failure of govscore itself
)

// Error is a failure a user can act on: a code and a message in both languages.
type Error struct {
	Code string
	Msg  locale.Text
}

func (e *Error) Error() string { return e.Msg.EN }

// Localize is the message in l.
func (e *Error) Localize(l locale.Lang) string { return e.Msg.In(l) }

// Errorf is an Error with code and a message in both languages (same arguments for both).
func Errorf(code, zh, en string, args ...any) *Error {
	return &Error{Code: code, Msg: locale.Textf(zh, en, args...)}
}

// ErrorCode is the code of the first Error in err's chain; EINTERNAL when there is none.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return EINTERNAL
}

// ErrNotScored means the period asked for has no results: no data, or `score` has not run.
var ErrNotScored = &Error{Code: ENOTFOUND, Msg: locale.Text{
	ZH: "该期间没有评分结果:请先导入数据并运行 govscore score",
	EN: "no results for this period: ingest its data and run `govscore score`"}}

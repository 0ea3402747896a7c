// Package sql holds every SQL statement govscore runs, as embedded files: schema migrations,
// ingest checks, the scoring engine's queries and the default rule set.
package sql

import (
	"embed"
	"strings"
)

// Migrations are the schema changes, applied in name order, each once.
//
//go:embed migrations/*.sql
var Migrations embed.FS

// Queries are the statements the Go packages run, named after the function that runs them.
//
//go:embed queries/*.sql
var Queries embed.FS

// DefaultRules is the default rule set (PRODUCT.md's 考核细则), a folder like any other rule set.
//
//go:embed rules/default
var DefaultRules embed.FS

// Query returns the text of queries/NAME.sql; a missing file is a programming error.
func Query(name string) string {
	b, err := Queries.ReadFile("queries/" + name + ".sql")
	if err != nil {
		panic("sql: no query " + name)
	}
	return string(b)
}

// Ident quotes an identifier (a column, table or parameter name) for SQL: every name that Go
// puts into a statement goes through it. Values go in as parameters, never through here.
func Ident(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// Literal quotes a string constant for the few places DuckDB takes no parameter: a SET of a
// setting, read_csv's column types and file name, a CREATE MACRO. Anything else is a parameter.
func Literal(s string) string { return `'` + strings.ReplaceAll(s, `'`, `''`) + `'` }

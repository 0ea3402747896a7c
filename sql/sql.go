// Package sql holds every SQL statement govscore runs, as embedded files: schema migrations,
// ingest checks, the scoring engine's queries and the default rule set.
package sql

import "embed"

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

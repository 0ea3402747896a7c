package storage

import (
	"database/sql"
	"database/sql/driver"
	"sync"
)

// DuckDB allows one process to write a database file, so while `govscore serve` runs, the CLI's
// commands run inside it (see cmd/govscore/remote.go). A command opens and closes its database as
// if it were alone; Share gives it a handle of its own on serve's open database instead, whose
// Close closes only that handle's connections, never the database.

// connectors are the connectors of the databases Open opened, so that Share can reach them.
var connectors sync.Map // *sql.DB → driver.Connector

func remember(db *sql.DB, c driver.Connector) { connectors.Store(db, c) }

// shared is a connector without Close: sql.DB.Close closes a connector that has one, which for
// DuckDB closes the database itself.
type shared struct{ driver.Connector }

// Share is a new handle on db's database (one Open returned), for code that will Close it when
// done: closing it leaves db and the database open. It returns db's connections' settings,
// sandbox included, since they belong to the database instance.
func Share(db *sql.DB) *sql.DB {
	c, ok := connectors.Load(db)
	if !ok {
		panic("storage.Share: not a database storage.Open opened")
	}
	return sql.OpenDB(shared{c.(driver.Connector)})
}

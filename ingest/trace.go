package ingest

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// traceOut receives the lines of trace; tests replace it.
var traceOut io.Writer = os.Stderr

// trace prints how long a step of an ingest took when GOVSCORE_TRACE is set: call the returned
// func when the step ends (or defer trace(name)()).
func trace(name string) func() {
	if os.Getenv("GOVSCORE_TRACE") == "" {
		return func() {}
	}
	start := time.Now()
	return func() { fmt.Fprintf(traceOut, "trace: %-24s %v\n", name, time.Since(start).Round(time.Millisecond)) }
}

// statements is a query file as one statement, or, when GOVSCORE_TRACE is set, split into its
// statements (at a semicolon ending a line) so that each one's time is traced.
func statements(q string) []string {
	if os.Getenv("GOVSCORE_TRACE") == "" {
		return []string{q}
	}
	var out []string
	for _, st := range strings.SplitAfter(q, ";\n") {
		if strings.TrimSpace(st) != "" {
			out = append(out, st)
		}
	}
	return out
}

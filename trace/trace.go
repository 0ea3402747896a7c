// Package trace times govscore's steps, on standard error, when GOVSCORE_TRACE is set: how a
// country-scale ingest or score run spends its time, statement by statement.
package trace

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// Out receives the trace lines; tests replace it.
var Out io.Writer = os.Stderr

// Enabled reports whether GOVSCORE_TRACE is set.
func Enabled() bool { return os.Getenv("GOVSCORE_TRACE") != "" }

// Start begins timing a step; calling the func it returns prints the step's time (defer
// trace.Start(name)()).
func Start(name string) func() {
	if !Enabled() {
		return func() {}
	}
	start := time.Now()
	return func() { fmt.Fprintf(Out, "trace: %-24s %v\n", name, time.Since(start).Round(time.Millisecond)) }
}

// Statements is a query file as one statement or, when tracing, split into its statements (at a
// semicolon ending a line) so that each one's time shows.
func Statements(q string) []string {
	if !Enabled() {
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

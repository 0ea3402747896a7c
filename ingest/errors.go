package ingest

import (
	"fmt"
	"strings"
)

// maxProblems bounds how many problems one rejected file reports.
const maxProblems = 50

// Problem is one thing wrong with an input file, located as precisely as it can be.
type Problem struct {
	File   string
	Row    int    // 1-based, the header being row 1; 0 when the whole file is at fault
	Column string // as headed in the file; empty when no single column is at fault
	Msg    string // what was expected and what was found
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Row > 0 {
		fmt.Fprintf(&b, ": row %d", p.Row)
	}
	if p.Column != "" {
		fmt.Fprintf(&b, ", column %q", p.Column)
	}
	b.WriteString(": ")
	b.WriteString(p.Msg)
	return b.String()
}

// RejectedError says a file was rejected whole, and why; nothing of it was written.
type RejectedError struct {
	File     string
	Problems []Problem
	More     bool // more problems were found than are listed
}

func (e *RejectedError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s rejected, nothing written: ", e.File)
	if len(e.Problems) == 1 {
		b.WriteString(e.Problems[0].String())
		return b.String()
	}
	fmt.Fprintf(&b, "%d problems", len(e.Problems))
	if e.More {
		b.WriteString(" (only the first are listed)")
	}
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

// problems collects a file's problems up to maxProblems.
type problems struct {
	file string
	list []Problem
	more bool
}

func (ps *problems) add(row int, col, format string, args ...any) {
	if len(ps.list) >= maxProblems {
		ps.more = true
		return
	}
	ps.list = append(ps.list, Problem{File: ps.file, Row: row, Column: col, Msg: fmt.Sprintf(format, args...)})
}

func (ps *problems) full() bool { return len(ps.list) >= maxProblems }

func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	return &RejectedError{File: ps.file, Problems: ps.list, More: ps.more}
}

// reject is a RejectedError with a single problem.
func reject(file string, row int, col, format string, args ...any) error {
	ps := problems{file: file}
	ps.add(row, col, format, args...)
	return ps.err()
}

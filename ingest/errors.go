package ingest

import (
	"errors"
	"fmt"
	"strings"

	"github.com/govscore/govscore/locale"
)

// maxProblems bounds how many problems one rejected file reports.
const maxProblems = 50

// Problem is one thing wrong with an input file, located as precisely as it can be.
type Problem struct {
	File   string
	Row    int    // 1-based, the header being row 1; 0 when the whole file is at fault
	Column string // as headed in the file; empty when no single column is at fault
	Msg    string // what was expected and what was found
	MsgZH  string // the same in Chinese; empty where only English is written
}

func (p Problem) String() string { return p.Localize(locale.EN) }

// Localize is the problem in l; Chinese falls back to English where no Chinese message was
// written.
func (p Problem) Localize(l locale.Lang) string {
	var b strings.Builder
	b.WriteString(p.File)
	switch {
	case l == locale.ZH && p.MsgZH != "":
		if p.Row > 0 {
			fmt.Fprintf(&b, " 第 %d 行", p.Row)
		}
		if p.Column != "" {
			fmt.Fprintf(&b, "“%s”列", p.Column)
		}
		b.WriteString(":")
		b.WriteString(p.MsgZH)
		return b.String()
	case p.Row > 0:
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

func (e *RejectedError) Error() string { return e.Localize(locale.EN) }

// Localize is the whole message in l, one problem a line.
func (e *RejectedError) Localize(l locale.Lang) string {
	zh := l == locale.ZH
	var b strings.Builder
	if zh {
		fmt.Fprintf(&b, "%s 已拒收,未写入任何数据:", e.File)
	} else {
		fmt.Fprintf(&b, "%s rejected, nothing written: ", e.File)
	}
	if len(e.Problems) == 1 {
		b.WriteString(e.Problems[0].Localize(l))
		return b.String()
	}
	if zh {
		fmt.Fprintf(&b, "%d 处问题", len(e.Problems))
	} else {
		fmt.Fprintf(&b, "%d problems", len(e.Problems))
	}
	if e.More {
		b.WriteString(map[bool]string{true: "(仅列出前若干处)", false: " (only the first are listed)"}[zh])
	}
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.Localize(l))
	}
	return b.String()
}

// problems collects a file's problems up to maxProblems.
type problems struct {
	file string
	list []Problem
	more bool
}

// add records a problem written in English only.
func (ps *problems) add(row int, col, format string, args ...any) {
	ps.addT(row, col, "", format, args...)
}

// addT records a problem in Chinese and English; both formats take the same arguments.
func (ps *problems) addT(row int, col, zh, en string, args ...any) {
	p := Problem{File: ps.file, Row: row, Column: col, Msg: fmt.Sprintf(en, args...)}
	if zh != "" {
		p.MsgZH = fmt.Sprintf(zh, args...)
	}
	ps.push(p)
}

// addErr records err, in both languages when it is a bilingual error.
func (ps *problems) addErr(row int, col string, err error) {
	p := Problem{File: ps.file, Row: row, Column: col, Msg: err.Error()}
	var b *locale.Error
	if errors.As(err, &b) {
		p.MsgZH = b.ZH
	}
	ps.push(p)
}

func (ps *problems) push(p Problem) {
	if len(ps.list) >= maxProblems {
		ps.more = true
		return
	}
	ps.list = append(ps.list, p)
}

func (ps *problems) full() bool { return len(ps.list) >= maxProblems }

func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	return &RejectedError{File: ps.file, Problems: ps.list, More: ps.more}
}

// reject is a RejectedError with a single problem, in English only.
func reject(file string, row int, col, format string, args ...any) error {
	return rejectT(file, row, col, "", format, args...)
}

// rejectT is a RejectedError with a single problem in Chinese and English.
func rejectT(file string, row int, col, zh, en string, args ...any) error {
	ps := problems{file: file}
	ps.addT(row, col, zh, en, args...)
	return ps.err()
}

// errT is a bilingual error; both formats take the same arguments.
func errT(zh, en string, args ...any) error { return locale.Errorf(zh, en, args...) }

// withPrefix puts prefix before both languages of err.
func withPrefix(prefix string, err error) error {
	var b *locale.Error
	if errors.As(err, &b) {
		return &locale.Error{Text: locale.Text{ZH: prefix + b.ZH, EN: prefix + b.EN}}
	}
	return fmt.Errorf("%s%w", prefix, err)
}

// Package locale is how govscore speaks: Chinese by default, English on request. Every label,
// message and error a person reads is written in both languages here or beside its caller, and
// picked by one Lang.
package locale

import (
	"errors"
	"fmt"
)

// Lang is the language of what people read: ZH (default) or EN.
type Lang string

// The languages govscore speaks.
const (
	ZH Lang = "zh"
	EN Lang = "en"
)

// Parse reads a language name; empty means Chinese.
func Parse(s string) (Lang, error) {
	switch Lang(s) {
	case "", ZH:
		return ZH, nil
	case EN:
		return EN, nil
	}
	return ZH, Errorf("语言“%s”无效:应为 zh 或 en", "language %q: expected zh or en", s)
}

// T picks the label for the language.
func (l Lang) T(zh, en string) string {
	if l == EN {
		return en
	}
	return zh
}

// Tf formats the message for the language; both formats take the same arguments.
func (l Lang) Tf(zh, en string, args ...any) string {
	return fmt.Sprintf(l.T(zh, en), args...)
}

// Text is one message in both languages.
type Text struct{ ZH, EN string }

// Textf formats a message in both languages; both formats take the same arguments.
func Textf(zh, en string, args ...any) Text {
	return Text{ZH: fmt.Sprintf(zh, args...), EN: fmt.Sprintf(en, args...)}
}

// In is the message in l; Chinese falls back to English where none was written.
func (t Text) In(l Lang) string {
	if l == EN || t.ZH == "" {
		return t.EN
	}
	return t.ZH
}

// Localizer is an error (or anything) that can say itself in either language.
type Localizer interface {
	Localize(l Lang) string
}

// Error is an error whose message exists in both languages; Error() is the English.
type Error struct{ Text }

func (e *Error) Error() string { return e.EN }

// Localize is the message in l.
func (e *Error) Localize(l Lang) string { return e.In(l) }

// Errorf is an error in both languages; both formats take the same arguments.
func Errorf(zh, en string, args ...any) error {
	return &Error{Textf(zh, en, args...)}
}

// Prefix puts a prefix (in both languages) before err, keeping err reachable with errors.As.
func Prefix(zh, en string, err error) error {
	return &prefixed{Text: Text{ZH: zh, EN: en}, err: err}
}

type prefixed struct {
	Text
	err error
}

func (p *prefixed) Error() string          { return p.EN + p.err.Error() }
func (p *prefixed) Unwrap() error          { return p.err }
func (p *prefixed) Localize(l Lang) string { return p.In(l) + Message(p.err, l) }

// Message is err as read in l: the outermost error that can localize itself says it all (it
// includes what it wraps); an error that cannot is shown in English.
func Message(err error, l Lang) string {
	if err == nil {
		return ""
	}
	var loc Localizer
	if l == ZH && errors.As(err, &loc) {
		// a plain wrapper's own prefix (fmt.Errorf("x: %w")) is kept in front of the localized part
		if s, ok := err.(Localizer); ok {
			return s.Localize(l)
		}
		inner := loc.(error)
		full, part := err.Error(), inner.Error()
		if i := len(full) - len(part); i >= 0 && full[i:] == part {
			return full[:i] + loc.Localize(l)
		}
		return loc.Localize(l)
	}
	return err.Error()
}

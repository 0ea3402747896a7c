// Package period parses and orders the reporting periods govscore scores: months, quarters and years.
package period

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Kind is the granularity of a period.
type Kind int

// The granularities, finest first.
const (
	Month Kind = iota
	Quarter
	Year
)

// Period is one month, quarter or year. Its zero value is invalid.
type Period struct {
	Kind Kind
	Year int
	Num  int // month 1–12, quarter 1–4, 0 for a year
}

var (
	monthRE   = regexp.MustCompile(`^(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*(?:月(?:份)?)?$`)
	compactRE = regexp.MustCompile(`^(\d{4})(\d{2})$`)
	quarterRE = regexp.MustCompile(`^(?:(\d{4})\s*[-\s]?\s*[Qq]([1-4])|[Qq]([1-4])\s*[-\s]?\s*(\d{4})|(\d{4})\s*年\s*(?:第)?([1-4一二三四])\s*季度)$`)
	yearRE    = regexp.MustCompile(`^(\d{4})\s*(?:年|年度)?$`)
)

// Parse reads a period as people write it: 2014-11, 2014/11, 2014年11月, 2014.11, 201411,
// 2020-Q1, Q1 2020, 2020年第一季度, 2020, 2020年. It rejects anything else.
func Parse(s string) (Period, error) {
	s = strings.TrimSpace(s)
	if m := monthRE.FindStringSubmatch(s); m != nil {
		return month(m[1], m[2], s)
	}
	if m := compactRE.FindStringSubmatch(s); m != nil {
		return month(m[1], m[2], s)
	}
	if m := quarterRE.FindStringSubmatch(s); m != nil {
		return quarter(m, s)
	}
	if m := yearRE.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		return checkYear(Period{Kind: Year, Year: y}, s)
	}
	return Period{}, fmt.Errorf("%q is not a period (expected a month such as 2014-11, 2014年11月 or 2014/11, a quarter such as 2020-Q1, or a year)", s)
}

// MustParse is Parse for constants in code and tests; it panics on a bad period.
func MustParse(s string) Period {
	p, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return p
}

// ParseMonth is Parse restricted to months.
func ParseMonth(s string) (Period, error) {
	p, err := Parse(s)
	if err == nil && p.Kind != Month {
		err = fmt.Errorf("%q is a %s, expected a month such as 2014-11", s, p.Kind)
	}
	return p, err
}

func month(ys, ms, src string) (Period, error) {
	y, _ := strconv.Atoi(ys)
	m, _ := strconv.Atoi(ms)
	if m < 1 || m > 12 {
		return Period{}, fmt.Errorf("%q: month %d is not between 1 and 12", src, m)
	}
	return checkYear(Period{Kind: Month, Year: y, Num: m}, src)
}

func quarter(m []string, src string) (Period, error) {
	ys, qs := m[1]+m[4]+m[5], m[2]+m[3]+m[6]
	q := strings.Index("一二三四", qs)/3 + 1
	if n, err := strconv.Atoi(qs); err == nil {
		q = n
	}
	y, _ := strconv.Atoi(ys)
	return checkYear(Period{Kind: Quarter, Year: y, Num: q}, src)
}

func checkYear(p Period, src string) (Period, error) {
	if p.Year < 1900 || p.Year > 2200 {
		return Period{}, fmt.Errorf("%q: year %d is out of range", src, p.Year)
	}
	return p, nil
}

// FromTime is the month holding t.
func FromTime(t time.Time) Period {
	return Period{Kind: Month, Year: t.Year(), Num: int(t.Month())}
}

// FromExcelSerial is the month holding an Excel date serial number (1900 date system).
func FromExcelSerial(serial float64) (Period, error) {
	if serial < 1 || serial > 200000 {
		return Period{}, fmt.Errorf("%v is not an Excel date", serial)
	}
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	return FromTime(base.AddDate(0, 0, int(serial))), nil
}

// String is the canonical form stored in the database: 2014-11, 2020-Q1 or 2020.
func (p Period) String() string {
	switch p.Kind {
	case Month:
		return fmt.Sprintf("%04d-%02d", p.Year, p.Num)
	case Quarter:
		return fmt.Sprintf("%04d-Q%d", p.Year, p.Num)
	}
	return fmt.Sprintf("%04d", p.Year)
}

// String names the granularity in English.
func (k Kind) String() string {
	return [...]string{"month", "quarter", "year"}[k]
}

// IsZero reports whether p is the zero (invalid) period.
func (p Period) IsZero() bool { return p.Year == 0 }

// Prev is the period before p of the same kind.
func (p Period) Prev() Period { return p.Add(-1) }

// Add moves p by n periods of its own kind.
func (p Period) Add(n int) Period {
	switch p.Kind {
	case Month:
		i := p.Year*12 + p.Num - 1 + n
		return Period{Kind: Month, Year: i / 12, Num: i%12 + 1}
	case Quarter:
		i := p.Year*4 + p.Num - 1 + n
		return Period{Kind: Quarter, Year: i / 4, Num: i%4 + 1}
	}
	return Period{Kind: Year, Year: p.Year + n}
}

// Before reports whether p comes before q (both of the same kind).
func (p Period) Before(q Period) bool {
	return p.Year < q.Year || p.Year == q.Year && p.Num < q.Num
}

// Months lists the months p covers, in order.
func (p Period) Months() []Period {
	first, n := 1, 12
	switch p.Kind {
	case Month:
		return []Period{p}
	case Quarter:
		first, n = (p.Num-1)*3+1, 3
	}
	out := make([]Period, n)
	for i := range out {
		out[i] = Period{Kind: Month, Year: p.Year, Num: first + i}
	}
	return out
}

// YearStart is the first period of p's kind in p's year.
func (p Period) YearStart() Period {
	if p.Kind == Year {
		return p
	}
	return Period{Kind: p.Kind, Year: p.Year, Num: 1}
}

package ingest

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/govscore/govscore/period"
)

// parseValue reads one metric cell. An empty cell is "not reported" (NaN), never zero.
func parseValue(s string, m Metric) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return math.NaN(), nil
	}
	clean := strings.ReplaceAll(strings.ReplaceAll(s, ",", ""), ",", "")
	if m.Kind == "rate" {
		clean = strings.TrimSuffix(strings.TrimSuffix(clean, "%"), "%")
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(clean), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("expected %s, got %q", want(m), s)
	}
	switch {
	case v < 0:
		return 0, fmt.Errorf("expected %s, got the negative %q", want(m), s)
	case m.Kind == "count" && v != math.Trunc(v):
		return 0, fmt.Errorf("expected %s, got %q", want(m), s)
	case m.Kind == "rate" && v > 100:
		return 0, fmt.Errorf("expected %s, got %q", want(m), s)
	}
	return v, nil
}

func want(m Metric) string {
	switch m.Kind {
	case "count":
		return "a whole number ≥ 0 (" + m.Unit + ")"
	case "rate":
		return "a percentage from 0 to 100"
	}
	return "a number ≥ 0 (" + m.Unit + ")"
}

// parsePeriod reads a month cell: text such as 2014-11, 2014年11月, 2014/11, or an Excel date.
func parsePeriod(s string) (period.Period, error) {
	p, err := period.ParseMonth(s)
	if err == nil {
		return p, nil
	}
	if serial, ferr := strconv.ParseFloat(s, 64); ferr == nil {
		if p, serr := period.FromExcelSerial(serial); serr == nil {
			return p, nil
		}
	}
	return period.Period{}, fmt.Errorf("expected a month such as 2014-11, 2014年11月, 2014/11 or an Excel date, got %q", s)
}

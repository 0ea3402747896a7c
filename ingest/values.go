package ingest

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/govscore/govscore/locale"
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
	switch {
	case err != nil || math.IsNaN(v) || math.IsInf(v, 0):
		return 0, badValue(m, s, "")
	case v < 0:
		return 0, badValue(m, s, "the negative ")
	case m.Kind == "count" && v != math.Trunc(v), m.Kind == "rate" && v > 100:
		return 0, badValue(m, s, "")
	}
	return v, nil
}

// badValue says what a metric's cell should hold and what it held, in both languages.
func badValue(m Metric, got, adjective string) error {
	zh, en := "不小于 0 的数("+m.Unit+")", "a number ≥ 0 ("+m.Unit+")"
	switch m.Kind {
	case "count":
		zh, en = "不小于 0 的整数("+m.Unit+")", "a whole number ≥ 0 ("+m.Unit+")"
	case "rate":
		zh, en = "0 到 100 之间的百分比", "a percentage from 0 to 100"
	}
	return &locale.Error{Text: locale.Text{ZH: fmt.Sprintf("应为%s,实际为“%s”", zh, got), EN: fmt.Sprintf("expected %s, got %s%q", en, adjective, got)}}
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
	return period.Period{}, errT("应为月份,如 2014-11、2014年11月、2014/11 或 Excel 日期,实际为“%s”",
		"expected a month such as 2014-11, 2014年11月, 2014/11 or an Excel date, got %q", s)
}

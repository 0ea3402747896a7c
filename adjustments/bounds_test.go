package adjustments_test

import (
	"strings"
	"testing"

	"github.com/govscore/govscore/adjustments"
	"github.com/govscore/govscore/locale"
)

func TestParsePoints(t *testing.T) {
	for _, c := range []struct {
		name, in string
		limit    float64
		want     float64
		ok       bool
	}{
		{"bonus", "2", 0, 2, true},
		{"deduction with a fraction", "-1.5", 0, -1.5, true},
		{"plus sign", "+20", 0, 20, true},
		{"at the bound", "-20", 0, -20, true},
		{"beyond the bound", "20.01", 0, 0, false},
		{"a wider bound", "30", 30, 30, true},
		{"zero", "0", 0, 0, false},
		{"negative zero", "-0.0", 0, 0, false},
		{"NaN", "NaN", 0, 0, false},
		{"infinity", "Inf", 0, 0, false},
		{"exponent", "1e308", 0, 0, false},
		{"hex float", "0x1p4", 0, 0, false},
		{"underscores", "1_0", 0, 0, false},
		{"empty", "", 0, 0, false},
		{"text", "two", 0, 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := adjustments.ParsePoints(c.in, c.limit)
			if c.ok != (err == nil) || c.ok && got != c.want {
				t.Fatalf("ParsePoints(%q) = %v, %v", c.in, got, err)
			}
			if err != nil && (!strings.Contains(locale.Message(err, locale.ZH), "调整分值") || !strings.Contains(locale.Message(err, locale.EN), "expected a non-zero number")) {
				t.Errorf("message not in both languages: %q / %q", locale.Message(err, locale.ZH), locale.Message(err, locale.EN))
			}
		})
	}
}

func TestLimitFromEnv(t *testing.T) {
	for _, c := range []struct {
		name, env string
		want      float64
		ok        bool
	}{
		{"unset", "", 20, true},
		{"set", "30", 30, true},
		{"zero", "0", 0, false},
		{"negative", "-5", 0, false},
		{"not a number", "lots", 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv(adjustments.LimitEnv, c.env)
			got, err := adjustments.LimitFromEnv()
			if c.ok != (err == nil) || got != c.want {
				t.Errorf("LimitFromEnv() with %q = %v, %v", c.env, got, err)
			}
		})
	}
}

package adjustments

import (
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/govscore/govscore"
)

// DefaultLimit bounds an adjustment's points either way (issue 10: an adjustment of 1e308 made
// a total of -Inf). The default rules give 100 points a month and a bonus of 5 at most.
const DefaultLimit = 20

// LimitEnv names the environment variable that sets another bound (e.g. 30).
const LimitEnv = "GOVSCORE_ADJUST_MAX"

// pointsRE is how a clerk writes points: a plain decimal with an optional sign. 1e3, 0x1p4,
// 1_000, NaN and Inf are not points.
var pointsRE = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)

// LimitFromEnv is the bound GOVSCORE_ADJUST_MAX sets, DefaultLimit when it is unset.
func LimitFromEnv() (float64, error) {
	s := strings.TrimSpace(os.Getenv(LimitEnv))
	if s == "" {
		return DefaultLimit, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if !pointsRE.MatchString(s) || err != nil || v <= 0 {
		return 0, govscore.Errorf(govscore.EINVALID, "%s=%q 无效:应为正数,如 20", "%s=%q: expected a positive number such as 20", LimitEnv, s)
	}
	return v, nil
}

// ParsePoints reads points as written on the command line and checks them against limit.
func ParsePoints(s string, limit float64) (float64, error) {
	s = strings.TrimSpace(s)
	v, err := strconv.ParseFloat(s, 64)
	if !pointsRE.MatchString(s) || err != nil {
		return 0, outOfBounds(s, limit)
	}
	return v, CheckPoints(v, limit)
}

// CheckPoints refuses points that are zero, not finite, or beyond limit either way (0: DefaultLimit).
func CheckPoints(v, limit float64) error {
	if limit <= 0 {
		limit = DefaultLimit
	}
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > limit {
		return outOfBounds(strconv.FormatFloat(v, 'g', -1, 64), limit)
	}
	return nil
}

func outOfBounds(s string, limit float64) error {
	if limit <= 0 {
		limit = DefaultLimit
	}
	return govscore.Errorf(govscore.EINVALID,
		"调整分值 %q 无效:应为 -%g 至 +%g 之间的非零数,如 2 或 -1.5(上限由 %s 设定)",
		"points %q: expected a non-zero number from -%g to +%g, such as 2 or -1.5 (the bound is set by %s)",
		s, limit, limit, LimitEnv)
}

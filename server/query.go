package server

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govscore/govscore/jobs"
	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/period"
)

// maxGroup is the longest group name a query may give, in characters (the longest real one,
// 县区政府 or "UK central government", is far shorter).
const maxGroup = 100

// rankingQuery is /api/rankings' query, checked.
type rankingQuery struct {
	period, group string
	limit, offset int
}

// parseRanking checks ?month=P[&group=G][&limit=N&offset=M]; the error says what was expected.
func parseRanking(q url.Values) (rankingQuery, locale.Text, bool) {
	var rq rankingQuery
	p, err := period.Parse(q.Get("month"))
	if q.Get("month") == "" || err != nil {
		return rq, locale.Text{ZH: "month:应为 YYYY-MM,如 ?month=2014-11", EN: "month: expected YYYY-MM, e.g. ?month=2014-11"}, false
	}
	rq.period, rq.group = p.String(), q.Get("group")
	if !visible(rq.group, maxGroup) {
		return rq, locale.Textf("group:应为分组名称(不超过 %d 个字符,不含控制字符或不可见字符),如 ?group=市级部门",
			"group: expected a group name (at most %d characters, no control or invisible characters), e.g. ?group=市级部门", maxGroup), false
	}
	var ok bool
	if rq.limit, rq.offset, ok = page(q.Get("limit"), q.Get("offset")); !ok {
		return rq, locale.Text{ZH: "limit, offset:应为 ≥ 0 的整数,如 ?limit=50&offset=100",
			EN: "limit, offset: expected whole numbers ≥ 0, e.g. ?limit=50&offset=100"}, false
	}
	return rq, locale.Text{}, true
}

// visible says whether s is at most max characters of visible text with no space at either
// end (empty is fine): no control, format (zero-width) or private-use characters.
func visible(s string, max int) bool {
	if !utf8.ValidString(s) || utf8.RuneCountInString(s) > max || strings.TrimSpace(s) != s {
		return false
	}
	for _, r := range s {
		if !unicode.IsGraphic(r) {
			return false
		}
	}
	return true
}

// page reads the limit and offset of a request; empty means 0 (all, none skipped).
func page(limit, offset string) (int, int, bool) {
	n := [2]int{}
	for i, v := range []string{limit, offset} {
		if v == "" {
			continue
		}
		x, err := strconv.Atoi(v)
		if err != nil || x < 0 {
			return 0, 0, false
		}
		n[i] = x
	}
	return n[0], n[1], true
}

// jobsQuery is /jobs' and /api/jobs' query, checked.
type jobsQuery struct {
	limit int
	job   string
	all   bool
}

// parseJobs checks [?job=NAME][&limit=N][&all=1].
func parseJobs(q url.Values) (jobsQuery, locale.Text, bool) {
	jq := jobsQuery{limit: 100, job: q.Get("job"), all: q.Get("all") != "" && q.Get("all") != "0"}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1000 {
			return jq, locale.Text{ZH: "limit:应为 1 到 1000 的整数", EN: "limit: expected a whole number from 1 to 1000"}, false
		}
		jq.limit = n
	}
	if jq.job != "" && !slices.Contains(jobs.Names, jq.job) {
		return jq, locale.Textf("job:应为 %s 之一", "job: expected one of %s", strings.Join(jobs.Names, ", ")), false
	}
	return jq, locale.Text{}, true
}

package ingest

import (
	"strings"
)

// Header aliases, Chinese and English, for the columns that are not metrics.
var (
	codeHeaders   = []string{"部门代码", "单位代码", "代码", "dept_code", "code", "department code"}
	nameHeaders   = []string{"部门名称", "单位名称", "部门", "单位", "dept_name", "name", "department"}
	periodHeaders = []string{"月份", "期间", "时间", "统计月份", "period", "month"}
	metricHeaders = []string{"指标", "指标代码", "metric"}
	valueHeaders  = []string{"数值", "值", "value"}
	// ignoredHeaders are bookkeeping columns Excel users add; they carry no data.
	ignoredHeaders = []string{"序号", "备注", "no.", "note", "notes"}
)

// layout says which column holds what in one activity file.
type layout struct {
	code, name, period int   // -1 when absent
	metric, value      int   // long form only
	metrics            []int // wide form: column → catalog index, -1 for other columns
	long               bool
}

func find(header []string, aliases []string) int {
	for i, h := range header {
		for _, a := range aliases {
			if strings.EqualFold(h, a) {
				return i
			}
		}
	}
	return -1
}

// resolveLayout maps a header to columns, rejecting unknown or repeated ones.
func resolveLayout(t *table, c *catalog) (*layout, error) {
	h := t.header
	l := &layout{code: find(h, codeHeaders), name: find(h, nameHeaders), period: find(h, periodHeaders),
		metric: find(h, metricHeaders), value: find(h, valueHeaders)}
	ps := problems{file: t.file}
	if l.period < 0 && find(h, groupHeaders) >= 0 {
		ps.addT(1, "", "这是部门名单,不是月度数据:请用 govscore depts import 导入", "this looks like a department list, not monthly activity: import it with `govscore depts import`")
		return l, ps.err()
	}
	if l.period < 0 {
		ps.addT(1, "", "缺少月份列:表头应为 部门代码,部门名称,月份,<指标>", "no period column: expected one headed 月份 or period, in a header such as 部门代码,部门名称,月份,<metrics>")
	}
	if l.code < 0 && l.name < 0 {
		ps.addT(1, "", "缺少部门列:应有 部门代码 或 部门名称", "no department column: expected 部门代码 (dept_code) or 部门名称 (dept_name)")
	}
	l.long = l.metric >= 0 && l.value >= 0
	if l.long || ps.err() != nil {
		return l, ps.err()
	}
	l.metrics = make([]int, len(h))
	seen := map[int]string{}
	for i, name := range h {
		l.metrics[i] = -1
		if i == l.code || i == l.name || i == l.period || name == "" || find([]string{name}, ignoredHeaders) >= 0 {
			continue
		}
		m, ok := c.metric(name)
		switch {
		case !ok:
			ps.addT(1, name, "未知的指标列;已知指标:%s", "unknown metric column; known metrics are: %s", c.knownMetrics())
		case seen[m] != "":
			ps.addT(1, name, "指标 %s 重复(另见“%s”列)", "metric %s appears twice (also as column %q)", c.metrics[m].Code, seen[m])
		default:
			seen[m] = name
			l.metrics[i] = m
		}
	}
	if len(seen) == 0 && ps.err() == nil {
		ps.addT(1, "", "没有指标列:应有 工作动态 等指标列", "no metric columns: expected columns such as 工作动态 or pub_news")
	}
	return l, ps.err()
}

// cell returns column i of rec, or "" when the row is short.
func cell(rec []string, i int) string {
	if i < 0 || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

// colName is column i's header, for messages.
func (t *table) colName(i int) string {
	if i >= 0 && i < len(t.header) {
		return t.header[i]
	}
	return ""
}

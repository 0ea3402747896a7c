package ingest

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// mapLayout is a mapping resolved against one file's header: column indexes, -1 when not used.
type mapLayout struct {
	name, code, period, group int
	skip                      []int
	metrics                   []mappedColumn
}

// mappedColumn feeds column col into catalog metric metric.
type mappedColumn struct{ col, metric int }

// resolve finds every column the mapping names in the file's header; a column named but not
// found, or found several times without saying which, is a problem of header row 1.
func (m *Mapping) resolve(t *table, c *catalog) (*mapLayout, error) {
	ps := &problems{file: t.file}
	d := m.Department
	l := &mapLayout{
		name:   headerColumn(t, ps, "department name", d.Name, 0),
		code:   headerColumn(t, ps, "department code", d.Code, 0),
		period: headerColumn(t, ps, "period", m.Period.Column, 0),
		group:  headerColumn(t, ps, "group", d.GroupColumn, 0),
	}
	for _, s := range m.Skip {
		l.skip = append(l.skip, headerColumn(t, ps, "skip", s.Column, 0))
	}
	for _, mm := range m.Metrics {
		col := headerColumn(t, ps, "metric "+mm.Code, mm.Column, mm.Occurrence)
		l.metrics = append(l.metrics, mappedColumn{col: col, metric: c.byName[mm.Code]})
	}
	return l, ps.err()
}

// headerColumn is the index of the header called name (compared as headers are cleaned, case
// aside), its occ-th one when it repeats; -1 when name is empty or not found.
func headerColumn(t *table, ps *problems, role, name string, occ int) int {
	if name == "" {
		return -1
	}
	want := cleanHeader(name)
	var at []int
	for i, h := range t.header {
		if strings.EqualFold(h, want) {
			at = append(at, i)
		}
	}
	switch {
	case len(at) == 0:
		ps.add(1, want, "the mapping's %s column is not in the file; its columns are: %s", role, headerList(t.header))
	case occ > len(at):
		ps.add(1, want, "the mapping asks for occurrence %d of this column, but the file has it %d time(s) (%s)", occ, len(at), columnLetters(at))
	case occ == 0 && len(at) > 1:
		ps.add(1, want, "the column appears %d times (%s): say which the %s is with occurrence: 1 to %d", len(at), columnLetters(at), role, len(at))
	default:
		return at[max(occ, 1)-1]
	}
	return -1
}

// columnLetters names columns as a spreadsheet does: "columns H and N".
func columnLetters(at []int) string {
	names := make([]string, len(at))
	for i, c := range at {
		names[i], _ = excelize.ColumnNumberToName(c + 1)
	}
	return "columns " + strings.Join(names, " and ")
}

// headerList quotes a header for a message, cut short when long.
func headerList(h []string) string {
	const most = 25
	q := make([]string, 0, most+1)
	for i, s := range h {
		if i == most {
			q = append(q, fmt.Sprintf("… (%d more)", len(h)-most))
			break
		}
		q = append(q, fmt.Sprintf("%q", s))
	}
	return strings.Join(q, ", ")
}

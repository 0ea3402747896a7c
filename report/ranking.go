package report

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/locale"
)

// Columns are the ranking's columns as CSV headers and JSON keys, in the published order.
var Columns = []string{"month", "group", "rank", "dept_code", "dept_name", "total", "grade", "rank_change", "ytd_total", "ytd_rank", "ytd_avg", "status"}

// Row is a standing as the cells of Columns: totals with 2 decimals, an empty rank change when
// there was no rank last period, grades in Chinese.
func Row(s govscore.Standing) []string {
	change := ""
	if s.RankChange != nil {
		change = strconv.Itoa(*s.RankChange)
	}
	return []string{s.Period, s.Group, rankCell(s.Rank), s.DeptCode, s.DeptName, money(s.Total), s.Grade,
		change, money(s.YTDTotal), rankCell(s.YTDRank), money(s.YTDAvg), s.Status}
}

// rankValue is a rank for JSON, null when not ranked (0).
func rankValue(r int) any {
	if r == 0 {
		return nil
	}
	return r
}

// rankCell is a rank as text, empty when not ranked (0).
func rankCell(r int) string {
	if r == 0 {
		return ""
	}
	return strconv.Itoa(r)
}

// Round2 rounds as totals are shown, graded and ranked: to 2 decimals, a hair up so that a
// total computed as 84.99999999 shows as the 85.00 it is.
func Round2(f float64) float64 { return math.Round((f+1e-9)*100) / 100 }

func money(f float64) string { return strconv.FormatFloat(Round2(f), 'f', 2, 64) }

// CSV writes the ranking with a header line, every cell through Cell (a name such as
// =HYPERLINK(…) is written as '=HYPERLINK(…); totals, ranks and rank changes stay numbers).
func CSV(w io.Writer, list []govscore.Standing) error {
	cw := NewCSV(w)
	cw.Write(Columns)
	for _, s := range list {
		cw.Write(Row(s))
	}
	return cw.Flush()
}

// JSON writes the ranking as an array of objects keyed by Columns, values as in CSV.
func JSON(w io.Writer, list []govscore.Standing) error {
	out := make([]map[string]any, len(list))
	for i, s := range list {
		out[i] = Object(s)
	}
	return WriteJSON(w, out)
}

// WriteJSON writes v as indented JSON with <, > and & escaped (\u003c …): the same text to
// any JSON reader, and no markup should a browser or a careless page ever take it for HTML.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(true)
	return enc.Encode(v)
}

// Object is one standing as a JSON object with the CSV's fields (numbers as numbers).
func Object(s govscore.Standing) map[string]any {
	return map[string]any{"month": s.Period, "group": s.Group, "rank": rankValue(s.Rank), "dept_code": s.DeptCode, "dept_name": s.DeptName,
		"total": json.Number(money(s.Total)), "grade": s.Grade, "rank_change": s.RankChange, "ytd_total": json.Number(money(s.YTDTotal)),
		"ytd_rank": rankValue(s.YTDRank), "ytd_avg": json.Number(money(s.YTDAvg)), "status": s.Status}
}

// statusLabel is how people read a status.
func statusLabel(l locale.Lang, status string) string {
	switch status {
	case "missing":
		return l.T("未报送", "not submitted")
	case "veto":
		return l.T("单项否决", "veto")
	case "unranked":
		return l.T("不参与排名", "not ranked")
	}
	return l.T("已报送", "submitted")
}

// Table writes the ranking for a terminal, a block per group.
func Table(w io.Writer, list []govscore.Standing, l locale.Lang) error {
	for start := 0; start < len(list); {
		end := start
		for end < len(list) && list[end].Group == list[start].Group {
			end++
		}
		if start > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s %s\n", list[start].Period, list[start].Group)
		if err := groupTable(w, list[start:end], l); err != nil {
			return err
		}
		start = end
	}
	return nil
}

func groupTable(w io.Writer, list []govscore.Standing, l locale.Lang) error {
	rows := [][]string{{l.T("排名", "Rank"), l.T("代码", "Code"), l.T("部门", "Department"), l.T("得分", "Total"),
		l.T("等次", "Grade"), l.T("升降", "Change"), l.T("累计", "YTD"), l.T("累计排名", "YTD rank"), l.T("状态", "Status")}}
	for _, s := range list {
		change := "—"
		if s.RankChange != nil {
			change = fmt.Sprintf("%+d", *s.RankChange)
			if *s.RankChange == 0 {
				change = "0"
			}
		}
		rows = append(rows, []string{rankCell(s.Rank), s.DeptCode, s.DeptName, money(s.Total), l.T(s.Grade, s.GradeEN),
			change, money(s.YTDTotal), rankCell(s.YTDRank), statusLabel(l, s.Status)})
	}
	return writeAligned(w, rows, map[int]bool{0: true, 3: true, 5: true, 6: true, 7: true})
}

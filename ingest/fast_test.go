package ingest

import (
	"context"
	"database/sql"
	"errors"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// The tests here use small files: the fast path takes them whatever their size (see
// TestSmallFilesTakeTheGoPath for the threshold).
func init() { fastMinRows = 0 }

// TestSmallFilesTakeTheGoPath: below fastMinRows lines, a plain file is read by the Go path,
// above it by DuckDB, with the same rows either way.
func TestSmallFilesTakeTheGoPath(t *testing.T) {
	defer func(n int) { fastMinRows = n }(fastMinRows)
	fastMinRows = 4 // lines, the header's included
	content := wideHeader + wideRow("JXW", "", "2014-11") + wideRow("FGW", "", "2014-11") + wideRow("CZJ", "", "2014-11")
	for _, c := range []struct {
		rows int
		fast bool
	}{{2, false}, {3, true}} {
		db := mustOpenDB(t)
		file := wideHeader
		for _, line := range strings.SplitAfter(content, "\n")[1 : 1+c.rows] {
			file += line
		}
		res, err := Bytes(context.Background(), db, "a.csv", []byte(file), Options{})
		if err != nil || res.Fast != c.fast || res.New != c.rows {
			t.Errorf("%d rows: %+v, %v; want Fast %v", c.rows, res, err, c.fast)
		}
	}
}

// plainWide is a wide UTF-8 file the fast path takes: a BOM, CRLF line breaks, an empty line
// (not counted as a row), a department by former name only, cells left empty, spaces.
var plainWide = "\ufeff" + strings.ReplaceAll(wideHeader+
	wideRow("JXW", "经济和信息化局", "2014-11")+
	"\n"+
	wideRow("", "发展和改革委员会", "2014-11")+
	strings.Replace(wideRow(" CZJ ", "", "2014-11"), ",10,1,", ",,,", 1)+
	wideRow("", "经济和信息化委员会", "2014-12")+
	wideRow("JXW", "经济和信息化委员会", "2014-10"), "\n", "\r\n")

// activityRows lists every activity row but its batch and fingerprint, in a fixed order.
func activityRows(t *testing.T, db *sql.DB) string {
	t.Helper()
	rows, err := db.Query(`SELECT CAST(COLUMNS(* EXCLUDE (batch_id, values_hash)) AS VARCHAR) FROM activity ORDER BY dept_code, period, version`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		line := make([]string, len(cols))
		for i, v := range vals {
			line[i] = cols[i] + "=" + map[bool]string{true: v.String, false: "NULL"}[v.Valid]
		}
		out = append(out, strings.Join(line, " "))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(out, "\n")
}

// pair is two databases, one ingesting by default and one through the Go path only.
type pair struct{ fastDB, goDB *sql.DB }

func newPair(t *testing.T) pair { return pair{mustOpenDB(t), mustOpenDB(t)} }

// ingest ingests content into both databases.
func (p pair) ingest(name, content string) (fastRes, goRes Result, fastErr, goErr error) {
	ctx := context.Background()
	fastRes, fastErr = Bytes(ctx, p.fastDB, name, []byte(content), Options{})
	goRes, goErr = Bytes(ctx, p.goDB, name, []byte(content), Options{goOnly: true})
	return
}

func TestFastPathMatchesGoPath(t *testing.T) {
	p := newPair(t)
	fastRes, goRes, fastErr, goErr := p.ingest("plain.csv", plainWide)
	if fastErr != nil || goErr != nil {
		t.Fatalf("errors: fast %v, Go %v", fastErr, goErr)
	}
	if !fastRes.Fast || goRes.Fast {
		t.Fatalf("Fast = %v and %v; want the plain file on the fast path and the forced one not", fastRes.Fast, goRes.Fast)
	}
	if fastRes.Rows != 5 || fastRes.New != 5 || !reflect.DeepEqual(fastRes.Periods, []string{"2014-10", "2014-11", "2014-12"}) {
		t.Fatalf("fast result = %+v", fastRes)
	}
	fastRes.Fast = false
	if !reflect.DeepEqual(fastRes, goRes) {
		t.Errorf("results differ:\nfast %+v\nGo   %+v", fastRes, goRes)
	}
	got, want := activityRows(t, p.fastDB), activityRows(t, p.goDB)
	if got != want {
		t.Errorf("activity differs:\nfast:\n%s\nGo:\n%s", got, want)
	}
	if !strings.Contains(want, "dept_code=CZJ period=2014-11 version=1 current=true row_no=4 ") || !strings.Contains(want, "pub_news=NULL") {
		t.Errorf("Go path rows are not what the file says:\n%s", want)
	}
}

// TestFastPathFallsBack: what only the Go path reads (Chinese months, thousands separators in
// quotes, percentages, Excel-style blank rows, a name it does not know next to a known code) is
// still ingested, by the Go path.
func TestFastPathFallsBack(t *testing.T) {
	cases := map[string]string{
		"chinese month":       wideHeader + wideRow("JXW", "", "2014年11月"),
		"thousands separator": wideHeader + strings.Replace(wideRow("JXW", "", "2014-07"), ",10,", `,"1,000",`, 1),
		"percent":             wideHeader + strings.Replace(wideRow("JXW", "", "2014-08"), ",100,", ",80%,", 1),
		"blank row":           wideHeader + ",,,\n" + wideRow("JXW", "", "2014-09"),
		"unknown name":        wideHeader + wideRow("JXW", "信息局", "2014-06"),
	}
	p := newPair(t)
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			fastRes, _, fastErr, goErr := p.ingest("a.csv", content)
			if fastErr != nil || goErr != nil {
				t.Fatalf("errors: %v, %v", fastErr, goErr)
			}
			if fastRes.Fast || fastRes.New != 1 {
				t.Fatalf("result = %+v; want one new row, by the Go path", fastRes)
			}
			if got, want := activityRows(t, p.fastDB), activityRows(t, p.goDB); got != want {
				t.Errorf("activity differs:\n%s\n%s", got, want)
			}
		})
	}
}

// TestFastPathSameProblems: a bad file gives the same problems whether the fast path was tried
// or not, including problems found by the cross-field checks after the fast path took the rows.
func TestFastPathSameProblems(t *testing.T) {
	good := wideRow("JXW", "", "2014-11")
	cases := map[string]string{
		"unknown code":         wideHeader + good + wideRow("XXX", "", "2014-11"),
		"name of another":      wideHeader + wideRow("JXW", "财政局", "2014-11"),
		"inactive month":       wideHeader + wideRow("LZQ", "", "2014-11"),
		"month 13":             wideHeader + wideRow("JXW", "", "2014-13"),
		"twice":                wideHeader + good + good,
		"fraction":             wideHeader + strings.Replace(good, ",10,", ",2.5,", 1),
		"negative":             wideHeader + strings.Replace(good, ",10,", ",-1,", 1),
		"rate 120":             wideHeader + strings.Replace(good, ",100,", ",120,", 1),
		"infinite":             wideHeader + strings.Replace(good, ",10,", ",inf,", 1),
		"header only":          wideHeader,
		"late above published": wideHeader + strings.Replace(good, ",3,0,100,", ",3,99,100,", 1),
	}
	p := newPair(t)
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			_, _, fastErr, goErr := p.ingest("bad.csv", content)
			var fe, ge *RejectedError
			if !errors.As(fastErr, &fe) || !errors.As(goErr, &ge) {
				t.Fatalf("errors: %v, %v; want both rejected", fastErr, goErr)
			}
			if !reflect.DeepEqual(fe, ge) {
				t.Errorf("problems differ:\n%v\n%v", fe, ge)
			}
			if n := activityRows(t, p.fastDB); n != "" {
				t.Errorf("rows written:\n%s", n)
			}
		})
	}
}

// TestRepeatAcrossPaths: equal values sent again through the other path are unchanged, and a
// revision through the fast path is a new version with the old one kept.
func TestRepeatAcrossPaths(t *testing.T) {
	ctx := context.Background()
	for _, first := range []Options{{goOnly: true}, {}} {
		db := mustOpenDB(t)
		content := wideHeader + wideRow("JXW", "", "2014-11") + strings.Replace(wideRow("FGW", "", "2014-11"), ",10,1,", ",,,", 1)
		if _, err := Bytes(ctx, db, "a.csv", []byte(content), first); err != nil {
			t.Fatal(err)
		}
		again := Options{goOnly: !first.goOnly}
		res, err := Bytes(ctx, db, "b.csv", []byte(content+"\n"), again) // other bytes, same rows
		if err != nil || res.Fast == again.goOnly || res.Repeat || res.Unchanged != 2 || res.New+res.Revisions != 0 || len(res.Periods) != 0 {
			t.Fatalf("first Go path %v, then %+v, %v; want 2 unchanged", first.goOnly, res, err)
		}
	}
	db := mustOpenDB(t)
	if _, err := Bytes(ctx, db, "a.csv", []byte(wideHeader+wideRow("JXW", "", "2014-11")), Options{goOnly: true}); err != nil {
		t.Fatal(err)
	}
	fixed := strings.Replace(wideRow("JXW", "", "2014-11"), ",10,", ",4,", 1)
	res, err := Bytes(ctx, db, "b.csv", []byte(wideHeader+fixed), Options{})
	if err != nil || !res.Fast || res.Revisions != 1 {
		t.Fatalf("revision = %+v, %v", res, err)
	}
	var versions string
	db.QueryRow(`SELECT string_agg(version || ':' || current || ':' || pub_news, ' ' ORDER BY version) FROM activity WHERE dept_code = 'JXW'`).Scan(&versions)
	if versions != "1:false:10.0 2:true:4.0" {
		t.Errorf("versions = %q", versions)
	}
}

// TestFastPathGBK: a GBK file is read as UTF-8 by the fast path, with the same rows.
func TestFastPathGBK(t *testing.T) {
	content, err := simplifiedchinese.GBK.NewEncoder().String(wideHeader + wideRow("JXW", "经济和信息化局", "2014-11") + wideRow("", "财政局", "2014-11"))
	if err != nil {
		t.Fatal(err)
	}
	p := newPair(t)
	fastRes, _, fastErr, goErr := p.ingest("gbk.csv", content)
	if fastErr != nil || goErr != nil || !fastRes.Fast || fastRes.New != 2 {
		t.Fatalf("GBK: %+v, %v, %v; want 2 new rows on the fast path", fastRes, fastErr, goErr)
	}
	if got, want := activityRows(t, p.fastDB), activityRows(t, p.goDB); got != want {
		t.Errorf("activity differs:\n%s\n%s", got, want)
	}
}

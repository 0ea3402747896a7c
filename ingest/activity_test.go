package ingest

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func TestIngestWideCSV(t *testing.T) {
	db := mustOpenDB(t)
	path := writeFile(t, "2014-11.csv", wideHeader+wideRow("JXW", "经济和信息化局", "2014-11")+wideRow("", "发展和改革委员会", "2014年11月"))
	res, err := File(context.Background(), db, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows != 2 || res.New != 2 || res.Revisions != 0 || len(res.Periods) != 1 || res.Periods[0] != "2014-11" {
		t.Fatalf("result = %+v", res)
	}
	var news, rate float64
	var batch int64
	var row int
	err = db.QueryRow(`SELECT pub_news, fulltext_rate, batch_id, row_no FROM activity WHERE dept_code = 'FGW' AND current`).Scan(&news, &rate, &batch, &row)
	if err != nil || news != 10 || rate != 100 || batch != res.Batch || row != 3 {
		t.Fatalf("FGW row = %v %v batch %d row %d, %v", news, rate, batch, row, err)
	}
}

func TestIngestTwiceChangesNothing(t *testing.T) {
	db := mustOpenDB(t)
	path := writeFile(t, "a.csv", wideHeader+wideRow("JXW", "经济和信息化局", "2014-11"))
	if _, err := File(context.Background(), db, path, Options{}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, db)
	res, err := File(context.Background(), db, path, Options{})
	if err != nil || !res.Repeat {
		t.Fatalf("second ingest = %+v, %v; want a repeat", res, err)
	}
	if after := snapshot(t, db); after != before {
		t.Fatalf("database changed on a repeat: %s → %s", before, after)
	}
}

func TestRevisionKeepsHistory(t *testing.T) {
	db := mustOpenDB(t)
	first := writeFile(t, "first.csv", wideHeader+wideRow("JXW", "经济和信息化局", "2014-11")+wideRow("FGW", "", "2014-11"))
	fixed := strings.Replace(wideRow("JXW", "经济和信息化局", "2014-11"), ",10,", ",4,", 1)
	second := writeFile(t, "second.csv", wideHeader+fixed+wideRow("FGW", "", "2014-11"))
	if _, err := File(context.Background(), db, first, Options{}); err != nil {
		t.Fatal(err)
	}
	res, err := File(context.Background(), db, second, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Revisions != 1 || res.Unchanged != 1 || res.New != 0 {
		t.Fatalf("result = %+v; want 1 revision, 1 unchanged", res)
	}
	rows, err := db.Query(`SELECT a.version, a.current, a.pub_news, b.file FROM activity a JOIN batches b ON b.id = a.batch_id WHERE dept_code = 'JXW' ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var v int
		var cur bool
		var news float64
		var file string
		rows.Scan(&v, &cur, &news, &file)
		got = append(got, fmt.Sprintf("%d %s %g %s", v, map[bool]string{true: "current", false: "old"}[cur], news, filepath.Base(file)))
	}
	want := "1 old 10 first.csv|2 current 4 second.csv"
	if strings.Join(got, "|") != want {
		t.Fatalf("versions = %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestIngestLongForm(t *testing.T) {
	db := mustOpenDB(t)
	path := writeFile(t, "long.csv", "dept_code,period,metric,value\nJXW,2014-11,pub_news,8\nJXW,2014-11,工作动态X,1\n")
	_, err := File(context.Background(), db, path, Options{})
	var rerr *RejectedError
	if !errors.As(err, &rerr) || !strings.Contains(err.Error(), `unknown metric "工作动态X"`) {
		t.Fatalf("err = %v", err)
	}
	path = writeFile(t, "long.csv", "dept_code,period,metric,value\nJXW,2014-11,pub_news,8\nJXW,2014-11,逾期答复,1\nJXW,2014-11,req_received,1\nCZJ,2014/12,pub_news,3\n")
	res, err := File(context.Background(), db, path, Options{})
	if err != nil || res.New != 2 {
		t.Fatalf("long ingest = %+v, %v", res, err)
	}
	var news, overdue float64
	var other *float64
	db.QueryRow(`SELECT pub_news, req_overdue, pub_plans FROM activity WHERE dept_code = 'JXW'`).Scan(&news, &overdue, &other)
	if news != 8 || overdue != 1 || other != nil {
		t.Fatalf("JXW = %v %v %v; a metric not given must stay NULL (not reported), not 0", news, overdue, other)
	}
}

package jobs

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/report"
)

func TestInboxArchivesRejectsAndIgnoresUnfinished(t *testing.T) {
	db := mustOpenDB(t)
	e := testEnv(t, db, time.Date(2014, 12, 31, 20, 0, 0, 0, time.UTC)) // 2015-01-01 04:00 in Shanghai
	in := e.Config.Inbox
	write(t, filepath.Join(in, "nov.csv"), activity("2014-11", "JXW", "FGW"))
	write(t, filepath.Join(in, "bad.csv"), activity("2014-11", "JXW")+"NOPE,2014-11,1,1,1\n")
	write(t, filepath.Join(in, ".dec.csv"), activity("2014-12", "JXW"))
	write(t, filepath.Join(in, "dec.csv.part"), activity("2014-12", "JXW"))
	run := testRun()
	if err := e.Inbox(context.Background(), run); err != nil {
		t.Fatal(err)
	}
	if run.Files != 2 || run.Rows != 2 || len(run.then) != 1 || run.then[0] != "score" {
		t.Fatalf("run = files %d rows %d then %v, want 2 files, 2 rows, then score", run.Files, run.Rows, run.then)
	}
	if _, err := os.Stat(filepath.Join(e.Config.Archive, "2015-01", "nov.csv")); err != nil {
		t.Fatalf("ingested file not archived under the month in Shanghai: %v", err)
	}
	report, err := os.ReadFile(filepath.Join(e.Config.Rejected, "bad.csv.error.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(report), "bad.csv\t3\t部门代码\tunknown department code \"NOPE\"") || !strings.Contains(string(report), "未写入任何数据") {
		t.Fatalf("error report lacks file, row, column and reason:\n%s", report)
	}
	if _, err := os.Stat(filepath.Join(e.Config.Rejected, "bad.csv")); err != nil {
		t.Fatal("rejected file not moved beside its report")
	}
	left, _ := os.ReadDir(in)
	if len(left) != 2 {
		t.Fatalf("inbox holds %d files, want the dotfile and the .part left alone", len(left))
	}
	if n := count(t, db, `SELECT count(*) FROM activity WHERE batch_id IN (SELECT id FROM batches WHERE source = 'inbox')`); n != 2 {
		t.Fatalf("%d activity rows from the inbox, want 2 (nothing of the rejected file)", n)
	}
}

// A crash after the commit and before the move leaves an ingested file in the inbox: the next run
// must see a repeat, write nothing, and archive it.
func TestInboxFileIngestedBeforeACrashIsArchivedOnce(t *testing.T) {
	db := mustOpenDB(t)
	e := testEnv(t, db, time.Date(2014, 12, 2, 9, 0, 0, 0, shanghai))
	path := filepath.Join(e.Config.Inbox, "nov.csv")
	write(t, path, activity("2014-11", "JXW"))
	if _, err := ingest.File(context.Background(), db, path, ingest.Options{Source: "inbox"}); err != nil {
		t.Fatal(err)
	}
	run := testRun()
	if err := e.Inbox(context.Background(), run); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT count(*) FROM batches`); n != 1 {
		t.Fatalf("%d batches, want 1: the re-run must be a repeat", n)
	}
	if n := count(t, db, `SELECT count(*) FROM activity`); n != 1 {
		t.Fatalf("%d activity rows, want 1", n)
	}
	if _, err := os.Stat(filepath.Join(e.Config.Archive, "2014-12", "nov.csv")); err != nil {
		t.Fatalf("repeat not archived: %v", err)
	}
	if len(run.then) != 0 {
		t.Fatalf("a repeat asked for %v; nothing changed", run.then)
	}
}

func TestInboxWaitsForAFileStillBeingWritten(t *testing.T) {
	db := mustOpenDB(t)
	e := testEnv(t, db, time.Date(2014, 12, 2, 9, 0, 0, 0, shanghai))
	e.Config.Settle = 300 * time.Millisecond
	path := filepath.Join(e.Config.Inbox, "nov.csv")
	full := activity("2014-11", "JXW", "FGW")
	half := full[:len(full)-10]
	write(t, path, half)
	done := make(chan struct{})
	go func() { // the sender finishes the file during the settle wait
		time.Sleep(100 * time.Millisecond)
		write(t, path, full)
		close(done)
	}()
	run := testRun()
	if err := e.Inbox(context.Background(), run); err != nil {
		t.Fatal(err)
	}
	<-done
	if run.Files != 0 {
		t.Fatalf("took %d files while one was being written", run.Files)
	}
	run = testRun() // the next run: the file held still since the last scan
	if err := e.Inbox(context.Background(), run); err != nil {
		t.Fatal(err)
	}
	if run.Files != 1 || run.Rows != 2 {
		t.Fatalf("next run took %d files, %d rows; want the whole file, 2 rows", run.Files, run.Rows)
	}
}

func TestInboxKeepsNamesApartInTheArchive(t *testing.T) {
	db := mustOpenDB(t)
	e := testEnv(t, db, time.Date(2014, 12, 2, 9, 0, 0, 0, shanghai))
	for _, content := range []string{activity("2014-10", "JXW"), activity("2014-11", "JXW")} {
		write(t, filepath.Join(e.Config.Inbox, "data.csv"), content)
		if err := e.Inbox(context.Background(), testRun()); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"data.csv", "data-2.csv"} {
		if _, err := os.Stat(filepath.Join(e.Config.Archive, "2014-12", name)); err != nil {
			t.Errorf("archive lacks %s: %v", name, err)
		}
	}
}

// A rejection report is TSV that the office opens in Excel or WPS: a file name, column or value
// that reads as a formula gets a leading ' in its cell (report.Cell), and no cell spills into
// the next line or column.
func TestInboxRejectionReportIsSafeToOpen(t *testing.T) {
	db := mustOpenDB(t)
	e := testEnv(t, db, time.Date(2014, 12, 2, 9, 0, 0, 0, shanghai))
	for _, c := range []struct {
		name, file, content string
		want                []string // cells of the first problem's line: file, row, column
	}{
		{"formula file name", "=HYPERLINK(1).csv", activity("2014-11", "NOPE"), []string{"'=HYPERLINK(1).csv", "2", "部门代码"}},
		{"DDE column", "dde.csv", "部门代码,月份,+cmd|' /C calc'!A0\nJXW,2014-11,1\n", []string{"dde.csv", "1", "'+cmd|' /C calc'!A0"}},
		{"at column", "at.csv", "部门代码,月份,@SUM(1)\nJXW,2014-11,1\n", []string{"at.csv", "1", "'@SUM(1)"}},
	} {
		write(t, filepath.Join(e.Config.Inbox, c.file), c.content)
		if err := e.Inbox(context.Background(), testRun()); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(e.Config.Rejected, c.file+".error.txt"))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		cells := strings.Split(lines[3], "\t")
		if len(cells) != 5 || strings.Join(cells[:3], "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: problem line %q, want it to start %q", c.name, lines[3], c.want)
		}
		for _, cell := range cells {
			if report.Cell(cell) != cell && !strings.HasPrefix(cell, "'") {
				t.Errorf("%s: cell %q would run as a formula", c.name, cell)
			}
		}
	}
}

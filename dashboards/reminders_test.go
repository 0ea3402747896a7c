package dashboards_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govscore/govscore/dashboards"
)

// TestOverviewListsReminders: the reminder job's newest list (departments late with a month that
// may not be scored yet) shows on the overview, escaped like any data.
func TestOverviewListsReminders(t *testing.T) {
	db, err := build(filepath.Join(t.TempDir(), "r.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dir := t.TempDir()
	if err := dashboards.Write(context.Background(), db, dir, dashboards.Options{}); err != nil {
		t.Fatal(err)
	}
	if page := files(t, dir)["index.html"]; strings.Contains(string(page), "催报名单") {
		t.Fatal("a reminder section without any reminder run")
	}
	_, err = db.Exec(`INSERT INTO reminders VALUES
		('2099-01', 'OLD', '旧名单部门', '市级部门', 10, TIMESTAMP '2099-02-10 09:00:00', 1),
		('2099-02', 'LATE', '<b>迟报局</b>', '市级部门', 10, TIMESTAMP '2099-03-10 09:00:00', 2)`)
	if err != nil {
		t.Fatal(err)
	}
	if err := dashboards.Write(context.Background(), db, dir, dashboards.Options{}); err != nil {
		t.Fatal(err)
	}
	page := string(files(t, dir)["index.html"])
	for _, want := range []string{"催报名单", "&lt;b&gt;迟报局&lt;/b&gt;", "2099-02", "截至 2099-03-10(每月 10 日为报送截止日),以下 1 个部门"} {
		if !strings.Contains(page, want) {
			t.Errorf("overview lacks %q", want)
		}
	}
	if strings.Contains(page, "旧名单部门") || strings.Contains(page, "<b>迟报局") {
		t.Error("the overview shows an older reminder list, or an unescaped name")
	}
}

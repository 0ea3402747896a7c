package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/govscore/govscore/testutil"
)

func TestBulletinCommand(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	cfg := testutil.File(t, "govscore.yaml", "addr: 127.0.0.1:8080\nbulletin:\n  issuer: 广元市人民政府办公室\n  date: 2014-12-08\n")
	out := filepath.Join(dir, "通报-2014-11.html")
	stdout, _, err := govscore(t, "--db", db, "bulletin", "--month", "2014-11", "--group", "县区政府", "--config", cfg, "--out", out)
	if err != nil || !strings.Contains(stdout, "当前结果,未发布") {
		t.Fatalf("bulletin: %v\n%s", err, stdout)
	}
	page, _ := os.ReadFile(out)
	if !strings.Contains(string(page), "广元市人民政府办公室") || !strings.Contains(string(page), "2014年12月8日") || strings.Contains(string(page), "市级部门考核排名") {
		t.Errorf("the page lacks the configured issuer or date, or has the other group")
	}
	// serve reads the same file and lets the bulletin: section be
	e := &env{db: defaultDB, lang: "zh", stderr: &bytes.Buffer{}}
	if _, err := loadConfig(e, newFlags(e, "serve", "", ""), []string{"--config", cfg}); err != nil {
		t.Errorf("serve refuses a govscore.yaml with a bulletin: section: %v", err)
	}
	for _, c := range []struct{ name, want string }{
		{"--format", "docx、html 或 pdf"},
		{"--edition", "2014-11 尚未发布"}, // the demo publishes no edition
	} {
		args := []string{"--db", db, "bulletin", "--month", "2014-11", "--out", filepath.Join(dir, "x.txt")}
		if c.name == "--edition" {
			args = append(args, "--edition", "1", "--format", "html")
		}
		if _, _, err := govscore(t, args...); err == nil || !strings.Contains(message(err), c.want) {
			t.Errorf("%s: err = %v, want it to say %q", c.name, err, c.want)
		}
	}
}

func TestTemplateCommand(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "填报-2014-12.xlsx")
	if _, _, err := govscore(t, "--db", db, "template", "--month", "2014-12", "--dept", "JXW", "--out", out); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("填报")
	if len(rows) != 2 || rows[1][0] != "JXW" || rows[1][1] != "经济和信息化局" {
		t.Errorf("rows = %v", rows)
	}
	if _, _, err := govscore(t, "--db", db, "template", "--month", "2014-12", "--dept", "NOPE", "--out", out+"2"); err == nil || !strings.Contains(message(err), "NOPE") {
		t.Errorf("unknown department: %v", err)
	}
}

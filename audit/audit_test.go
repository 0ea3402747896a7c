package audit_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/govscore/govscore/audit"
	"github.com/govscore/govscore/storage"
)

func TestWriteAndList(t *testing.T) {
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "g.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	at := time.Date(2014, 12, 1, 9, 0, 0, 0, time.UTC)
	entries := []audit.Entry{
		{At: at, Actor: "张三", Action: "adjustment.add", Subject: "JXW", Period: "2014-11", Detail: "+2", After: audit.JSON(map[string]float64{"points": 2})},
		{At: at.Add(time.Minute), Actor: "张三", Action: "adjustment.withdraw", Subject: "JXW", Period: "2014-11", Addr: "127.0.0.1:5000"},
		{At: at.Add(2 * time.Minute), Actor: "李四", Action: "ingest", Subject: "a.csv'; DROP TABLE audit; --"},
	}
	for _, e := range entries {
		if err := audit.Write(ctx, db, e); err != nil {
			t.Fatal(err)
		}
	}
	got, err := audit.List(ctx, db, audit.Filter{Action: "adjustment"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Action != "adjustment.withdraw" || got[1].After != `{"points":2}` || got[0].Addr != "127.0.0.1:5000" {
		t.Fatalf("adjustment entries = %+v", got)
	}
	all, err := audit.List(ctx, db, audit.Filter{})
	if err != nil || len(all) != 3 || all[0].Subject != "a.csv'; DROP TABLE audit; --" {
		t.Fatalf("all entries = %+v, %v", all, err)
	}
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestServeConfigLayers(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "govscore.yaml")
	yaml := "db: from-file.duckdb\naddr: 127.0.0.1:9000\nsettle: 5s\nschedules:\n  inbox: \"@every 10s\"\npull:\n  urls: [\"http://127.0.0.1:1/a.csv\"]\nreminder: {day: 5}\n"
	if err := os.WriteFile(file, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GOVSCORE_SETTLE", "3s")
	t.Setenv("GOVSCORE_ADDR", "127.0.0.1:9001")
	e := &env{db: defaultDB, lang: "zh", stderr: &bytes.Buffer{}}
	cfg, err := loadConfig(e, newFlags(e, "serve", "", ""), []string{"--config", file, "--addr", "127.0.0.1:9002", "--schedule-score", "off"})
	if err != nil {
		t.Fatal(err)
	}
	got := []any{cfg.DB, cfg.Addr, cfg.Settle, cfg.Schedules["inbox"], cfg.Schedules["score"], cfg.Schedules["reminder"], cfg.Reminder.Day, cfg.Reminder.Lag, cfg.TZ}
	want := []any{"from-file.duckdb", "127.0.0.1:9002", 3 * time.Second, "@every 10s", "off", "0 9 * * *", 5, 1, "Asia/Shanghai"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("setting %d = %v, want %v (defaults < file < environment < flags)", i, got[i], want[i])
		}
	}
}

func TestServeConfigFileErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "govscore.yaml")
	os.WriteFile(file, []byte("inbx: typo\n"), 0o644)
	e := &env{db: defaultDB, lang: "zh", stderr: &bytes.Buffer{}}
	_, err := loadConfig(e, newFlags(e, "serve", "", ""), []string{"--config", file})
	if err == nil || !strings.Contains(err.Error(), "inbx") {
		t.Fatalf("unknown key: %v, want it named", err)
	}
}

// The HTTP limits layer like every other setting, and a zero or negative one is refused.
func TestServeConfigHTTPLimits(t *testing.T) {
	file := filepath.Join(t.TempDir(), "govscore.yaml")
	os.WriteFile(file, []byte("http:\n  idle_timeout: 5s\n  read_timeout: 20s\n"), 0o644)
	t.Setenv("GOVSCORE_WRITE_TIMEOUT", "45s")
	e := &env{db: defaultDB, lang: "zh", stderr: &bytes.Buffer{}}
	cfg, err := loadConfig(e, newFlags(e, "serve", "", ""), []string{"--config", file, "--max-header-bytes", "8192", "--read-timeout", "15s"})
	if err != nil {
		t.Fatal(err)
	}
	got := []any{cfg.HTTP.ReadHeaderTimeout, cfg.HTTP.ReadTimeout, cfg.HTTP.WriteTimeout, cfg.HTTP.IdleTimeout, cfg.HTTP.MaxHeaderBytes}
	want := []any{10 * time.Second, 15 * time.Second, 45 * time.Second, 5 * time.Second, 8192}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("limit %d = %v, want %v (defaults < file < environment < flags)", i, got[i], want[i])
		}
	}
	if err := cfg.Check(); err != nil {
		t.Fatal(err)
	}
	cfg, err = loadConfig(e, newFlags(e, "serve", "", ""), []string{"--idle-timeout", "0s"})
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Check(); err == nil || !strings.Contains(err.Error(), "http.idle_timeout") {
		t.Errorf("idle timeout 0s: %v, want it refused by name", err)
	}
}

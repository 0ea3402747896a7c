package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestUsersCommand: add prints a password and a token each on its own line; list shows the user
// without either; reset issues new ones; disable marks the user.
func TestUsersCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "u.duckdb")
	if _, _, err := govscore(t, "--db", db, "init"); err != nil {
		t.Fatal(err)
	}
	out, _, err := govscore(t, "--db", db, "users", "add", "office", "--role", "admin")
	if err != nil {
		t.Fatal(err)
	}
	cred := regexp.MustCompile(`(?m)^password: (\S{16,})\ntoken: (gs_\S{40,})\n$`).FindStringSubmatch(out)
	if cred == nil {
		t.Fatalf("users add printed:\n%s", out)
	}
	list, _, err := govscore(t, "--db", db, "--lang", "en", "users", "list")
	if err != nil || !strings.Contains(list, "office") || !strings.Contains(list, "1 tokens") || strings.Contains(list, cred[1]) || strings.Contains(list, cred[2]) {
		t.Fatalf("users list: %v\n%s", err, list)
	}
	again, _, err := govscore(t, "--db", db, "users", "reset", "office")
	if err != nil || strings.Contains(again, cred[1]) || !strings.Contains(again, "token: gs_") {
		t.Fatalf("users reset: %v\n%s", err, again)
	}
	if _, _, err := govscore(t, "--db", db, "users", "add", "jxw", "--role", "department"); err == nil || !strings.Contains(err.Error(), "--dept") {
		t.Errorf("a department user without --dept: %v", err)
	}
	if _, _, err := govscore(t, "--db", db, "users", "disable", "office"); err != nil {
		t.Fatal(err)
	}
	list, _, _ = govscore(t, "--db", db, "--lang", "en", "users", "list")
	if !strings.Contains(list, "disabled") {
		t.Errorf("after disable:\n%s", list)
	}
}

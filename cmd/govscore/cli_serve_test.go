package main

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestCLIBesideServe: while serve holds the database, every command a user runs goes to serve
// and behaves as it would alone — reads, writes, files in and files out — authenticated by the
// note only serve's account can read, or by an office token; a department's token, no token,
// or a path outside what the CLI sent are refused.
func TestCLIBesideServe(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs serve")
	}
	bin := buildBin(t)
	dir := serveFixture(t, bin)
	p := startServe(t, bin, dir, nil, "--schedule-inbox", "off", "--schedule-score", "off", "--schedule-reminder", "off",
		"--schedule-pull", "off", "--schedule-render", "off")
	defer p.stop(t)
	cli := func(env []string, args ...string) (string, string, int) {
		t.Helper()
		return runBinEnv(t, bin, dir, append([]string{"USER=张三"}, env...), append([]string{"--db", "g.duckdb", "--lang", "en"}, args...)...)
	}
	mustCLI := func(args ...string) string {
		t.Helper()
		out, stderr, code := cli(nil, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d\n%s%s", args, code, out, stderr)
		}
		return out
	}
	out := mustCLI("ingest", "gen/activity-2014-01.csv", "gen/activity-2014-02.csv")
	if !strings.Contains(out, "batch 1") || !strings.Contains(out, "batch 2") {
		t.Fatalf("ingest through serve:\n%s", out)
	}
	mustCLI("score")
	start := time.Now()
	table := mustCLI("rank", "--month", "2014-02", "--format", "csv")
	t.Logf("rank answered through serve in %v", time.Since(start).Round(time.Millisecond))
	mustCLI("rank", "--month", "2014-02", "--format", "csv", "--out", "out/r.csv")
	if got, err := os.ReadFile(filepath.Join(dir, "out", "r.csv")); err != nil || string(got) != table {
		t.Fatalf("rank --out through serve wrote %q (%v), want what it printed", got, err)
	}
	code := regexp.MustCompile(`(?m)^2014-02,[^,]+,1,([A-Z0-9]+),`).FindStringSubmatch(table)
	if code == nil {
		t.Fatalf("no rank 1 in:\n%s", table)
	}
	if ex := mustCLI("explain", code[1], "--month", "2014-02"); !strings.Contains(ex, "rank 1 of") {
		t.Fatalf("explain through serve:\n%s", ex)
	}
	users := mustCLI("users", "add", "dept1", "--role", "department", "--dept", code[1])
	tok := regexp.MustCompile(`(?m)^token: (\S+)$`).FindStringSubmatch(users)
	if tok == nil {
		t.Fatalf("users add through serve:\n%s", users)
	}
	if _, stderr, c := cli([]string{"GOVSCORE_TOKEN=" + tok[1]}, "rank", "--month", "2014-02"); c == 0 || !strings.Contains(stderr, "only office") {
		t.Errorf("a department's token ran a command: exit %d, %s", c, stderr)
	}
	if _, stderr, c := cli(nil, "jobs", "run", "inbox"); c == 0 || !strings.Contains(stderr, "stop it before") {
		t.Errorf("jobs run while serve runs: exit %d, %s", c, stderr)
	}
	if audit := mustCLI("users", "list"); !strings.Contains(audit, "dept1") {
		t.Errorf("users list through serve:\n%s", audit)
	}
	testCLIRefusals(t, dir, p.addr)
}

// testCLIRefusals posts to /api/cli directly: no token, a wrong one, and a path of serve's own.
func testCLIRefusals(t *testing.T, dir, addr string) {
	note, ok := readNote(filepath.Join(dir, "g.duckdb"))
	if !ok {
		t.Fatal("no serve note")
	}
	if st, err := os.Stat(notePath(filepath.Join(dir, "g.duckdb"))); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("the note's mode is %v (%v), want 0600", st.Mode().Perm(), err)
	}
	post := func(token string, args ...string) (int, cliResponse) {
		var b bytes.Buffer
		w := multipart.NewWriter(&b)
		meta, _ := json.Marshal(cliRequest{Args: args, Lang: "en"})
		w.WriteField("request", string(meta))
		w.Close()
		req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/api/cli", &b)
		req.Header.Set("Content-Type", w.FormDataContentType())
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out cliResponse
		json.NewDecoder(resp.Body).Decode(&out)
		return resp.StatusCode, out
	}
	if st, _ := post("", "rank", "--month", "2014-02"); st != http.StatusUnauthorized {
		t.Errorf("no token: %d", st)
	}
	if st, _ := post("local_wrong", "rank", "--month", "2014-02"); st != http.StatusUnauthorized {
		t.Errorf("a wrong secret: %d", st)
	}
	evil := filepath.Join(t.TempDir(), "evil.csv")
	_, out := post(note.Secret, "rank", "--month", "2014-02", "--out="+evil)
	if out.Error == nil || !strings.Contains(out.Error.EN, "not a file the CLI sent") {
		t.Errorf("a path of serve's own: %+v", out.Error)
	}
	if _, err := os.Stat(evil); !os.IsNotExist(err) {
		t.Errorf("serve wrote %s", evil)
	}
	if _, out := post(note.Secret, "restore", "x"); out.Error == nil || !strings.Contains(out.Error.EN, "cannot run while serve runs") {
		t.Errorf("restore through serve: %+v", out.Error)
	}
}

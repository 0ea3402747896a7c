package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/govscore/govscore/period"
	"github.com/govscore/govscore/storage"
	"github.com/govscore/govscore/synth"
)

// proc is a `govscore serve` child process.
type proc struct {
	cmd  *exec.Cmd
	addr string
	mu   sync.Mutex
	log  bytes.Buffer
	done chan error
}

func (p *proc) stderr() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.log.String()
}

var servingRE = regexp.MustCompile(`msg=serving addr=(\S+)`)

// startServe starts serve in dir on a free loopback port and waits until it listens.
func startServe(t *testing.T, bin, dir string, env []string, args ...string) *proc {
	t.Helper()
	args = append([]string{"--db", "g.duckdb", "serve", "--addr", "127.0.0.1:0"}, args...)
	p := &proc{cmd: exec.Command(bin, args...), done: make(chan error, 1)}
	p.cmd.Dir = dir
	p.cmd.Env = append(os.Environ(), env...)
	pipe, err := p.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			p.mu.Lock()
			p.log.WriteString(sc.Text() + "\n")
			p.mu.Unlock()
			if m := servingRE.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
		p.done <- p.cmd.Wait()
	}()
	select {
	case p.addr = <-addr:
		return p
	case err := <-p.done:
		t.Fatalf("serve exited at start (%v):\n%s", err, p.stderr())
	case <-time.After(60 * time.Second):
		p.cmd.Process.Kill()
		t.Fatalf("serve did not start:\n%s", p.stderr())
	}
	return nil
}

// stop sends SIGTERM and waits (at most 60 s) for a clean exit.
func (p *proc) stop(t *testing.T) {
	t.Helper()
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-p.done:
		if err != nil {
			t.Fatalf("serve exited with %v after SIGTERM:\n%s", err, p.stderr())
		}
	case <-time.After(60 * time.Second):
		p.cmd.Process.Kill()
		t.Fatalf("serve did not stop after SIGTERM:\n%s", p.stderr())
	}
}

func (p *proc) kill9() {
	p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.done
}

func httpGet(url string) (int, string) {
	c := http.Client{Timeout: 10 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// runBin runs the binary to its end and returns its output and exit code.
func runBin(t *testing.T, bin, dir string, args ...string) (string, string, int) {
	t.Helper()
	return runBinEnv(t, bin, dir, nil, args...)
}

// runBinEnv is runBin with more environment variables.
func runBinEnv(t *testing.T, bin, dir string, env []string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), cmd.ProcessState.ExitCode()
}

// serveFixture is a folder with a database holding the city's departments, and the city's
// generated monthly files in gen/.
func serveFixture(t *testing.T, bin string) string {
	t.Helper()
	dir := t.TempDir()
	start, _ := period.ParseMonth("2014-01")
	if _, err := synth.Generate(filepath.Join(dir, "gen"), synth.Spec{Scale: synth.Scales["city"], Start: start, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := runBin(t, bin, dir, "--db", "g.duckdb", "depts", "import", "gen/depts.csv"); code != 0 {
		t.Fatalf("depts import: %s", stderr)
	}
	return dir
}

// dropFile writes a file into the inbox the way senders should: under a .part name, then renamed.
func dropFile(t *testing.T, inbox, name string, content []byte) {
	t.Helper()
	tmp := filepath.Join(inbox, name+".part")
	if err := os.WriteFile(tmp, content, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(inbox, name)); err != nil {
		t.Fatal(err)
	}
}

func TestServeProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs serve processes")
	}
	bin := buildBin(t)
	t.Run("owns the database, ranks a dropped file, stops cleanly", func(t *testing.T) { testServeOwnsDB(t, bin) })
	t.Run("configuration errors", func(t *testing.T) { testServeConfigErrors(t, bin) })
	t.Run("kill -9 loses no inbox file", func(t *testing.T) { testServeKill9(t, bin) })
	t.Run("warns when listening beyond loopback", func(t *testing.T) { testServeExposureWarning(t, bin) })
}

// testServeExposureWarning: on every interface serve says, in the command's language, what
// anyone who can reach it may read; on loopback it says nothing.
func testServeExposureWarning(t *testing.T, bin string) {
	for _, c := range []struct {
		name      string
		env, args []string
		want      []string
	}{
		{"loopback", nil, nil, nil},
		{"every interface, Chinese", nil, []string{"--addr", "0.0.0.0:0"}, []string{"警告", "全部看板、排名 API 和 /jobs", "没有登录", "docs/serve.md"}},
		{"every interface, English", []string{"GOVSCORE_LANG=en"}, []string{"--addr", "0.0.0.0:0"},
			[]string{"all dashboards, the rankings API and /jobs are readable by anyone who can reach port", "no log-in", "reverse proxy with TLS", "docs/serve.md"}},
	} {
		p := startServe(t, bin, t.TempDir(), c.env, append([]string{"--schedule-reminder", "off"}, c.args...)...)
		p.stop(t)
		log := p.stderr()
		if c.want == nil && (strings.Contains(log, "anyone") || strings.Contains(log, "警告")) {
			t.Errorf("%s: warned:\n%s", c.name, log)
		}
		for _, w := range c.want {
			if !strings.Contains(log, w) {
				t.Errorf("%s: the log lacks %q:\n%s", c.name, w, log)
			}
		}
	}
}

var fastSchedules = []string{"--schedule-inbox", "@every 1s", "--settle", "200ms", "--schedule-score", "@every 1h",
	"--schedule-reminder", "off", "--schedule-backup", "off", "--shutdown", "20s"}

func testServeOwnsDB(t *testing.T, bin string) {
	dir := serveFixture(t, bin)
	p := startServe(t, bin, dir, nil, append(fastSchedules, "--pull-urls", "http://127.0.0.1:1/monthly.csv", "--pull-retries", "0")...)
	if code, body := httpGet("http://" + p.addr + "/healthz"); code != 200 {
		t.Fatalf("healthz: %d %s", code, body)
	}
	// a read command while serve runs answers through it (cli_serve_test.go tests that in depth)
	if _, stderr, code := runBin(t, bin, dir, "--db", "g.duckdb", "--lang", "en", "rank", "--month", "2014-03"); code == 0 || !strings.Contains(stderr, "no results for this period") {
		t.Fatalf("rank while serve runs, before any data: exit %d, %s", code, stderr)
	}
	content, err := os.ReadFile(filepath.Join(dir, "gen", "activity-2014-03.csv"))
	if err != nil {
		t.Fatal(err)
	}
	dropped := time.Now()
	dropFile(t, filepath.Join(dir, "inbox"), "march.csv", content)
	url := "http://" + p.addr + "/api/rankings?month=2014-03"
	for code, _ := httpGet(url); code != 200; code, _ = httpGet(url) {
		if time.Since(dropped) > 30*time.Second {
			t.Fatalf("2014-03 not ranked 30 s after its file was dropped:\n%s", p.stderr())
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("file dropped → ranking in /api/rankings: %v", time.Since(dropped).Round(time.Millisecond))
	if !strings.Contains(p.stderr(), "unreachable at start") {
		t.Errorf("no warning about the unreachable pull source:\n%s", p.stderr())
	}
	p.stop(t)
	if !strings.Contains(p.stderr(), "database closed") {
		t.Fatalf("no clean close in the log:\n%s", p.stderr())
	}
	out, stderr, code := runBin(t, bin, dir, "--db", "g.duckdb", "--lang", "en", "jobs")
	if code != 0 || !strings.Contains(out, "inbox") || !strings.Contains(out, "1 ingested") || !strings.Contains(out, "connection refused") {
		t.Fatalf("jobs after serve: exit %d\n%s%s", code, out, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "archive")); err != nil {
		t.Fatal(err)
	}
}

func testServeConfigErrors(t *testing.T, bin string) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte("schedules:\n  inbox: \"CRON_TZ=Asia/Shanghai\"\n  score: \"61 * * * *\"\nrules: no-such-folder\n"), 0o644)
	_, stderr, code := runBin(t, bin, dir, "--db", "g.duckdb", "serve", "--config", "bad.yaml", "--addr", "127.0.0.1:0")
	if code != 1 || strings.Contains(stderr, "goroutine ") {
		t.Fatalf("exit %d, want 1 without a panic:\n%s", code, stderr)
	}
	for _, want := range []string{"configuration error", "schedules.inbox", "malformed", "schedules.score", "rules: folder"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("message lacks %q:\n%s", want, stderr)
		}
	}
	_, stderr, code = runBin(t, bin, dir, "--db", "g.duckdb", "serve", "--schedule-pull", "* * *", "--settle", "soon")
	if code != 1 || !strings.Contains(stderr, "settle \"soon\"") {
		t.Fatalf("bad flag value: exit %d\n%s", code, stderr)
	}
}

// slowMove widens the window between an inbox file's commit and its move, so that kills land there.
var slowMove = []string{"GOVSCORE_TEST_MOVE_DELAY=20ms"}

// killRounds is how many times the kill -9 test kills serve while it works through the inbox.
const killRounds = 6

// testServeKill9 splits four months of the city into one file per department-month, kills serve
// at random points while it ingests them, restarts it, and checks that every file was ingested
// exactly once: one batch and one activity row per file, every file archived, none left or lost.
func testServeKill9(t *testing.T, bin string) {
	dir := serveFixture(t, bin)
	inbox := filepath.Join(dir, "inbox")
	os.MkdirAll(inbox, 0o755)
	files := splitMonths(t, dir, inbox, []string{"2014-01", "2014-02", "2014-03", "2014-04"})
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewPCG(uint64(seed), 1))
	t.Logf("%d files, %d kills, seed %d", files, killRounds, seed)
	args := append(fastSchedules, "--settle", "0s")
	sigtermMidway(t, bin, dir, inbox, files, args)
	midway, repeats := 0, 0
	for i := 0; i < killRounds; i++ {
		p := startServe(t, bin, dir, slowMove, args...)
		time.Sleep(time.Duration(100+rng.IntN(1400)) * time.Millisecond)
		p.kill9()
		repeats += strings.Count(p.stderr(), "inbox file is a repeat")
		if n := countFiles(t, inbox); n > 0 && n < files {
			midway++
		}
	}
	p := startServe(t, bin, dir, nil, args...)
	// a bound to stop a hung test, not a speed target: on a loaded 2-core machine 234 files took
	// over 40 s
	for deadline := time.Now().Add(150 * time.Second); countFiles(t, inbox) > 0; time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			p.kill9()
			t.Fatalf("%d files still waiting after 150 s:\n%s", countFiles(t, inbox), p.stderr())
		}
	}
	time.Sleep(300 * time.Millisecond) // let the run that moved the last file record its end
	p.stop(t)
	repeats += strings.Count(p.stderr(), "inbox file is a repeat")
	if midway == 0 {
		t.Errorf("no kill landed while files were waiting: the test proved nothing")
	}
	checkExactlyOnce(t, dir, files)
	t.Logf("%d kills (%d with files still waiting, %d between a commit and its move), %d files, none lost or duplicated",
		killRounds, midway, repeats, files)
}

// sigtermMidway stops serve with SIGTERM while the inbox job works: it must finish the file in
// hand, take no more, record the run and close the database.
func sigtermMidway(t *testing.T, bin, dir, inbox string, files int, args []string) {
	t.Helper()
	p := startServe(t, bin, dir, nil, args...)
	for deadline := time.Now().Add(30 * time.Second); countFiles(t, inbox) > files-5; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			p.kill9()
			t.Fatalf("the inbox job took nothing in 30 s:\n%s", p.stderr())
		}
	}
	p.stop(t)
	left := countFiles(t, inbox)
	if left == 0 || !strings.Contains(p.stderr(), "database closed") || !strings.Contains(p.stderr(), "files left for the next run") {
		t.Fatalf("after SIGTERM mid-inbox: %d files left; want some left, the run recorded as stopping, the database closed:\n%s", left, p.stderr())
	}
	t.Logf("SIGTERM mid-inbox: stopped cleanly with %d of %d files left", left, files)
}

// splitMonths writes one inbox file per row of each month's generated file; it returns the count.
func splitMonths(t *testing.T, dir, inbox string, months []string) int {
	t.Helper()
	n := 0
	for _, m := range months {
		b, err := os.ReadFile(filepath.Join(dir, "gen", "activity-"+m+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		for i, row := range lines[1:] {
			dropFile(t, inbox, fmt.Sprintf("%s-%03d.csv", m, i), []byte(lines[0]+"\n"+row+"\n"))
			n++
		}
	}
	return n
}

func countFiles(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

func checkExactlyOnce(t *testing.T, dir string, files int) {
	t.Helper()
	if n := countFiles(t, filepath.Join(dir, "archive")); n != files {
		t.Errorf("%d files archived, want %d", n, files)
	}
	if n := countFiles(t, filepath.Join(dir, "rejected")); n != 0 {
		t.Errorf("%d files rejected, want none", n)
	}
	db, err := storage.Open(context.Background(), filepath.Join(dir, "g.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var batches, hashes, rows, pairs, current, versions int
	err = db.QueryRow(`SELECT (SELECT count(*) FROM batches WHERE source = 'inbox'), (SELECT count(DISTINCT sha256) FROM batches),
		count(*), count(DISTINCT (dept_code, period)), count(*) FILTER (current), max(version) FROM activity`).
		Scan(&batches, &hashes, &rows, &pairs, &current, &versions)
	if err != nil {
		t.Fatal(err)
	}
	if batches != files || hashes != files || rows != files || pairs != files || current != files || versions != 1 {
		t.Fatalf("batches %d (distinct %d), activity rows %d, department-months %d, current %d, max version %d; want %d each and version 1",
			batches, hashes, rows, pairs, current, versions, files)
	}
	var interrupted int
	db.QueryRow(`SELECT count(*) FILTER (status = 'interrupted') FROM job_runs`).Scan(&interrupted)
	t.Logf("%d runs recorded as interrupted", interrupted)
}

func TestJobsRunOnceAndList(t *testing.T) {
	dir := t.TempDir()
	start, _ := period.ParseMonth("2014-01")
	if _, err := synth.Generate(filepath.Join(dir, "gen"), synth.Spec{Scale: synth.Scales["city"], Start: start, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "g.duckdb")
	if _, stderr, err := govscore(t, "--db", db, "depts", "import", filepath.Join(dir, "gen", "depts.csv")); err != nil {
		t.Fatal(err, stderr)
	}
	inbox := filepath.Join(dir, "inbox")
	os.MkdirAll(inbox, 0o755)
	b, _ := os.ReadFile(filepath.Join(dir, "gen", "activity-2014-01.csv"))
	dropFile(t, inbox, "jan.csv", b)
	folders := []string{"--inbox", inbox, "--archive", filepath.Join(dir, "archive"), "--rejected", filepath.Join(dir, "rejected"),
		"--site", filepath.Join(dir, "site"), "--settle", "0s"}
	out, stderr, err := govscore(t, append([]string{"--db", db, "--lang", "en", "jobs", "run", "inbox"}, folders...)...)
	if err != nil {
		t.Fatal(err, stderr)
	}
	if !strings.Contains(out, "1 ingested") || !strings.Contains(out, "after inbox") || !strings.Contains(out, "scored 2014-01") {
		t.Fatalf("jobs run inbox printed:\n%s%s", out, stderr)
	}
	out, _, err = govscore(t, "--db", db, "jobs", "--format", "json")
	if err != nil || !strings.Contains(out, `"job": "score"`) || !strings.Contains(out, `"cause": "manual"`) {
		t.Fatalf("jobs --format json: %v\n%s", err, out)
	}
	if _, _, err := govscore(t, "--db", db, "jobs", "run", "nosuch"); err == nil {
		t.Fatal("jobs run accepted an unknown job")
	}
}

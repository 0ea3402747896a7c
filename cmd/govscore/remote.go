package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"time"

	gov "github.com/govscore/govscore"
	"github.com/govscore/govscore/locale"
)

// DuckDB lets one process write a database file, and `serve` holds it while it runs. So that no
// command needs serve stopped, a command run while serve holds its database is sent to serve,
// which runs it in-process on its own open database (servecli.go) and returns what it printed
// and the files it wrote. The CLI finds serve from the note serve keeps beside the database
// (PATH.serve: its address, process id and a secret readable only by serve's own account), and
// authenticates with that secret, or with an office API token from $GOVSCORE_TOKEN.

// errLocal means: run the command here, serve does not hold the database.
var errLocal = errors.New("run locally")

// serveNote is what serve writes beside its database while it runs.
type serveNote struct {
	PID    int    `json:"pid"`
	Addr   string `json:"addr"`
	Secret string `json:"secret"`
}

func notePath(db string) string { return db + ".serve" }

// forward sends a command to the serve that holds e's database; errLocal when there is none
// or the command runs only locally.
func (e *env) forward(ctx context.Context, name string, args []string) error {
	spec, ok := remoteSpecs[name]
	if !ok || e.shared != nil || helpAsked(args) {
		return errLocal
	}
	note, ok := readNote(e.db)
	if !ok || !answers(ctx, note.Addr) {
		return errLocal
	}
	if spec.local != "" && len(args) > 0 && args[0] == spec.local {
		return gov.Errorf(gov.ECONFLICT, "govscore serve(进程 %d)正在使用数据库:%s %s 须先停止 serve", "govscore serve (process %d) holds the database: stop it before %s %s", note.PID, name, spec.local)
	}
	req, err := e.remoteRequest(name, args, spec)
	if err != nil {
		return err
	}
	return e.send(ctx, note, req)
}

func helpAsked(args []string) bool {
	for _, a := range args {
		if a == "-h" || a == "--help" || a == "-help" {
			return true
		}
	}
	return false
}

// readNote reads serve's note for database path db, if there is one and this account may read it.
func readNote(db string) (serveNote, bool) {
	var n serveNote
	b, err := os.ReadFile(notePath(db))
	if err != nil || json.Unmarshal(b, &n) != nil || n.Addr == "" {
		return n, false
	}
	return n, true
}

// answers reports whether a serve answers at addr (a note left by a serve that died does not).
func answers(ctx context.Context, addr string) bool {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr+"/healthz", nil)
	if err != nil {
		return false
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// cliRequest is a command for serve to run: its arguments with the caller's files as
// placeholders ({{in}}/N/…, {{out}}/N/…), and where each output goes back to.
type cliRequest struct {
	Args    []string          `json:"args"`
	Lang    locale.Lang       `json:"lang"`
	User    string            `json:"user"`
	Outputs map[string]string `json:"-"` // placeholder → the caller's path
	files   map[string]string // upload name (in/N/rel) → the caller's file
}

// cliResponse is what serve answers: what the command printed, its error, and the files it wrote.
type cliResponse struct {
	Stdout  string            `json:"stdout"`
	Stderr  string            `json:"stderr"`
	Error   *remoteError      `json:"error"`
	Outputs map[string][]byte `json:"outputs"` // out/N/rel → content
}

// remoteError is a command's error as serve reports it, in both languages.
type remoteError struct {
	Code string `json:"code"`
	ZH   string `json:"message_zh"`
	EN   string `json:"message"`
}

// send posts the request with its files and writes back what serve answers.
func (e *env) send(ctx context.Context, note serveNote, r *cliRequest) error {
	body, ctype, err := r.multipart()
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://"+note.Addr+"/api/cli", body)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Authorization", "Bearer "+token(note))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("govscore serve at %s: %w", note.Addr, err)
	}
	defer resp.Body.Close()
	var out cliResponse
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<31)).Decode(&out); err != nil {
		return fmt.Errorf("govscore serve at %s answered %s: %w", note.Addr, resp.Status, err)
	}
	io.WriteString(e.stdout, out.Stdout)
	io.WriteString(e.stderr, out.Stderr)
	if err := r.writeOutputs(out.Outputs); err != nil {
		return err
	}
	if out.Error != nil {
		return &spoken{err: &gov.Error{Code: out.Error.Code, Msg: locale.Text{ZH: out.Error.ZH, EN: out.Error.EN}}, lang: e.lang}
	}
	return nil
}

// token is the office's credential: $GOVSCORE_TOKEN, else the secret in serve's note.
func token(note serveNote) string {
	if t := os.Getenv("GOVSCORE_TOKEN"); t != "" {
		return t
	}
	return note.Secret
}

// multipart is the request as a form: the JSON request, then each file.
func (r *cliRequest) multipart() (io.Reader, string, error) {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	meta, err := json.Marshal(r)
	if err != nil {
		return nil, "", err
	}
	if err := w.WriteField("request", string(meta)); err != nil {
		return nil, "", err
	}
	for name, path := range r.files {
		part, err := w.CreateFormFile(name, filepath.Base(name)) // the field names the path: a file name loses its folders
		if err != nil {
			return nil, "", err
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, "", err
		}
		_, err = io.Copy(part, f)
		f.Close()
		if err != nil {
			return nil, "", err
		}
	}
	return &b, w.FormDataContentType(), w.Close()
}

// writeOutputs puts each file serve wrote where the caller asked for it, whole or not at all.
func (r *cliRequest) writeOutputs(files map[string][]byte) error {
	for name, data := range files {
		dest, ok := r.destination(name)
		if !ok {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
			return err
		}
		tmp := dest + ".tmp"
		if err := os.WriteFile(tmp, data, 0o644); err != nil {
			return err
		}
		if err := os.Rename(tmp, dest); err != nil {
			return err
		}
	}
	return nil
}

package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"

	gov "github.com/govscore/govscore"
	"github.com/govscore/govscore/auth"
	"github.com/govscore/govscore/locale"
)

// maxCLIRequest bounds what a CLI command may send serve: a year of country-scale monthly
// files is about 400 MB.
const maxCLIRequest = 1 << 30

// cliServer runs the CLI's commands inside serve (see remote.go), one at a time.
type cliServer struct {
	db     *sql.DB
	path   string // the database file, as --db names it in messages
	secret string // the note's secret: the office's account on this machine
	users  *auth.Store
	mu     sync.Mutex
}

// ServeHTTP answers POST /api/cli: office only.
func (c *cliServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	actor, err := c.authenticate(r)
	if err != nil {
		writeCLIError(w, err)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxCLIRequest)
	work, err := os.MkdirTemp("", "govscore-cli-*")
	if err != nil {
		writeCLIError(w, err)
		return
	}
	defer os.RemoveAll(work)
	req, err := readCLIRequest(r, work)
	if err != nil {
		writeCLIError(w, gov.Errorf(gov.EINVALID, "请求无效:%v", "bad request: %v", err))
		return
	}
	if actor != "" {
		req.User = actor // a token's user; with the note's secret, the OS user the CLI names
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	json.NewEncoder(w).Encode(c.run(r.Context(), req, work))
}

// authenticate is who sends the command: the office's account on this machine (the note's
// secret, with the OS user it names) or an office user's API token.
func (c *cliServer) authenticate(r *http.Request) (string, error) {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || tok == "" {
		return "", gov.Errorf(gov.EUNAUTHORIZED, "缺少令牌:请设置 GOVSCORE_TOKEN", "no token: set GOVSCORE_TOKEN")
	}
	if subtle.ConstantTimeCompare([]byte(tok), []byte(c.secret)) == 1 {
		return "", nil // the user the request names
	}
	u, err := c.users.Token(r.Context(), tok)
	if err != nil {
		return "", err
	}
	if !u.IsAdmin() {
		return "", gov.Errorf(gov.EFORBIDDEN, "只有办公室(admin)用户可以通过 serve 运行命令", "only office (admin) users may run commands through serve")
	}
	return u.Name, nil
}

// readCLIRequest reads the request and writes its files under work/in.
func readCLIRequest(r *http.Request, work string) (*cliRequest, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, err
	}
	var req *cliRequest
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if req, err = readPart(part, work, req); err != nil {
			return nil, err
		}
	}
	if req == nil || len(req.Args) == 0 {
		return nil, errors.New("no command")
	}
	return req, nil
}

func readPart(part *multipart.Part, work string, req *cliRequest) (*cliRequest, error) {
	defer part.Close()
	if part.FormName() == "request" {
		req = &cliRequest{}
		return req, json.NewDecoder(io.LimitReader(part, 1<<20)).Decode(req)
	}
	name := filepath.FromSlash(part.FormName())
	if !filepath.IsLocal(name) || !strings.HasPrefix(name, "in"+string(filepath.Separator)) {
		return nil, errors.New("file " + part.FormName() + " is not under in/")
	}
	dest := filepath.Join(work, name)
	if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(dest, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, err
	}
	_, err = io.Copy(f, part)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return req, err
}

// run runs the command on serve's database with the placeholders filled in.
func (c *cliServer) run(ctx context.Context, req *cliRequest, work string) cliResponse {
	c.mu.Lock()
	defer c.mu.Unlock()
	lang, _ := locale.Parse(string(req.Lang))
	var stdout, stderr bytes.Buffer
	e := &env{db: c.path, lang: lang, stdout: &stdout, stderr: &stderr, shared: c.db, user: req.User, now: clock}
	args := fill(req.Args, work)
	spec, ok := remoteSpecs[args[0]]
	var err error
	switch {
	case !ok:
		err = gov.Errorf(gov.EINVALID, "%s 不能在 serve 运行时执行:请先停止 serve", "%s cannot run while serve runs: stop serve first", args[0])
	case spec.local != "" && len(args) > 1 && args[1] == spec.local:
		err = gov.Errorf(gov.EINVALID, "%s %s 不能在 serve 运行时执行", "%s %s cannot run while serve runs", args[0], spec.local)
	default:
		if err = confined(spec, args, work); err == nil {
			err = dispatch(ctx, e, args[0], args[1:])
		}
	}
	resp := cliResponse{Stdout: stdout.String(), Stderr: stderr.String(), Outputs: outputs(work)}
	if err != nil {
		resp.Error = &remoteError{Code: gov.ErrorCode(err), ZH: locale.Message(err, locale.ZH), EN: locale.Message(err, locale.EN)}
	}
	return resp
}

// fill puts the work folder's paths in place of the placeholders, creating each output's folder.
func fill(args []string, work string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		a = strings.ReplaceAll(a, "{{in}}", filepath.Join(work, "in"))
		if j := strings.Index(a, "{{out}}/"); j >= 0 {
			rest := a[j+len("{{out}}/"):]
			if n, _, ok := strings.Cut(rest, "/"); ok && filepath.IsLocal(n) {
				os.MkdirAll(filepath.Join(work, "out", n), 0o700)
			}
		}
		out[i] = strings.ReplaceAll(a, "{{out}}", filepath.Join(work, "out"))
	}
	return out
}

// outputs are the files the command wrote under work/out, by their name from work.
func outputs(work string) map[string][]byte {
	out := map[string][]byte{}
	filepath.WalkDir(filepath.Join(work, "out"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		rel, _ := filepath.Rel(work, path)
		if b, err := os.ReadFile(path); err == nil {
			out[filepath.ToSlash(rel)] = b
		}
		return nil
	})
	return out
}

func writeCLIError(w http.ResponseWriter, err error) {
	status := map[string]int{gov.EUNAUTHORIZED: http.StatusUnauthorized, gov.EFORBIDDEN: http.StatusForbidden,
		gov.EINVALID: http.StatusBadRequest}[gov.ErrorCode(err)]
	if status == 0 {
		status = http.StatusInternalServerError
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(cliResponse{Error: &remoteError{Code: gov.ErrorCode(err),
		ZH: locale.Message(err, locale.ZH), EN: locale.Message(err, locale.EN)}})
}

// openNote writes serve's note beside the database (readable by serve's account only) and
// returns the handler of the CLI's commands; close removes the note.
func openNote(path string, db *sql.DB, addr string) (*cliServer, error) {
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return nil, err
	}
	c := &cliServer{db: db, path: path, secret: "local_" + hex.EncodeToString(secret), users: auth.New(db, nil)}
	b, _ := json.Marshal(serveNote{PID: os.Getpid(), Addr: addr, Secret: c.secret})
	tmp := notePath(path) + ".tmp"
	os.Remove(tmp)
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return nil, fmt.Errorf("serve: note for the CLI: %w", err)
	}
	if err := os.Rename(tmp, notePath(path)); err != nil {
		return nil, fmt.Errorf("serve: note for the CLI: %w", err)
	}
	return c, nil
}

// close removes serve's note, if it is still this serve's.
func (c *cliServer) close() {
	if n, ok := readNote(c.path); ok && n.Secret == c.secret {
		os.Remove(notePath(c.path))
	}
}

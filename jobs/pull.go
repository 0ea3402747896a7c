package jobs

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/govscore/govscore/ingest"
)

// maxPull bounds the size of one fetched file.
const maxPull = 512 << 20

// Pull fetches every configured URL with If-None-Match/If-Modified-Since, and ingests what
// changed (CSV, XLSX, or JSON rows). One failing source does not stop the others.
func (e *Env) Pull(ctx context.Context, run *Run) error {
	var errs []error
	for _, u := range e.Config.Pull.URLs {
		if run.Stopping() || ctx.Err() != nil {
			break
		}
		if err := e.pullOne(ctx, run, u); err != nil {
			errs = append(errs, err)
			e.savePull(ctx, u, fetched{}, sql.NullInt64{}, false, err)
		}
	}
	if len(errs) == 0 && run.Files == 0 {
		run.Idle()
	}
	return errors.Join(errs...)
}

// fetched is a 200 answer: its content and its validators.
type fetched struct {
	name, etag, lastModified string
	content                  []byte
}

func (e *Env) pullOne(ctx context.Context, run *Run, u string) error {
	var etag, lastMod, sha string
	err := e.DB.QueryRowContext(ctx, query("jobPullState"), u).Scan(&etag, &lastMod, &sha)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("pull %s: %w", u, err)
	}
	f, err := e.fetch(ctx, run, u, etag, lastMod)
	if err != nil || f == nil {
		if f == nil && err == nil {
			run.Note("%s not modified", u)
			return e.savePull(ctx, u, fetched{etag: etag, lastModified: lastMod}, sql.NullInt64{}, false, nil)
		}
		return err
	}
	sum := sha256.Sum256(f.content)
	if hex.EncodeToString(sum[:]) == sha {
		run.Note("%s unchanged", u)
		return e.savePull(ctx, u, *f, sql.NullInt64{}, false, nil)
	}
	return e.ingestPulled(ctx, run, u, f)
}

func (e *Env) ingestPulled(ctx context.Context, run *Run, u string, f *fetched) error {
	name, content, err := asTable(f.name, f.content)
	if err != nil {
		return fmt.Errorf("pull %s: %w", u, err)
	}
	var res ingest.Result
	err = e.write(func() (err error) {
		res, err = ingest.Bytes(ctx, e.DB, name, content, ingest.Options{Source: "pull", Actor: u, Now: e.Now})
		return err
	})
	if err != nil {
		return fmt.Errorf("pull %s: %w", u, err)
	}
	run.Files++
	if res.Repeat {
		run.Note("%s: same content as batch %d", u, res.Batch)
	} else {
		run.Rows += res.Rows
		run.Note("%s: batch %d, %d rows", u, res.Batch, res.Rows)
		run.Then("score")
	}
	return e.savePull(ctx, u, *f, sql.NullInt64{Int64: res.Batch, Valid: true}, !res.Repeat, nil)
}

func (e *Env) savePull(ctx context.Context, u string, f fetched, batch sql.NullInt64, changed bool, failure error) error {
	var sha, msg sql.NullString
	if f.content != nil {
		sum := sha256.Sum256(f.content)
		sha = sql.NullString{String: hex.EncodeToString(sum[:]), Valid: true}
	}
	if failure != nil {
		msg = sql.NullString{String: failure.Error(), Valid: true}
	}
	_, err := e.DB.ExecContext(context.WithoutCancel(ctx), query("jobPullSave"), u, f.etag, f.lastModified, sha, batch,
		e.now().UTC(), changed, msg)
	if err != nil {
		return fmt.Errorf("pull %s: save state: %w", u, err)
	}
	return nil
}

// fetch GETs u, retrying network errors and 5xx/429 answers with a doubling backoff. It returns
// nil, nil when the source answers 304 Not Modified.
func (e *Env) fetch(ctx context.Context, run *Run, u, etag, lastMod string) (*fetched, error) {
	wait := e.Config.Pull.Backoff
	for try := 0; ; try++ {
		f, retry, err := e.get(ctx, u, etag, lastMod)
		if err == nil || !retry || try >= e.Config.Pull.Retries {
			if err != nil && retry {
				err = fmt.Errorf("%w (gave up after %d tries)", err, try+1)
			}
			return f, err
		}
		run.Log.Warn("pull: retrying", "url", u, "try", try+1, "wait", wait, "err", err)
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-run.stop:
			return nil, fmt.Errorf("pull %s: stopped while waiting to retry: %w", u, err)
		}
		wait *= 2
	}
}

func (e *Env) get(ctx context.Context, u, etag, lastMod string) (*fetched, bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, false, fmt.Errorf("pull %s: %w", u, err)
	}
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastMod != "" {
		req.Header.Set("If-Modified-Since", lastMod)
	}
	resp, err := e.client().Do(req)
	if err != nil {
		return nil, true, fmt.Errorf("pull %s: %w", u, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return nil, false, nil
	case resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests:
		return nil, true, fmt.Errorf("pull %s: server answered %s", u, resp.Status)
	case resp.StatusCode != http.StatusOK:
		return nil, false, fmt.Errorf("pull %s: server answered %s", u, resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxPull+1))
	if err != nil {
		return nil, true, fmt.Errorf("pull %s: reading the answer: %w", u, err)
	}
	if len(body) > maxPull {
		return nil, false, fmt.Errorf("pull %s: larger than %d MiB", u, maxPull>>20)
	}
	return &fetched{name: fileName(u, resp.Header.Get("Content-Type")), etag: resp.Header.Get("ETag"),
		lastModified: resp.Header.Get("Last-Modified"), content: body}, false, nil
}

// fileName names a fetched file after its URL, with an extension from its type when it has none.
func fileName(u, contentType string) string {
	p, _ := url.Parse(u)
	name := path.Base(p.Path)
	if name == "/" || name == "." {
		name = p.Host
	}
	if path.Ext(name) != "" {
		return name
	}
	switch ct := strings.ToLower(contentType); {
	case strings.Contains(ct, "json"):
		return name + ".json"
	case strings.Contains(ct, "spreadsheet"):
		return name + ".xlsx"
	}
	return name + ".csv"
}

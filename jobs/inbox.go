package jobs

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/report"
)

// fileSig is what tells a file still being written from a finished one.
type fileSig struct {
	size  int64
	mtime time.Time
}

// Inbox ingests the finished files in the inbox folder, one transaction per file, and moves each
// to archive/YYYY-MM/ or, rejected, to rejected/ with NAME.error.txt. A crash between the commit
// and the move is safe: the next run finds the file again, ingest sees the same content as a
// repeat (nothing written), and the file is moved then.
func (e *Env) Inbox(ctx context.Context, run *Run) error {
	files, err := e.settled(ctx, run)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		run.Idle()
	}
	ingested, repeats, rejected := 0, 0, 0
	var errs []error
	for i, f := range files {
		if run.Stopping() || ctx.Err() != nil {
			run.Note("stopping: %d files left for the next run", len(files)-i)
			break
		}
		res, err := e.take(ctx, run, f)
		if err != nil { // not the file's fault (database, disk): it stays for the next run
			errs = append(errs, err)
			continue
		}
		run.Progress()
		switch res {
		case "ingested":
			ingested++
		case "repeat":
			repeats++
		case "rejected":
			rejected++
		}
	}
	run.Note("%d ingested, %d repeats, %d rejected", ingested, repeats, rejected)
	if ingested > 0 {
		run.Then("score")
	}
	return errors.Join(errs...)
}

// candidates lists the inbox files, leaving out what senders write before renaming: dotfiles,
// *.part, *.tmp, *.crdownload and Excel's ~$ lock files.
func candidates(dir string) (map[string]fileSig, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("inbox %s: %w", dir, err)
	}
	out := map[string]fileSig{}
	for _, en := range entries {
		name := en.Name()
		ext := strings.ToLower(filepath.Ext(name))
		if !en.Type().IsRegular() || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") ||
			ext == ".part" || ext == ".tmp" || ext == ".crdownload" {
			continue
		}
		info, err := en.Info()
		if err != nil {
			continue // gone since the listing
		}
		out[filepath.Join(dir, name)] = fileSig{info.Size(), info.ModTime()}
	}
	return out, nil
}

// settled lists, in name order, the files whose size and time did not change between two scans:
// the previous run's and this one's, or, for files new since then, this one's and one Settle later.
func (e *Env) settled(ctx context.Context, run *Run) ([]string, error) {
	now, err := candidates(e.Config.Inbox)
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	prev := e.seen
	e.mu.Unlock()
	if changedSince(prev, now) && e.Config.Settle > 0 {
		prev = now
		select {
		case <-time.After(e.Config.Settle):
		case <-ctx.Done():
			return nil, nil
		case <-run.stop:
			return nil, nil
		}
		if now, err = candidates(e.Config.Inbox); err != nil {
			return nil, err
		}
	} else if e.Config.Settle <= 0 {
		prev = now
	}
	e.mu.Lock()
	e.seen = now
	e.mu.Unlock()
	var out []string
	for p, sig := range now {
		if old, ok := prev[p]; ok && old == sig {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out, nil
}

func changedSince(prev, now map[string]fileSig) bool {
	for p, sig := range now {
		if old, ok := prev[p]; !ok || old != sig {
			return true
		}
	}
	return false
}

// take ingests one file and moves it; an error means the file stays for the next run.
func (e *Env) take(ctx context.Context, run *Run, path string) (string, error) {
	content, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return "gone", nil
	}
	if err != nil {
		return "", fmt.Errorf("inbox: read %s: %w", path, err)
	}
	name := filepath.Base(path)
	var res ingest.Result
	err = e.write(func() (err error) {
		res, err = ingest.Bytes(ctx, e.DB, name, content, ingest.Options{Source: "inbox", Actor: "inbox", Now: e.Now})
		return err
	})
	var rej *ingest.RejectedError
	if errors.As(err, &rej) {
		run.Files++
		run.Note("rejected %s", name)
		run.Log.Warn("inbox file rejected", "file", name, "err", err)
		return "rejected", e.reject(path, rej)
	}
	if err != nil {
		return "", fmt.Errorf("inbox: %w", err)
	}
	run.Files++
	time.Sleep(e.MoveDelay)
	if res.Repeat {
		run.Log.Info("inbox file is a repeat: archived, nothing written", "file", name, "batch", res.Batch)
		return "repeat", e.archive(path)
	}
	run.Rows += res.Rows
	return "ingested", e.archive(path)
}

// archive moves an ingested file to archive/YYYY-MM/ (the month it was taken, in the jobs' zone).
func (e *Env) archive(path string) error {
	dir := filepath.Join(e.Config.Archive, e.now().In(e.Loc).Format("2006-01"))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("inbox: archive: %w", err)
	}
	_, err := moveFile(path, dir)
	return err
}

// reject writes NAME.error.txt into the rejected folder, then moves the file beside it; a crash
// in between leaves the file in the inbox, to be rejected again.
func (e *Env) reject(path string, rej *ingest.RejectedError) error {
	dir := e.Config.Rejected
	dest := freeName(dir, filepath.Base(path))
	text := rejectionReport(rej, e.now().In(e.Loc))
	if err := writeAtomic(dest+".error.txt", []byte(text)); err != nil {
		return fmt.Errorf("inbox: reject: %w", err)
	}
	if err := rename(path, dest); err != nil {
		return fmt.Errorf("inbox: reject: %w", err)
	}
	return nil
}

func rejectionReport(rej *ingest.RejectedError, at time.Time) string {
	var b strings.Builder
	stamp := at.Format("2006-01-02 15:04:05 MST")
	fmt.Fprintf(&b, "# 此文件于 %s 被退回,未写入任何数据。请按下列问题修改后重新放入收件目录。行号从表头(第 1 行)算起。\n", stamp)
	fmt.Fprintf(&b, "# govscore rejected this file at %s; nothing from it was written. Fix the problems below and drop it into the inbox again. Rows count the header as row 1.\n", stamp)
	b.WriteString("file\trow\tcolumn\treason\t原因\n")
	for _, p := range rej.Problems {
		row := ""
		if p.Row > 0 {
			row = fmt.Sprint(p.Row)
		}
		cells := report.Cells([]string{oneLine(filepath.Base(p.File)), row, oneLine(p.Column), oneLine(p.Msg), oneLine(p.MsgZH)})
		b.WriteString(strings.Join(cells, "\t") + "\n")
	}
	if rej.More {
		b.WriteString("# 问题较多,仅列出前面部分 / more problems were found than are listed\n")
	}
	return b.String()
}

// oneLine keeps a TSV cell on its line and in its column.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ").Replace(s)
}

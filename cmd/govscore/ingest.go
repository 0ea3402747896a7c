package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/locale"
)

func init() {
	commands["ingest"] = command{"ingest monthly activity files: ingest [--mapping MAP] FILE|DIR...", runIngest}
}

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", "FILE|DIR...", `Ingests monthly activity files: CSV (UTF-8, UTF-8 with BOM or GBK) or XLSX, wide
(部门代码, 部门名称, 月份, <metrics>) or long (dept_code, period, metric, value). A folder means
every .csv and .xlsx in it, in name order. Each file is written whole or not at all; the same
file twice changes nothing; other values for a department-month are kept as a revision.
With --mapping MAP (a YAML file, see examples/uk-foi/mapping.yaml) any other statistics are read
as the mapping says: its department and period columns, months, quarters or years, new metrics
declared into the catalog, unknown departments registered, rows skipped.`)
	mapPath := fs.String("mapping", "", "read the files through this mapping (YAML) instead of the built-in formats")
	author := fs.String("author", e.actor(), "who sends the files, kept with each batch")
	reason := fs.String("reason", "", "why, e.g. 更正:JXW 依申请公开数据 (diff shows it as the cause of a change)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	mapping, err := loadMapping(*mapPath)
	if err != nil {
		return err
	}
	files, err := expand(fs.Args())
	if err != nil {
		return err
	}
	if len(files) == 0 {
		fs.Usage()
		return fmt.Errorf("ingest: no files given")
	}
	db, err := e.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	failed := 0
	for i, f := range files {
		start := time.Now()
		if mapping != nil {
			err = e.ingestMapped(ctx, db, mapping, f, i+1, len(files))
		} else {
			var res ingest.Result
			if res, err = ingest.File(ctx, db, f, ingest.Options{Source: "cli", Actor: *author, Reason: *reason, Now: e.now}); err == nil {
				e.printResult(i+1, len(files), res, time.Since(start))
			}
		}
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "[%d/%d] %s\n", i+1, len(files), locale.Message(err, e.lang))
		}
	}
	if failed > 0 {
		return fmt.Errorf("ingest: %d of %d files rejected", failed, len(files))
	}
	return nil
}

func (e *env) printResult(i, n int, res ingest.Result, took time.Duration) {
	if res.Repeat {
		e.printf(e.lang.T("[%d/%d] %s:与批次 %d 内容相同,未作改动\n", "[%d/%d] %s: same content as batch %d, nothing changed\n"), i, n, res.File, res.Batch)
		return
	}
	e.printf(e.lang.T("[%d/%d] %s:批次 %d,%d 行,新增 %d,更正 %d,未变 %d(%s)\n", "[%d/%d] %s: batch %d, %d rows, %d new, %d revised, %d unchanged (%s)\n"),
		i, n, res.File, res.Batch, res.Rows, res.New, res.Revisions, res.Unchanged, took.Round(time.Millisecond))
}

// expand turns folders into the CSV and XLSX files in them, sorted.
func expand(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			return nil, err
		}
		var inDir []string
		for _, en := range entries {
			ext := strings.ToLower(filepath.Ext(en.Name()))
			if !en.IsDir() && (ext == ".csv" || ext == ".xlsx") {
				inDir = append(inDir, filepath.Join(a, en.Name()))
			}
		}
		sort.Strings(inDir)
		out = append(out, inDir...)
	}
	return out, nil
}

package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/govscore/govscore/browser"
	"github.com/govscore/govscore/bulletin"
	"github.com/govscore/govscore/editions"
	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/report"
)

func init() {
	commands["bulletin"] = command{"write a month's 通报 (docx, html or pdf): bulletin --month YYYY-MM --out FILE", runBulletin}
}

func runBulletin(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bulletin", "--month YYYY-MM [--edition N] [--group G] [--format docx|html|pdf] [--config FILE] --out FILE",
		`Writes the month's 通报: title, issuing body, number and date from the configuration (the
bulletin: section of govscore.yaml, or --config FILE), 总体情况, 排名情况 (a table per group),
存在问题 (未报送, vetoes, the costliest deductions, the biggest fallers) and 工作要求. DOCX a
clerk can edit, HTML that prints on A4, or PDF printed by the installed Chromium.`)
	month := fs.String("month", "", "the month, e.g. 2014-11")
	edition := fs.Int("edition", 0, "the published edition to write from (default: the latest published, else the current results)")
	group := fs.String("group", "", "only this group, e.g. 市级部门")
	format := fs.String("format", "", "docx, html or pdf (default: from --out's extension)")
	config := fs.String("config", envOr("GOVSCORE_CONFIG", ""), "YAML with a bulletin: section (default: ./govscore.yaml when there is one)")
	out := fs.String("out", "", "the file to write, e.g. 通报-2014-11.docx")
	if err := fs.Parse(args); err != nil {
		return err
	}
	p, err := periodFlag(*month, "")
	if err != nil || *out == "" {
		return locale.Errorf("bulletin 需要 --month YYYY-MM 和 --out 文件", "bulletin needs --month YYYY-MM and --out FILE")
	}
	kind, err := bulletinFormat(*format, *out)
	if err != nil {
		return err
	}
	cfg, err := bulletinConfig(*config)
	if err != nil {
		return err
	}
	db, err := e.readDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	data, err := bulletin.Load(ctx, db, p, editionResults(p, *edition))
	if err != nil {
		return err
	}
	if *group != "" {
		if data, err = data.Only(*group); err != nil {
			return err
		}
	}
	doc, err := bulletin.Compose(data, cfg, time.Now(), e.lang)
	if err != nil {
		return err
	}
	if err := writeBulletin(ctx, e, kind, *out, doc); err != nil {
		return err
	}
	e.printf(e.lang.T("已写入 %s%s,用时 %.2f 秒\n", "wrote %s %s in %.2f s\n"), *out, doc.Source, time.Since(start).Seconds())
	return nil
}

// editionResults is how the bulletin reads a period's results: edition n of the month asked
// for; otherwise (n = 0, and for the month before) the latest published edition of the period,
// or the current results when it has none. The document then names the edition it states.
func editionResults(month string, n int) bulletin.Loader {
	return func(ctx context.Context, db *sql.DB, p string, lines bool) (bulletin.Results, error) {
		want := 0
		if p == month {
			want = n
		}
		if want == 0 {
			var err error
			if want, err = editions.Latest(ctx, db, p, ""); err != nil || want == 0 {
				return bulletin.Current(ctx, db, p, lines)
			}
		}
		if !lines {
			ed, list, err := editions.Ranking(ctx, db, p, "", want)
			return bulletin.Results{Period: p, Edition: ed.Number, Standings: report.LargestFirst(list)}, err
		}
		pub, err := editions.Load(ctx, db, p, want)
		if err != nil {
			return bulletin.Results{}, err
		}
		return bulletin.Results{Period: p, Edition: pub.Number, Standings: report.LargestFirst(pub.Standings), Lines: pub.Lines}, nil
	}
}

// bulletinFormat is --format, or the format --out's extension names.
func bulletinFormat(format, out string) (string, error) {
	if format == "" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(out)), ".")
	}
	switch format {
	case "docx", "html", "pdf":
		return format, nil
	case "htm":
		return "html", nil
	}
	return "", locale.Errorf("--format “%s”:应为 docx、html 或 pdf", "--format %q: expected docx, html or pdf", format)
}

// bulletinConfig reads the bulletin: section of path, or of ./govscore.yaml when no path is
// given and that file exists; with neither, the defaults.
func bulletinConfig(path string) (bulletin.Config, error) {
	if path == "" {
		if _, err := os.Stat("govscore.yaml"); err != nil {
			return bulletin.Config{}, nil
		}
		path = "govscore.yaml"
	}
	return bulletin.LoadConfig(path)
}

// writeBulletin writes the document. PDF needs Chromium; DOCX uses it for the chart picture
// when it is installed and goes without the picture when it is not.
func writeBulletin(ctx context.Context, e *env, kind, out string, doc bulletin.Doc) error {
	if kind == "html" {
		return writeOut(e, out, func(w io.Writer) error { return bulletin.HTML(w, doc) })
	}
	b, err := browser.Start(ctx)
	switch {
	case errors.Is(err, browser.ErrNoChromium) && kind == "docx":
		fmt.Fprintln(e.stderr, locale.Message(err, e.lang))
		return writeOut(e, out, func(w io.Writer) error { return bulletin.DOCX(w, doc, nil, time.Now()) })
	case err != nil:
		return err
	}
	defer b.Close()
	if kind == "pdf" {
		return writeOut(e, out, func(w io.Writer) error { return bulletin.PDF(w, doc, b) })
	}
	return writeOut(e, out, func(w io.Writer) error { return bulletin.DOCX(w, doc, b, time.Now()) })
}

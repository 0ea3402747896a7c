package catalog_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/govscore/govscore/catalog"
	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/testutil"
)

var update = flag.Bool("update", false, "rewrite docs/metrics.md")

// TestMetricsDoc fails when docs/metrics.md is not what the catalog of a new database and
// definitions.yaml make: run `go generate ./catalog` and commit the file.
func TestMetricsDoc(t *testing.T) {
	db, _ := testutil.DB(t)
	ms, err := catalog.Load(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := catalog.Markdown(&b, ms, catalog.Checks()); err != nil {
		t.Fatal(err)
	}
	const path = "../docs/metrics.md"
	if *update {
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	committed, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(committed, b.Bytes()) {
		t.Errorf("docs/metrics.md differs from the catalog: run `go generate ./catalog` and commit it")
	}
}

// TestEveryMetricDefined: a metric added to the catalog without a definition, a definition of
// no metric, or a check naming no metric fails here.
func TestEveryMetricDefined(t *testing.T) {
	db, _ := testutil.DB(t)
	ms, err := catalog.Load(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, m := range ms {
		known[m.Code] = true
		if m.Definition.ZH == "" || m.Definition.EN == "" {
			t.Errorf("%s has no definition in catalog/definitions.yaml", m.Code)
		}
		if (m.Kind == "count") != (m.Max > 0) {
			t.Errorf("%s (%s): a count needs a plausible maximum, other kinds none; max = %g", m.Code, m.Kind, m.Max)
		}
	}
	if len(ms) != 28 {
		t.Errorf("the default catalog has %d metrics, want 28", len(ms))
	}
	for _, c := range catalog.Checks() {
		for _, code := range append(append([]string{}, c.Left...), c.Right...) {
			if !known[code] {
				t.Errorf("check %q names %s, which is not in the catalog", c.Text.EN, code)
			}
		}
	}
}

// TestChecksAreIngestChecks proves each documented check is the one ingest enforces: a row
// exactly at the limit is accepted, one more is rejected in a column the check names.
func TestChecksAreIngestChecks(t *testing.T) {
	for i, c := range catalog.Checks() {
		t.Run(c.Left[0], func(t *testing.T) {
			db, _ := testutil.DB(t)
			ctx := context.Background()
			depts := testutil.File(t, "depts.csv", "部门代码,部门名称,分组,曾用名,启用月份,停用月份\nJXW,经济和信息化局,市级部门,,,\n")
			if _, err := ingest.Departments(ctx, db, depts, ingest.Options{}); err != nil {
				t.Fatal(err)
			}
			if _, err := ingest.File(ctx, db, checkFile(t, c, "2014-10", 0), ingest.Options{}); err != nil {
				t.Fatalf("check %d at its limit: %v", i+1, err)
			}
			_, err := ingest.File(ctx, db, checkFile(t, c, "2014-11", 1), ingest.Options{})
			var rej *ingest.RejectedError
			if !errors.As(err, &rej) {
				t.Fatalf("check %d broken by 1: err = %v, want a rejection", i+1, err)
			}
			if col := rej.Problems[0].Column; !c.Involves(codeOf(t, db, col)) {
				t.Errorf("rejected in column %q, which check %d (%v ≤ %v) does not name", col, i+1, c.Left, c.Right)
			}
		})
	}
}

// codeOf is the code of the metric named name (the column a cross-field problem names).
func codeOf(t *testing.T, db *sql.DB, name string) string {
	ms, err := catalog.Load(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Name == name || m.Code == name {
			return m.Code
		}
	}
	return name
}

// checkFile is a one-row file where each left metric is 2 and the right ones add up to
// 2·len(left) − over.
func checkFile(t *testing.T, c catalog.Check, month string, over int) string {
	head := append(append([]string{"部门代码", "月份"}, c.Left...), c.Right...)
	row := []string{"JXW", month}
	for range c.Left {
		row = append(row, "2")
	}
	right := 2*len(c.Left) - over
	for i := range c.Right {
		v := 0
		if i == 0 {
			v = right
		}
		row = append(row, fmt.Sprint(v))
	}
	return testutil.File(t, month+".csv", strings.Join(head, ",")+"\n"+strings.Join(row, ",")+"\n")
}

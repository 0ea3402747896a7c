package ingest

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	sqlfs "github.com/govscore/govscore/sql"
	"github.com/govscore/govscore/trace"
)

// TestTraceTimesEachStep ingests the same file with and without GOVSCORE_TRACE: traced, every
// step and each statement of commitStage is timed, and the rows written are the same.
func TestTraceTimesEachStep(t *testing.T) {
	var out bytes.Buffer
	trace.Out = &out
	t.Cleanup(func() { trace.Out = os.Stderr })
	plain, traced := mustOpenDB(t), mustOpenDB(t)
	ctx := context.Background()
	if _, err := Bytes(ctx, plain, "a.csv", []byte(plainWide), Options{}); err != nil {
		t.Fatal(err)
	}
	if out.Len() != 0 {
		t.Fatalf("traced without GOVSCORE_TRACE:\n%s", out.String())
	}
	t.Setenv("GOVSCORE_TRACE", "1")
	res, err := Bytes(ctx, traced, "a.csv", []byte(plainWide), Options{})
	if err != nil || !res.Fast {
		t.Fatalf("traced ingest: %+v, %v", res, err)
	}
	for _, step := range []string{"readTable", "numberedCopy", "fastNames", "fastStage", "fastCheck+Promote", "checkStage", "commitStage #4", "commit "} {
		if !strings.Contains(out.String(), "trace: "+step) {
			t.Errorf("no %q in the trace:\n%s", step, out.String())
		}
	}
	if got, want := strings.Count(out.String(), "trace: commitStage #"), len(trace.Statements(sqlfs.Query("commitStage"))); got != want || want < 5 {
		t.Errorf("%d commitStage statements traced, want %d (more than 4)", got, want)
	}
	if a, b := activityRows(t, plain), activityRows(t, traced); a != b {
		t.Errorf("traced ingest wrote other rows:\n%s\nwant\n%s", b, a)
	}
}

package trace

import (
	"bytes"
	"strings"
	"testing"
)

func TestStartAndStatements(t *testing.T) {
	var buf bytes.Buffer
	Out = &buf
	t.Setenv("GOVSCORE_TRACE", "")
	Start("quiet")()
	if buf.Len() != 0 || len(Statements("SELECT 1;\nSELECT 2;\n")) != 1 {
		t.Fatalf("without GOVSCORE_TRACE: printed %q, split the file", buf.String())
	}
	t.Setenv("GOVSCORE_TRACE", "1")
	Start("step")()
	if !strings.HasPrefix(buf.String(), "trace: step") {
		t.Errorf("printed %q, want a line for the step", buf.String())
	}
	if got := Statements("SELECT 1;\nSELECT 'a;b';\n\n"); len(got) != 2 || got[1] != "SELECT 'a;b';\n" {
		t.Errorf("statements = %q", got)
	}
}

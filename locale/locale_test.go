package locale

import (
	"fmt"
	"testing"
)

func TestMessage(t *testing.T) {
	base := Errorf("文件为空", "the file is empty")
	cases := []struct {
		name   string
		err    error
		zh, en string
	}{
		{"bilingual", base, "文件为空", "the file is empty"},
		{"wrapped by fmt", fmt.Errorf("ingest a.csv: %w", base), "ingest a.csv: 文件为空", "ingest a.csv: the file is empty"},
		{"prefixed", Prefix("导入:", "import: ", base), "导入:文件为空", "import: the file is empty"},
		{"english only", fmt.Errorf("disk full"), "disk full", "disk full"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Message(c.err, ZH); got != c.zh {
				t.Errorf("zh = %q, want %q", got, c.zh)
			}
			if got := Message(c.err, EN); got != c.en {
				t.Errorf("en = %q, want %q", got, c.en)
			}
		})
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Lang{"": ZH, "zh": ZH, "en": EN} {
		if got, err := Parse(in); err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := Parse("fr"); err == nil || Message(err, ZH) == err.Error() {
		t.Errorf("Parse(fr) = %v: want a bilingual error", err)
	}
}

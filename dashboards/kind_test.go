package dashboards

import (
	"slices"
	"testing"
)

func TestOfKind(t *testing.T) {
	all := []string{"2019", "2019-Q4", "2020", "2020-01", "2020-Q1", "2020-02"}
	for _, tc := range []struct {
		name, month string
		want        []string
	}{
		{"months first", "", []string{"2020-01", "2020-02"}},
		{"quarters when asked", "2020-Q1", []string{"2019-Q4", "2020-Q1"}},
		{"years when asked", "2020", []string{"2019", "2020"}},
		{"nothing of that kind", "2020-H1", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ofKind(all, tc.month); !slices.Equal(got, tc.want) {
				t.Errorf("ofKind(%q) = %q, want %q", tc.month, got, tc.want)
			}
		})
	}
	if got := ofKind([]string{"2019", "2019-Q4"}, ""); !slices.Equal(got, []string{"2019-Q4"}) {
		t.Errorf("without months, quarters come first: got %q", got)
	}
}

func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{"JXW": "JXW", "a-1": "a-1", "../x": "_2e_2e_2fx", "部": "_e9_83_a8"} {
		if got := safeName(in); got != want {
			t.Errorf("safeName(%q) = %q, want %q", in, got, want)
		}
	}
}

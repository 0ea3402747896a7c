package synth

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govscore/govscore/period"
)

// TestGenerateIsDeterministic: the same seed writes the same files; another seed does not; the
// city has a renamed department, a late starter and a veto in June.
func TestGenerateIsDeterministic(t *testing.T) {
	spec := Spec{Scale: Scale{Name: "city", Depts: 60, Months: 12}, Start: period.MustParse("2014-01"), Seed: 7}
	a, b := t.TempDir(), t.TempDir()
	fa, err := Generate(a, spec)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(b, spec); err != nil {
		t.Fatal(err)
	}
	for _, f := range append([]string{fa.Depts, fa.Revision}, fa.Activity...) {
		x, _ := os.ReadFile(f)
		y, _ := os.ReadFile(filepath.Join(b, filepath.Base(f)))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs with seed 7", filepath.Base(f))
		}
	}
	spec.Seed = 8
	c := t.TempDir()
	if _, err := Generate(c, spec); err != nil {
		t.Fatal(err)
	}
	x, _ := os.ReadFile(fa.Activity[0])
	y, _ := os.ReadFile(filepath.Join(c, filepath.Base(fa.Activity[0])))
	if bytes.Equal(x, y) {
		t.Error("seeds 7 and 8 wrote the same January")
	}
	depts, _ := os.ReadFile(fa.Depts)
	jan, _ := os.ReadFile(fa.Activity[0])
	dec, _ := os.ReadFile(fa.Activity[11])
	jun, _ := os.ReadFile(fa.Activity[5])
	checks := map[string]bool{
		"a former name in the list":        strings.Contains(string(depts), "经济和信息化委员会"),
		"January uses the former name":     strings.Contains(string(jan), "JXW,经济和信息化委员会,"),
		"December uses the new name":       strings.Contains(string(dec), "JXW,经济和信息化局,"),
		"a late starter absent in January": !strings.Contains(string(jan), "\nSPJ,") && strings.Contains(string(dec), "\nSPJ,"),
		"a veto in June":                   strings.Contains(string(jun), ",1\n"),
		"fewer rows than 60 × 12":          fa.Rows < 60*12 && fa.Rows > 60*12*9/10,
	}
	for what, ok := range checks {
		if !ok {
			t.Errorf("the generated city lacks %s", what)
		}
	}
}

package editions_test

import (
	"context"
	"strings"
	"testing"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/audit"
	"github.com/govscore/govscore/editions"
	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/testutil"
)

func reg(code, name, group, from, to string) govscore.Registration {
	return govscore.Registration{Code: code, Name: name, Group: group, From: from, To: to}
}

// TestConflicts: what alters a published period (2014-11 whole, and 2014-11 县区政府 alone).
func TestConflicts(t *testing.T) {
	ctx := context.Background()
	db := city(t)
	publish(t, db, "", 1)
	publish(t, db, "县区政府", 2)
	fgw, lzq := reg("FGW", "发展和改革委员会", "市级部门", "", ""), reg("LZQ", "利州区人民政府", "县区政府", "", "")
	for _, c := range []struct {
		name   string
		before *govscore.Registration
		after  govscore.Registration
		want   string
	}{
		{"new, every month", nil, reg("NEW", "新设局", "市级部门", "", ""), "2014-11: NEW added"},
		{"new in the group published alone", nil, reg("NEW", "新设区", "县区政府", "", ""), "2014-11: NEW added; 2014-11 县区政府: NEW added"},
		{"new from a later month", nil, reg("NEW", "新设局", "市级部门", "2014-12", ""), ""},
		{"ends before the period", &fgw, reg("FGW", "发展和改革委员会", "市级部门", "", "2014-10"), "2014-11: FGW removed (active ..2014-10, group 市级部门)"},
		{"ends after the period", &fgw, reg("FGW", "发展和改革委员会", "市级部门", "", "2014-12"), ""},
		{"renamed", &fgw, reg("FGW", "发展改革委", "市级部门", "", ""), "2014-11: FGW renamed: 发展和改革委员会 → 发展改革委"},
		{"moved into the group published alone", &fgw, reg("FGW", "发展和改革委员会", "县区政府", "", ""), "2014-11: FGW moved: 市级部门 → 县区政府; 2014-11 县区政府: FGW added"},
		{"moved out of it", &lzq, reg("LZQ", "利州区人民政府", "市级部门", "", ""), "2014-11: LZQ moved: 县区政府 → 市级部门; 2014-11 县区政府: LZQ removed (active .., group 市级部门)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cs, err := editions.Conflicts(ctx, db, []govscore.RegistryChange{{Before: c.before, After: c.after}})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, x := range cs {
				scope := x.Edition.Period
				if x.Edition.Scope != "" {
					scope += " " + x.Edition.Scope
				}
				got = append(got, scope+": "+x.What.EN)
			}
			if strings.Join(got, "; ") != c.want {
				t.Errorf("conflicts = %q\nwant        %q", strings.Join(got, "; "), c.want)
			}
		})
	}
}

// TestGuardRefusesThenForces: depts import with the guard refuses a rename in a published
// period and writes nothing; with force it applies it, audits it, and the edition keeps the
// old name.
func TestGuardRefusesThenForces(t *testing.T) {
	ctx := context.Background()
	db := city(t)
	publish(t, db, "", 1)
	list := []byte("部门代码,部门名称,分组\nFGW,发展改革委,市级部门\n")
	snap := testutil.Snapshot(t, db)
	_, err := ingest.DepartmentsBytes(ctx, db, "rename.csv", list, ingest.Options{Guard: editions.Guard(false, "张三", editions.Options{Now: clockAt(3)})})
	if govscore.ErrorCode(err) != govscore.ECONFLICT || !strings.Contains(locale.Message(err, locale.ZH), "2014-11 第 1 版:FGW 更名:发展和改革委员会 → 发展改革委") {
		t.Fatalf("err = %v", locale.Message(err, locale.ZH))
	}
	if testutil.Snapshot(t, db) != snap {
		t.Fatal("a refused registry change wrote to the database")
	}
	_, err = ingest.DepartmentsBytes(ctx, db, "rename.csv", list, ingest.Options{Guard: editions.Guard(true, "张三", editions.Options{Now: clockAt(3)})})
	if err != nil {
		t.Fatal(err)
	}
	e, _ := audit.List(ctx, db, audit.Filter{Action: "depts.force"})
	if len(e) != 1 || e[0].Actor != "张三" || !strings.Contains(e[0].Before, `"name":"发展和改革委员会"`) || !strings.Contains(e[0].After, `"name":"发展改革委"`) {
		t.Errorf("audit = %+v", e)
	}
	_, s, _ := editions.Ranking(ctx, db, "2014-11", "市级部门", 1)
	if len(s) == 0 || s[0].DeptCode != "FGW" || s[0].DeptName != "发展和改革委员会" {
		t.Errorf("edition 1 = %+v, want FGW under the name it was published with", s)
	}
}

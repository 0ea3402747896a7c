package period

import "testing"

func TestParse(t *testing.T) {
	cases := []struct{ in, want string }{
		{"2014-11", "2014-11"}, {"2014/11", "2014-11"}, {"2014年11月", "2014-11"}, {"2014年1月", "2014-01"},
		{"2014.3", "2014-03"}, {"201411", "2014-11"}, {" 2014-11 ", "2014-11"}, {"2014年11月份", "2014-11"},
		{"2020-Q1", "2020-Q1"}, {"Q1 2020", "2020-Q1"}, {"2020Q3", "2020-Q3"}, {"2020年第二季度", "2020-Q2"},
		{"2020", "2020"}, {"2020年", "2020"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			p, err := Parse(c.in)
			if err != nil || p.String() != c.want {
				t.Fatalf("Parse(%q) = %v, %v; want %s", c.in, p, err, c.want)
			}
		})
	}
	for _, bad := range []string{"", "2014-13", "2014-00", "Nov 2014", "14-11", "2020-Q5", "abc"} {
		if p, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) = %v, want an error", bad, p)
		}
	}
}

func TestArithmetic(t *testing.T) {
	if got := MustParse("2014-01").Prev().String(); got != "2013-12" {
		t.Errorf("Prev of 2014-01 = %s", got)
	}
	if got := MustParse("2020-Q4").Add(1).String(); got != "2021-Q1" {
		t.Errorf("Q4+1 = %s", got)
	}
	if got := MustParse("2020-Q2").Months(); len(got) != 3 || got[0].String() != "2020-04" || got[2].String() != "2020-06" {
		t.Errorf("Q2 months = %v", got)
	}
	p, err := FromExcelSerial(41944) // 2014-11-01
	if err != nil || p.String() != "2014-11" {
		t.Errorf("FromExcelSerial(41944) = %v, %v", p, err)
	}
}

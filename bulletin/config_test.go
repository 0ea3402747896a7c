package bulletin_test

import (
	"strings"
	"testing"

	"github.com/govscore/govscore/bulletin"
	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/testutil"
)

func TestConfig(t *testing.T) {
	for _, c := range []struct{ name, file string }{
		{"a section of govscore.yaml", "db: x.duckdb\naddr: 127.0.0.1:8080\nbulletin:\n  issuer: 广元市人民政府办公室\n  number: 广府办通〔{year}〕{month}号\n  recipients: 各县区人民政府,市级各部门\n  date: 2014-12-08\n  requirements: [抓好整改。]\n  cc: 市委办公室\n"},
		{"a file of its own", "issuer: 广元市人民政府办公室\nnumber: 广府办通〔{year}〕{month}号\nrecipients: 各县区人民政府,市级各部门\ndate: 2014-12-08\nrequirements: [抓好整改。]\ncc: 市委办公室\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := bulletin.LoadConfig(testutil.File(t, "govscore.yaml", c.file))
			if err != nil {
				t.Fatal(err)
			}
			doc := compose(t, "2014-11", cfg, locale.ZH, nil)
			if doc.Issuer != "广元市人民政府办公室" || doc.Number != "广府办通〔2014〕11号" || doc.Recipients != "各县区人民政府,市级各部门:" ||
				doc.Date != "2014年12月8日" || doc.Signature != "广元市人民政府办公室" || doc.CC != "抄送:市委办公室" {
				t.Errorf("doc = %q %q %q %q %q %q", doc.Issuer, doc.Number, doc.Recipients, doc.Date, doc.Signature, doc.CC)
			}
			last := doc.Body[len(doc.Body)-1]
			if last.Text != "(一)抓好整改。" {
				t.Errorf("requirements end with %q", last.Text)
			}
		})
	}
	_, err := bulletin.LoadConfig(testutil.File(t, "b.yaml", "bulletin:\n  isuer: 某办\n"))
	if err == nil || !strings.Contains(locale.Message(err, locale.ZH), "isuer") || !strings.Contains(locale.Message(err, locale.ZH), "issuer") {
		t.Errorf("a misspelt key: %v, want it named with the keys there are", err)
	}
	if _, err := bulletin.Compose(bulletin.Data{}, bulletin.Config{Date: "2014/12/8"}, day, locale.ZH); err == nil {
		t.Error("a bad date is accepted")
	}
}

// TestDefaults: no configuration at all still makes a whole document, dated by the clock given.
func TestDefaults(t *testing.T) {
	doc := compose(t, "2014-11", bulletin.Config{}, locale.ZH, nil)
	if doc.Title != "关于2014年11月政务公开工作考核情况的通报" || doc.Date != "2014年12月5日" || doc.Number != "" || doc.Issuer == "" {
		t.Errorf("defaults: %q %q %q %q", doc.Title, doc.Date, doc.Number, doc.Issuer)
	}
}

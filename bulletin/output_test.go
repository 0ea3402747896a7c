package bulletin_test

import (
	"archive/zip"
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/browser"
	"github.com/govscore/govscore/bulletin"
	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/testutil"
)

func compose(t *testing.T, month string, c bulletin.Config, l locale.Lang, edit func(*bulletin.Data)) bulletin.Doc {
	t.Helper()
	data, err := bulletin.Load(context.Background(), demoDB(t), month, bulletin.Current)
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(&data)
	}
	doc, err := bulletin.Compose(data, c, day, l)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestHTML(t *testing.T) {
	doc := compose(t, "2014-11", bulletin.Config{}, locale.ZH, nil)
	var b bytes.Buffer
	if err := bulletin.HTML(&b, doc); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{"<h1 class=\"title\">关于2014年11月政务公开工作考核情况的通报</h1>", "(当前结果,未发布)", "<thead>", "<svg", "size: A4",
		"counter(page)", "display: table-header-group", "财政局", "2014年12月5日"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(page, "http://") && !strings.Contains(page, `xmlns="http://www.w3.org/2000/svg"`) || strings.Contains(page, "<script") || strings.Contains(page, "<link") {
		t.Error("the page loads something from elsewhere")
	}
}

// TestPDFAndChart prints the bulletin with Chromium and puts the chart into the DOCX as a
// picture Chromium drew.
func TestPDFAndChart(t *testing.T) {
	testutil.Chromium(t)
	b, err := browser.Start(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	doc := compose(t, "2014-06", bulletin.Config{}, locale.ZH, nil)
	var pdf bytes.Buffer
	if err := bulletin.PDF(&pdf, doc, b); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) || bytes.Count(pdf.Bytes(), []byte("/Type /Page\n")) < 3 && bytes.Count(pdf.Bytes(), []byte("/Type /Page")) < 4 {
		t.Errorf("not a PDF of several pages: %d bytes", pdf.Len())
	}
	var d bytes.Buffer
	if err := bulletin.DOCX(&d, doc, b, day); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(d.Bytes()), int64(d.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var png int64
	for _, f := range z.File {
		if f.Name == "word/media/image1.png" {
			png = int64(f.UncompressedSize64)
		}
	}
	if png < 5000 {
		t.Errorf("the chart picture is %d bytes, want a drawn chart", png)
	}
}

func TestEditionAndGroup(t *testing.T) {
	doc := compose(t, "2014-11", bulletin.Config{}, locale.ZH, func(d *bulletin.Data) { d.This.Edition = 2 })
	if doc.Source != "(依据第 2 版发布结果)" {
		t.Errorf("source = %q", doc.Source)
	}
	data, err := bulletin.Load(context.Background(), demoDB(t), "2014-11", bulletin.Current)
	if err != nil {
		t.Fatal(err)
	}
	one, err := data.Only("县区政府")
	if err != nil || len(one.This.Standings) != 20 || len(one.Last.Standings) != 20 {
		t.Fatalf("only 县区政府: %d, %d standings, %v", len(one.This.Standings), len(one.Last.Standings), err)
	}
	if _, err := data.Only("省级部门"); govscore.ErrorCode(err) != govscore.ENOTFOUND || !strings.Contains(locale.Message(err, locale.ZH), "市级部门") {
		t.Errorf("an unknown group: %v, want not found naming the groups", err)
	}
}

func TestEnglish(t *testing.T) {
	doc := compose(t, "2014-06", bulletin.Config{}, locale.EN, nil)
	var text []string
	for _, b := range doc.Body {
		text = append(text, b.Text)
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{"1. Overview", "June 2014", "units were vetoed", "Excellent", "The costliest: "} {
		if !strings.Contains(all+doc.Title, want) {
			t.Errorf("English bulletin lacks %q:\n%s", want, all)
		}
	}
	// names come from the data (groups, departments, deduction items); the sentences are English
	if strings.Contains(all, "个单位") || strings.Contains(all, "分,") || strings.Contains(all, "单项否决") || strings.Contains(all, "较上月") {
		t.Errorf("Chinese words in the English text:\n%s", all)
	}
}

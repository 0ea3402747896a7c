package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"image"
	"image/png"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/govscore/govscore/testutil"
)

func sample(t *testing.T) []byte {
	t.Helper()
	var img bytes.Buffer
	png.Encode(&img, image.NewRGBA(image.Rect(0, 0, 4, 2)))
	d := Document{Title: "关于<通报>", Created: time.Date(2014, 12, 5, 0, 0, 0, 0, time.UTC), Page: A4GB9704, Footer: "— %d —",
		Styles: []Style{{ID: "Normal", Name: "Normal", Font: "仿宋_GB2312", Size: 16, Line: 28.95, FirstIndent: 2},
			{ID: "Heading1", Name: "heading 1", Font: "黑体", Size: 16, Outline: 1}},
		Fonts: []Font{{Name: "仿宋_GB2312", Alt: "仿宋"}, {Name: "黑体"}},
		Body: []Block{
			P("Heading1", "一、总体情况"),
			Paragraph{Runs: []Run{{Text: "A & B <C> \"D\"\n第二行", Bold: true, Color: "#c62828"}}},
			Table{Widths: []float64{20, 60}, Header: 1, Rows: [][]Cell{{{Text: "排名"}, {Text: "部门"}}, {{Text: "1"}, {Text: "经济和信息化局", Fill: "#2e7d32"}}}},
			Picture{PNG: img.Bytes(), Width: 150, Height: 75, Name: "chart"},
		}}
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestReadsBack(t *testing.T) {
	paras, tables := testutil.DOCXText(t, sample(t))
	if len(paras) != 3 || paras[0] != "一、总体情况" || paras[1] != "A & B <C> \"D\"\n第二行" {
		t.Errorf("paragraphs = %q", paras)
	}
	if len(tables) != 1 || len(tables[0]) != 2 || tables[0][1][1] != "经济和信息化局" {
		t.Errorf("tables = %q", tables)
	}
}

// TestPackage checks what a word processor needs: every part well-formed XML, every
// relationship's target present and typed, the page A4 with GB/T 9704 margins, a page number
// field in the footer and the header row repeated.
func TestPackage(t *testing.T) {
	content := sample(t)
	z, err := zip.NewReader(bytes.NewReader(content), int64(len(content)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range z.File {
		r, _ := f.Open()
		b, _ := io.ReadAll(r)
		r.Close()
		parts[f.Name] = string(b)
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			if err := wellFormed(b); err != nil {
				t.Errorf("%s: %v", f.Name, err)
			}
		}
	}
	for _, m := range regexp.MustCompile(`Target="([^"]+)"`).FindAllStringSubmatch(parts["word/_rels/document.xml.rels"], -1) {
		if _, ok := parts["word/"+m[1]]; !ok {
			t.Errorf("relationship target word/%s is missing", m[1])
		}
	}
	doc := parts["word/document.xml"]
	for _, want := range []string{`<w:pgSz w:w="11906" w:h="16838"/>`, `w:top="2098"`, `w:left="1587"`, `<w:tblHeader/>`, `r:embed="rImage1"`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if !strings.Contains(parts["word/footer1.xml"], "PAGE") || !strings.Contains(parts["[Content_Types].xml"], `Extension="png"`) {
		t.Error("no page number field in the footer, or PNG not typed")
	}
	if !strings.Contains(parts["word/fontTable.xml"], `<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>`) {
		t.Error("fontTable lacks 仿宋_GB2312's fallback")
	}
	if !strings.Contains(parts["word/styles.xml"], `w:eastAsia="黑体"`) || !strings.Contains(parts["word/styles.xml"], `<w:outlineLvl w:val="0"/>`) {
		t.Error("styles lack the heading's font or outline level")
	}
}

func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := d.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

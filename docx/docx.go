// Package docx writes small Word documents (WordprocessingML, ECMA-376) that Word, WPS and
// LibreOffice open and a clerk can edit: named paragraph styles with fonts by name, real
// tables with repeated header rows, PNG pictures, A4 pages with the page number in the footer.
// It writes the dozen parts a document needs with archive/zip and escapes text with
// encoding/xml; it reads nothing. (github.com/ubavic/godocx was the library meant for this, but
// the module proxy refuses it here.)
package docx

import (
	"archive/zip"
	"fmt"
	"io"
	"time"
)

// Document is what to write.
type Document struct {
	Title   string    // the file's title property
	Author  string    // its author property
	Created time.Time // its creation time property
	Styles  []Style   // paragraph styles; the first is the default (Normal)
	Fonts   []Font    // every font the styles name, with the font to use where it is missing
	Page    Page
	Footer  string // the footer around the page number: "— %d —" writes the number where %d is
	Body    []Block
}

// Style is a paragraph style.
type Style struct {
	ID, Name    string
	Font        string  // East Asian font, e.g. 仿宋_GB2312
	Latin       string  // font of Latin letters and digits; empty: the same as Font
	Size        float64 // points
	Bold        bool
	Color       string  // RRGGBB; empty: automatic
	Align       string  // left, center, right, both
	FirstIndent float64 // first-line indent in characters (2 for Chinese body text)
	Line        float64 // exact line height in points; 0: single
	Before      float64 // space before, points
	After       float64 // space after, points
	Outline     int     // 1, 2 …: a heading of that level (navigation pane, table of contents); 0: body
}

// Font is a font the document names and the one a reader should use where it is missing
// (fontTable's altName: 仿宋_GB2312 → 仿宋).
type Font struct{ Name, Alt string }

// Page is the paper and its margins, in millimetres.
type Page struct {
	Width, Height            float64
	Top, Bottom, Left, Right float64
	FooterFrom               float64 // from the paper's bottom edge to the footer
}

// A4GB9704 is A4 with GB/T 9704's type area: 156 × 225 mm, top margin 37 mm, binding margin 28 mm.
var A4GB9704 = Page{Width: 210, Height: 297, Top: 37, Bottom: 35, Left: 28, Right: 26, FooterFrom: 25}

// Block is a paragraph, a table or a picture.
type Block interface{ xml(*writer) }

// Write writes d as a .docx file.
func Write(w io.Writer, d Document) error {
	z := zip.NewWriter(w)
	bw := &writer{}
	for _, b := range d.Body {
		b.xml(bw)
	}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes(bw.images)},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", core(d)},
		{"word/document.xml", document(bw.String(), d.Page)},
		{"word/_rels/document.xml.rels", documentRels(bw.images)},
		{"word/styles.xml", styles(d.Styles)},
		{"word/fontTable.xml", fontTable(d.Fonts)},
		{"word/settings.xml", settings},
		{"word/footer1.xml", footer(d.Footer, d.Styles)},
	}
	for _, p := range parts {
		if err := put(z, p.name, []byte(p.body)); err != nil {
			return err
		}
	}
	for i, img := range bw.images {
		if err := put(z, fmt.Sprintf("word/media/image%d.png", i+1), img); err != nil {
			return err
		}
	}
	return z.Close()
}

func put(z *zip.Writer, name string, body []byte) error {
	f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		return err
	}
	_, err = f.Write(body)
	return err
}

package testutil

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// DOCXText reads a .docx back as a reader sees it: the text of each paragraph outside tables,
// and each table as rows of cell texts (a cell's paragraphs joined by newlines; a line break
// inside a paragraph is a newline too).
func DOCXText(tb testing.TB, content []byte) (paragraphs []string, tables [][][]string) {
	tb.Helper()
	z, err := zip.NewReader(bytes.NewReader(content), int64(len(content)))
	if err != nil {
		tb.Fatalf("not a zip: %v", err)
	}
	f, err := z.Open("word/document.xml")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r := &docxReader{}
	if err := r.read(xml.NewDecoder(f)); err != nil {
		tb.Fatalf("word/document.xml: %v", err)
	}
	return r.paragraphs, r.tables
}

type docxReader struct {
	paragraphs []string
	tables     [][][]string
	depth      int // table nesting
	para       strings.Builder
	cell       []string
}

func (r *docxReader) read(d *xml.Decoder) error {
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			r.start(t.Name.Local)
		case xml.EndElement:
			r.end(t.Name.Local)
		case xml.CharData:
			r.para.Write(t)
		}
	}
}

func (r *docxReader) start(name string) {
	switch name {
	case "tbl":
		r.depth++
		r.tables = append(r.tables, nil)
	case "tr":
		t := &r.tables[len(r.tables)-1]
		*t = append(*t, nil)
	case "tc":
		r.cell = nil
	case "br":
		r.para.WriteString("\n")
	case "p", "instrText":
		r.para.Reset()
	}
}

func (r *docxReader) end(name string) {
	switch name {
	case "tbl":
		r.depth--
	case "tc":
		t := r.tables[len(r.tables)-1]
		t[len(t)-1] = append(t[len(t)-1], strings.Join(r.cell, "\n"))
	case "instrText":
		r.para.Reset()
	case "p":
		if r.depth > 0 {
			r.cell = append(r.cell, r.para.String())
		} else {
			r.paragraphs = append(r.paragraphs, r.para.String())
		}
		r.para.Reset()
	}
}

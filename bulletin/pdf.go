package bulletin

import (
	"bytes"
	"io"
)

// Printer prints an HTML page to PDF (a *browser.Browser does).
type Printer interface {
	PDF(html []byte) ([]byte, error)
}

// PDF writes the bulletin's HTML page printed to PDF: A4, the page's own margins and page
// numbers.
func PDF(w io.Writer, doc Doc, p Printer) error {
	var page bytes.Buffer
	if err := HTML(&page, doc); err != nil {
		return err
	}
	pdf, err := p.PDF(page.Bytes())
	if err != nil {
		return err
	}
	_, err = w.Write(pdf)
	return err
}

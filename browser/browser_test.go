package browser

import (
	"bytes"
	"context"
	"image/png"
	"testing"

	"github.com/govscore/govscore/testutil"
)

const doc = `<!doctype html><html><head><meta charset="utf-8"><style>@page{size:A4;margin:20mm} #box{width:200px;height:100px;background:#2e7d32}</style></head>
<body><h1>通报</h1><div id="box">优秀</div></body></html>`

// TestPrint prints a page to PDF and renders an element to PNG with the installed Chromium.
func TestPrint(t *testing.T) {
	testutil.Chromium(t)
	b, err := Start(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	pdf, err := b.PDF([]byte(doc))
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf, []byte("MediaBox [0 0 594.9")) {
		t.Errorf("PDF: %v, %.40q (want an A4 page, 594.96 points wide)", err, pdf)
	}
	pic, err := b.PNG([]byte(doc), "#box", 2)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(pic))
	if err != nil {
		t.Fatal(err)
	}
	if size := img.Bounds().Size(); size.X != 400 || size.Y != 200 {
		t.Errorf("PNG is %v, want the 200×100 element at scale 2", size)
	}
}

// TestNoChromium: without Chromium, Start says what to install, in both languages.
func TestNoChromium(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := Start(context.Background())
	if err != ErrNoChromium {
		t.Fatalf("err = %v, want ErrNoChromium", err)
	}
	if msg := ErrNoChromium.Msg; !bytes.Contains([]byte(msg.ZH), []byte("apt-get install chromium fonts-noto-cjk")) || !bytes.Contains([]byte(msg.EN), []byte("apt-get install chromium fonts-noto-cjk")) {
		t.Errorf("message %+v does not say what to install", msg)
	}
}

package docx

import (
	"fmt"
	"strings"
)

const (
	nsW   = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	nsR   = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	nsWP  = `xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"`
	xmlPI = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	rels  = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
)

func contentTypes(images [][]byte) string {
	var b strings.Builder
	b.WriteString(xmlPI + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>`)
	if len(images) > 0 {
		b.WriteString(`<Default Extension="png" ContentType="image/png"/>`)
	}
	for _, p := range []struct{ part, typ string }{
		{"/word/document.xml", "wordprocessingml.document.main"}, {"/word/styles.xml", "wordprocessingml.styles"},
		{"/word/fontTable.xml", "wordprocessingml.fontTable"}, {"/word/settings.xml", "wordprocessingml.settings"},
		{"/word/footer1.xml", "wordprocessingml.footer"},
	} {
		fmt.Fprintf(&b, `<Override PartName="%s" ContentType="application/vnd.openxmlformats-officedocument.%s+xml"/>`, p.part, p.typ)
	}
	b.WriteString(`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`)
	return b.String()
}

const rootRels = xmlPI + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="` + rels + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

func documentRels(images [][]byte) string {
	var b strings.Builder
	b.WriteString(xmlPI + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rStyles" Type="` + rels + `styles" Target="styles.xml"/>` +
		`<Relationship Id="rFonts" Type="` + rels + `fontTable" Target="fontTable.xml"/>` +
		`<Relationship Id="rSettings" Type="` + rels + `settings" Target="settings.xml"/>` +
		`<Relationship Id="rFooter" Type="` + rels + `footer" Target="footer1.xml"/>`)
	for i := range images {
		fmt.Fprintf(&b, `<Relationship Id="rImage%d" Type="`+rels+`image" Target="media/image%d.png"/>`, i+1, i+1)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

func core(d Document) string {
	return xmlPI + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + attr(d.Title) + `</dc:title><dc:creator>` + attr(d.Author) + `</dc:creator>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + d.Created.UTC().Format("2006-01-02T15:04:05Z") + `</dcterms:created></cp:coreProperties>`
}

// document wraps the body with the section: paper, margins and the footer.
func document(body string, p Page) string {
	return xmlPI + `<w:document ` + nsW + ` ` + nsR + ` ` + nsWP + `><w:body>` + body +
		fmt.Sprintf(`<w:sectPr><w:footerReference w:type="default" r:id="rFooter"/><w:pgSz w:w="%d" w:h="%d"/>`+
			`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="%d" w:gutter="0"/>`+
			`</w:sectPr>`,
			twips(p.Width), twips(p.Height), twips(p.Top), twips(p.Right), twips(p.Bottom), twips(p.Left), twips(p.FooterFrom)) +
		`</w:body></w:document>`
}

const settings = xmlPI + `<w:settings ` + nsW + `><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

// footer is the page number between the footer text's halves ("— %d —" → — 3 —), centred, in
// the default style's Latin font.
func footer(text string, styles []Style) string {
	before, after, _ := strings.Cut(text, "%d")
	run := func(s string) string {
		if s == "" {
			return ""
		}
		return `<w:r><w:t xml:space="preserve">` + attr(s) + `</w:t></w:r>`
	}
	return xmlPI + `<w:ftr ` + nsW + ` ` + nsR + `><w:p><w:pPr><w:jc w:val="center"/><w:ind w:firstLine="0"/><w:spacing w:line="240" w:lineRule="auto"/>` +
		`<w:rPr><w:sz w:val="28"/></w:rPr></w:pPr>` + run(before) +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		run(after) + `</w:p></w:ftr>`
}

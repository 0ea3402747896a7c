package docx

import (
	"fmt"
	"strings"
)

// styles writes styles.xml: the first style is the default paragraph style (Normal); the
// others are based on it.
func styles(list []Style) string {
	var b strings.Builder
	b.WriteString(xmlPI + `<w:styles ` + nsW + `>`)
	for i, s := range list {
		def := ""
		if i == 0 {
			def = ` w:default="1"`
		}
		fmt.Fprintf(&b, `<w:style w:type="paragraph"%s w:styleId="%s"><w:name w:val="%s"/>`, def, attr(s.ID), attr(s.Name))
		if i > 0 {
			fmt.Fprintf(&b, `<w:basedOn w:val="%s"/>`, attr(list[0].ID))
		}
		b.WriteString(`<w:qFormat/>`)
		b.WriteString(paragraphProps(s))
		b.WriteString(runProps(s))
		b.WriteString(`</w:style>`)
	}
	b.WriteString(`</w:styles>`)
	return b.String()
}

func paragraphProps(s Style) string {
	var b strings.Builder
	b.WriteString("<w:pPr>")
	if s.Outline > 0 {
		b.WriteString("<w:keepNext/>")
	}
	line := `w:line="240" w:lineRule="auto"`
	if s.Line > 0 {
		line = fmt.Sprintf(`w:line="%d" w:lineRule="exact"`, int(s.Line*20+0.5))
	}
	fmt.Fprintf(&b, `<w:spacing w:before="%d" w:after="%d" %s/>`, int(s.Before*20), int(s.After*20), line)
	fmt.Fprintf(&b, `<w:ind w:firstLineChars="%d" w:firstLine="%d"/>`, int(s.FirstIndent*100), int(s.FirstIndent*s.Size*20))
	if s.Align != "" {
		fmt.Fprintf(&b, `<w:jc w:val="%s"/>`, attr(s.Align))
	}
	if s.Outline > 0 {
		fmt.Fprintf(&b, `<w:outlineLvl w:val="%d"/>`, s.Outline-1)
	}
	b.WriteString("</w:pPr>")
	return b.String()
}

func runProps(s Style) string {
	var b strings.Builder
	b.WriteString("<w:rPr>")
	latin := s.Latin
	if latin == "" {
		latin = s.Font
	}
	fmt.Fprintf(&b, `<w:rFonts w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s" w:cs="%s"/>`, attr(latin), attr(latin), attr(s.Font), attr(latin))
	if s.Bold {
		b.WriteString("<w:b/><w:bCs/>")
	}
	if s.Color != "" {
		fmt.Fprintf(&b, `<w:color w:val="%s"/>`, attr(trimHash(s.Color)))
	}
	fmt.Fprintf(&b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>`, halfPoints(s.Size), halfPoints(s.Size))
	b.WriteString("</w:rPr>")
	return b.String()
}

// fontTable names each font and the one to use where it is missing: Word and WPS take the
// altName; LibreOffice finds its own replacement by the same name.
func fontTable(fonts []Font) string {
	var b strings.Builder
	b.WriteString(xmlPI + `<w:fonts ` + nsW + `>`)
	for _, f := range fonts {
		fmt.Fprintf(&b, `<w:font w:name="%s">`, attr(f.Name))
		if f.Alt != "" {
			fmt.Fprintf(&b, `<w:altName w:val="%s"/>`, attr(f.Alt))
		}
		b.WriteString(`<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`)
	}
	b.WriteString(`</w:fonts>`)
	return b.String()
}

package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// table is one sheet of an input file: a header and an iterator over data rows.
type table struct {
	file     string // the name shown in messages
	sha256   string
	sheet    string // empty for CSV
	kind     string // csv or xlsx
	header   []string
	text     []byte                   // CSV only: the content as UTF-8, without a BOM
	delim    rune                     // CSV only: the delimiter
	rowsHint int                      // about how many rows the file has (its line count), to size maps
	next     func() ([]string, error) // io.EOF after the last row
	close    func()
}

var xlsxMagic = []byte("PK\x03\x04")

// readTable opens content as CSV (UTF-8, UTF-8 with BOM, GBK/GB18030) or XLSX (first sheet with data).
func readTable(name string, content []byte) (*table, error) {
	sum := sha256.Sum256(content)
	t := &table{file: name, sha256: hex.EncodeToString(sum[:]), close: func() {}}
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case len(bytes.TrimSpace(content)) == 0:
		return nil, rejectT(name, 0, "", "文件为空:应有表头行和数据行", "the file is empty: expected a header row and data rows")
	case bytes.HasPrefix(content, xlsxMagic) || ext == ".xlsx":
		return t, t.openXLSX(content)
	case ext == ".csv" || ext == ".txt" || ext == "":
		return t, t.openCSV(content)
	}
	return nil, rejectT(name, 0, "", "不是 CSV 或 XLSX 文件(扩展名 %q);请在 Excel 中另存为 .xlsx 或 .csv", "not a CSV or XLSX file (extension %q); save it from Excel as .xlsx or .csv", ext)
}

func (t *table) openCSV(content []byte) error {
	t.kind = "csv"
	if bytes.IndexByte(content, 0) >= 0 {
		return rejectT(t.file, 0, "", "二进制内容:应为 CSV 文本文件(UTF-8 或 GBK)或 .xlsx 工作簿", "binary content: expected a CSV text file (UTF-8 or GBK) or an .xlsx workbook")
	}
	content = bytes.TrimPrefix(content, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(content) {
		decoded, err := simplifiedchinese.GB18030.NewDecoder().Bytes(content)
		if err != nil {
			return reject(t.file, 0, "", "neither UTF-8 nor GBK text: %v", err)
		}
		content = decoded
	}
	t.rowsHint = bytes.Count(content, []byte{'\n'})
	t.text, t.delim = content, sniffDelimiter(content)
	r := csv.NewReader(bytes.NewReader(content))
	r.Comma = t.delim
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	line := 1
	t.next = func() ([]string, error) {
		rec, err := r.Read()
		line++
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			return nil, rejectT(t.file, perr.Line, "", "CSV 格式错误:%v", "malformed CSV: %v", perr.Err)
		}
		return rec, err
	}
	return t.readHeader()
}

// sniffDelimiter picks tab or semicolon when the first line has them and no comma.
func sniffDelimiter(content []byte) rune {
	first := content
	if i := bytes.IndexByte(content, '\n'); i >= 0 {
		first = content[:i]
	}
	for _, d := range []rune{',', '\t', ';'} {
		if bytes.ContainsRune(first, d) {
			return d
		}
	}
	return ','
}

func (t *table) openXLSX(content []byte) error {
	t.kind = "xlsx"
	f, err := excelize.OpenReader(bytes.NewReader(content), excelize.Options{RawCellValue: true})
	if err != nil {
		return rejectT(t.file, 0, "", "无法读取的 XLSX 工作簿:%v", "not a readable XLSX workbook: %v", err)
	}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.Rows(sheet)
		if err != nil {
			f.Close()
			return reject(t.file, 0, "", "sheet %q: %v", sheet, err)
		}
		t.sheet = sheet
		t.next = func() ([]string, error) {
			if !rows.Next() {
				if err := rows.Error(); err != nil {
					return nil, err
				}
				return nil, io.EOF
			}
			return rows.Columns(excelize.Options{RawCellValue: true})
		}
		t.close = func() { rows.Close(); f.Close() }
		if err := t.readHeader(); err == nil || !isEmptyTable(err) {
			return err
		}
		rows.Close()
	}
	f.Close()
	return rejectT(t.file, 0, "", "工作簿中没有含数据的工作表:应有表头行和数据行", "the workbook has no sheet with data: expected a header row and data rows")
}

var errNoHeader = errors.New("no header")

func isEmptyTable(err error) bool {
	var rerr *RejectedError
	return errors.As(err, &rerr) && strings.Contains(rerr.Problems[0].Msg, "empty")
}

// readHeader reads the first non-blank row as the header.
func (t *table) readHeader() error {
	for {
		rec, err := t.next()
		if err == io.EOF {
			return rejectT(t.file, 0, "", "文件为空:应有表头行和数据行", "the file is empty: expected a header row and data rows")
		}
		if err != nil {
			return err
		}
		if blank(rec) {
			continue
		}
		for i, h := range rec {
			rec[i] = cleanHeader(h)
		}
		t.header = rec
		return nil
	}
}

// cleanHeader trims what spreadsheets leave around a header: spaces, a BOM, newlines.
func cleanHeader(h string) string {
	h = strings.TrimPrefix(h, "\ufeff")
	h = strings.Join(strings.Fields(h), " ")
	return strings.TrimSpace(h)
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// rows calls fn for each non-blank data row with its 1-based row number (header = row 1 for
// CSV; the sheet row for XLSX is counted the same way, blank rows included).
func (t *table) rows(fn func(row int, rec []string) error) error {
	row := 1
	for {
		rec, err := t.next()
		row++
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: read row %d: %w", t.file, row, err)
		}
		if blank(rec) {
			continue
		}
		if err := fn(row, rec); err != nil {
			return err
		}
	}
}

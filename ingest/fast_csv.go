package ingest

import (
	"bufio"
	"bytes"
	"os"
	"slices"
	"strconv"
	"strings"
)

// plainCSV reports whether t is CSV that DuckDB splits into the same rows and cells as
// encoding/csv: no quotes (so every non-empty line is one record), carriage returns only in
// line breaks, and the header on the first non-empty line.
func plainCSV(t *table) bool {
	if t.kind != "csv" || t.text == nil || bytes.IndexByte(t.text, '"') >= 0 {
		return false
	}
	if cr := bytes.Count(t.text, []byte{'\r'}); cr > 0 && cr != bytes.Count(t.text, []byte("\r\n")) {
		return false
	}
	first := t.text
	for len(first) > 0 && (first[0] == '\n' || first[0] == '\r') {
		first = first[1:]
	}
	if i := bytes.IndexByte(first, '\n'); i >= 0 {
		first = first[:i]
	}
	cells := strings.Split(strings.TrimSuffix(string(first), "\r"), string(t.delim))
	for i := range cells {
		cells[i] = cleanHeader(cells[i])
	}
	return slices.Equal(cells, t.header)
}

// numberedCopy writes t's text to a temporary file in dir with each record's row number (header = 1,
// empty lines skipped, as encoding/csv counts them) as a first column, and returns its path and
// whether some data row gives no department code (column code; -1: the file has none).
func numberedCopy(t *table, code int, dir string) (path string, codeless bool, err error) {
	f, err := os.CreateTemp(dir, "ingest-*.csv")
	if err != nil {
		return "", false, err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	num := make([]byte, 0, 16)
	row := 0
	for rest := t.text; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		line = bytes.TrimSuffix(line, []byte{'\r'})
		if len(line) == 0 {
			continue
		}
		row++
		codeless = codeless || row > 1 && len(bytes.TrimSpace(field(line, code, byte(t.delim)))) == 0
		num = append(strconv.AppendInt(num[:0], int64(row), 10), byte(t.delim))
		w.Write(num)
		w.Write(line)
		w.WriteByte('\n')
	}
	err = w.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", false, err
	}
	return f.Name(), codeless, nil
}

// field is cell i of an unquoted line; empty when i < 0 or the line is shorter.
func field(line []byte, i int, delim byte) []byte {
	if i < 0 {
		return nil
	}
	for ; i > 0; i-- {
		j := bytes.IndexByte(line, delim)
		if j < 0 {
			return nil
		}
		line = line[j+1:]
	}
	if j := bytes.IndexByte(line, delim); j >= 0 {
		return line[:j]
	}
	return line
}

package jobs

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"path"
	"sort"
	"strings"
)

// asTable turns a JSON file (an array of row objects, or an object holding one under "rows" or
// "data") into CSV that ingest reads; other files pass through. Row N of the CSV is object N-1.
func asTable(name string, content []byte) (string, []byte, error) {
	if strings.ToLower(path.Ext(name)) != ".json" {
		return name, content, nil
	}
	rows, err := jsonRows(content)
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", name, err)
	}
	keys := map[string]bool{}
	for _, r := range rows {
		for k := range r {
			keys[k] = true
		}
	}
	header := make([]string, 0, len(keys))
	for k := range keys {
		header = append(header, k)
	}
	sort.Strings(header)
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(header)
	for _, r := range rows {
		rec := make([]string, len(header))
		for i, k := range header {
			rec[i] = jsonCell(r[k])
		}
		w.Write(rec)
	}
	w.Flush()
	return name + ".csv", b.Bytes(), w.Error()
}

func jsonRows(content []byte) ([]map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(content))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("not valid JSON: %w", err)
	}
	if obj, ok := v.(map[string]any); ok {
		if inner, ok := obj["rows"]; ok {
			v = inner
		} else if inner, ok := obj["data"]; ok {
			v = inner
		}
	}
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("expected an array of row objects (or {\"rows\": [...]})")
	}
	out := make([]map[string]any, len(list))
	for i, item := range list {
		m, ok := item.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("item %d is not an object", i+1)
		}
		out[i] = m
	}
	return out, nil
}

func jsonCell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	}
	return fmt.Sprint(v)
}

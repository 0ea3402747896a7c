// Package manifest records which files govscore wrote into a folder, so that `serve` answers
// with those files and nothing else: not a symlink, dotfile or stray file that someone (or
// some other program) put into the site folder later.
//
// The writer writes each file whole (a temporary dotfile renamed into place, so a page being
// re-rendered is never served half-written) and, last, the manifest itself the same way: a
// reader sees either the previous render's list or the new one.
package manifest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Name is the manifest's file name in the folder. It starts with a dot, so it is never served.
const Name = ".govscore-files.json"

// File is one written file: its slash-separated path below the folder, size and SHA-256.
type File struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// list is the manifest file's content.
type list struct {
	Files []File `json:"files"`
}

// Valid says whether name may be listed and served: relative, slash-separated, with no empty,
// "." or ".." segment, no segment starting with a dot (dotfiles, .git, .env), and no backslash
// or NUL byte.
func Valid(name string) bool {
	if name == "" || strings.ContainsAny(name, "\\\x00") {
		return false
	}
	for _, seg := range strings.Split(name, "/") {
		if seg == "" || strings.HasPrefix(seg, ".") {
			return false
		}
	}
	return true
}

// Read returns the files listed in dir's manifest, by path; an error when there is none. A
// listed path that is not Valid is left out.
func Read(dir string) (map[string]File, error) {
	b, err := os.ReadFile(filepath.Join(dir, Name))
	if err != nil {
		return nil, err
	}
	var l list
	if err := json.Unmarshal(b, &l); err != nil {
		return nil, fmt.Errorf("manifest %s: %w", filepath.Join(dir, Name), err)
	}
	files := make(map[string]File, len(l.Files))
	for _, f := range l.Files {
		if Valid(f.Path) {
			files[f.Path] = f
		}
	}
	return files, nil
}

// Writer writes files into a folder and records them; Close writes the manifest.
type Writer struct {
	dir   string
	files map[string]File
}

// NewWriter is a Writer into dir, which it creates if needed.
func NewWriter(dir string) (*Writer, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return &Writer{dir: dir, files: map[string]File{}}, nil
}

// WriteFile writes b to name (slash-separated, below the folder) whole, and records it.
func (w *Writer) WriteFile(name string, b []byte) error {
	if !Valid(name) {
		return fmt.Errorf("manifest: %q is not a plain relative path", name)
	}
	path := filepath.Join(w.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := writeAtomic(path, b); err != nil {
		return err
	}
	sum := sha256.Sum256(b)
	w.files[name] = File{Path: name, Size: int64(len(b)), SHA256: hex.EncodeToString(sum[:])}
	return nil
}

// Close writes the manifest: every file written, sorted by path (so the same files give the
// same manifest, byte for byte).
func (w *Writer) Close() error {
	l := list{Files: make([]File, 0, len(w.files))}
	for _, f := range w.files {
		l.Files = append(l.Files, f)
	}
	sort.Slice(l.Files, func(i, j int) bool { return l.Files[i].Path < l.Files[j].Path })
	b, err := json.MarshalIndent(l, "", " ")
	if err != nil {
		return err
	}
	return writeAtomic(filepath.Join(w.dir, Name), append(b, '\n'))
}

// writeAtomic writes path through a temporary dotfile beside it, renamed into place. The
// temporary file is created new (O_EXCL), so a symlink planted under its name is never
// followed, and the rename replaces a symlink at path instead of writing through it.
func writeAtomic(path string, b []byte) error {
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp")
	os.Remove(tmp)
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

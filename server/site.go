package server

import (
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/govscore/govscore/manifest"
)

// siteFiles is the list of files the dashboards writer wrote into the site folder (its
// manifest), read again whenever the manifest is another file (the render job swaps in a
// whole new folder) or changed.
type siteFiles struct {
	dir   string
	mu    sync.Mutex
	read  fs.FileInfo // the manifest as it was when read
	files map[string]manifest.File
}

// list is the current manifest's files; nil when the site has not been rendered.
func (s *siteFiles) list() map[string]manifest.File {
	fi, err := os.Stat(filepath.Join(s.dir, manifest.Name))
	if err != nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.read == nil || !os.SameFile(fi, s.read) || fi.Size() != s.read.Size() || !fi.ModTime().Equal(s.read.ModTime()) {
		files, err := manifest.Read(s.dir)
		if err != nil {
			return nil
		}
		s.files, s.read = files, fi
	}
	return s.files
}

// site serves the rendered dashboards: a file listed in the manifest, and a regular file at
// every step of its path, nothing else (no listing, no symlink, nothing outside the folder).
// Before the first render, / is a page saying so.
func (s *server) site(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/")
	if name == "" {
		name = "index.html"
	}
	files := s.files.list()
	if _, ok := files["index.html"]; !ok && r.URL.Path == "/" {
		s.placeholder(w)
		return
	}
	if _, ok := files[name]; !ok || !manifest.Valid(name) {
		s.notFound(w)
		return
	}
	f, modTime, err := openRegular(s.opts.Site, name)
	if err != nil {
		s.notFound(w)
		return
	}
	defer f.Close()
	w.Header().Set("Cache-Control", "no-cache") // re-rendered in place: revalidate each time
	http.ServeContent(w, r, name, modTime, f)
}

// errNotRegular refuses a path with a symlink, a device or anything but directories and a
// regular file along it.
var errNotRegular = errors.New("not a regular file")

// openRegular opens dir/name, where name is slash-separated, only if every directory on the
// way is a directory and name a regular file, none of them a symlink (Lstat), and the file
// opened is the one checked. os.Root keeps even a race with a symlink swapped in inside dir.
func openRegular(dir, name string) (*os.File, time.Time, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer root.Close()
	segs := strings.Split(name, "/")
	var last fs.FileInfo
	for i := range segs {
		if last, err = root.Lstat(strings.Join(segs[:i+1], "/")); err != nil {
			return nil, time.Time{}, err
		}
		if i < len(segs)-1 && !last.IsDir() || i == len(segs)-1 && !last.Mode().IsRegular() {
			return nil, time.Time{}, errNotRegular
		}
	}
	f, err := root.Open(name)
	if err != nil {
		return nil, time.Time{}, err
	}
	if fi, err := f.Stat(); err != nil || !os.SameFile(fi, last) {
		f.Close()
		return nil, time.Time{}, errNotRegular
	}
	return f, last.ModTime(), nil
}

// notFound answers 404 in the page's language.
func (s *server) notFound(w http.ResponseWriter) {
	http.Error(w, s.opts.Lang.T("404 未找到", "404 not found"), http.StatusNotFound)
}

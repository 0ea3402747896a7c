package jobs

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// moveFile moves path into dir under its own name, or NAME-2.ext, NAME-3.ext... when taken.
func moveFile(path, dir string) (string, error) {
	dest := freeName(dir, filepath.Base(path))
	if err := rename(path, dest); err != nil {
		return "", fmt.Errorf("move %s to %s: %w", path, dir, err)
	}
	return dest, nil
}

// freeName is dir/name, or the first dir/name-N.ext that does not exist yet. (A NAME.error.txt
// alone is a report whose file never followed it, after a crash: it is overwritten.)
func freeName(dir, name string) string {
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	dest := filepath.Join(dir, name)
	for i := 2; exists(dest); i++ {
		dest = filepath.Join(dir, fmt.Sprintf("%s-%d%s", stem, i, ext))
	}
	return dest
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// rename moves a file, copying it when the destination is on another file system.
func rename(from, to string) error {
	err := os.Rename(from, to)
	if !errors.Is(err, syscall.EXDEV) {
		return err
	}
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	tmp := to + ".part"
	dst, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	if err := dst.Sync(); err != nil {
		dst.Close()
		return err
	}
	if err := dst.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, to); err != nil {
		return err
	}
	return os.Remove(from)
}

// writeAtomic writes a file whole or not at all.
func writeAtomic(path string, b []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

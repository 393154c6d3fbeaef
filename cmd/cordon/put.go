package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// putFile writes a file through write into a temporary file beside path
// and then puts it at path, so the file appears whole or not at all,
// readable by all as files usually are (rw-r--r--). What is at path is
// looked at only then, not when the work began: nothing there, the file is
// linked into place (link(2) never replaces a file, so one that appears at
// that very moment is kept); something there, it is replaced only when
// replace, asked then, returns nil, and otherwise left as it is and
// replace's error returned. replace nil never replaces. On any error the
// temporary file is removed and path is left as it was.
func putFile(path string, replace func(string) error, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return placeFile(tmp.Name(), path, replace)
}

// placeFile puts the whole file tmp, beside path, at path as putFile says:
// linked into place where nothing is there, or renamed over what is there
// when replace, asked then, returns nil. The caller removes tmp's name.
func placeFile(tmp, path string, replace func(string) error) error {
	err := os.Link(tmp, path)
	if err == nil {
		return nil // the deferred Remove takes the temporary name away
	}
	if !errors.Is(err, fs.ErrExist) {
		// A file system without hard links: look, then rename.
		if _, lerr := os.Lstat(path); !errors.Is(lerr, fs.ErrNotExist) {
			err = fs.ErrExist
		}
	}
	if errors.Is(err, fs.ErrExist) {
		if replace == nil {
			return &fs.PathError{Op: "write", Path: path, Err: fs.ErrExist}
		}
		if err := replace(path); err != nil {
			return err
		}
	}
	return os.Rename(tmp, path)
}

// replaceAny lets putFile replace whatever file is there: what --force
// allows, checked before the work.
func replaceAny(string) error { return nil }

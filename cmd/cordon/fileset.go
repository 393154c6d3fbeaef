package main

import (
	"cordon/text"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// outFile is one file of a set written together: its name in the folder,
// and what writes it.
type outFile struct {
	name  string
	write func(io.Writer) error
}

// writeFiles writes a set of files into dir all or none. Each is written
// to a temporary file in dir first; only when every one is written whole
// are they renamed into place, a file they replace moved aside until all
// are in (replace: else a file already there is an error). On any error
// the temporary files are removed, the files already renamed taken out and
// the ones they replaced put back, and the folders writeFiles made removed:
// dir is left as it was. A full disk leaves nothing half-written.
func writeFiles(dir string, replace bool, files []outFile) (err error) {
	made, err := mkdirAll(dir)
	if err != nil {
		return err
	}
	var temps []string  // temporary files, by file
	var placed []string // files renamed into place
	var aside []string  // the files they replaced, moved aside ("" for none), by placed
	defer func() {
		if err == nil {
			for _, a := range aside {
				if a != "" {
					_ = os.Remove(a)
				}
			}
			return
		}
		for i := len(placed) - 1; i >= 0; i-- {
			_ = os.Remove(placed[i])
			if aside[i] != "" {
				_ = os.Rename(aside[i], placed[i])
			}
		}
		for _, t := range temps {
			_ = os.Remove(t)
		}
		for i := len(made) - 1; i >= 0; i-- {
			_ = os.Remove(made[i])
		}
	}()
	for _, f := range files {
		tmp, err := os.CreateTemp(dir, "."+f.name+".tmp-*")
		if err != nil {
			return err
		}
		temps = append(temps, tmp.Name())
		err = f.write(tmp)
		if err == nil {
			err = tmp.Chmod(0o644)
		}
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	for i, f := range files {
		dest := filepath.Join(dir, f.name)
		old := ""
		switch _, err := os.Lstat(dest); {
		case err == nil && !replace:
			return fmt.Errorf("%s exists: give another --out or --force", text.TermSafe(dest))
		case err == nil:
			if old, err = moveAside(dest); err != nil {
				return err
			}
		case !errors.Is(err, fs.ErrNotExist):
			return err
		}
		if err := os.Rename(temps[i], dest); err != nil {
			if old != "" {
				_ = os.Rename(old, dest)
			}
			return err
		}
		placed, aside = append(placed, dest), append(aside, old)
	}
	temps = nil
	return nil
}

// moveAside renames the file path to a new name beside it and returns the
// name.
func moveAside(path string) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".old-*")
	if err != nil {
		return "", err
	}
	old := f.Name()
	f.Close()
	if err := os.Rename(path, old); err != nil {
		_ = os.Remove(old)
		return "", err
	}
	return old, nil
}

// mkdirAll makes dir and the folders above it that are missing, and
// returns the folders it made, the highest first.
func mkdirAll(dir string) ([]string, error) {
	var missing []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil || !errors.Is(err, fs.ErrNotExist) {
			break
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	for i, j := 0, len(missing)-1; i < j; i, j = i+1, j-1 {
		missing[i], missing[j] = missing[j], missing[i]
	}
	return missing, nil
}

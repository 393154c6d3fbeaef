package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"

	"cordon/text"
)

// cpuProfile is the hidden --cpuprofile flag: a CPU profile of the whole
// command, for the profile-guided build (default.pgo). Main stops it when
// the command ends, so a command that misses a target or fails still
// leaves a whole profile. The profile is written beside its path and put
// there when it stops (putFile's way): a file at the path is replaced only
// when it is a CPU profile too (gzip-compressed, as pprof writes them, as
// default.pgo is), checked before the command runs and again when the
// profile is put in place; anything else is left as it is.
type cpuProfile struct {
	path string
	file *os.File
}

// start starts the profile when --cpuprofile names a file.
func (p *cpuProfile) start() error {
	if p.path == "" || p.file != nil {
		return nil
	}
	if err := checkDanglingLink(p.path, "--cpuprofile"); err != nil {
		return badInput(err)
	}
	if _, err := os.Lstat(p.path); err == nil {
		if err := replaceProfile(p.path); err != nil {
			return badInput(err)
		}
	}
	f, err := os.CreateTemp(filepath.Dir(p.path), "."+filepath.Base(p.path)+".*")
	if err != nil {
		return badInput(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	p.file = f
	return nil
}

// stop ends the profile and puts its file in place; it does nothing when
// no profile runs. On any error the profile's temporary file is removed
// and the path left as it was.
func (p *cpuProfile) stop() error {
	if p.file == nil {
		return nil
	}
	pprof.StopCPUProfile()
	f := p.file
	p.file = nil
	defer os.Remove(f.Name())
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return placeFile(f.Name(), p.path, replaceProfile)
}

// replaceProfile lets a CPU profile replace the file at path when that is
// a CPU profile too: a regular file that begins as gzip does.
func replaceProfile(path string) error {
	fi, err := os.Stat(path) // through a link, to what it names
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("--cpuprofile %s: exists and is not a file: give another name", text.TermSafe(path))
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var head [2]byte
	if _, err := io.ReadFull(f, head[:]); err == nil && head[0] == 0x1f && head[1] == 0x8b {
		return nil
	}
	return fmt.Errorf("--cpuprofile %s: exists and is not a CPU profile (one is gzip-compressed, as pprof writes it): give another name, or move it away yourself", text.TermSafe(path))
}

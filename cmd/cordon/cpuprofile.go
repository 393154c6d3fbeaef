package main

import (
	"os"
	"runtime/pprof"
)

// cpuProfile is the hidden --cpuprofile flag: a CPU profile of the whole
// command, for the profile-guided build (default.pgo). Main stops it when
// the command ends, so a command that misses a target or fails still
// leaves a whole profile.
type cpuProfile struct {
	path string
	file *os.File
}

// start starts the profile when --cpuprofile names a file.
func (p *cpuProfile) start() error {
	if p.path == "" || p.file != nil {
		return nil
	}
	f, err := os.Create(p.path)
	if err != nil {
		return badInput(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return err
	}
	p.file = f
	return nil
}

// stop ends the profile and closes its file; it does nothing when no
// profile runs.
func (p *cpuProfile) stop() error {
	if p.file == nil {
		return nil
	}
	pprof.StopCPUProfile()
	err := p.file.Close()
	p.file = nil
	return err
}

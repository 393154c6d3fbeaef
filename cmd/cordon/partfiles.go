package main

import (
	"fmt"
	"os"
	"slices"
)

// maxOpenParts is how many part files a merge keeps open at once: the
// shards' parts are read by turns, a unit from each, and a merge of
// thousands of parts must not run into the limit of open files (ulimit -n)
// nor take the process's every descriptor.
const maxOpenParts = 16

// partFiles are the part files of a merge, read by turns while at most max
// of them are open: the one least recently read is closed to open another,
// and opened again where its reading stopped when its turn comes. A part's
// reader (its buffer, and the gob decoder's types) stays in memory; only
// its file is closed.
type partFiles struct {
	max  int
	open []*partFile // the files open, the least recently read first
}

// partFile is one part file of partFiles, an io.Reader that opens its file
// again when it was closed meanwhile.
type partFile struct {
	files *partFiles
	name  string
	info  os.FileInfo // the file first opened: opened again, it must be the same
	f     *os.File    // nil while closed
	off   int64       // where reading stopped
}

// add opens the file name and returns it as a partFile, or the error of
// opening it.
func (pf *partFiles) add(name string) (*partFile, error) {
	p := &partFile{files: pf, name: name}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	if p.info, err = f.Stat(); err != nil {
		f.Close()
		return nil, err
	}
	pf.opened(p, f)
	return p, nil
}

// opened makes f the open file of p, the most recently read, and closes
// the least recently read beyond max.
func (pf *partFiles) opened(p *partFile, f *os.File) {
	p.f = f
	pf.open = append(pf.open, p)
	for len(pf.open) > max(pf.max, 1) {
		old := pf.open[0]
		pf.open = pf.open[1:]
		old.f.Close()
		old.f = nil
	}
}

// closeAll closes every file open.
func (pf *partFiles) closeAll() {
	for _, p := range pf.open {
		p.f.Close()
		p.f = nil
	}
	pf.open = nil
}

// Read reads the part on from where its last read stopped, opening its
// file again if it was closed meanwhile.
func (p *partFile) Read(b []byte) (int, error) {
	if p.f == nil {
		if err := p.reopen(); err != nil {
			return 0, err
		}
	} else if i := slices.Index(p.files.open, p); i != len(p.files.open)-1 {
		p.files.open = append(slices.Delete(p.files.open, i, i+1), p)
	}
	n, err := p.f.Read(b)
	p.off += int64(n)
	return n, err
}

// reopen opens the part's file again at the offset where its reading
// stopped, refusing a file that is not the one first opened (replaced
// while the merge read it: another file, or one of another size or time,
// as a new file given the old one's number would be).
func (p *partFile) reopen() error {
	f, err := os.Open(p.name)
	if err != nil {
		return fmt.Errorf("opening it again: %v", err)
	}
	info, err := f.Stat()
	if err == nil && (!os.SameFile(info, p.info) || info.Size() != p.info.Size() || !info.ModTime().Equal(p.info.ModTime())) {
		err = fmt.Errorf("it was replaced while merge read it")
	}
	if err == nil {
		_, err = f.Seek(p.off, 0)
	}
	if err != nil {
		f.Close()
		return err
	}
	p.files.opened(p, f)
	return nil
}

package reports

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// ManifestName is the file by which cordon knows a report folder as its
// own: every file it wrote there, with its size and SHA-256. cordon
// replaces a folder only when this file is there and the folder holds
// exactly the files it lists, unchanged.
const ManifestName = ".cordon-report.json"

// manifestKind marks a manifest as cordon's.
const manifestKind = "cordon report folder"

// manifest is the content of ManifestName.
type manifest struct {
	Kind  string         `json:"kind"`
	Files []manifestFile `json:"files"`
}

// manifestFile is one file a report folder holds.
type manifestFile struct {
	Path   string `json:"path"` // slash-separated, relative to the folder
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// add records a file written into the folder.
func (m *manifest) add(name string, data []byte) {
	sum := sha256.Sum256(data)
	m.addSum(name, int64(len(data)), sum[:])
}

// addSum is add of a file of size bytes whose SHA-256 is sum.
func (m *manifest) addSum(name string, size int64, sum []byte) {
	name = filepath.ToSlash(name)
	m.Files = slices.DeleteFunc(m.Files, func(f manifestFile) bool { return f.Path == name })
	m.Files = append(m.Files, manifestFile{Path: name, Size: size, SHA256: hex.EncodeToString(sum)})
}

// encode is the manifest's file, its entries in path order so that the same
// report gives the same bytes.
func (m *manifest) encode() ([]byte, error) {
	c := manifest{Kind: manifestKind, Files: slices.Clone(m.Files)}
	slices.SortFunc(c.Files, func(a, b manifestFile) int {
		switch {
		case a.Path < b.Path:
			return -1
		case a.Path > b.Path:
			return 1
		}
		return 0
	})
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// errNotOurs says why a folder is not a report cordon wrote: the first file
// that shows it, named relative to the folder.
type errNotOurs struct{ why string }

func (e *errNotOurs) Error() string { return e.why }

// maxManifest bounds the manifest a folder may hold: a report lists a few
// dozen files, so anything larger is not cordon's.
const maxManifest = 1 << 20

// checkOurs reports nil when dir is a report folder cordon wrote and
// nothing in it has changed since: its manifest is cordon's, every file it
// lists is there with the size and SHA-256 recorded, and nothing else is.
// An empty folder is also taken as replaceable: it holds nothing to lose.
// Otherwise the error says what makes the folder someone else's.
func checkOurs(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	raw, err := readSmall(filepath.Join(dir, ManifestName), maxManifest)
	if errors.Is(err, fs.ErrNotExist) {
		return &errNotOurs{fmt.Sprintf("it has no %s, so cordon did not write it (it holds %s)", ManifestName, someEntries(entries))}
	}
	if err != nil {
		return &errNotOurs{fmt.Sprintf("its %s cannot be read: %v", ManifestName, err)}
	}
	var m manifest
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil || m.Kind != manifestKind {
		return &errNotOurs{fmt.Sprintf("its %s is not a cordon manifest", ManifestName)}
	}
	listed := map[string]manifestFile{}
	for _, f := range m.Files {
		listed[f.Path] = f
	}
	seen := 0
	buf := make([]byte, 32<<10) // what each file is read through
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == "." || rel == ManifestName {
			return nil
		}
		if d.IsDir() {
			return nil
		}
		f, ok := listed[rel]
		if !ok || !d.Type().IsRegular() {
			return &errNotOurs{fmt.Sprintf("it holds %s, which cordon did not write", rel)}
		}
		if err := sameFile(p, f, buf); err != nil {
			return &errNotOurs{fmt.Sprintf("%s was changed after cordon wrote it", rel)}
		}
		seen++
		return nil
	})
	if err != nil {
		return err
	}
	if seen != len(listed) {
		// A listed file is missing: the folder was edited, and what else
		// happened to it cordon cannot tell.
		return &errNotOurs{"files cordon wrote there are missing, so it was changed after cordon wrote it"}
	}
	return nil
}

// sameFile reports whether the file at p has the recorded size and hash,
// reading it through buf.
func sameFile(p string, f manifestFile, buf []byte) error {
	st, err := os.Lstat(p)
	if err != nil {
		return err
	}
	if st.Size() != f.Size {
		return errors.New("size differs")
	}
	r, err := os.Open(p)
	if err != nil {
		return err
	}
	defer r.Close()
	h := sha256.New()
	// The file as a plain reader, so that buf is used, not a buffer of
	// os.File.WriteTo's own for each file.
	if _, err := io.CopyBuffer(h, struct{ io.Reader }{r}, buf); err != nil {
		return err
	}
	if hex.EncodeToString(h.Sum(nil)) != f.SHA256 {
		return errors.New("content differs")
	}
	return nil
}

// readSmall reads a file of at most limit bytes.
func readSmall(p string, limit int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, errors.New("too large")
	}
	return b, nil
}

// someEntries names the first entries of a folder, for an error message.
func someEntries(entries []fs.DirEntry) string {
	const show = 2
	var names []string
	for i, e := range entries {
		if i == show {
			break
		}
		names = append(names, e.Name())
	}
	s := ""
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	if more := len(entries) - len(names); more > 0 {
		s += fmt.Sprintf(" and %d more", more)
	}
	return s
}

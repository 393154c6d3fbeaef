package serve

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"cordon/scenarios"
)

// uploadNamePattern is an uploaded file's name fit to quote in messages.
var uploadNamePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// parts reads a multipart request whole into memory: its fields and its
// files, every name known beforehand, at most maxUpload bytes in all
// (nothing is written to disk, in the workspace or elsewhere).
func (s *Server) parts(w http.ResponseWriter, r *http.Request, known ...string) (map[string]*upload, error) {
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, err
	}
	out := map[string]*upload{}
	for {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		name := p.FormName()
		if !slices.Contains(known, name) || out[name] != nil {
			_, _ = io.Copy(io.Discard, p)
			continue
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return nil, err
		}
		out[name] = &upload{name: rawFileName(p.Header.Get("Content-Disposition")), data: data}
	}
}

// rawFileName is the file name a part's Content-Disposition gives, as
// sent: multipart's FileName keeps only its last element, and a name
// with folders in it is refused, not shortened.
func rawFileName(disposition string) string {
	_, params, err := mime.ParseMediaType(disposition)
	if err != nil {
		return ""
	}
	return params["filename"]
}

// uploadError answers a multipart request that could not be read.
func (s *Server) uploadError(w http.ResponseWriter, r *http.Request, err error) {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		s.refuse(w, r, http.StatusRequestEntityTooLarge, general(s.catOf(r).format("api.toolarge", maxUpload>>20)))
		return
	}
	s.refuse(w, r, http.StatusBadRequest, general(s.catOf(r).text("api.badjson")))
}

// field is a form field's text.
func field(ps map[string]*upload, name string) string {
	if p := ps[name]; p != nil {
		return strings.TrimSpace(string(p.data))
	}
	return ""
}

// apiUpload adds a scenario file to the workspace, checked as cordon
// validate checks it.
func (s *Server) apiUpload(w http.ResponseWriter, r *http.Request) {
	ps, err := s.parts(w, r, "file", "replace")
	if err != nil {
		s.uploadError(w, r, err)
		return
	}
	cat := s.catOf(r)
	u := ps["file"]
	if u == nil || u.name == "" {
		s.refuse(w, r, http.StatusBadRequest, general(cat.text("api.nofile")))
		return
	}
	// The name is the workspace file's: a plain name, never a path.
	if checkFileName(u.name) != nil {
		s.refuse(w, r, http.StatusBadRequest, general(cat.format("api.badname", u.name)))
		return
	}
	if len(u.data) > maxScenarioSize {
		s.refuse(w, r, http.StatusRequestEntityTooLarge, general(cat.format("api.toolarge", maxScenarioSize>>20)))
		return
	}
	if _, err := scenarios.Load(u.name, u.data); err != nil {
		s.refuse(w, r, http.StatusBadRequest, general(errorLines(err)...))
		return
	}
	if err := s.ws.writeScenario(u.name, u.data, field(ps, "replace") != ""); err != nil {
		if errors.Is(err, errExists) {
			s.refuse(w, r, http.StatusConflict, problems{General: []string{cat.format("api.exists", u.name)}, Exists: true})
			return
		}
		s.refuse(w, r, http.StatusBadRequest, general(s.said(r, err)))
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"file": u.name, "ref": "file:" + u.name})
}

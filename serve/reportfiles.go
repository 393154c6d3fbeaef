package serve

import (
	"net/http"
	"path"
	"regexp"
	"strings"
)

// reportPart is the form of a part of a report file's path: no dot
// first (a report's manifest and temporary files start with one).
var reportPart = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$`)

// maxReportFile bounds a report file served.
const maxReportFile = 256 << 20

// reportFile serves a file of a run's report folder.
func (s *Server) reportFile(w http.ResponseWriter, r *http.Request) {
	id, file := r.PathValue("id"), r.PathValue("file")
	if file == "" {
		file = "index.html"
	}
	parts := strings.Split(file, "/")
	for _, p := range parts {
		if !reportPart.MatchString(p) || strings.Contains(p, "..") {
			s.fail(w, r, http.StatusNotFound, file)
			return
		}
	}
	if _, err := s.runs.get(id); err != nil {
		s.fail(w, r, http.StatusNotFound, s.said(r, err))
		return
	}
	data, err := s.ws.readFile(path.Join(runsDir, id, reportDir, file), maxReportFile)
	if err != nil {
		s.fail(w, r, http.StatusNotFound, file)
		return
	}
	h := w.Header()
	h.Set("Content-Security-Policy", reportPolicy)
	h.Set("Content-Type", contentType(file))
	_, _ = w.Write(data)
}

// contentType is the type of a report's file, by its extension.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".json":
		return "application/json"
	case ".csv":
		return "text/csv; charset=utf-8"
	case ".md":
		return "text/markdown; charset=utf-8"
	case ".png":
		return "image/png"
	case ".svg":
		return "image/svg+xml"
	}
	return "application/octet-stream"
}

package serve

import (
	"io/fs"
	"net/http"
	"strings"
)

// routes are the server's pages and requests.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.scenariosPage)
	mux.HandleFunc("GET /edit", s.editPage)
	mux.HandleFunc("GET /compare", s.comparePage)
	mux.HandleFunc("GET /plan", s.planPage)
	mux.HandleFunc("GET /replay", s.replayPage)
	mux.HandleFunc("GET /runs", s.runsPage)
	mux.HandleFunc("GET /runs/{id}/{$}", s.runPage)
	mux.HandleFunc("GET /runs/{id}/report/{file...}", s.reportFile)
	mux.HandleFunc("GET /jobs/{id}", s.jobPage)
	mux.HandleFunc("GET /jobs/{id}/events", s.jobEvents)
	mux.HandleFunc("GET /api/jobs/{id}", s.jobStatus)
	mux.HandleFunc("GET /static/{file}", s.static)
	mux.HandleFunc("POST /api/check", s.apiCheck)
	mux.HandleFunc("POST /api/run", s.apiRun)
	mux.HandleFunc("POST /api/save", s.apiSave)
	mux.HandleFunc("POST /api/compare", s.apiCompare)
	mux.HandleFunc("POST /api/plan", s.apiPlan)
	mux.HandleFunc("POST /api/replay", s.apiReplay)
	mux.HandleFunc("POST /api/scenarios", s.apiUpload)
	mux.HandleFunc("POST /api/jobs/{id}/cancel", s.apiCancel)
	mux.HandleFunc("POST /api/runs/{id}/delete", s.apiDelete)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { s.fail(w, r, http.StatusNotFound, r.URL.Path) })
	return mux
}

// static serves the pages' script and style.
func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	data, err := fs.ReadFile(files, "static/"+name)
	if err != nil || strings.Contains(name, "/") {
		http.NotFound(w, r)
		return
	}
	switch {
	case strings.HasSuffix(name, ".css"):
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
	case strings.HasSuffix(name, ".js"):
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	}
	_, _ = w.Write(data)
}

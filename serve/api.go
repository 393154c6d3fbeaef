package serve

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
)

// The limits of what a request may send.
const (
	maxJSONBody = maxScenarioSize + 1<<20 // a scenario's text and its changes
	maxUpload   = 32 << 20                // every log of a replay together, or one scenario file
)

// scenarioReq is a scenario as a page sends it: its source, the values
// changed in the form, or the text of its file when it was changed
// itself.
type scenarioReq struct {
	Source  string   `json:"source"`
	Changes []change `json:"changes"`
	YAML    *string  `json:"yaml,omitempty"`
}

// problems are what is wrong with a request, for the page to show: the
// loader's errors beside the values they are about, the rest above.
type problems struct {
	Fields  map[string][]string `json:"fields,omitempty"`
	General []string            `json:"general,omitempty"`
	Exists  bool                `json:"exists,omitempty"`
}

// refuse answers a request with what is wrong with it.
func refuse(w http.ResponseWriter, status int, p problems) { writeJSON(w, status, p) }

// refuse answers request r with what is wrong with it, in its language:
// the engine's errors worded as the command line words them (errorWords).
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, status int, p problems) {
	refuse(w, status, s.worded(r, p))
}

// worded is p with its lines worded in the language of request r.
func (s *Server) worded(r *http.Request, p problems) problems {
	words := s.errorWords(r)
	out := problems{Exists: p.Exists}
	for _, line := range p.General {
		out.General = append(out.General, words(line))
	}
	for path, lines := range p.Fields {
		if out.Fields == nil {
			out.Fields = map[string][]string{}
		}
		for _, line := range lines {
			out.Fields[path] = append(out.Fields[path], words(line))
		}
	}
	return out
}

// general is a problems of lines not about one value.
func general(lines ...string) problems { return problems{General: lines} }

// catOf is the catalogue of a request's language (see langOf).
func (s *Server) catOf(r *http.Request) catalogue {
	_, lang := s.langOf(r)
	return s.cats[lang]
}

// errorWords words an error of the engine in the language of request r,
// as the command line prints it in that language.
func (s *Server) errorWords(r *http.Request) func(string) string {
	_, lang := s.langOf(r)
	if p := s.engine[lang].printer; p != nil {
		return p.Error
	}
	return func(msg string) string { return msg }
}

// readJSON reads a request's JSON body into v, at most maxJSONBody
// bytes.
func (s *Server) readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxJSONBody))
	if err := dec.Decode(v); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			s.refuse(w, r, http.StatusRequestEntityTooLarge, general(s.catOf(r).format("api.toolarge", maxJSONBody>>20)))
		} else {
			s.refuse(w, r, http.StatusBadRequest, general(s.catOf(r).text("api.badjson")))
		}
		return false
	}
	return true
}

// jobAnswer tells the page where to follow the job it started.
type jobAnswer struct {
	Job string `json:"job"`
	URL string `json:"url"`
}

// started answers a request that queued a job: where to follow it; or,
// when the queue had no room for it (nil), that too many wait already.
func (s *Server) started(w http.ResponseWriter, r *http.Request, j *job) {
	if j == nil {
		s.refuse(w, r, http.StatusServiceUnavailable, general(s.catOf(r).format("api.busy", maxWaiting)))
		return
	}
	writeJSON(w, http.StatusAccepted, jobAnswer{Job: j.ID, URL: "/jobs/" + j.ID})
}

// logged logs a job's failure.
func (s *Server) logged(work func(context.Context, func(int, int)) (string, error)) func(context.Context, func(int, int)) (string, error) {
	return func(ctx context.Context, progress func(int, int)) (string, error) {
		id, err := work(ctx, progress)
		if err != nil && ctx.Err() == nil {
			s.logf("cordon serve: %v", err)
		}
		return id, err
	}
}

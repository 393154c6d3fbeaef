package serve

import (
	"errors"
	"net/http"
	"strings"

	"cordon/scenarios"
	"cordon/text"
)

// resolve reads a request's scenario: its source, with the page's text
// in place of the file's when it sent one.
func (s *Server) resolve(q scenarioReq) (*source, []change, error) {
	src, err := s.readSource(q.Source)
	if err != nil {
		return nil, nil, err
	}
	if len(q.Changes) > maxChanges {
		return nil, nil, refusal("err.changes", maxChanges)
	}
	if q.YAML != nil {
		if len(*q.YAML) > maxScenarioSize {
			return nil, nil, refusal("err.textsize", maxScenarioSize>>20)
		}
		src.original, src.Data = src.Data, []byte(*q.YAML)
		return src, nil, nil
	}
	return src, q.Changes, nil
}

// placeProblems puts a loader's errors beside the values of the form
// they are about: an error of a change beside the changed value, an error
// in the file beside its field (or the nearest field holding it); the
// rest above the form.
func (s *Server) placeProblems(src *source, changes []change, err error) problems {
	p := problems{Fields: map[string][]string{}}
	var errs scenarios.Errors
	if !errors.As(err, &errs) {
		p.General = errorLines(err)
		return p
	}
	f := src.form(s.schema)
	byChange := map[string]string{}
	for _, c := range changes {
		byChange[text.OneLine(scenarios.Override{Path: c.Path, Value: c.Value}.String())] = c.Path
	}
	for _, e := range errs {
		line := e.Error()
		if path, ok := byChange[e.File]; ok {
			p.Fields[path] = append(p.Fields[path], line)
			continue
		}
		if field := f.nearest(e.Path); field != nil {
			p.Fields[field.Path] = append(p.Fields[field.Path], line)
			continue
		}
		p.General = append(p.General, line)
	}
	return p
}

// nearest is the field at an error's path, or at the nearest path above
// it (a distribution's mean is in its field); nil when none.
func (f *form) nearest(p string) *formField {
	if f == nil {
		return nil
	}
	for p != "" {
		if field := f.byIndex[p]; field != nil {
			return field
		}
		if field := f.byPath[p]; field != nil {
			return field
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return nil
}

// checkAnswer is what the editor is told about the scenario as changed.
type checkAnswer struct {
	OK   bool   `json:"ok"`
	Name string `json:"name,omitempty"`
	problems
	// YAML is the scenario file with the changes written in.
	YAML string `json:"yaml,omitempty"`
	// Sets are the changes as cordon run takes them.
	Sets []string `json:"sets,omitempty"`
}

// apiCheck checks the scenario as changed in the editor: its problems
// beside the values, or the file with the changes written in.
func (s *Server) apiCheck(w http.ResponseWriter, r *http.Request) {
	var q scenarioReq
	if !s.readJSON(w, r, &q) {
		return
	}
	src, changes, err := s.resolve(q)
	if err != nil {
		s.refuse(w, r, http.StatusBadRequest, general(s.said(r, err)))
		return
	}
	a := checkAnswer{}
	for _, c := range changes {
		a.Sets = append(a.Sets, "--set '"+c.Path+"="+c.Value+"'")
	}
	sc, err := src.loadToRun(changes)
	if err != nil {
		a.problems = s.worded(r, s.placeProblems(src, changes, err))
		writeJSON(w, http.StatusOK, a)
		return
	}
	a.OK, a.Name = true, sc.Name
	if data, err := src.asRun(changes); err == nil {
		a.YAML = string(data)
	}
	writeJSON(w, http.StatusOK, a)
}

package serve

import (
	"net/http"
	"strconv"
	"strings"

	"cordon/scenarios"
)

// jobPage is a job's progress.
type jobPage struct {
	base
	Job jobStatus
}

// jobPage serves a job's progress, which its script follows live.
func (s *Server) jobPage(w http.ResponseWriter, r *http.Request) {
	st, _, err := s.queue.status(r.PathValue("id"))
	if err != nil {
		s.fail(w, r, http.StatusNotFound, s.said(r, err))
		return
	}
	b := s.base(w, r, "job", "kind."+st.Kind)
	b.Title = heading(b.cat, st.Kind, st.Title)
	s.render(w, http.StatusOK, b, "job", jobPage{base: b, Job: s.statusSaid(r, st)})
}

// runsPage is the history: every result of the workspace.
type runsPage struct {
	base
	Runs []*runRecord
}

// runsPage serves the history.
func (s *Server) runsPage(w http.ResponseWriter, r *http.Request) {
	b := s.base(w, r, "runs", "runs.title")
	s.render(w, http.StatusOK, b, "runs", runsPage{base: b, Runs: s.runs.list()})
}

// choice is a scenario offered in a form.
type choice struct {
	Ref, Label string
	Selected   bool
}

// choices are the scenarios a form offers: the built-in ones, the
// workspace's valid files, and the scenarios of the history's runs.
func (s *Server) choices(selected string, cat catalogue) []choice {
	var out []choice
	for _, bi := range scenarios.Builtins() {
		out = append(out, choice{Ref: "builtin:" + bi.Name, Label: bi.Name})
	}
	files, _ := s.ws.scenarioFiles()
	for _, f := range files {
		if f.Refused == "" {
			out = append(out, choice{Ref: "file:" + f.Name, Label: f.Name})
		}
	}
	for _, rec := range s.runs.list() {
		if rec.Kind == kindRun && len(rec.Scenarios) == 1 {
			out = append(out, choice{Ref: "run:" + rec.ID + "/" + rec.Scenarios[0].File, Label: cat.format("choice.run", rec.ID)})
		}
	}
	for i := range out {
		out[i].Selected = out[i].Ref == selected
	}
	return out
}

// runPage is a result: its record, and what it may be compared with.
type runPage struct {
	base
	Run                            *runRecord
	EditRef, PlannedRef, Reference string
	Notes                          []string
	CompareWith                    []choice
}

// runPage serves a result of the history.
func (s *Server) runPage(w http.ResponseWriter, r *http.Request) {
	rec, err := s.runs.get(r.PathValue("id"))
	if err != nil {
		s.fail(w, r, http.StatusNotFound, s.said(r, err))
		return
	}
	b := s.base(w, r, "run", "kind."+rec.Kind)
	b.Title = heading(b.cat, rec.Kind, rec.Title)
	p := runPage{base: b, Run: rec}
	if len(rec.Scenarios) > 0 {
		p.EditRef = "run:" + rec.ID + "/" + rec.Scenarios[0].File
		p.Reference = rec.Scenarios[0].Name
	}
	if rec.Plan != nil {
		p.PlannedRef = "run:" + rec.ID + "/" + rec.Plan.Planned
	}
	for _, n := range rec.Notes {
		switch {
		case strings.HasPrefix(n, "identical:"):
			p.Notes = append(p.Notes, b.cat.format("run.identical", strings.TrimPrefix(n, "identical:")))
		case strings.HasPrefix(n, "skipped:"):
			k, _ := strconv.Atoi(strings.TrimPrefix(n, "skipped:"))
			p.Notes = append(p.Notes, b.cat.format("run.skipped", k))
		default:
			p.Notes = append(p.Notes, n)
		}
	}
	if rec.Kind == kindRun && len(rec.Scenarios) == 1 {
		// Offered first: the scenario the run came from, unchanged.
		p.CompareWith = s.choices(rec.Scenarios[0].Source, b.cat)
	}
	s.render(w, http.StatusOK, b, "run", p)
}

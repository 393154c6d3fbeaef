package serve

import "net/http"

// comparePage is the form of a comparison: two to four scenarios.
type comparePage struct {
	base
	Slots   []slot
	Choices []choice
}

// slot is one scenario of the comparison form: its number from 1, and
// the scenario chosen in it ("" for none).
type slot struct {
	N   int
	Ref string
}

// comparePage serves the form of a comparison, its slots filled from ?s=.
func (s *Server) comparePage(w http.ResponseWriter, r *http.Request) {
	b := s.base(w, r, "compare", "compare.title")
	asked := r.URL.Query()["s"]
	p := comparePage{base: b, Choices: s.choices("", b.cat)}
	for i := range 4 {
		sl := slot{N: i + 1}
		if i < len(asked) {
			sl.Ref = asked[i]
		}
		p.Slots = append(p.Slots, sl)
	}
	s.render(w, http.StatusOK, b, "compare", p)
}

// formPage is the form of a plan or a replay: the scenarios to choose from.
type formPage struct {
	base
	Choices   []choice
	UploadMiB int
}

// planPage serves the form of a plan.
func (s *Server) planPage(w http.ResponseWriter, r *http.Request) {
	b := s.base(w, r, "plan", "plan.title")
	s.render(w, http.StatusOK, b, "plan", formPage{base: b, Choices: s.choices(r.URL.Query().Get("s"), b.cat)})
}

// replayPage serves the form of a replay of a logged day.
func (s *Server) replayPage(w http.ResponseWriter, r *http.Request) {
	b := s.base(w, r, "replay", "replay.title")
	s.render(w, http.StatusOK, b, "replay", formPage{base: b, Choices: s.choices(r.URL.Query().Get("s"), b.cat), UploadMiB: maxUpload >> 20})
}

package serve

import (
	"net/http"
	"strings"
)

// editPage is the editor of a scenario: its form, or its problems when
// it does not load, and its file.
type editPage struct {
	base
	Ref, File, Name       string
	SourceKey, SourceName string
	Form                  *form
	Problems              []string
	YAML                  string
}

// editPage serves the editor of the scenario ?s= names.
func (s *Server) editPage(w http.ResponseWriter, r *http.Request) {
	ref := r.URL.Query().Get("s")
	src, err := s.readSource(ref)
	if err != nil {
		s.fail(w, r, http.StatusNotFound, s.catOf(r).text("api.nosource"))
		return
	}
	p := editPage{Ref: src.Ref, File: src.File, YAML: string(src.Data), SourceName: src.Name}
	kind, name, _ := strings.Cut(ref, ":")
	p.SourceKey = "edit.source." + kind
	if kind == "builtin" {
		p.SourceName = name
	}
	p.Name = name
	sc, err := src.load(nil)
	if err != nil {
		p.Problems = errorLines(err)
	} else {
		p.Name = sc.Name
	}
	p.base = s.base(w, r, "edit", "edit.title", p.Name)
	if err == nil {
		p.Form = newForm(sc, s.schema, s.engine[p.Lang].fields)
	}
	s.render(w, http.StatusOK, p.base, "edit", p)
}

package serve

import (
	"net/http"

	"cordon/scenarios"
)

// srcItem is a scenario on the scenarios page.
type srcItem struct {
	Ref, Name, Summary string
}

// fileItem is a workspace file on the scenarios page.
type fileItem struct {
	Ref, File, Name string
	Refused         string // the catalogue key of why it is not read
	Problems        int
}

// scenariosPage is the first page: the built-in scenarios, the
// workspace's files, the work going on and the latest results.
type scenariosPage struct {
	base
	Builtins []srcItem
	Files    []fileItem
	Recent   []*runRecord
	Active   []jobStatus
}

// scenariosPage serves the first page.
func (s *Server) scenariosPage(w http.ResponseWriter, r *http.Request) {
	b := s.base(w, r, "scenarios", "scenarios.title")
	p := scenariosPage{base: b, Active: s.queue.active()}
	for _, bi := range scenarios.Builtins() {
		summary := bi.Summary
		if b.Lang == "zh-CN" {
			summary = bi.Chinese
		}
		p.Builtins = append(p.Builtins, srcItem{Ref: "builtin:" + bi.Name, Name: bi.Name, Summary: summary})
	}
	files, err := s.ws.scenarioFiles()
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, s.said(r, err))
		return
	}
	for _, f := range files {
		it := fileItem{Ref: "file:" + f.Name, File: f.Name}
		if f.Refused != "" {
			it.Refused = "refused." + f.Refused
		} else if src, err := s.readSource(it.Ref); err != nil {
			it.Problems = 1
		} else if sc, err := src.load(nil); err != nil {
			it.Problems = len(errorLines(err))
		} else {
			it.Name = sc.Name
		}
		p.Files = append(p.Files, it)
	}
	runs := s.runs.list()
	p.Recent = runs[:min(len(runs), 5)]
	s.render(w, http.StatusOK, b, "scenarios", p)
}

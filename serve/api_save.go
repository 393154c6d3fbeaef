package serve

import (
	"errors"
	"net/http"
	"strings"

	"cordon/scenarios"
)

// saveReq asks to save a scenario into the workspace.
type saveReq struct {
	scenarioReq
	File    string `json:"file"`
	Replace bool   `json:"replace"`
}

// savedBy is who a saved file's changed lines say changed them.
const savedBy = "cordon serve"

// apiSave writes the scenario as changed into a workspace file.
func (s *Server) apiSave(w http.ResponseWriter, r *http.Request) {
	var q saveReq
	if !s.readJSON(w, r, &q) {
		return
	}
	cat := s.catOf(r)
	if checkFileName(q.File) != nil {
		s.refuse(w, r, http.StatusBadRequest, general(cat.format("api.badname", q.File)))
		return
	}
	src, changes, err := s.resolve(q.scenarioReq)
	if err != nil {
		s.refuse(w, r, http.StatusBadRequest, general(s.said(r, err)))
		return
	}
	out, err := s.saved(src, changes, q.File)
	if err != nil {
		s.refuse(w, r, http.StatusBadRequest, s.placeProblems(src, changes, err))
		return
	}
	// What is written runs as it is: checked once more, under its own
	// name, as cordon validate would read it.
	if _, err := scenarios.Load(q.File, out); err != nil {
		s.refuse(w, r, http.StatusBadRequest, general(errorLines(err)...))
		return
	}
	if err := s.ws.writeScenario(q.File, out, q.Replace || q.File == src.File); err != nil {
		if errors.Is(err, errExists) {
			s.refuse(w, r, http.StatusConflict, problems{General: []string{cat.format("api.exists", q.File)}, Exists: true})
			return
		}
		s.refuse(w, r, http.StatusBadRequest, general(s.said(r, err)))
		return
	}
	if bytesHaveModeline(out) {
		if err := s.ws.ensureSchema(); err != nil {
			s.logf("cordon serve: writing the schema: %v", err)
		}
	}
	writeJSON(w, http.StatusOK, map[string]string{"file": q.File, "ref": "file:" + q.File})
}

// saved is the file a save writes: the source with the changes written
// in, each changed line marked with its old value; a copy saved under a
// new name takes the file's name as its own unless the page set one; its
// $schema line, if it has one, names the schema in the workspace.
func (s *Server) saved(src *source, changes []change, file string) ([]byte, error) {
	sc, err := src.load(changes)
	if err != nil {
		return nil, err
	}
	old := map[string]string{}
	if base, err := src.load(nil); err == nil {
		for _, p := range scenarios.Paths(base) {
			old[p.Path] = p.Value
		}
	}
	var cs []scenarios.Change
	named := false
	for _, c := range changes {
		named = named || c.Path == "name"
		cs = append(cs, scenarios.Change{Override: scenarios.Override{Path: c.Path, Value: c.Value}, By: savedBy, Was: old[c.Path]})
	}
	stem := strings.TrimSuffix(strings.TrimSuffix(file, ".yaml"), ".yml")
	if !named && file != src.File && stem != sc.Name {
		cs = append(cs, scenarios.Change{Override: scenarios.Override{Path: "name", Value: yamlString(stem)}, By: savedBy, Was: old["name"]})
	}
	out := src.Data
	if len(cs) > 0 {
		if out, err = scenarios.RewriteChanged(src.Name, src.Data, cs...); err != nil {
			return nil, err
		}
	}
	return pointAtSchema(out), nil
}

// modelinePrefix starts the line that points editors at a schema.
const modelinePrefix = "# yaml-language-server: $schema="

// bytesHaveModeline reports whether a file starts with a $schema line.
func bytesHaveModeline(data []byte) bool { return strings.HasPrefix(string(data), modelinePrefix) }

// pointAtSchema points a file's $schema line at the schema of the
// workspace.
func pointAtSchema(data []byte) []byte {
	first, rest, ok := strings.Cut(string(data), "\n")
	if !ok || !strings.HasPrefix(first, modelinePrefix) {
		return data
	}
	return []byte(scenarios.Modeline(schemaFile) + "\n" + rest)
}

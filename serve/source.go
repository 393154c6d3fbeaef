package serve

import (
	"path"
	"strconv"
	"strings"

	"cordon/compound"
	"cordon/scenarios"
)

// A source is where a scenario's YAML comes from, written as a reference
// in URLs and forms:
//
//	builtin:NAME       a built-in scenario
//	file:NAME.yaml     a scenario file of the workspace
//	run:ID/FILE.yaml   a scenario as a run of the history ran it
type source struct {
	Ref  string // the reference
	Name string // the file name errors give, as the command line names it
	Data []byte
	// File is the workspace file's name for a file: source ("" otherwise):
	// where Save writes.
	File string
	// original is the file's text as read, when Data is the page's text
	// in its place: the editor's values are the original's.
	original []byte
}

// form builds the editor of the source as read (nil when it does not
// load).
func (src *source) form(si *schemaInfo) *form {
	data := src.Data
	if src.original != nil {
		data = src.original
	}
	sc, err := scenarios.Load(src.Name, data)
	if err != nil {
		return nil
	}
	return newForm(sc, si, fieldWords{})
}

// readSource reads the scenario a reference names.
func (s *Server) readSource(ref string) (*source, error) {
	kind, name, ok := strings.Cut(ref, ":")
	if !ok {
		return nil, refusal("err.nosource", ref)
	}
	switch kind {
	case "builtin":
		data, ok := scenarios.Builtin(name)
		if !ok {
			return nil, refusal("err.nobuiltin", name)
		}
		return &source{Ref: ref, Name: path.Join("builtin", name+".yaml"), Data: data}, nil
	case "file":
		data, err := s.ws.readScenario(name)
		if err != nil {
			return nil, err
		}
		return &source{Ref: ref, Name: name, Data: data, File: name}, nil
	case "run":
		id, file, ok := strings.Cut(name, "/")
		if !ok {
			return nil, refusal("err.nosource", ref)
		}
		data, err := s.runs.input(id, file)
		if err != nil {
			return nil, err
		}
		return &source{Ref: ref, Name: path.Join(runsDir, id, inputsDir, file), Data: data}, nil
	}
	return nil, refusal("err.nosource", ref)
}

// change is one value of a scenario the page changed: its path as --set
// writes it, and its new value as YAML text.
type change struct {
	Path  string `json:"path"`
	Value string `json:"value"`
}

// overrides turns changes into the loader's overrides.
func overrides(changes []change) []scenarios.Override {
	out := make([]scenarios.Override, len(changes))
	for i, c := range changes {
		out[i] = scenarios.Override{Path: c.Path, Value: c.Value}
	}
	return out
}

// maxChanges bounds the changes a request may make (a scenario has a few
// hundred values).
const maxChanges = 5000

// load loads the source with the changes; the error is the loader's.
func (src *source) load(changes []change) (*compound.Scenario, error) {
	return scenarios.Load(src.Name, src.Data, overrides(changes)...)
}

// loadToRun loads the source with the changes as cordon validate and run
// do: a target of the scenario on a KPI it does not have is a problem at
// its place (scenarios.LoadWithTargets).
func (src *source) loadToRun(changes []change) (*compound.Scenario, error) {
	return scenarios.LoadWithTargets(src.Name, src.Data, overrides(changes)...)
}

// asRun is the scenario file to keep with a run: the source with the
// changes written in, comments kept; the source itself without changes.
func (src *source) asRun(changes []change) ([]byte, error) {
	if len(changes) == 0 {
		return src.Data, nil
	}
	return scenarios.Rewrite(src.Name, src.Data, overrides(changes)...)
}

// overrideTexts writes changes as --set takes them.
func overrideTexts(changes []change) []string {
	var out []string
	for _, c := range changes {
		out = append(out, c.Path+"="+c.Value)
	}
	return out
}

// yamlString writes text as a YAML double-quoted scalar (Go's quoting,
// which YAML reads the same).
func yamlString(s string) string { return strconv.Quote(s) }

package scenarios

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"

	"cordon/compound"
	"cordon/text"

	"go.yaml.in/yaml/v3"
)

// Load parses a scenario from data; name is the file name used in
// messages. The overrides are applied to the YAML before decoding, in
// order, and checked exactly like the file. The error is Errors: every
// problem found, by position.
func Load(name string, data []byte, overrides ...Override) (*compound.Scenario, error) {
	return load(name, data, false, overrides)
}

// LoadWithTargets loads a scenario as Load does, and also refuses each of
// its targets on a KPI it does not have, at the target's place, naming the
// nearest KPI: the commands that check the scenario's targets (run, plan)
// or measure its KPIs (bottlenecks, sensitivity, sweep) would refuse it
// anyway, and validate says so. Load leaves such a target be, for the
// scenarios made from another without one of its sections (compare
// --variant 'x: sampling=').
func LoadWithTargets(name string, data []byte, overrides ...Override) (*compound.Scenario, error) {
	return load(name, data, true, overrides)
}

// load is Load, and LoadWithTargets when targets is true.
func load(name string, data []byte, targets bool, overrides []Override) (sc *compound.Scenario, err error) {
	defer func() {
		// The last line of defence: the loader has no known panic, and the
		// tests fail on this message.
		if r := recover(); r != nil {
			sc, err = nil, Errors{{File: name, Line: 1, Column: 1, Msg: fmt.Sprintf("internal error: %v (please report it, with the file)", r)}}
		}
	}()
	errs := &collector{}
	origin := map[*yaml.Node]string{}
	d := newDecoder(name, errs, origin)
	root := parse(d, data)
	if root == nil {
		return nil, errs.errors()
	}
	if root.Kind != yaml.MappingNode {
		d.errorf(root, "", "expected the scenario as a mapping with the fields %s; got %s",
			listing(d.names(reflect.TypeFor[compound.Scenario]())), describe(root))
		return nil, errs.errors()
	}
	errs.order = map[string]int{}
	for i, o := range overrides {
		if _, dup := errs.order[text.OneLine(o.String())]; !dup {
			errs.order[text.OneLine(o.String())] = i + 1
		}
	}
	for _, o := range overrides {
		applyOverride(d, &root, o)
	}
	sc = &compound.Scenario{}
	d.decode(root, reflect.ValueOf(sc).Elem(), "", field{})
	// Every problem in one pass: the checks run on what decoded too, so
	// that a bound broken in one place is said beside a typo in another.
	// While the file has errors of its own, only checks of fields it
	// writes are added (a section it leaves out is said once those are
	// fixed), and none on a field that did not decode or on the fields
	// around it, which would only repeat its error in other words.
	failed := errs.paths()
	if guard(d, root, sc) {
		for _, fe := range sc.Check() {
			if len(failed) == 0 || present(root, fe.Path) && !touches(fe.Path, failed) {
				errs.add(d.at(locate(root, fe.Path), fe.Path, fe.Msg))
			}
		}
	}
	if targets && errs.empty() {
		for _, fe := range targetsWithoutKPI(sc) {
			errs.add(d.at(locate(root, fe.Path), fe.Path, fe.Msg))
		}
	}
	if !errs.empty() {
		return nil, errs.errors()
	}
	return sc, nil
}

// LoadFile loads the scenario in the file at path.
func LoadFile(path string, overrides ...Override) (*compound.Scenario, error) {
	return loadFile(path, false, overrides)
}

// loadFile is LoadFile, with LoadWithTargets's check when targets is true.
func loadFile(path string, targets bool, overrides []Override) (*compound.Scenario, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, err
	}
	return load(path, data, targets, overrides)
}

// parse reads the one YAML document in data and returns its root, or nil
// after reporting why there is none.
func parse(d *decoder, data []byte) *yaml.Node {
	if len(data) > maxFileSize {
		d.errorf(nil, "", "the file is larger than %d MiB, the most a scenario file may be", maxFileSize>>20)
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			what := "is empty"
			if len(bytes.TrimSpace(data)) > 0 {
				what = "holds only comments"
			}
			d.errorf(nil, "", "the file %s: expected a scenario, a mapping with the fields %s",
				what, listing(d.names(reflect.TypeFor[compound.Scenario]())))
		} else {
			syntaxError(d, data, err)
		}
		return nil
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		syntaxError(d, data, err)
		return nil
	default:
		d.errorf(&next, "", "a second YAML document starts here: a scenario file holds one document (remove the --- line)")
		return nil
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || isNull(target(doc.Content[0])) {
		d.errorf(&doc, "", "the file holds no scenario: expected a mapping with the fields %s",
			listing(d.names(reflect.TypeFor[compound.Scenario]())))
		return nil
	}
	return target(doc.Content[0])
}

// touches reports whether path is one of paths, or a field within one, or
// holds one.
func touches(path string, paths []string) bool {
	for _, p := range paths {
		if p == "" || path == p || within(path, p) || within(p, path) {
			return true
		}
	}
	return false
}

// within reports whether path is a field or an entry of parent.
func within(path, parent string) bool {
	return parent == "" || strings.HasPrefix(path, parent+".") || strings.HasPrefix(path, parent+"[")
}

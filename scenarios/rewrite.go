package scenarios

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Rewrite returns the scenario file data with the overrides written into
// it, its comments and layout kept as far as YAML allows, for saving a
// changed scenario (a plan) as a file to edit and run. The result is checked
// by loading it: it holds the same scenario that Load(name, data,
// overrides...) gives, or Rewrite returns that load's errors.
func Rewrite(name string, data []byte, overrides ...Override) ([]byte, error) {
	changes := make([]Change, len(overrides))
	for i, o := range overrides {
		changes[i] = Change{Override: o}
	}
	return RewriteChanged(name, data, changes...)
}

// Change is an override written into a file, and what the line that holds
// it says about it: who changed it and the value it had.
type Change struct {
	Override
	// By is who changed the value ("plan"); "" leaves the line's comment
	// as it is.
	By string
	// Was is the value before the change, as the file writes it ("" when
	// not known).
	Was string
}

// RewriteChanged is Rewrite, and the line of each change with a By gets
// the comment "changed by BY: was WAS" in place of its own, which was
// written for the old value. A line holding several changes (a flow
// mapping such as {name: site-a, registration: 3, swab: 6}) names each
// field: "changed by plan: registration was 2, swab was 5".
func RewriteChanged(name string, data []byte, changes ...Change) ([]byte, error) {
	overrides := make([]Override, len(changes))
	for i, c := range changes {
		overrides[i] = c.Override
	}
	if _, err := Load(name, data, overrides...); err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, fmt.Errorf("%s: not one YAML document", name)
	}
	errs := &collector{}
	d := newDecoder(name, errs, map[*yaml.Node]string{})
	root := doc.Content[0]
	// Every later override copies the nodes on its path, comments and
	// all: a note is written at once, and a line's notes are kept by its
	// place in the file.
	notes := map[string]*lineNote{}
	for _, c := range changes {
		trail := applyOverride(d, &root, c.Override)
		if c.By == "" || len(trail) == 0 {
			continue
		}
		holder, field := lineHolder(trail, c.Path)
		key := "path " + c.Path
		if field != "" {
			key = fmt.Sprintf("line %d:%d %p", holder.Line, holder.Column, holder)
			if holder.Line > 0 {
				key = fmt.Sprintf("line %d:%d", holder.Line, holder.Column)
			}
		}
		n := notes[key]
		if n == nil {
			n = &lineNote{}
			notes[key] = n
		}
		n.add(c, field)
		holder.LineComment = n.String()
	}
	if !errs.empty() {
		return nil, errs.errors()
	}
	doc.Content[0] = root
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// lineHolder returns the node whose line comment describes the new value
// at the end of trail, and the field to name in it: the outermost
// collection on the path written on one line (a flow mapping or list),
// or the value itself ("" for the field).
func lineHolder(trail []*yaml.Node, path string) (*yaml.Node, string) {
	for _, n := range trail[:len(trail)-1] {
		if n.Style&yaml.FlowStyle != 0 && (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) {
			field := path
			if i := strings.LastIndex(path, "."); i >= 0 {
				field = path[i+1:]
			}
			return n, field
		}
	}
	return trail[len(trail)-1], ""
}

// lineNote collects what one line says about its changes.
type lineNote struct {
	by    []string
	parts map[string][]string
}

func (n *lineNote) add(c Change, field string) {
	if n.parts == nil {
		n.parts = map[string][]string{}
	}
	if !slices.Contains(n.by, c.By) {
		n.by = append(n.by, c.By)
	}
	part := field
	if c.Was != "" {
		part = strings.TrimSpace(field + " was " + c.Was)
	}
	if part != "" {
		n.parts[c.By] = append(n.parts[c.By], part)
	}
}

// String writes the note as a comment: "changed by plan: was 4".
func (n *lineNote) String() string {
	var out []string
	for _, by := range n.by {
		s := "changed by " + by
		if ps := n.parts[by]; len(ps) > 0 {
			s += ": " + strings.Join(ps, ", ")
		}
		out = append(out, s)
	}
	return "# " + strings.Join(out, "; ")
}

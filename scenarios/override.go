package scenarios

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"cordon/compound"
	"cordon/text"

	"go.yaml.in/yaml/v3"
)

// Override is one --set path=value: Path names a field with dotted YAML
// names (staff[1].count, or staff.gate-crew.count to select a list entry
// by its name, or by its id for buildings) and Value is YAML text. Flag is
// what the override came from, as errors name it: "--set" when empty, or
// another flag that sets values ("--vary", "--variant NAME:").
type Override struct{ Path, Value, Flag string }

// String returns the override as it is written on the command line:
// "--set path=value" (or its Flag's name instead of --set).
func (o Override) String() string {
	flag := o.Flag
	if flag == "" {
		flag = "--set"
	}
	return flag + " " + o.Path + "=" + o.Value
}

// ParseOverride reads "path=value". The value may be empty (the field then
// takes its default) and may itself contain '='.
func ParseOverride(s string) (Override, error) {
	path, value, ok := strings.Cut(s, "=")
	path = strings.TrimSpace(path)
	switch {
	case !ok:
		return Override{}, fmt.Errorf("--set %s: no '=': write path=value, for example gate.intake=30s", quote(s))
	case path == "":
		return Override{}, fmt.Errorf("--set %s: the path before '=' is empty: write path=value, for example gate.intake=30s", quote(s))
	}
	return Override{Path: path, Value: value}, nil
}

// applyOverride sets the field o.Path of the YAML tree at *root to o.Value,
// creating the fields and sections on the way that the file leaves out.
// Nodes on the path are copied before they change, so that a value the
// file shares through an alias changes only here. A mapping set on a
// section or a list entry the file has (not on a distribution, which is
// replaced whole) sets the fields it names and keeps the others, as one
// override per field would. Problems are reported at the override. It
// returns the nodes on the path, from the root to the new value (nil after
// a problem), for Rewrite to note the change on its line.
func applyOverride(d *decoder, root **yaml.Node, o Override) []*yaml.Node {
	src := text.OneLine(o.String())
	fail := func(path, format string, a ...any) {
		d.errs.add(Error{File: src, Path: path, Msg: fmt.Sprintf(format, a...)})
	}
	segs, err := parseOverridePath(o.Path)
	if err != nil {
		fail("", "%v", err)
		return nil
	}
	slot, t, path, trail, ok := d.walk(root, reflect.TypeFor[compound.Scenario](), "", segs, src, fail)
	if !ok {
		return nil
	}
	value, err := snippet(o.Value)
	if err != nil {
		fail(path, "the value is not valid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		return nil
	}
	d.mark(value, src, map[*yaml.Node]bool{})
	d.put(slot, t, path, value, src, fail)
	return append(trail, *slot)
}

// put sets the node at *slot, of Go type t, to value: field by field when
// both are mappings of a section (see applyOverride), else whole.
func (d *decoder) put(slot **yaml.Node, t reflect.Type, path string, value *yaml.Node, src string, fail func(path, format string, a ...any)) {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	old := target(*slot)
	if t.Kind() != reflect.Struct || t == reflect.TypeFor[compound.Dist]() || value.Kind != yaml.MappingNode ||
		isNull(old) || old.Kind != yaml.MappingNode {
		*slot = value
		return
	}
	for i := 0; i+1 < len(value.Content); i += 2 {
		key := target(value.Content[i])
		if key == nil || key.Kind != yaml.ScalarNode {
			fail(path, "a field name must be a plain text, not %s", describe(key))
			return
		}
		sub, st, subPath, _, ok := d.walk(slot, t, path, []segment{{name: key.Value}}, src, fail)
		if !ok {
			return
		}
		d.put(sub, st, subPath, value.Content[i+1], src, fail)
	}
}

// walk follows segs from the node at *slot, of Go type t at path, making
// the fields and sections the file leaves out, and returns where the last
// one is, its Go type, its path and the collections it went through (each
// copied before it changes); false when the path is wrong (reported with
// fail).
func (d *decoder) walk(slot **yaml.Node, t reflect.Type, path string, segs []segment, src string,
	fail func(path, format string, a ...any)) (**yaml.Node, reflect.Type, string, []*yaml.Node, bool) {
	var trail []*yaml.Node
	for _, seg := range segs {
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch {
		case t == reflect.TypeFor[compound.Dist]():
			n := target(*slot)
			if isNull(n) {
				*slot = d.made(&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}, src)
			} else if n.Kind != yaml.MappingNode {
				fail(path, "is written as %s, not as a mapping: set the whole distribution, as --set '%s=%s'",
					describe(n), path, example("lognormal", false))
				return nil, nil, "", nil, false
			}
			if seg.isIndex || !slices.Contains(allDistFields(), seg.name) {
				fail(step(path, seg), "a distribution has no such field%s (fields: %s)", text.DidYouMean(seg.name, allDistFields()), listing(allDistFields()))
				return nil, nil, "", nil, false
			}
			own := d.own(slot)
			trail = append(trail, own)
			slot = d.keySlot(own, seg.name, src)
			path = join(path, seg.name)
			t = reflect.TypeFor[float64]()
			if seg.name == "values" || seg.name == "weights" {
				t = reflect.TypeFor[[]float64]()
			} else if seg.name == "dist" {
				t = reflect.TypeFor[string]()
			}
		case t.Kind() == reflect.Struct:
			if seg.isIndex {
				fail(step(path, seg), "%s is not a list", pathOrTop(path))
				return nil, nil, "", nil, false
			}
			fields := d.fieldsOf(t)
			j := fieldIndex(fields, seg.name)
			if j < 0 {
				names := d.names(t)
				fail(join(path, seg.name), "unknown field%s (fields here: %s)", text.DidYouMean(seg.name, names), listing(names))
				return nil, nil, "", nil, false
			}
			n := target(*slot)
			if isNull(n) {
				*slot = d.made(&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}, src)
			} else if n.Kind != yaml.MappingNode {
				fail(path, "is written as %s in the file, not as a mapping: cannot set a field in it", describe(n))
				return nil, nil, "", nil, false
			}
			own := d.own(slot)
			trail = append(trail, own)
			slot = d.keySlot(own, seg.name, src)
			path = join(path, seg.name)
			t = t.Field(fields[j].index).Type
		case t.Kind() == reflect.Slice:
			n := target(*slot)
			var entries []*yaml.Node
			if !isNull(n) {
				if n.Kind != yaml.SequenceNode {
					fail(path, "is written as %s in the file, not as a list", describe(n))
					return nil, nil, "", nil, false
				}
				entries = n.Content
			}
			i, msg := d.entry(t, entries, seg, path)
			if msg != "" {
				fail(step(path, seg), "%s", msg)
				return nil, nil, "", nil, false
			}
			own := d.own(slot)
			trail = append(trail, own)
			slot = &own.Content[i]
			path = step(path, seg)
			t = t.Elem()
		default:
			fail(step(path, seg), "%s is a single value: it has no field %s", path, segName(seg))
			return nil, nil, "", nil, false
		}
	}
	return slot, t, path, trail, true
}

// pathOrTop names a path for messages; "" is the scenario itself.
func pathOrTop(path string) string {
	if path == "" {
		return "the scenario"
	}
	return path
}

// step appends a segment to a path: .name or [index].
func step(path string, s segment) string {
	if s.isIndex {
		return path + segName(s)
	}
	return join(path, s.name)
}

func segName(s segment) string {
	if s.isIndex {
		return "[" + strconv.Itoa(s.index) + "]"
	}
	return s.name
}

// entry finds the list entry a segment selects: by position, or by the
// entries' name (id for buildings). It returns what is wrong if none.
func (d *decoder) entry(t reflect.Type, entries []*yaml.Node, seg segment, path string) (int, string) {
	noun, nouns := listNoun(path)
	if seg.isIndex {
		switch {
		case len(entries) == 0:
			return 0, fmt.Sprintf("there are no %s in the file to select", nouns)
		case seg.index >= len(entries):
			return 0, fmt.Sprintf("there are %d %s, %s[0] to %s[%d]", len(entries), nouns, path, path, len(entries)-1)
		}
		return seg.index, ""
	}
	elem := t.Elem()
	if elem.Kind() != reflect.Struct {
		return 0, fmt.Sprintf("%s is a list of values: select an entry by its position, as %s[0]", path, path)
	}
	by := d.entryKey(elem)
	if by == "" {
		return 0, fmt.Sprintf("select an entry of %s by its position, as %s[0]", path, path)
	}
	var names []string
	for i, e := range entries {
		_, v := lookup(target(e), by)
		if v = target(v); v == nil || v.Kind != yaml.ScalarNode {
			continue
		}
		if v.Value == seg.name {
			return i, ""
		}
		names = append(names, v.Value)
	}
	what := "named"
	if by == "id" {
		what = "with id"
	}
	if len(names) == 0 {
		return 0, fmt.Sprintf("no %s %s %s: there are no %s in the file", noun, what, show(seg.name), nouns)
	}
	return 0, fmt.Sprintf("no %s %s %s%s (%s: %s)", noun, what, show(seg.name), text.DidYouMean(seg.name, names), nouns, listSome(names, 20))
}

// entryKey returns the field that names an entry of a list of structs of
// type t: name, else id (buildings), or "" when it has neither. An
// override selects the entry by it, and the schema requires it.
func (d *decoder) entryKey(t reflect.Type) string {
	for _, key := range []string{"name", "id"} {
		if fieldIndex(d.fieldsOf(t), key) >= 0 {
			return key
		}
	}
	return ""
}

// listNoun names the entries of the list at path, for messages.
func listNoun(path string) (one, many string) {
	name := path
	if i := strings.LastIndexAny(name, ".]"); i >= 0 {
		name = name[i+1:]
	}
	switch name {
	case "staff":
		return "pool", "pools"
	case "zones":
		return "zone", "zones"
	case "buildings":
		return "building", "buildings"
	case "deliveries":
		return "delivery kind", "delivery kinds"
	case "sites":
		return "site", "sites"
	case "shifts":
		return "shift", "shifts"
	case "breaks":
		return "break", "breaks"
	case "tasks":
		return "task", "tasks"
	case "targets":
		return "target", "targets"
	}
	return "entry", "entries"
}

// listSome joins at most n names, marking the rest with "...".
func listSome(names []string, n int) string {
	if len(names) <= n {
		return listing(names)
	}
	return listing(names[:n]) + ", ..."
}

// own replaces the node at *slot (following an alias) with a copy whose
// content it may change, and returns the copy.
func (d *decoder) own(slot **yaml.Node) *yaml.Node {
	old := target(*slot)
	cp := *old
	cp.Content = slices.Clone(old.Content)
	if src, ok := d.origin[old]; ok {
		d.origin[&cp] = src
	}
	*slot = &cp
	return &cp
}

// keySlot returns where the value of field name is in mapping m, adding
// the field (empty) when m lacks it.
func (d *decoder) keySlot(m *yaml.Node, name, src string) **yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := target(m.Content[i]); k != nil && k.Kind == yaml.ScalarNode && k.Value == name {
			return &m.Content[i+1]
		}
	}
	m.Content = append(m.Content,
		d.made(&yaml.Node{Kind: yaml.ScalarNode, Tag: tagStr, Value: name}, src),
		d.made(&yaml.Node{Kind: yaml.ScalarNode, Tag: tagNull}, src))
	return &m.Content[len(m.Content)-1]
}

// made records that n was written by the override src, and returns it.
func (d *decoder) made(n *yaml.Node, src string) *yaml.Node {
	d.origin[n] = src
	return n
}

// mark records that every node of the tree n was written by the override
// src.
func (d *decoder) mark(n *yaml.Node, src string, seen map[*yaml.Node]bool) {
	if n == nil || seen[n] {
		return
	}
	seen[n] = true
	d.origin[n] = src
	d.mark(n.Alias, src, seen)
	for _, c := range n.Content {
		d.mark(c, src, seen)
	}
}

// snippet parses the YAML text of an override's value.
func snippet(text string) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		return nil, err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tagNull}, nil
	}
	return doc.Content[0], nil
}

// parseOverridePath splits an override path: dotted names, each followed
// by any number of [index].
func parseOverridePath(p string) ([]segment, error) {
	bad := func(why string) error {
		return errors.New("the path " + quote(p) + " " + why + ": write dotted field names, with [n] or a name to select a list entry, as staff[1].count or staff.gate-crew.count")
	}
	var out []segment
	for part := range strings.SplitSeq(p, ".") {
		name, rest, _ := strings.Cut(part, "[")
		if name == "" {
			return nil, bad("has an empty field name")
		}
		if strings.Contains(name, "]") {
			return nil, bad("has a ] without [")
		}
		out = append(out, segment{name: name})
		for rest != "" {
			num, after, ok := strings.Cut(rest, "]")
			i, err := strconv.Atoi(num)
			if !ok || err != nil || i < 0 || num != strconv.Itoa(i) {
				return nil, bad("has a bad list position [" + num + "]")
			}
			out = append(out, segment{index: i, isIndex: true})
			if after == "" {
				break
			}
			if !strings.HasPrefix(after, "[") {
				return nil, bad("has text after ]")
			}
			rest = after[1:]
		}
	}
	return out, nil
}

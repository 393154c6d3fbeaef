package scenarios

import (
	"fmt"
	"reflect"
	"strings"

	"cordon/compound"
	"cordon/text"

	"go.yaml.in/yaml/v3"
)

// decoder walks a YAML node tree into a compound.Scenario, driven by the
// yaml, default and unit tags of its fields. It reports every problem it
// finds to errs and carries on with the next field.
type decoder struct {
	file   string
	errs   *collector
	origin map[*yaml.Node]string // nodes written by an override: its "--set path=value"
	budget int                   // values it may still visit, aliases expanded
	over   bool                  // the budget ran out: stop
	fields map[reflect.Type][]field
}

// field is one struct field as the YAML sees it.
type field struct {
	index  int
	name   string // the yaml tag
	unit   string // "count" for a Dist of quantities; "" for times
	def    string // the default tag
	hasDef bool
}

func newDecoder(file string, errs *collector, origin map[*yaml.Node]string) *decoder {
	return &decoder{file: file, errs: errs, origin: origin, budget: maxNodes, fields: map[reflect.Type][]field{}}
}

// errorf reports a problem with the value at node n, whose path is path.
func (d *decoder) errorf(n *yaml.Node, path, format string, a ...any) {
	d.errs.add(d.at(n, path, fmt.Sprintf(format, a...)))
}

// at returns an error positioned at n: in the file, or at the override that
// wrote n.
func (d *decoder) at(n *yaml.Node, path, msg string) Error {
	if src, ok := d.origin[n]; ok {
		return Error{File: src, Path: path, Msg: msg}
	}
	line, col := 1, 1
	if n != nil && n.Line > 0 {
		line, col = n.Line, max(n.Column, 1)
	}
	return Error{File: d.file, Line: line, Column: col, Path: path, Msg: msg}
}

// visit counts one value against the budget and reports whether the walk
// goes on. The budget stops aliases that expand exponentially ("billion
// laughs").
func (d *decoder) visit(n *yaml.Node) bool {
	if d.over {
		return false
	}
	d.budget--
	if d.budget < 0 {
		d.over = true
		d.errorf(n, "", "the document has more than %d values once its aliases (*name) are expanded: aliases must not multiply the document", maxNodes)
		return false
	}
	return true
}

// fieldsOf returns the YAML fields of a struct type.
func (d *decoder) fieldsOf(t reflect.Type) []field {
	if fs, ok := d.fields[t]; ok {
		return fs
	}
	var fs []field
	for i := range t.NumField() {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		if name == "" || name == "-" || !sf.IsExported() {
			continue
		}
		def, hasDef := sf.Tag.Lookup("default")
		fs = append(fs, field{index: i, name: name, unit: sf.Tag.Get("unit"), def: def, hasDef: hasDef})
	}
	d.fields[t] = fs
	return fs
}

// names returns the YAML names of a struct type's fields.
func (d *decoder) names(t reflect.Type) []string {
	fs := d.fieldsOf(t)
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.name
	}
	return out
}

// join appends a field name to a path.
func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// decode stores the value of n in v, whose path is path and whose field
// tags are f.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string, f field) {
	if !d.visit(n) {
		return
	}
	n = target(n)
	if n == nil {
		d.errorf(n, path, "an alias that names no anchor")
		return
	}
	if isNull(n) {
		d.errorf(n, path, "is empty: expected %s", d.expect(v.Type(), f))
		return
	}
	switch p := v.Addr().Interface().(type) {
	case *compound.Clock:
		d.clock(n, p, path)
		return
	case *compound.Duration:
		if s, msg := seconds(n); msg != "" {
			d.errorf(n, path, "%s", msg)
		} else {
			*p = compound.Duration(s)
		}
		return
	case *compound.Dist:
		d.dist(n, p, path, f.unit == "count")
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.structure(n, v, path)
	case reflect.Pointer:
		if v.Type().Elem().Kind() != reflect.Struct {
			d.errorf(n, path, "internal error: cannot decode into %s", v.Type())
			return
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.structure(n, v.Elem(), path)
	case reflect.Slice:
		d.list(n, v, path, f)
	case reflect.String:
		d.text(n, v, path, f)
	case reflect.Bool:
		if n.Kind == yaml.ScalarNode && n.ShortTag() == tagBool {
			var b bool
			if err := n.Decode(&b); err == nil {
				v.SetBool(b)
				return
			}
		}
		hint := ""
		switch strings.ToLower(n.Value) {
		case "yes", "no", "on", "off", "y", "n":
			hint = " (YAML 1.2 reads " + n.Value + " as text)"
		}
		d.errorf(n, path, "expected true or false; got %s%s", describe(n), hint)
	case reflect.Int, reflect.Int64, reflect.Int32:
		if i, msg := whole(n); msg != "" {
			d.errorf(n, path, "%s", msg)
		} else {
			v.SetInt(i)
		}
	case reflect.Uint64:
		if u, msg := natural(n); msg != "" {
			d.errorf(n, path, "%s", msg)
		} else {
			v.SetUint(u)
		}
	case reflect.Float64:
		if x, msg := number(n); msg != "" {
			d.errorf(n, path, "%s", msg)
		} else {
			v.SetFloat(x)
		}
	default:
		d.errorf(n, path, "internal error: cannot decode into %s", v.Type())
	}
}

// structure decodes a mapping into a struct: each key names a field; fields
// absent (or empty) take their default.
func (d *decoder) structure(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "expected %s; got %s", d.expect(v.Type(), field{}), describe(n))
		return
	}
	fields := d.fieldsOf(v.Type())
	given := make([]*yaml.Node, len(fields))
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if !d.visit(k) {
			return
		}
		name, ok := d.key(k, path)
		if !ok {
			continue
		}
		j := fieldIndex(fields, name)
		fp := join(path, shorten(name))
		switch {
		case j < 0:
			d.errorf(k, fp, "unknown field%s (fields here: %s)", text.DidYouMean(name, d.names(v.Type())), listing(d.names(v.Type())))
			continue
		case given[j] != nil:
			d.errorf(k, fp, "is given twice (first on line %d): give each field once", given[j].Line)
			continue
		}
		given[j] = k
		if isNull(target(val)) {
			d.setDefault(v.Field(fields[j].index), fields[j], fp, k)
			continue
		}
		d.decode(val, v.Field(fields[j].index), fp, fields[j])
		if d.over {
			return
		}
	}
	for j, f := range fields {
		if given[j] == nil {
			d.setDefault(v.Field(f.index), f, join(path, f.name), n)
		}
	}
}

func fieldIndex(fields []field, name string) int {
	for j, f := range fields {
		if f.name == name {
			return j
		}
	}
	return -1
}

// key returns the name a mapping key gives, or false after reporting a key
// that is not a plain name.
func (d *decoder) key(k *yaml.Node, path string) (string, bool) {
	t := target(k)
	switch {
	case t == nil || t.Kind != yaml.ScalarNode:
		d.errorf(k, path, "a key must be a field name; got %s", describe(k))
		return "", false
	case t.ShortTag() == tagMerge:
		d.errorf(k, path, "merge keys (<<) are not supported: write the fields out, or give the whole value as an alias (*name)")
		return "", false
	}
	return t.Value, true
}

// setDefault gives an absent field its default: the default tag read like
// the YAML text, or the defaults of a nested struct; other fields stay
// zero. at is the node errors in a default are reported at (there should
// be none: the tests decode every default).
func (d *decoder) setDefault(v reflect.Value, f field, path string, at *yaml.Node) {
	if f.hasDef {
		n := &yaml.Node{Kind: yaml.ScalarNode, Value: f.def, Line: at.Line, Column: at.Column}
		if src, ok := d.origin[at]; ok {
			d.origin[n] = src
		}
		d.decode(n, v, path, f)
		return
	}
	if v.Kind() == reflect.Struct && v.Type() != reflect.TypeFor[compound.Dist]() {
		for _, sub := range d.fieldsOf(v.Type()) {
			d.setDefault(v.Field(sub.index), sub, join(path, sub.name), at)
		}
	}
}

// list decodes a sequence into a slice.
func (d *decoder) list(n *yaml.Node, v reflect.Value, path string, f field) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, path, "expected %s; got %s", d.expect(v.Type(), f), describe(n))
		return
	}
	if limit := listLimit(f.name, v.Type()); len(n.Content) > limit {
		d.errorf(n, path, "has %d entries: at most %d are allowed here", len(n.Content), limit)
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, e := range n.Content {
		d.decode(e, s.Index(i), fmt.Sprintf("%s[%d]", path, i), f)
		if d.over {
			return
		}
	}
	v.Set(s)
}

// text decodes a scalar into a string. Names and ids are short.
func (d *decoder) text(n *yaml.Node, v reflect.Value, path string, f field) {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, path, "expected %s; got %s", d.expect(v.Type(), f), describe(n))
		return
	}
	if limit := textLimit(f.name); longText(f.name) || limit != maxNameLen {
		if len(n.Value) > limit {
			d.errorf(n, path, "is %d bytes long: at most %d", len(n.Value), limit)
			return
		}
	} else if len(n.Value) > maxNameLen {
		d.errorf(n, path, "%s is %d bytes long: a name is at most %d", quote(n.Value), len(n.Value), maxNameLen)
		return
	}
	v.SetString(n.Value)
}

// expect says what a value of type t should be written as.
func (d *decoder) expect(t reflect.Type, f field) string {
	switch t {
	case reflect.TypeFor[compound.Clock]():
		return "a time of day HH:MM, for example 07:30"
	case reflect.TypeFor[compound.Duration]():
		return "a duration such as 45s, 30m or 1h30m"
	case reflect.TypeFor[compound.Dist]():
		if f.unit == "count" {
			return "a number such as 5 or a distribution such as " + example("uniform", true)
		}
		return "a duration such as 30s or a distribution such as " + example("lognormal", false)
	}
	switch t.Kind() {
	case reflect.Pointer:
		return d.expect(t.Elem(), f)
	case reflect.Struct:
		return "a mapping with the fields " + listing(d.names(t))
	case reflect.Slice:
		switch t.Elem().Kind() {
		case reflect.Float64:
			return "a list of numbers such as [1, 2, 1]"
		case reflect.String:
			return "a list such as [a, b]"
		}
		return "a list, one entry per line starting with \"- \""
	case reflect.String:
		return "a name or text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint64:
		return "a whole number such as 5"
	case reflect.Float64:
		return "a number such as 2.5"
	}
	return t.String()
}

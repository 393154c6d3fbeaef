package scenarios

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"cordon/compound"
	"cordon/sim/random"
)

// Path is one value of a scenario that --set and --vary can change: its
// path as they write it, what kind of value it takes, and its value in the
// scenario, written as --set takes it.
type Path struct {
	Path, Type, Value string
}

// Paths lists every value of sc that --set can change, in the order of the
// format: a list's entries by their name (or id), a distribution whole.
// Sections the scenario leaves out (no sampling round, say) are not
// listed: their fields are set by writing the section.
func Paths(sc *compound.Scenario) []Path {
	d := newDecoder("", &collector{}, nil)
	var out []Path
	d.paths(reflect.ValueOf(sc).Elem(), "", field{}, &out)
	return out
}

// paths adds the settable values under v, at path.
func (d *decoder) paths(v reflect.Value, path string, f field, out *[]Path) {
	add := func(typ, value string) { *out = append(*out, Path{Path: path, Type: typ, Value: value}) }
	switch v.Type() {
	case reflect.TypeFor[compound.Dist]():
		dist := v.Interface().(compound.Dist)
		if dist.Family == "" {
			return // not given: an optional time (a kind's own dwell)
		}
		if f.unit == "count" {
			add("count: a whole number or a distribution", countText(dist))
			return
		}
		text, err := FormatDist(dist.Spec)
		if err != nil {
			text = "(cannot be written)"
		}
		add("time: a duration or a distribution", text)
		return
	case reflect.TypeFor[compound.Duration]():
		add("duration", v.Interface().(compound.Duration).String())
		return
	case reflect.TypeFor[compound.Clock]():
		add("time of day", v.Interface().(compound.Clock).String())
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			d.paths(v.Elem(), path, f, out)
		}
	case reflect.Struct:
		for _, sf := range d.fieldsOf(v.Type()) {
			d.paths(v.Field(sf.index), join(path, sf.name), sf, out)
		}
	case reflect.Slice:
		elem := v.Type().Elem()
		if elem.Kind() != reflect.Struct {
			items := make([]string, v.Len())
			for i := range items {
				items[i] = scalarText(v.Index(i))
				if v.Index(i).Kind() == reflect.String {
					items[i] = yamlText(v.Index(i).String())
				}
			}
			add("list", "["+strings.Join(items, ", ")+"]")
			return
		}
		key := d.entryKey(elem)
		for i := range v.Len() {
			e := v.Index(i)
			sub := fmt.Sprintf("%s[%d]", path, i)
			if key != "" {
				if name := e.Field(d.fieldsOf(elem)[fieldIndex(d.fieldsOf(elem), key)].index).String(); name != "" && !strings.ContainsAny(name, ".[]") {
					sub = path + "." + name
				}
			}
			d.paths(e, sub, field{}, out)
		}
	case reflect.Int, reflect.Int64:
		add("whole number", strconv.FormatInt(v.Int(), 10))
	case reflect.Uint64:
		add("whole number", strconv.FormatUint(v.Uint(), 10))
	case reflect.Float64:
		add("number", strconv.FormatFloat(v.Float(), 'g', -1, 64))
	case reflect.Bool:
		add("yes or no", strconv.FormatBool(v.Bool()))
	case reflect.String:
		add("text", yamlText(v.String()))
	}
}

// plainText matches text YAML reads back as the same string, unquoted.
var plainText = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9 _./+-]*$`)

// yamlText writes s as a YAML scalar that reads back as s, on one line:
// as it is when it is plain, else double-quoted with Go's escapes (YAML's
// double-quoted style reads them).
func yamlText(s string) string {
	if plainText.MatchString(s) && !strings.HasSuffix(s, " ") {
		switch strings.ToLower(s) {
		case "true", "false", "yes", "no", "on", "off", "null", "~":
			return strconv.Quote(s)
		}
		if _, err := strconv.ParseFloat(s, 64); err != nil {
			return s
		}
	}
	return strconv.Quote(s)
}

// scalarText writes one item of a list of plain values.
func scalarText(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64)
	case reflect.Int, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	}
	return fmt.Sprint(v.Interface())
}

// countText writes a distribution of counts: its whole number when it is
// a constant, else its fields.
func countText(d compound.Dist) string {
	if d.Family == random.FamilyConstant {
		return strconv.FormatFloat(d.Value, 'g', -1, 64)
	}
	parts := []string{"dist: " + d.Family}
	for _, p := range family(d.Family).Params {
		if p.List {
			var xs []string
			for _, x := range *p.Numbers(&d.Spec) {
				xs = append(xs, strconv.FormatFloat(x, 'g', -1, 64))
			}
			parts = append(parts, p.Name+": ["+strings.Join(xs, ", ")+"]")
			continue
		}
		parts = append(parts, p.Name+": "+strconv.FormatFloat(*p.Number(&d.Spec), 'g', -1, 64))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

package serve

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"cordon/scenarios"
)

// schemaInfo answers what the scenario schema says about a field: its
// description, how it is written, its default and its limits. It reads
// the schema `cordon schema` prints (scenarios.Schema), generated from the
// Go types' doc tags, so that the form says what the schema says.
type schemaInfo struct {
	root obj
	defs obj
}

// obj is a JSON object of the schema.
type obj = map[string]any

// newSchemaInfo parses the scenario schema.
func newSchemaInfo() (*schemaInfo, error) {
	var root obj
	dec := json.NewDecoder(bytes.NewReader(scenarios.Schema()))
	dec.UseNumber() // limits as the schema writes them: 18446744073709551615, not 1.8e+19
	if err := dec.Decode(&root); err != nil {
		return nil, err
	}
	defs, _ := root["$defs"].(obj)
	return &schemaInfo{root: root, defs: defs}, nil
}

// fieldInfo is what the schema says about one field.
type fieldInfo struct {
	Desc    string   // what the field is (the doc tag)
	Format  string   // how its kind of value is written (a time of day, a distribution)
	Default string   // its default, "" when none
	Min     string   // its least value, "" when none
	Max     string   // its greatest value, "" when none
	Enum    []string // its only values, if any
	Integer bool     // a whole number
}

// resolve follows a $ref, or the one alternative of an anyOf that is not
// null, and returns the schema it leads to and the description met on the
// way (a definition's own, which says how its values are written).
func (si *schemaInfo) resolve(n obj) (obj, string) {
	format := ""
	for range 8 {
		if ref, ok := n["$ref"].(string); ok {
			def, _ := si.defs[strings.TrimPrefix(ref, "#/$defs/")].(obj)
			if def == nil {
				return n, format
			}
			if d, ok := def["description"].(string); ok && format == "" {
				format = d
			}
			n = def
			continue
		}
		if alts, ok := n["anyOf"].([]any); ok {
			next := obj(nil)
			for _, a := range alts {
				if m, ok := a.(obj); ok && m["type"] != "null" {
					next = m
					break
				}
			}
			if next == nil {
				return n, format
			}
			n = next
			continue
		}
		break
	}
	return n, format
}

// step is one segment of a path as --set writes it: a field's name, or
// a list entry by its position or by its name.
type step struct {
	Name    string
	Index   int
	IsIndex bool
}

// splitPath splits a path such as staff.suited-crew.shifts[0].count into
// its steps. Entry names never hold '.', '[' or ']' (scenarios.Paths
// writes such an entry by its position).
func splitPath(p string) []step {
	var out []step
	for part := range strings.SplitSeq(p, ".") {
		name, rest, _ := strings.Cut(part, "[")
		if name != "" {
			out = append(out, step{Name: name})
		}
		for rest != "" {
			num, after, _ := strings.Cut(rest, "]")
			i, _ := strconv.Atoi(num)
			out = append(out, step{Index: i, IsIndex: true})
			rest = strings.TrimPrefix(after, "[")
		}
	}
	return out
}

// walked is a path followed through the schema: what it says about the
// last field, and which steps select a list entry.
type walked struct {
	info    fieldInfo
	entries []bool // per step: it selects an entry of a list
	ok      bool
}

// walk follows the steps of a path through the schema.
func (si *schemaInfo) walk(steps []step) walked {
	w := walked{entries: make([]bool, len(steps))}
	n := si.root
	var prop obj
	for i, s := range steps {
		r, _ := si.resolve(n)
		if props, ok := r["properties"].(obj); ok && !s.IsIndex {
			p, ok := props[s.Name].(obj)
			if !ok {
				return w
			}
			n, prop = p, p
			continue
		}
		if items, ok := r["items"].(obj); ok {
			w.entries[i] = true
			n, prop = items, nil
			continue
		}
		return w
	}
	w.info = si.describe(prop, n)
	w.ok = true
	return w
}

// describe gathers what the schema says about a field from its property
// (nil for a list entry) and the schema the property leads to.
func (si *schemaInfo) describe(prop, n obj) fieldInfo {
	r, format := si.resolve(n)
	var fi fieldInfo
	for _, m := range []obj{prop, r} {
		if m == nil {
			continue
		}
		if d, ok := m["description"].(string); ok && fi.Desc == "" {
			fi.Desc = d
		}
		if v, ok := m["default"]; ok && fi.Default == "" {
			fi.Default = jsonText(v)
		}
		if v, ok := m["minimum"]; ok && fi.Min == "" {
			fi.Min = jsonText(v)
		}
		if v, ok := m["maximum"]; ok && fi.Max == "" {
			fi.Max = jsonText(v)
		}
		if vs, ok := m["enum"].([]any); ok && fi.Enum == nil {
			for _, v := range vs {
				if v != nil {
					fi.Enum = append(fi.Enum, jsonText(v))
				}
			}
		}
		switch t := m["type"].(type) {
		case string:
			fi.Integer = fi.Integer || t == "integer"
		case []any:
			for _, x := range t {
				fi.Integer = fi.Integer || x == "integer"
			}
		}
	}
	if format != fi.Desc {
		fi.Format = format
	}
	return fi
}

// jsonText writes a schema value as the form shows it.
func jsonText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

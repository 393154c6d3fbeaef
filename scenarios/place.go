package scenarios

import (
	"reflect"
	"slices"
	"strings"

	"cordon/compound"
)

// How a path reaches a random time in a scenario (Place.Reach).
const (
	PlaceNone    = iota // not a random time of the scenario format
	PlaceMapping        // a field reached through mappings: nested keys
	PlaceEach           // a field of every entry of a list: zones.walk
	PlaceEntry          // a field of one entry of a list: zones.zone-3.walk, zones[2].walk
)

// Place is where a random time named by a dotted path goes in a scenario,
// for writing a fitted distribution where it belongs.
type Place struct {
	Reach int    // how the path reaches the field: PlaceNone, PlaceMapping, PlaceEach or PlaceEntry
	Each  string // for PlaceEach, the path with [i] after the list: zones[i].walk
	Entry string // for PlaceEach and PlaceEntry, what the list holds: zone
	Field string // the field's name: walk
}

// PlaceOf says where the step goes in a scenario, from the yaml names of
// compound.Scenario's fields: a random time (a Dist that is not a count)
// reached through mappings, possibly through one list, whose entry the
// step selects by position (zones[2].walk) or by name (zones.zone-3.walk),
// or not (zones.walk: every entry's).
func PlaceOf(step string) Place {
	t := reflect.TypeFor[compound.Scenario]()
	segs := strings.Split(step, ".")
	p := Place{Reach: PlaceMapping, Field: segs[len(segs)-1]}
	for i := 0; i < len(segs); i++ {
		name, indexed := strings.CutSuffix(segs[i], "]")
		name, index, _ := strings.Cut(name, "[")
		f, ok := yamlFieldOf(t, name)
		if !ok || indexed && !isListIndex(index) {
			return Place{}
		}
		ft := derefType(f.Type)
		if i == len(segs)-1 {
			if indexed || ft != reflect.TypeFor[compound.Dist]() || f.Tag.Get("unit") == "count" {
				return Place{}
			}
			return p
		}
		if ft.Kind() == reflect.Slice && p.Reach == PlaceMapping {
			ft = derefType(ft.Elem())
			p.Entry = strings.ToLower(ft.Name())
			_, isField := yamlFieldOf(ft, segs[i+1])
			switch {
			case indexed:
				p.Reach = PlaceEntry
			case !isField && i+2 < len(segs):
				p.Reach = PlaceEntry
				i++ // the entry's name
			default:
				p.Reach = PlaceEach
				each := slices.Clone(segs)
				each[i] += "[i]"
				p.Each = strings.Join(each, ".")
			}
		} else if indexed {
			return Place{}
		}
		if ft.Kind() != reflect.Struct {
			return Place{}
		}
		t = ft
	}
	return Place{}
}

// isListIndex reports whether s is a list position: digits.
func isListIndex(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// derefType returns the type a pointer type points to, or t.
func derefType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// yamlFieldOf returns the field of struct t whose yaml name is name.
func yamlFieldOf(t reflect.Type, name string) (reflect.StructField, bool) {
	for f := range t.Fields() {
		if tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); tag == name && name != "" {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

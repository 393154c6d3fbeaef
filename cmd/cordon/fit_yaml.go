package main

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"cordon/compound"
	"cordon/scenarios"
)

// Where a step's distribution goes in a scenario.
const (
	placeNone    = iota // not a random time of the scenario format
	placeMapping        // a field reached through mappings: nested keys
	placeEach           // a field of every entry of a list: zones.walk
	placeEntry          // a field of one entry of a list: zones.zone-3.walk, zones[2].walk
)

// place is where a step's distribution goes in a scenario.
type place struct {
	kind  int
	each  string // for placeEach, the path with [i] after the list: zones[i].walk
	entry string // for placeEach and placeEntry, what the list holds: zone
	field string // the field's name: walk
}

// placeOf says where the step goes in a scenario, from the yaml names of
// compound.Scenario's fields: a random time (a Dist that is not a count)
// reached through mappings, possibly through one list, whose entry the
// step selects by position (zones[2].walk) or by name (zones.zone-3.walk),
// or not (zones.walk: every entry's).
func placeOf(step string) place {
	t := reflect.TypeFor[compound.Scenario]()
	segs := strings.Split(step, ".")
	p := place{kind: placeMapping, field: segs[len(segs)-1]}
	for i := 0; i < len(segs); i++ {
		name, indexed := strings.CutSuffix(segs[i], "]")
		name, index, _ := strings.Cut(name, "[")
		f, ok := yamlField(t, name)
		if !ok || indexed && !isIndex(index) {
			return place{}
		}
		ft := deref(f.Type)
		if i == len(segs)-1 {
			if indexed || ft != reflect.TypeFor[compound.Dist]() || f.Tag.Get("unit") == "count" {
				return place{}
			}
			return p
		}
		if ft.Kind() == reflect.Slice && p.kind == placeMapping {
			ft = deref(ft.Elem())
			p.entry = strings.ToLower(ft.Name())
			_, isField := yamlField(ft, segs[i+1])
			switch {
			case indexed:
				p.kind = placeEntry
			case !isField && i+2 < len(segs):
				p.kind = placeEntry
				i++ // the entry's name
			default:
				p.kind = placeEach
				each := slices.Clone(segs)
				each[i] += "[i]"
				p.each = strings.Join(each, ".")
			}
		} else if indexed {
			return place{}
		}
		if ft.Kind() != reflect.Struct {
			return place{}
		}
		t = ft
	}
	return place{}
}

// isIndex reports whether s is a list position: digits.
func isIndex(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// deref returns the type a pointer type points to, or t.
func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// yamlField returns the field of struct t whose yaml name is name.
func yamlField(t reflect.Type, name string) (reflect.StructField, bool) {
	for f := range t.Fields() {
		if tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); tag == name && name != "" {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// fitFragment writes the YAML to paste into a scenario: the steps that
// are scenario fields as nested keys, the others as comments.
func fitFragment(file string, results []stepFit) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# fitted by cordon fit from %s: paste into a scenario (KS: the Kolmogorov–Smirnov statistic)\n", fitName(file))
	var comments []string
	var prev []string // the keys of the line before
	for _, r := range results {
		if r.skipped != "" {
			comments = append(comments, fmt.Sprintf("# %s: not fitted: %s", fitName(r.step), r.skipped))
			continue
		}
		value, err := scenarios.FormatDist(r.chosen())
		if err != nil {
			comments = append(comments, fmt.Sprintf("# %s: %s cannot be written in a scenario: %v", fitName(r.step), r.chosen().Kind, err))
			continue
		}
		note := fitNote(r)
		switch p := placeOf(r.step); p.kind {
		case placeMapping:
			segs := strings.Split(r.step, ".")
			common := 0
			for common < len(prev) && common < len(segs)-1 && prev[common] == segs[common] {
				common++
			}
			for i := common; i < len(segs)-1; i++ {
				fmt.Fprintf(&b, "%s%s:\n", strings.Repeat("  ", i), segs[i])
			}
			fmt.Fprintf(&b, "%s%s: %s  # %s\n", strings.Repeat("  ", len(segs)-1), segs[len(segs)-1], value, note)
			prev = segs[:len(segs)-1]
		case placeEach:
			comments = append(comments, fmt.Sprintf("# %s goes into every %s's %s (%s):\n#   %s: %s  # %s", r.step, p.entry, p.field, p.each, p.field, value, note))
		case placeEntry:
			comments = append(comments, fmt.Sprintf("# %s goes into that %s's %s (in its entry, or --set '%s=...'):\n#   %s: %s  # %s", fitName(r.step), p.entry, p.field, fitName(r.step), p.field, value, note))
		default:
			comments = append(comments, fmt.Sprintf("# %s is not a random time of the scenario format; its fit: %s  # %s", fitName(r.step), value, note))
		}
	}
	for _, c := range comments {
		b.WriteString(c + "\n")
	}
	return b.String()
}

// fitNote is the comment after a fitted value: KS and n, and whether it is
// rejected.
func fitNote(r stepFit) string {
	if len(r.fits) == 0 {
		return fmt.Sprintf("all %d samples equal", len(r.x))
	}
	note := fmt.Sprintf("KS %.4f, n %d", r.fits[0].KS, len(r.x))
	if bad, _ := r.rejected(); bad {
		note += "; rejected at the 1% level: no family fits well"
	}
	return note
}

package serve

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"cordon/compound"
	"cordon/scenarios"
)

// form is the editor of one scenario: every value scenarios.Paths lists,
// in groups as a planner thinks of them.
type form struct {
	Groups []formGroup
	// byIndex finds a field by its path as the loader's errors write it
	// (staff[1].shifts[0].count), byPath by its path as --set writes it.
	byIndex map[string]*formField
	byPath  map[string]*formField
}

// formGroup is one group of the editor: its key (for its title in the
// catalogue), whether it starts open, and its sections.
type formGroup struct {
	Key      string
	Open     bool
	Sections []*formSection
}

// formSection is one section of a group: a part of the scenario (the
// gate), or one entry of a list (a pool of staff, a kind of delivery).
type formSection struct {
	Title  string // the part's name or the entry's; "" for the scenario's own fields
	Desc   string // what the schema says it is
	Fields []*formField
}

// formField is one value of the scenario.
type formField struct {
	ID        string // the input's id
	Path      string // as --set writes it: staff.suited-crew.shifts[0].count
	IndexPath string // as the loader's errors write it: staff[1].shifts[0].count
	Label     string // the path below its section, in words: shift 1 (07:00–19:00) · count
	Type      string // the kind of value, as scenarios.Paths says it
	Value     string // the value shown: YAML text, or plain text for a text (Text)
	Text      bool   // the value is plain text, sent back quoted
	Long      bool   // a long text: a text area
	Choices   []string
	fieldInfo
}

// groupDef is a group of the editor and the scenario's top-level fields
// it holds.
type groupDef struct {
	key    string
	fields []string
	open   bool
}

// editorGroups are the editor's groups, in the order a planner goes
// through a day: the run, the gate, the crews and their shifts, the
// testing round, the volumes, the timeline of events (when a scenario has
// one), then the rest. A field of a group not listed goes into "other".
func editorGroups() []groupDef {
	return []groupDef{
		{"run", []string{"name", "description", "seed", "replications", "clock"}, true},
		{"gate", []string{"gate"}, true},
		{"crews", []string{"staff"}, true},
		{"testing", []string{"sampling"}, false},
		{"volumes", []string{"deliveries"}, false},
		{"events", []string{"events", "timeline"}, true},
		{"inside", []string{"transfer", "disinfection", "sorting", "delivery"}, false},
		{"rounds", []string{"garbage", "special_needs"}, false},
		{"goals", []string{"targets", "costs", "floors"}, false},
		{"compound", []string{"buildings", "zones"}, false},
		{"other", nil, false},
	}
}

// newForm builds the editor of sc from its paths and the schema, its
// labels in words (the zero fieldWords: English).
func newForm(sc *compound.Scenario, si *schemaInfo, words fieldWords) *form {
	paths := scenarios.Paths(sc)
	values := map[string]string{}
	for _, p := range paths {
		values[p.Path] = p.Value
	}
	defs := editorGroups()
	groupOf := map[string]int{}
	for i, g := range defs {
		for _, f := range g.fields {
			groupOf[f] = i
		}
	}
	f := &form{byIndex: map[string]*formField{}, byPath: map[string]*formField{}}
	groups := make([]formGroup, len(defs))
	for i, g := range defs {
		groups[i] = formGroup{Key: g.key, Open: g.open}
	}
	sections := map[string]*formSection{}
	entryIndex := map[string]map[string]int{} // list (as an index path) -> entry name -> position
	for n, p := range paths {
		steps := splitPath(p.Path)
		if len(steps) == 0 {
			continue
		}
		w := si.walk(steps)
		index := indexPath(steps, w.entries, entryIndex)
		g, ok := groupOf[steps[0].Name]
		if !ok {
			g = len(defs) - 1
		}
		// A list entry's fields make a section of their own; any other
		// field is in its top-level part's section.
		cut := 1
		title := steps[0].Name
		if len(steps) > 1 && w.entries[1] {
			cut = 2
			title = entryTitle(steps[1])
		} else {
			title = words.name(title)
		}
		if len(steps) == 1 && !w.entries[0] {
			if _, isStruct := sectionDesc(si, steps[:1]); !isStruct {
				cut, title = 0, "" // a value of the scenario itself: name, seed
			}
		}
		key := fmt.Sprintf("%d/%s", g, joinSteps(steps[:cut]))
		sec := sections[key]
		if sec == nil {
			// A part says what it is; an entry of a list is one of many
			// (the list's description is not about it alone).
			desc := ""
			if cut == 1 {
				desc, _ = sectionDesc(si, steps[:1])
			}
			sec = &formSection{Title: title, Desc: desc}
			sections[key] = sec
			groups[g].Sections = append(groups[g].Sections, sec)
		}
		field := &formField{ID: fmt.Sprintf("f%d", n), Path: p.Path, IndexPath: index, Type: p.Type,
			Label: words.label(steps, w.entries, cut, values), Value: p.Value, fieldInfo: w.info}
		if field.Label == "" {
			field.Label = words.name(steps[len(steps)-1].Name)
		}
		field.setInput()
		sec.Fields = append(sec.Fields, field)
		f.byIndex[index] = field
		f.byPath[p.Path] = field
	}
	for _, g := range groups {
		if len(g.Sections) > 0 {
			f.Groups = append(f.Groups, g)
		}
	}
	return f
}

// setInput chooses how the field is edited: a choice of values, plain
// text, or YAML text (numbers, times, distributions, lists).
func (f *formField) setInput() {
	switch {
	case f.Type == "yes or no":
		f.Choices = []string{"true", "false"}
	case len(f.Enum) > 0:
		f.Choices = slices.Clone(f.Enum)
		if !slices.Contains(f.Choices, f.Value) {
			f.Choices = append([]string{f.Value}, f.Choices...)
		}
	case f.Type == "text":
		f.Text = true
		if s, err := strconv.Unquote(f.Value); err == nil {
			f.Value = s
		}
		f.Long = strings.Contains(f.Value, "\n") || len(f.Value) > 80
	}
}

// indexPath writes a path with every list entry by its position, as the
// loader's errors do: an entry selected by name gets the position at
// which it first appears in the paths (scenarios.Paths lists entries in
// order).
func indexPath(steps []step, entries []bool, positions map[string]map[string]int) string {
	var b strings.Builder
	for i, s := range steps {
		switch {
		case s.IsIndex:
			fmt.Fprintf(&b, "[%d]", s.Index)
		case entries[i]:
			list := b.String()
			m := positions[list]
			if m == nil {
				m = map[string]int{}
				positions[list] = m
			}
			k, ok := m[s.Name]
			if !ok {
				k = len(m)
				m[s.Name] = k
			}
			fmt.Fprintf(&b, "[%d]", k)
		default:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.Name)
		}
	}
	return b.String()
}

// joinSteps writes steps back as a path.
func joinSteps(steps []step) string {
	var b strings.Builder
	for _, s := range steps {
		if s.IsIndex {
			fmt.Fprintf(&b, "[%d]", s.Index)
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.Name)
	}
	return b.String()
}

// sectionDesc is the schema's description of the part at steps, and
// whether it is a part (a mapping or a list) rather than a single value.
func sectionDesc(si *schemaInfo, steps []step) (string, bool) {
	n := si.root
	var prop obj
	for _, s := range steps {
		r, _ := si.resolve(n)
		props, _ := r["properties"].(obj)
		items, _ := r["items"].(obj)
		switch {
		case props != nil && !s.IsIndex && props[s.Name] != nil:
			prop, _ = props[s.Name].(obj)
			n = prop
		case items != nil:
			n = items
		default:
			return "", false
		}
	}
	r, _ := si.resolve(n)
	_, isStruct := r["properties"]
	_, isList := r["items"]
	desc, _ := prop["description"].(string)
	return desc, isStruct || isList && r["type"] != nil && hasObjectItems(si, r)
}

// hasObjectItems reports whether a list's entries are mappings.
func hasObjectItems(si *schemaInfo, list obj) bool {
	items, _ := list["items"].(obj)
	r, _ := si.resolve(items)
	_, ok := r["properties"]
	return ok
}

// entryTitle names a list entry: by its name, or by its position from 1.
func entryTitle(s step) string {
	if s.IsIndex {
		return "#" + strconv.Itoa(s.Index+1)
	}
	return s.Name
}

// fieldWords are the words of the editor's labels in one language: the
// fields' YAML names, and what one entry of each list is called. The zero
// fieldWords is English, the names themselves in words.
type fieldWords struct {
	names   map[string]string // by YAML name: shelf_slots
	entries map[string]string // by list: shifts; "" for any other list
}

// name writes a field's YAML name in words: shelf_slots is "shelf slots".
func (fw fieldWords) name(n string) string {
	if s, ok := fw.names[n]; ok {
		return s
	}
	return strings.ReplaceAll(n, "_", " ")
}

// entry names one entry of a list, for labels: "shift" for shifts.
func (fw fieldWords) entry(list string) string {
	if fw.entries != nil {
		if s, ok := fw.entries[list]; ok {
			return s
		}
		return fw.name(list)
	}
	switch list {
	case "shifts":
		return "shift"
	case "breaks":
		return "break"
	case "tasks":
		return "task"
	case "sites":
		return "site"
	case "on_duty":
		return "on duty"
	case "knobs":
		return "knob"
	case "":
		return "entry"
	}
	return fw.name(list)
}

// label writes the steps of a path below its section in words:
// shifts[0].count is "shift 1 (07:00–19:00) · count", sites.site-a.swab is
// "site-a · swab".
func (fw fieldWords) label(steps []step, entries []bool, cut int, values map[string]string) string {
	var parts []string
	for i := cut; i < len(steps); i++ {
		s := steps[i]
		if !entries[i] {
			parts = append(parts, fw.name(s.Name))
			continue
		}
		if len(parts) > 0 {
			parts = parts[:len(parts)-1] // the list's name: the entry says it
		}
		if !s.IsIndex {
			parts = append(parts, s.Name)
			continue
		}
		list := ""
		if i > 0 {
			list = steps[i-1].Name
		}
		label := besideNumber(fw.entry(list), strconv.Itoa(s.Index+1))
		if ctx := entryContext(joinSteps(steps[:i+1]), values); ctx != "" {
			label = inBrackets(label, ctx)
		}
		parts = append(parts, label)
	}
	return strings.Join(parts, " · ")
}

// entryContext says which entry of a list an entry is, from its own
// fields: a shift's hours, a break's start.
func entryContext(entry string, values map[string]string) string {
	from, to := values[entry+".from"], values[entry+".to"]
	if from != "" && to != "" {
		return from + "–" + to
	}
	if at := values[entry+".at"]; at != "" {
		return at
	}
	return ""
}

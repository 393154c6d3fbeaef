package scenarios

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"cordon/compound"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// schemaFile is the generated schema, kept in the repository for editors
// and readers; go test -run TestSchemaUpToDate -update rewrites it.
const schemaFile = "scenario.schema.json"

// compileSchema compiles Schema() at loc, schemaID or a place in it
// (schemaID + "#/$defs/gate"). Compiling also checks the schema against the
// draft 2020-12 meta-schema.
func compileSchema(t testing.TB, loc string) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatalf("Schema() is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(schemaID, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(loc)
	if err != nil {
		t.Fatalf("compiling the schema at %s: %v", loc, err)
	}
	return sch
}

// yamlToJSON converts a YAML document to the JSON value a schema validator
// sees: decoded into any, with every mapping key a string, through JSON.
func yamlToJSON(data []byte) (any, error) {
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	b, err := json.Marshal(stringKeys(v))
	if err != nil {
		return nil, err
	}
	return jsonschema.UnmarshalJSON(bytes.NewReader(b))
}

// stringKeys turns the keys of every mapping in v into strings.
func stringKeys(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = stringKeys(e)
		}
		return out
	case map[any]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[fmt.Sprint(k)] = stringKeys(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = stringKeys(e)
		}
		return out
	}
	return v
}

// validateYAML validates a YAML document against the schema.
func validateYAML(t testing.TB, sch *jsonschema.Schema, data []byte) error {
	t.Helper()
	doc, err := yamlToJSON(data)
	if err != nil {
		t.Fatalf("converting YAML to JSON: %v", err)
	}
	return sch.Validate(doc)
}

// TestSchemaUpToDate checks that scenario.schema.json is what Schema()
// returns; go test -run TestSchemaUpToDate -update rewrites it.
func TestSchemaUpToDate(t *testing.T) {
	got := Schema()
	if *update {
		if err := os.WriteFile(schemaFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := readFile(t, schemaFile)
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from Schema(): go test ./scenarios -run TestSchemaUpToDate -update rewrites it", schemaFile)
	}
}

// TestSchemaStable checks that Schema() returns the same bytes every time,
// JSON with a final newline, with the properties of each mapping in the
// order of the Go fields.
func TestSchemaStable(t *testing.T) {
	first := Schema()
	for range 3 {
		if !bytes.Equal(Schema(), first) {
			t.Fatal("Schema() differs between calls")
		}
	}
	if !json.Valid(first) || !bytes.HasSuffix(first, []byte("}\n")) {
		t.Fatal("Schema() is not JSON ending in a newline")
	}
	var root struct {
		Properties json.RawMessage
		Defs       map[string]struct{ Properties json.RawMessage } `json:"$defs"`
	}
	if err := json.Unmarshal(first, &root); err != nil {
		t.Fatal(err)
	}
	d := &decoder{fields: map[reflect.Type][]field{}}
	checked := 0
	var walk func(reflect.Type, json.RawMessage)
	walk = func(st reflect.Type, props json.RawMessage) {
		got, want := objectKeys(t, props), d.names(st)
		if !slices.Equal(got, want) {
			t.Errorf("the properties of %s are %v, want the fields %v", st.Name(), got, want)
		}
		checked++
		for _, f := range d.fieldsOf(st) {
			ft := st.Field(f.index).Type
			for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct && ft != reflectDist() {
				def, ok := root.Defs[snake(ft.Name())]
				if !ok {
					t.Errorf("no $defs/%s for %s", snake(ft.Name()), ft)
					continue
				}
				walk(ft, def.Properties)
			}
		}
	}
	walk(reflect.TypeFor[compound.Scenario](), root.Properties)
	if checked < 20 {
		t.Errorf("checked %d structs, want every struct of the scenario", checked)
	}
}

// objectKeys returns the keys of a JSON object in the order they are
// written.
func objectKeys(t *testing.T, data json.RawMessage) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not a JSON object: %.40s", data)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

// TestSchemaIsValid compiles the schema, which checks it against the
// draft 2020-12 meta-schema, and checks its patterns compile.
func TestSchemaIsValid(t *testing.T) {
	compileSchema(t, schemaID)
	for _, p := range []string{durationPattern, zeroDurationPattern, clockPattern, dayClockPattern, targetPattern, buildingRefPattern, nonBlankPattern} {
		if _, err := regexp.Compile(p); err != nil {
			t.Errorf("pattern %s: %v", p, err)
		}
	}
}

// TestSchemaRulesNameFields makes sure every rule names a field of a
// struct of the scenario, so that a renamed field cannot leave its rule
// behind unnoticed.
func TestSchemaRulesNameFields(t *testing.T) {
	d := &decoder{fields: map[reflect.Type][]field{}}
	known := map[string]bool{}
	var walk func(reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || t == reflectDist() {
			return
		}
		for _, f := range d.fieldsOf(t) {
			key := t.Name() + "." + f.name
			if known[key] {
				continue
			}
			known[key] = true
			walk(t.Field(f.index).Type)
		}
	}
	walk(reflect.TypeFor[compound.Scenario]())
	for key, r := range fieldRules() {
		if !known[key] {
			t.Errorf("rule %s names no field", key)
		}
		if r.required && r.minItems == 0 && r.min != nil && r.min != 1 {
			t.Errorf("rule %s: a required number is at least 1", key)
		}
	}
}

// TestSchemaDefaultsValidate checks that the default of every field is
// valid for the field itself, and has the JSON type of its values.
func TestSchemaDefaultsValidate(t *testing.T) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatal(err)
	}
	root := doc.(map[string]any)
	places := map[string]map[string]any{"": root}
	for name, def := range root["$defs"].(map[string]any) {
		places["/$defs/"+name] = def.(map[string]any)
	}
	n := 0
	for place, s := range places {
		props, _ := s["properties"].(map[string]any)
		for name, p := range props {
			def, ok := p.(map[string]any)["default"]
			if !ok {
				continue
			}
			n++
			loc := schemaID + "#" + place + "/properties/" + name
			if err := compileSchema(t, loc).Validate(def); err != nil {
				t.Errorf("the default of %s, %v, is not valid for it: %v", loc, def, err)
			}
		}
	}
	if n < 15 {
		t.Errorf("found %d defaults, want every default tag", n)
	}
}

// schemaDocuments returns the YAML documents the loader accepts that the
// schema must accept too: the built-in scenarios, testdata/valid and the
// validation scenarios, by name.
func schemaDocuments(t *testing.T) map[string][]byte {
	docs := map[string][]byte{}
	for _, b := range Builtins() {
		data, ok := Builtin(b.Name)
		if !ok {
			t.Fatalf("Builtin(%q) is missing", b.Name)
		}
		docs["builtin/"+b.Name+".yaml"] = data
	}
	if len(docs) == 0 {
		t.Fatal("no built-in scenarios")
	}
	for _, pattern := range []string{"testdata/valid/*.yaml", "validation/*.yaml"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Fatalf("no files %s", pattern)
		}
		for _, f := range files {
			docs[f] = readFile(t, f)
		}
	}
	return docs
}

// TestBuiltinsValidateAgainstSchema checks that every scenario the loader
// accepts in the repository is valid against the schema.
func TestBuiltinsValidateAgainstSchema(t *testing.T) {
	sch := compileSchema(t, schemaID)
	docs := schemaDocuments(t)
	for _, name := range slices.Sorted(maps.Keys(docs)) {
		data := docs[name]
		t.Run(name, func(t *testing.T) {
			if _, err := Load(name, data); err != nil {
				t.Fatalf("the loader rejects it: %v", err)
			}
			if err := validateYAML(t, sch, data); err != nil {
				t.Errorf("the schema rejects it: %v", err)
			}
		})
	}
}

// TestBuiltinsNameSchemaID checks that the built-in scenarios that name a
// schema for editors name this one.
func TestBuiltinsNameSchemaID(t *testing.T) {
	// The scenario files under scenarios/ name the schema file beside them,
	// relative to their folder, so that editors with the YAML language server
	// check them; cordon init writes its own modeline (see cmd/cordon).
	re := regexp.MustCompile(`(?m)^# yaml-language-server: \$schema=(\S+)`)
	for name, data := range schemaDocuments(t) {
		for _, m := range re.FindAllSubmatch(data, -1) {
			if string(m[1]) != SchemaModelinePath {
				t.Errorf("%s names the schema %s, want %s", name, m[1], SchemaModelinePath)
			}
		}
	}
	for _, b := range Builtins() {
		data, _ := Builtin(b.Name)
		if !re.Match(data) {
			t.Errorf("built-in %s has no yaml-language-server modeline", b.Name)
		}
	}
}

// edit returns testdata/valid/mini.yaml with each old text replaced by the
// new one that follows it; an old text of "" appends the new one.
func edit(t *testing.T, pairs ...string) []byte {
	t.Helper()
	doc := string(readFile(t, "testdata/valid/mini.yaml"))
	for i := 0; i+1 < len(pairs); i += 2 {
		old, repl := pairs[i], pairs[i+1]
		if old == "" {
			doc += repl + "\n"
			continue
		}
		if !strings.Contains(doc, old) {
			t.Fatalf("mini.yaml has no %q", old)
		}
		doc = strings.Replace(doc, old, repl, 1)
	}
	return []byte(doc)
}

// TestSchemaRejects checks that the schema is strict: each document is
// rejected by the loader and by the schema alike.
func TestSchemaRejects(t *testing.T) {
	sch := compileSchema(t, schemaID)
	cases := []struct {
		name  string
		edits []string
	}{
		{"unknown top-level key", []string{"", "colour: blue"}},
		{"unknown key in a section", []string{"ground: 100", "ground: 100\n  grounds: 5"}},
		{"unknown key in a list entry", []string{"{id: \"1\",", "{id: \"1\", floors: 6,"}},
		{"field of another kind of distribution", []string{"intake: 20s", "intake: {dist: exponential, mean: 20s, sd: 5s}"}},
		{"unknown field of a distribution", []string{"intake: 20s", "intake: {dist: lognormal, mean: 20s, sd: 5s, skew: 1}"}},
		{"unknown kind of distribution", []string{"intake: 20s", "intake: {dist: lognorml, mean: 20s, sd: 5s}"}},
		{"distribution without its kind", []string{"intake: 20s", "intake: {mean: 20s, sd: 5s}"}},
		{"distribution missing a field", []string{"intake: 20s", "intake: {dist: lognormal, mean: 20s}"}},
		{"distribution field empty", []string{"intake: 20s", "intake: {dist: lognormal, mean: 20s, sd: ~}"}},
		{"distribution as a list", []string{"intake: 20s", "intake: [20s, 30s]"}},
		{"clock 25:99", []string{"ground: 100", "ground: 100\n  close: \"25:99\""}},
		{"clock past 48:00", []string{"ground: 100", "ground: 100\n  close: \"48:30\""}},
		{"start past 24:00", []string{"", "clock: {start: \"25:00\"}"}},
		{"clock as a number", []string{"", "clock: {start: 7}"}},
		{"duration 20", []string{"ground: 100", "ground: 100\n  courier_patience: 20"}},
		{"duration \"20\"", []string{"ground: 100", "ground: 100\n  courier_patience: \"20\""}},
		{"random time 20", []string{"walk: 3m", "walk: 20"}},
		{"negative duration", []string{"walk: 3m", "walk: -3m"}},
		{"duration with an unknown unit", []string{"walk: 3m", "walk: 3min"}},
		{"zero suit limit", []string{"count: 2\n    tasks: [{task: intake}", "count: 2\n    suit: {limit: 0s}\n    tasks: [{task: intake}"}},
		{"string where an int belongs", []string{"ground: 100", "ground: many"}},
		{"fraction where an int belongs", []string{"ground: 100", "ground: 2.5"}},
		{"int out of range", []string{"ground: 100", "ground: 2000000000"}},
		{"negative count", []string{"ground: 100", "ground: -1"}},
		{"zero carts", []string{"carts: 1", "carts: 0"}},
		{"string where a number belongs", []string{"per_day: 100", "per_day: lots"}},
		{"yes as a boolean", []string{"per_zone: true", "per_zone: yes"}},
		{"mapping where a list belongs", []string{"buildings: [\"1-2\"]", "buildings: {first: 1}"}},
		{"list where a mapping belongs", []string{"sorting: {time: 10s}", "sorting: [10s]"}},
		{"empty list entry", []string{"tasks: [{task: delivery}]", "tasks: [{task: delivery}, ~]"}},
		{"unknown task", []string{"{task: delivery}", "{task: deliveries}"}},
		{"when_full unknown", []string{"ground: 100", "ground: 100\n  when_full: queue"}},
		{"count as a duration", []string{"per_day: 100}", "per_day: 100, batch: 5s}"}},
		{"count as a fraction", []string{"per_day: 100}", "per_day: 100, batch: 2.5}"}},
		{"count of zero", []string{"per_day: 100}", "per_day: 100, batch: 0}"}},
		{"constant count as a fraction", []string{"per_day: 100}", "per_day: 100, batch: {dist: constant, value: 0.5}}"}},
		{"count distribution with durations", []string{"per_day: 100}", "per_day: 100, batch: {dist: uniform, min: 1s, max: 5s}}"}},
		{"time distribution with numbers", []string{"intake: 20s", "intake: {dist: uniform, min: 1, max: 5}"}},
		{"empirical weights as durations", []string{"intake: 20s", "intake: {dist: empirical, values: [10s, 20s], weights: [1s, 2s]}"}},
		{"empirical without values", []string{"intake: 20s", "intake: {dist: empirical, values: []}"}},
		{"negative gamma cv", []string{"intake: 20s", "intake: {dist: gamma, mean: 20s, cv: -0.5}"}},
		{"missing section", []string{"sorting: {time: 10s}\n", ""}},
		{"empty required section", []string{"sorting: {time: 10s}", "sorting:"}},
		{"no buildings", []string{"- {id: \"1\", households: 10, residents: 25}\n  - {id: \"2\", households: 12, residents: 30}", "[]"}},
		{"blank name", []string{"name: gate-crew", "name: \" \""}},
		{"no scenario name", []string{"name: mini\n", ""}},
		{"empty scenario name", []string{"name: mini", "name: \"\""}},
		{"building range of names", []string{"buildings: [\"1-2\"]", "buildings: [\"A-C\"]"}},
		{"negative profile", []string{"per_day: 100}", "per_day: 100, profile: [1, -1]}"}},
		{"share above one", []string{"", "special_needs: {handling: 1m, trip_share: 1.5}"}},
		{"cost above the most", []string{"", "costs: {shelf: 1e308}"}},
		{"hour cost above the most", []string{"count: 2\n    tasks: [{task: intake}", "count: 2\n    hour_cost: 1.5e9\n    tasks: [{task: intake}"}},
		{"negative cost", []string{"", "costs: {cart: -1}"}},
		{"bad target", []string{"", "targets: [\"takeout.door_time.p95 = 45m\"]"}},
		{"target with a bare word", []string{"", "targets: [\"takeout.door_time.p95 <= soon\"]"}},
		{"target as a number", []string{"", "targets: [45]"}},
		{"scalar document", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := []byte("just text\n")
			if c.edits != nil {
				data = edit(t, c.edits...)
			}
			if _, err := Load("bad.yaml", data); err == nil {
				t.Errorf("the loader accepts it: the case is wrong")
			}
			if err := validateYAML(t, sch, data); err == nil {
				t.Errorf("the schema accepts:\n%s", data)
			}
		})
	}
}

// TestSchemaAccepts checks shapes of the format that the files above do
// not use: each document is accepted by the loader and by the schema alike.
func TestSchemaAccepts(t *testing.T) {
	sch := compileSchema(t, schemaID)
	cases := []struct {
		name  string
		edits []string
	}{
		{"as it is", nil},
		{"empty values take the default", []string{"ground: 100", "ground: 100\n  when_full:\n  open: ~\n  shelf_slots:"}},
		{"empty optional sections", []string{"", "sampling: ~\ngarbage:\nspecial_needs: ~\ntargets: ~\nclock:"}},
		{"ids and references as numbers", []string{"{id: \"1\",", "{id: 1,", "{id: \"2\",", "{id: 2,", "buildings: [\"1-2\"]", "buildings: [1, 2]"}},
		{"names as numbers", []string{"name: mini", "name: 2022"}},
		{"one-digit clock", []string{"", "clock: {start: \"7:00\", days: 2}"}},
		{"clock with seconds", []string{"ground: 100", "ground: 100\n  open: \"06:30:15\"\n  close: \"26:00\""}},
		{"closing at 48:00", []string{"ground: 100", "ground: 100\n  open: \"24:00\"\n  close: \"48:00\""}},
		{"durations of every unit", []string{"walk: 3m", "walk: 1h2m3s4ms5us6µs7ns", "intake: 20s", "intake: .5s"}},
		{"whole numbers written as fractions", []string{"ground: 100", "ground: 100.0"}},
		{"large seed", []string{"", "seed: 18446744073709551615"}},
		{"count as a number", []string{"per_day: 100}", "per_day: 100, batch: 3}"}},
		{"count as a whole fraction", []string{"per_day: 100}", "per_day: 100, batch: 3.0}"}},
		{"count distributions", []string{"{name: express, per_day: 100}",
			"{name: express, per_day: 100, batch: {dist: triangular, min: 1, mode: 2, max: 6}}\n" +
				"  - {name: b, per_day: 1, batch: {dist: empirical, values: [1, 2, 5]}}\n" +
				"  - {name: c, per_day: 1, batch: {dist: normal, mean: 3, sd: 1}}\n" +
				"  - {name: d, per_day: 1, batch: {dist: weibull, shape: 1.5, scale: 4}}\n" +
				"  - {name: e, per_day: 1, batch: {dist: constant, value: 2}}"}},
		{"time distributions", []string{"intake: 20s", "intake: {dist: exponential, mean: 20s}",
			"walk: 3m", "walk: {dist: empirical, values: [1m, 2m], weights: [1, 3.5]}",
			"door: 1m", "door: {dist: gamma, mean: 1m, cv: 0}"}},
		{"profile", []string{"per_day: 100}", "per_day: 100, profile: [0, 1.5, 2, 0.5]}"}},
		{"targets", []string{"", "targets:\n  - takeout.door_time.p95<=45m\n  - \"sampling.makespan < 1.5h\"\n  - ' takeout.served.share >= 95 % '\n  - \"gate.turned_away > 0\""}},
		{"aliases", []string{"intake: 20s", "intake: &t 20s", "door: 1m", "door: *t"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := edit(t, c.edits...)
			if _, err := Load("good.yaml", data); err != nil {
				t.Fatalf("the loader rejects it: the case is wrong: %v", err)
			}
			if err := validateYAML(t, sch, data); err != nil {
				t.Errorf("the schema rejects it: %v\n%s", err, data)
			}
		})
	}
}

// loaderOnly are the files of testdata/malformed that the schema accepts:
// their problems are relations between fields, left to the loader, or YAML
// matters that the conversion to JSON hides.
func loaderOnly() []string {
	return []string{
		"building-in-no-zone",           // buildings against zones
		"building-in-two-zones",         // ditto
		"zone-names-missing-building",   // ditto
		"zones-name-too-many-buildings", // ditto
		"zone-site-not-in-sampling",     // zones against the sampling sites
		"task-in-two-pools",             // pools against each other
		"no-delivery-staff",             // sections against the tasks of the pools
		"door-to-door-no-pool",          // ditto
		"no-shows-unswept",              // ditto; and sweep.start against sweep.after
		"rounds-out-of-order",           // rounds against each other, and a round's method against its kits
		"overlapping-shifts",            // shifts against each other
		"gate-closes-before-opening",    // gate.open against gate.close
		"gate-open-over-a-day",          // gate.close against gate.open
		"min-above-max",                 // the fields of a distribution against each other
		"empirical-weights",             // ditto: one weight per value
		"merge-key",                     // the conversion merges; the loader does not take <<
		"second-document",               // the conversion reads the first document only
		"target-units",                  // targets against the units of their KPIs
		"pile-without-intake",           // a field the value of another requires
		"shift-over-max-hours",          // shifts against the pool's max_hours
		"bad-posts",                     // posts against the pools, routes against the posts
		"events-take-too-much",          // events against the equipment there is at their time
	}
}

// TestSchemaRejectsMalformed checks that the schema rejects every file of
// testdata/malformed that converts to JSON, apart from those whose problems
// only the loader can see (loaderOnly), and that it accepts those.
func TestSchemaRejectsMalformed(t *testing.T) {
	sch := compileSchema(t, schemaID)
	files, err := filepath.Glob("testdata/malformed/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(name, func(t *testing.T) {
			doc, err := yamlToJSON(readFile(t, path))
			if err != nil {
				t.Skipf("not YAML that converts to JSON: %v", err)
			}
			err = sch.Validate(doc)
			switch {
			case err == nil && !slices.Contains(loaderOnly(), name):
				t.Errorf("the schema accepts it, but the loader does not")
			case err != nil && slices.Contains(loaderOnly(), name):
				t.Errorf("the schema rejects it too (remove it from loaderOnly): %v", err)
			}
		})
	}
}

// allStrings returns every string of up to n characters from the alphabet.
func allStrings(alphabet string, n int) []string {
	out := []string{""}
	last := []string{""}
	for range n {
		var next []string
		for _, s := range last {
			for _, r := range alphabet {
				next = append(next, s+string(r))
			}
		}
		out = append(out, next...)
		last = next
	}
	return out
}

// comparePattern checks that the schema's patterns accept the strings the
// loader accepts, and no other: schema reports whether the patterns match
// s, loader whether the loader accepts it, and lenient picks the strings
// the loader accepts by a leniency the schema leaves out on purpose.
func comparePattern(t *testing.T, inputs []string, schema, loader, lenient func(string) bool) {
	t.Helper()
	bad := 0
	for _, s := range inputs {
		loader, schema := loader(s), schema(s)
		if loader == schema || loader && lenient != nil && lenient(s) {
			continue
		}
		if bad++; bad <= 10 {
			t.Errorf("%q: the loader accepts it: %v; the schema: %v", s, loader, schema)
		}
	}
	if bad > 10 {
		t.Errorf("and %d more", bad-10)
	}
}

// TestSchemaPatternsMatchParsers compares the patterns of times of day,
// durations and targets with the parsers the loader uses, on every short
// string of the characters that matter and on the usual shapes.
func TestSchemaPatternsMatchParsers(t *testing.T) {
	parts := []string{"", "0", "00", "000", "5", "05", "7", "07", "9", "10", "23", "24", "25", "39", "40", "47", "48", "49", "59", "60", "99", "+7", "-0", " 7"}
	var clocks []string
	for _, h := range parts {
		for _, m := range parts {
			clocks = append(clocks, h+":"+m)
			for _, s := range parts {
				clocks = append(clocks, h+":"+m+":"+s)
			}
		}
	}
	clocks = append(clocks, allStrings("0124589:", 5)...)
	match := func(pattern string) func(string) bool { return regexp.MustCompile(pattern).MatchString }
	signed := func(s string) bool { return strings.ContainsAny(s, "+- ") }
	clockUpTo := func(limit float64) func(string) bool {
		return func(s string) bool {
			c, err := compound.ParseClock(s)
			return err == nil && float64(c) <= limit
		}
	}
	t.Run("clock", func(t *testing.T) { comparePattern(t, clocks, match(clockPattern), clockUpTo(48*3600), signed) })
	t.Run("clock_in_day", func(t *testing.T) { comparePattern(t, clocks, match(dayClockPattern), clockUpTo(24*3600), signed) })

	durations := allStrings("01.5smhµ", 5)
	durations = append(durations, "1h30m", "1h0m0s", "2.5h", "0.000s", ".0s", "0.s", "1us", "1μs", "1ns", "1ms",
		"+5s", "-0s", "-5s", " 5s", "5", "5.5", "1e3s", "1e3", "inf", "0", "s", "1hh", "1h 30m")
	duration := func(s string) bool {
		_, msg := seconds(&yaml.Node{Kind: yaml.ScalarNode, Tag: tagStr, Value: s})
		return msg == ""
	}
	t.Run("duration", func(t *testing.T) { comparePattern(t, durations, match(durationPattern), duration, signed) })
	positive := func(s string) bool {
		v, msg := seconds(&yaml.Node{Kind: yaml.ScalarNode, Tag: tagStr, Value: s})
		return msg == "" && v > 0
	}
	t.Run("positive_duration", func(t *testing.T) {
		isDuration, isZero := match(durationPattern), match(zeroDurationPattern)
		comparePattern(t, durations, func(s string) bool { return isDuration(s) && !isZero(s) }, positive, signed)
	})

	targets := allStrings("a<=5 s%", 5)
	for _, v := range []string{"45m", "1h30m", "95%", "95 %", "0.95", "-1", "+1", "1e3", "1E+3", ".5", "5.", ".", "%", "5%%", "inf", "nan", "5x", "-5m", "+5m", "-0s", "1h 30m", "5 m"} {
		for _, op := range []string{"<=", ">=", "<", ">", "=", "=<"} {
			targets = append(targets, "takeout.door_time.p95 "+op+" "+v, "a"+op+v, " a "+op+v+" ")
		}
	}
	target := func(s string) bool { _, err := compound.ParseTarget(s); return err == nil }
	signedDuration := func(s string) bool {
		i := strings.LastIndexAny(s, "<>=")
		v := strings.TrimSpace(s[i+1:])
		return strings.HasPrefix(v, "+") || strings.HasPrefix(v, "-")
	}
	t.Run("target", func(t *testing.T) { comparePattern(t, targets, match(targetPattern), target, signedDuration) })
}

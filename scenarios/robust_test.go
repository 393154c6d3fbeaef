package scenarios

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"cordon/compound"

	"go.yaml.in/yaml/v3"
)

// TestDefaultsDecode decodes every default tag of the scenario types the
// way the loader does: none may fail.
func TestDefaultsDecode(t *testing.T) {
	errs := &collector{}
	d := newDecoder("defaults", errs, map[*yaml.Node]string{})
	seen := map[reflect.Type]bool{}
	count := 0
	var walk func(t reflect.Type, path string)
	walk = func(typ reflect.Type, path string) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || typ == reflect.TypeFor[compound.Dist]() || seen[typ] {
			return
		}
		seen[typ] = true
		for _, f := range d.fieldsOf(typ) {
			ft := typ.Field(f.index).Type
			if f.hasDef {
				count++
				v := reflect.New(ft).Elem()
				d.decode(&yaml.Node{Kind: yaml.ScalarNode, Value: f.def, Line: 1, Column: 1}, v, join(path, f.name), f)
				if v.IsZero() && f.def != "0s" && f.def != "00:00" {
					t.Errorf("%s: default %q decodes to zero", join(path, f.name), f.def)
				}
			}
			walk(ft, join(path, f.name))
		}
	}
	walk(reflect.TypeFor[compound.Scenario](), "")
	if !errs.empty() {
		t.Errorf("defaults do not decode:\n%v", errs.errors())
	}
	if count < 10 {
		t.Errorf("found only %d defaults", count)
	}
}

// TestEveryFieldHasAYAMLName: the loader reads only fields with a yaml tag.
func TestEveryFieldHasAYAMLName(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || typ == reflect.TypeFor[compound.Dist]() || seen[typ] {
			return
		}
		seen[typ] = true
		for i := range typ.NumField() {
			f := typ.Field(i)
			if f.Tag.Get("yaml") == "" {
				t.Errorf("%s.%s has no yaml tag", typ.Name(), f.Name)
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeFor[compound.Scenario]())
}

// hostileInputs are inputs built to make the loader or the checks after it
// slow or large.
func hostileInputs(t testing.TB) map[string]string {
	mini := string(readFile(t, "testdata/valid/mini.yaml"))
	var b strings.Builder

	// 1000 buildings with long ids, and zones naming 1000 unknown ones.
	b.WriteString("buildings:\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "  - {id: %s%d, households: 1, residents: 1}\n", strings.Repeat("b", 60), i)
	}
	b.WriteString("zones:\n")
	for i := range 10 {
		fmt.Fprintf(&b, "  - name: z%d\n    walk: 1m\n    buildings: [", i)
		for j := range 100 {
			fmt.Fprintf(&b, "%s%d, ", strings.Repeat("c", 60), j)
		}
		b.WriteString("]\n")
	}
	unknownRefs := b.String()

	// 100 pools of 48 identical shifts: every pair overlaps.
	b.Reset()
	b.WriteString(strings.Split(mini, "staff:")[0] + "staff:\n")
	for i := range 100 {
		fmt.Fprintf(&b, "  - name: p%d\n    tasks: [{task: intake}]\n    shifts:\n", i)
		for range 48 {
			b.WriteString("      - {from: \"07:00\", to: \"08:00\", count: 1}\n")
		}
	}
	overlaps := b.String()

	cases := map[string]string{
		"unknown building refs": unknownRefs,
		"overlapping shifts":    overlaps,
		"huge range":            strings.Replace(mini, `["1-2"]`, `["1-10000", "1-10000", "1-10000"]`, 1),
		"too large":             "description: " + strings.Repeat("x", maxFileSize) + "\n",
		"many unknown keys":     strings.Repeat("k"+strings.Repeat("x", 5000)+": 1\n", 1000),
		"long unknown key":      strings.Repeat("x", 1<<20) + ": 1\n",
		"long dist kind":        "gate: {intake: {dist: " + strings.Repeat("x", 1<<20) + "}}\n",
		"aliases":               "a: &a [" + strings.Repeat("1s, ", 50000) + "1s]\nzones:\n" + strings.Repeat("  - {walk: {dist: empirical, values: *a}}\n", 400),
	}
	return cases
}

// TestHostileInputsAreRefusedCheaply loads each hostile input: each gives
// errors of the usual shape, and allocates no more than a bound far above
// what a sane file needs, so that a loader gone quadratic (copies of
// aliased lists, a message per pair of shifts) fails here. Their time is
// measured by BenchmarkHostileInputs, not asserted.
func TestHostileInputsAreRefusedCheaply(t *testing.T) {
	const maxAlloc = 512 << 20
	for name, text := range hostileInputs(t) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := Load("hostile.yaml", []byte(text))
		runtime.ReadMemStats(&after)
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > maxAlloc {
			t.Errorf("%s: allocated %d MiB, more than %d", name, alloc>>20, maxAlloc>>20)
		}
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		checkShape(t, "hostile.yaml", err)
	}
}

// BenchmarkHostileInputs reports how long each hostile input takes to be
// refused.
func BenchmarkHostileInputs(b *testing.B) {
	for name, text := range hostileInputs(b) {
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			for b.Loop() {
				_, _ = Load("hostile.yaml", []byte(text))
			}
		})
	}
}

// TestKnownParserCrashers loads inputs that made versions of the YAML
// parser panic (go-yaml/yaml issues 323, 469, 560, 665, 666, 744, 855).
func TestKnownParserCrashers(t *testing.T) {
	inputs := []string{
		"#\n-\n{", "#\n - - QI\xd7", "0: [:!00 \xef", "a:\n.\n-\n", "#\n-\n-\n0",
		"#" + strings.Repeat(" ", 512*3), "#" + strings.Repeat("x", 1<<14) + "\nname: x\n",
		"\"\\0\\\r\n", "  0: [\n] 0", "? ? \"\n\" 0", "    - {\n000}0", "0:\n  0: [0\n] 0",
		"    - \"\n000\"0", " \ufeff\n", "? \ufeff\n", "? \ufeff:\n", "0: \ufeff\n", "? \ufeff: \ufeff\n",
		"&a [*a]", "a: &a {b: *a}\nstaff: *a\n", "*a", "&a\n", "--- |\n  \t\n", "%YAML 1.1\n---\nname: x\n",
	}
	for _, in := range inputs {
		_, err := Load("crash.yaml", []byte(in))
		if err == nil {
			t.Errorf("%q: no error", in)
			continue
		}
		checkShape(t, "crash.yaml", err)
	}
}

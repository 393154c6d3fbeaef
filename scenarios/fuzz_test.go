package scenarios

import (
	"path/filepath"
	"strings"
	"testing"

	"cordon/internal/fuzzguard"
	"cordon/text"
)

// FuzzLoad loads arbitrary bytes: the loader must never panic (the last
// line of defence turns a panic into an "internal error", which fails
// here) nor take long, every error must be one line starting
// file:line:column, and a scenario it returns must pass Check.
func FuzzLoad(f *testing.F) {
	for _, pattern := range []string{"testdata/valid/*.yaml", "testdata/malformed/*.yaml"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, path := range files {
			data := readFile(f, path)
			// Leave out the seeds that take the loader long (the alias
			// bombs that reach the value budget): mutating them would slow
			// the fuzzing down tenfold. TestMalformed covers them. Chosen
			// by name, so the corpus is the same on any machine.
			if strings.Contains(filepath.Base(path), "billion-laughs") {
				continue
			}
			f.Add(data)
		}
	}
	for _, b := range Builtins() {
		data, _ := Builtin(b.Name)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzguard.Check(t, func() {
			sc, err := Load("fuzz.yaml", data)
			if err != nil {
				if sc != nil {
					t.Errorf("a scenario and errors")
				}
				checkShape(t, "fuzz.yaml", err)
				return
			}
			if sc == nil {
				t.Fatal("no scenario and no error")
			}
			if errs := sc.Check(); len(errs) > 0 {
				t.Errorf("loaded a scenario that fails Check: %v", errs)
			}
		})
	})
}

// FuzzOverride applies an arbitrary override to a valid scenario: no
// panic, and every error is one line naming the override or the file.
func FuzzOverride(f *testing.F) {
	for _, s := range []string{
		"staff[1].count=5", "staff.gate-crew.count=5", "gate.intake={dist: lognormal, mean: 20s, sd: 5s}",
		"sampling.sites.site-a.swab=6", "gate.intake.sd=3s", "targets[0]=x", "a.b.c[1][2]=&a [*a]",
		"zones.north.walk=*x", "garbage=", "buildings.A=[1, 2]", "staff.gate-crew.shifts[1]={from: 25:00}",
	} {
		f.Add(s)
	}
	data := readFile(f, "testdata/valid/small.yaml")
	f.Fuzz(func(t *testing.T, set string) {
		fuzzguard.Check(t, func() {
			o, err := ParseOverride(set)
			if err != nil {
				return
			}
			_, err = Load("small.yaml", data, o)
			if err == nil {
				return
			}
			errs, ok := err.(Errors)
			if !ok || len(errs) == 0 {
				t.Fatalf("error %T %v, want Errors", err, err)
			}
			file := errorLine("small.yaml")
			for _, e := range errs {
				line := e.Error()
				if e.File != text.OneLine(o.String()) && !file.MatchString(line) {
					t.Errorf("error neither at the file nor at the override: %q", line)
				}
				if e.File == "fuzz.yaml" || containsBreak(line) {
					t.Errorf("bad error line %q", line)
				}
				if e.Line == 0 && e.File != text.OneLine(o.String()) {
					t.Errorf("error without a position: %q", line)
				}
			}
			noInternal(t, err)
		})
	})
}

func containsBreak(s string) bool {
	for _, r := range s {
		if text.Escapes(r) {
			return true
		}
	}
	return false
}

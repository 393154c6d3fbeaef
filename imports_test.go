package cordon_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The layers of cordon, lowest first: imports point down only,
// cmd -> serve (the pages) -> reports -> lang -> experiment -> model -> kernel. The kernel package sim
// imports the standard library alone; its subpackages add gonum. Below
// them all, text (the text every layer writes to people, standard library
// only), and test support, imported by test files alone.
var layers = []struct {
	name     string
	packages []string
	external []string // modules outside the standard library it may import
}{
	{"text", []string{"text"}, nil},
	{"test support", []string{"internal/fuzzguard"}, nil},
	{"browser test support", []string{"internal/browsertest"}, []string{"github.com/chromedp"}},
	{"kernel", []string{"sim"}, nil},
	{"kernel library", []string{"sim/random", "sim/stats", "sim/queueing", "sim/replicate", "sim/record", "sim/validation", "sim/fit"},
		[]string{"gonum.org/v1/gonum"}},
	{"model", []string{"compound"}, []string{"gonum.org/v1/gonum"}},
	{"loader and experiment", []string{"scenarios", "experiment", "logs"},
		[]string{"gonum.org/v1/gonum", "go.yaml.in/yaml/v3"}},
	{"language", []string{"lang"}, []string{"golang.org/x/text"}},
	// gg is gonum/plot's raster back end: reports hands it the image a
	// report's PNG figures are drawn on (render.go).
	{"reports", []string{"reports"}, []string{"gonum.org/v1/gonum", "gonum.org/v1/plot", "git.sr.ht/~sbinet/gg", "golang.org/x/image", "golang.org/x/text"}},
	{"pages", []string{"serve"}, []string{"golang.org/x/text"}},
	{"command line", []string{"cmd/cordon"}, []string{"gonum.org/v1/gonum", "github.com/spf13/cobra", "github.com/spf13/pflag",
		"github.com/schollz/progressbar/v3", "golang.org/x/term", "go.yaml.in/yaml/v3", "golang.org/x/text"}},
	{"deployment examples", []string{"deploy"}, []string{"k8s.io/api", "sigs.k8s.io/yaml"}},
}

// testOnly are modules that test files may import anywhere.
var testOnly = []string{"golang.org/x/sys/unix", "pgregory.net/rapid", "github.com/rogpeppe/go-internal", "github.com/chromedp", "github.com/santhosh-tekuri/jsonschema"}

// TestImportsPointDown checks every package's imports against its layer:
// a package may import packages of lower layers, the kernel library may use
// the kernel, and no package imports one above it (nor does anything import
// cmd). Test files may also import packages of their own layer and the
// test-only modules.
func TestImportsPointDown(t *testing.T) {
	level := map[string]int{}
	for i, l := range layers {
		for _, p := range l.packages {
			level["cordon/"+p] = i
		}
	}
	seen := map[string]bool{}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); path != "." && (strings.HasPrefix(n, ".") || n == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		dir := filepath.ToSlash(filepath.Dir(path))
		if dir == "." {
			return nil // this test
		}
		pkg := "cordon/" + dir
		mine, known := level[pkg]
		if !known {
			t.Errorf("%s: package %s is in no layer; add it to the layers in imports_test.go", path, pkg)
			return nil
		}
		seen[pkg] = true
		isTest := strings.HasSuffix(path, "_test.go")
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, spec := range f.Imports {
			imp, _ := strconv.Unquote(spec.Path.Value)
			if msg := check(pkg, mine, imp, isTest, level); msg != "" {
				t.Errorf("%s imports %s: %s", path, imp, msg)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !seen["cordon/sim"] {
		t.Error("found no files of cordon/sim: is the test running at the module root?")
	}
}

func check(pkg string, mine int, imp string, isTest bool, level map[string]int) string {
	if strings.HasPrefix(imp, "cordon/") {
		theirs, ok := level[imp]
		switch {
		case !ok:
			return "a package in no layer"
		case imp == pkg:
			return ""
		case imp == "cordon/cmd/cordon":
			return "nothing imports the command line"
		case theirs < mine && (isTest || layers[theirs].name != "test support"):
			return ""
		case theirs == mine && (isTest || layers[mine].name == "kernel library" && imp != "cordon/sim/validation"):
			return ""
		case isTest && layers[mine].name == "kernel" && layers[theirs].name == "kernel library":
			return "" // the kernel's examples and benchmarks use its streams

		default:
			return "it points up or sideways (" + layers[mine].name + " -> " + layers[theirs].name + ")"
		}
	}
	first, _, _ := strings.Cut(imp, "/")
	if !strings.Contains(first, ".") {
		return "" // standard library
	}
	for i := 0; i <= mine; i++ {
		for _, m := range layers[i].external {
			if imp == m || strings.HasPrefix(imp, m+"/") {
				return ""
			}
		}
	}
	if isTest && slices.ContainsFunc(testOnly, func(m string) bool { return imp == m || strings.HasPrefix(imp, m+"/") }) {
		return ""
	}
	return "a module the " + layers[mine].name + " layer does not use"
}

// TestCheckFlagsBadImports makes sure the rule above can fail.
func TestCheckFlagsBadImports(t *testing.T) {
	level := map[string]int{}
	for i, l := range layers {
		for _, p := range l.packages {
			level["cordon/"+p] = i
		}
	}
	cases := []struct {
		pkg, imp string
		test     bool
		bad      bool
	}{
		{"cordon/sim", "gonum.org/v1/gonum/stat", false, true},
		{"cordon/sim", "cordon/sim/random", false, true},
		{"cordon/sim", "cordon/sim/random", true, false},
		{"cordon/sim/random", "gonum.org/v1/gonum/stat/distuv", false, false},
		{"cordon/compound", "cordon/experiment", false, true},
		{"cordon/experiment", "cordon/compound", false, false},
		{"cordon/reports", "cordon/cmd/cordon", false, true},
		{"cordon/reports", "github.com/spf13/cobra", false, true},
		{"cordon/cmd/cordon", "cordon/reports", false, false},
		{"cordon/sim/stats", "pgregory.net/rapid", false, true},
		{"cordon/sim/stats", "pgregory.net/rapid", true, false},
		{"cordon/sim/stats", "cordon/nowhere", false, true},
		{"cordon/sim/stats", "fmt", false, false},
	}
	for _, c := range cases {
		msg := check(c.pkg, level[c.pkg], c.imp, c.test, level)
		if (msg != "") != c.bad {
			t.Errorf("%s (test %v) importing %s: got %q, want bad=%v", c.pkg, c.test, c.imp, msg, c.bad)
		}
	}
}

package scenarios

import (
	"embed"
	"fmt"
	"os"
	"path"
	"slices"
	"strings"

	"cordon/compound"
	"cordon/text"

	"go.yaml.in/yaml/v3"
)

// builtin holds the built-in scenarios, builtin/<name>.yaml. The README
// keeps the folder embeddable before any scenario is in it.
//
//go:embed builtin
var builtin embed.FS

// Default is the built-in scenario a command runs when it is given none:
// the report's two days of the closure as one run.
const Default = "two-days"

// BuiltinInfo names a built-in scenario and says what it is.
type BuiltinInfo struct {
	Name    string // "baseline" for builtin/baseline.yaml
	Summary string // the first line of its description
	// Chinese is the first line of its description in Simplified
	// Chinese (builtin/<name>.zh-CN.txt).
	Chinese string
}

// Builtin returns the YAML of a built-in scenario by name ("baseline" for
// builtin/baseline.yaml).
func Builtin(name string) ([]byte, bool) {
	if name == "" || strings.ContainsAny(name, `/\`) || strings.HasPrefix(name, ".") {
		return nil, false
	}
	data, err := builtin.ReadFile("builtin/" + name + ".yaml")
	if err != nil {
		return nil, false
	}
	return data, true
}

// Builtins returns the built-in scenarios, sorted by name, with the first
// line of each one's description.
func Builtins() []BuiltinInfo {
	entries, err := builtin.ReadDir("builtin")
	if err != nil {
		return nil
	}
	var out []BuiltinInfo
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".yaml")
		if !ok || e.IsDir() {
			continue
		}
		data, _ := Builtin(name)
		out = append(out, BuiltinInfo{Name: name, Summary: summary(data), Chinese: firstLine(chineseDescription(name))})
	}
	slices.SortFunc(out, func(a, b BuiltinInfo) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// builtinNames returns the names of the built-in scenarios, sorted.
func builtinNames() []string {
	var names []string
	for _, b := range Builtins() {
		names = append(names, b.Name)
	}
	return names
}

// summary returns the first line of the description of the scenario in
// data, or "".
func summary(data []byte) string { return firstLine(description(data)) }

// description returns the description of the scenario in data, or "".
func description(data []byte) string {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return ""
	}
	_, v := lookup(target(doc.Content[0]), "description")
	if v = target(v); v == nil || v.Kind != yaml.ScalarNode || isNull(v) {
		return ""
	}
	return v.Value
}

// Resolve loads a scenario named on the command line: the file at arg when
// there is one, or when arg looks like a path (a .yaml or .yml suffix, a
// slash); else the built-in scenario of that name. A folder is no scenario
// file: one named like a built-in scenario (a report folder, say) does not
// hide it, and one named by a path is an error that says so.
func Resolve(arg string, overrides ...Override) (*compound.Scenario, error) {
	return resolve(arg, false, overrides)
}

// ResolveWithTargets resolves a scenario as Resolve does and loads it as
// LoadWithTargets does: a target of the scenario on a KPI it does not have
// is an error at the target's place.
func ResolveWithTargets(arg string, overrides ...Override) (*compound.Scenario, error) {
	return resolve(arg, true, overrides)
}

// resolve is Resolve, with LoadWithTargets's check when targets is true.
func resolve(arg string, targets bool, overrides []Override) (*compound.Scenario, error) {
	if err := notFolder(arg); err != nil {
		return nil, err
	}
	if isFile(arg) {
		return loadFile(arg, targets, overrides)
	}
	if data, ok := Builtin(arg); ok {
		return load(path.Join("builtin", arg+".yaml"), data, targets, overrides)
	}
	return nil, unknownScenario(arg)
}

// Source returns the file name and the YAML text of a scenario named on the
// command line, resolved as Resolve does, for rewriting it.
func Source(arg string) (string, []byte, error) {
	if err := notFolder(arg); err != nil {
		return "", nil, err
	}
	if isFile(arg) {
		data, err := os.ReadFile(arg)
		return arg, data, err
	}
	if data, ok := Builtin(arg); ok {
		return path.Join("builtin", arg+".yaml"), data, nil
	}
	return "", nil, unknownScenario(arg)
}

// unknownScenario is the error for a name that is neither a file nor a
// built-in scenario.
func unknownScenario(arg string) error {
	names := builtinNames()
	if len(names) == 0 {
		return fmt.Errorf("no scenario file %s, and there are no built-in scenarios", quote(arg))
	}
	return fmt.Errorf("no scenario file or built-in scenario named %s%s (built-in scenarios: %s)",
		quote(arg), text.DidYouMean(arg, names), listing(names))
}

// isFile reports whether a command-line argument names a scenario file:
// something not a folder is there, or it looks like a path.
func isFile(arg string) bool {
	if fi, err := os.Stat(arg); err == nil && !fi.IsDir() {
		return true
	}
	return looksLikePath(arg)
}

// notFolder is the error for an argument that names a folder and no
// built-in scenario (nil for any other): a folder is no scenario file.
func notFolder(arg string) error {
	fi, err := os.Stat(arg)
	if err != nil || !fi.IsDir() {
		return nil
	}
	_, builtin := Builtin(arg)
	switch name := strings.TrimRight(arg, `/\`); {
	case builtin && !looksLikePath(arg):
		return nil // the built-in of that name
	case name != arg && !looksLikePath(name):
		if _, ok := Builtin(name); ok {
			return fmt.Errorf("%s is a folder, not a scenario file (the built-in scenario is %s)", quote(arg), name)
		}
	}
	return fmt.Errorf("%s is a folder, not a scenario file", quote(arg))
}

// looksLikePath reports whether a command-line argument names a file
// rather than a built-in scenario.
func looksLikePath(arg string) bool {
	return strings.HasSuffix(arg, ".yaml") || strings.HasSuffix(arg, ".yml") || strings.ContainsAny(arg, `/\`)
}

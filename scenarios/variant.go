package scenarios

import (
	"cordon/text"
	"fmt"
	"strconv"
	"strings"
)

// Variant is one --variant 'NAME: path=value, ...' of cordon compare: a
// scenario made from another by setting values, as --set does.
type Variant struct {
	Name      string
	Overrides []Override // each with its Flag "--variant NAME:"
}

// ParseVariant reads 'NAME: path=value, path=value, ...'. The values are
// split at the commas that are outside brackets, braces and quotes, so a
// distribution or a list is one value: 'slow-intake: gate.intake={dist:
// gamma, mean: 30s, cv: 0.5}'.
func ParseVariant(s string) (Variant, error) {
	bad := func(format string, a ...any) (Variant, error) {
		return Variant{}, fmt.Errorf("--variant %s: %s", strconv.Quote(s), fmt.Sprintf(format, a...))
	}
	name, rest, ok := strings.Cut(s, ":")
	name = strings.TrimSpace(name)
	switch {
	case !ok || strings.Contains(name, "="):
		return bad("name the variant first: write 'NAME: path=value, ...', for example 'more-shelves: gate.shelves=8, gate.containers=2'")
	case name == "":
		return bad("the name before ':' is empty: write 'NAME: path=value, ...'")
	case strings.TrimSpace(rest) == "":
		return bad("no value set: write 'NAME: path=value, ...'")
	}
	v := Variant{Name: name}
	flag := "--variant " + name + ":"
	parts, _ := text.SplitList(rest) // a bracket left open is the value's to report: its YAML does not read
	for _, part := range parts {
		if strings.TrimSpace(part) == "" {
			return bad("an empty value between commas: write 'NAME: path=value, path=value'")
		}
		o, err := ParseOverride(part)
		if err != nil {
			return bad("%s: write path=value, for example gate.shelves=8", strings.TrimSpace(part))
		}
		o.Flag = flag
		v.Overrides = append(v.Overrides, o)
	}
	return v, nil
}

// Describe is the variant's description: what it sets on the scenario,
// "baseline with gate.shelves=10".
func (v Variant) Describe(base string) string {
	return base + " with " + strings.Join(v.Settings(), ", ")
}

// Settings are what the variant sets, each as path=value.
func (v Variant) Settings() []string {
	parts := make([]string, len(v.Overrides))
	for i, o := range v.Overrides {
		parts[i] = strings.TrimSpace(o.Path) + "=" + strings.TrimSpace(o.Value)
	}
	return parts
}

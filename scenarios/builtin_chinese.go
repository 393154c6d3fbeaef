package scenarios

import (
	"strings"

	"cordon/compound"
)

// chineseDescription is the description of the built-in scenario name in
// Simplified Chinese, builtin/<name>.zh-CN.txt beside its YAML, or "".
func chineseDescription(name string) string {
	if _, ok := Builtin(name); !ok {
		return ""
	}
	data, err := builtin.ReadFile("builtin/" + name + ".zh-CN.txt")
	if err != nil {
		return ""
	}
	return string(data)
}

// ChineseDescription is the description of sc in Simplified Chinese when
// sc is a built-in scenario with its own description (its name and
// English description those of the built-in, not a copy edited or renamed);
// otherwise sc's own description and false.
func ChineseDescription(sc *compound.Scenario) (string, bool) {
	zh := chineseDescription(sc.Name)
	if zh == "" {
		return sc.Description, false
	}
	data, _ := Builtin(sc.Name)
	if strings.TrimSpace(description(data)) != strings.TrimSpace(sc.Description) {
		return sc.Description, false
	}
	return zh, true
}

// firstLine is the first line of a description, trimmed.
func firstLine(s string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(first)
}

package scenarios

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestResolveFolderIsNoScenario: a folder in the working directory named
// like a built-in scenario (day-one/, a report folder, say) hid the
// built-in: "read day-one: is a directory". A folder is not a scenario
// file: the built-in of that name is used; a folder named by a path, or
// one with no built-in of its name, is a one-line error that says so.
func TestResolveFolderIsNoScenario(t *testing.T) {
	names := builtinNames()
	if len(names) == 0 {
		t.Skip("no built-in scenarios")
	}
	name := names[0]
	t.Chdir(t.TempDir())
	for _, dir := range []string{name, "not-a-scenario"} {
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	sc, err := Resolve(name)
	if err != nil || sc == nil {
		t.Fatalf("Resolve(%s) with a folder %s/ here: %v; want the built-in", name, name, err)
	}
	if _, _, err := Source(name); err != nil {
		t.Errorf("Source(%s) with a folder %s/ here: %v; want the built-in", name, name, err)
	}
	for _, c := range []struct{ arg, want string }{
		{name + string(filepath.Separator), "is a folder, not a scenario file (the built-in scenario is " + name + ")"},
		{"not-a-scenario", `"not-a-scenario" is a folder, not a scenario file`},
	} {
		_, err := Resolve(c.arg)
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("Resolve(%q) = %v; want one line with %q", c.arg, err, c.want)
		}
	}
}

package scenarios

import (
	"strings"
	"testing"
)

func TestWithNote(t *testing.T) {
	note := "# planned\n"
	got, has := WithNote([]byte(Modeline(SchemaModelinePath)+"\nname: x\n"), note)
	if want := Modeline(SchemaFile) + "\n# planned\nname: x\n"; !has || string(got) != want {
		t.Errorf("with a modeline: got %q, %v; want %q, true", got, has, want)
	}
	got, has = WithNote([]byte("# a comment\nname: x\n"), note)
	if want := "# planned\n# a comment\nname: x\n"; has || string(got) != want {
		t.Errorf("without one: got %q, %v; want %q, false", got, has, want)
	}
}

func TestWithLocalSchema(t *testing.T) {
	data, ok := Builtin("baseline")
	if !ok {
		t.Fatal("no baseline")
	}
	got := string(WithLocalSchema(data))
	if !strings.HasPrefix(got, Modeline(SchemaFile)+"\n") || strings.Contains(got, SchemaModelinePath) {
		t.Errorf("baseline begins %q", got[:min(120, len(got))])
	}
}

package scenarios

import "strings"

// SchemaFile is the schema file written beside a scenario (cordon init,
// cordon plan --write), which the scenario's modeline names.
const SchemaFile = "scenario.schema.json"

// WithLocalSchema points a built-in scenario's modeline, which names the
// schema beside the built-ins, at a schema file beside the scenario
// (SchemaFile).
func WithLocalSchema(data []byte) []byte {
	return []byte(strings.Replace(string(data), Modeline(SchemaModelinePath), Modeline(SchemaFile), 1))
}

// WithNote puts a note (comment lines, each ending in a line break) at the
// top of a scenario file: after its modeline, pointed at SchemaFile, when
// its first line is one, else before everything. It reports whether the
// file has a modeline, whose schema file should then be beside it.
func WithNote(data []byte, note string) ([]byte, bool) {
	text := string(data)
	first, rest, _ := strings.Cut(text, "\n")
	if strings.HasPrefix(first, Modeline("")) {
		return []byte(Modeline(SchemaFile) + "\n" + note + rest), true
	}
	return []byte(note + text), false
}

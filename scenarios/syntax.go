package scenarios

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
)

// syntaxError reports a YAML syntax error. The parser gives a line but no
// column; a tab in the indentation, the commonest cause, is pointed at
// exactly.
func syntaxError(d *decoder, data []byte, err error) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := regexp.MustCompile(`^line (\d+): (.*)$`).FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	if l, c := tabIndent(data, line); l > 0 {
		d.errs.add(Error{File: d.file, Line: l, Column: c, Msg: "a tab indents this line: indent YAML with spaces"})
		return
	}
	d.errs.add(Error{File: d.file, Line: max(line, 1), Column: 1, Msg: "not valid YAML: " + msg + hint(msg)})
}

// tabIndent returns the position of the first tab in the indentation of a
// line near line at (the parser reports a tab on its line or a little
// after; every line if at is 0), or 0, 0.
func tabIndent(data []byte, at int) (line, col int) {
	for i, l := range bytes.Split(data, []byte("\n")) {
		if at > 0 && i+1 < at-3 {
			continue
		}
		if at > 0 && i+1 > at {
			break
		}
		for j, c := range l {
			if c == '\t' {
				return i + 1, j + 1
			}
			if c != ' ' {
				break
			}
		}
	}
	return 0, 0
}

// hint adds what to do about the commonest syntax errors.
func hint(msg string) string {
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		return " (a value holding \": \" must be quoted, and a nested field must be indented under its parent)"
	case strings.Contains(msg, "did not find expected key"), strings.Contains(msg, "did not find expected '-' indicator"):
		return " (check the indentation: fields of one mapping line up, and list entries start with \"- \")"
	case strings.Contains(msg, "could not find expected ':'"):
		return " (write each field as name: value)"
	case strings.Contains(msg, "found character that cannot start any token"):
		return " (a value starting with @, ` or % must be quoted)"
	case strings.Contains(msg, "exceeded max depth"):
		return " (lists and mappings nest too deeply)"
	case strings.Contains(msg, "UTF-8"), strings.Contains(msg, "control characters"):
		return " (a scenario file is UTF-8 text)"
	}
	return ""
}

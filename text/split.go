package text

import "fmt"

// SplitList splits a list of values written on one line at the commas
// outside brackets, braces and quotes, so that a value may be a YAML
// mapping or list such as {from: 07:30, to: 15:30}. The error says when a
// bracket closes none or a bracket or quote is left open; the parts are
// split as well as they can be even so (a stray closing bracket counts for
// nothing), for a caller that reports such problems in its own words.
func SplitList(s string) ([]string, error) {
	var out []string
	var err error
	depth, start := 0, 0
	var quote rune
	for i, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '{' || r == '[':
			depth++
		case r == '}' || r == ']':
			if depth == 0 {
				if err == nil {
					err = fmt.Errorf("a %c without its opening bracket", r)
				}
				continue
			}
			depth--
		case r == ',' && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	if err == nil && (depth > 0 || quote != 0) {
		err = fmt.Errorf("a bracket or quote is not closed")
	}
	return append(out, s[start:]), err
}

package scenarios

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// The short tags of the YAML core schema.
const (
	tagNull  = "!!null"
	tagBool  = "!!bool"
	tagInt   = "!!int"
	tagFloat = "!!float"
	tagStr   = "!!str"
	tagMerge = "!!merge"
)

// target follows aliases to the node they stand for. It returns nil for a
// dangling alias (which the parser does not produce).
func target(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if i > 100 {
			return nil
		}
		n = n.Alias
	}
	return n
}

// isNull reports whether n is an empty value: nothing, ~ or null.
func isNull(n *yaml.Node) bool {
	return n == nil || n.Kind == yaml.ScalarNode && n.ShortTag() == tagNull
}

// isNumber reports whether n is a plain number (int or float).
func isNumber(n *yaml.Node) bool {
	if n.Kind != yaml.ScalarNode {
		return false
	}
	t := n.ShortTag()
	return t == tagInt || t == tagFloat
}

// describe says what a node is, for messages: "a list", "a mapping",
// "the text "abc"", "the number 5", "true".
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.DocumentNode:
		return "a document"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case tagNull:
			return "nothing"
		case tagInt, tagFloat:
			return "the number " + show(n.Value)
		case tagBool:
			return show(n.Value)
		}
		return "the text " + quote(n.Value)
	}
	return "an unknown value"
}

// maxShown is the most characters of a value quoted in a message.
const maxShown = 40

// quote quotes s for a message, shortened to maxShown characters.
func quote(s string) string {
	return strconv.Quote(shorten(s))
}

// show writes s as it is when it is short and printable, else quoted.
func show(s string) string {
	short := shorten(s)
	if short != s || strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || r == '"' || !strconv.IsPrint(r) }) {
		return strconv.Quote(short)
	}
	return s
}

// shorten cuts s to maxShown characters, marking the cut with "...".
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= maxShown {
		return s
	}
	i, n := 0, 0
	for i = range s {
		if n == maxShown {
			break
		}
		n++
	}
	return s[:i] + "..."
}

// listing joins names for a message: "a, b, c".
func listing(names []string) string {
	return strings.Join(names, ", ")
}

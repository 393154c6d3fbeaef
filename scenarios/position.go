package scenarios

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// locate returns the node to point at for a field path such as
// "staff[2].shifts[0].from": the value of a scalar field, the key of a
// mapping or list field, the entry of a list. When the field is absent it
// returns the nearest enclosing node that exists.
func locate(root *yaml.Node, path string) *yaml.Node {
	best, cur := root, target(root)
	for _, seg := range splitPath(path) {
		if cur == nil {
			break
		}
		if seg.isIndex {
			if cur.Kind != yaml.SequenceNode || seg.index < 0 || seg.index >= len(cur.Content) {
				break
			}
			best, cur = cur.Content[seg.index], target(cur.Content[seg.index])
			continue
		}
		k, v := lookup(cur, seg.name)
		if k == nil {
			break
		}
		cur = target(v)
		if cur != nil && cur.Kind == yaml.ScalarNode {
			best = v
		} else {
			best = k
		}
	}
	return best
}

// present reports whether the file writes the field at path: every
// segment of it is there.
func present(root *yaml.Node, path string) bool {
	cur := target(root)
	for _, seg := range splitPath(path) {
		switch {
		case cur == nil:
			return false
		case seg.isIndex:
			if cur.Kind != yaml.SequenceNode || seg.index < 0 || seg.index >= len(cur.Content) {
				return false
			}
			cur = target(cur.Content[seg.index])
		default:
			k, v := lookup(cur, seg.name)
			if k == nil {
				return false
			}
			cur = target(v)
		}
	}
	return true
}

// lookup returns the key and value nodes of field name in mapping m, or
// nils.
func lookup(m *yaml.Node, name string) (k, v *yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if t := target(m.Content[i]); t != nil && t.Kind == yaml.ScalarNode && t.Value == name {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

// segment is one step of a field path: a name, or a list position.
type segment struct {
	name    string
	index   int
	isIndex bool
}

// splitPath splits "staff[2].shifts[0].from" into staff, 2, shifts, 0,
// from. It is lenient: it is used on the paths of Check, which are well
// formed.
func splitPath(path string) []segment {
	var out []segment
	for part := range strings.SplitSeq(path, ".") {
		name, rest, _ := strings.Cut(part, "[")
		if name != "" {
			out = append(out, segment{name: name})
		}
		for rest != "" {
			num, after, _ := strings.Cut(rest, "]")
			i, err := strconv.Atoi(num)
			if err != nil {
				return out
			}
			out = append(out, segment{index: i, isIndex: true})
			rest = strings.TrimPrefix(after, "[")
		}
	}
	return out
}

package scenarios

import (
	"fmt"
	"slices"
	"strings"

	"cordon/compound"
	"cordon/sim/random"
	"cordon/text"

	"go.yaml.in/yaml/v3"
)

// family returns the distribution family called name (nil fields for an
// unknown name).
func family(name string) random.Family {
	f, _ := random.FamilyOf(name)
	return f
}

// scalarParam is the parameter of a distribution written as a bare value:
// the value of a constant.
func scalarParam() random.Param {
	return family(random.FamilyConstant).Params[0]
}

// familyFields returns the fields a distribution family takes, in the order
// they are written.
func familyFields(name string) []string {
	var out []string
	for _, p := range family(name).Params {
		out = append(out, p.Name)
	}
	return out
}

// allDistFields returns every field of every family, and dist.
func allDistFields() []string {
	out := []string{"dist"}
	for _, k := range random.FamilyNames() {
		for _, f := range familyFields(k) {
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

// example writes a distribution of the family as it is written in a file, for
// messages; count is for quantities, else times.
func example(name string, count bool) string {
	e := family(name).Example
	return "{dist: " + name + ", " + pick(count, e[0], e[1]) + "}"
}

func pick(count bool, ifCount, ifTime string) string {
	if count {
		return ifCount
	}
	return ifTime
}

// dist decodes a distribution: a bare duration (or number, for a count) is
// a constant; a mapping names its family with dist and gives the family's
// fields. Messages call a family the distribution's "kind", the word a
// scenario's author reads in the README.
func (d *decoder) dist(n *yaml.Node, p *compound.Dist, path string, count bool) {
	switch n.Kind {
	case yaml.ScalarNode:
		v, msg := d.param(n, scalarParam(), count)
		if msg != "" {
			d.errorf(n, path, "%s", msg)
			return
		}
		*p = compound.Dist{Spec: random.Constant(v)}
	case yaml.MappingNode:
		d.distMapping(n, p, path, count)
	default:
		d.errorf(n, path, "expected %s; got %s", d.expect(reflectDist(), field{unit: pick(count, "count", "")}), describe(n))
	}
}

// param reads one number of a distribution: a duration in seconds for a
// time, else a plain number. The parameters the family calls plain (the
// gamma cv, the weibull shape, the empirical weights) are always plain
// numbers; so is a constant's value in a scalar.
func (d *decoder) param(n *yaml.Node, p random.Param, count bool) (float64, string) {
	plain := p.Plain
	if !count && !plain {
		return seconds(n)
	}
	v, msg := number(n)
	if msg != "" && !plain {
		if _, notDuration := seconds(n); notDuration == "" {
			return 0, fmt.Sprintf("%s is a duration, but this counts items: write a plain number such as 5", show(n.Value))
		}
	}
	return v, msg
}

// distMapping decodes {dist: kind, field: value, ...}.
func (d *decoder) distMapping(n *yaml.Node, p *compound.Dist, path string, count bool) {
	type entry struct {
		key, val *yaml.Node
		name     string
	}
	var familyNode *yaml.Node
	var entries []entry
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if !d.visit(k) || !d.visit(val) {
			return
		}
		name, ok := d.key(k, path)
		if !ok {
			continue
		}
		if prev := seen[name]; prev != nil {
			d.errorf(k, join(path, shorten(name)), "is given twice (first on line %d): give each field once", prev.Line)
			continue
		}
		seen[name] = k
		if name == "dist" {
			familyNode = val
			continue
		}
		entries = append(entries, entry{k, val, name})
	}
	families := random.FamilyNames()
	if familyNode == nil {
		d.errorf(n, path, "a distribution mapping needs dist, its kind: one of %s; for example %s", listing(families), example(random.FamilyLogNormal, count))
		return
	}
	kn := target(familyNode)
	if kn == nil || kn.Kind != yaml.ScalarNode || isNull(kn) {
		d.errorf(familyNode, path+".dist", "expected the kind of distribution, one of %s; got %s", listing(families), describe(familyNode))
		return
	}
	name := kn.Value
	fam, ok := random.FamilyOf(name)
	if !ok {
		d.errorf(familyNode, path+".dist", "unknown distribution %s%s (kinds: %s)", quote(name), text.DidYouMean(name, families), listing(families))
		return
	}
	want := familyFields(name)
	spec := random.Spec{Family: name}
	given := map[string]bool{}
	for _, e := range entries {
		fp := join(path, shorten(e.name))
		if !slices.Contains(want, e.name) {
			if slices.Contains(allDistFields(), e.name) {
				d.errorf(e.key, fp, "%s is not a field of a %s distribution, which takes %s", e.name, name, listing(want))
			} else {
				d.errorf(e.key, fp, "unknown field%s (a %s distribution takes %s)", text.DidYouMean(e.name, want), name, listing(want))
				if near := text.Nearest(e.name, want); near != "" {
					given[near] = true // reported as the typo; do not report it missing too
				}
			}
			continue
		}
		given[e.name] = true
		p, _ := fam.Param(e.name)
		d.setParam(&spec, e.val, p, fp, count)
	}
	var missing []string
	for _, p := range fam.Params {
		if !given[p.Name] && !p.Optional {
			missing = append(missing, p.Name)
		}
	}
	if len(missing) > 0 {
		d.errorf(n, path, "a %s distribution needs %s: for example %s", name, strings.Join(missing, " and "), example(name, count))
		return
	}
	*p = compound.Dist{Spec: spec}
}

// setParam decodes the parameter p of a distribution into spec.
func (d *decoder) setParam(spec *random.Spec, n *yaml.Node, p random.Param, path string, count bool) {
	n = target(n)
	if n == nil {
		d.errorf(n, path, "an alias that names no anchor")
		return
	}
	if p.List {
		*p.Numbers(spec) = d.numbers(n, p, path, count)
		return
	}
	v, msg := d.param(n, p, count)
	if msg != "" {
		d.errorf(n, path, "%s", msg)
		return
	}
	*p.Number(spec) = v
}

// numbers decodes the list of empirical values or weights.
func (d *decoder) numbers(n *yaml.Node, p random.Param, path string, count bool) []float64 {
	name := p.Name
	if n.Kind != yaml.SequenceNode {
		what := "a list of durations such as [20s, 30s, 60s]"
		if count || p.Plain {
			what = "a list of numbers such as [1, 2, 1]"
		}
		d.errorf(n, path, "expected %s; got %s", what, describe(n))
		return nil
	}
	if limit := listLimit(name, reflectFloats()); len(n.Content) > limit {
		d.errorf(n, path, "has %d entries: at most %d are allowed here", len(n.Content), limit)
		return nil
	}
	out := make([]float64, len(n.Content))
	for i, e := range n.Content {
		if !d.visit(e) {
			return nil
		}
		ep := fmt.Sprintf("%s[%d]", path, i)
		e = target(e)
		if e == nil {
			d.errorf(e, ep, "an alias that names no anchor")
			continue
		}
		v, msg := d.param(e, p, count)
		if msg != "" {
			d.errorf(e, ep, "%s", msg)
			continue
		}
		out[i] = v
	}
	return out
}

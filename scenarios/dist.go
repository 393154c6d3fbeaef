package scenarios

import (
	"fmt"
	"slices"
	"strings"

	"cordon/compound"
	"cordon/sim/random"

	"go.yaml.in/yaml/v3"
)

// kindFields returns the fields a kind of distribution takes, in the order
// they are usually written.
func kindFields(kind string) []string {
	switch kind {
	case random.KindConstant:
		return []string{"value"}
	case random.KindExponential:
		return []string{"mean"}
	case random.KindUniform:
		return []string{"min", "max"}
	case random.KindTriangular:
		return []string{"min", "mode", "max"}
	case random.KindNormal, random.KindLogNormal:
		return []string{"mean", "sd"}
	case random.KindGamma:
		return []string{"mean", "cv"}
	case random.KindWeibull:
		return []string{"shape", "scale"}
	case random.KindEmpirical:
		return []string{"values", "weights"}
	}
	return nil
}

// optional reports whether a distribution field may be left out: empirical
// weights (equal weights).
func optional(name string) bool { return name == "weights" }

// allDistFields returns every field of every kind, and dist.
func allDistFields() []string {
	out := []string{"dist"}
	for _, k := range random.Kinds() {
		for _, f := range kindFields(k) {
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

// examples are the fields of a distribution of each kind, for messages:
// for a quantity, and for a time.
var examples = map[string][2]string{
	random.KindConstant:    {"value: 5", "value: 30s"},
	random.KindExponential: {"mean: 8", "mean: 40s"},
	random.KindUniform:     {"min: 1, max: 10", "min: 20s, max: 60s"},
	random.KindTriangular:  {"min: 1, mode: 4, max: 10", "min: 20s, mode: 30s, max: 60s"},
	random.KindNormal:      {"mean: 8, sd: 3", "mean: 40s, sd: 10s"},
	random.KindLogNormal:   {"mean: 8, sd: 3", "mean: 40s, sd: 15s"},
	random.KindGamma:       {"mean: 8, cv: 0.5", "mean: 40s, cv: 0.5"},
	random.KindWeibull:     {"shape: 1.5, scale: 8", "shape: 1.5, scale: 40s"},
	random.KindEmpirical:   {"values: [1, 2, 5], weights: [1, 2, 1]", "values: [20s, 30s, 60s], weights: [1, 2, 1]"},
}

// example writes a distribution of the kind as it is written in a file, for
// messages; count is for quantities, else times.
func example(kind string, count bool) string {
	e := examples[kind]
	return "{dist: " + kind + ", " + pick(count, e[0], e[1]) + "}"
}

func pick(count bool, ifCount, ifTime string) string {
	if count {
		return ifCount
	}
	return ifTime
}

// dist decodes a distribution: a bare duration (or number, for a count) is
// a constant; a mapping names its kind with dist and gives the kind's
// fields.
func (d *decoder) dist(n *yaml.Node, p *compound.Dist, path string, count bool) {
	switch n.Kind {
	case yaml.ScalarNode:
		v, msg := d.param(n, "value", count)
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
// time, else a plain number. The gamma cv, the weibull shape and the
// empirical weights are always plain numbers.
func (d *decoder) param(n *yaml.Node, name string, count bool) (float64, string) {
	plain := plainParam(name)
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
	var kindNode *yaml.Node
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
			kindNode = val
			continue
		}
		entries = append(entries, entry{k, val, name})
	}
	kinds := random.Kinds()
	if kindNode == nil {
		d.errorf(n, path, "a distribution mapping needs dist, its kind: one of %s; for example %s", listing(kinds), example(random.KindLogNormal, count))
		return
	}
	kn := target(kindNode)
	if kn == nil || kn.Kind != yaml.ScalarNode || isNull(kn) {
		d.errorf(kindNode, path+".dist", "expected the kind of distribution, one of %s; got %s", listing(kinds), describe(kindNode))
		return
	}
	kind := kn.Value
	if !slices.Contains(kinds, kind) {
		d.errorf(kindNode, path+".dist", "unknown distribution %s%s (kinds: %s)", quote(kind), didYouMean(kind, kinds), listing(kinds))
		return
	}
	want := kindFields(kind)
	spec := random.Spec{Kind: kind}
	given := map[string]bool{}
	for _, e := range entries {
		fp := join(path, shorten(e.name))
		if !slices.Contains(want, e.name) {
			if slices.Contains(allDistFields(), e.name) {
				d.errorf(e.key, fp, "%s is not a field of a %s distribution, which takes %s", e.name, kind, listing(want))
			} else {
				d.errorf(e.key, fp, "unknown field%s (a %s distribution takes %s)", didYouMean(e.name, want), kind, listing(want))
				if near := nearest(e.name, want); near != "" {
					given[near] = true // reported as the typo; do not report it missing too
				}
			}
			continue
		}
		given[e.name] = true
		d.setParam(&spec, e.val, e.name, fp, count)
	}
	var missing []string
	for _, w := range want {
		if !given[w] && !optional(w) {
			missing = append(missing, w)
		}
	}
	if len(missing) > 0 {
		d.errorf(n, path, "a %s distribution needs %s: for example %s", kind, strings.Join(missing, " and "), example(kind, count))
		return
	}
	*p = compound.Dist{Spec: spec}
}

// setParam decodes the field name of a distribution into spec.
func (d *decoder) setParam(spec *random.Spec, n *yaml.Node, name, path string, count bool) {
	n = target(n)
	if n == nil {
		d.errorf(n, path, "an alias that names no anchor")
		return
	}
	if name == "values" || name == "weights" {
		xs := d.numbers(n, name, path, count)
		if name == "values" {
			spec.Values = xs
		} else {
			spec.Weights = xs
		}
		return
	}
	v, msg := d.param(n, name, count)
	if msg != "" {
		d.errorf(n, path, "%s", msg)
		return
	}
	if f := specField(spec, name); f != nil {
		*f = v
	}
}

// plainParam reports whether a distribution field is a plain number even
// for a time: the gamma cv, the weibull shape, the empirical weights.
func plainParam(name string) bool {
	return name == "cv" || name == "shape" || name == "weights"
}

// specField returns the field of spec that the one-number distribution
// field name sets, or nil.
func specField(spec *random.Spec, name string) *float64 {
	switch name {
	case "value":
		return &spec.Value
	case "mean":
		return &spec.Mean
	case "sd":
		return &spec.SD
	case "cv":
		return &spec.CV
	case "min":
		return &spec.Min
	case "mode":
		return &spec.Mode
	case "max":
		return &spec.Max
	case "shape":
		return &spec.Shape
	case "scale":
		return &spec.Scale
	}
	return nil
}

// numbers decodes the list of empirical values or weights.
func (d *decoder) numbers(n *yaml.Node, name, path string, count bool) []float64 {
	if n.Kind != yaml.SequenceNode {
		what := "a list of durations such as [20s, 30s, 60s]"
		if count || name == "weights" {
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
		v, msg := d.param(e, name, count)
		if msg != "" {
			d.errorf(e, ep, "%s", msg)
			continue
		}
		out[i] = v
	}
	return out
}

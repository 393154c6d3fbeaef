package random_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"cordon/sim/random"
)

// Parameter ranges of the valid specs: times from a microsecond to about
// 30 years in seconds, and shapes over the range used in practice.
var (
	genTime  = rapid.Float64Range(1e-6, 1e9)
	genTime0 = rapid.OneOf(rapid.Just(0.0), genTime) // a time that may be 0
)

// genValid draws a valid Spec of any kind.
func genValid(t *rapid.T) random.Spec {
	switch kind := rapid.SampledFrom(random.FamilyNames()).Draw(t, "kind"); kind {
	case random.FamilyConstant:
		return random.Constant(genTime0.Draw(t, "value"))
	case random.FamilyExponential:
		return random.Spec{Family: kind, Mean: genTime.Draw(t, "mean")}
	case random.FamilyUniform, random.FamilyTriangular:
		x := rapid.SliceOfN(genTime0, 3, 3).Draw(t, "min, mode, max")
		slices.Sort(x)
		return random.Spec{Family: kind, Min: x[0], Mode: x[1], Max: x[2]}
	case random.FamilyNormal:
		sd := genTime0.Draw(t, "sd")
		cut := rapid.Float64Range(-35, 1e3).Draw(t, "mean/sd") // where zero sits
		if sd == 0 {
			cut = math.Abs(cut)
		}
		return random.Spec{Family: kind, Mean: cut * sd, SD: sd}
	case random.FamilyLogNormal:
		return random.Spec{Family: kind, Mean: genTime.Draw(t, "mean"), SD: genTime0.Draw(t, "sd")}
	case random.FamilyGamma:
		return random.Spec{Family: kind, Mean: genTime.Draw(t, "mean"), CV: rapid.OneOf(rapid.Just(0.0), rapid.Float64Range(1e-6, 10)).Draw(t, "cv")}
	case random.FamilyWeibull:
		return random.Spec{Family: kind, Shape: rapid.Float64Range(0.1, 20).Draw(t, "shape"), Scale: genTime.Draw(t, "scale")}
	default:
		values := rapid.SliceOfN(genTime0, 1, 20).Draw(t, "values")
		if !rapid.Bool().Draw(t, "weighted") {
			return random.Spec{Family: kind, Values: values}
		}
		weights := rapid.SliceOfN(rapid.Float64Range(0, 1e6), len(values), len(values)).Draw(t, "weights")
		weights[rapid.IntRange(0, len(values)-1).Draw(t, "heavy")] = rapid.Float64Range(1e-6, 1e6).Draw(t, "weight")
		return random.Spec{Family: kind, Values: values, Weights: weights}
	}
}

// TestRapidValid: valid parameters build, and draws are finite and >= 0.
func TestRapidValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		spec := genValid(t)
		if err := spec.Validate(); err != nil {
			t.Fatalf("Validate: %v", err)
		}
		d, err := spec.New(rand.NewPCG(rapid.Uint64().Draw(t, "seed"), 0))
		if err != nil {
			t.Fatalf("New: %v", err)
		}
		if got, want := d.Mean(), spec.MeanValue(); !near(got, want, 1e-12) {
			t.Fatalf("Mean() = %v, MeanValue() = %v", got, want)
		}
		for range 100 {
			if x := d.Rand(); !(x >= 0) || math.IsInf(x, 0) {
				t.Fatalf("%v drew %v", d, x)
			}
		}
	})
}

// A corruption makes one field of a valid spec invalid; the error must name
// that field.
type corruption struct {
	field string // as named in the error
	apply func(t *rapid.T, s *random.Spec)
}

var (
	genNegative    = rapid.Float64Range(-math.MaxFloat64, -math.SmallestNonzeroFloat64)
	genNonFinite   = rapid.SampledFrom([]float64{math.NaN(), math.Inf(1), math.Inf(-1)})
	genNotNonNeg   = rapid.OneOf(genNegative, genNonFinite)                  // fails ">= 0"
	genNotPositive = rapid.OneOf(genNegative, genNonFinite, rapid.Just(0.0)) // fails "> 0"
)

// set returns a corruption that sets a field to a draw of gen.
func set(field string, gen *rapid.Generator[float64], f func(s *random.Spec) *float64) corruption {
	return corruption{field, func(t *rapid.T, s *random.Spec) { *f(s) = gen.Draw(t, field) }}
}

// below returns a corruption that sets a field below the one it must not
// be below.
func below(field string, f, floor func(s *random.Spec) *float64) corruption {
	return corruption{field, func(t *rapid.T, s *random.Spec) {
		*f(s) = *floor(s) - rapid.Float64Range(1e-3, 1e9).Draw(t, "by")
	}}
}

func corruptions(kind string) []corruption {
	value := func(s *random.Spec) *float64 { return &s.Value }
	mean := func(s *random.Spec) *float64 { return &s.Mean }
	sd := func(s *random.Spec) *float64 { return &s.SD }
	cv := func(s *random.Spec) *float64 { return &s.CV }
	minP := func(s *random.Spec) *float64 { return &s.Min }
	modeP := func(s *random.Spec) *float64 { return &s.Mode }
	maxP := func(s *random.Spec) *float64 { return &s.Max }
	shape := func(s *random.Spec) *float64 { return &s.Shape }
	scale := func(s *random.Spec) *float64 { return &s.Scale }
	switch kind {
	case random.FamilyConstant:
		return []corruption{set("value", genNotNonNeg, value)}
	case random.FamilyExponential:
		return []corruption{set("mean", genNotPositive, mean)}
	case random.FamilyUniform:
		return []corruption{set("min", genNotNonNeg, minP), set("max", genNonFinite, maxP), below("max", maxP, minP)}
	case random.FamilyTriangular:
		return []corruption{set("min", genNotNonNeg, minP), set("mode", genNonFinite, modeP), set("max", genNonFinite, maxP),
			below("mode", modeP, minP), below("max", maxP, modeP)}
	case random.FamilyNormal:
		return []corruption{set("sd", genNotNonNeg, sd), set("mean", genNonFinite, mean),
			{"mean", func(t *rapid.T, s *random.Spec) { // more than 35 sd below zero
				s.SD = genTime.Draw(t, "sd")
				s.Mean = -s.SD * rapid.Float64Range(35.001, 1e6).Draw(t, "-mean/sd")
			}}}
	case random.FamilyLogNormal:
		return []corruption{set("mean", genNotPositive, mean), set("sd", genNotNonNeg, sd)}
	case random.FamilyGamma:
		return []corruption{set("mean", genNotPositive, mean), set("cv", genNotNonNeg, cv)}
	case random.FamilyWeibull:
		return []corruption{set("shape", genNotPositive, shape), set("scale", genNotPositive, scale)}
	}
	return []corruption{
		{"values", func(t *rapid.T, s *random.Spec) { s.Values = nil }},
		{"values[", func(t *rapid.T, s *random.Spec) {
			s.Values[rapid.IntRange(0, len(s.Values)-1).Draw(t, "i")] = genNotNonNeg.Draw(t, "value")
		}},
		{"weights", func(t *rapid.T, s *random.Spec) { s.Weights = make([]float64, len(s.Values)+1) }},
		{"weights", func(t *rapid.T, s *random.Spec) { s.Weights = make([]float64, len(s.Values)) }},
		{"weights[", func(t *rapid.T, s *random.Spec) {
			s.Weights = make([]float64, len(s.Values))
			s.Weights[rapid.IntRange(0, len(s.Values)-1).Draw(t, "i")] = genNotNonNeg.Draw(t, "weight")
		}},
	}
}

// TestRapidInvalid: a valid spec with one field made invalid fails to build,
// with an error naming the field, and never panics.
func TestRapidInvalid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		spec := genValid(t)
		spec.Values, spec.Weights = slices.Clone(spec.Values), slices.Clone(spec.Weights)
		c := rapid.SampledFrom(corruptions(spec.Family)).Draw(t, "corruption")
		c.apply(t, &spec)
		verr := spec.Validate()
		d, err := spec.New(rand.NewPCG(1, 2))
		if err == nil || verr == nil {
			t.Fatalf("%+v: New = %v, %v; Validate = %v; want errors", spec, d, err, verr)
		}
		if want := spec.Family + ": " + c.field; !strings.HasPrefix(err.Error(), want) {
			t.Fatalf("error %q, want it to start %q", err, want)
		}
	})
}

// TestRapidArbitrary: any parameters at all, huge, tiny, NaN or infinite,
// never panic; if they are accepted, draws are >= 0 and never NaN.
func TestRapidArbitrary(t *testing.T) {
	anyFloat := rapid.OneOf(rapid.Float64(), genNonFinite, rapid.Float64Range(-10, 10))
	rapid.Check(t, func(t *rapid.T) {
		spec := random.Spec{
			Family:  rapid.SampledFrom(random.FamilyNames()).Draw(t, "kind"),
			Value:   anyFloat.Draw(t, "value"),
			Mean:    anyFloat.Draw(t, "mean"),
			SD:      anyFloat.Draw(t, "sd"),
			CV:      anyFloat.Draw(t, "cv"),
			Min:     anyFloat.Draw(t, "min"),
			Mode:    anyFloat.Draw(t, "mode"),
			Max:     anyFloat.Draw(t, "max"),
			Shape:   anyFloat.Draw(t, "shape"),
			Scale:   anyFloat.Draw(t, "scale"),
			Values:  rapid.SliceOfN(anyFloat, 0, 4).Draw(t, "values"),
			Weights: rapid.SliceOfN(anyFloat, 0, 4).Draw(t, "weights"),
		}
		verr := spec.Validate()
		d, err := spec.New(rand.NewPCG(1, 2))
		if (err == nil) != (verr == nil) {
			t.Fatalf("New error %v but Validate error %v", err, verr)
		}
		if err != nil {
			return
		}
		for range 100 {
			if x := d.Rand(); !(x >= 0) {
				t.Fatalf("%v drew %v", d, x)
			}
		}
	})
}

package random

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Family is one family of distributions, defined once: its name, its
// parameters as a scenario file writes them, an example, and its sampler,
// checks and mean. Spec, the scenario loader, its JSON Schema, the
// formatter and the fitting command all read this table, so adding a
// family is one entry (a function beside its sampler, listed in Families)
// and the sampler itself.
type Family struct {
	Name string // as written after dist:, e.g. "lognormal"
	Doc  string // what it is, for people and the schema
	// Params are the fields the family takes, in the order they are
	// written.
	Params []Param
	// Example is the fields of one such distribution of counts and of
	// times, for messages: "mean: 8, sd: 3" and "mean: 40s, sd: 15s".
	Example [2]string

	validate func(Spec) error
	build    func(Spec, rand.Source) (Dist, error)
	mean     func(Spec) float64
	// atLeast is P(X ≥ t) and excess E[(X-t)⁺] for t > 0: CountMean's
	// exact mean of a draw rounded to a whole number.
	atLeast, excess func(Spec, float64) float64
}

// Param is one parameter of a family.
type Param struct {
	Name string // as written: "mean"
	Doc  string // what it is
	// Plain is a plain number even in a distribution of times: the gamma
	// cv, the Weibull shape, the empirical weights. Other parameters are
	// times (Go durations in a file) in a distribution of times; scaling
	// a distribution's times scales them.
	Plain bool
	// List is a list of numbers (the empirical values and weights).
	List bool
	// Optional may be left out (the empirical weights: equal weights).
	Optional bool
	// Bound is what the parameter alone must be; the family's checks may
	// ask more of several together (a uniform's min no more than its max).
	Bound Bound

	number func(*Spec) *float64
	list   func(*Spec) *[]float64
}

// Bound is the range a parameter takes on its own.
type Bound int

// Bounds of a parameter.
const (
	NonNegative Bound = iota // 0 or more
	Positive                 // more than 0
	AnySign                  // any finite number (the normal's mean before truncation)
)

// Number returns the field of s that a one-number parameter sets; nil for
// a list.
func (p Param) Number(s *Spec) *float64 {
	if p.number == nil {
		return nil
	}
	return p.number(s)
}

// Numbers returns the field of s that a list parameter sets; nil for a
// one-number parameter.
func (p Param) Numbers(s *Spec) *[]float64 {
	if p.list == nil {
		return nil
	}
	return p.list(s)
}

// Families returns every family, in the order the format documents them:
// constant, exponential, uniform, triangular, normal, lognormal, gamma,
// weibull, empirical.
func Families() []Family {
	table := familyTable()
	out := make([]Family, 0, len(table))
	for _, f := range table {
		out = append(out, f.make())
	}
	return out
}

// FamilyOf returns the family called name. It makes that family alone: a
// model's build asks for one per distribution, and making all nine each
// time was a third of the objects a deliveries replication's build made.
func FamilyOf(name string) (Family, bool) {
	for _, f := range familyTable() {
		if f.name == name {
			return f.make(), true
		}
	}
	return Family{}, false
}

// familyEntry is a family's name and the function that makes it.
type familyEntry struct {
	name string
	make func() Family
}

// familyTable is every family's name and the function that makes it, in
// the order of Families: the one list of families. An array, so that
// looking a family up allocates nothing.
func familyTable() [9]familyEntry {
	return [9]familyEntry{
		{FamilyConstant, constantFamily}, {FamilyExponential, exponentialFamily},
		{FamilyUniform, uniformFamily}, {FamilyTriangular, triangularFamily},
		{FamilyNormal, truncNormalFamily}, {FamilyLogNormal, logNormalFamily},
		{FamilyGamma, gammaFamily}, {FamilyWeibull, weibullFamily},
		{FamilyEmpirical, empiricalFamily},
	}
}

// Param returns the family's parameter called name.
func (f Family) Param(name string) (Param, bool) {
	for _, p := range f.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// FamilyNames returns the name of every family, in the order of Families.
func FamilyNames() []string {
	var out []string
	for _, f := range Families() {
		out = append(out, f.Name)
	}
	return out
}

// family returns the family of s, or an error naming the kinds there are.
func (s Spec) family() (Family, error) {
	f, ok := FamilyOf(s.Family)
	if !ok {
		return f, fmt.Errorf("unknown distribution kind %q, want one of %s", s.Family, strings.Join(FamilyNames(), ", "))
	}
	return f, nil
}

// The parameters families share, by name.

func valueParam() Param {
	return Param{Name: "value", Doc: "the value", number: func(s *Spec) *float64 { return &s.Value }}
}

func meanParam(b Bound) Param {
	return Param{Name: "mean", Doc: "the mean", Bound: b, number: func(s *Spec) *float64 { return &s.Mean }}
}

func sdParam() Param {
	return Param{Name: "sd", Doc: "the standard deviation", number: func(s *Spec) *float64 { return &s.SD }}
}

func minParam() Param {
	return Param{Name: "min", Doc: "the smallest value", number: func(s *Spec) *float64 { return &s.Min }}
}

func modeParam() Param {
	return Param{Name: "mode", Doc: "the most likely value", number: func(s *Spec) *float64 { return &s.Mode }}
}

func maxParam() Param {
	return Param{Name: "max", Doc: "the largest value", number: func(s *Spec) *float64 { return &s.Max }}
}

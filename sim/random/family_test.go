package random_test

import (
	"slices"
	"testing"

	"cordon/sim/random"
)

// TestFamiliesTable checks the table every layer reads: each family named
// once, each parameter named once and reaching exactly one field of Spec,
// and the kinds in the table's order.
func TestFamiliesTable(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range random.Families() {
		if f.Name == "" || f.Doc == "" || f.Example[0] == "" || f.Example[1] == "" || len(f.Params) == 0 {
			t.Errorf("%q: an entry with a missing name, doc, example or parameters", f.Name)
		}
		if seen[f.Name] {
			t.Errorf("%s: listed twice", f.Name)
		}
		seen[f.Name] = true
		if got, ok := random.FamilyOf(f.Name); !ok || got.Name != f.Name {
			t.Errorf("FamilyOf(%s) = %v, %v", f.Name, got.Name, ok)
		}
		names := map[string]bool{}
		for _, p := range f.Params {
			if names[p.Name] {
				t.Errorf("%s.%s: a parameter named twice", f.Name, p.Name)
			}
			names[p.Name] = true
			var s random.Spec
			num, list := p.Number(&s), p.Numbers(&s)
			if (num == nil) == (list == nil) || p.List != (list != nil) {
				t.Errorf("%s.%s: reaches a number %v and a list %v, List %v", f.Name, p.Name, num != nil, list != nil, p.List)
			}
		}
	}
	var names []string
	for _, f := range random.Families() {
		names = append(names, f.Name)
	}
	if !slices.Equal(names, random.FamilyNames()) {
		t.Errorf("Kinds() = %v, the table %v", random.FamilyNames(), names)
	}
}

// TestScaledScalesTimesAlone: Scaled multiplies every parameter the table
// calls a time, and leaves the plain ones, so the mean scales with it.
func TestScaledScalesTimesAlone(t *testing.T) {
	for _, c := range []random.Spec{
		{Family: random.FamilyGamma, Mean: 10, CV: 0.5},
		{Family: random.FamilyWeibull, Shape: 1.5, Scale: 8},
		{Family: random.FamilyEmpirical, Values: []float64{1, 2, 5}, Weights: []float64{1, 2, 1}},
		{Family: random.FamilyTriangular, Min: 1, Mode: 4, Max: 10},
		{Family: random.FamilyNormal, Mean: 8, SD: 3},
	} {
		s := c.Scaled(2)
		f, _ := random.FamilyOf(c.Family)
		for _, p := range f.Params {
			if p.List {
				for i, v := range *p.Numbers(&c) {
					want := v
					if !p.Plain {
						want = 2 * v
					}
					if got := (*p.Numbers(&s))[i]; got != want {
						t.Errorf("%s.%s[%d]: %v, want %v", c.Family, p.Name, i, got, want)
					}
				}
				continue
			}
			want := *p.Number(&c)
			if !p.Plain {
				want *= 2
			}
			if got := *p.Number(&s); got != want {
				t.Errorf("%s.%s: %v, want %v", c.Family, p.Name, got, want)
			}
		}
		if got, want := s.MeanValue(), 2*c.MeanValue(); got < want*(1-1e-12) || got > want*(1+1e-12) {
			t.Errorf("%s: mean %v, want %v", c.Family, got, want)
		}
	}
}

package random

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
)

// Empirical is a discrete distribution over given values with given
// weights.
type Empirical struct {
	values []float64 // the values of positive weight
	cum    []float64 // cum[i] = P(draw is one of values[:i+1]); the last is 1
	mean   float64
	src    rand.Source
}

// NewEmpirical returns the discrete distribution that draws values[i] with
// probability proportional to weights[i], drawing from src. Values must be
// finite and >= 0, and there must be at least one. Weights nil or empty
// means equal weights; otherwise there must be one per value, each finite
// and >= 0, not all zero. The slices are copied. A draw takes O(log n) time.
func NewEmpirical(values, weights []float64, src rand.Source) (Dist, error) {
	if err := firstErr(checkEmpirical(values, weights), needSource(FamilyEmpirical, src)); err != nil {
		return nil, err
	}
	e := &Empirical{mean: empiricalMean(values, weights), src: src}
	total := 0.0
	for i, v := range values {
		if w := weight(weights, i); w > 0 {
			total += w
			e.values = append(e.values, v)
			e.cum = append(e.cum, total)
		}
	}
	for i := range e.cum {
		e.cum[i] /= total
	}
	e.cum[len(e.cum)-1] = 1 // exactly, so every u in [0, 1) finds a value
	return e, nil
}

func checkEmpirical(values, weights []float64) error {
	if len(values) == 0 {
		return errors.New("empirical: values must not be empty")
	}
	if len(weights) != 0 && len(weights) != len(values) {
		return fmt.Errorf("empirical: weights must be empty or one per value (%d), got %d", len(values), len(weights))
	}
	valid := func(x float64) bool { return x >= 0 && !math.IsInf(x, 1) } // false for NaN
	total := 0.0
	for i, v := range values {
		w := weight(weights, i)
		if !valid(v) || !valid(w) {
			return firstErr(
				need(FamilyEmpirical, fmt.Sprintf("values[%d]", i), v, valid(v), ">= 0"),
				need(FamilyEmpirical, fmt.Sprintf("weights[%d]", i), w, valid(w), ">= 0"),
			)
		}
		total += w
	}
	if total == 0 {
		return errors.New("empirical: weights must not all be zero")
	}
	return needDerived(FamilyEmpirical, "the total weight", total)
}

// weight returns the weight of value i: weights[i], or 1 if there are none.
func weight(weights []float64, i int) float64 {
	if len(weights) == 0 {
		return 1
	}
	return weights[i]
}

func empiricalMean(values, weights []float64) float64 {
	total, sum := 0.0, 0.0
	for i := range values {
		total += weight(weights, i)
	}
	for i, v := range values {
		sum += weight(weights, i) / total * v
	}
	return sum
}

// Rand returns a draw: the first value whose cumulative probability exceeds
// a uniform draw in [0, 1).
func (e *Empirical) Rand() float64 {
	u := unit(e.src)
	return e.values[sort.Search(len(e.cum), func(i int) bool { return e.cum[i] > u })]
}

// Mean returns the weighted mean of the values.
func (e *Empirical) Mean() float64 { return e.mean }

func (e *Empirical) String() string {
	return fmt.Sprintf("empirical(n=%d, mean=%v)", len(e.values), e.mean)
}

// empiricalFamily is the empirical distribution's entry in Families.
func empiricalFamily() Family {
	return Family{
		Name: FamilyEmpirical, Doc: "one of values, drawn in proportion to weights",
		Params: []Param{
			{Name: "values", Doc: "the values", List: true, list: func(s *Spec) *[]float64 { return &s.Values }},
			{Name: "weights", Doc: "the relative weight of each value, plain numbers; equal weights when left out",
				Plain: true, List: true, Optional: true, list: func(s *Spec) *[]float64 { return &s.Weights }},
		},
		Example:  [2]string{"values: [1, 2, 5], weights: [1, 2, 1]", "values: [20s, 30s, 60s], weights: [1, 2, 1]"},
		validate: func(s Spec) error { return checkEmpirical(s.Values, s.Weights) },
		build:    func(s Spec, src rand.Source) (Dist, error) { return NewEmpirical(s.Values, s.Weights, src) },
		mean:     func(s Spec) float64 { return empiricalMean(s.Values, s.Weights) },
		atLeast: func(s Spec, t float64) float64 {
			total, above := 0.0, 0.0
			for i, v := range s.Values {
				w := weight(s.Weights, i)
				total += w
				if v >= t {
					above += w
				}
			}
			return above / total
		},
		excess: func(s Spec, t float64) float64 {
			total, sum := 0.0, 0.0
			for i, v := range s.Values {
				w := weight(s.Weights, i)
				total += w
				sum += w * max(v-t, 0)
			}
			return sum / total
		},
	}
}

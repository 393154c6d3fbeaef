package random

import (
	"fmt"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// Uniform is the continuous uniform distribution on [min, max].
type Uniform struct {
	d distuv.Uniform
}

// NewUniform returns the uniform distribution on [min, max], drawing from
// src; 0 <= min <= max. If min == max it returns a [Fixed] value.
func NewUniform(min, max float64, src rand.Source) (Dist, error) {
	if err := firstErr(checkUniform(min, max), needSource(FamilyUniform, src)); err != nil {
		return nil, err
	}
	if min == max {
		return Fixed{v: min}, nil
	}
	return &Uniform{d: distuv.Uniform{Min: min, Max: max, Src: src}}, nil
}

func checkUniform(min, max float64) error {
	return firstErr(
		need(FamilyUniform, "min", min, min >= 0, ">= 0"),
		need(FamilyUniform, "max", max, max >= min, fmt.Sprintf(">= min (%v)", min)),
	)
}

// Rand returns a draw.
func (u *Uniform) Rand() float64 { return u.d.Rand() }

// Mean returns the mean, (min+max)/2.
func (u *Uniform) Mean() float64 { return uniformMean(u.d.Min, u.d.Max) }

func (u *Uniform) String() string { return fmt.Sprintf("uniform(min=%v, max=%v)", u.d.Min, u.d.Max) }

func uniformMean(min, max float64) float64 { return min + (max-min)/2 }

// uniformFamily is the uniform's entry in Families.
func uniformFamily() Family {
	return Family{
		Name: FamilyUniform, Doc: "uniform from min to max",
		Params:   []Param{minParam(), maxParam()},
		Example:  [2]string{"min: 1, max: 10", "min: 20s, max: 60s"},
		validate: func(s Spec) error { return checkUniform(s.Min, s.Max) },
		build:    func(s Spec, src rand.Source) (Dist, error) { return NewUniform(s.Min, s.Max, src) },
		mean:     func(s Spec) float64 { return uniformMean(s.Min, s.Max) },
		atLeast: func(s Spec, t float64) float64 {
			if s.Min == s.Max {
				return step(s.Min >= t)
			}
			return clamp01((s.Max - t) / (s.Max - s.Min))
		},
		excess: func(s Spec, t float64) float64 {
			switch {
			case t >= s.Max:
				return 0
			case s.Min == s.Max || t <= s.Min:
				return uniformMean(s.Min, s.Max) - t
			}
			return (s.Max - t) * (s.Max - t) / (2 * (s.Max - s.Min))
		},
	}
}

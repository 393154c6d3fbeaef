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
	if err := firstErr(checkUniform(min, max), needSource(KindUniform, src)); err != nil {
		return nil, err
	}
	if min == max {
		return Fixed{v: min}, nil
	}
	return Uniform{d: distuv.Uniform{Min: min, Max: max, Src: src}}, nil
}

func checkUniform(min, max float64) error {
	return firstErr(
		need(KindUniform, "min", min, min >= 0, ">= 0"),
		need(KindUniform, "max", max, max >= min, fmt.Sprintf(">= min (%v)", min)),
	)
}

// Rand returns a draw.
func (u Uniform) Rand() float64 { return u.d.Rand() }

// Mean returns the mean, (min+max)/2.
func (u Uniform) Mean() float64 { return uniformMean(u.d.Min, u.d.Max) }

func (u Uniform) String() string { return fmt.Sprintf("uniform(min=%v, max=%v)", u.d.Min, u.d.Max) }

func uniformMean(min, max float64) float64 { return min + (max-min)/2 }

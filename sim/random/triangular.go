package random

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Triangular is the triangular distribution on [min, max] with its peak at
// mode.
type Triangular struct {
	min, mode, max float64
	src            rand.Source
}

// NewTriangular returns the triangular distribution on [min, max] peaking
// at mode, drawing from src; 0 <= min <= mode <= max. If min == max it
// returns a [Fixed] value.
func NewTriangular(min, mode, max float64, src rand.Source) (Dist, error) {
	if err := firstErr(checkTriangular(min, mode, max), needSource(FamilyTriangular, src)); err != nil {
		return nil, err
	}
	if min == max {
		return Fixed{v: min}, nil
	}
	return &Triangular{min: min, mode: mode, max: max, src: src}, nil
}

func checkTriangular(min, mode, max float64) error {
	return firstErr(
		need(FamilyTriangular, "min", min, min >= 0, ">= 0"),
		need(FamilyTriangular, "mode", mode, mode >= min, fmt.Sprintf(">= min (%v)", min)),
		need(FamilyTriangular, "max", max, max >= mode, fmt.Sprintf(">= mode (%v)", mode)),
	)
}

// Rand returns a draw, by inversion of the CDF. The arithmetic is done in
// units of the width max-min, so it cannot overflow.
func (t *Triangular) Rand() float64 {
	width := t.max - t.min
	peak := (t.mode - t.min) / width // where the mode sits, in [0, 1]
	u := unit(t.src)
	if u < peak {
		return t.min + width*math.Sqrt(u*peak)
	}
	return t.max - width*math.Sqrt((1-u)*(1-peak))
}

// Mean returns the mean, (min+mode+max)/3.
func (t *Triangular) Mean() float64 { return triangularMean(t.min, t.mode, t.max) }

func (t *Triangular) String() string {
	return fmt.Sprintf("triangular(min=%v, mode=%v, max=%v)", t.min, t.mode, t.max)
}

func triangularMean(min, mode, max float64) float64 { return min/3 + mode/3 + max/3 }

// triangularFamily is the triangular's entry in Families.
func triangularFamily() Family {
	return Family{
		Name: FamilyTriangular, Doc: "triangular from min to max, most likely at mode",
		Params:   []Param{minParam(), modeParam(), maxParam()},
		Example:  [2]string{"min: 1, mode: 4, max: 10", "min: 20s, mode: 30s, max: 60s"},
		validate: func(s Spec) error { return checkTriangular(s.Min, s.Mode, s.Max) },
		build:    func(s Spec, src rand.Source) (Dist, error) { return NewTriangular(s.Min, s.Mode, s.Max, src) },
		mean:     func(s Spec) float64 { return triangularMean(s.Min, s.Mode, s.Max) },
		atLeast:  func(s Spec, t float64) float64 { return triangularAtLeast(s.Min, s.Mode, s.Max, t) },
		excess:   func(s Spec, t float64) float64 { return triangularExcess(s.Min, s.Mode, s.Max, t) },
	}
}

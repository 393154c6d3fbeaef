package random

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mathext"
)

// maxCut bounds how far above the normal's mean, in standard deviations,
// the truncation point zero may sit. The mass above zero, Φ(-35) ≈ 1e-268,
// and the smallest draw of v in Rand, about 1e-284, stay well inside the
// normal float64 range; beyond, they underflow and the tail is not
// representable.
const maxCut = 35

// TruncNormal is a normal distribution truncated at zero: a draw is a
// normal(mean, sd) draw conditioned on being >= 0.
type TruncNormal struct {
	mean, sd float64 // of the normal before truncation
	tail     float64 // Φ(mean/sd) = P(normal >= 0), the mass kept
	src      rand.Source
}

// NewTruncNormal returns the normal(mean, sd) distribution truncated at zero,
// drawing from src. It needs sd >= 0 and mean >= -35*sd (zero may sit at
// most 35 standard deviations above the mean). If sd == 0 it returns a
// [Fixed] value, which needs mean >= 0.
func NewTruncNormal(mean, sd float64, src rand.Source) (Dist, error) {
	if err := firstErr(checkTruncNormal(mean, sd), needSource(FamilyNormal, src)); err != nil {
		return nil, err
	}
	if sd == 0 {
		return Fixed{v: mean}, nil
	}
	return &TruncNormal{mean: mean, sd: sd, tail: stdNormalSurvival(-mean / sd), src: src}, nil
}

func checkTruncNormal(mean, sd float64) error {
	err := firstErr(
		need(FamilyNormal, "sd", sd, sd >= 0, ">= 0"),
		need(FamilyNormal, "mean", mean, sd > 0 || mean >= 0, ">= 0 when sd is 0"),
	)
	if err != nil || sd == 0 {
		return err
	}
	if floor := -maxCut * sd; mean < floor {
		return fmt.Errorf("normal: mean must be >= -%d*sd (%v), got %v: almost no mass above zero", maxCut, floor, mean)
	}
	return needDerived(FamilyNormal, "the truncated mean", truncNormalMean(mean, sd))
}

// Rand returns a draw, exactly, by inversion in the complementary form: with
// v uniform in (0, P(Z >= a)], where Z is standard normal and a = -mean/sd
// is the cut, z = Φ⁻¹(1-v) = -Φ⁻¹(v) is Z conditioned on Z >= a. Working
// with the small upper-tail probability v rather than 1-v keeps full
// precision when the cut is far in the tail.
func (t *TruncNormal) Rand() float64 {
	v := t.tail * (1 - unit(t.src)) // in (0, tail]
	z := -mathext.NormalQuantile(v)
	return max(0, t.mean+t.sd*z) // max: rounding may land a hair below zero
}

// Mean returns the mean of the truncated distribution,
// mean + sd*φ(a)/(1-Φ(a)) with a = -mean/sd.
func (t *TruncNormal) Mean() float64 { return truncNormalMean(t.mean, t.sd) }

func (t *TruncNormal) String() string {
	return fmt.Sprintf("normal(mean=%v, sd=%v) truncated at 0", t.mean, t.sd)
}

func truncNormalMean(mean, sd float64) float64 {
	if sd == 0 {
		return mean
	}
	a := -mean / sd
	return mean + sd*stdNormalPDF(a)/stdNormalSurvival(a)
}

// stdNormalPDF returns φ(x), the standard normal density.
func stdNormalPDF(x float64) float64 { return math.Exp(-x*x/2) / math.Sqrt(2*math.Pi) }

// stdNormalSurvival returns 1-Φ(x), accurately in the upper tail.
func stdNormalSurvival(x float64) float64 { return math.Erfc(x/math.Sqrt2) / 2 }

// truncNormalFamily is the (truncated) normal's entry in Families.
func truncNormalFamily() Family {
	return Family{
		Name: FamilyNormal, Doc: "normal with the given mean and sd, truncated at zero",
		Params:   []Param{meanParam(AnySign), sdParam()},
		Example:  [2]string{"mean: 8, sd: 3", "mean: 40s, sd: 10s"},
		validate: func(s Spec) error { return checkTruncNormal(s.Mean, s.SD) },
		build:    func(s Spec, src rand.Source) (Dist, error) { return NewTruncNormal(s.Mean, s.SD, src) },
		mean:     func(s Spec) float64 { return truncNormalMean(s.Mean, s.SD) },
		atLeast: func(s Spec, t float64) float64 {
			if s.SD == 0 {
				return step(s.Mean >= t)
			}
			return stdNormalSurvival((t-s.Mean)/s.SD) / stdNormalSurvival(-s.Mean/s.SD)
		},
		excess: func(s Spec, t float64) float64 {
			if s.SD == 0 {
				return max(s.Mean-t, 0)
			}
			z := (t - s.Mean) / s.SD
			return max(s.SD*stdNormalPDF(z)-(t-s.Mean)*stdNormalSurvival(z), 0) / stdNormalSurvival(-s.Mean/s.SD)
		},
	}
}

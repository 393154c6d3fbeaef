package random

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// LogNormal is the log-normal distribution, parameterised by its own mean
// and standard deviation (not those of its logarithm).
type LogNormal struct {
	mean, sd float64
	d        distuv.LogNormal
}

// NewLogNormal returns the log-normal distribution with the given mean
// (> 0) and standard deviation sd (>= 0), drawing from src. Its logarithm is
// normal(mu, sigma) with sigma² = ln(1 + sd²/mean²) and
// mu = ln(mean) - sigma²/2. If sd == 0 it returns a [Fixed] value.
func NewLogNormal(mean, sd float64, src rand.Source) (Dist, error) {
	if err := firstErr(checkLogNormal(mean, sd), needSource(FamilyLogNormal, src)); err != nil {
		return nil, err
	}
	if sd == 0 {
		return Fixed{v: mean}, nil
	}
	mu, sigma := logNormalParams(mean, sd)
	return &LogNormal{mean: mean, sd: sd, d: distuv.LogNormal{Mu: mu, Sigma: sigma, Src: src}}, nil
}

func checkLogNormal(mean, sd float64) error {
	err := firstErr(
		need(FamilyLogNormal, "mean", mean, mean > 0, "> 0"),
		need(FamilyLogNormal, "sd", sd, sd >= 0, ">= 0"),
	)
	if err != nil || sd == 0 {
		return err
	}
	_, sigma := logNormalParams(mean, sd)
	return needDerived(FamilyLogNormal, "sigma = sqrt(ln(1 + sd²/mean²))", sigma)
}

// logNormalParams returns the parameters of the normal logarithm.
func logNormalParams(mean, sd float64) (mu, sigma float64) {
	cv := sd / mean
	s2 := math.Log1p(cv * cv)
	return math.Log(mean) - s2/2, math.Sqrt(s2)
}

// Rand returns a draw.
func (l *LogNormal) Rand() float64 { return l.d.Rand() }

// Mean returns the mean.
func (l *LogNormal) Mean() float64 { return l.mean }

func (l *LogNormal) String() string { return fmt.Sprintf("lognormal(mean=%v, sd=%v)", l.mean, l.sd) }

// logNormalFamily is the lognormal's entry in Families.
func logNormalFamily() Family {
	return Family{
		Name: FamilyLogNormal, Doc: "lognormal with the given mean and sd (of the values, not of their logarithm)",
		Params:   []Param{meanParam(Positive), sdParam()},
		Example:  [2]string{"mean: 8, sd: 3", "mean: 40s, sd: 15s"},
		validate: func(s Spec) error { return checkLogNormal(s.Mean, s.SD) },
		build:    func(s Spec, src rand.Source) (Dist, error) { return NewLogNormal(s.Mean, s.SD, src) },
		mean:     func(s Spec) float64 { return s.Mean },
		atLeast: func(s Spec, t float64) float64 {
			if s.SD == 0 {
				return step(s.Mean >= t)
			}
			mu, sigma := logNormalParams(s.Mean, s.SD)
			return stdNormalSurvival((math.Log(t) - mu) / sigma)
		},
		excess: func(s Spec, t float64) float64 {
			if s.SD == 0 {
				return max(s.Mean-t, 0)
			}
			mu, sigma := logNormalParams(s.Mean, s.SD)
			d := (math.Log(t) - mu) / sigma
			return max(s.Mean*stdNormalSurvival(d-sigma)-t*stdNormalSurvival(d), 0)
		},
	}
}

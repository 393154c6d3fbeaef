package scenarios

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"cordon/sim/random"
)

// FormatDist writes a distribution of times the way a scenario file writes
// it, as text the loader reads back (in a file, or as the value of --set):
//
//	{dist: lognormal, mean: 23.4s, sd: 8.07s}
//	{dist: gamma, mean: 3m, cv: 0.5}
//	{dist: weibull, shape: 1.5, scale: 1m32.5s}
//
// The fields come in the order the format's documentation gives them.
// Times are Go durations and the gamma cv, the weibull shape and the
// empirical weights are plain numbers, each rounded to 3 significant
// digits (and times to the nanosecond, a Go duration's unit), or to more
// digits where 3 would make the distribution invalid. A constant is its
// duration alone (30s), as files write it.
//
// The error is for a Spec that is not valid, and for a time the format
// cannot hold: negative (a normal's mean), beyond a Go duration's range
// (about 292 years), or so short that it rounds to 0 ns where 0 is not
// allowed (a weibull scale of 0.4 ns).
func FormatDist(s random.Spec) (string, error) {
	if err := s.Validate(); err != nil {
		return "", fmt.Errorf("format distribution: %w", err)
	}
	var err error
	for digits := 3; digits <= 17; digits++ {
		var text string
		var back random.Spec
		text, back, err = formatDigits(s, digits)
		if err != nil {
			return "", fmt.Errorf("format distribution: %w", err)
		}
		if err = back.Validate(); err == nil {
			return text, nil
		}
	}
	return "", fmt.Errorf("format distribution: rounded to the nanosecond, the parameters are no longer valid: %w", err)
}

// formatDigits writes s with every parameter rounded to digits significant
// digits, and returns the Spec the loader reads back from the text.
func formatDigits(s random.Spec, digits int) (string, random.Spec, error) {
	f := distWriter{digits: digits, back: random.Spec{Family: s.Family}}
	switch s.Family {
	case random.FamilyConstant:
		text := f.time("value", s.Value, &f.back.Value)
		return text, f.back, f.err
	default:
		fam, ok := random.FamilyOf(s.Family)
		if !ok {
			return "", random.Spec{}, fmt.Errorf("unknown distribution kind %q", s.Family)
		}
		for _, p := range fam.Params {
			if p.List {
				f.list(p, &s)
				continue
			}
			v, back := *p.Number(&s), p.Number(&f.back)
			if p.Plain {
				f.field(p.Name, f.number(v, back))
			} else {
				f.field(p.Name, f.time(p.Name, v, back))
			}
		}
	}
	return "{dist: " + s.Family + f.fields.String() + "}", f.back, f.err
}

// distWriter writes the fields of one distribution, rounded, and keeps
// what the loader will read back and the first error.
type distWriter struct {
	digits int
	fields strings.Builder
	back   random.Spec
	err    error
}

// list writes a list parameter (empirical values or weights), left out
// when it is optional and empty.
func (f *distWriter) list(p random.Param, s *random.Spec) {
	xs := *p.Numbers(s)
	if len(xs) == 0 && p.Optional {
		return
	}
	back := make([]float64, len(xs))
	items := make([]string, len(xs))
	for i, v := range xs {
		if p.Plain {
			items[i] = f.number(v, &back[i])
		} else {
			items[i] = f.time(fmt.Sprintf("%s[%d]", p.Name, i), v, &back[i])
		}
	}
	*p.Numbers(&f.back) = back
	f.field(p.Name, "["+strings.Join(items, ", ")+"]")
}

func (f *distWriter) field(name, value string) {
	f.fields.WriteString(", " + name + ": " + value)
}

// time writes seconds as a Go duration rounded to f.digits significant
// digits (and to the nanosecond, a duration's unit), storing the seconds
// the loader reads back in *back.
func (f *distWriter) time(name string, seconds float64, back *float64) string {
	r := roundSignificant(seconds, f.digits)
	ns := math.Round(r * 1e9)
	switch {
	case r < 0:
		f.fail(fmt.Errorf("%s %v s is negative: the scenario format's durations are 0s or more", name, seconds))
		return ""
	case !(ns < math.MaxInt64):
		f.fail(fmt.Errorf("%s %v s is longer than a Go duration holds (about 292 years)", name, seconds))
		return ""
	}
	d := time.Duration(ns)
	*back = d.Seconds()
	return durationText(d)
}

// number writes a plain number rounded to f.digits significant digits,
// storing the value the loader reads back in *back.
func (f *distWriter) number(v float64, back *float64) string {
	r := roundSignificant(v, f.digits)
	*back = r
	return strconv.FormatFloat(r, 'f', -1, 64)
}

func (f *distWriter) fail(err error) {
	if f.err == nil {
		f.err = err
	}
}

// roundSignificant rounds v to digits significant decimal digits: the
// float64 nearest the rounded decimal, so that it prints short.
func roundSignificant(v float64, digits int) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', digits, 64), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return v
	}
	return r
}

// durationText writes d as Go does, without trailing zero units: 1m32.5s,
// 3m, 1h30s, 1.2ms.
func durationText(d time.Duration) string {
	out := d.String()
	out = strings.Replace(out, "m0s", "m", 1)
	out = strings.Replace(out, "h0m", "h", 1)
	return out
}

package scenarios

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"cordon/compound"

	"go.yaml.in/yaml/v3"
)

// clock decodes a time of day, "HH:MM" or "HH:MM:SS".
func (d *decoder) clock(n *yaml.Node, p *compound.Clock, path string) {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, path, "expected a time of day HH:MM, for example 07:30; got %s", describe(n))
		return
	}
	c, err := compound.ParseClock(n.Value)
	switch {
	case err == nil:
		*p = c
	case len(n.Value) > maxShown:
		d.errorf(n, path, "%s is not a time of day: write HH:MM, for example 07:30", quote(n.Value))
	default:
		d.errorf(n, path, "%v", err)
	}
}

// seconds reads a duration written as a Go duration ("45s", "1h30m"), in
// seconds, or returns what is wrong with it. A bare number is an error: it
// has no unit.
func seconds(n *yaml.Node) (float64, string) {
	if n.Kind != yaml.ScalarNode || isNull(n) {
		return 0, "expected a duration such as 45s, 30m or 1h30m; got " + describe(n)
	}
	s := strings.TrimSpace(n.Value)
	if f, ok := plainNumber(n); ok {
		switch {
		case math.IsNaN(f) || math.IsInf(f, 0):
			return 0, fmt.Sprintf("%s is not a duration: write for example 45s, 30m or 1h30m", show(s))
		case f >= 0 && f < 1e6:
			return 0, fmt.Sprintf("%s has no unit: write a duration such as %ss", show(s), strconv.FormatFloat(f, 'f', -1, 64))
		}
		return 0, fmt.Sprintf("%s has no unit: write a duration such as 45s, 30m or 1h30m", show(s))
	}
	v, err := compound.ParseDuration(s)
	switch {
	case err == nil:
		return float64(v), ""
	case len(s) > maxShown && strings.HasPrefix(s, "-"):
		return 0, quote(s) + " is negative: a duration is 0s or more"
	case len(s) > maxShown:
		return 0, quote(s) + " is not a duration: write for example 45s, 30m or 1h30m"
	}
	return 0, err.Error()
}

// plainNumber returns the value of a scalar written as a number (quoted or
// not), and whether it is one.
func plainNumber(n *yaml.Node) (float64, bool) {
	var f float64
	if isNumber(n) {
		if n.Decode(&f) != nil {
			return math.NaN(), true
		}
		return f, true
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(n.Value), 64)
	return f, err == nil || isRange(err)
}

// number reads a finite number.
func number(n *yaml.Node) (float64, string) {
	const want = "expected a number such as 2.5"
	if n.Kind != yaml.ScalarNode || isNull(n) {
		return 0, want + "; got " + describe(n)
	}
	var x float64
	switch n.ShortTag() {
	case tagInt, tagFloat:
		if err := n.Decode(&x); err != nil {
			return 0, fmt.Sprintf("%s is not a number: %s", show(n.Value), want)
		}
	case tagStr:
		v, err := strconv.ParseFloat(strings.TrimSpace(n.Value), 64)
		if err != nil && !isRange(err) {
			return 0, want + "; got " + describe(n)
		}
		x = v
	default:
		return 0, want + "; got " + describe(n)
	}
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, fmt.Sprintf("%s is not a finite number: %s", show(n.Value), want)
	}
	return x, ""
}

func isRange(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// whole reads a whole number from -maxWhole to maxWhole.
func whole(n *yaml.Node) (int64, string) {
	const want = "expected a whole number such as 5"
	if n.Kind != yaml.ScalarNode || isNull(n) {
		return 0, want + "; got " + describe(n)
	}
	var x float64
	switch n.ShortTag() {
	case tagInt:
		var i int64
		if err := n.Decode(&i); err == nil {
			x = float64(i)
			if i >= -maxWhole && i <= maxWhole {
				return i, ""
			}
		} else if err := n.Decode(&x); err != nil {
			return 0, fmt.Sprintf("%s is not a whole number: %s", show(n.Value), want)
		}
	case tagFloat:
		if err := n.Decode(&x); err != nil {
			return 0, fmt.Sprintf("%s is not a whole number: %s", show(n.Value), want)
		}
	case tagStr:
		v, err := strconv.ParseFloat(strings.TrimSpace(n.Value), 64)
		if err != nil && !isRange(err) {
			return 0, want + "; got " + describe(n)
		}
		x = v
	default:
		return 0, want + "; got " + describe(n)
	}
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0) || x != math.Trunc(x):
		return 0, fmt.Sprintf("%s is not a whole number: %s", show(n.Value), want)
	case math.Abs(x) > maxWhole:
		return 0, fmt.Sprintf("%s is out of range: a whole number here is from %d to %d", show(n.Value), -maxWhole, maxWhole)
	}
	return int64(x), ""
}

// natural reads a whole number of 0 or more, up to the uint64 limit (seeds).
func natural(n *yaml.Node) (uint64, string) {
	const want = "expected a whole number from 0 to 18446744073709551615"
	if n.Kind != yaml.ScalarNode || isNull(n) {
		return 0, want + "; got " + describe(n)
	}
	text := strings.TrimSpace(n.Value)
	if n.ShortTag() == tagInt {
		var u uint64
		if err := n.Decode(&u); err == nil {
			return u, ""
		}
	} else if u, err := strconv.ParseUint(text, 10, 64); err == nil {
		return u, ""
	}
	if _, err := strconv.ParseFloat(text, 64); err == nil || isNumber(n) || isRange(err) {
		return 0, fmt.Sprintf("%s is not a whole number from 0 to 18446744073709551615", show(n.Value))
	}
	return 0, want + "; got " + describe(n)
}

package compound

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// ParseClock reads a time of day written "HH:MM" or "HH:MM:SS"; hours may
// run past 24 (up to 48) for the small hours of the next day.
func ParseClock(s string) (Clock, error) {
	parts := strings.Split(strings.TrimSpace(s), ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, fmt.Errorf("%q is not a time of day: write HH:MM, for example 07:30", s)
	}
	var v [3]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || len(p) > 2 || (i > 0 && n > 59) {
			return 0, fmt.Errorf("%q is not a time of day: write HH:MM, for example 07:30", s)
		}
		v[i] = n
	}
	if v[0] > 48 || v[0] == 48 && (v[1] > 0 || v[2] > 0) {
		return 0, fmt.Errorf("%q is past 48:00", s)
	}
	return Clock(v[0]*3600 + v[1]*60 + v[2]), nil
}

// String writes the time as HH:MM, or HH:MM:SS when it has seconds.
func (c Clock) String() string {
	if math.IsNaN(float64(c)) || math.IsInf(float64(c), 0) {
		return fmt.Sprint(float64(c))
	}
	s := int(math.Round(float64(c)))
	if s%60 != 0 {
		return fmt.Sprintf("%02d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%02d:%02d", s/3600, s/60%60)
}

// ParseDuration reads a span written as a Go duration: "45s", "30m",
// "1h30m". Negative spans are an error.
func ParseDuration(s string) (Duration, error) {
	d, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil {
		return 0, fmt.Errorf("%q is not a duration: write for example 45s, 30m or 1h30m", s)
	}
	if d < 0 {
		return 0, fmt.Errorf("%q is negative: a duration is 0s or more", s)
	}
	return Duration(d.Seconds()), nil
}

// String writes the duration the way Go does, without trailing zero units.
func (d Duration) String() string {
	return FormatSeconds(float64(d))
}

// FormatSeconds writes seconds as a short human duration: 45s, 12m30s,
// 1h5m.
func FormatSeconds(s float64) string {
	if math.IsNaN(s) || math.IsInf(s, 0) {
		return fmt.Sprint(s)
	}
	d := time.Duration(math.Round(s)) * time.Second
	if math.Abs(s) < 10 && s != math.Round(s) {
		d = time.Duration(math.Round(s*10)) * 100 * time.Millisecond
	}
	out := d.String()
	out = strings.Replace(out, "m0s", "m", 1)
	out = strings.Replace(out, "h0m", "h", 1)
	return out
}

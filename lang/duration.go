package lang

import (
	"fmt"
	"math"
	"strings"
)

// minus is the sign of a negative figure: U+2212, not a hyphen.
const minus = "−"

// Duration writes a span of seconds the way people read it: "3.4 s",
// "45 s", "4 min 29 s", "1 h 34 min" (to the minute from an hour up), in
// Chinese "3.4秒", "4分29秒", "1小时34分钟". Never milliseconds: under 10 s
// it keeps one decimal. A negative span starts with "−".
func (p *Printer) Duration(seconds float64) string { return signed(p.Chinese(), seconds, "") }

// Difference writes a change in a span with its sign: "+12 min",
// "−1 h 2 min", "0 s".
func (p *Printer) Difference(seconds float64) string { return signed(p.Chinese(), seconds, "+") }

// Seconds is Duration in English, for the tables and documents that are
// always English.
func Seconds(seconds float64) string { return signed(false, seconds, "") }

// signed writes seconds with plus before a positive span.
func signed(zh bool, seconds float64, plus string) string {
	if math.IsNaN(seconds) || math.IsInf(seconds, 0) {
		return "—"
	}
	sign := plus
	if seconds < 0 {
		sign, seconds = minus, -seconds
	}
	if s := duration(zh, seconds); s != duration(zh, 0) {
		return sign + s
	}
	return duration(zh, 0)
}

// duration writes seconds ≥ 0.
func duration(zh bool, s float64) string {
	unit := func(en, cn string) string {
		if zh {
			return cn
		}
		return " " + en
	}
	join := func(parts ...string) string {
		if zh {
			return strings.Join(parts, "")
		}
		return strings.Join(parts, " ")
	}
	if s < 10 && math.Round(s*10) != 10*math.Round(s) {
		return fmt.Sprintf("%.1f", math.Round(s*10)/10) + unit("s", "秒")
	}
	if s < 59.5 {
		return fmt.Sprintf("%.0f", s) + unit("s", "秒")
	}
	if s < 3600-30 {
		all := int64(math.Round(s))
		m, sec := all/60, all%60
		if sec == 0 {
			return fmt.Sprint(m) + unit("min", "分钟")
		}
		return join(fmt.Sprint(m)+unit("min", "分"), fmt.Sprint(sec)+unit("s", "秒"))
	}
	all := int64(math.Round(s / 60))
	h, m := all/60, all%60
	if m == 0 {
		return fmt.Sprint(h) + unit("h", "小时")
	}
	return join(fmt.Sprint(h)+unit("h", "小时"), fmt.Sprint(m)+unit("min", "分钟"))
}

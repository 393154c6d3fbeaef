package reports

import (
	"testing"
)

// Every Chinese figure's caption (a run of two days, its gains, a plan's
// frontiers and tornadoes, a comparison, a sweep, a replay) is written in
// Chinese: an English word there, but for the codes a planner types,
// fails. Skipped without a CJK font, as the figures are then in English.
func TestChineseCaptionsHaveNoEnglish(t *testing.T) {
	eachChineseFigure(t, func(t *testing.T, name string, p Plot) {
		checkChinese(t, name+"/"+p.Name+"'s caption", p.Caption, append(keptWords, "reorganised-earlier", "Kolmogorov", "Smirnov", "KS")...)
	})
}

package reports

import (
	"fmt"
	"math"
	"strconv"

	"gonum.org/v1/plot"

	"cordon/compound"
)

// niceTicks marks an axis at round numbers (1, 2, 2.5 or 5 times a power
// of ten), about six of them, labelled with no more decimals than they
// need. gonum/plot's DefaultTicks labels about three and marks the rest
// unlabelled: too few to read a value off a report's figure.
type niceTicks struct{}

// Ticks implements plot.Ticker.
func (niceTicks) Ticks(min, max float64) []plot.Tick {
	if !(max > min) || math.IsInf(max-min, 0) {
		return nil
	}
	step := niceStep((max - min) / 6)
	prec := 0
	if step < 1 {
		prec = int(math.Ceil(-math.Log10(step) - 1e-9))
		if m := step * math.Pow(10, float64(prec)); math.Abs(m-math.Round(m)) > 1e-9 {
			prec++ // 0.25
		}
	} else if math.Abs(step-math.Round(step)) > 1e-9 {
		prec = 1 // 2.5
	}
	var ticks []plot.Tick
	for k := math.Ceil(min/step - 1e-9); k*step <= max+step*1e-9; k++ {
		v := k * step
		if math.Abs(v) < step*1e-9 {
			v = 0
		}
		ticks = append(ticks, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', prec, 64)})
	}
	return ticks
}

// niceStep returns the round step nearest above raw.
func niceStep(raw float64) float64 {
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw*(1-1e-9) {
			return m * mag
		}
	}
	return 10 * mag
}

// clockTicks marks a time axis in hours of clock time (hours after the
// midnight before the run starts) every step hours from origin, labelled
// as times of day ("07:00", "09:00", ...), with an unlabelled tick every
// hour in between. Times on the following days wrap round the clock
// ("01:00" after "23:00"), with "+1" (or +2, ...) after the day's number at
// midnight, so a day's axis reads like a clock and a day's turn is seen.
// gonum/plot's TimeTicks writes every label with one time layout, which
// has no day's turn, over DefaultTicks, which would tick at 2.5 hours.
type clockTicks struct {
	origin, step float64 // hours
}

// newClockTicks returns ticks from origin at a step that gives at most
// twelve labels over span hours.
func newClockTicks(origin, span float64) clockTicks {
	step := 24.0
	for _, s := range []float64{1, 2, 3, 4, 6, 8, 12, 24} {
		if span/s <= 12 {
			step = s
			break
		}
	}
	for span/step > 12 {
		step += 24
	}
	return clockTicks{origin: origin, step: step}
}

// Ticks implements plot.Ticker.
func (t clockTicks) Ticks(min, max float64) []plot.Tick {
	if !(max > min) || !(t.step > 0) {
		return nil
	}
	var ticks []plot.Tick
	first := t.origin + math.Ceil((min-t.origin)/t.step-1e-9)*t.step
	for v := first; v <= max+1e-9; v += t.step {
		ticks = append(ticks, plot.Tick{Value: v, Label: clockLabel(v)})
	}
	if t.step > 1 && t.step <= 6 {
		for h := math.Ceil(min - 1e-9); h <= max+1e-9; h++ {
			if k := (h - t.origin) / t.step; math.Abs(k-math.Round(k)) > 1e-9 {
				ticks = append(ticks, plot.Tick{Value: h})
			}
		}
	}
	return ticks
}

// clockAxis makes p's x axis a clock from hour from to hour to, ticked on
// the hour.
func clockAxis(p *plot.Plot, from, to float64) {
	p.X.Min, p.X.Max = from, to
	p.X.Tick.Marker = newClockTicks(math.Floor(from), to-from)
}

// clockLabel writes hours of clock time as HH:MM of the day, marking
// midnights after the first day with the day's offset ("00:00 +1").
func clockLabel(hours float64) string {
	minutes := math.Round(hours * 60)
	day := math.Floor(minutes / (24 * 60))
	label := compound.Clock((minutes - day*24*60) * 60).String()
	if day > 0 && label == "00:00" {
		label += fmt.Sprintf(" +%.0f", day)
	}
	return label
}

// clockHours returns the clock time, in hours, of n grid points step
// seconds apart from the start of the run.
func clockHours(sc *compound.Scenario, step float64, n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = (float64(sc.Horizon.Start) + float64(i)*step) / 3600
	}
	return x
}

// nominalTicks labels the integer positions 0, 1, ... with names.
func nominalTicks(names []string) plot.ConstantTicks {
	ticks := make(plot.ConstantTicks, len(names))
	for i, n := range names {
		ticks[i] = plot.Tick{Value: float64(i), Label: n}
	}
	return ticks
}

// durationTicks marks an axis of durations (perUnit seconds per unit of
// the axis: 60 for minutes) at round spans (1, 2, 5, 10, 15, 30 s or min,
// 1, 2, 3, 6, 12 h, ...), about six of them, labelled the way the tables
// write durations ("1 h 30 min"): one unit on the axis and the same as the
// page, not decimal hours beside 3 h 42 min.
type durationTicks struct {
	l       look
	perUnit float64
}

// Ticks implements plot.Ticker.
func (t durationTicks) Ticks(min, max float64) []plot.Tick {
	if !(max > min) || math.IsInf(max-min, 0) || !(t.perUnit > 0) {
		return nil
	}
	raw := (max - min) * t.perUnit / 6 // seconds
	step := 0.0
	for _, s := range []float64{0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 14400, 21600, 43200, 86400} {
		if s >= raw {
			step = s
			break
		}
	}
	if step == 0 {
		step = 86400 * math.Ceil(raw/86400)
	}
	step /= t.perUnit // in the axis' unit
	var ticks []plot.Tick
	for k := math.Ceil(min/step - 1e-9); k*step <= max+step*1e-9; k++ {
		v := k * step
		if math.Abs(v) < step*1e-9 {
			v = 0
		}
		label := t.l.Duration(v * t.perUnit)
		if v == 0 {
			label = "0" // the zero of an axis, with no unit to read
		}
		ticks = append(ticks, plot.Tick{Value: v, Label: label})
	}
	return ticks
}

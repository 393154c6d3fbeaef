package experiment

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"cordon/compound"
	"cordon/sim/random"
)

// Zero-cost knobs (KnobSchedule): how the work is arranged rather than how
// much is bought. Each costs nothing, may be moved either way (TwoWay), and
// has its value in its own unit:
//
//   - the calling plan of the sampling round: the interval between waves
//     and the come-down window in minutes (step 5), the buildings called
//     in each wave (step 1), the calling order (an index into
//     compound.CallingOrders: listed, reversed, sites-in-turn,
//     largest-first), and each zone's testing site (an index into
//     sampling.sites);
//   - the cart departure rule: how long a cart waits for a full load, in
//     minutes (step 5);
//   - each shift's start, in minutes after midnight (step 30), keeping the
//     shift's length: a shift moves within the time its pool's other
//     shifts leave free (shifts may not overlap), at most 4 hours either
//     way; a shift with no free time on either side has no knob.
//
// The come-down window has a knob when come_down is uniform or triangular:
// its upper end (max), the lower end and the mode kept. Other shapes have
// no window to widen: a constant delays everyone alike, and an exponential
// or any unbounded shape models how residents trickle down (in the M/M/c
// validation scenario, the arrival process itself).

// Steps of the zero-cost knobs.
const (
	minuteStep = 5  // calling interval, come-down window, cart wait
	shiftStep  = 30 // a shift's start, in minutes
	shiftReach = 240
)

// scheduleKnobs lists the zero-cost knobs of sc.
func scheduleKnobs(sc *compound.Scenario) []Knob {
	var ks []Knob
	if sc.Sampling != nil {
		ks = append(ks, callingKnobs(sc)...)
	}
	cart := minutesKnob("cart wait for a full load", "transfer.fill", "deliveries", 0,
		func(s *compound.Scenario) *compound.Duration { return &s.Transfer.Fill }, sc)
	cart.Arranges = ArrangesCarts
	ks = append(ks, cart)
	ks = append(ks, shiftStartKnobs(sc)...)
	return ks
}

// schedule makes a zero-cost knob.
func schedule(k Knob) Knob {
	k.Resource, k.UnitCost, k.TwoWay = KnobSchedule, 0, true
	return k
}

// scheduleReach is how far, in minutes, a zero-cost span may move up from
// the input's: as much again, at least half an hour and at most an hour.
// A search then arranges the work as a planner would, and does not spread
// a round over days to shorten its queues.
func scheduleReach(now int) int { return max(min(now, 60), 30) }

// minutesKnob is a zero-cost knob on a span, in whole minutes, from min.
func minutesKnob(name, path, area string, min int, field func(*compound.Scenario) *compound.Duration, sc *compound.Scenario) Knob {
	now := minutes(float64(*field(sc)))
	return schedule(Knob{Name: name, Path: path, Area: area, Step: minuteStep, Min: min, Max: now + scheduleReach(now),
		text: minutesText,
		get:  func(s *compound.Scenario) int { return minutes(float64(*field(s))) },
		set: func(s *compound.Scenario, v int) {
			if v != minutes(float64(*field(s))) {
				*field(s) = compound.Duration(60 * v)
			}
		}})
}

// callingKnobs are the calling plan's knobs.
func callingKnobs(sc *compound.Scenario) []Knob {
	sp := sc.Sampling
	buildings := 0
	for _, z := range sc.Zones {
		for _, ref := range z.Buildings {
			ids, _ := compound.ExpandBuildings(ref)
			buildings += len(ids)
		}
	}
	ks := []Knob{
		minutesKnob("calling interval", "sampling.calling.interval", "sampling", minuteStep,
			func(s *compound.Scenario) *compound.Duration { return &s.Sampling.Calling.Interval }, sc),
		schedule(Knob{Name: "buildings per wave", Path: "sampling.calling.per_wave", Area: "sampling", Step: 1, Min: 1,
			Max: max(min(2*sp.Calling.PerWave, buildings), sp.Calling.PerWave),
			get: func(s *compound.Scenario) int { return s.Sampling.Calling.PerWave },
			set: func(s *compound.Scenario, v int) { s.Sampling.Calling.PerWave = v }}),
	}
	if k, ok := comeDownKnob(sp.Calling.ComeDown); ok {
		ks = append(ks, k)
	}
	orders := compound.CallingOrders()
	ks = append(ks, schedule(Knob{Name: "calling order", Path: "sampling.calling.order", Area: "sampling", Step: 1, Min: 0, Max: len(orders) - 1,
		text: func(v int) string { return orders[min(max(v, 0), len(orders)-1)] },
		get:  func(s *compound.Scenario) int { return max(slices.Index(orders, s.Sampling.Calling.Order), 0) },
		set: func(s *compound.Scenario, v int) {
			if v != max(slices.Index(orders, s.Sampling.Calling.Order), 0) {
				s.Sampling.Calling.Order = orders[v]
			}
		}}))
	if len(sp.Calling.Schedule) > 0 {
		ks = append(slices.DeleteFunc(ks, wavesOnly), callScheduleKnobs(sc)...)
	}
	for i := range ks {
		ks[i].Arranges = ArrangesCalling
	}
	if len(sp.Sites) > 1 {
		sites := make([]string, len(sp.Sites))
		for i, s := range sp.Sites {
			sites[i] = s.Name
		}
		for z, zone := range sc.Zones {
			ks = append(ks, schedule(Knob{Name: zone.Name + " site", Path: entryPath("zones", zone.Name, z) + ".site", Area: "sampling",
				Arranges: ArrangesCalling, Step: 1, Min: 0, Max: len(sites) - 1,
				text: func(v int) string { return sites[min(max(v, 0), len(sites)-1)] },
				get:  func(s *compound.Scenario) int { return slices.Index(sites, s.Zones[z].Site) },
				set:  func(s *compound.Scenario, v int) { s.Zones[z].Site = sites[v] }}))
		}
	}
	return ks
}

// comeDownKnob is the knob of the come-down window's upper end, for the
// shapes that have one.
func comeDownKnob(d compound.Dist) (Knob, bool) {
	var low float64 // the least the upper end may be
	switch d.Family {
	case random.FamilyUniform:
		low = d.Min
	case random.FamilyTriangular:
		low = d.Mode
	default:
		return Knob{}, false
	}
	now := minutes(d.Max)
	return schedule(Knob{Name: "come-down window", Path: "sampling.calling.come_down.max", Area: "sampling",
		Step: minuteStep, Min: int(math.Ceil(low / 60)), Max: now + scheduleReach(now), text: minutesText,
		get: func(s *compound.Scenario) int { return minutes(s.Sampling.Calling.ComeDown.Max) },
		set: func(s *compound.Scenario, v int) {
			if c := &s.Sampling.Calling.ComeDown; v != minutes(c.Max) {
				c.Max = float64(60 * v)
			}
		}}), true
}

// shiftStartKnobs are the knobs of the shifts' starts.
func shiftStartKnobs(sc *compound.Scenario) []Knob {
	var ks []Knob
	for i, p := range sc.Staff {
		var areas, tasks []string
		for _, t := range p.Tasks {
			areas = append(areas, taskArea[t.Task])
			tasks = append(tasks, t.Task)
		}
		for j, sh := range p.Shifts {
			before, after := freeAround(p.Shifts, j)
			bBefore, bAfter := breakRoom(offWindows(sc, p), sh)
			before, after = min(before, bBefore), min(after, bAfter)
			now := minutes(float64(sh.From))
			early, late := min(before/shiftStep*shiftStep, shiftReach), min(after/shiftStep*shiftStep, shiftReach)
			if early == 0 && late == 0 {
				continue
			}
			// The value is the start in minutes after midnight, counted on
			// from the start now so that a move past midnight stays near it.
			get := func(s *compound.Scenario) int {
				v := minutes(float64(s.Staff[i].Shifts[j].From))
				switch {
				case v > now+720:
					v -= 1440
				case v < now-720:
					v += 1440
				}
				return v
			}
			ks = append(ks, schedule(Knob{
				Name: fmt.Sprintf("%s %s–%s start", p.Name, sh.From, sh.To), Path: fmt.Sprintf("%s.shifts[%d]", entryPath("staff", p.Name, i), j),
				Area: strings.Join(areas, ","), Pool: p.Name, Tasks: tasks, Arranges: ArrangesShifts, shift: &sh, Step: shiftStep, Min: now - early, Max: now + late,
				text: func(v int) string {
					from, to := movedShift(sh, v)
					return fmt.Sprintf("{from: %s, to: %s}", from, to)
				},
				get: get,
				set: func(s *compound.Scenario, v int) {
					if v != get(s) {
						shift := &s.Staff[i].Shifts[j]
						shift.From, shift.To = movedShift(*shift, v)
					}
				},
			}))
		}
	}
	return ks
}

// movedShift returns the times of shift sh started at v minutes after
// midnight (taken round the clock), its length kept.
func movedShift(sh compound.Shift, v int) (from, to compound.Clock) {
	length := float64(sh.To - sh.From)
	if length <= 0 {
		length += 24 * 3600
	}
	f := float64(((v%1440)+1440)%1440) * 60
	t := f + length
	if t > 24*3600 {
		t -= 24 * 3600
	}
	return compound.Clock(f), compound.Clock(t)
}

// freeAround returns the minutes free of the pool's other shifts before
// shift j starts and after it ends, round the clock (a day less the shift
// when it is the only one).
// window is a stretch of the day when a pool has fewer on duty than its
// shifts say: a break, or a staff event (an absence, a team quarantined).
type window struct{ at, length float64 }

// offWindows returns the pool's breaks and the windows of its staff events.
// A staff event that lasts to the end of the run is as long as the run.
func offWindows(sc *compound.Scenario, p compound.Pool) []window {
	var ws []window
	for _, b := range p.Breaks {
		ws = append(ws, window{float64(b.At), float64(b.Length)})
	}
	for _, e := range sc.Events {
		if e.Staff == nil || e.Staff.Pool != p.Name || (e.Staff.Change > 0 && !e.Staff.AllOff) {
			continue // reinforcements come on top of any shift
		}
		length := float64(e.Staff.For)
		if length <= 0 {
			length = float64(sc.Horizon.Days) * 24 * 3600
		}
		ws = append(ws, window{float64(e.At), length})
	}
	return ws
}

// breakRoom returns how far, in minutes, a shift can move earlier and
// later with each window of fewer staff (a break, an absence) staying where
// it is against it: one inside the shift stays inside, one outside stays
// outside. A break or an absence takes people from whatever shift is on
// duty at its time, so a move that took it out of its shift would add
// staff-hours to a knob that is meant to cost nothing.
func breakRoom(windows []window, sh compound.Shift) (before, after int) {
	day := 24 * 3600.0
	length := float64(sh.To) - float64(sh.From)
	if length <= 0 {
		length += day
	}
	before, after = 24*60, 24*60
	for _, w := range windows {
		start := math.Mod(w.at-float64(sh.From), day) // from the shift's start
		if start < 0 {
			start += day
		}
		end := start + w.length
		switch {
		case end <= length: // inside
			before, after = min(before, int((length-end)/60)), min(after, int(start/60))
		case start >= length && end <= day: // outside
			before, after = min(before, int((day-end)/60)), min(after, int((start-length)/60))
		default: // across one of its ends: any move changes what it takes
			return 0, 0
		}
	}
	return before, after
}

func freeAround(shifts []compound.Shift, j int) (before, after int) {
	day := 24 * 3600.0
	from := float64(shifts[j].From)
	length := float64(shifts[j].To) - from
	if length <= 0 {
		length += day
	}
	to := from + length
	before, after = int((day-length)/60), int((day-length)/60)
	for k, o := range shifts {
		if k == j {
			continue
		}
		oFrom := float64(o.From)
		oLen := float64(o.To) - oFrom
		if oLen <= 0 {
			oLen += day
		}
		gapBefore := math.Mod(from-(oFrom+oLen), day) // from the other's end to this start
		gapAfter := math.Mod(oFrom-to, day)           // from this end to the other's start
		if gapBefore < 0 {
			gapBefore += day
		}
		if gapAfter < 0 {
			gapAfter += day
		}
		before, after = min(before, int(gapBefore/60)), min(after, int(gapAfter/60))
	}
	return max(before, 0), max(after, 0)
}

// minutes rounds seconds to whole minutes.
func minutes(seconds float64) int { return int(math.Round(seconds / 60)) }

// minutesText writes whole minutes as a duration: "45m", "1h30m".
func minutesText(v int) string {
	switch h, m := v/60, v%60; {
	case v <= 0:
		return "0s"
	case h == 0:
		return strconv.Itoa(m) + "m"
	case m == 0:
		return strconv.Itoa(h) + "h"
	default:
		return fmt.Sprintf("%dh%dm", h, m)
	}
}

// entryPath is the --set path of entry i of a list, named name: by its
// name (zones.zone-1), or by its position (zones[0]) when the name cannot
// be written in a path.
func entryPath(list, name string, i int) string {
	if name == "" || strings.ContainsAny(name, ".[]= \t") {
		return fmt.Sprintf("%s[%d]", list, i)
	}
	return list + "." + name
}

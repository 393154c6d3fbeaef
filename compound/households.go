package compound

import "math"

// households follows, day by day, whether each household got what it was
// waiting for that day: a household waits on day d when at least one item
// for it arrives on day d, and is served the same day when every item for
// it that arrived on day d was at its door by the end of day d (an item
// turned away at the gate, or still on its way, leaves it waiting).
type households struct {
	waiting []map[int]*waited  // by day, until the day is tallied
	days    []householdFigures // by day, once tallied
	tallied int                // days tallied
}

// waited is one household's items of one day: how many arrived, and how
// many of them were at its door by the end of the day.
type waited struct {
	items, home int32
}

// householdFigures are the households waiting on a day (or over the run,
// one count per household and day) and those served the same day.
type householdFigures struct {
	waiting, served int
}

func newHouseholds(days int) *households {
	return &households{waiting: make([]map[int]*waited, days)}
}

// householdOf numbers the household an item goes to, over the compound
// building by building: the one u falls in (u is uniform over all the
// households, as it chose building b), or, when a logged arrival put the
// item in another building, one of that building's. A building with no
// households counts as one household, numbered below zero.
func (m *Model) householdOf(b int, u float64) int {
	g := m.gate
	lo := 0.0
	if b > 0 {
		lo = g.households[b-1]
	}
	n := g.households[b] - lo
	if n <= 0 {
		return -1 - b
	}
	h := math.Floor(u)
	if h < lo || h >= lo+n {
		h = lo + math.Mod(math.Abs(h), n)
	}
	return int(h)
}

func (hs *households) arrived(it *item) {
	day := hs.waiting[it.day]
	if day == nil {
		day = map[int]*waited{}
		hs.waiting[it.day] = day
	}
	w := day[it.household]
	if w == nil {
		w = &waited{}
		day[it.household] = w
	}
	w.items++
}

// delivered counts an item at its door at it.atDoor; end is when the day
// it arrived on ended.
func (hs *households) delivered(it *item, end float64) {
	if it.atDoor >= end || hs.waiting[it.day] == nil {
		return
	}
	if w := hs.waiting[it.day][it.household]; w != nil {
		w.home++
	}
}

// tally counts the households of every day up to d (0 for the first) not
// yet counted. A day is counted a day after it ends, when the last of its
// items handed over before its end are sure to have been recorded (an item
// is recorded when its volunteer comes back), or at the end of the run.
func (hs *households) tally(d int) {
	for ; hs.tallied <= d && hs.tallied < len(hs.waiting); hs.tallied++ {
		var f householdFigures
		for _, w := range hs.waiting[hs.tallied] {
			f.waiting++
			if w.home == w.items {
				f.served++
			}
		}
		hs.days = append(hs.days, f)
		hs.waiting[hs.tallied] = nil
	}
}

// whole adds up the days tallied.
func (hs *households) whole() householdFigures {
	var f householdFigures
	for _, d := range hs.days {
		f.waiting += d.waiting
		f.served += d.served
	}
	return f
}

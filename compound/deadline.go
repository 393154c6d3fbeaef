package compound

import "math"

// deadlineTally is what became of the items of a kind with a deadline
// (Kind.Deadline), over the whole run or by the day they arrived.
type deadlineTally struct {
	within int // at the door within the deadline
	// missed are past it: at the door late, turned away at the gate, or
	// still on their way past it when the run ended.
	missed int
	// longest is the longest time from arrival to the door, an item still
	// on its way at the end counted with its time so far.
	longest float64
}

func (t *deadlineTally) delivered(door, limit float64) {
	if door <= limit {
		t.within++
	} else {
		t.missed++
	}
	t.longest = max(t.longest, door)
}

func (t *deadlineTally) turnedAway() { t.missed++ }

// onTheWay counts an item still on its way at the end of the run, waited
// seconds after it arrived: missed when that is past the deadline, not yet
// decided (and left out of the share) when it is not.
func (t *deadlineTally) onTheWay(waited, limit float64) {
	if waited > limit {
		t.missed++
	}
	t.longest = max(t.longest, waited)
}

// share is the share of the decided items at the door within the
// deadline, NaN when none is decided.
func (t *deadlineTally) share() float64 {
	return ratio(float64(t.within), float64(t.within+t.missed))
}

// longestOrNaN is the longest time to the door, NaN when no item arrived.
func (t *deadlineTally) longestOrNaN(arrived int) float64 {
	if arrived == 0 {
		return math.NaN()
	}
	return t.longest
}

// closeDeadlines counts, at the end of the run, the items of each kind with
// a deadline that are still on their way: whole-run and by their day.
func (m *Model) closeDeadlines(now float64) {
	for _, ks := range m.kinds {
		limit := float64(ks.spec.Deadline)
		for it := range ks.pending {
			ks.deadline.onTheWay(now-it.arrived, limit)
			if ks.days != nil {
				ks.days[it.day].deadline.onTheWay(now-it.arrived, limit)
			}
		}
		ks.pending = nil
	}
}

package compound

import (
	"slices"

	"cordon/sim/stats"
)

// stages are the stages of an item's way from the gate to the door, in
// order: where the time went.
var stages = [...]Stage{
	{"put_down", "waiting at the gate to be put down"},
	{"intake", "waiting for and being checked and labelled"},
	{"wait_cart", "waiting in staging for a cart"},
	{"carried", "on the cart, in"},
	{"disinfection", "waiting for and standing in the disinfection area"},
	{"sorting", "waiting for and being sorted"},
	{"wait_run", "waiting on the zone's shelf for a run"},
	{"run", "on the run to the door"},
}

// stepTallies keep the time delivered items spent at each stage.
type stepTallies [len(stages)]stats.Tally

func (s *stepTallies) add(it *item) {
	for i, t := range it.stageTimes() {
		s[i].Add(t)
	}
}

// stageTimes are the times a delivered item spent in each stage.
func (it *item) stageTimes() [len(stages)]float64 {
	t := [...]float64{it.arrived, it.staged, it.labelled, it.picked, it.dropped, it.disinfected, it.sorted, it.onRun, it.atDoor}
	var out [len(stages)]float64
	for i := range out {
		out[i] = t[i+1] - t[i]
	}
	return out
}

// hourTallies keep door times by the hour of the run the item arrived in.
type hourTallies struct {
	hours []stats.Tally
}

func (h *hourTallies) add(arrived, door float64) {
	i := int(arrived / 3600)
	if i < 0 || i >= len(h.hours) {
		return
	}
	h.hours[i].Add(door)
}

func (h *hourTallies) counts() []int {
	out := make([]int, len(h.hours))
	for i := range h.hours {
		out[i] = h.hours[i].Count()
	}
	return out
}

func (h *hourTallies) means() []float64 {
	out := make([]float64, len(h.hours))
	for i := range h.hours {
		out[i] = h.hours[i].Mean()
	}
	return out
}

// Stage is one stage of an item's way from the gate to the door.
type Stage struct {
	Name string // as in the KPI name: <kind>.time.<name>
	Desc string // what the item is doing, or waiting for
}

// Stages returns the stages of an item's way from the gate to the door, in
// order: where its time goes.
func Stages() []Stage {
	return slices.Clone(stages[:])
}

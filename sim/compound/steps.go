package compound

import "cordon/sim/stats"

// Steps are the stages of an item's way from the gate to the door, in
// order, as KPI name parts: where the time went.
var stepNames = [...]string{"put_down", "intake", "wait_cart", "carried", "disinfection", "sorting", "wait_run", "run"}

// stepDescs say what each stage is.
var stepDescs = [...]string{
	"waiting at the gate to be put down",
	"waiting for and being checked and labelled",
	"waiting in staging for a cart",
	"on the cart, in",
	"waiting for and standing in the disinfection area",
	"waiting for and being sorted",
	"waiting on the zone's shelf for a run",
	"on the run to the door",
}

// stepTallies keep the time delivered items spent at each stage.
type stepTallies [len(stepNames)]stats.Tally

func (s *stepTallies) add(it *item) {
	t := [...]float64{it.arrived, it.staged, it.labelled, it.picked, it.dropped, it.disinfected, it.sorted, it.onRun, it.atDoor}
	for i := range stepNames {
		s[i].Add(t[i+1] - t[i])
	}
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
	out := make([]Stage, len(stepNames))
	for i := range stepNames {
		out[i] = Stage{Name: stepNames[i], Desc: stepDescs[i]}
	}
	return out
}

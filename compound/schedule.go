package compound

import (
	"fmt"

	"cordon/sim"
)

// Drop is a delivery at a fixed time and of a known size, beside a kind's
// random arrivals: a lorry of government reserve packs, a group-buy
// pallet. Its items arrive at the gate together at At on day Day of the
// run and go the way of the kind's other items.
type Drop struct {
	Day   int   `yaml:"day" doc:"the day of the run it comes on, from 1" default:"1"`
	At    Clock `yaml:"at" doc:"when it arrives at the gate, HH:MM"`
	Items int   `yaml:"items" doc:"items it brings"`
}

// at returns when the drop arrives, in simulation time.
func (d Drop) at(tl timeline) float64 { return tl.at(d.Day-1, d.At) }

// checkSchedule checks a kind's drops: each on a day of the run, within
// the run, with at least one item and no more than a drop may bring.
func (sc *Scenario) checkSchedule(c *checker, path string, k Kind) {
	tl := sc.timeline()
	for j, d := range k.Schedule {
		dp := fmt.Sprintf("%s.schedule[%d]", path, j)
		c.clock(dp+".at", d.At, 24*3600)
		switch t := d.at(tl); {
		case d.Day < 1 || d.Day > sc.Horizon.Days:
			c.add(dp+".day", "must be a day of the run, from 1 to %d, got %d", sc.Horizon.Days, d.Day)
		case !(d.At >= 0) || d.At > 24*3600, !sc.startsInADay():
		case t < 0:
			c.add(dp+".at", "%s on day 1 is before the run starts (clock.start %s)", d.At, sc.Horizon.Start)
		case t >= tl.horizon:
			c.add(dp+".at", "%s on day %d is after the run ends (%s on day %d)", d.At, d.Day, sc.Horizon.Start, sc.Horizon.Days+1)
		}
		c.positive(dp+".items", d.Items)
		c.atMost(dp+".items", d.Items, MaxDropItems, "each item of a drop is in the compound at once when it arrives")
	}
}

// checkScheduleTotal reports drops that bring more items in all than a run
// may hold.
func (sc *Scenario) checkScheduleTotal(c *checker) {
	total := 0
	for _, k := range sc.Kinds {
		for _, d := range k.Schedule {
			total += min(max(d.Items, 0), MaxDropItems)
		}
	}
	if total > MaxScheduledItems {
		c.add("deliveries", "the schedules bring %d items in all: at most %d", total, MaxScheduledItems)
	}
}

// scheduledItems returns the items the drops of k bring over the run.
func (k Kind) scheduledItems() int {
	n := 0
	for _, d := range k.Schedule {
		n += d.Items
	}
	return n
}

// scheduleDrops schedules the drops of a kind. Their items draw their
// households and service times from streams of their own, so that adding
// a lorry leaves the kind's random items as they were.
func (m *Model) scheduleDrops(ks *kindState) error {
	if len(ks.spec.Schedule) == 0 {
		return nil
	}
	dr, err := m.itemDraws(ks.spec, "deliveries/"+ks.spec.Name+"/scheduled")
	if err != nil {
		return err
	}
	ks.scheduled = dr
	for _, d := range ks.spec.Schedule {
		if t := d.at(m.tl); t >= 0 && t < m.tl.horizon && d.Items > 0 {
			m.s.Schedule(t, sim.PriorityDefault, &drop{m: m, ks: ks, items: d.Items})
		}
	}
	return nil
}

// drop is a scheduled drop arriving at the gate: its items start on the
// item flow together.
type drop struct {
	m     *Model
	ks    *kindState
	items int
}

func (d *drop) Handle() {
	m := d.m
	for range d.items {
		if m.s.Err() != nil {
			return // a guard stopped the run: the rest of the drop would only fill memory
		}
		e := m.s.NewEntity(nil)
		m.newItemWith(e, d.ks, d.ks.scheduled)
		m.s.Begin(e, m.gate.itemFlow)
	}
}

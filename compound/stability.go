package compound

import (
	"fmt"
	"math"
	"strconv"
)

// Instability is a post offered more work over the day than it can do, from
// the scenario alone: its queue grows through the day and what is left waits
// for the next. The run still answers (a backlog is a real answer), but the
// answer is about a compound that cannot keep up.
type Instability struct {
	Post string
	// Load and Capacity are the day's offered work and the post's capacity,
	// in unit-hours.
	Load, Capacity float64
	// Worst is the longest span of hours with more work offered than
	// capacity, and its highest utilisation.
	Worst Overload
}

func (i Instability) String() string {
	return "unstable: " + i.Worst.String()
}

// Stability checks every post of the scenario, hour by hour, as a staffing
// calculator would: the offered load (arrivals times mean service time)
// against the capacity on duty. A post whose day's offered work exceeds its
// day's capacity is unstable.
func (sc *Scenario) Stability() []Instability {
	var out []Instability
	for _, p := range sc.OfferedLoad() {
		load, capacity := 0.0, 0.0
		for h := range 24 {
			load += p.Load[h]
			capacity += p.Capacity[h]
		}
		if load <= capacity || load < 1e-9 {
			continue
		}
		in := Instability{Post: p.Post, Load: load, Capacity: capacity}
		for _, o := range p.Overloads() {
			if o.To-o.From > in.Worst.To-in.Worst.From {
				in.Worst = o
			}
		}
		if in.Worst.Post == "" {
			in.Worst = Overload{Post: p.Post, From: 0, To: 24, Utilisation: load / math.Max(capacity, 1e-9)}
		}
		out = append(out, in)
	}
	return out
}

// Explain is the message reports lead with: the instability, its Amounts,
// and what to expect.
func (i Instability) Explain() string {
	return fmt.Sprintf("%s (%s): expect a backlog", i, i.Amounts())
}

// Amounts says the day's work and the capacity in unit-hours.
func (i Instability) Amounts() string {
	return fmt.Sprintf("the day's work %s unit-hours, its capacity %s", UnitHours(i.Load), UnitHours(i.Capacity))
}

// UnitHours writes a number of unit-hours: whole above 10, else to two
// significant figures (a ten-minute shift is 0.17, not 0).
func UnitHours(v float64) string {
	if v >= 10 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'g', 2, 64)
}

package compound

// consumables counts, day by day, what a run uses up besides staff-hours:
// protective suits and disinfectant.
//
// Suits: a worker of a pool with a suit limit (Pool.Suit) puts on a new
// suit at each start of duty, at the start of a shift and after each
// change-over (the kernel counts them: sim.Resource.Starts); each medical
// worker at a testing site (registration and swab) wears one for the
// round, counted on the day the round starts; each visit of a crew to a
// sealed building (a run to its doors, a resident swabbed at home, a
// night's bags) takes a fresh suit, counted with suitsUsed. Disinfectant: every item put in the disinfection area is
// sprayed with Costs.DisinfectantPerItem litres, counted on the day it is
// put there.
type consumables struct {
	sprayed []int // items sprayed, by day
	suits   []int // suits put on besides the suited pools' starts of duty, by day
}

func newConsumables(days int) *consumables {
	return &consumables{sprayed: make([]int, days), suits: make([]int, days)}
}

// sprayed counts an item put in the disinfection area now.
func (m *Model) sprayed() {
	m.consumed.sprayed[m.tl.dayOf(m.s.Now())]++
}

// suitsUsed counts n protective suits put on now by staff outside the
// suited pools' starts of duty, such as a team sent in suits to a sealed
// building.
func (m *Model) suitsUsed(n int) {
	m.consumed.suits[m.tl.dayOf(m.s.Now())] += n
}

// roundSuits returns the suits of the medical staff of the rounds at the
// sites, one each a round, by the day they are counted on (each round's
// first).
func (m *Model) roundSuits() map[int]int {
	out := map[int]int{}
	for _, smp := range m.rounds {
		if smp.plan.method != MethodSites {
			continue
		}
		for _, s := range smp.spec.Sites {
			out[m.tl.dayOf(smp.start)] += max(s.Registration, 0) + max(s.Swab, 0)
		}
	}
	return out
}

// consumed are the suits and the litres of disinfectant used over the run
// or a day.
type consumed struct {
	suits  int
	litres float64
}

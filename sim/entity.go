package sim

import "fmt"

// Entity is something that moves through a flow: an item, a resident, a cart
// on its rounds. Model code keeps its own record in Data (a pointer, so that
// storing it costs nothing) and may use Prio and Key, which queues and stores
// read.
//
// An entity belongs to the Sim: when it reaches the end of its flow the flow's
// OnDone hook sees it one last time and the Sim recycles it, so model code must
// not keep pointers to finished entities.
type Entity struct {
	// The fields every step touches come first, to share cache lines.
	sim      *Sim
	flow     *Flow
	pc       int
	timer    EventID // the pending end of a delay
	delayEnd float64
	delayLen float64
	held     []holding
	wait     waiting

	ID    int64     // unique within the run, in order of creation
	Data  any       // the model's own record for this entity
	Prio  int       // priority in priority queues and stores: higher is served first
	Key   int       // what store gets match on, for example a zone number
	Born  float64   // when the entity was started
	Fate  Fate      // how the entity left its flow
	Items []*Entity // what the entity carries: the items of its gets since its last Drop

	remaining float64 // delay still to run after a preemption, or -1
	patient   patience
	get       getWait
}

// Fate says how an entity left its flow.
type Fate uint8

// Fates.
const (
	Done     Fate = iota // reached the end of its flow
	Balked               // would not join a queue that was too long
	Reneged              // left a queue when its patience ran out
	Rejected             // turned away by a full store
)

var fateNames = [...]string{"done", "balked", "reneged", "rejected"}

func (f Fate) String() string {
	if int(f) < len(fateNames) {
		return fateNames[f]
	}
	return "unknown"
}

// holding is one unit of a resource held by an entity.
type holding struct {
	r    *Resource
	unit int32
}

// Sim returns the simulation the entity belongs to.
func (e *Entity) Sim() *Sim { return e.sim }

// Flow returns the flow the entity is walking.
func (e *Entity) Flow() *Flow { return e.flow }

// Handle resumes the entity at its next step; it makes an *Entity a Handler.
// It walks e along its flow from its current step until a step makes it
// wait, or to the end of the flow, so that an event resuming an entity
// costs one call.
func (e *Entity) Handle() {
	// An entity that moves on has no delay pending: the one that ended, if
	// any, is the event in hand.
	e.timer = EventID{}
	steps := e.flow.steps
	for e.pc < len(steps) {
		st := steps[e.pc]
		e.pc++
		// The steps of nearly every flow are done here rather than through
		// the interface, each as its Do does it.
		if sz, ok := st.(*SeizeStep); ok {
			if r := sz.r; sz.patience == nil {
				if r.queue.live == 0 && r.nIdle >= sz.amount {
					// Free units and nobody waiting: Seize would take them.
					r.takeUnits(e, sz.amount, 0)
					continue
				}
				if r.mustQueue(sz.amount) {
					// Seize would queue e (the usual case of a busy post).
					r.join(e, sz.amount, e.flow.target(sz.reneged))
					return
				}
			}
			if sz.Do(e) == Wait {
				return
			}
			continue
		}
		if rl, ok := st.(*releaseStep); ok {
			rl.r.Release(e, rl.amount)
			continue
		}
		if d, ok := st.(*delayStep); ok {
			d.start(e)
			return
		}
		if st.Do(e) == Wait {
			return
		}
	}
	e.finish()
}

// Wake schedules the entity to go on with its next step at the current time.
// It is how model code releases an entity parked by Park, or items dropped by
// the entity that carried them.
func (e *Entity) Wake() {
	e.sim.resume(e)
}

// Jump makes the entity go on at the step marked by label when it next moves.
// It returns false when the flow has no such label.
func (e *Entity) Jump(label string) bool {
	i, ok := e.flow.labels[label]
	if ok {
		e.pc = i
	}
	return ok
}

// Holds reports how many units of r the entity holds.
func (e *Entity) Holds(r *Resource) int {
	n := 0
	for _, h := range e.held {
		if h.r == r {
			n++
		}
	}
	return n
}

// leave ends the entity's walk with the given fate, at a label when there is
// one (the entity then goes on from there) or by finishing.
func (e *Entity) leave(f Fate, target int) {
	e.Fate = f
	if target >= 0 {
		e.pc = target
		e.Handle()
		return
	}
	e.finish()
}

func (e *Entity) finish() {
	if len(e.held) > 0 {
		e.heldAtEnd()
	}
	f := e.flow
	if f.done != nil {
		f.done(e)
	}
	f.live--
	s := e.sim
	s.live--
	e.Data, e.flow, e.Fate, e.Prio, e.Key = nil, nil, Done, 0, 0
	e.Items = e.Items[:0] // held is empty
	e.wait.res, e.wait.joint, e.get.store = nil, nil, nil
	s.free = append(s.free, e)
}

// heldAtEnd panics about an entity that reached the end of its flow
// holding units, out of line so that finish stays small.
//
//go:noinline
func (e *Entity) heldAtEnd() {
	panic(fmt.Sprintf("sim: entity %d left flow %s holding %d units of %s", e.ID, e.flow.Name, len(e.held), e.held[0].r.name))
}

// Start creates an entity carrying data and runs it along flow from its first
// step until it first waits. It returns the entity.
func (s *Sim) Start(flow *Flow, data any) *Entity {
	e := s.NewEntity(data)
	s.Begin(e, flow)
	return e
}

// NewEntity returns a fresh entity that is not yet on any flow, so that model
// code can set Prio and Key before calling Begin.
func (s *Sim) NewEntity(data any) *Entity {
	var e *Entity
	if n := len(s.free); n > 0 {
		e = s.free[n-1]
		s.free = s.free[:n-1]
	} else {
		e = &Entity{sim: s, remaining: -1}
		e.patient.e = e
		e.get.e = e
	}
	s.nextID++
	e.ID = s.nextID
	e.Data = data
	e.Born = s.now
	return e
}

// Begin puts e on the first step of flow and runs it until it first waits.
func (s *Sim) Begin(e *Entity, flow *Flow) {
	if !flow.sealed {
		flow.seal()
	}
	s.live++
	if s.maxLive > 0 && s.live > s.maxLive {
		s.trip("entities", int64(s.maxLive))
	}
	flow.live++
	e.flow = flow
	e.pc = 0
	e.Handle()
}

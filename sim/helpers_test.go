package sim

import (
	"fmt"
	"strings"
	"testing"
)

// Shared helpers of the kernel's tests.

// resRec records every event a resource reports, with the name (Data) of
// its entity at that time: entities are recycled when they finish.
type resRec struct{ evs []recEv }

type recEv struct {
	ResourceEvent
	who string
}

func (m *resRec) ResourceChanged(ev ResourceEvent) {
	who := ""
	if ev.Entity != nil {
		who, _ = ev.Entity.Data.(string)
	}
	m.evs = append(m.evs, recEv{ev, who})
}

// of returns the recorded events of kind k.
func (m *resRec) of(k ResourceEventKind) []recEv {
	var out []recEv
	for _, ev := range m.evs {
		if ev.Kind == k {
			out = append(out, ev)
		}
	}
	return out
}

// storeRec records every event a store reports, with the entity's name.
type storeRec struct{ evs []storeEv }

type storeEv struct {
	StoreEvent
	who string
}

func (m *storeRec) StoreChanged(ev StoreEvent) {
	who, _ := ev.Entity.Data.(string)
	m.evs = append(m.evs, storeEv{ev, who})
}

// traceRec records the (time, priority, sequence) of every event fired.
type traceRec struct{ evs []traced }

type traced struct {
	t   float64
	p   Priority
	seq uint64
}

func (tr *traceRec) Trace(t float64, p Priority, seq uint64) {
	tr.evs = append(tr.evs, traced{t, p, seq})
}

// journal is a log of "what@time" lines that tests compare with the
// sequence worked out by hand.
type journal struct {
	s     *Sim
	lines []string
}

func (j *journal) add(what string) { j.lines = append(j.lines, fmt.Sprintf("%s@%g", what, j.s.now)) }

// note returns a step that logs what@now.
func (j *journal) note(what string) Step { return Do(func(*Entity) { j.add(what) }) }

// noteName returns a step that logs the entity's name (its Data) and what.
func (j *journal) noteName(what string) Step {
	return Do(func(e *Entity) { j.add(e.Data.(string) + " " + what) })
}

func (j *journal) String() string { return strings.Join(j.lines, ", ") }

func (j *journal) want(t *testing.T, want ...string) {
	t.Helper()
	got := j.String()
	if w := strings.Join(want, ", "); got != w {
		t.Errorf("sequence\n got: %s\nwant: %s", got, w)
	}
}

// at runs fn at time t with the default priority.
func at(s *Sim, t float64, fn func()) EventID { return s.Schedule(t, PriorityDefault, HandlerFunc(fn)) }

// startAt starts an entity named name with priority prio on flow at time t.
func startAt(s *Sim, t float64, flow *Flow, name string, prio int) {
	at(s, t, func() {
		e := s.NewEntity(name)
		e.Prio = prio
		s.Begin(e, flow)
	})
}

// mustPanic fails the test unless fn panics.
func mustPanic(t *testing.T, what string, fn func()) {
	t.Helper()
	defer func() {
		if recover() == nil {
			t.Errorf("%s: no panic", what)
		}
	}()
	fn()
}

// seq is a Sampler that returns its values in turn (and the last one after).
type seq struct {
	v []float64
	i int
}

func (q *seq) Rand() float64 {
	x := q.v[min(q.i, len(q.v)-1)]
	q.i++
	return x
}

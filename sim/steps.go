package sim

// Sampler is anything that draws a number: the distributions of
// cordon/sim/random, or gonum's distuv types with their Src set.
type Sampler interface {
	Rand() float64
}

// Constant is a Sampler that always returns itself.
type Constant float64

// Rand returns c.
func (c Constant) Rand() float64 { return float64(c) }

// delayStep holds the entity for a drawn time.
type delayStep struct {
	d  Sampler
	fn func(e *Entity) float64
}

// Delay holds the entity for a time drawn from d: a service, a walk, a dwell.
func Delay(d Sampler) Step { return &delayStep{d: d} }

// DelayFor holds the entity for the time fn returns for it (negative times
// count as zero).
func DelayFor(fn func(e *Entity) float64) Step { return &delayStep{fn: fn} }

func (st *delayStep) Do(e *Entity) Outcome {
	st.start(e)
	return Wait
}

// start draws the delay's length and holds e for it (Hold, written out).
func (st *delayStep) start(e *Entity) {
	var t float64
	if st.fn != nil {
		t = st.fn(e)
	} else {
		t = st.d.Rand()
	}
	t = nonNegative(t)
	now := e.sim.now
	e.delayLen, e.delayEnd = t, now+t
	e.timer = e.sim.cal.push(now+t, PriorityDefault, e, now)
}

// Hold makes e wait t seconds and then go on with its next step. It is what
// Delay does; custom steps call it and return Wait. A held entity can be
// preempted.
func (e *Entity) Hold(t float64) {
	now := e.sim.now
	e.delayLen, e.delayEnd = t, now+t
	e.timer = e.sim.cal.push(now+t, PriorityDefault, e, now)
}

// SeizeStep takes units of a resource, waiting in its queue when none is free.
type SeizeStep struct {
	r        *Resource
	amount   int
	patience Sampler
	reneged  string
	balked   string
}

// Seize takes amount units of r for the entity, waiting for them in r's
// queue.
func Seize(r *Resource, amount int) *SeizeStep { return &SeizeStep{r: r, amount: amount} }

// Patience makes the entity leave the queue after a time drawn from d and go
// on at label (or leave the flow when label is "").
func (st *SeizeStep) Patience(d Sampler, label string) *SeizeStep {
	st.patience, st.reneged = d, label
	return st
}

// OnBalk makes an entity that balks go on at label instead of leaving the
// flow.
func (st *SeizeStep) OnBalk(label string) *SeizeStep {
	st.balked = label
	return st
}

func (st *SeizeStep) labelNames() []string { return []string{st.reneged, st.balked} }

// Do seizes.
func (st *SeizeStep) Do(e *Entity) Outcome {
	p := 0.0
	if st.patience != nil {
		p = st.patience.Rand()
	}
	f := e.flow
	return st.r.Seize(e, st.amount, p, f.target(st.reneged), f.target(st.balked))
}

type seizeAllStep struct{ needs []Need }

// SeizeTogether takes every need at once, waiting holding none of them until
// all are free (see SeizeAll).
func SeizeTogether(needs ...Need) Step { return &seizeAllStep{needs: needs} }

func (st *seizeAllStep) Do(e *Entity) Outcome { return SeizeAll(e, st.needs, 0, -1) }

type releaseStep struct {
	r      *Resource
	amount int
}

// Release gives back amount units of r.
func Release(r *Resource, amount int) Step { return &releaseStep{r, amount} }

func (st *releaseStep) Do(e *Entity) Outcome {
	st.r.Release(e, st.amount)
	return Next
}

type releaseAllStep struct{}

// ReleaseAll gives back every unit the entity holds.
func ReleaseAll() Step { return releaseAllStep{} }

func (releaseAllStep) Do(e *Entity) Outcome {
	e.ReleaseAll()
	return Next
}

// ReleaseAll gives back every unit e holds, most recently seized first.
func (e *Entity) ReleaseAll() {
	for len(e.held) > 0 {
		h := e.held[len(e.held)-1]
		h.r.Release(e, 1)
	}
}

type doStep func(e *Entity)

// Do runs fn for the entity and goes straight on: record a time, set a key.
func Do(fn func(e *Entity)) Step { return doStep(fn) }

func (fn doStep) Do(e *Entity) Outcome {
	fn(e)
	return Next
}

type parkStep struct{}

// Park makes the entity wait until model code calls its Wake method.
func Park() Step { return parkStep{} }

func (parkStep) Do(*Entity) Outcome { return Wait }

type gotoStep struct {
	label string
	cond  func(e *Entity) bool
	// in is the flow the label was last looked up in and at its step: a
	// step is nearly always in one flow, whose labels do not move once
	// entities walk it (Check has made sure the label is there).
	in *Flow
	at int
}

// Goto makes the entity go on at label.
func Goto(label string) Step { return &gotoStep{label: label} }

// If makes the entity go on at label when cond holds for it, and with the
// next step otherwise.
func If(cond func(e *Entity) bool, label string) Step {
	return &gotoStep{label: label, cond: cond}
}

func (st *gotoStep) labelNames() []string { return []string{st.label} }

func (st *gotoStep) Do(e *Entity) Outcome {
	if st.cond == nil || st.cond(e) {
		if st.in != e.flow {
			st.in, st.at = e.flow, e.flow.labels[st.label]
		}
		e.pc = st.at
	}
	return Next
}

type dropStep struct{}

// Drop wakes every item the entity carries (they go on with their own flows)
// and empties its hands.
func Drop() Step { return dropStep{} }

func (dropStep) Do(e *Entity) Outcome {
	for i, it := range e.Items {
		it.Wake()
		e.Items[i] = nil
	}
	e.Items = e.Items[:0]
	return Next
}

type putStep struct {
	st       *Store
	rejected string
}

// Put parks the entity in a store until a get takes it and the taker drops
// it; a rejecting store that is full sends it to label (or out of its flow).
func Put(st *Store, onReject string) Step { return &putStep{st, onReject} }

func (p *putStep) labelNames() []string { return []string{p.rejected} }

func (p *putStep) Do(e *Entity) Outcome { return p.st.Put(e, e.flow.target(p.rejected)) }

type getStep struct {
	st   *Store
	key  func(e *Entity) int
	max  int
	fill float64
}

// Get takes up to max items into the entity's Items, waiting up to fill
// seconds for a full batch (see Store.Get). key gives the key to match for
// the entity (nil: any item).
func Get(st *Store, key func(e *Entity) int, max int, fill float64) Step {
	return &getStep{st, key, max, fill}
}

func (g *getStep) Do(e *Entity) Outcome {
	k := AnyKey
	if g.key != nil {
		k = g.key(e)
	}
	return g.st.Get(e, k, g.max, g.fill)
}

type fillStep struct {
	c      *Container
	amount float64
	get    bool
}

// Fill adds amount to a container, waiting for room.
func Fill(c *Container, amount float64) Step { return &fillStep{c, amount, false} }

// Draw takes amount from a container, waiting until there is enough.
func Draw(c *Container, amount float64) Step { return &fillStep{c, amount, true} }

func (f *fillStep) Do(e *Entity) Outcome {
	if f.get {
		return f.c.Get(e, f.amount)
	}
	return f.c.Put(e, f.amount)
}

// nonNegative returns x, or 0 when x is negative or zero: a draw used as a
// span of time. It is max(x, 0) for every x (NaN stays NaN, -0 becomes 0)
// in a cheaper form for the hot path.
func nonNegative(x float64) float64 {
	if x <= 0 {
		return 0
	}
	return x
}

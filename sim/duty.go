package sim

// Duty limits: a unit of a resource may stay on duty for a stretch of at
// most a given time, then rests before it comes back, as a worker in a
// protective suit leaves the post when the suit has been worn for its
// limit and takes a change-over before the next. The model calls these a
// suit's limit and its change-over (compound.Suit); the kernel, which
// knows nothing of suits, a duty limit and a rest. Time worked past the
// limit, to finish the task in hand, is overtime, as past a shift's end.

// SetDutyLimit makes every unit rest for rest seconds after max seconds on
// duty; the unit finishes its task first and the time past the limit is
// reported as overtime. Units already on duty with no limit running start
// their stretch now. max <= 0 removes the limit for stretches that start
// afterwards.
func (r *Resource) SetDutyLimit(max, rest float64) {
	r.dutyMax, r.dutyRest = max, rest
	if max <= 0 {
		return
	}
	// Units already on duty without a limit start their stretch now.
	for _, x := range r.units {
		if (x.state == unitIdle || x.state == unitBusy) && !x.restNext && x.timer == (EventID{}) {
			x.timer = r.sim.After(max, PriorityShift, &x.tick)
		}
	}
}

// comeOn puts unit u on duty, idle, and starts its stretch under a duty
// limit.
func (r *Resource) comeOn(u int32) {
	x := r.units[u]
	r.starts++
	r.pushIdle(u)
	if r.dutyMax > 0 {
		x.timer = r.sim.After(r.dutyMax, PriorityShift, &x.tick)
	}
	if r.mon != nil {
		r.emit(ResourceUnitOn, nil, u, 0, 0)
	}
}

// dutyEvent is a unit reaching its duty limit, or coming back from rest.
func (r *Resource) dutyEvent(u int32) {
	x := r.units[u]
	x.timer = EventID{}
	switch x.state {
	case unitIdle:
		r.unlinkIdle(u)
		r.startRest(u, 0)
	case unitBusy:
		x.restNext = true
		x.restAt = r.sim.now
	case unitResting:
		r.nResting--
		r.comeOn(u)
		r.dispatch()
	}
}

func (r *Resource) startRest(u int32, overtime float64) {
	x := r.units[u]
	x.state = unitResting
	x.since = r.sim.now
	r.nResting++
	x.timer = r.sim.After(r.dutyRest, PriorityShift, &x.tick)
	if r.mon != nil {
		r.emit(ResourceUnitRest, nil, u, 0, overtime)
	}
}

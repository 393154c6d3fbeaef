package sim

// preemptFor takes a unit from the holder of lowest priority below e's that
// is in a delay (the most recently served among equals), on a unit that is
// not due off duty or to rest after the task, gives it to e and
// sends the holder back to the front of its priority class in the queue. It
// reports whether it found such a holder.
func (r *Resource) preemptFor(e *Entity) bool {
	victim := int32(-1)
	for i, x := range r.units {
		h := x.holder
		// A unit finishing its task past its shift end or its duty limit
		// is not on duty for new work.
		if x.state != unitBusy || x.leaving || x.restNext || h == nil || h.Prio >= e.Prio || h.timer == (EventID{}) {
			continue
		}
		if victim < 0 {
			victim = int32(i)
			continue
		}
		best := r.units[victim]
		if h.Prio < best.holder.Prio || (h.Prio == best.holder.Prio && x.since > best.since) {
			victim = int32(i)
		}
	}
	if victim < 0 {
		return false
	}
	s := r.sim
	x := r.units[victim]
	v := x.holder

	s.Cancel(v.timer)
	v.timer = EventID{}
	if r.preempt == PreemptResume {
		v.remaining = v.delayEnd - s.now
	} else {
		v.remaining = v.delayLen
	}
	for k, h := range v.held {
		if h.r == r && h.unit == victim {
			v.held = append(v.held[:k], v.held[k+1:]...)
			break
		}
	}
	x.holder = e
	x.since = s.now
	e.held = append(e.held, holding{r, victim})
	if r.mon != nil {
		r.emit(ResourcePreempted, v, victim, 0, 0)
		r.emit(ResourceGranted, e, victim, 0, 0)
	}

	r.queue.push(v.startWaiting(r, 1, nil, -1, true))
	if r.mon != nil {
		r.emit(ResourceQueued, v, -1, 0, 0)
	}
	return true
}

package sim

// Need is an amount of one resource in a joint request.
type Need struct {
	Res    *Resource
	Amount int
}

// SeizeAll asks for every need at once: e gets all of them together or
// waits, holding none, until it can (a suited worker and a cart). A joint
// request waits in the queue of each resource and is served when it is at the
// front of every one of them and each has the units free; queues stay first
// come, first served, so no request overtakes it and none deadlocks. Balking
// and preemption do not apply to joint requests.
func SeizeAll(e *Entity, needs []Need, patience float64, onRenege int) Outcome {
	for i, n := range needs {
		for _, m := range needs[:i] {
			if m.Res == n.Res {
				panic("sim: a joint request names " + n.Res.name + " twice: give one need with the total amount")
			}
		}
	}
	free := true
	for _, n := range needs {
		if n.Res.nIdle < n.Amount || !n.Res.ahead(e) {
			free = false
			break
		}
	}
	if free {
		for _, n := range needs {
			n.Res.takeUnits(e, n.Amount, 0)
		}
		return Next
	}
	s := e.sim
	w := e.startWaiting(nil, 0, needs, onRenege, false)
	for _, n := range needs {
		n.Res.queue.push(w)
		if n.Res.mon != nil {
			n.Res.emit(ResourceQueued, e, -1, 0, 0)
		}
	}
	if patience > 0 {
		e.patient.id = s.After(patience, PriorityDefault, &e.patient)
	}
	return Wait
}

// grantJoint serves a joint request that is at the front of one of its
// queues, when it is at the front of all of them and every need is free.
func grantJoint(e *Entity) bool {
	needs := e.wait.joint
	for _, n := range needs {
		w := n.Res.queue.peek()
		if w == nil || w.e != e || n.Res.nIdle < n.Amount {
			return false
		}
	}
	waited := e.served()
	e.wait.joint = nil
	for _, n := range needs {
		n.Res.queue.pop()
		n.Res.takeUnits(e, n.Amount, waited)
	}
	e.proceed()
	for _, n := range needs {
		n.Res.dispatch()
	}
	return true
}

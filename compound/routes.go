package compound

import "cordon/sim"

// divertAt adds to f, at the built-in stage from (gate or site), the step
// that sends the share the routes say to the posts, and the label where
// those who come back go on. It adds nothing when no route leaves from.
func (m *Model) divertAt(f *sim.Flow, from, out string) {
	if m.net == nil || len(m.net.routes[from]) == 0 {
		return
	}
	f.Then(m.divert(from, out)).Label(backLabel(from))
}

// attachAt ends f's built-in way at label end and adds the posts for those
// diverted at from: back to the stage, or out at label out.
func (m *Model) attachAt(f *sim.Flow, from, out, end string) {
	if m.net == nil || len(m.net.routes[from]) == 0 {
		return
	}
	f.Then(sim.Goto(end))
	m.attachPosts(f, backLabel(from), out)
}

// backLabel is the label where those diverted at from go on with their
// built-in way.
func backLabel(from string) string { return "back at " + from }

// divert is the step at a built-in stage (gate or site) that sends the
// share the routes from it say to the posts; the rest go straight on.
func (m *Model) divert(from, out string) sim.Step {
	return sim.StepFunc(func(e *sim.Entity) sim.Outcome {
		to, _ := m.net.choose(from)
		switch {
		case to == from:
		case to == RouteOut:
			e.Jump(out)
		default:
			m.net.visits[e] = &netVisit{entered: m.s.Now()}
			e.Jump(postLabel(to))
		}
		return sim.Next
	})
}

// choose draws where one leaving from goes, and false when no route
// leaves it.
func (n *postNet) choose(from string) (string, bool) {
	cs := n.routes[from]
	if len(cs) == 0 {
		return from, false
	}
	u := n.pick[from].Rand() * cs[len(cs)-1].cum
	for _, c := range cs {
		if u < c.cum {
			return c.to, true
		}
	}
	return cs[len(cs)-1].to, true
}

// routeOn sends e, served at the post called from, on by its routes.
func (m *Model) routeOn(e *sim.Entity, from, back, out string) {
	to, ok := m.net.choose(from)
	switch {
	case !ok: // no route out: back the way it came
		m.leavePosts(e, back)
	case isStagePlace(to):
		m.leavePosts(e, back)
	case to == RouteOut:
		m.leavePosts(e, out)
	default:
		e.Jump(postLabel(to))
	}
}

// isStagePlace is whether routes call a built-in stage name.
func isStagePlace(name string) bool {
	_, _, ok := stagePlaceOf(name)
	return ok
}

// leavePosts records e's time among the posts and sends it on at label.
func (m *Model) leavePosts(e *sim.Entity, label string) {
	n := m.net
	if v, ok := n.visits[e]; ok {
		n.time.Add(m.s.Now() - v.entered)
		delete(n.visits, e)
	}
	e.Jump(label)
}

// residentLeft is the label of a site flow for residents who leave at a
// post, never sampled.
const residentLeft = "left unsampled"

// residentsAtPosts adds to a site's flow the posts for residents diverted
// on reaching it, and the way out of those who leave there unsampled: the
// site no longer expects them, and closes when the rest are sampled.
func (m *Model) residentsAtPosts(f *sim.Flow, s *site) {
	if m.net == nil || len(m.net.routes[RouteSite]) == 0 {
		return
	}
	m.attachAt(f, RouteSite, residentLeft, "sampled")
	f.Label(residentLeft).Then(sim.Do(func(*sim.Entity) {
		s.round.lost++
		s.expected--
		if s.done() && s.expected >= 0 {
			m.closeSite(s)
			if s.box > 0 {
				m.sendBox(s)
			}
		}
	}))
	f.Label("sampled")
}

// awaited is the residents the round waits for: all but those who left at
// a post.
func (smp *sampling) awaited() int { return smp.residents - smp.lost }

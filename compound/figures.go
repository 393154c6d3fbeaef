package compound

import (
	"math"

	"cordon/sim"
	"cordon/sim/record"
	"cordon/sim/stats"
)

// The figures the KPIs read (kpi_defs.go): the whole run's, or one day's.
// A run keeps the whole run's as it goes; a run of several days also keeps
// each day's, closing a day's figures when it ends (closeDay).

// runDays keeps the figures of each day of a run of several days that are
// not kept where their flow is (kinds, special needs, garbage and
// households keep their own).
type runDays struct {
	courier []stats.Tally // couriers' waits to put down, by the day they arrived
	staging *stagingDays
	staff   [][]staffFigures // per pool, per day
	last    []staffFigures   // per pool: the totals when the last day closed
}

// kindDay is what became of a kind's items that arrived on one day.
type kindDay struct {
	arrived, done, turned int
	carried               int // still on their way when the day ended
	doorTime              stats.Tally
	steps                 stepTallies
	deadline              deadlineTally
}

// staffFigures are a pool's busy, on-duty and overtime seconds, its
// seconds past max_hours and its starts of duty (every zone's group
// together).
type staffFigures struct {
	busy, on, over, overMax float64
	starts                  int
}

func (a staffFigures) minus(b staffFigures) staffFigures {
	return staffFigures{busy: a.busy - b.busy, on: a.on - b.on, over: a.over - b.over, overMax: a.overMax - b.overMax,
		starts: a.starts - b.starts}
}

// stagingDays records the staging area over each day, beside its whole-run
// record: it is the resource's monitor and passes every change on. The
// area is full when no place is free, whatever its capacity then (events
// add and remove equipment).
type stagingDays struct {
	rec               *record.Resource
	busy, queue, full *stats.Level // over the day so far; full is 1 or 0
	days              []stagingDay
}

// stagingDay is the staging area over one day.
type stagingDay struct {
	mean, most, full, waitingMost float64
}

func (s *stagingDays) ResourceChanged(ev sim.ResourceEvent) {
	s.rec.ResourceChanged(ev)
	r := ev.Resource
	if b := float64(r.Busy()); b != s.busy.Value() {
		s.busy.Set(ev.Time, b)
	}
	if q := float64(r.Queued()); q != s.queue.Value() {
		s.queue.Set(ev.Time, q)
	}
	if f := isFull(r); f != s.full.Value() {
		s.full.Set(ev.Time, f)
	}
}

// isFull is 1 when the staging area has no place free, else 0.
func isFull(r *sim.Resource) float64 {
	if r.Idle() == 0 {
		return 1
	}
	return 0
}

func (s *stagingDays) close(now float64) {
	s.days = append(s.days, stagingDay{mean: s.busy.Mean(now), most: s.busy.Max(),
		full: s.full.TimeAtOrAbove(now, 1), waitingMost: s.queue.Max()})
	s.busy.Reset(now)
	s.queue.Reset(now)
	s.full.Reset(now)
}

// trackDays sets up the figures the run keeps day by day: those of a run
// of several days, and those every run's households and consumables need.
// It runs after the gate and the pools are built.
func (m *Model) trackDays() {
	n := m.tl.days()
	if m.keep.has(figHouseholds) {
		m.households = newHouseholds(n)
	}
	m.consumed = newConsumables(n)
	if n == 1 || !m.keep.has(figDays) {
		return
	}
	// last starts at zero, not at the figures now: the staff who come on
	// duty as the run starts have put on their suits on day 1.
	rd := &runDays{courier: make([]stats.Tally, n), staff: make([][]staffFigures, len(m.sc.Staff)),
		last: make([]staffFigures, len(m.sc.Staff))}
	if g := m.gate; g.stagingRec != nil {
		sd := &stagingDays{rec: g.stagingRec, busy: stats.NewLevel(0, float64(g.staging.Busy())),
			queue: stats.NewLevel(0, float64(g.staging.Queued())), full: stats.NewLevel(0, isFull(g.staging))}
		sd.full.TrackThreshold(1)
		g.staging.SetMonitor(sd)
		rd.staging = sd
	}
	m.days = rd
}

// trackKind sets up what a kind keeps day by day and against its deadline.
func (m *Model) trackKind(ks *kindState) {
	if n := m.tl.days(); n > 1 && m.keep.has(figDays) {
		ks.days = make([]kindDay, n)
		if m.keep.has(figDoorValues) {
			for d := range ks.days {
				ks.days[d].doorTime.KeepValues()
			}
		}
	}
	if ks.spec.Deadline > 0 && m.keep.has(figDeadlines) {
		ks.pending = map[*item]struct{}{}
	}
}

// staffAt returns pool i's figures from the start to now.
func (m *Model) staffAt(i int, now float64) staffFigures {
	var f staffFigures
	pl := m.pools[m.sc.Staff[i].Name]
	for j, rec := range pl.recs {
		f.busy += rec.Working.Integral(now)
		f.on += rec.OnDuty.Integral(now)
		f.over += rec.Overtime
		f.starts += pl.res[j].Starts()
	}
	f.overMax = pl.hoursOver(now)
	return f
}

// closeDay closes the figures of day d (0 for the first) at its end: a
// day's boundary, or the end of the run for the last day.
func (m *Model) closeDay(d int) {
	now := m.s.Now()
	for _, ks := range m.kinds {
		if ks.days != nil {
			kd := &ks.days[d]
			kd.carried = kd.arrived - kd.done - kd.turned
		}
	}
	if st := m.needs; st != nil && st.days != nil {
		nd := &st.days[d]
		nd.carried = nd.arrived - nd.done
	}
	if gr := m.garbage; gr != nil {
		n := &gr.nights[d]
		n.carried = n.households - n.collected
	}
	m.gate.pile.closeDay(now)
	if rd := m.days; rd != nil {
		if rd.staging != nil {
			rd.staging.close(now)
		}
		if m.keep.has(figStaff) {
			for i := range m.sc.Staff {
				cur := m.staffAt(i, now)
				rd.staff[i] = append(rd.staff[i], cur.minus(rd.last[i]))
				rd.last[i] = cur
			}
		}
	}
	if m.households != nil {
		m.households.tally(d - 1)
	}
}

// closeRun closes the last day's figures and the run's at its end.
func (m *Model) closeRun() {
	m.closeDay(m.tl.days() - 1)
	if m.households != nil {
		m.households.tally(m.tl.days() - 1)
	}
	m.closeDeadlines(m.s.Now())
}

// itemArrived counts an item as it arrives.
func (m *Model) itemArrived(it *item) {
	it.day = m.tl.dayOf(it.arrived)
	ks := it.kind
	if ks.days != nil {
		ks.days[it.day].arrived++
	}
	if ks.pending != nil {
		ks.pending[it] = struct{}{}
	}
	if m.households != nil {
		m.households.arrived(it)
	}
}

// itemStaged counts an item put down in the staging area.
func (m *Model) itemStaged(it *item) {
	if m.days != nil {
		m.days.courier[it.day].Add(it.staged - it.arrived)
	}
}

// itemDelivered counts an item handed over at its door.
func (m *Model) itemDelivered(it *item) {
	ks := it.kind
	door := it.atDoor - it.arrived
	var kd *kindDay
	if ks.days != nil {
		kd = &ks.days[it.day]
		kd.done++
		kd.doorTime.Add(door)
		if m.keep.has(figSteps) {
			kd.steps.add(it)
		}
	}
	if ks.pending != nil {
		delete(ks.pending, it)
		limit := float64(ks.spec.Deadline)
		ks.deadline.delivered(door, limit)
		if kd != nil {
			kd.deadline.delivered(door, limit)
		}
	}
	if m.households != nil {
		m.households.delivered(it, m.tl.dayEnd(it.day))
	}
}

// itemTurnedAway counts an item turned away at the gate.
func (m *Model) itemTurnedAway(it *item) {
	ks := it.kind
	if ks.days != nil {
		ks.days[it.day].turned++
	}
	if ks.pending != nil {
		delete(ks.pending, it)
		ks.deadline.turnedAway()
		if ks.days != nil {
			ks.days[it.day].deadline.turnedAway()
		}
	}
}

// kindFigures are a kind's items over the whole run, or those that arrived
// on one day.
type kindFigures struct {
	arrived, done, turned, backlog int
	doorTime                       *stats.Tally
	steps                          *stepTallies
	deadline                       *deadlineTally
}

func (e *ending) kind(i int) kindFigures {
	ks := e.m.kinds[i]
	if e.day == 0 {
		return kindFigures{ks.arrived, ks.done, ks.turned, ks.backlog(), &ks.doorTime, &ks.steps, &ks.deadline}
	}
	kd := &ks.days[e.day-1]
	return kindFigures{kd.arrived, kd.done, kd.turned, kd.carried, &kd.doorTime, &kd.steps, &kd.deadline}
}

// sumKinds adds f over the kinds' figures.
func (e *ending) sumKinds(f func(kindFigures) int) float64 {
	n := 0
	for i := range e.m.kinds {
		n += f(e.kind(i))
	}
	return float64(n)
}

// spanHours is the length of what the KPI is for: the run or a day.
func (e *ending) spanHours() float64 {
	if e.day == 0 {
		return e.hours
	}
	return 24
}

// gateFigures are the staging area and the couriers' waits over the whole
// run or one day.
type gateFigures struct {
	mean, most, full, waitingMost float64
	courierWait                   *stats.Tally
}

func (e *ending) gate() gateFigures {
	g := e.m.gate
	if e.day == 0 {
		f := gateFigures{courierWait: &g.courierWait}
		if g.stagingRec != nil { // recorded for the KPIs that read it (figStaging)
			f.mean, f.most = g.stagingRec.Busy.Mean(e.now), g.stagingRec.Busy.Max()
			f.full, f.waitingMost = g.timeFull(e.now, e.m.sc.Gate.Slots()), g.stagingRec.Queue.Max()
		}
		return f
	}
	f := gateFigures{courierWait: &e.m.days.courier[e.day-1]}
	if sd := e.m.days.staging; sd != nil {
		d := sd.days[e.day-1]
		f.mean, f.most, f.full, f.waitingMost = d.mean, d.most, d.full, d.waitingMost
	}
	return f
}

// staff returns pool i's figures over the whole run or one day.
func (e *ending) staff(i int) staffFigures {
	if e.day == 0 {
		return e.m.staffAt(i, e.now)
	}
	return e.m.days.staff[i][e.day-1]
}

// garbageFigures are the garbage round's over the whole run, or its night
// that opens on one day.
type garbageFigures struct {
	households, collected, late, backlog int
	doneAfter                            float64
}

func (e *ending) garbage() garbageFigures {
	gr := e.m.garbage
	if e.day == 0 {
		f := garbageFigures{households: gr.households, collected: gr.collected, late: gr.late,
			backlog: gr.households - gr.collected, doneAfter: gr.lastDone}
		if gr.collected < gr.households {
			f.doneAfter = e.now - gr.firstOpen
		}
		return f
	}
	n := gr.nights[e.day-1]
	f := garbageFigures{households: n.households, collected: n.collected, late: n.late, backlog: n.carried,
		doneAfter: math.Max(n.lastDone-n.open, 0)}
	if n.collected < n.households {
		f.doneAfter = e.now - n.open
	}
	return f
}

// needsFigures are the special-needs cards over the whole run, or those
// handed in on one day.
type needsFigures struct {
	arrived, done, backlog int
	response               *stats.Tally
}

func (e *ending) needs() needsFigures {
	st := e.m.needs
	if e.day == 0 {
		return needsFigures{st.arrived, st.done, st.arrived - st.done, &st.response}
	}
	nd := &st.days[e.day-1]
	return needsFigures{nd.arrived, nd.done, nd.carried, &nd.response}
}

// households returns the households waiting and served the same day, over
// the whole run (each household counted once a day it waited) or one day.
func (e *ending) households() householdFigures {
	if e.day == 0 {
		return e.m.households.whole()
	}
	return e.m.households.days[e.day-1]
}

// consumed returns the suits and disinfectant used over the whole run or
// one day.
func (e *ending) consumed() consumed {
	m := e.m
	c := m.consumed
	roundSuits := m.roundSuits()
	var out consumed
	for d := range c.sprayed {
		if e.day != 0 && d != e.day-1 {
			continue
		}
		out.litres += float64(c.sprayed[d]) * m.sc.Costs.DisinfectantPerItem
		out.suits += c.suits[d]
		out.suits += roundSuits[d]
	}
	for i, p := range m.sc.Staff {
		if p.Suit != nil {
			out.suits += e.staff(i).starts
		}
	}
	return out
}

// medicalHours returns the staff-hours of site i's medical staff
// (registration and swab): each on duty from the start of the round until
// the site stands down, when its last resident is sampled, or until the
// end of the run.
func (e *ending) medicalHours(i int) float64 { return medicalHours(e.smp(), i, e.now) }

// medicalHours is the staff-hours of site i's medical staff in round smp
// by now: none in a round that does not open the sites.
func medicalHours(smp *sampling, i int, now float64) float64 {
	if smp.plan.method != MethodSites {
		return 0
	}
	s := smp.sites[i]
	until := now
	if s.done() {
		until = math.Max(s.lastSampled, smp.start)
	}
	staff := float64(max(s.spec.Registration, 0) + max(s.spec.Swab, 0))
	return staff * math.Max(until-smp.start, 0) / 3600
}

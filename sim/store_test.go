package sim

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// item is the flow of a stored item: put in st, and once dropped by its
// taker, log "out".
func item(j *journal, st *Store, onReject string) *Flow {
	f := NewFlow("item").Then(Put(st, onReject), j.noteName("out"), Goto("end"))
	f.Label("full").Then(j.noteName("turned away")).Label("end")
	return f
}

// putAt puts an item named name with key and prio in st at time t.
func putAt(s *Sim, t float64, f *Flow, name string, key, prio int) {
	at(s, t, func() {
		e := s.NewEntity(name)
		e.Key, e.Prio = key, prio
		s.Begin(e, f)
	})
}

// getter is the flow of a taker: get from st, log what it got, drop it all.
func getter(j *journal, st *Store, key int, max int, fill float64) *Flow {
	var kf func(*Entity) int
	if key != AnyKey {
		kf = func(*Entity) int { return key }
	}
	return NewFlow("getter").Then(Get(st, kf, max, fill), Do(func(e *Entity) {
		var names []string
		for _, it := range e.Items {
			names = append(names, it.Data.(string))
		}
		j.add(e.Data.(string) + " got " + strings.Join(names, "+"))
	}), Drop())
}

func storeEvents(m *storeRec) string {
	var b []string
	for _, ev := range m.evs {
		b = append(b, fmt.Sprintf("%v %s@%g/%g", ev.Kind, ev.who, ev.Time, ev.Waited))
	}
	return strings.Join(b, ", ")
}

func TestStoreBlockingPuts(t *testing.T) {
	s := New()
	j := &journal{s: s}
	st := s.NewStore("shelf", 2, false)
	m := &storeRec{}
	st.SetMonitor(m)
	f := item(j, st, "")
	// Four items at 0 in a store of 2: I3 and I4 wait for room. A getter at 5
	// takes I1; I3 comes in having waited 5. Another at 7 takes I2; I4 comes
	// in having waited 7.
	for _, n := range []string{"I1", "I2", "I3", "I4"} {
		putAt(s, 0, f, n, 0, 0)
	}
	startAt(s, 5, getter(j, st, AnyKey, 1, 0), "G1", 0)
	startAt(s, 7, getter(j, st, AnyKey, 1, 0), "G2", 0)
	s.RunUntil(1)
	if st.Len() != 2 || st.Blocked() != 2 || st.Capacity() != 2 || st.Name() != "shelf" {
		t.Errorf("at 1: %v", st)
	}
	if got := st.String(); got != "shelf(2/2 held, 2 blocked)" {
		t.Errorf("String = %q", got)
	}
	s.Run()
	j.want(t, "G1 got I1@5", "I1 out@5", "G2 got I2@7", "I2 out@7")
	want := "put I1@0/0, put I2@0/0, blocked I3@0/0, blocked I4@0/0, taken I1@5/5, put I3@5/5, taken I2@7/7, put I4@7/7"
	if got := storeEvents(m); got != want {
		t.Errorf("store events\n got: %s\nwant: %s", got, want)
	}
	if st.Len() != 2 || st.Blocked() != 0 {
		t.Errorf("at the end: %v", st)
	}
}

func TestStoreRejectingPuts(t *testing.T) {
	s := New()
	j := &journal{s: s}
	st := s.NewStore("bin", 1, true)
	m := &storeRec{}
	st.SetMonitor(m)
	fates := map[string]Fate{}
	plain := item(j, st, "").OnDone(func(e *Entity) { fates[e.Data.(string)] = e.Fate })
	labelled := item(j, st, "full").OnDone(func(e *Entity) { fates[e.Data.(string)] = e.Fate })
	// I1 fits; I2 is turned away and leaves; I3 is turned away and goes on
	// at its label.
	putAt(s, 0, plain, "I1", 0, 0)
	putAt(s, 1, plain, "I2", 0, 0)
	putAt(s, 2, labelled, "I3", 0, 0)
	s.Run()
	j.want(t, "I3 turned away@2")
	if fates["I2"] != Rejected || fates["I3"] != Rejected || len(fates) != 2 {
		t.Errorf("fates %v", fates)
	}
	if got, want := storeEvents(m), "put I1@0/0, rejected I2@1/0, rejected I3@2/0"; got != want {
		t.Errorf("store events %s, want %s", got, want)
	}
	if st.Len() != 1 || st.Blocked() != 0 || s.Live() != 1 {
		t.Errorf("len %d blocked %d live %d", st.Len(), st.Blocked(), s.Live())
	}
}

func TestStoreKeyedGetsAndCounts(t *testing.T) {
	s := New()
	j := &journal{s: s}
	st := s.NewStore("zones", Unlimited, false)
	f := item(j, st, "")
	putAt(s, 0, f, "a1", 1, 0)
	putAt(s, 0, f, "b2", 2, 0)
	putAt(s, 0, f, "c1", 1, 0)
	putAt(s, 0, f, "d3", 3, 0)
	putAt(s, 0, f, "e-", -4, 0) // a negative key: only AnyKey takes it
	s.RunUntil(1)
	for _, x := range []struct{ key, n int }{{AnyKey, 5}, {1, 2}, {2, 1}, {3, 1}, {0, 0}, {7, 0}, {-4, 0}} {
		if got := st.Count(x.key); got != x.n {
			t.Errorf("Count(%d) = %d, want %d", x.key, got, x.n)
		}
	}
	// Key 1, up to 5, fill 0: takes the two key-1 items at once.
	startAt(s, 1, getter(j, st, 1, 5, 0), "G1", 0)
	startAt(s, 2, getter(j, st, AnyKey, 2, 0), "G2", 0)
	s.Run()
	j.want(t, "G1 got a1+c1@1", "a1 out@1", "c1 out@1", "G2 got b2+d3@2", "b2 out@2", "d3 out@2")
	if st.Count(1) != 0 || st.Count(AnyKey) != 1 {
		t.Errorf("Count(1) %d Count(any) %d", st.Count(1), st.Count(AnyKey))
	}
}

func TestStorePriorityOrder(t *testing.T) {
	s := New()
	j := &journal{s: s}
	st := s.NewStore("s", Unlimited, false)
	f := item(j, st, "")
	// Higher priority first, then first come: b, d (5), e (2), a, c (0), f (-1).
	for _, x := range []struct {
		n string
		p int
	}{{"a", 0}, {"b", 5}, {"c", 0}, {"d", 5}, {"f", -1}, {"e", 2}} {
		putAt(s, 0, f, x.n, 0, x.p)
	}
	startAt(s, 1, getter(j, st, AnyKey, 3, 0), "G1", 0)
	startAt(s, 2, getter(j, st, AnyKey, 10, 0), "G2", 0)
	s.Run()
	j.want(t, "G1 got b+d+e@1", "b out@1", "d out@1", "e out@1", "G2 got a+c+f@2", "a out@2", "c out@2", "f out@2")
}

func TestStoreBatchGets(t *testing.T) {
	inf := math.Inf(1)
	for _, x := range []struct {
		name  string
		items []float64 // put times
		max   int
		fill  float64
		want  string
	}{
		// Three there at 0, a batch of 3: taken at once.
		{"full batch at once", []float64{0, 0, 0}, 3, 10, "G got i1+i2+i3@0"},
		// One there, one at 4; the fill time runs out at 10: takes both.
		{"timeout takes what there is", []float64{0, 4}, 3, 10, "G got i1+i2@10"},
		// None by 10: takes the first item to come, at 15.
		{"timeout with none", []float64{15, 16}, 3, 10, "G got i1@15"},
		// The batch fills at 4, before the fill time.
		{"batch fills before timeout", []float64{2, 3, 4, 5}, 3, 10, "G got i1+i2+i3@4"},
		// Fill 0: whatever there is as soon as there is anything.
		{"fill zero", []float64{6, 6, 9}, 3, 0, "G got i1@6"},
		// Fill 0 with items there: all matching up to max, at once.
		{"fill zero, items there", []float64{0, 0}, 3, 0, "G got i1+i2@0"},
		// +Inf: waits for a full batch however long.
		{"fill infinite", []float64{1, 50, 1000, 1001}, 3, inf, "G got i1+i2+i3@1000"},
	} {
		s := New()
		j := &journal{s: s}
		st := s.NewStore("s", Unlimited, false)
		f := NewFlow("item").Then(Put(st, ""))
		for i, tm := range x.items {
			putAt(s, tm, f, fmt.Sprintf("i%d", i+1), 0, 0)
		}
		// The getter starts at 0, after the items put at 0.
		startAt(s, 0, getter(j, st, AnyKey, x.max, x.fill), "G", 0)
		s.Run()
		if got := j.String(); got != x.want {
			t.Errorf("%s: got %q, want %q", x.name, got, x.want)
		}
		if st.Getters() != 0 {
			t.Errorf("%s: %d getters left", x.name, st.Getters())
		}
	}
}

func TestStoreFillTimerCancelled(t *testing.T) {
	// A getter served before its fill time: its timer must not fire later
	// and serve it a second time.
	s := New()
	j := &journal{s: s}
	st := s.NewStore("s", Unlimited, false)
	f := NewFlow("item").Then(Put(st, ""))
	putAt(s, 2, f, "i1", 0, 0)
	putAt(s, 12, f, "i2", 0, 0)
	g := NewFlow("getter").Then(Get(st, nil, 1, 10), Do(func(e *Entity) { j.add(fmt.Sprint(len(e.Items))) }), Park())
	startAt(s, 0, g, "G", 0)
	s.Run()
	j.want(t, "1@2")
	if st.Len() != 1 || s.Fired() != 4 {
		t.Errorf("len %d fired %d, want 1 and 4 (start, put, wake, put)", st.Len(), s.Fired())
	}
}

func TestStoreSeveralGettersWithKeys(t *testing.T) {
	s := New()
	j := &journal{s: s}
	st := s.NewStore("s", Unlimited, false)
	f := item(j, st, "")
	// G1 wants key 1, G2 key 2 (one each, fill 0), G3 any two (fill +Inf),
	// all waiting from 0. k2 at 1 goes to G2 (G1 does not match, G3 needs
	// two); k1 at 2 goes to G1; x3 at 3 is not enough for G3; y1 at 4
	// completes G3's batch.
	startAt(s, 0, getter(j, st, 1, 1, 0), "G1", 0)
	startAt(s, 0, getter(j, st, 2, 1, 0), "G2", 0)
	startAt(s, 0, getter(j, st, AnyKey, 2, math.Inf(1)), "G3", 0)
	putAt(s, 1, f, "k2", 2, 0)
	putAt(s, 2, f, "k1", 1, 0)
	putAt(s, 3, f, "x3", 3, 0)
	putAt(s, 4, f, "y1", 1, 0)
	s.RunUntil(3.5)
	if st.Getters() != 1 || st.Len() != 1 {
		t.Errorf("at 3.5: getters %d len %d", st.Getters(), st.Len())
	}
	s.Run()
	j.want(t, "G2 got k2@1", "k2 out@1", "G1 got k1@2", "k1 out@2", "G3 got x3+y1@4", "x3 out@4", "y1 out@4")
}

func TestStoreEarlierGetterServedFirst(t *testing.T) {
	s := New()
	j := &journal{s: s}
	st := s.NewStore("s", Unlimited, false)
	f := item(j, st, "")
	// Two getters of any item wait from 0; items at 1 and 2 go to them in
	// the order they came.
	startAt(s, 0, getter(j, st, AnyKey, 1, 0), "G1", 0)
	startAt(s, 0, getter(j, st, AnyKey, 1, 0), "G2", 0)
	putAt(s, 1, f, "a", 0, 0)
	putAt(s, 2, f, "b", 0, 0)
	s.Run()
	j.want(t, "G1 got a@1", "a out@1", "G2 got b@2", "b out@2")
}

func TestDropWakesCarriedItems(t *testing.T) {
	s := New()
	j := &journal{s: s}
	st := s.NewStore("s", Unlimited, false)
	f := NewFlow("item").Then(Put(st, ""), j.noteName("out"), Delay(Constant(1)), j.noteName("delivered"))
	for _, n := range []string{"a", "b", "c"} {
		putAt(s, 0, f, n, 0, 0)
	}
	// The cart takes two at 1, carries them 5 s and drops them at 6: they go
	// on with their flows (out at 6, delivered at 7). The carried items are
	// not live in the store any more.
	cart := NewFlow("cart").Then(Get(st, nil, 2, 0), Delay(Constant(5)), Do(func(e *Entity) {
		if len(e.Items) != 2 {
			t.Errorf("carrying %d", len(e.Items))
		}
	}), Drop(), Do(func(e *Entity) {
		if len(e.Items) != 0 {
			t.Errorf("after Drop still carrying %d", len(e.Items))
		}
	}), j.noteName("dropped"))
	startAt(s, 1, cart, "cart", 0)
	s.Run()
	j.want(t, "cart dropped@6", "a out@6", "b out@6", "a delivered@7", "b delivered@7")
	if st.Len() != 1 || s.Live() != 1 {
		t.Errorf("len %d live %d, want 1 and 1 (c still stored)", st.Len(), s.Live())
	}
}

func TestStoreTake(t *testing.T) {
	s := New()
	j := &journal{s: s}
	st := s.NewStore("s", 3, false)
	f := item(j, st, "")
	for _, n := range []string{"a", "b", "c", "d"} {
		putAt(s, 0, f, n, 1, 0)
	}
	var took, took2 int
	at(s, 1, func() {
		e := s.NewEntity("taker")
		took = st.Take(e, 1, 2)
		took2 = st.Take(e, 5, 2) // no key-5 item
		if len(e.Items) != 2 || e.Items[0].Data != "a" || e.Items[1].Data != "b" {
			t.Errorf("items %v", e.Items)
		}
		for _, it := range e.Items {
			it.Wake()
		}
	})
	s.Run()
	// Taking two makes room for d, which was blocked.
	if took != 2 || took2 != 0 || st.Len() != 2 || st.Blocked() != 0 {
		t.Errorf("took %d %d len %d blocked %d", took, took2, st.Len(), st.Blocked())
	}
	j.want(t, "a out@1", "b out@1")
}

func TestNewStoreNegativeCapacity(t *testing.T) {
	s := New()
	st := s.NewStore("s", -5, false)
	if st.Capacity() != 0 {
		t.Errorf("capacity %d", st.Capacity())
	}
	j := &journal{s: s}
	s.Begin(s.NewEntity("a"), item(j, st, ""))
	if st.Blocked() != 1 || st.Len() != 0 {
		t.Errorf("blocked %d len %d", st.Blocked(), st.Len())
	}
}

// TestExpire: a run waits up to 30 s for 5 items; two arrive at 0, and at 3 a
// hot meal is put and the store expired: the run leaves at 3 with all three.
func TestExpire(t *testing.T) {
	s := New()
	st := s.NewStore("zone", Unlimited, false)
	var took []int
	var at float64
	run := NewFlow("run").Then(Get(st, func(e *Entity) int { return e.Key }, 5, 30),
		Do(func(e *Entity) { took = append(took, len(e.Items)); at = s.Now() }), Drop())
	item := NewFlow("item").Then(Put(st, ""))
	g := s.NewEntity(nil)
	g.Key = 1
	s.Begin(g, run)
	for range 2 {
		e := s.NewEntity(nil)
		e.Key = 1
		s.Begin(e, item)
	}
	s.Schedule(3, PriorityDefault, HandlerFunc(func() {
		e := s.NewEntity(nil)
		e.Key = 1
		s.Begin(e, item)
		st.Expire(1)
	}))
	s.Run()
	if len(took) != 1 || took[0] != 3 || at != 3 {
		t.Errorf("took %v at %v, want [3] at 3", took, at)
	}
	if item.Live() != 0 || run.Live() != 0 {
		t.Errorf("live on flows: item %d, run %d", item.Live(), run.Live())
	}
}

// TestStoreManyGettersFillTimesRunOut: 200,000 getters wait on an empty
// store (carts at the gate's shelf) and their fill times run out one by
// one; each costs nothing while the store is empty (it cost a look at every
// getter: 2e10 looks, minutes). The first item then goes to the first
// getter.
func TestStoreManyGettersFillTimesRunOut(t *testing.T) {
	const n = 200_000
	s := New()
	st := s.NewStore("shelf", Unlimited, false)
	got := map[int64]int{} // items each getter left with
	for i := range n {
		s.Start(NewFlow("cart").Then(
			Get(st, nil, 10, float64(1+i%100)),
			Do(func(e *Entity) { got[e.ID] = len(e.Items) }),
		), nil)
	}
	s.RunUntil(1000)
	if st.Getters() != n {
		t.Fatalf("%d getters waiting, want %d", st.Getters(), n)
	}
	s.Start(NewFlow("item").Then(Put(st, "")), nil)
	s.RunUntil(1001)
	if st.Getters() != n-1 || len(got) != 1 || got[1] != 1 {
		t.Errorf("after one item: %d getters waiting, left with items: %v, want the first with 1", st.Getters(), got)
	}
}

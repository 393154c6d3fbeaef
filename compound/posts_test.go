package compound

import (
	"math"
	"slices"
	"strings"
	"testing"

	"cordon/sim/random"
)

// withPosts is small() with three posts of the planner's own: a
// temperature check for half the items at the gate (a room of 3, a few
// sent away), an antigen point for a third of the residents at their site
// (served by a pool of its own; impatient, a few sent home) and an
// ambulance transfer that only outside arrivals use.
func withPosts() *Scenario {
	sc := small()
	exp := func(mean float64) Dist { return Dist{random.Spec{Family: random.FamilyExponential, Mean: mean}} }
	sc.Staff = append(sc.Staff, Pool{Name: "antigen-team", Count: 1})
	sc.Posts = []Post{
		{Name: "temperature", Servers: 1, Service: exp(20), Room: &Room{Places: 3, WhenFull: WhenFullLeave}},
		{Name: "antigen", Staff: "antigen-team", Service: exp(90), Patience: Const(300), Balking: &Balking{From: 2, Share: 0.5}},
		{Name: "ambulance", Servers: 1, Service: exp(1800), PerDay: 12},
	}
	sc.Routes = []Route{
		{From: RouteGate, To: "temperature", Share: 0.5}, {From: RouteGate, To: RouteGate, Share: 0.5},
		{From: "temperature", To: RouteGate, Share: 0.95}, {From: "temperature", To: RouteOut, Share: 0.05},
		{From: RouteSite, To: "antigen", Share: 0.3}, {From: RouteSite, To: RouteSite, Share: 0.7},
		{From: "antigen", To: RouteSite, Share: 0.9}, {From: "antigen", To: RouteOut, Share: 0.1},
	}
	return sc
}

// value is the KPI called name of res, failing when there is none.
func value(t *testing.T, sc *Scenario, res *Result, name string) float64 {
	t.Helper()
	v, ok := res.Value(Catalog(sc), name)
	if !ok {
		t.Fatalf("no KPI %s", name)
	}
	return v
}

// TestPostsAccountForEveryone: with posts at the gate, at the sites and
// from outside, every item and resident is still accounted for (those who
// leave at a post are turned away or not sampled), and at every post the
// arrivals are those served, turned away, balked, reneged, sent on from a
// full room, and still there.
func TestPostsAccountForEveryone(t *testing.T) {
	sc := withPosts()
	if errs := sc.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	seen := map[string]float64{}
	for rep := range 4 {
		m, err := Build(sc, rep, Options{})
		if err != nil {
			t.Fatal(err)
		}
		res, err := m.Run()
		if err != nil {
			t.Fatal(err)
		}
		l := res.Ledger
		if l.Arrived != l.Delivered+l.InPipeline+l.TurnedAway {
			t.Errorf("rep %d: items arrived %d != delivered %d + in pipeline %d + turned away %d", rep, l.Arrived, l.Delivered, l.InPipeline, l.TurnedAway)
		}
		if l.Residents != 264 || l.Residents != l.Sampled+l.NotSampled {
			t.Errorf("rep %d: residents %d != sampled %d + not sampled %d", rep, l.Residents, l.Sampled, l.NotSampled)
		}
		now := m.s.Now()
		for _, p := range m.net.posts {
			there := int(p.waiting.Value() + p.serving.Value())
			if p.arrived != p.served+p.turned+p.balked+p.reneged+p.overflowed+there {
				t.Errorf("rep %d, %s: arrived %d != served %d + turned %d + balked %d + reneged %d + sent on %d + there %d",
					rep, p.spec.Name, p.arrived, p.served, p.turned, p.balked, p.reneged, p.overflowed, there)
			}
			if u := p.utilisation(now); !(u >= 0 && u <= 1) {
				t.Errorf("rep %d, %s: utilisation %v", rep, p.spec.Name, u)
			}
		}
		for _, k := range []string{"posts.temperature.arrived", "posts.antigen.arrived", "posts.ambulance.arrived",
			"posts.temperature.turned_away", "posts.antigen.reneged", "posts.antigen.balked", "posts.antigen.served", "posts.network_time.mean"} {
			seen[k] += value(t, sc, res, k)
		}
	}
	for k, v := range seen {
		if !(v > 0) {
			t.Errorf("%s is %v over 4 replications: the posts saw nothing", k, v)
		}
	}
}

// TestPostsOfTheirOwnStreams: a post that only outside arrivals use draws
// from streams of its own, so adding it changes nothing else; and a
// scenario without posts reports no post KPIs.
func TestPostsOfTheirOwnStreams(t *testing.T) {
	base := small()
	with := small()
	with.Posts = []Post{{Name: "ambulance", Servers: 1, Service: Const(600), PerDay: 24}}
	if errs := with.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	a, b := runSmall(t, base, 1), runSmall(t, with, 1)
	catA, catB := Catalog(base), Catalog(with)
	for i, k := range catA {
		vb, ok := b.Value(catB, k.Name)
		if !ok {
			t.Fatalf("%s is missing with the post", k.Name)
		}
		if va := a.Values[i]; va != vb && !(math.IsNaN(va) && math.IsNaN(vb)) {
			t.Errorf("%s: %v without the post, %v with it", k.Name, va, vb)
		}
	}
	if !slices.ContainsFunc(catB, func(k KPI) bool { return k.Name == "posts.ambulance.wait.mean" }) {
		t.Error("no posts.ambulance.wait.mean")
	}
	if slices.ContainsFunc(catA, func(k KPI) bool { return strings.HasPrefix(k.Name, "posts.") }) {
		t.Error("post KPIs without posts")
	}
	if !slices.ContainsFunc(b.Posts, func(p PostResult) bool { return p.Name == "ambulance" && p.Class == "post" }) {
		t.Error("the post is not among the posts the bottleneck ranking ranks")
	}
}

// TestPostsAtTheGateDelayItems: every item checked at a post that takes
// an hour each spends that hour more on its way to the door.
func TestPostsAtTheGateDelayItems(t *testing.T) {
	base := small()
	slow := small()
	slow.Posts = []Post{{Name: "check", Servers: 100, Service: Const(3600)}}
	slow.Routes = []Route{{From: RouteGate, To: "check", Share: 1}}
	if errs := slow.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	a, b := runSmall(t, base, 0), runSmall(t, slow, 0)
	before := value(t, base, a, "express.time.put_down")
	after := value(t, slow, b, "express.time.put_down")
	if !(after >= before+3600-1e-6) {
		t.Errorf("time to be put down %v s without the check, %v s with it", before, after)
	}
	if n := value(t, slow, b, "posts.check.served"); n != value(t, slow, b, "express.arrived")+value(t, slow, b, "takeout.arrived") &&
		n < value(t, slow, b, "express.delivered") {
		t.Errorf("%v items served at the check", n)
	}
	if v := value(t, slow, b, "posts.network_time.mean"); math.Abs(v-3600) > 1e-6 {
		t.Errorf("time among the posts %v s, want 3600 s", v)
	}
}

// TestResidentsSentAwayDoNotHoldTheRound: residents sent out from a post
// are not sampled, and the round and the lab runs end without them.
func TestResidentsSentAwayDoNotHoldTheRound(t *testing.T) {
	sc := small()
	sc.Posts = []Post{{Name: "fever", Servers: 1, Service: Const(60)}}
	sc.Routes = []Route{{From: RouteSite, To: "fever", Share: 0.1}, {From: RouteSite, To: RouteSite, Share: 0.9},
		{From: "fever", To: RouteOut, Share: 1}}
	if errs := sc.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	res := runSmall(t, sc, 0)
	away := value(t, sc, res, "posts.fever.served")
	if away == 0 || value(t, sc, res, "sampling.not_sampled") != away || res.Ledger.NotSampled != int(away) {
		t.Errorf("%v sent away, %v not sampled, ledger %+v", away, value(t, sc, res, "sampling.not_sampled"), res.Ledger)
	}
	end := float64(sc.Horizon.Days)*day - float64(sc.Sampling.Start-sc.Horizon.Start)
	for _, k := range []string{"sampling.makespan", "sampling.lab_done", "sampling.site.a.makespan", "sampling.site.b.makespan"} {
		if v := value(t, sc, res, k); !(v < end/2) {
			t.Errorf("%s = %v s: the round waited for the residents sent away (the run ends %v s after its start)", k, v, end)
		}
	}
}

// TestRoutesWithoutPosts: routes from the gate straight out turn that
// share of the items away, with no post in between.
func TestRoutesWithoutPosts(t *testing.T) {
	sc := small()
	sc.Routes = []Route{{From: RouteGate, To: RouteOut, Share: 0.5}, {From: RouteGate, To: RouteGate, Share: 0.5}}
	if errs := sc.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	res := runSmall(t, sc, 0)
	l := res.Ledger
	if share := float64(l.TurnedAway) / float64(l.Arrived); share < 0.4 || share > 0.6 {
		t.Errorf("%d of %d items turned away, want about half", l.TurnedAway, l.Arrived)
	}
	if l.Arrived != l.Delivered+l.InPipeline+l.TurnedAway {
		t.Errorf("ledger %+v", l)
	}
}

// TestPostsCountInMemory: a post's servers and its outside arrivals are
// in the estimate of a replication's memory.
func TestPostsCountInMemory(t *testing.T) {
	base := small()
	with := small()
	with.Posts = []Post{{Name: "check", Servers: 10_000, Service: Const(60), PerDay: 100_000}}
	a, _ := base.Memory(Options{})
	b, _ := with.Memory(Options{})
	if want := int64(10_000*unitBytes + 100_000*itemBytes); b-a < want {
		t.Errorf("the post adds %d bytes to the estimate, want at least %d", b-a, want)
	}
}

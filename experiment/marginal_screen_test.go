package experiment

import (
	"context"
	"slices"
	"testing"

	"cordon/compound"
	"cordon/scenarios"
)

// TestScreenKeepsWhatMatters runs a run report's analysis (Do, as `cordon
// run` does) of the default scenario on fresh seeds, and then, with all of
// the analysis' replications paired with the base's same ones (common
// random numbers), every step it did not run in full: a step of a knob a
// plan buys that its screen dropped must change no headline KPI
// significantly, either way (the report lists it with its screen's zero
// gains), nor may a step of a knob that moves none of them; a step of the
// calling plan reckoned to lose may improve none. The steps that do
// improve one (the zone volunteers for the takeout meals, site-a's
// swabbers for the sampling round) must be run in full; the community
// workers must be screened out and several zones' sites not run, so that
// the screens are seen to do something.
func TestScreenKeepsWhatMatters(t *testing.T) {
	sc, err := scenarios.Resolve(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	const reps = 10
	for _, seed := range []uint64{101, 202, 303} {
		opt := Options{Seed: &seed}
		w, err := NewRunWork([]*compound.Scenario{sc}, nil, reps, opt)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Do(context.Background(), w, opt)
		if err != nil {
			t.Fatal(err)
		}
		m := p.Runs[0].Marginal
		if !m.BoughtScreened || m.Base.Replications != reps {
			t.Fatalf("seed %d: bought steps screened %v, base of %d replications, want screened over %d", seed, m.BoughtScreened, m.Base.Replications, reps)
		}
		var screened []KnobGain
		full := map[string]bool{}
		for _, k := range m.Knobs {
			switch {
			case k.Knob.TwoWay:
			case k.Replications < reps:
				screened = append(screened, k)
			default:
				full[k.Knob.Name] = true
			}
		}
		for _, want := range []string{"zone-volunteers 07:00–15:00", "site-a swab"} {
			if !full[want] {
				t.Errorf("seed %d: %s not run in full (run in full: %v)", seed, want, full)
			}
		}
		if !slices.ContainsFunc(m.NotRun, func(n NotRun) bool { return n.Knob.Pool == "community-workers" && n.Unmoved }) {
			t.Errorf("seed %d: the community workers, who move no headline KPI, run", seed)
		}
		if len(m.NotRun) < 10 {
			t.Errorf("seed %d: %d steps not run, want the community workers, the runners and most zones' sites", seed, len(m.NotRun))
		}
		// Every step not run in full, run in full and whole: screened, then
		// not run.
		var scs []*compound.Scenario
		for _, k := range screened {
			scs = append(scs, k.Knob.With(sc, k.To))
		}
		for _, n := range m.NotRun {
			scs = append(scs, n.Knob.With(sc, n.To))
		}
		whole := opt
		whole.Replications = reps
		outs, err := runScenarios(context.Background(), scs, whole)
		if err != nil {
			t.Fatal(err)
		}
		for i, o := range outs {
			name, any := "", true // any: no significant change allowed either way
			if i < len(screened) {
				name = screened[i].Knob.Name + " " + screened[i].StepText()
			} else {
				n := m.NotRun[i-len(screened)]
				name, any = n.Knob.Name+" "+n.StepText(), n.Unmoved
			}
			for _, kpi := range m.KPIs {
				if g := pairedGain(kpi, m.Base, o); any && g.Significant() || g.Improves() {
					t.Errorf("seed %d: %s not run in full, but over %d replications it changes %s significantly: %+.4g [%+.4g, %+.4g]",
						seed, name, reps, kpi.Name, g.Mean, g.Low, g.High)
				}
			}
		}
	}
}

// TestScreenedOut: a step whose screen changes no KPI in any replication
// is screened out; any change keeps it, a loss too.
func TestScreenedOut(t *testing.T) {
	lower := compound.KPI{Name: "a", Better: "lower"}
	either := compound.KPI{Name: "b"}
	outcome := func(a []float64, b ...float64) *Outcome {
		o := &Outcome{Replications: len(a)}
		o.KPIs = append(o.KPIs, KPIResult{KPI: lower}, KPIResult{KPI: either})
		o.KPIs[0].Values, o.KPIs[1].Values = a, b
		return o
	}
	base := outcome([]float64{10, 20, 30}, 1, 1, 1)
	for _, c := range []struct {
		name string
		step *Outcome
		out  bool
	}{
		{"no change", outcome([]float64{10, 20, 30}, 1, 1, 1), true},
		{"a significant loss", outcome([]float64{12, 22, 32}, 1, 1, 1), false},
		{"a loss", outcome([]float64{12, 23, 31}, 1, 1, 1), false},
		{"a gain", outcome([]float64{9, 19, 29}, 1, 1, 1), false},
		{"a gain in one replication", outcome([]float64{10, 20, 29}, 1, 1, 1), false},
		{"a change with no direction", outcome([]float64{10, 20, 30}, 1, 1, 2), false},
	} {
		// The base's first replications, as many as the step's.
		if got := screenedOut([]compound.KPI{lower, either}, base, c.step); got != c.out {
			t.Errorf("%s: screened out %v, want %v", c.name, got, c.out)
		}
	}
}

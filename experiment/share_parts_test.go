package experiment

import (
	"context"
	"fmt"
	"math"
	"testing"

	"cordon/compound"
	"cordon/scenarios"
)

// TestPartAloneIsExact: for every built-in whose parts are separable and
// every step of every knob either way, the step's part simulated alone
// gives that part's KPIs bit for bit as the whole step does, and the whole
// step gives the other part's KPIs bit for bit as the base scenario does;
// so a run's marginal analysis may simulate a step's part alone and take
// the other part's KPIs from the base (shareParts). Sealed buildings and
// antigen kits join the parts: those built-ins are not separable.
func TestPartAloneIsExact(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every step of every built-in")
	}
	alone := 0
	for _, info := range scenarios.Builtins() {
		sc, err := scenarios.Resolve(info.Name)
		if err != nil {
			t.Fatal(err)
		}
		want := info.Name != "sealed-building" && info.Name != "three-rounds"
		if sc.Separable() != want {
			t.Errorf("%s: separable %v, want %v", info.Name, sc.Separable(), want)
		}
		if !sc.Separable() {
			continue
		}
		cat := compound.Catalog(sc)
		const rep = 1
		base := replication(t, sc, rep, compound.PartWhole)
		for _, k := range Knobs(sc) {
			v := k.Value(sc)
			for _, to := range []int{v - k.Step, v + k.Step} {
				if to < k.Min || to > k.Max || (!k.TwoWay && to < v) {
					continue
				}
				step := k.With(sc, to)
				p := sc.StepPart(step)
				if p == compound.PartWhole {
					continue
				}
				alone++
				whole := replication(t, step, rep, compound.PartWhole)
				part := replication(t, step, rep, p)
				for i, kpi := range cat {
					switch compound.KPIPart(kpi) {
					case p:
						if !sameBits(part.Values[i], whole.Values[i]) {
							t.Errorf("%s, %s → %d alone: %s is %v, whole %v", info.Name, k.Path, to, kpi.Name, part.Values[i], whole.Values[i])
						}
					case compound.PartWhole:
					default:
						if !sameBits(base.Values[i], whole.Values[i]) {
							t.Errorf("%s, %s → %d: %s of the other part is %v, base %v", info.Name, k.Path, to, kpi.Name, whole.Values[i], base.Values[i])
						}
					}
				}
			}
		}
	}
	if alone == 0 {
		t.Error("no step of any built-in runs its part alone")
	}
}

func replication(t *testing.T, sc *compound.Scenario, rep int, p compound.Part) *compound.Result {
	t.Helper()
	return replicationWith(t, sc, rep, compound.Options{Part: p})
}

func replicationWith(t *testing.T, sc *compound.Scenario, rep int, opt compound.Options) *compound.Result {
	t.Helper()
	m, err := compound.Build(sc, rep, opt)
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.RunContext(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func sameBits(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }

// TestPartRefused: a part runs alone only of a separable scenario, and
// never with a log, which is of the whole compound.
func TestPartRefused(t *testing.T) {
	sealed, err := scenarios.Resolve("sealed-building")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := compound.Build(sealed, 0, compound.Options{Part: compound.PartSampling}); err == nil {
		t.Error("the sampling of a scenario with a sealed building ran alone")
	}
	base, err := scenarios.Resolve("baseline")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := compound.Build(base, 0, compound.Options{Part: compound.PartDeliveries, Log: &compound.Log{}}); err == nil {
		t.Error("a part ran alone with a log")
	}
	if _, err := compound.Build(base, 0, compound.Options{Part: compound.PartDeliveries}); err != nil {
		t.Errorf("the baseline's deliveries alone: %v", err)
	}
}

// TestDoSharesPartsAsTheWholeRun: a run report's analysis as Do runs it
// (steps of one part alone, the other part's KPIs from the base) ranks and
// measures every step as the analysis assembled from the whole compound's
// replications does (as shards merged give it).
func TestDoSharesPartsAsTheWholeRun(t *testing.T) {
	sc, err := scenarios.Resolve(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Replications: 10}
	w, err := NewRunWork([]*compound.Scenario{sc}, nil, 10, opt)
	if err != nil {
		t.Fatal(err)
	}
	shared, err := w.partsAlone(opt, w.newFigures(opt))
	if err != nil {
		t.Fatal(err)
	}
	alone := 0
	for _, it := range shared.Items {
		if it.part != compound.PartWhole {
			alone++
		}
	}
	if alone < len(w.Items)/2 {
		t.Errorf("%d of %d steps run their part alone", alone, len(w.Items)-1)
	}
	done, err := Do(context.Background(), w, opt)
	if err != nil {
		t.Fatal(err)
	}
	results, err := RunWork(context.Background(), w, Shard{}, opt)
	if err != nil {
		t.Fatal(err)
	}
	whole, err := w.Assemble(results)
	if err != nil {
		t.Fatal(err)
	}
	got, want := done.Runs[0].Marginal, whole.Runs[0].Marginal
	if len(got.Knobs) != len(want.Knobs) {
		t.Fatalf("%d knobs ranked, %d from the whole compound", len(got.Knobs), len(want.Knobs))
	}
	for i := range got.Knobs {
		g, h := got.Knobs[i], want.Knobs[i]
		if g.Knob.Path != h.Knob.Path || g.To != h.To || g.Replications != h.Replications ||
			fmt.Sprint(g.Gains) != fmt.Sprint(h.Gains) || !sameBits(g.Score, h.Score) {
			t.Errorf("rank %d: %s → %d over %d replications, gains %v; from the whole compound %s → %d over %d, gains %v",
				i+1, g.Knob.Path, g.To, g.Replications, g.Gains, h.Knob.Path, h.To, h.Replications, h.Gains)
		}
	}
	if finding(got.Findings) != finding(want.Findings) {
		t.Errorf("findings %s, from the whole compound %s", finding(got.Findings), finding(want.Findings))
	}
}

// finding says what moves each KPI, for comparing.
func finding(fs []Finding) string {
	step := func(k *KnobGain) string {
		if k == nil {
			return "none"
		}
		return fmt.Sprintf("%s → %d", k.Knob.Path, k.To)
	}
	out := ""
	for _, f := range fs {
		out += fmt.Sprintf("%s: %s, %s, %s; ", f.KPI.Name, step(f.Post), step(f.Free), f.SetBy)
	}
	return out
}

// TestBottlenecksShareParts: `cordon bottlenecks` (MarginalAnalysis) on a
// separable scenario runs its steps' parts alone and keeps their chosen
// KPIs only; every gain it reports is, bit for bit, the one the steps run
// whole give.
func TestBottlenecksShareParts(t *testing.T) {
	sc, err := scenarios.Resolve(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	kpis := HeadlineKPIs(sc)
	chosen, err := chooseKPIs(sc, kpis)
	if err != nil {
		t.Fatal(err)
	}
	parts := map[compound.Part]bool{}
	for _, k := range chosen {
		parts[compound.KPIPart(k)] = true
	}
	if !sc.Separable() || parts[compound.PartWhole] || !parts[compound.PartSampling] || !parts[compound.PartDeliveries] {
		t.Fatalf("%s: separable %v, KPIs' parts %v: want a separable scenario whose KPIs are of both parts and not of the whole", sc.Name, sc.Separable(), parts)
	}
	seed := uint64(7)
	opt := Options{Seed: &seed, Replications: 4}
	m, err := MarginalAnalysis(context.Background(), sc, kpis, opt)
	if err != nil {
		t.Fatal(err)
	}
	var steps []KnobGain
	for _, k := range m.Knobs {
		steps = append(steps, k)
		if k.Other != nil {
			steps = append(steps, *k.Other)
		}
	}
	alone := 0
	for _, k := range steps {
		step := k.Knob.With(sc, k.To)
		if sc.StepPart(step) != compound.PartWhole {
			alone++
		}
		whole := opt
		whole.Replications = k.Replications
		outs, err := runScenarios(context.Background(), []*compound.Scenario{step}, whole)
		if err != nil {
			t.Fatal(err)
		}
		for i, kpi := range chosen {
			want, got := pairedGain(kpi, m.Base, outs[0]), k.Gains[i]
			if !sameBits(want.Mean, got.Mean) || !sameBits(want.Low, got.Low) || !sameBits(want.High, got.High) {
				t.Errorf("%s %s, %s: gain %v [%v, %v], run whole %v [%v, %v]", k.Knob.Name, k.StepText(), kpi.Name, got.Mean, got.Low, got.High, want.Mean, want.Low, want.High)
			}
		}
	}
	if alone < len(steps)/2 {
		t.Errorf("%d of %d steps change one part alone: want most", alone, len(steps))
	}
}

// TestBottlenecksKeepNoReplicationWhole: of its base's replications a
// bottlenecks analysis keeps only the posts' hours it reads (the hour by
// hour limiting post, the shifts' utilisation), and of its steps' only
// their figures, so that its memory stays flat in replications.
func TestBottlenecksKeepNoReplicationWhole(t *testing.T) {
	sc, err := scenarios.LoadFile("../scenarios/testdata/valid/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := MarginalAnalysis(context.Background(), sc, nil, Options{Replications: 3})
	if err != nil {
		t.Fatal(err)
	}
	if m.Base.Runs != nil {
		t.Fatalf("the base keeps its %d replications whole", len(m.Base.Runs))
	}
	runs := m.Base.hourRuns()
	if len(runs) != 3 || len(m.Hourly) == 0 {
		t.Fatalf("the base keeps the hours of %d replications, and %d hours of limiting posts: want 3, and some", len(runs), len(m.Hourly))
	}
	for r, res := range runs {
		if res.Values != nil || res.Series != nil || res.DoorTimes != nil || len(res.Posts) == 0 || res.Posts[0].Hourly == nil {
			t.Errorf("replication %d of the base keeps more than its posts' hours: %d values, %d series, %d posts", r, len(res.Values), len(res.Series), len(res.Posts))
		}
	}
}

// TestSensitivityRunsFactorsAlone: a sensitivity analysis of the baseline
// on a KPI of each part runs a factor of one part (a time at the gate, the
// swab) with that part alone, and one of both (the residents, who are
// swabbed and get deliveries) whole. That the analysis is the same, to the
// bit, as the one of every replication whole is TestSensitivityKeepsItsKPIs.
func TestSensitivityRunsFactorsAlone(t *testing.T) {
	sc, err := scenarios.Resolve("baseline")
	if err != nil {
		t.Fatal(err)
	}
	w, err := NewSensitivityWork(sc, []string{"sampling.makespan", "takeout.door_time.p95"}, 0.2, Options{Replications: 2})
	if err != nil {
		t.Fatal(err)
	}
	a, err := w.partsAlone(Options{}, w.newFigures(Options{}))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]compound.Part{"gate.intake": compound.PartDeliveries, "zones' walks": compound.PartDeliveries,
		"sampling.swab": compound.PartSampling, "residents": compound.PartWhole}
	for i, f := range Factors(sc) {
		for _, it := range a.Items[1+2*i : 3+2*i] {
			if p, ok := want[f.Name]; ok && it.part != p {
				t.Errorf("%s: part %d, want %d", f.Name, it.part, p)
			}
		}
	}
	if w.Items[1].part != compound.PartWhole {
		t.Error("partsAlone changed the work it was given")
	}
}

package experiment

import (
	"context"
	"fmt"
	"math"
	"sort"

	"cordon/compound"
	"cordon/sim/stats"
)

// Factor is one input a sensitivity analysis scales: a volume (a kind's
// daily items, the residents) or a service time (a distribution's time
// parameters, its shape kept).
type Factor struct {
	Name   string // "express per_day", "sampling.swab"
	Scales string // what it scales: "volume" or "time"
	scale  func(sc *compound.Scenario, f float64)
}

// scaleDist scales a distribution's times, leaving unset ones unset.
func scaleDist(d *compound.Dist, f float64) {
	if d.Family != "" {
		d.Spec = d.Spec.Scaled(f)
	}
}

// Factors lists the volumes and service times of a scenario.
func Factors(sc *compound.Scenario) []Factor {
	var fs []Factor
	vol := func(name string, fn func(*compound.Scenario, float64)) {
		fs = append(fs, Factor{Name: name, Scales: "volume", scale: fn})
	}
	tm := func(name string, fn func(*compound.Scenario, float64)) {
		fs = append(fs, Factor{Name: name, Scales: "time", scale: fn})
	}
	for i, k := range sc.Kinds {
		if k.PerDay > 0 {
			vol(k.Name+" per day", func(s *compound.Scenario, f float64) { s.Kinds[i].PerDay *= f })
		}
	}
	if sc.Sampling != nil {
		vol("residents", func(s *compound.Scenario, f float64) {
			for i := range s.Buildings {
				s.Buildings[i].Residents = max(s.Buildings[i].Households, int(math.Round(float64(s.Buildings[i].Residents)*f)))
			}
		})
	}
	if sc.SpecialNeeds != nil && sc.SpecialNeeds.PerDay > 0 {
		vol("special needs per day", func(s *compound.Scenario, f float64) { s.SpecialNeeds.PerDay *= f })
	}
	tm("gate.intake", func(s *compound.Scenario, f float64) { scaleDist(&s.Gate.Intake, f) })
	tm("transfer.trip", func(s *compound.Scenario, f float64) { scaleDist(&s.Transfer.Trip, f) })
	tm("disinfection.dwell", func(s *compound.Scenario, f float64) {
		scaleDist(&s.Disinfection.Dwell, f)
		for i := range s.Kinds {
			scaleDist(&s.Kinds[i].Dwell, f)
		}
	})
	tm("sorting.time", func(s *compound.Scenario, f float64) { scaleDist(&s.Sorting.Time, f) })
	tm("delivery.door", func(s *compound.Scenario, f float64) { scaleDist(&s.Delivery.Door, f) })
	tm("zones' walks", func(s *compound.Scenario, f float64) {
		for i := range s.Zones {
			scaleDist(&s.Zones[i].Walk, f)
		}
	})
	if sc.Sampling != nil {
		tm("sampling.registration", func(s *compound.Scenario, f float64) { scaleDist(&s.Sampling.Registration, f) })
		tm("sampling.swab", func(s *compound.Scenario, f float64) { scaleDist(&s.Sampling.Swab, f) })
		tm("sampling.calling.come_down", func(s *compound.Scenario, f float64) { scaleDist(&s.Sampling.Calling.ComeDown, f) })
		tm("sampling.pooling.trip", func(s *compound.Scenario, f float64) { scaleDist(&s.Sampling.Pooling.Trip, f) })
		if sc.Sampling.DoorToDoor.Share > 0 {
			tm("sampling.door_to_door.visit", func(s *compound.Scenario, f float64) { scaleDist(&s.Sampling.DoorToDoor.Visit, f) })
		}
	}
	if sc.Garbage != nil {
		tm("garbage.per_bag", func(s *compound.Scenario, f float64) { scaleDist(&s.Garbage.PerBag, f) })
	}
	if sc.SpecialNeeds != nil {
		tm("special_needs.handling", func(s *compound.Scenario, f float64) { scaleDist(&s.SpecialNeeds.Handling, f) })
	}
	return fs
}

// cloneForFactors copies a scenario deeply enough for factors to scale it.
func cloneForFactors(sc *compound.Scenario) *compound.Scenario {
	c := cloneForKnobs(sc)
	c.Kinds = append([]compound.Kind(nil), sc.Kinds...)
	c.Buildings = append([]compound.Building(nil), sc.Buildings...)
	c.Zones = append([]compound.Zone(nil), sc.Zones...)
	if sc.SpecialNeeds != nil {
		n := *sc.SpecialNeeds
		c.SpecialNeeds = &n
	}
	if sc.Garbage != nil {
		g := *sc.Garbage
		c.Garbage = &g
	}
	return c
}

// Effect is one factor's effect on one KPI: the KPI with the factor scaled
// down and up.
type Effect struct {
	Factor    Factor
	Low, High KPIResult
	Swing     float64 // |High.Mean − Low.Mean|
	// Change is the KPI with the factor scaled up less the KPI with it
	// scaled down, paired replication by replication (common random
	// numbers): its mean (±Swing) with its interval, NaN bounds with one
	// replication.
	Change stats.Summary
}

// WithinChance reports whether the effect's change could be chance: its
// interval holds zero, or there is none.
func (e Effect) WithinChance() bool { return !(e.Change.Low > 0 || e.Change.High < 0) }

// Sensitivity is a sensitivity analysis: every factor scaled by 1 − Delta
// and 1 + Delta, with common random numbers, and the effects on the chosen
// KPIs: those whose change is more than chance first, each group largest
// swing first.
type Sensitivity struct {
	Base    *Outcome
	Delta   float64
	KPIs    []compound.KPI
	Effects [][]Effect // per KPI, per factor: beyond chance first, then largest swing first
}

// AnalysePlan is the sensitivity of a plan (cordon plan): of the planned
// scenario's KPIs that have targets to each factor, 20% either way, with
// the replications the plan's search ran.
func AnalysePlan(ctx context.Context, p *Plan, opt Options) (*Sensitivity, error) {
	var kpis []string
	for _, t := range p.Targets {
		kpis = append(kpis, t.KPI.Name)
	}
	opt.Replications = p.SearchReplications
	return Analyse(ctx, p.Planned, kpis, 0.2, opt)
}

// Analyse runs the sensitivity analysis of sc on the KPIs named.
func Analyse(ctx context.Context, sc *compound.Scenario, kpis []string, delta float64, opt Options) (*Sensitivity, error) {
	w, err := NewSensitivityWork(sc, kpis, delta, opt)
	if err != nil {
		return nil, err
	}
	p, err := Do(ctx, w, opt)
	if err != nil {
		return nil, err
	}
	return p.Sensitivity, nil
}

// sensitivityOf ranks the effects of the factors from the outcomes of the
// base scenario and of each factor scaled down and up, in Factors' order.
func sensitivityOf(outs []*Outcome, kpis []string, delta float64) (*Sensitivity, error) {
	sc := outs[0].Scenario
	chosen, err := chooseKPIs(sc, kpis)
	if err != nil {
		return nil, err
	}
	factors := Factors(sc)
	if len(outs) != 1+2*len(factors) {
		return nil, fmt.Errorf("%s: %d outcomes for %d factors", sc.Name, len(outs), len(factors))
	}
	s := &Sensitivity{Base: outs[0], Delta: delta, KPIs: chosen}
	for _, k := range chosen {
		var effs []Effect
		for i, f := range factors {
			lo, _ := outs[1+2*i].KPI(k.Name)
			hi, _ := outs[2+2*i].KPI(k.Name)
			ch, err := stats.Paired(lo.Values, hi.Values, Level)
			if err != nil {
				return nil, fmt.Errorf("%s: %s: %w", sc.Name, f.Name, err)
			}
			effs = append(effs, Effect{Factor: f, Low: lo, High: hi, Swing: math.Abs(hi.Mean - lo.Mean), Change: ch})
		}
		// A factor whose effect could be chance is not ranked above one
		// whose effect is not, whatever its swing.
		sort.SliceStable(effs, func(a, b int) bool {
			if ca, cb := effs[a].WithinChance(), effs[b].WithinChance(); ca != cb {
				return cb
			}
			return swingKey(effs[a]) > swingKey(effs[b])
		})
		s.Effects = append(s.Effects, effs)
	}
	return s, nil
}

func swingKey(e Effect) float64 {
	if math.IsNaN(e.Swing) {
		return -1
	}
	return e.Swing
}

func indexKPI(cat []compound.KPI, name string) int {
	for i, k := range cat {
		if k.Name == name {
			return i
		}
	}
	return -1
}

// HeadlineKPIs are the KPIs analyses default to: the targets' KPIs, or the
// time to the door of each kind at the 95th percentile, the round's makespan
// and the special-needs response.
func HeadlineKPIs(sc *compound.Scenario) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range sc.ParsedTargets() {
		if !seen[t.KPI] {
			out, seen[t.KPI] = append(out, t.KPI), true
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, k := range sc.Kinds {
		if k.PerDay > 0 || len(k.Schedule) > 0 {
			out = append(out, k.Name+".door_time.p95")
		}
	}
	if sc.Sampling != nil {
		out = append(out, "sampling.makespan")
	}
	if sc.SpecialNeeds != nil {
		out = append(out, "special_needs.response.mean")
	}
	return out
}

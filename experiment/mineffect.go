package experiment

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"cordon/compound"
	"cordon/sim/stats"
	"cordon/text"
)

// The quantities a KPI measures, which a minimum effect is set for
// (--min-effect KIND=VALUE: the flag calls them kinds of unit).
const (
	Durations = "durations" // s, and staff-hours (h)
	Shares    = "shares"    // share
	Counts    = "counts"    // items, people, households, cards, samples
	Rates     = "rates"     // items/h, people/h
)

// quantities are the quantities in the order they are described.
func quantities() []string { return []string{Durations, Shares, Counts, Rates} }

// QuantityOf is the quantity a KPI of the unit measures: Durations,
// Shares, Counts or Rates.
func QuantityOf(unit string) string {
	switch {
	case unit == "s" || unit == "h":
		return Durations
	case unit == "share":
		return Shares
	case strings.HasSuffix(unit, "/h"):
		return Rates
	}
	return Counts
}

// effect is a minimum effect: an amount in the KPI's unit (seconds for a
// quantity of durations, converted for staff-hours), or when relative a share
// of the reference's mean.
type effect struct {
	value    float64
	relative bool
}

// defaultEffects are the minimum effects when --min-effect does not say
// otherwise: a minute, half a percentage point, one item (or person,
// household, ...), and for rates, which have no natural step, 1% of the
// reference's mean.
func defaultEffect(quantity string) effect {
	switch quantity {
	case Durations:
		return effect{value: 60}
	case Shares:
		return effect{value: 0.005}
	case Counts:
		return effect{value: 1}
	}
	return effect{value: 0.01, relative: true}
}

// MinEffects are the smallest differences a verdict counts: a significant
// difference smaller than its KPI's minimum effect is not a verdict (none),
// as 8s → 8s in a sorting time is no news to a planner even when the
// interval leaves out zero. The zero value holds the defaults: 1 minute for
// durations, 0.5 percentage points for shares, 1 for counts, 1% of the
// reference's mean for rates. ParseMinEffects reads --min-effect.
type MinEffects struct {
	off        bool
	byQuantity map[string]effect
	byKPI      map[string]effect
}

// For returns the minimum effect of KPI k, in its unit, when its mean in
// the reference is ref.
func (m MinEffects) For(k compound.KPI, ref float64) float64 {
	if m.off {
		if e, ok := m.byKPI[k.Name]; ok {
			return e.amount(k, ref)
		}
		if e, ok := m.byQuantity[QuantityOf(k.Unit)]; ok {
			return e.amount(k, ref)
		}
		return 0
	}
	e, ok := m.byKPI[k.Name]
	if !ok {
		if e, ok = m.byQuantity[QuantityOf(k.Unit)]; !ok {
			e = defaultEffect(QuantityOf(k.Unit))
		}
	}
	return e.amount(k, ref)
}

// amount is the effect in k's unit with reference mean ref.
func (e effect) amount(k compound.KPI, ref float64) float64 {
	switch {
	case e.relative:
		if math.IsNaN(ref) || math.IsInf(ref, 0) {
			return 0
		}
		return e.value * math.Abs(ref)
	case k.Unit == "h":
		return e.value / 3600
	}
	return e.value
}

// QuantityEffect is the minimum effect for one quantity (durations, shares, counts, rates), for a reader to
// write in its own words (Describe writes it in English).
type QuantityEffect struct {
	Quantity string // Durations, Shares, Counts or Rates
	// Value is seconds for durations, a share (0.005: half a percentage
	// point) for shares, a number for counts and rates; when Relative, a
	// share of the reference's mean. 0 is no minimum.
	Value    float64
	Relative bool
}

// Quantities returns the minimum effect for each quantity, in the order
// Describe writes them, and how many KPIs have one of their own.
func (m MinEffects) Quantities() (effects []QuantityEffect, own int) {
	for _, quantity := range quantities() {
		e, ok := m.byQuantity[quantity]
		switch {
		case !ok && m.off:
			e = effect{}
		case !ok:
			e = defaultEffect(quantity)
		}
		effects = append(effects, QuantityEffect{Quantity: quantity, Value: e.value, Relative: e.relative})
	}
	return effects, len(m.byKPI)
}

// None says whether there is no minimum at all: every kind's is 0 and no
// KPI has one of its own (--min-effect 0).
func (m MinEffects) None() bool {
	kinds, own := m.Quantities()
	for _, k := range kinds {
		if k.Value != 0 {
			return false
		}
	}
	return own == 0
}

// Describe says what the minimum effects are, kind by kind, for the header
// of a comparison: "1m for durations, 0.5 percentage points for shares, 1
// for counts, 1% of the reference's mean for rates" (and the KPIs given one
// of their own).
func (m MinEffects) Describe() string {
	if m.None() {
		return "0 (no minimum)"
	}
	kinds, own := m.Quantities()
	var parts []string
	for _, k := range kinds {
		parts = append(parts, effect{value: k.Value, relative: k.Relative}.describe(k.Quantity)+" for "+k.Quantity)
	}
	if own > 0 {
		parts = append(parts, fmt.Sprintf("%d KPIs their own", own))
	}
	return strings.Join(parts, ", ")
}

// describe writes an effect for a quantity: "1m", "0.5 percentage
// points", "1", "1% of the reference's mean".
func (e effect) describe(quantity string) string {
	num := func(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }
	switch {
	case e.value == 0:
		return "0"
	case e.relative:
		return num(100*e.value) + "% of the reference's mean"
	case quantity == Durations:
		return compound.FormatSeconds(e.value)
	case quantity == Shares && 100*e.value == 1:
		return "1 percentage point"
	case quantity == Shares:
		return num(100*e.value) + " percentage points"
	}
	return num(e.value)
}

// ParseMinEffects reads --min-effect values against the KPIs of the
// reference: "0" (or "none") for no minimum, any significant difference a
// verdict; KIND=VALUE for a quantity (durations=2m, shares=1% for one
// percentage point, counts=5, rates=2% of the reference's mean or a number
// per hour); KPI=VALUE for one KPI, written as its quantity takes it. Later
// values replace earlier ones; a KPI's own replaces its quantity's.
func ParseMinEffects(texts []string, kpis []compound.KPI) (MinEffects, error) {
	var m MinEffects
	for _, s := range texts {
		if err := m.parse(s, kpis); err != nil {
			return MinEffects{}, fmt.Errorf("--min-effect %s: %v", s, err)
		}
	}
	return m, nil
}

// parse reads one --min-effect value into m.
func (m *MinEffects) parse(s string, kpis []compound.KPI) error {
	name, value, ok := strings.Cut(s, "=")
	name, value = strings.TrimSpace(name), strings.TrimSpace(value)
	if !ok {
		if name == "0" || name == "none" {
			*m = MinEffects{off: true}
			return nil
		}
		return fmt.Errorf("write KIND=VALUE (durations=2m, shares=1%%, counts=5, rates=2%%), KPI=VALUE, or 0 for no minimum")
	}
	for _, quantity := range quantities() {
		if name == quantity {
			e, err := parseEffect(value, quantity, "")
			if err != nil {
				return err
			}
			if m.byQuantity == nil {
				m.byQuantity = map[string]effect{}
			}
			m.byQuantity[quantity] = e
			return nil
		}
	}
	names := quantities()
	for _, k := range kpis {
		names = append(names, k.Name)
		if k.Name != name {
			continue
		}
		e, err := parseEffect(value, QuantityOf(k.Unit), k.Unit)
		if err != nil {
			return err
		}
		if m.byKPI == nil {
			m.byKPI = map[string]effect{}
		}
		m.byKPI[name] = e
		return nil
	}
	return fmt.Errorf("%s is neither a kind of unit (%s) nor a KPI of the first scenario%s", name, strings.Join(quantities(), ", "), text.DidYouMean(name, names))
}

// parseEffect reads the value of a minimum effect for a quantity (and
// the KPI's own unit, when it is for one KPI).
func parseEffect(s, quantity, unit string) (effect, error) {
	v, form, err := compound.ParseValueForm(s)
	if err != nil {
		return effect{}, err
	}
	if v < 0 {
		return effect{}, fmt.Errorf("a minimum effect is 0 or more")
	}
	n := strconv.FormatFloat(v, 'g', -1, 64)
	switch quantity {
	case Durations:
		switch {
		case form == compound.FormDuration:
			return effect{value: v}, nil
		case form == compound.FormNumber && v == 0:
			return effect{}, nil
		case form == compound.FormNumber && unit == "h":
			return effect{value: v * 3600}, nil
		case form == compound.FormNumber:
			return effect{}, fmt.Errorf("a duration needs a unit: write %sm (or %ss, 1h)", n, n)
		}
		return effect{}, fmt.Errorf("durations take a duration such as 2m, not a percentage")
	case Shares:
		switch {
		case form == compound.FormDuration:
			return effect{}, fmt.Errorf("shares take percentage points, such as 1%% (or 0.01), not a duration")
		case v > 1:
			return effect{}, fmt.Errorf("a share's difference is from 0 to 1: write %s%% for %s percentage points (or %s)", n, n, strconv.FormatFloat(v/100, 'g', -1, 64))
		}
		return effect{value: v}, nil
	case Rates:
		switch form {
		case compound.FormDuration:
			return effect{}, fmt.Errorf("rates take a number per hour, or a percentage of the reference's mean (2%%), not a duration")
		case compound.FormPercent:
			return effect{value: v, relative: true}, nil
		}
		return effect{value: v}, nil
	}
	if form != compound.FormNumber {
		return effect{}, fmt.Errorf("counts take a number, such as 5")
	}
	return effect{value: v}, nil
}

// significant reports whether a paired difference's interval leaves out
// zero.
func significant(d stats.Summary) bool {
	return d.N > 0 && !math.IsNaN(d.Low) && !math.IsNaN(d.High) && (d.Low > 0 || d.High < 0)
}

// Judge is the verdict on a paired difference d (this minus the
// reference) of KPI k, whose mean in the reference is ref: Better or
// Worse by the KPI's direction (Differs for a KPI with no better
// direction) when d's 95% interval leaves out zero and its mean is at
// least the KPI's minimum effect (m.For), None otherwise. It is the one
// verdict of cordon: compare, replay's counterfactuals and whoever else
// calls a difference better or worse.
func Judge(k compound.KPI, ref float64, d stats.Summary, m MinEffects) string {
	if !significant(d) || math.Abs(d.Mean) < m.For(k, ref) {
		return None
	}
	up := d.Low > 0
	switch {
	case k.Better == "higher" && up, k.Better == "lower" && !up:
		return Better
	case k.Better == "higher", k.Better == "lower":
		return Worse
	}
	return Differs
}

package compound

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// KPI describes one figure a run reports, under a stable dotted name such as
// "takeout.door_time.p95". Every KPI is defined once, in kpiDefs: its name,
// unit, better direction, group, label, description and the code that
// measures it; Catalog lists them for a scenario and a replication's Result
// holds their values in the same order.
type KPI struct {
	Name   string
	Unit   string // s, items, items/h, people, people/h, households, samples, tubes, cards, arrivals, arrivals/h, share, h, suits, litres, cost
	Better string // "lower", "higher", or "" when neither is better
	Desc   string // one line: what it measures
	// Label is the KPI in a few words for tables and plots, without its
	// subject: "time to the door, 95th percentile"; Of is the subject, the
	// kind, site or pool it is measured for ("" for the compound as a
	// whole).
	Label, Of string
	// Group is the part of the compound it reports on: a kind's name for
	// the deliveries of that kind, or one of KPIGroups.
	Group string
	// Area is the flow whose staff and equipment can move it: deliveries,
	// sampling, garbage, special_needs, posts or staff; cost for what every
	// change moves (the cost and the consumables).
	Area string
	// Headline KPIs are shown in the terminal summary; the others are in
	// the results document.
	Headline bool
	// Day is the day of the run the KPI is for, from 1, in a run of
	// several days; 0 for the whole run. A day's KPI is named after the
	// whole run's with "@day" and the day: express.door_time.p95@day2.
	Day int
	// Round is the testing round a sampling KPI is for, from 2, in a
	// scenario with later rounds (sampling.rounds); 0 for round 1 and every
	// other KPI. A round's KPI is named after round 1's with "@round" and
	// the round: sampling.makespan@round2.
	Round int
}

// DaySep separates a KPI's name from the day it is for: names of kinds,
// pools and sites may not hold '@'.
const DaySep = "@day"

// DayKPI returns the name of the KPI called name for day d of the run
// (from 1): express.door_time.p95@day2.
func DayKPI(name string, d int) string { return name + DaySep + strconv.Itoa(d) }

// WholeRun returns the name of the whole run's KPI of which the KPI called
// name is one day's, and the day (0 for a whole-run KPI).
func WholeRun(name string) (string, int) {
	base, d, ok := strings.Cut(name, DaySep)
	if !ok {
		return name, 0
	}
	n, err := strconv.Atoi(d)
	if err != nil || n < 1 || strconv.Itoa(n) != d {
		return name, 0
	}
	return base, n
}

// Title is the KPI's label with its subject: "express: time to the door,
// 95th percentile".
func (k KPI) Title() string {
	if k.Of == "" {
		return k.Label
	}
	return k.Of + ": " + k.Label
}

// GroupTitle names the KPI's group for people: "deliveries: express",
// "gate", "households", "sampling round", "garbage", "special needs",
// "staff", "consumables", "cost".
func (k KPI) GroupTitle() string {
	if t, ok := groupTitles[k.Group]; ok {
		return t
	}
	return "deliveries: " + k.Group
}

// groupTitles are the titles of the groups of the compound as a whole.
var groupTitles = map[string]string{
	groupItems: "all deliveries", groupGate: "gate", groupSampling: "sampling round",
	groupGarbage: "garbage", groupNeeds: "special needs", groupStaff: "staff",
	groupHouseholds: "households", groupConsumables: "consumables", groupCost: "cost",
	groupPosts: "posts",
}

// The groups of the KPIs of the compound as a whole: the first part of
// their names, which no kind of delivery may take.
const (
	groupItems       = "items"
	groupGate        = "gate"
	groupSampling    = "sampling"
	groupGarbage     = "garbage"
	groupNeeds       = "special_needs"
	groupStaff       = "staff"
	groupHouseholds  = "households"
	groupConsumables = "consumables"
	groupCost        = "cost"
	groupPosts       = "posts"
)

// areaOfGroup is the area of each group; a kind's KPIs are deliveries.
var areaOfGroup = map[string]string{
	groupItems: "deliveries", groupGate: "deliveries", groupSampling: "sampling",
	groupGarbage: "garbage", groupNeeds: "special_needs", groupStaff: "staff",
	groupHouseholds: "deliveries", groupConsumables: "cost", groupCost: "cost",
	groupPosts: "posts",
}

// AreaOf returns the area of the KPI called name: the area of its group, or
// deliveries for a kind's KPIs.
func AreaOf(name string) string {
	first, _, _ := strings.Cut(name, ".")
	if a, ok := areaOfGroup[first]; ok {
		return a
	}
	return "deliveries"
}

// Catalog returns the KPIs a run of sc reports, in report order: each kind of
// delivery, the gate, the sampling round (round 1, its sites, then each
// later round's), garbage, special needs, staff; then, in a run of several
// days, those of day 1 in the same order, of day 2, and so on.
func Catalog(sc *Scenario) []KPI {
	var out []KPI
	eachKPI(sc, true, func(x expanded) { out = append(out, x.kpi) })
	return out
}

// catalogue lists the KPIs of sc and the definitions they come from, in
// report order (Catalog). Without named, each entry holds only its
// definition, subject, day and round (what a replication's values are
// measured from), not its KPI's name, label and description, whose text
// costs more to make than the values.
func catalogue(sc *Scenario, named bool) []expanded {
	var out []expanded
	eachKPI(sc, named, func(x expanded) { out = append(out, x) })
	return out
}

// eachKPI visits the KPIs of catalogue in its order, without making the
// list: what a replication measures its values by.
func eachKPI(sc *Scenario, named bool, visit func(expanded)) {
	blocks := kpiBlocks()
	for d := 0; d <= kpiDays(sc); d++ {
		for _, b := range blocks {
			b.each(sc, d, named, visit)
			if d == 0 && b[0].scope == eachSite {
				roundKPIs(sc, named, visit) // the later rounds' after round 1's sites
			}
		}
	}
}

// kpiDays returns the days a run of sc reports KPIs for: its days when
// it has several (and no more than a run may have), else none.
func kpiDays(sc *Scenario) int {
	if n := sc.Horizon.Days; n >= 2 && n <= MaxDays {
		return n
	}
	return 0
}

// KPIGroups returns the first parts of the names of the KPIs of the
// compound as a whole (items, gate, households, sampling, garbage,
// special_needs, posts, staff, consumables, cost), in report order: the
// names a kind of delivery may not have.
func KPIGroups() []string {
	var out []string
	for _, b := range kpiBlocks() {
		for _, d := range b {
			if d.group != "" && !slices.Contains(out, d.group) {
				out = append(out, d.group)
			}
		}
	}
	return out
}

// scope is what a KPI definition is measured for.
type scope int

const (
	wholeCompound scope = iota
	eachKind
	eachSite
	eachPool
	eachPost
)

// perDay says which days of a run of several days a definition has a KPI
// for, besides the whole run.
type perDay int

const (
	wholeRunOnly perDay = iota
	everyDay
	roundDay // the sampling round's day
)

// kpiDef defines one KPI, or one per kind, site, pool or post.
type kpiDef struct {
	key          string // the name after its group or subject: "door_time.p95"
	scope        scope
	days         perDay
	dayNote      string // what a day's KPI counts, with %d for the day: "items that arrived on day %d"
	group        string // for the compound as a whole and sites and pools; "" for a kind's
	unit, better string
	headline     bool
	label        string
	desc         string                           // may hold one %s: the subject
	describe     func(sc *Scenario, i int) string // the description, when it needs more than the subject
	when         func(sc *Scenario, i int) bool   // whether the scenario has it; nil: always
	value        func(e *ending, i int) float64   // what a replication measured
	// reads are the families of figures value reads besides its flow's
	// own counts, which a replication measuring a few KPIs records only
	// for the KPIs that read them (keeps.go).
	reads figure
}

// kpiBlock is a run of definitions of one scope and group, listed together
// for each subject in turn (every KPI of express, then of takeout).
type kpiBlock []kpiDef

// reading marks every definition of b as reading the families f.
func (b kpiBlock) reading(f figure) kpiBlock {
	for i := range b {
		b[i].reads |= f
	}
	return b
}

// expanded is one KPI of a scenario and the definition it comes from.
type expanded struct {
	kpi   KPI
	def   kpiDef
	i     int // the subject's index: the kind, site or pool
	day   int // 0 for the whole run
	round int // the testing round, 0 for round 1
}

// has reports whether the definition has a KPI for day d of a run of sc
// (0: the whole run).
func (d kpiDef) has(sc *Scenario, day int) bool {
	switch {
	case day == 0:
		return true
	case d.days == everyDay:
		return true
	case d.days == roundDay:
		return sc.Sampling != nil && sc.Sampling.Day == day
	}
	return false
}

// each visits the block's KPIs in sc for day d of the run (0: the whole
// run), with their names, labels and descriptions when named.
func (b kpiBlock) each(sc *Scenario, day int, named bool, visit func(expanded)) {
	subjects := []string{""}
	switch b[0].scope {
	case eachKind:
		subjects = subjects[:0]
		for _, k := range sc.Kinds {
			subjects = append(subjects, k.Name)
		}
	case eachSite:
		subjects = subjects[:0]
		if sc.Sampling != nil {
			for _, s := range sc.Sampling.Sites {
				subjects = append(subjects, s.Name)
			}
		}
	case eachPool:
		subjects = subjects[:0]
		for _, p := range sc.Staff {
			subjects = append(subjects, p.Name)
		}
	case eachPost:
		subjects = subjects[:0]
		for _, p := range sc.Posts {
			subjects = append(subjects, p.Name)
		}
	}
	for i, subject := range subjects {
		for _, d := range b {
			if d.when != nil && !d.when(sc, i) || !d.has(sc, day) {
				continue
			}
			if !named {
				visit(expanded{def: d, i: i, day: day})
				continue
			}
			k := d.kpi(subject)
			if d.describe != nil {
				k.Desc = d.describe(sc, i)
			}
			if day > 0 {
				k.Name, k.Day = DayKPI(k.Name, day), day
				k.Label += ", day " + strconv.Itoa(day)
				k.Desc += ", " + fmt.Sprintf(d.dayNote, day)
			}
			visit(expanded{kpi: k, def: d, i: i, day: day})
		}
	}
}

// kpi is the definition's KPI for one subject.
func (d kpiDef) kpi(subject string) KPI {
	k := KPI{Unit: d.unit, Better: d.better, Label: d.label, Of: subject, Headline: d.headline, Group: d.group}
	desc := d.desc
	switch d.scope {
	case wholeCompound:
		k.Name = d.group + "." + d.key
	case eachKind:
		k.Name, k.Group = subject+"."+d.key, subject
		desc = fmt.Sprintf(d.desc, subject)
	case eachSite:
		k.Name = d.group + ".site." + subject + "." + d.key
		desc = fmt.Sprintf(d.desc, subject)
	case eachPool, eachPost:
		k.Name = d.group + "." + subject + "." + d.key
		desc = fmt.Sprintf(d.desc, subject)
	}
	k.Desc = desc
	k.Area = AreaOf(k.Name)
	return k
}

package compound

import (
	"cordon/text"
	"fmt"
	"slices"
	"strings"
)

// Floors are the least of the scenario's staff and equipment a plan may
// leave when it is allowed to cut (cordon plan --allow-cuts): a least value
// per capacity (a knob, named as --set names it) and a least number on
// duty per pool over some hours. They bind the planner alone: a run, a
// sweep or --set may go below them.
type Floors struct {
	Knobs  []KnobFloor `yaml:"knobs" doc:"the least value of a staff count, a site's stations or a piece of equipment, named as --set names it"`
	OnDuty []DutyFloor `yaml:"on_duty" doc:"the fewest staff of a pool on duty, breaks counted, whenever the gate is open or from one time of day to another"`
}

// KnobFloor is the least value of one capacity.
type KnobFloor struct {
	Path string `yaml:"path" doc:"the capacity, as --set names it: gate.shelves, gate.containers, transfer.carts, disinfection.space, staff.POOL.count, staff.POOL.shifts[N].count, sampling.sites.SITE.swab, sampling.sites.SITE.registration, sampling.lab.servers or posts.POST.servers"`
	Min  int    `yaml:"min" doc:"the least it may be"`
}

// DutyFloor is the fewest staff of a pool on duty over some hours of every
// day: whenever the gate is open, or from one time of day to another (the
// whole day when neither is given). For a zone pool it holds for every
// zone's group.
type DutyFloor struct {
	Pool   string `yaml:"pool" doc:"the staff pool; for a zone pool, each zone's group"`
	Min    int    `yaml:"min" doc:"the fewest on duty at any moment of the hours, staff on a break not counted"`
	During string `yaml:"during" doc:"gate-open: whenever the gate is open (leave out from and to); leave out for the hours from and to"`
	From   Clock  `yaml:"from" doc:"start of the hours, HH:MM" default:"00:00"`
	To     Clock  `yaml:"to" doc:"end of the hours, HH:MM; before from for hours past midnight" default:"24:00"`
}

// DuringGateOpen is the DutyFloor.During of a floor that holds whenever the
// gate is open.
const DuringGateOpen = "gate-open"

// capacity is one whole-number capacity a plan may change, as --set names
// it, and where it is in a scenario.
type capacity struct {
	path string
	at   func(*Scenario) *int
}

// capacities lists the scenario's capacities, in the order of its fields:
// each pool's count (or each shift's), each site's registration and swab
// stations, the sampling lab's servers, shelves, containers, carts and places in the disinfection area.
func (sc *Scenario) capacities() []capacity {
	var out []capacity
	for i, p := range sc.Staff {
		if len(p.Shifts) == 0 {
			out = append(out, capacity{fmt.Sprintf("staff.%s.count", p.Name), func(s *Scenario) *int { return &s.Staff[i].Count }})
			continue
		}
		for j := range p.Shifts {
			out = append(out, capacity{fmt.Sprintf("staff.%s.shifts[%d].count", p.Name, j), func(s *Scenario) *int { return &s.Staff[i].Shifts[j].Count }})
		}
	}
	if sp := sc.Sampling; sp != nil {
		for i, s := range sp.Sites {
			out = append(out,
				capacity{fmt.Sprintf("sampling.sites.%s.registration", s.Name), func(s *Scenario) *int { return &s.Sampling.Sites[i].Registration }},
				capacity{fmt.Sprintf("sampling.sites.%s.swab", s.Name), func(s *Scenario) *int { return &s.Sampling.Sites[i].Swab }})
		}
		if sp.Lab != nil {
			out = append(out, capacity{"sampling.lab.servers", func(s *Scenario) *int { return &s.Sampling.Lab.Servers }})
		}
	}
	for i, p := range sc.Posts {
		if p.Staff == "" {
			out = append(out, capacity{fmt.Sprintf("posts.%s.servers", p.Name), func(s *Scenario) *int { return &s.Posts[i].Servers }})
		}
	}
	return append(out,
		capacity{"gate.shelves", func(s *Scenario) *int { return &s.Gate.Shelves }},
		capacity{"gate.containers", func(s *Scenario) *int { return &s.Gate.Containers }},
		capacity{"transfer.carts", func(s *Scenario) *int { return &s.Transfer.Carts }},
		capacity{"disinfection.space", func(s *Scenario) *int { return &s.Disinfection.Space }})
}

// CapacityPaths returns the paths a knob floor may name: every capacity a
// plan may change, as --set names it.
func (sc *Scenario) CapacityPaths() []string {
	cs := sc.capacities()
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.path
	}
	return out
}

// Capacity returns the value of the capacity at path (as CapacityPaths
// names it), and false when path names none.
func (sc *Scenario) Capacity(path string) (int, bool) {
	for _, c := range sc.capacities() {
		if c.path == path {
			return *c.at(sc), true
		}
	}
	return 0, false
}

// KnobFloor returns the least value the floors allow the capacity at path,
// and false when no floor names it.
func (sc *Scenario) KnobFloor(path string) (int, bool) {
	for _, f := range sc.Floors.Knobs {
		if f.Path == path {
			return f.Min, true
		}
	}
	return 0, false
}

// hours returns the span of the day a duty floor covers, from and to in
// seconds after midnight (to may pass midnight).
func (f DutyFloor) hours(g Gate) (from, to float64) {
	if f.During == DuringGateOpen {
		return float64(g.Open), float64(g.Close)
	}
	return float64(f.From), float64(f.To)
}

// Shortfall is a moment of the day when a pool (or one zone's group of a
// zone pool) has fewer staff on duty than an on-duty floor asks.
type Shortfall struct {
	Floor  int    // index in Floors.OnDuty
	Group  string // the pool, or "pool/zone" for a zone pool
	At     Clock  // the moment; the count holds until the pool's next change
	OnDuty int
	Min    int
}

func (s Shortfall) String() string {
	return fmt.Sprintf("%s has %d on duty at %s, below the floor of %d (floors.on_duty[%d])", s.Group, s.OnDuty, s.At, s.Min, s.Floor)
}

// DutyShortfalls returns every moment, one per stretch of constant staff,
// when the scenario has fewer staff on duty than its on-duty floors ask.
// With a reference scenario (the input of a plan, whose pools and zones
// match), a floor asks at each moment for no more than the reference has
// there: a plan must not cut below a floor, but need not raise what was
// already under it.
func (sc *Scenario) DutyShortfalls(ref *Scenario) []Shortfall {
	var out []Shortfall
	for fi, f := range sc.Floors.OnDuty {
		pi := slices.IndexFunc(sc.Staff, func(p Pool) bool { return p.Name == f.Pool })
		if pi < 0 {
			continue // Check reports it
		}
		from, to := f.hours(sc.Gate)
		p := sc.Staff[pi]
		var rp *Pool
		if ref != nil && pi < len(ref.Staff) && ref.Staff[pi].Name == p.Name {
			rp = &ref.Staff[pi]
		}
		moments := changeMoments(from, to, p)
		if rp != nil {
			moments = append(moments, changeMoments(from, to, *rp)...)
		}
		slices.Sort(moments)
		moments = slices.Compact(moments)
		groups := sc.groups(p)
		var refGroups []staffGroup
		if rp != nil {
			refGroups = ref.groups(*rp)
		}
		for gi, g := range groups {
			for _, c := range moments {
				if !covers(from, to, c) {
					continue
				}
				want := f.Min
				if gi < len(refGroups) {
					want = min(want, capacityAt(*rp, refGroups[gi].base, c))
				}
				if n := capacityAt(p, g.base, c); n < want {
					out = append(out, Shortfall{Floor: fi, Group: g.name, At: Clock(c), OnDuty: n, Min: f.Min})
					break // one moment per group is enough to say so
				}
			}
		}
	}
	return out
}

// changeMoments returns the moments of the day (in [0, 24h)) at which pool
// p's staff on duty may change or the hours from–to start: every moment of
// the hours falls in a stretch of constant staff that starts at one of them.
func changeMoments(from, to float64, p Pool) []float64 {
	out := []float64{0}
	add := func(c float64) {
		c -= day * float64(int(c/day))
		out = append(out, c)
	}
	add(from)
	add(to)
	for _, s := range p.Shifts {
		add(float64(s.From))
		add(float64(s.To))
	}
	for _, b := range p.Breaks {
		add(float64(b.At))
		add(float64(b.At) + float64(b.Length))
	}
	return out
}

// checkFloors checks the floors section: every knob floor names a capacity
// once, every on-duty floor a pool, with hours given one way.
func (sc *Scenario) checkFloors(c *checker) {
	paths := sc.CapacityPaths()
	seen := map[string]int{}
	for i, f := range sc.Floors.Knobs {
		p := fmt.Sprintf("floors.knobs[%d]", i)
		switch {
		case f.Path == "":
			c.add(p+".path", "is missing: name a capacity as --set does, such as gate.shelves")
		case !slices.Contains(paths, f.Path):
			c.add(p+".path", "%q is not a capacity a plan can change%s (they are %s)", f.Path, text.DidYouMean(f.Path, paths), listPaths(paths))
		case seen[f.Path] > 0:
			c.add(p+".path", "%s has a floor already (floors.knobs[%d]): give each capacity one floor", f.Path, seen[f.Path]-1)
		default:
			seen[f.Path] = i + 1
		}
		c.nonNegative(p+".min", f.Min)
		c.atMost(p+".min", f.Min, MaxPlaces, "no capacity may be more")
	}
	var pools []string
	for _, p := range sc.Staff {
		pools = append(pools, p.Name)
	}
	for i, f := range sc.Floors.OnDuty {
		p := fmt.Sprintf("floors.on_duty[%d]", i)
		if !slices.Contains(pools, f.Pool) {
			c.add(p+".pool", "pool %q is not in staff%s", f.Pool, text.DidYouMean(f.Pool, pools))
		}
		if f.Min < 1 {
			c.add(p+".min", "must be at least 1, got %d: a floor of 0 keeps nobody (leave the floor out)", f.Min)
		}
		c.atMost(p+".min", f.Min, MaxStaff, "no pool may have more on duty")
		switch f.During {
		case "":
			c.clock(p+".from", f.From, 24*3600)
			c.clock(p+".to", f.To, 48*3600)
			if f.From == f.To {
				c.add(p+".to", "the hours must not end when they start (%s): for the whole day leave from and to out", f.From)
			}
		case DuringGateOpen:
			if f.From != 0 || f.To != 24*3600 {
				c.add(p+".during", "give either during or from and to, not both")
			}
		default:
			c.add(p+".during", "must be %s (whenever the gate is open), got %q; for other hours give from and to", DuringGateOpen, f.During)
		}
	}
}

// listPaths lists capacity paths for a message, the first few of a long
// list.
func listPaths(paths []string) string {
	const most = 12
	if len(paths) <= most {
		return strings.Join(paths, ", ")
	}
	return strings.Join(paths[:most], ", ") + ", ..."
}

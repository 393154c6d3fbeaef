package compound

import (
	"math"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// TestKPINamesUnique: whatever the kinds, pools and sites are called, a
// scenario that passes Check has no two KPIs of one name (a kind called
// items made items.delivered twice, one of them the total).
func TestKPINamesUnique(t *testing.T) {
	words := []string{"express", "items", "gate", "staff", "sampling", "garbage", "special_needs",
		"delivered", "utilisation", "site", "a", "x", "site.a", "staff.workers", "items.x", "a.queue", "workers"}
	name := rapid.Custom(func(rt *rapid.T) string {
		parts := rapid.SliceOfN(rapid.SampledFrom(words), 1, 3).Draw(rt, "parts")
		return strings.Join(parts, rapid.SampledFrom([]string{".", "-"}).Draw(rt, "joint"))
	})
	rapid.Check(t, func(rt *rapid.T) {
		sc := small()
		for i := range sc.Kinds {
			sc.Kinds[i].Name = name.Draw(rt, "kind")
		}
		for i := range sc.Staff {
			if rapid.Bool().Draw(rt, "rename pool") {
				sc.Staff[i].Name = name.Draw(rt, "pool")
			}
		}
		for i := range sc.Sampling.Sites {
			sc.Sampling.Sites[i].Name = name.Draw(rt, "site")
			sc.Zones[i].Site = sc.Sampling.Sites[i].Name
		}
		if len(sc.Check()) > 0 {
			return
		}
		seen := map[string]bool{}
		for _, k := range Catalog(sc) {
			if seen[k.Name] {
				rt.Fatalf("KPI %s twice (kinds %q and %q, sites %q and %q)", k.Name,
					sc.Kinds[0].Name, sc.Kinds[1].Name, sc.Sampling.Sites[0].Name, sc.Sampling.Sites[1].Name)
			}
			seen[k.Name] = true
		}
	})
}

// TestKPIGroups: the reserved names are the first parts of the KPI names
// of the compound as a whole.
func TestKPIGroups(t *testing.T) {
	if got := strings.Join(KPIGroups(), ", "); got != "items, gate, households, sampling, garbage, special_needs, posts, staff, consumables, cost" {
		t.Errorf("KPIGroups() = %s", got)
	}
}

// TestCatalogueDefinesEveryKPI: every KPI of a scenario with every section
// comes from a definition with a label, a description (its subject filled
// in), a unit and an area, and a replication measures a value for each, in
// the catalogue's order: no KPI is named in one place and computed in
// another.
func TestCatalogueDefinesEveryKPI(t *testing.T) {
	sc := small()
	cat := Catalog(sc)
	res := runSmall(t, sc, 0)
	if len(res.Values) != len(cat) {
		t.Fatalf("%d values for %d KPIs", len(res.Values), len(cat))
	}
	groups := map[string]bool{}
	for _, b := range kpiBlocks() {
		for _, d := range b {
			if d.value == nil || d.label == "" || d.unit == "" || (d.desc == "") == (d.describe == nil) {
				t.Errorf("%s: a definition without a value, label, unit or exactly one description", d.key)
			}
			if (d.days == wholeRunOnly) != (d.dayNote == "") {
				t.Errorf("%s: a definition for each day must say what a day's KPI counts, and only one", d.key)
			}
		}
	}
	for i, k := range cat {
		if k.Label == "" || k.Desc == "" || strings.Contains(k.Desc, "%!") || k.Area == "" {
			t.Errorf("%s: label %q, description %q, area %q", k.Name, k.Label, k.Desc, k.Area)
		}
		if k.Better != "" && k.Better != "lower" && k.Better != "higher" {
			t.Errorf("%s: better %q", k.Name, k.Better)
		}
		if v := res.Values[i]; math.IsInf(v, 0) {
			t.Errorf("%s: %v", k.Name, v)
		}
		groups[k.GroupTitle()] = true
	}
	for _, want := range []string{"deliveries: express", "gate", "sampling round", "garbage", "special needs", "staff"} {
		if !groups[want] {
			t.Errorf("no KPI in the group %q (groups: %v)", want, groups)
		}
	}
}

// TestAreaOf: a KPI's area is its group's, or deliveries for a kind's.
func TestAreaOf(t *testing.T) {
	for name, want := range map[string]string{
		"express.door_time.p95": "deliveries", "gate.turned_away": "deliveries", "items.backlog": "deliveries",
		"sampling.queue.peak": "sampling", "sampling.site.a.makespan": "sampling", "garbage.late": "garbage",
		"special_needs.backlog": "special_needs", "staff.runners.utilisation": "staff",
	} {
		if got := AreaOf(name); got != want {
			t.Errorf("AreaOf(%s) = %s, want %s", name, got, want)
		}
	}
}

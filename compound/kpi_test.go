package compound

import (
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
	if got := strings.Join(KPIGroups(), ", "); got != "items, gate, sampling, garbage, special_needs, staff" {
		t.Errorf("KPIGroups() = %s", got)
	}
}

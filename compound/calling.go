package compound

import (
	"slices"
)

// CallOrder returns the indices of the zones in the order the calling plan
// calls them (Calling.Order); nil when the scenario has no sampling round.
// An empty order is listed, for scenarios built in Go.
func (sc *Scenario) CallOrder() []int {
	sp := sc.Sampling
	if sp == nil {
		return nil
	}
	order := make([]int, len(sc.Zones))
	for i := range order {
		order[i] = i
	}
	switch sp.Calling.Order {
	case OrderReversed:
		slices.Reverse(order)
	case OrderSitesInTurn:
		// Each site's zones as listed; then one of each site in turn, the
		// sites in the order of sampling.sites, skipping a site with none
		// left.
		bySite := make([][]int, len(sp.Sites))
		for z, zone := range sc.Zones {
			if s := slices.IndexFunc(sp.Sites, func(s Site) bool { return s.Name == zone.Site }); s >= 0 {
				bySite[s] = append(bySite[s], z)
			}
		}
		order = order[:0]
		for left := true; left; {
			left = false
			for s := range bySite {
				if len(bySite[s]) > 0 {
					order = append(order, bySite[s][0])
					bySite[s] = bySite[s][1:]
					left = true
				}
			}
		}
	case OrderLargestFirst:
		of := make(map[string]int, len(sc.Buildings))
		for _, b := range sc.Buildings {
			of[b.ID] = b.Residents
		}
		residents := make([]int, len(sc.Zones))
		for z, zone := range sc.Zones {
			for _, ref := range zone.Buildings {
				ids, _ := ExpandBuildings(ref)
				for _, id := range ids {
					residents[z] += of[id]
				}
			}
		}
		slices.SortStableFunc(order, func(a, b int) int { return residents[b] - residents[a] })
	}
	return order
}

package scenarios

import (
	"fmt"
	"slices"
	"strconv"

	"cordon/compound"
)

// StaffCountsSet finds the shift counts of the named pools of sc (a
// scenario file or built-in name, resolved as sc) that the overrides set,
// whatever the path's spelling and even to the plan's own value: by pool,
// the index of each shift whose count they set, -1 for the pool's count
// when it has no shifts. Every such count is first set to a probe value
// one away from the plan's; a count the overrides then leave elsewhere is
// theirs.
func StaffCountsSet(name string, sc *compound.Scenario, pools []string, overrides []Override) (map[string][]int, error) {
	probe := func(v int) int {
		if v+1 <= compound.MaxStaff {
			return v + 1
		}
		return v - 1
	}
	var pre []Override
	for i, p := range sc.Staff {
		if !slices.Contains(pools, p.Name) {
			continue
		}
		if len(p.Shifts) == 0 {
			pre = append(pre, Override{Path: fmt.Sprintf("staff[%d].count", i), Value: strconv.Itoa(probe(p.Count))})
		}
		for j, sh := range p.Shifts {
			pre = append(pre, Override{Path: fmt.Sprintf("staff[%d].shifts[%d].count", i, j), Value: strconv.Itoa(probe(sh.Count))})
		}
	}
	probed, err := Resolve(name, append(pre, overrides...)...)
	if err != nil {
		return nil, err
	}
	set := map[string][]int{}
	for i, p := range sc.Staff {
		if !slices.Contains(pools, p.Name) {
			continue
		}
		q := probed.Staff[i]
		if len(p.Shifts) == 0 && q.Count != probe(p.Count) {
			set[p.Name] = append(set[p.Name], -1)
		}
		for j, sh := range p.Shifts {
			if j < len(q.Shifts) && q.Shifts[j].Count != probe(sh.Count) {
				set[p.Name] = append(set[p.Name], j)
			}
		}
	}
	return set, nil
}

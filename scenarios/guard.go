package scenarios

import (
	"fmt"

	"cordon/compound"

	"go.yaml.in/yaml/v3"
)

// guard reports, before Check runs, building references that would make it
// slow: zones naming far more buildings than there are, or many references
// to no building (each gets a spelling suggestion). It returns whether
// Check may run.
func guard(d *decoder, root *yaml.Node, sc *compound.Scenario) bool {
	ids := make(map[string]bool, len(sc.Buildings))
	for _, b := range sc.Buildings {
		ids[b.ID] = true
	}
	total, unknown := 0, 0
	var first, firstPath string
	for i, z := range sc.Zones {
		for j, ref := range z.Buildings {
			path := fmt.Sprintf("zones[%d].buildings[%d]", i, j)
			expanded, err := compound.ExpandBuildings(ref)
			if err != nil {
				continue
			}
			total += len(expanded)
			if total > len(sc.Buildings)+maxExtraRefs {
				d.errs.add(d.at(locate(root, path), path, fmt.Sprintf(
					"the zones name %d buildings or more (ranges expanded), but buildings lists %d: every building is in exactly one zone",
					total, len(sc.Buildings))))
				return false
			}
			for _, id := range expanded {
				if !ids[id] {
					if unknown == 0 {
						first, firstPath = id, path
					}
					unknown++
				}
			}
		}
	}
	if unknown > maxUnknownRefs {
		d.errs.add(d.at(locate(root, firstPath), firstPath, fmt.Sprintf(
			"%d building references name no building in buildings, the first %s: give the ids used in buildings",
			unknown, quote(first))))
		return false
	}
	return true
}

package scenarios

import (
	"fmt"
	"strconv"

	"cordon/compound"
)

// targetsWithoutKPI returns a problem for each of the scenario's targets
// that parses but names a KPI the scenario does not have, with the nearest
// KPI, in the words run and plan use for a --target on no KPI
// (compound.NoKPI). A target
// that does not parse is Check's to report.
func targetsWithoutKPI(sc *compound.Scenario) []compound.FieldError {
	if len(sc.Targets) == 0 {
		return nil
	}
	names := compound.KPINames(compound.Catalog(sc))
	have := map[string]bool{}
	for _, n := range names {
		have[n] = true
	}
	var out []compound.FieldError
	for i, s := range sc.Targets {
		t, err := compound.ParseTarget(s)
		if err != nil || have[t.KPI] {
			continue
		}
		out = append(out, compound.FieldError{
			Path: "targets[" + strconv.Itoa(i) + "]",
			Msg:  fmt.Sprintf("%q: %v", s, compound.NoKPI(sc.Name, t.KPI, names)),
		})
	}
	return out
}

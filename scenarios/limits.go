package scenarios

import (
	"reflect"

	"cordon/compound"
)

// Limits that keep loading (and the checks after it) fast and small on any
// input, however large or hostile. Real scenarios are far inside them.
const (
	maxFileSize = 10 << 20  // bytes in a scenario file
	maxNodes    = 1_000_000 // values visited, aliases expanded
	maxWhole    = 1_000_000_000
	maxNameLen  = 64      // bytes in a name, an id or a building reference
	maxPathLen  = 256     // bytes in a path a floor names (staff.POOL.shifts[N].count)
	maxTextLen  = 1 << 16 // bytes in a description or a target

	// maxExtraRefs is how many more buildings the zones may name, ranges
	// expanded, than buildings lists; maxUnknownRefs is how many building
	// references may name no building. Beyond them the loader reports one
	// error instead of running the checks on every reference.
	maxExtraRefs   = 100
	maxUnknownRefs = 20
)

// listLimit returns the most entries a list may have: the list of field
// name, of type t.
func listLimit(name string, t reflect.Type) int {
	if t.Elem().Kind() == reflect.Float64 {
		return 100_000 // empirical values and weights, profiles
	}
	switch name {
	case "buildings":
		return 1000
	case "zones":
		return 500
	case "staff":
		return 100
	case "shifts":
		return 48
	case "sites", "tasks":
		return 50
	case "events":
		return compound.MaxTimelineEvents
	}
	return 1000
}

// longText reports whether the string field name holds free text rather
// than a name.
func longText(name string) bool {
	return name == "description" || name == "targets" || name == "note"
}

// textLimit returns the most bytes the string field name may hold: free
// text, a path made of names, or a name.
func textLimit(name string) int {
	switch {
	case longText(name):
		return maxTextLen
	case name == "path":
		return maxPathLen
	}
	return maxNameLen
}

func reflectDist() reflect.Type { return reflect.TypeFor[compound.Dist]() }

func reflectFloats() reflect.Type { return reflect.TypeFor[[]float64]() }

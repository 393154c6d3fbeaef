package reports

import (
	"cordon/compound"
	"cordon/scenarios"
)

// description is sc's description in w's language: a built-in scenario's
// Chinese one (scenarios.ChineseDescription) on a Chinese page, else the
// scenario's own.
func (w *Words) description(sc *compound.Scenario) string {
	if w.Chinese() {
		if zh, ok := scenarios.ChineseDescription(sc); ok {
			return zh
		}
	}
	return sc.Description
}

package main

import (
	"fmt"
	"strings"

	"cordon/scenarios"
)

// fitFragment writes the YAML to paste into a scenario: the steps that
// are scenario fields as nested keys, the others as comments.
func fitFragment(file string, results []stepFit) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# fitted by cordon fit from %s: paste into a scenario (KS: the Kolmogorov–Smirnov statistic)\n", fitName(file))
	var comments []string
	var prev []string // the keys of the line before
	for _, r := range results {
		if r.skipped != "" {
			comments = append(comments, fmt.Sprintf("# %s: not fitted: %s", fitName(r.step), r.skipped))
			continue
		}
		value, err := scenarios.FormatDist(r.chosen())
		if err != nil {
			comments = append(comments, fmt.Sprintf("# %s: %s cannot be written in a scenario: %v", fitName(r.step), r.chosen().Family, err))
			continue
		}
		note := fitNote(r)
		switch p := scenarios.PlaceOf(r.step); p.Reach {
		case scenarios.PlaceMapping:
			segs := strings.Split(r.step, ".")
			common := 0
			for common < len(prev) && common < len(segs)-1 && prev[common] == segs[common] {
				common++
			}
			for i := common; i < len(segs)-1; i++ {
				fmt.Fprintf(&b, "%s%s:\n", strings.Repeat("  ", i), segs[i])
			}
			fmt.Fprintf(&b, "%s%s: %s  # %s\n", strings.Repeat("  ", len(segs)-1), segs[len(segs)-1], value, note)
			prev = segs[:len(segs)-1]
		case scenarios.PlaceEach:
			comments = append(comments, fmt.Sprintf("# %s goes into every %s's %s (%s):\n#   %s: %s  # %s", r.step, p.Entry, p.Field, p.Each, p.Field, value, note))
		case scenarios.PlaceEntry:
			comments = append(comments, fmt.Sprintf("# %s goes into that %s's %s (in its entry, or --set '%s=...'):\n#   %s: %s  # %s", fitName(r.step), p.Entry, p.Field, fitName(r.step), p.Field, value, note))
		default:
			comments = append(comments, fmt.Sprintf("# %s is not a random time of the scenario format; its fit: %s  # %s", fitName(r.step), value, note))
		}
	}
	for _, c := range comments {
		b.WriteString(c + "\n")
	}
	return b.String()
}

// fitNote is the comment after a fitted value: KS and n, and whether it is
// rejected.
func fitNote(r stepFit) string {
	if len(r.fits) == 0 {
		return fmt.Sprintf("all %d samples equal", len(r.x))
	}
	note := fmt.Sprintf("KS %.4f, n %d", r.fits[0].KS, len(r.x))
	if bad, _ := r.rejected(); bad {
		note += "; rejected at the 1% level: no family fits well"
	}
	return note
}

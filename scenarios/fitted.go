package scenarios

import (
	"fmt"
	"strings"

	"cordon/sim/fit"
	"cordon/text"
)

// FragmentWords put a fitted fragment's comments in the reader's language
// (a *lang.Printer): Sprintf translates a format and fills it in, T a
// word, Error a sentence made elsewhere (why a step was not fitted).
type FragmentWords interface {
	Sprintf(format string, args ...any) string
	T(s string) string
	Error(msg string) string
}

// FittedFragment writes the YAML to paste into a scenario from the fits of
// observed durations (cordon fit): the steps that are fields reached
// through mappings as nested keys (PlaceOf), each value with its KS and n
// in a comment; the others — a field of every entry of a list, of one
// entry, a step that is no random time of the format, a step not fitted —
// as comments saying where its value goes or why there is none. The keys
// and values are the format's own; the comments are in wd's language.
func FittedFragment(file string, steps []fit.Step, wd FragmentWords) string {
	var b strings.Builder
	b.WriteString(wd.Sprintf("# fitted by cordon fit from %s: paste into a scenario (KS: the Kolmogorov–Smirnov statistic)\n", text.QuoteUnprintable(file)))
	var comments []string
	var prev []string // the keys of the line before
	for _, s := range steps {
		name := text.QuoteUnprintable(s.Name)
		if s.Skipped != "" {
			comments = append(comments, wd.Sprintf("# %s: not fitted: %s", name, wd.Error(s.Skipped)))
			continue
		}
		value, err := FormatDist(s.Chosen())
		if err != nil {
			comments = append(comments, wd.Sprintf("# %s: %s cannot be written in a scenario: %v", name, wd.T("family:"+s.Chosen().Family), wd.Error(err.Error())))
			continue
		}
		note := fittedNote(s, wd)
		switch p := PlaceOf(s.Name); p.Reach {
		case PlaceMapping:
			segs := strings.Split(s.Name, ".")
			common := 0
			for common < len(prev) && common < len(segs)-1 && prev[common] == segs[common] {
				common++
			}
			for i := common; i < len(segs)-1; i++ {
				fmt.Fprintf(&b, "%s%s:\n", strings.Repeat("  ", i), segs[i])
			}
			fmt.Fprintf(&b, "%s%s: %s  # %s\n", strings.Repeat("  ", len(segs)-1), segs[len(segs)-1], value, note)
			prev = segs[:len(segs)-1]
		case PlaceEach:
			comments = append(comments, wd.Sprintf("# %s goes into every %s's %s (%s):\n#   %s: %s  # %s", s.Name, wd.T("entry:"+p.Entry), p.Field, p.Each, p.Field, value, note))
		case PlaceEntry:
			comments = append(comments, wd.Sprintf("# %s goes into that %s's %s (in its entry, or --set '%s=...'):\n#   %s: %s  # %s", name, wd.T("entry:"+p.Entry), p.Field, name, p.Field, value, note))
		default:
			comments = append(comments, wd.Sprintf("# %s is not a random time of the scenario format; its fit: %s  # %s", name, value, note))
		}
	}
	for _, c := range comments {
		b.WriteString(c + "\n")
	}
	return b.String()
}

// fittedNote is the comment after a fitted value: KS and n, and whether
// it is rejected.
func fittedNote(s fit.Step, wd FragmentWords) string {
	if len(s.Fits) == 0 {
		return wd.Sprintf("all %d samples equal", len(s.Samples))
	}
	note := wd.Sprintf("KS %.4f, n %d", s.Fits[0].KS, len(s.Samples))
	if bad, _ := s.Rejected(); bad {
		note += wd.Sprintf("; rejected at the 1%% level: no family fits well")
	}
	return note
}

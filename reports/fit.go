package reports

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/stat"

	"cordon/logs"
	"cordon/scenarios"
	"cordon/sim/fit"
	"cordon/sim/random"
	"cordon/text"
)

// fitShown is how many families the fits report lists for a step unless
// all are asked for.
const fitShown = 3

// WriteFits writes the fits of observed durations (cordon fit): for each
// step its samples' n, mean and sd, its families ranked by KS (the best
// three, or all) and the one chosen, with a warning when even that one is
// rejected; then the steps skipped, and why. It is written in wd's
// language; the steps' names, which --step takes, as they are.
func (wd *Words) WriteFits(w io.Writer, file string, read logs.Read[logs.Duration], steps []fit.Step, all bool) error {
	inFile := map[string]bool{}
	for _, d := range read.Rows {
		inFile[d.Step] = true
	}
	fmt.Fprint(w, wd.Sprintf("fits of %s: %d durations of %s; families ranked by the Kolmogorov–Smirnov statistic KS\n",
		text.QuoteUnprintable(file), len(read.Rows), look{Printer: wd.Printer}.count(len(inFile), "step", "steps")))
	if read.Synthetic {
		fmt.Fprintln(w, wd.T("the file says it is synthetic: made by cordon, not observed"))
	}
	var skipped []fit.Step
	for _, s := range steps {
		if s.Skipped != "" {
			skipped = append(skipped, s)
			continue
		}
		if err := wd.writeStepFits(w, s, all); err != nil {
			return err
		}
	}
	if len(skipped) > 0 {
		fmt.Fprintln(w, "\n"+wd.T("skipped"))
		for _, s := range skipped {
			why := wd.Error(s.Skipped)
			if s.Why != nil {
				why = wd.fitProblem(s.Why)
			}
			fmt.Fprint(w, wd.Sprintf("  %s: %s\n", text.QuoteUnprintable(s.Name), why))
		}
	}
	return nil
}

// writeStepFits writes one fitted step: its samples, its families ranked
// and the one chosen.
func (wd *Words) writeStepFits(w io.Writer, s fit.Step, all bool) error {
	mean, sd := stat.MeanStdDev(s.Samples, nil) // sd with divisor n − 1
	fmt.Fprint(w, wd.Sprintf("\n%s: n %d, mean %s, sd %s\n", text.QuoteUnprintable(s.Name), len(s.Samples), wd.fitTime(mean), wd.fitTime(sd)))
	if len(s.Fits) == 0 {
		fmt.Fprint(w, wd.Sprintf("  every sample is %s: no spread to fit; chosen: the constant %s\n", wd.fitTime(s.Samples[0]), wd.fitTime(s.Samples[0])))
		return nil
	}
	tw := &aligned{indent: "  "}
	tw.add(wd.T("rank"), wd.T("family"), wd.T("parameters"), "KS", wd.T("p-value"), wd.T("log-likelihood"))
	for i, f := range s.Fits {
		if i == fitShown && !all {
			break
		}
		tw.add(fmt.Sprint(i+1), wd.family(f.Spec.Family), wd.fitParams(f.Spec), fmt.Sprintf("%.4f", f.KS), fitP(f.PValue), fmt.Sprintf("%.1f", f.LogLikelihood))
	}
	if err := tw.write(w); err != nil {
		return err
	}
	if more := len(s.Fits) - fitShown; more > 0 && !all {
		fmt.Fprint(w, wd.Sprintf("  (%d more: --all lists every family)\n", more))
	}
	if left := s.LeftOut(); left != "" {
		fmt.Fprintf(w, "  %s\n", wd.Error(left))
	}
	best := s.Fits[0]
	fmt.Fprint(w, wd.Sprintf("  chosen: %s, the smallest KS (%.4f)\n", wd.family(best.Spec.Family), best.KS))
	if bad, limit := s.Rejected(); bad {
		fmt.Fprint(w, wd.Sprintf("  warning: even %s is rejected at the 1%% level: KS %.4f > 1.63/√%d = %.4f; no family fits these times well\n",
			wd.family(best.Spec.Family), best.KS, len(s.Samples), limit))
	}
	return nil
}

// family is a distribution's family in wd's language: lognormal, in
// Chinese 对数正态.
func (wd *Words) family(name string) string { return wd.word("family:", name) }

// FitWarnings are the warnings, one a line, for the steps whose best fit
// is rejected at the 1% level: what cordon fit --yaml says on stderr
// instead of the report, in wd's language.
func (wd *Words) FitWarnings(steps []fit.Step) []string {
	var out []string
	for _, s := range steps {
		if bad, limit := s.Rejected(); bad {
			out = append(out, wd.Sprintf("warning: %s: even the best fit, %s, is rejected at the 1%% level (KS %.4f > %.4f)",
				text.QuoteUnprintable(s.Name), wd.family(s.Fits[0].Spec.Family), s.Fits[0].KS, limit))
		}
	}
	return out
}

// fitParams writes a Spec's parameters in cordon's words: mean 40s, sd
// 15s; in Chinese 均值40s，标准差15s.
func (wd *Words) fitParams(s random.Spec) string {
	fam, ok := random.FamilyOf(s.Family)
	if !ok {
		return s.Family
	}
	var parts []string
	for _, p := range fam.Params {
		// A number is written tight against Chinese: 均值39.9秒.
		name := wd.word("param:", p.Name) + " "
		if wd.Chinese() && wd.Has("param:"+p.Name) {
			name = strings.TrimSuffix(name, " ")
		}
		switch {
		case p.List:
			continue // the fitted families have none
		case p.Plain:
			parts = append(parts, name+strconv.FormatFloat(*p.Number(&s), 'g', 3, 64))
		default:
			parts = append(parts, name+wd.fitTime(*p.Number(&s)))
		}
	}
	if wd.Chinese() {
		return strings.Join(parts, "，")
	}
	return strings.Join(parts, ", ")
}

// fitTime writes seconds as a scenario does: a Go duration to 3
// significant digits.
func fitTime(seconds float64) string {
	if text, err := scenarios.FormatDist(random.Constant(seconds)); err == nil {
		return text
	}
	return strconv.FormatFloat(seconds, 'g', 3, 64) + "s"
}

// fitTime writes seconds in wd's language: in English as a scenario
// does (fitTime), in Chinese to the same digits in Chinese units:
// 1m29.9s is 1分29.9秒.
func (wd *Words) fitTime(seconds float64) string {
	s := fitTime(seconds)
	if !wd.Chinese() {
		return s
	}
	units := map[string]string{"ns": "纳秒", "µs": "微秒", "ms": "毫秒", "h": "小时", "m": "分", "s": "秒"}
	return regexp.MustCompile(`([0-9.]+)(ns|µs|ms|h|m|s)`).ReplaceAllStringFunc(s, func(part string) string {
		num := strings.TrimRightFunc(part, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
		return num + units[part[len(num):]]
	})
}

// fitP writes a p-value.
func fitP(p float64) string {
	if p < 0.0001 {
		return "<0.0001"
	}
	return strconv.FormatFloat(p, 'f', 4, 64)
}

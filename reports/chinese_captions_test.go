package reports

import (
	"os"
	"testing"

	"golang.org/x/text/language"

	"cordon/lang"
)

// Every Chinese figure's caption (a run of two days, its gains, a plan's
// frontiers and tornadoes, a comparison, a sweep, a replay) is written in
// Chinese: an English word there, but for the codes a planner types,
// fails. Skipped without a CJK font, as the figures are then in English.
func TestChineseCaptionsHaveNoEnglish(t *testing.T) {
	cjk, err := CJKFont(CJKFonts(os.Getenv))
	if err != nil {
		t.Skipf("no CJK font: %v", err)
	}
	w := NewWords(lang.New(language.SimplifiedChinese), cjk)
	m, sens, pl, review := chineseData(t)
	figures := map[string]func() ([]Plot, error){
		"run":         func() ([]Plot, error) { return w.RunPlots(dataTwoDays(t)) },
		"gains":       func() ([]Plot, error) { return w.MarginalPlots(m) },
		"plan":        func() ([]Plot, error) { return w.FrontierPlots(pl) },
		"sensitivity": func() ([]Plot, error) { return w.TornadoPlots(sens) },
		"replay":      func() ([]Plot, error) { return w.ReviewPlots(review) },
		"compare": func() ([]Plot, error) {
			p, err := w.DifferencesPlot(baselineAgainstDayOne(t, 2))
			return []Plot{p}, err
		},
		"sweep": func() ([]Plot, error) {
			return w.SweepPlots(wordSweep(t), []string{"takeout.door_time.p95"})
		},
	}
	for name, draw := range figures {
		t.Run(name, func(t *testing.T) {
			plots, err := draw()
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range plots {
				checkChinese(t, name+"/"+p.Name+"'s caption", p.Caption, append(keptWords, "reorganised-earlier", "Kolmogorov", "Smirnov", "KS")...)
			}
		})
	}
}

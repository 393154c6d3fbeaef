package reports

import (
	"context"
	"html"
	"os"
	"regexp"
	"testing"

	"golang.org/x/text/language"

	"cordon/compound"
	"cordon/experiment"
	"cordon/lang"
	"cordon/scenarios"
)

// svgText is the text an SVG figure draws.
var svgText = regexp.MustCompile(`(?s)<text[^>]*>(.*?)</text>`)

// inParens is what a Chinese figure may keep in English: a code or a
// value as typed, in parentheses (takeout.door_time.p95), 等待（wait）.
var inParens = regexp.MustCompile(`（[^）]*）|\([^)]*\)`)

// Every Chinese figure of every command (a run of two days, its gains, a
// plan's frontiers and tornadoes, a comparison, a sweep over words, a replay) draws
// its titles, axes, ticks and legends in Chinese: an English word there
// fails. Skipped without a CJK font (Debian: fonts-noto-cjk).
func TestChineseFiguresHaveNoEnglish(t *testing.T) {
	eachChineseFigure(t, func(t *testing.T, name string, p Plot) {
		if p.P == nil {
			return
		}
		wd, h := p.Size()
		svg, err := Render(p.P, "svg", wd, h)
		if err != nil {
			t.Fatal(err)
		}
		var drawn string
		for _, m := range svgText.FindAllStringSubmatch(string(svg), -1) {
			drawn += inParens.ReplaceAllString(html.UnescapeString(m[1]), " ") + "\n"
		}
		checkChinese(t, name+"/"+p.Name, drawn, append(keptWords, "reorganised-earlier")...)
	})
}

// eachChineseFigure draws the Chinese figures of every command
// (chineseFigures), one subtest a command, and checks each figure.
func eachChineseFigure(t *testing.T, check func(t *testing.T, command string, p Plot)) {
	t.Helper()
	for name, draw := range chineseFigures(t) {
		t.Run(name, func(t *testing.T) {
			plots, err := draw()
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range plots {
				check(t, name, p)
			}
		})
	}
}

// wordSweep is day-one over gate.when_full, whose values are words.
func wordSweep(t *testing.T) *experiment.Sweep {
	t.Helper()
	axes := []experiment.Axis{{Path: "gate.when_full", Values: []string{"wait", "turn-away"}}}
	build := func(values []string) (*compound.Scenario, error) {
		return scenarios.Resolve("day-one", scenarios.Override{Path: axes[0].Path, Value: values[0]})
	}
	s, err := experiment.RunSweep(context.Background(), axes, build, experiment.Options{Replications: 2})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Every unit a built-in scenario's KPIs are in has a Chinese word for a
// figure's axis: "cost" is 成本, "items/h" 件/小时.
func TestChineseAxisUnits(t *testing.T) {
	l := chinese().figures
	l.Printer = lang.New(language.SimplifiedChinese)
	for _, b := range scenarios.Builtins() {
		sc, err := scenarios.Resolve(b.Name)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range compound.Catalog(sc) {
			if k.Unit == "share" || k.Unit == "" {
				continue // in percentage points, said by the axis itself
			}
			if u := l.unitWord(k.Unit); !hasHanText(u) {
				t.Errorf("%s: unit %q on an axis is %q", k.Name, k.Unit, u)
			}
		}
	}
}

// hasHanText says whether s has a Chinese character.
func hasHanText(s string) bool { return regexp.MustCompile(`\p{Han}`).MatchString(s) }

// chineseFigures are the figures of every command drawn in Chinese, by
// command: a run of two days, its gains, a plan's frontiers, a sensitivity
// analysis' tornadoes, a comparison, a sweep over words and a review's. It
// skips the test without a CJK font.
func chineseFigures(t *testing.T) map[string]func() ([]Plot, error) {
	t.Helper()
	cjk, err := CJKFont(CJKFonts(os.Getenv))
	if err != nil {
		t.Skipf("no CJK font: %v", err)
	}
	return commandFigures(t, NewWords(lang.New(language.SimplifiedChinese), cjk))
}

// commandFigures draws w's figures of every command: a run of two days,
// its gains, a plan's frontiers, tornadoes, a comparison, a sweep over
// words, a replay.
func commandFigures(t *testing.T, w *Words) map[string]func() ([]Plot, error) {
	t.Helper()
	m, sens, pl, review := chineseData(t)
	return map[string]func() ([]Plot, error){
		"run":         func() ([]Plot, error) { return w.RunPlots(dataTwoDays(t)) },
		"gains":       func() ([]Plot, error) { return w.MarginalPlots(m) },
		"plan":        func() ([]Plot, error) { return w.FrontierPlots(pl) },
		"sensitivity": func() ([]Plot, error) { return w.TornadoPlots(sens) },
		"compare": func() ([]Plot, error) {
			p, err := w.DifferencesPlot(baselineAgainstDayOne(t, 2))
			return []Plot{p}, err
		},
		"sweep": func() ([]Plot, error) {
			return w.SweepPlots(wordSweep(t), []string{"takeout.door_time.p95"})
		},
		"replay": func() ([]Plot, error) { return w.ReviewPlots(review) },
	}
}

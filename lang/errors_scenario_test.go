package lang_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"cordon/compound"
	"cordon/lang"
	"cordon/scenarios"
)

// englishSentence is English left in a Chinese error: two English words
// in a row, outside what the message quotes or gives as an example
// ("sampling lab", {dist: lognormal, mean: 40s}).
var englishSentence = regexp.MustCompile(`[A-Za-z]{2,} [A-Za-z]{2,}`)

// quotedOrExample is what a message quotes or gives as an example, the
// flags it names with their values (--set gate.open=7pm) and the commands
// it names (cordon run).
var quotedOrExample = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'[^']*'|\{[^}]*\}|--[a-z-]+ [^\s:]+|\bcordon [a-z]+`)

// checkSaidInChinese fails the test when the Chinese of an error has an
// English sentence left in it, or a Chinese phrase glued into one.
func checkSaidInChinese(t *testing.T, zh *lang.Printer, msg string) {
	t.Helper()
	said := zh.Error(msg)
	for _, line := range strings.Split(said, "\n") {
		if m := englishSentence.FindString(quotedOrExample.ReplaceAllString(line, "")); m != "" {
			t.Errorf("%s\n  is said %s\n  with English left: %q", msg, line, m)
		}
	}
}

// TestScenarioProblemsInChinese: every problem the loader finds in a
// malformed scenario file (each of scenarios/testdata/malformed) is said
// in Chinese, but for the fields, names and values the file holds.
func TestScenarioProblemsInChinese(t *testing.T) {
	files, err := filepath.Glob("../scenarios/testdata/malformed/*.yaml")
	if err != nil || len(files) < 35 {
		t.Fatalf("%d malformed scenarios: %v", len(files), err)
	}
	zh := lang.New(language.SimplifiedChinese)
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		_, err = scenarios.Load(filepath.Base(path), data)
		if err == nil {
			t.Fatalf("%s loaded", path)
		}
		checkSaidInChinese(t, zh, err.Error())
	}
}

// TestValueProblemsInChinese: a bad value given on the command line (a
// --set, a --target, --lang, a flag's value) is said in Chinese.
func TestValueProblemsInChinese(t *testing.T) {
	zh := lang.New(language.SimplifiedChinese)
	var msgs []string
	for _, set := range []string{"transfer.fill=10x", "transfer.fill=-5m", "gate.open=7pm", "gate.open=25:00",
		"gate.ground=1.5", "gate.intake=20", "clock.days=0", "sampling.calling.interval=0s"} {
		path, value, _ := strings.Cut(set, "=")
		if _, err := scenarios.Resolve("baseline", scenarios.Override{Path: path, Value: value}); err != nil {
			msgs = append(msgs, err.Error())
		} else {
			t.Errorf("--set %s: no problem", set)
		}
	}
	if _, err := scenarios.ParseOverride("gate.ground"); err != nil {
		msgs = append(msgs, err.Error())
	}
	for _, target := range []string{"takeout.door_time.p95 <= 4q", "takeout.door_time.p95 = 45m",
		"express.delivered >= 9x%", "sampling.makespan <= .inf", "<= 45m", "door time <= 45m"} {
		if _, err := compound.ParseTarget(target); err != nil {
			msgs = append(msgs, "--target: "+err.Error())
		}
	}
	if _, err := lang.Parse("fr"); err != nil {
		msgs = append(msgs, "--lang: "+err.Error())
	}
	msgs = append(msgs, // pflag's words, as cobra gives them,
		// and cmd/cordon's for a value that does not parse (flagError)
		`--reps "abc": expected a whole number such as 5`,
		`--seed "-1": expected a whole number, 0 or more`,
		`--seed "99999999999999999999999": out of range`,
		`--change "abc": expected a number such as 2.5`,
		`--check "maybe": expected true or false`,
		`unknown shorthand flag: 'j' in -j`,
		"flag needs an argument: --reps",
		`flag needs an argument: 'j' in -j`,
		"bad flag syntax: ---reps")
	if len(msgs) < 15 {
		t.Fatalf("%d problems: %q", len(msgs), msgs)
	}
	for _, msg := range msgs {
		checkSaidInChinese(t, zh, msg)
	}
}

package lang

import (
	"regexp"
	"strings"
	"testing"
)

// cjk is a Chinese character or full-width punctuation.
const cjk = `[\p{Han}\x{3000}-\x{303f}\x{ff00}-\x{ffef}]`

// number is a number as the Chinese texts write it: digits, a decimal, a
// percentage (%% in a format), or a format's number verb.
const number = `(?:\d+(?:\.\d+)?(?:%%|%)?|%(?:\[\d+\])?[-+#0-9.]*[dfg])`

var (
	// cjkSpaceNumber is a space between Chinese and a number; the last
	// group holds what follows the number, which makes it a value to type
	// (45m, 07:30, 2021-11-25) when it is not empty.
	cjkSpaceNumber = regexp.MustCompile(cjk + ` ` + number + `([A-Za-z0-9:./\-_\]\[*]?)`)
	// numberSpaceCJK is a number between Chinese (or at a line's start)
	// and a space before Chinese.
	numberSpaceCJK = regexp.MustCompile(`(?m)(?:^|` + cjk + "|[\"`\t])" + number + ` ` + cjk)
)

// spacedNumbers returns the places in zh where a number is set apart from
// the Chinese around it by a space.
func spacedNumbers(zh string) []string {
	var out []string
	for _, m := range cjkSpaceNumber.FindAllStringSubmatch(zh, -1) {
		if m[1] == "" {
			out = append(out, m[0])
		}
	}
	return append(out, numberSpaceCJK.FindAllString(zh, -1)...)
}

// Chinese writes a number tight against the characters around it: 第2天,
// 3个问题, 95%置信区间, the rule most of the texts followed; the KPIs of a
// day said 第 2 天 and the help and the pages set numbers apart. A value a
// user types (45m, 07:30, --reps 2) is code, spaced like a Latin word.
func TestNumbersTightInChinese(t *testing.T) {
	check := func(what, zh string) {
		if found := spacedNumbers(zh); len(found) > 0 {
			t.Errorf("%s: a number set apart by a space (%q): %s", what, found, strings.ReplaceAll(zh, "\n", " "))
		}
	}
	for _, e := range catalogue() {
		check(e.key, e.zh)
	}
	for _, s := range errorSentences() {
		check(s.re.String(), s.zh)
	}
	for _, ph := range errorPhrases() {
		check(ph[0], ph[1])
	}
	for _, bad := range []string{"第 2 天", "共 3 个", "95% 置信区间"} {
		if len(spacedNumbers(bad)) == 0 {
			t.Errorf("%q is not found", bad)
		}
	}
	for _, good := range []string{"第2天", "例如 45m、30m 或 1h30m", "请用 --reps 2 或更多", "从 00:00 起的24个数"} {
		if found := spacedNumbers(good); len(found) > 0 {
			t.Errorf("%q: found %q", good, found)
		}
	}
}

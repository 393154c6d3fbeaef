package scenarios

import (
	"regexp"
	"strings"
	"testing"
)

// The built-in scenarios that follow the report's days date them as the
// report does (docs/sources.md): the second round at noon on 26 November,
// the reorganised gate on 27 November, the run ending at 07:00 on the 28th.
// The round is on day 1 of each, so no day of a run is 25 November (the
// day of the press conference and of the first round).
func TestBuiltinDatesFollowTheReport(t *testing.T) {
	date := regexp.MustCompile(`\b(\d+) November`)
	for _, b := range Builtins() {
		data, _ := Builtin(b.Name)
		for i, line := range strings.Split(string(data), "\n") {
			for _, m := range date.FindAllStringSubmatch(line, -1) {
				if m[1] != "26" && m[1] != "27" && m[1] != "28" {
					t.Errorf("%s.yaml:%d: %q: the report's days are 26 and 27 November", b.Name, i+1, strings.TrimSpace(line))
				}
			}
		}
	}
	data, _ := Builtin("two-days")
	for _, want := range []string{"Day 1 (26 November 2021)", "(27 November)", "07:00 on 26 November to 07:00 on 28 November"} {
		if !strings.Contains(strings.Join(strings.Fields(string(data)), " "), want) {
			t.Errorf("two-days.yaml does not say %q", want)
		}
	}
}

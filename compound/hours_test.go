package compound

import (
	"strings"
	"testing"
)

// TestMaxHoursRefusesLongShifts: a pool's max_hours refuses a shift longer
// than it (midnight passed or not) and a count on duty all day, naming the
// field; shifts within it, and no limit, pass.
func TestMaxHoursRefusesLongShifts(t *testing.T) {
	c := func(s string) Clock {
		v, err := ParseClock(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct {
		name   string
		max    float64
		shifts []Shift
		count  int
		want   string // "" for none
	}{
		{"two turns within", 9, []Shift{{c("07:00"), c("15:00"), 3}, {c("15:00"), c("24:00"), 3}}, 0, ""},
		{"one long day", 9, []Shift{{c("07:00"), c("24:00"), 3}}, 0, "staff[0].shifts[0]: 07:00-24:00 is 17h for each person on it, above the pool's max_hours (9h): split it into turns"},
		{"a night past midnight", 8.5, []Shift{{c("07:00"), c("15:00"), 3}, {c("19:00"), c("07:00"), 1}}, 0, "staff[0].shifts[1]: 19:00-07:00 is 12h for each person on it, above the pool's max_hours (8.5h)"},
		{"an empty long shift", 9, []Shift{{c("07:00"), c("15:00"), 3}, {c("15:00"), c("07:00"), 0}}, 0, ""},
		{"all day", 12, nil, 3, "staff[0].count: the count is on duty all day, 24 hours for each person, above max_hours (12h)"},
		{"no limit", 0, []Shift{{c("07:00"), c("24:00"), 3}}, 0, ""},
		{"above a day", 25, nil, 3, "staff[0].max_hours: must be from 0 to 24 hours a day"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := small()
			sc.Staff[0].Shifts, sc.Staff[0].Count, sc.Staff[0].Breaks, sc.Staff[0].MaxHours = tc.shifts, tc.count, nil, tc.max
			var got []string
			for _, err := range sc.Check() {
				if strings.HasPrefix(err.Error(), "staff[0].") {
					got = append(got, err.Error())
				}
			}
			wantOneError(t, got, tc.want)
		})
	}
}

// wantOneError checks a scenario's check errors got: none when want is
// "", else one that starts with want.
func wantOneError(t *testing.T, got []string, want string) {
	t.Helper()
	switch {
	case want == "" && len(got) > 0:
		t.Errorf("refused: %v", got)
	case want != "" && (len(got) != 1 || !strings.HasPrefix(got[0], want)):
		t.Errorf("got %q, want one error starting %q", got, want)
	}
}

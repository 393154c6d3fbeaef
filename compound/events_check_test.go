package compound

import (
	"strings"
	"testing"
)

// TestEventsCheck: each wrong event is reported at the field it comes from,
// with what is wrong; right ones are not.
func TestEventsCheck(t *testing.T) {
	c := func(s string) Clock {
		v, err := ParseClock(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	cases := []struct {
		name string
		evs  []Event
		path string // "" for no error
		msg  string
	}{
		{"equipment", []Event{{Day: 1, At: c("19:00"), Add: &Equipment{Shelves: 8, Containers: 2}}}, "", ""},
		{"day past the run", []Event{{Day: 3, At: c("10:00"), Add: &Equipment{Shelves: 1}}}, "events[0].day", "from 1 to 2"},
		{"day 0", []Event{{Day: 0, At: c("10:00"), Add: &Equipment{Shelves: 1}}}, "events[0].day", "must be a day of the run"},
		{"before the start", []Event{{Day: 1, At: c("06:00"), Add: &Equipment{Shelves: 1}}}, "events[0].at", "before the run starts"},
		{"after the end", []Event{{Day: 2, At: c("07:00"), Add: &Equipment{Shelves: 1}}}, "events[0].at", "past the end of the run (07:00 on day 2)"},
		{"the small hours", []Event{{Day: 2, At: c("06:59"), Add: &Equipment{Shelves: 1}}}, "", ""},
		{"past 24:00", []Event{{Day: 1, At: c("25:00"), Add: &Equipment{Shelves: 1}}}, "events[0].at", "from 00:00 to 24:00"},
		{"nothing", []Event{{Day: 1, At: c("10:00")}}, "events[0]", "says nothing happens"},
		{"two things", []Event{{Day: 1, At: c("10:00"), Add: &Equipment{Shelves: 1}, Seal: &Seal{Building: "1"}}}, "events[0].seal", "already gives add"},
		{"adds nothing", []Event{{Day: 1, At: c("10:00"), Add: &Equipment{}}}, "events[0].add", "changes nothing"},
		{"negative", []Event{{Day: 1, At: c("10:00"), Add: &Equipment{Shelves: -1}}}, "events[0].add.shelves", "must not be negative"},
		{"removes more than there is", []Event{{Day: 1, At: c("10:00"), Remove: &Equipment{Shelves: 2}}}, "events[0].remove.shelves", "takes away 2 shelves on day 1 at 10:00, when there are 1"},
		{"added first", []Event{{Day: 1, At: c("12:00"), Remove: &Equipment{Shelves: 2}}, {Day: 1, At: c("10:00"), Add: &Equipment{Shelves: 1}}}, "", ""},
		{"no staging left", []Event{{Day: 1, At: c("10:00"), Remove: &Equipment{Ground: 20, Shelves: 1}}}, "events[0].remove", "holding nothing"},
		{"no cart left", []Event{{Day: 1, At: c("10:00"), Remove: &Equipment{Carts: 2}}}, "events[0].remove.carts", "leaves no cart"},
		{"too many places", []Event{{Day: 1, At: c("10:00"), Add: &Equipment{Containers: MaxPlaces/150 + 1}}}, "events[0].add", "at most 1000000"},
		{"staff", []Event{{Day: 1, At: c("10:00"), Staff: &StaffChange{Pool: "gate", Change: -1, For: 3600}}}, "", ""},
		{"unknown pool", []Event{{Day: 1, At: c("10:00"), Staff: &StaffChange{Pool: "gates", Change: -1}}}, "events[0].staff.pool", `pool "gates" is not in staff, did you mean gate?`},
		{"zone of a pool", []Event{{Day: 1, At: c("10:00"), Staff: &StaffChange{Pool: "gate", Zone: "north", Change: -1}}}, "events[0].staff.zone", "not a zone pool"},
		{"unknown zone", []Event{{Day: 1, At: c("10:00"), Staff: &StaffChange{Pool: "volunteers", Zone: "nort", AllOff: true}}}, "events[0].staff.zone", "did you mean north?"},
		{"no change", []Event{{Day: 1, At: c("10:00"), Staff: &StaffChange{Pool: "gate"}}}, "events[0].staff", "changes nothing"},
		{"change and all off", []Event{{Day: 1, At: c("10:00"), Staff: &StaffChange{Pool: "gate", Change: 1, AllOff: true}}}, "events[0].staff.change", "not both"},
		{"reinforcements past the limit", []Event{{Day: 1, At: c("10:00"), Staff: &StaffChange{Pool: "gate", Change: MaxStaff}}}, "events", "more than 100000"},
		{"closure", []Event{{Day: 1, At: c("11:30"), CloseGate: &GateClosure{For: 7200, Couriers: "wait"}}}, "", ""},
		{"closure of no length", []Event{{Day: 1, At: c("11:30"), CloseGate: &GateClosure{Couriers: "wait"}}}, "events[0].close_gate.for", "longer than 0s"},
		{"courier action", []Event{{Day: 1, At: c("11:30"), CloseGate: &GateClosure{For: 60, Couriers: "leave"}}}, "events[0].close_gate.couriers", "wait or turn-away"},
		{"unknown kind", []Event{{Day: 1, At: c("11:30"), CloseGate: &GateClosure{For: 60, Couriers: "wait", Except: []string{"takout"}}}}, "events[0].close_gate.except[0]", "did you mean takeout?"},
		{"closures overlap", []Event{{Day: 1, At: c("11:00"), CloseGate: &GateClosure{For: 7200, Couriers: "wait"}},
			{Day: 1, At: c("12:00"), CloseGate: &GateClosure{For: 7200, Couriers: "wait"}}}, "events[1].close_gate", "overlaps the one of events[0] (day 1 at 11:00)"},
		{"closures one after the other", []Event{{Day: 1, At: c("11:00"), CloseGate: &GateClosure{For: 3600, Couriers: "wait"}},
			{Day: 1, At: c("12:00"), CloseGate: &GateClosure{For: 3600, Couriers: "turn-away"}}}, "", ""},
		{"seal", []Event{{Day: 1, At: c("10:00"), Seal: &Seal{Building: "5", Crew: "suited"}}}, "", ""},
		{"unknown building", []Event{{Day: 1, At: c("10:00"), Seal: &Seal{Building: "50"}}}, "events[0].seal.building", `building "50" is not in buildings`},
		{"unsuited crew", []Event{{Day: 1, At: c("10:00"), Seal: &Seal{Building: "5", Crew: "mobile"}}}, "events[0].seal.crew", "wears no protective suits"},
		{"zone crew", []Event{{Day: 1, At: c("10:00"), Seal: &Seal{Building: "5", Crew: "volunteers"}}}, "events[0].seal.crew", "is a zone pool"},
		{"seals overlap", []Event{{Day: 1, At: c("10:00"), Seal: &Seal{Building: "5", For: 7200}},
			{Day: 1, At: c("11:00"), Seal: &Seal{Building: "5"}}}, "events[1].seal", "this seal of building 5 overlaps"},
		{"seals of two buildings", []Event{{Day: 1, At: c("10:00"), Seal: &Seal{Building: "5"}}, {Day: 1, At: c("10:00"), Seal: &Seal{Building: "6"}}}, "", ""},
		{"surge", []Event{{Day: 1, At: c("17:00"), Surge: &Surge{Kind: "takeout", Times: 2, For: 3600}}}, "", ""},
		{"surge of nothing", []Event{{Day: 1, At: c("17:00"), Surge: &Surge{Kind: "takeout", Times: 1}}}, "events[0].surge", "changes nothing"},
		{"surge with no length", []Event{{Day: 1, At: c("17:00"), Surge: &Surge{Kind: "takeout", Times: 2}}}, "events[0].surge.for", "say how long"},
		{"surge below 1", []Event{{Day: 1, At: c("17:00"), Surge: &Surge{Kind: "takeout", Times: 0.5, For: 60}}}, "events[0].surge.times", "from 1 to 100"},
		{"surge of an unknown kind", []Event{{Day: 1, At: c("17:00"), Surge: &Surge{Kind: "parcels", Times: 1, Extra: 5}}}, "events[0].surge.kind", `kind "parcels" is not in deliveries`},
		{"too many extra", []Event{{Day: 1, At: c("17:00"), Surge: &Surge{Kind: "takeout", Times: 1, Extra: MaxSurgeExtra + 1}}}, "events[0].surge.extra", "at most 100000"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sc := small()
			sc.Events = tc.evs
			errs := sc.Check()
			if tc.path == "" {
				if len(errs) > 0 {
					t.Fatalf("errors: %v", errs)
				}
				return
			}
			for _, e := range errs {
				if e.Path == tc.path && strings.Contains(e.Msg, tc.msg) {
					return
				}
			}
			t.Errorf("want %s: ...%s...; got %v", tc.path, tc.msg, errs)
		})
	}
}

// TestEventsCheckLimit: a scenario lists at most MaxTimelineEvents events.
func TestEventsCheckLimit(t *testing.T) {
	sc := small()
	for range MaxTimelineEvents + 1 {
		sc.Events = append(sc.Events, Event{Day: 1, At: sc.Horizon.Start, Add: &Equipment{Ground: 1}})
	}
	errs := sc.Check()
	if len(errs) != 1 || errs[0].Path != "events" || !strings.Contains(errs[0].Msg, "at most 200") {
		t.Errorf("errors %v, want one at events: at most 200", errs)
	}
	sc.Events = sc.Events[:MaxTimelineEvents]
	if errs := sc.Check(); len(errs) > 0 {
		t.Errorf("%d events: %v", MaxTimelineEvents, errs)
	}
}

// TestSealNeedsHomeVisitTime: a sealed building's residents are swabbed at
// home, so a round must say how long a visit takes.
func TestSealNeedsHomeVisitTime(t *testing.T) {
	sc := small()
	sc.Sampling.DoorToDoor = DoorToDoor{}
	sc.Events = []Event{{Day: 1, At: sc.Horizon.Start, Seal: &Seal{Building: "1"}}}
	errs := sc.Check()
	if len(errs) != 1 || errs[0].Path != "events[0].seal" || !strings.Contains(errs[0].Msg, "sampling.door_to_door.visit") {
		t.Errorf("errors %v", errs)
	}
}

// TestReinforcementsBounded: staff events may put no group of a pool above
// MaxStaff, nor the compound above MaxStaffOnDuty, on duty at once.
func TestReinforcementsBounded(t *testing.T) {
	sc := small()
	zones := widen(sc, 10)
	for _, z := range zones {
		z.Volunteers = MaxStaff
	}
	zones[9].Volunteers = MaxStaffOnDuty - 9*MaxStaff - 11 // the compound at its limit
	if errs := sc.Check(); len(errs) > 0 {
		t.Fatalf("at the limit: %v", errs)
	}
	sc.Events = []Event{{Day: 1, At: sc.Horizon.Start, Staff: &StaffChange{Pool: "volunteers", Zone: "north", Change: 1, For: 60}}}
	if errs := sc.Check(); len(errs) != 1 || errs[0].Path != "events" || !strings.Contains(errs[0].Msg, "up to 1000001 staff on duty") {
		t.Errorf("one more: %v", errs)
	}
	sc.Events[0].Staff.Zone = "w0" // a group already at MaxStaff
	if errs := sc.Check(); len(errs) != 1 || !strings.Contains(errs[0].Msg, "add 1 of volunteers/w0 on top of the 100000") {
		t.Errorf("one more in a group at its limit: %v", errs)
	}
}

// TestStartOutOfTheDaySaidOnce: a clock.start that is no time of day is
// said at clock.start alone, not again at every event, delivery and round
// that would then start "before the run".
func TestStartOutOfTheDaySaidOnce(t *testing.T) {
	sc := small()
	start, err := ParseClock("25:00")
	if err != nil {
		t.Fatal(err)
	}
	sc.Horizon.Start = start
	sc.Events = []Event{{Day: 1, At: 10 * 3600, Add: &Equipment{Shelves: 1}}}
	errs := sc.Check()
	if len(errs) != 1 || errs[0].Path != "clock.start" {
		t.Errorf("got %v, want one problem, at clock.start", errs)
	}
}

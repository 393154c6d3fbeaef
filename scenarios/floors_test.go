package scenarios

import "testing"

// TestFloorsRefused: a floor naming no capacity or no pool, a floor of 0
// on duty, hours given two ways and a capacity given two floors are each
// refused with one error at the field, saying what to write instead.
func TestFloorsRefused(t *testing.T) {
	floors := func(s string) string { return "delivery: {items_per_run: 5, door: 1m}\nfloors:\n" + s }
	old := "delivery: {items_per_run: 5, door: 1m}"
	checkRefusals(t, []refusal{
		{"unknown capacity", old, floors("  knobs: [{path: gate.shelfs, min: 1}]"),
			"mini.yaml:25:18: floors.knobs[0].path: ", []string{`"gate.shelfs"`, `did you mean gate.shelves?`, "staff.gate-crew.count"}},
		{"not a capacity", old, floors("  knobs: [{path: gate.ground, min: 1}]"),
			"mini.yaml:25:18: floors.knobs[0].path: ", []string{"not a capacity a plan can change"}},
		{"twice", old, floors("  knobs: [{path: transfer.carts, min: 1}, {path: transfer.carts, min: 2}]"),
			"mini.yaml:25:50: floors.knobs[1].path: ", []string{"floors.knobs[0]"}},
		{"unknown pool", old, floors("  on_duty: [{pool: gate-crw, min: 1}]"),
			"mini.yaml:25:20: floors.on_duty[0].pool: ", []string{`did you mean gate-crew?`}},
		{"nobody", old, floors("  on_duty: [{pool: gate-crew, min: 0}]"),
			"mini.yaml:25:36: floors.on_duty[0].min: ", []string{"at least 1"}},
		{"two ways", old, floors(`  on_duty: [{pool: gate-crew, min: 1, during: gate-open, from: "08:00"}]`),
			"mini.yaml:25:47: floors.on_duty[0].during: ", []string{"either during or from and to"}},
		{"unknown period", old, floors("  on_duty: [{pool: gate-crew, min: 1, during: lunch}]"),
			"mini.yaml:25:47: floors.on_duty[0].during: ", []string{"gate-open", `"lunch"`}},
		{"empty hours", old, floors(`  on_duty: [{pool: gate-crew, min: 1, from: "08:00", to: "08:00"}]`),
			"mini.yaml:25:58: floors.on_duty[0].to: ", []string{"whole day"}},
	})
	ok := string(readFile(t, "testdata/valid/mini.yaml")) +
		"floors:\n  knobs: [{path: staff.gate-crew.count, min: 1}, {path: gate.shelves, min: 0}]\n" +
		"  on_duty: [{pool: volunteers, min: 1, from: \"20:00\", to: \"02:00\"}, {pool: gate-crew, min: 2, during: gate-open}]\n"
	sc, err := Load("mini.yaml", []byte(ok))
	if err != nil {
		t.Fatal(err)
	}
	if f := sc.Floors.OnDuty[0]; f.From != 20*3600 || f.To != 2*3600 || sc.Floors.OnDuty[1].To != 24*3600 {
		t.Errorf("floors read as %+v", sc.Floors)
	}
}

package compound

import (
	"reflect"
	"testing"
)

// TestScheduleAsWavesSameRun: an explicit schedule that calls the
// buildings when the waves would (small(): two buildings every 15 minutes
// from 12:00, the zones as listed) runs exactly as the waves do.
func TestScheduleAsWavesSameRun(t *testing.T) {
	waves := small()
	sched := small()
	noon := sched.Sampling.Start
	sched.Sampling.Calling.Interval, sched.Sampling.Calling.PerWave = 0, 0
	sched.Sampling.Calling.Schedule = []Call{
		{Buildings: []string{"1", "2"}, At: noon},
		{Buildings: []string{"3-4"}, At: noon + 900},
		{Buildings: []string{"5", "6"}, At: noon + 1800},
	}
	if errs := sched.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	for rep := range 3 {
		a, b := runSmall(t, waves, rep), runSmall(t, sched, rep)
		if !reflect.DeepEqual(nanSafe(a.Values), nanSafe(b.Values)) {
			t.Errorf("rep %d: the schedule of the waves runs otherwise", rep)
		}
	}
}

// TestScheduleSendsBuildingsToItsSites: a call names the site its
// buildings go to, in place of their zone's; called later, they are
// sampled later.
func TestScheduleSendsBuildingsToItsSites(t *testing.T) {
	sc := small()
	noon := sc.Sampling.Start
	sc.Sampling.Calling.Interval, sc.Sampling.Calling.PerWave = 0, 0
	sc.Sampling.Calling.Schedule = []Call{
		{Buildings: []string{"1-3"}, At: noon},
		{Buildings: []string{"4-6"}, At: noon + 3*3600, Site: "a"}, // south, whose site is b
	}
	if errs := sc.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	m, err := Build(sc, 0, Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.Run()
	if err != nil {
		t.Fatal(err)
	}
	if a, b := m.sampling.sites[0], m.sampling.sites[1]; a.expected != 264 || b.expected != 0 || a.sampled != 264 {
		t.Errorf("site a expects %d and sampled %d, site b expects %d: every resident should go to a", a.expected, a.sampled, b.expected)
	}
	if v := value(t, sc, res, "sampling.site.a.makespan"); v < 3*3600 {
		t.Errorf("site a's last sample %v s after the start: before the second call, 3 h in", v)
	}
}

// TestScheduleRefused: a schedule with interval and per_wave, a building
// called twice or never, a call before the round and an unknown site are
// refused at their fields.
func TestScheduleRefused(t *testing.T) {
	sc := small()
	noon := sc.Sampling.Start
	sc.Sampling.Calling.Schedule = []Call{
		{Buildings: []string{"1-3"}, At: noon},
		{Buildings: []string{"3", "5"}, At: noon - 60, Site: "c"},
	}
	want := []string{"sampling.calling.interval", "sampling.calling.per_wave", "sampling.calling.schedule[1].buildings[0]",
		"sampling.calling.schedule[1].at", "sampling.calling.schedule[1].site",
		"sampling.calling.schedule", "sampling.calling.schedule"} // buildings 4 and 6
	var got []string
	for _, e := range sc.Check() {
		got = append(got, e.Path)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("errors at %q, want %q", got, want)
	}
}

package compound

import (
	"math"
	"testing"
)

// TestStaffHoursAndOnDuty: the staff on duty hour by hour add up to each
// pool's staff-hours on duty, and the medical staff's to the sites'
// staff-hours; a site's staff-hours are its staff times its time from the
// start of the round to the last resident sampled there.
func TestStaffHoursAndOnDuty(t *testing.T) {
	sc := small()
	res := runSmall(t, sc, 1)
	cat := Catalog(sc)
	v := func(name string) float64 { x, _ := res.Value(cat, name); return x }
	sum := func(name string) float64 {
		for _, s := range res.Series {
			if s.Name == name {
				if s.Step != 3600 || len(s.Points) != 24 {
					t.Errorf("%s: step %v, %d points", name, s.Step, len(s.Points))
				}
				total := 0.0
				for _, p := range s.Points {
					total += p
				}
				return total
			}
		}
		t.Errorf("no series %s", name)
		return math.NaN()
	}
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b)) }
	all := 0.0
	for _, p := range sc.Staff {
		h := v("staff." + p.Name + ".hours")
		all += h
		if got := sum(OnDutySeries(p.Name)); !near(got, h) {
			t.Errorf("%s: on duty by hour adds up to %v staff-hours, the KPI is %v", p.Name, got, h)
		}
	}
	medical := v("sampling.staff_hours")
	if got := sum(OnDutySeries(MedicalStaff)); !near(got, medical) || medical == 0 {
		t.Errorf("medical staff on duty by hour add up to %v, sampling.staff_hours is %v", got, medical)
	}
	if got := v("staff.hours"); !near(got, all+medical) {
		t.Errorf("staff.hours = %v, want %v", got, all+medical)
	}
	for _, s := range sc.Sampling.Sites {
		want := float64(s.Registration+s.Swab) * v("sampling.site."+s.Name+".makespan") / 3600
		if got := v("sampling.site." + s.Name + ".staff_hours"); !near(got, want) {
			t.Errorf("site %s: %v staff-hours, want %v", s.Name, got, want)
		}
	}
}

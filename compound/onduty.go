package compound

// onDutySeries returns the staff on duty hour by hour of the run: for each
// pool (every zone's group together) and for the medical staff of the
// testing sites, the mean number on duty in each hour (staff resting in a
// change-over or gone past their shift end not counted), named "on duty:
// POOL" and "on duty: medical staff".
func (m *Model) onDutySeries(now float64) []Series {
	var out []Series
	add := func(name string, hourly []float64) {
		if hourly == nil {
			return
		}
		for i := range out {
			if out[i].Name == name {
				for h := range out[i].Points {
					out[i].Points[h] += hourly[h]
				}
				return
			}
		}
		out = append(out, Series{Name: name, Unit: "staff", Start: 0, Step: 3600, Points: hourly})
	}
	for _, p := range m.sc.Staff {
		for _, rec := range m.pools[p.Name].recs {
			add(OnDutySeries(p.Name), rec.HourlyOnDuty(now))
		}
	}
	for _, p := range m.posts {
		if p.class == "site" {
			add(OnDutySeries(MedicalStaff), p.rec.HourlyOnDuty(now))
		}
	}
	return out
}

// MedicalStaff names the sampling sites' medical staff where the staff on
// duty are listed beside the pools.
const MedicalStaff = "medical staff"

// OnDutySeries is the name of the series of a pool's staff on duty hour by
// hour (Result.Series), or of the medical staff's (MedicalStaff).
func OnDutySeries(pool string) string { return "on duty: " + pool }

package compound

// What a replication records. A whole replication records every figure of
// its Result; one that measures a few KPIs (Options.Measure) records only
// what they read, each KPI's definition saying which families of figures
// beyond its flow's own counts it reads (kpiDef.reads). Leaving a figure
// out skips its recording and nothing else: no draw, event or decision of
// the run reads a figure, so every KPI measured comes out the same to the
// bit (TestEachKPIMeasuredAlone).

// figure is a family of figures a replication records only for the KPIs
// that read it.
type figure uint16

const (
	// figStaff is the pools' recorders (busy, on duty, overtime) and their
	// hours past max_hours: the staff's, the consumables' and the cost's
	// KPIs, and the utilisation of the planner's posts.
	figStaff figure = 1 << iota
	// figStaging is the staging area's recorder: the items in it and
	// those waiting to be put down.
	figStaging
	// figPostServers is the recorders of the planner's posts' own
	// servers, for their utilisation.
	figPostServers
	// figSteps is each kind's time at each stage of the way.
	figSteps
	// figHouseholds is each day's households waiting and served.
	figHouseholds
	// figDoorValues is every item's time to the door, kept for the
	// quantiles and the share within target (the mean and the longest
	// need only the tally).
	figDoorValues
	// figRoundWaits is every resident's wait at a site, kept for its
	// quantile.
	figRoundWaits
	// figResponses is every special-needs card's response time, kept for
	// its quantile and the share within target.
	figResponses
	// figPostWaits is every wait at a post of the planner's own and every
	// time among them, kept for their quantiles.
	figPostWaits
	// figDeadlines is what became of the items of each kind with a
	// deadline: those still on their way are followed to the end.
	figDeadlines
	// figDays is each day's figures of a run of several days that are
	// kept apart from the whole run's: the kinds', the special needs',
	// the staging area's, the couriers' and the staff's.
	figDays
	// figEvery is everything a Result holds besides the KPIs: the posts'
	// figures with their waits and hours, the kinds' hours and door
	// times, the gate's backlog.
	figEvery

	allFigures = figEvery<<1 - 1
)

// keeps is what a replication records: every figure of a whole one, the
// families the measured KPIs read of one that measures a few.
type keeps figure

// has reports whether the replication records the family f.
func (k keeps) has(f figure) bool { return figure(k)&f != 0 }

// keepsFor returns what a replication of sc that measures the KPIs marked
// in measure records: everything when measure is nil.
func keepsFor(sc *Scenario, measure []bool) keeps {
	if measure == nil {
		return keeps(allFigures)
	}
	var k figure
	i := 0
	eachKPI(sc, false, func(x expanded) {
		if i < len(measure) && measure[i] {
			k |= x.def.reads
			if x.day > 0 {
				k |= figDays
			}
		}
		i++
	})
	return keeps(k)
}

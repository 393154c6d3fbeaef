package experiment

// stages reports the progress of work run in stages as one count: the
// replications done in every stage so far out of the replications all the
// stages need, as far as they are known. The total starts as a bound and is
// set to what is left when a later stage is planned, so the count never
// goes back and reaches the total exactly when the last stage ends.
type stages struct {
	report      func(done, total int)
	done, total int
}

// newStages returns stages reporting to report (nil: no reports), with
// total the work expected at first.
func newStages(report func(done, total int), total int) *stages {
	return &stages{report: report, total: total}
}

// expect sets the work still to come to units.
func (s *stages) expect(units int) {
	s.total = s.done + units
}

// next returns the progress function of a stage of units replications
// (nil when nothing is reported); later stages count from its end, so a
// stage must have run before the next is planned.
func (s *stages) next(units int) func(done, total int) {
	start := s.done
	s.done += units
	if s.total < s.done {
		s.total = s.done
	}
	if s.report == nil {
		return nil
	}
	return func(done, _ int) { s.report(start+done, s.total) }
}

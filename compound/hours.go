package compound

import (
	"fmt"
	"math"
)

// checkMaxHours checks a pool's shifts against the most hours one person
// works a day (Pool.MaxHours): each shift is worked by its own people, so
// no shift may be longer, and a pool without shifts has its count on duty
// all day, which one person cannot do under a limit below 24 hours. A
// limit of 0 is none.
func checkMaxHours(c *checker, path string, p Pool) {
	limit := p.MaxHours
	if !(limit >= 0 && limit <= 24) {
		c.add(path+".max_hours", "must be from 0 to 24 hours a day (0: no limit), got %v", limit)
		return
	}
	if limit == 0 || limit == 24 {
		return
	}
	if len(p.Shifts) == 0 {
		c.add(path+".count", "the count is on duty all day, 24 hours for each person, above max_hours (%s): give shifts of at most %s",
			hoursText(limit), hoursText(limit))
		return
	}
	for j, s := range p.Shifts {
		from, to := float64(s.From), float64(s.To)
		if to < from {
			to += day
		}
		if h := (to - from) / 3600; h > limit && s.Count > 0 {
			c.add(fmt.Sprintf("%s.shifts[%d]", path, j), "%s-%s is %s for each person on it, above the pool's max_hours (%s): split it into turns",
				s.From, s.To, hoursText(h), hoursText(limit))
		}
	}
}

// hoursText writes a number of hours: "9h", "8.5h".
func hoursText(h float64) string {
	if h == math.Trunc(h) {
		return fmt.Sprintf("%.0fh", h)
	}
	return fmt.Sprintf("%.4gh", h)
}

package logs

import (
	"errors"
	"strings"
	"time"
	_ "time/tzdata" // IANA zone names without a system time-zone database

	"cordon/text"
)

// How times are written, for messages.
const (
	timestampHelp = "a timestamp with its offset, like 2021-11-25T08:13:05+08:00"
	tzHelp        = "an offset like +08:00 or a zone name like Asia/Shanghai"
)

// Layouts of a timestamp, with an offset and without: seconds optional
// (Go reads fractions of a second after the seconds by itself).
var (
	zonedLayouts = [...]string{
		"2006-01-02T15:04:05Z07:00", "2006-01-02T15:04Z07:00",
		"2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z0700",
		"2006-01-02T15:04:05Z07", "2006-01-02T15:04Z07",
	}
	bareLayouts = [...]string{"2006-01-02T15:04:05", "2006-01-02T15:04"}
)

// stamp is a time read from a row.
type stamp struct {
	t     time.Time
	ofDay bool // written as a time of day with the date column
}

// when reads the time in column field of the current row: a timestamp, or a
// time of day on the row's date; the zone is the timestamp's offset or the
// row's tz. It reports what is wrong and returns false when it cannot.
func (t *table) when(field string) (stamp, bool) {
	s := t.get(field)
	if s == "" {
		t.fail(field, "missing: give "+timestampHelp+", or HH:MM with date and tz columns")
		return stamp{}, false
	}
	var st stamp
	var ok bool
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		st, ok = t.timestamp(field, s)
	} else {
		st, ok = t.timeOfDay(field, s)
	}
	if ok && !InYears(st.t) {
		t.fail(field, q(s)+" is not in the years 1000 to 9998")
		return stamp{}, false
	}
	return st, ok
}

// The years of the times a log may hold, in UTC: times cordon can write
// back with four-digit years, in any zone (a time of 9998 in UTC is at
// most 9999 in a zone 18 hours east).
const (
	FirstYear = 1000
	LastYear  = 9998
)

// InYears reports whether a log may hold the time t: whether its year in
// UTC is from FirstYear to LastYear.
func InYears(t time.Time) bool {
	y := t.UTC().Year()
	return y >= FirstYear && y <= LastYear
}

// timestamp reads a date and time in one field.
func (t *table) timestamp(field, s string) (stamp, bool) {
	if len(s) == 10 {
		t.fail(field, q(s)+" is a date without a time: write "+timestampHelp)
		return stamp{}, false
	}
	if len(s) > 64 {
		t.fail(field, q(s)+" is not a time: write "+timestampHelp)
		return stamp{}, false
	}
	if c := s[10]; c == ' ' || c == 't' {
		s = s[:10] + "T" + s[11:]
	}
	if strings.HasSuffix(s, "z") {
		s = s[:len(s)-1] + "Z"
	}
	for _, l := range zonedLayouts {
		if v, err := time.Parse(l, s); err == nil {
			return stamp{t: v}, true
		}
	}
	for _, l := range bareLayouts {
		if _, err := time.Parse(l, s); err != nil {
			continue
		}
		tz := t.get("tz")
		if tz == "" {
			t.fail(field, q(s)+" has no time zone: add its offset ("+s+"+08:00, or Z for UTC) or give a tz column ("+tzHelp+")")
			return stamp{}, false
		}
		loc, ok := t.zone(tz)
		if !ok {
			return stamp{}, false
		}
		v, _ := time.ParseInLocation(l, s, loc)
		return stamp{t: v}, true
	}
	t.fail(field, q(s)+" is not a time: write "+timestampHelp+", or HH:MM with date and tz columns")
	return stamp{}, false
}

// timeOfDay reads a time of day, HH:MM or HH:MM:SS, on the row's date in
// the row's zone.
func (t *table) timeOfDay(field, s string) (stamp, bool) {
	h, m, sec, ns, ok := parseTimeOfDay(s)
	if !ok {
		t.fail(field, q(s)+" is not a time: write "+timestampHelp+", or HH:MM with date and tz columns")
		return stamp{}, false
	}
	date := t.get("date")
	if date == "" {
		t.fail(field, q(s)+" has no date: give a date column (2021-11-25) and a tz column, or write "+timestampHelp)
		return stamp{}, false
	}
	d, err := time.Parse("2006-01-02", date)
	if err != nil {
		t.fail("date", q(date)+" is not a date: write YYYY-MM-DD, for example 2021-11-25")
		return stamp{}, false
	}
	tz := t.get("tz")
	if tz == "" {
		t.fail(field, s+" on "+date+" has no time zone: give a tz column ("+tzHelp+"), or write "+timestampHelp)
		return stamp{}, false
	}
	loc, ok := t.zone(tz)
	if !ok {
		return stamp{}, false
	}
	y, mo, dd := d.Date()
	return stamp{t: time.Date(y, mo, dd, h, m, sec, ns, loc), ofDay: true}, true
}

// parseTimeOfDay reads H:MM, HH:MM, HH:MM:SS or HH:MM:SS.fff, from 00:00
// to 24:00 (the end of the day).
func parseTimeOfDay(s string) (h, m, sec, ns int, ok bool) {
	hs, rest, ok1 := strings.Cut(s, ":")
	ms, ss, hasSec := strings.Cut(rest, ":")
	if !ok1 || len(hs) < 1 || len(hs) > 2 || len(ms) != 2 {
		return 0, 0, 0, 0, false
	}
	var frac string
	if hasSec {
		ss, frac, _ = strings.Cut(ss, ".")
		if len(ss) != 2 || len(frac) > 9 || strings.Contains(s, ".") && frac == "" {
			return 0, 0, 0, 0, false
		}
	}
	var okh, okm, oks, okf bool
	h, okh = digits(hs)
	m, okm = digits(ms)
	sec, oks = 0, true
	if hasSec {
		sec, oks = digits(ss)
	}
	ns, okf = 0, true
	if frac != "" {
		ns, okf = digits(frac + strings.Repeat("0", 9-len(frac)))
	}
	if !(okh && okm && oks && okf) || m > 59 || sec > 59 || h > 24 || h == 24 && m+sec+ns > 0 {
		return 0, 0, 0, 0, false
	}
	return h, m, sec, ns, true
}

// digits reads a short run of ASCII digits.
func digits(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// zone reads a tz field (cached for the file): Z or UTC, an offset
// (+08:00, +0800, +08) or an IANA zone name.
func (t *table) zone(s string) (*time.Location, bool) {
	if loc, ok := t.zones[s]; ok {
		if loc == nil {
			t.fail("tz", q(s)+" is not a time zone: write "+tzHelp)
		}
		return loc, loc != nil
	}
	loc := parseZone(s)
	if t.zones == nil {
		t.zones = map[string]*time.Location{}
	}
	if len(t.zones) < 1000 && len(s) <= 64 {
		t.zones[s] = loc
	}
	if loc == nil {
		t.fail("tz", q(s)+" is not a time zone: write "+tzHelp)
	}
	return loc, loc != nil
}

func parseZone(s string) *time.Location {
	switch s {
	case "Z", "z", "UTC", "utc":
		return time.UTC
	case "", "Local", "local":
		return nil // not explicit
	}
	if s[0] == '+' || s[0] == '-' {
		return parseOffset(s)
	}
	if len(s) > 64 || s[0] == '/' || strings.Contains(s, "..") {
		return nil
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("/_+-", c) >= 0) {
			return nil
		}
	}
	loc, err := time.LoadLocation(s)
	if err != nil {
		return nil
	}
	return loc
}

// parseOffset reads +HH:MM, +HHMM or +HH (or with -), at most 18 hours.
func parseOffset(s string) *time.Location {
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	body := strings.Replace(s[1:], ":", "", 1)
	if len(body) != 2 && len(body) != 4 {
		return nil
	}
	h, ok := digits(body[:2])
	m := 0
	if len(body) == 4 {
		var okm bool
		m, okm = digits(body[2:])
		ok = ok && okm
	}
	if !ok || m > 59 || h*60+m > 18*60 || strings.Count(s, ":") > 1 || len(body) == 2 && strings.Contains(s, ":") {
		return nil
	}
	return time.FixedZone(s, sign*(h*3600+m*60))
}

// formatTime writes an instant for a message, with its offset.
func formatTime(t time.Time) string {
	return t.Format("2006-01-02T15:04:05.999Z07:00")
}

// ParseZone reads a time zone as a log's tz column does: Z or UTC, an
// offset (+08:00, +0800, +08) or an IANA zone name (Asia/Shanghai). The
// machine's local zone is refused: a log's zone is always explicit.
func ParseZone(s string) (*time.Location, error) {
	loc := parseZone(strings.TrimSpace(s))
	if loc == nil {
		return nil, errors.New(text.OneLine(q(s)) + " is not a time zone: write " + tzHelp)
	}
	return loc, nil
}

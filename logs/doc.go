// Package logs reads and writes the CSV logs of a post-incident review:
// what arrived at the gate, who was on duty, what was delivered and
// sampled, and how long steps took. Reviewers replay the logged day through
// the model (experiment.Replay) and fit service times to the durations;
// cordon writes logs of the same form from a simulated day, for examples
// and tests.
//
// # Files
//
// Every log is a CSV file (RFC 4180: fields with commas, quotes or line
// breaks are quoted, a quote inside doubled) with a header row:
//
//   - Lines whose first non-blank character is # are comments, anywhere in
//     the file; blank lines are skipped. A comment starting "# synthetic:"
//     marks a log made by cordon, not observed (Read.Synthetic). A value
//     starting with # in the first column must be quoted.
//   - Header names and fields are trimmed; header names are read in any
//     case. Columns may come in any order; optional ones may be left out. A
//     column not known is an error naming the nearest known one.
//   - A field may be empty: an optional value not given. Missing trailing
//     fields are empty; a value beyond the header's columns is an error.
//   - A line, and a row (with the lines of its quoted fields), is at most
//     1 MiB. A longer one ends the reading, even with Options.Lenient, with
//     an error at its line: a file of another kind (/dev/zero has no line
//     break at all) is read no further than that. Options.MaxRows bounds
//     the number of rows.
//
// The readers take a context and check it every 1,024 lines (or MiB):
// once it is cancelled they stop and return its error.
//
// # Times
//
// A time is either one field holding an RFC 3339 / ISO 8601 timestamp with
// its offset (seconds and fractions of a second optional, Z for UTC, a
// space in place of the T allowed):
//
//	2021-11-25T08:13:05+08:00
//	2021-11-25T08:13+08:00
//	2021-11-25T00:13:05.250Z
//
// or a time of day, HH:MM or HH:MM:SS (24:00 is the end of the day), with a
// date column (YYYY-MM-DD) and a tz column: an offset (+08:00, +0800, Z,
// UTC) or an IANA zone name (Asia/Shanghai; the zone database is built in):
//
//	date,time,tz,kind
//	2021-11-25,08:13,Asia/Shanghai,express
//
// The zone is always explicit: a time with no zone is an error that says
// how to give one. A timestamp without an offset takes the row's tz when
// there is one. A timestamp's own offset wins over the tz column; the date
// column is used only by times of day.
//
// Simulation time 0 is the run's start, the scenario's clock.start on the
// run's first day (Day, DayOf). Options.Day gives the Day; without it, the
// first day is the date of the earliest time in the file, in that time's
// zone. To read the logs of one day, read arrivals.csv first and pass its
// Read.Day to the others (a roster whose first shift started the evening
// before would otherwise move the day). Times before the run or at or after
// its end (clock.days × 24h later) are errors.
//
// # arrivals.csv
//
// One row per item arriving at the gate, in any order:
//
//	time      when it arrived (or date, time and tz); required
//	kind      a kind of the scenario (deliveries: name); required
//	building  a building id; optional (the model chooses one by households)
//	zone      a zone name; optional, used when there is no building (given
//	          with a building, it must be the building's zone)
//	batch     items of one drop share it; optional text
//	id        the item's id; optional text, unique when given
//
// For example:
//
//	# north gate, 25 November
//	time,kind,building,zone,batch,id
//	2021-11-25T07:04:57+08:00,takeout,38,,,T-0001
//	2021-11-25T07:10:30+08:00,express,,zone-10,van-3,E-0001
//
// # roster.csv
//
// The staff actually on duty, one row per pool and span:
//
//	pool   a pool of the scenario, or pool/zone for one zone's group of a
//	       zone pool (zone-volunteers/zone-3); required
//	start  when they came on duty; required
//	end    when they went off duty, after start; required
//	count  how many, a whole number 0 or more; required
//
// start and end are timestamps, or from and to (the same columns by other
// names) as HH:MM with date and tz columns; a to before its from is on the
// next day (23:00 to 07:00), and a to equal to its from is an error (give a
// 24-hour shift as timestamps). A shift may start before the run or end
// after it (the replay uses the part inside the run); one wholly outside
// the run is an error. At each moment a replay puts on duty the sum of the
// rows covering it; a pool no row names keeps the scenario's shifts.
//
//	pool,date,from,to,tz,count
//	gate-crew,2021-11-25,07:00,15:00,+08:00,3
//	gate-crew,2021-11-25,23:00,07:00,+08:00,1
//	zone-volunteers/zone-3,2021-11-25,07:00,24:00,+08:00,2
//
// # observed.csv
//
// What was observed, to compare with a replay:
//
//	event  delivered (an item handed over at the door), turned_away (an
//	       item a courier took away from a full gate) or sampled (a
//	       resident swabbed); required
//	time   when (or date, time and tz); required
//	kind   the item's kind; required for delivered and turned_away (the
//	       column may be left out when every row is sampled)
//	id     a delivered item's id, joining arrivals.csv to know when it
//	       arrived; optional, unique among delivered rows when given
//
//	event,time,kind,id
//	delivered,2021-11-25T07:31:47+08:00,takeout,T-0001
//	sampled,2021-11-25T12:02:10+08:00,,
//
// The event may also be a checkpoint an item passed on its way to the door
// (Checkpoints): staged (put down in staging), labelled (checked and
// labelled), on_cart, unloaded (off the cart at the disinfection area),
// disinfected, sorted or on_run (left on a run to the door). A checkpoint
// row needs the item's kind and id, once per item and checkpoint. The time
// between two of an item's checkpoints (its arrival, those logged, its
// delivery) is the time it spent in the stages between: a review times a
// stage for the items logged at both its ends, and fits the stage times
// with the rest.
//
//	staged,2021-11-25T07:02:40+08:00,takeout,T-0001
//	labelled,2021-11-25T07:03:03+08:00,takeout,T-0001
//
// # durations.csv
//
// Observed service or walking times, for fitting:
//
//	step      the step timed: any text, such as gate.intake,
//	          transfer.trip, disinfection.dwell, sorting.time,
//	          delivery.door, zones.walk, sampling.swab,
//	          sampling.registration; required
//	duration  a Go duration (23s, 1m30s) or a number of seconds (23.5);
//	          finite and 0 or more; required
//
//	step,duration
//	delivery.door,2m13s
//	gate.intake,23.5
//
// # Errors
//
// Reading reports every error of a file together, as Errors: one line
// each, "file:line: column: what is wrong", sorted by line, the first 200
// of them and a count of the rest:
//
//	arrivals.csv:4: kind: no kind "takout", did you mean takeout?
//	arrivals.csv:5: id: "A1" repeats line 3: ids must be unique
//	arrivals.csv:7: time: "2021-11-25T08:13:05" has no time zone: add its offset (2021-11-25T08:13:05+08:00, or Z for UTC) or give a tz column (an offset like +08:00 or a zone name like Asia/Shanghai)
//	arrivals.csv:9: time: 2021-11-25T06:59:00+08:00 is before the run starts at 2021-11-25T07:00:00+08:00
//
// A bad header (an empty file, unknown, repeated or missing columns) is
// reported at the header's line, and the rows are not read until it is
// fixed:
//
//	arrivals.csv:1: unknown column "knd", did you mean kind?
//	roster.csv:1: count: missing column: how many were on duty, a whole number
//
// With Options.Lenient, bad rows are skipped instead: Read.Skipped counts
// them and Read.SkippedErrors says why; a bad header still fails.
//
// # Writing
//
// WriteArrivals, WriteRoster, WriteObserved and WriteDurations write the
// same formats: comment lines first (mark a made-up log with one starting
// "synthetic:"), the header, then the rows, times as RFC 3339 in the Day's
// zone to the millisecond (2021-11-25T08:13:05.123+08:00) and durations in
// seconds to the millisecond, so that a written log reads back the same to
// the millisecond. compound.Scenario.PlannedRoster gives the roster a
// scenario's shifts and breaks put on duty, to write the planned roster of a
// day.
//
// # Spreadsheets
//
// A log is often opened in a spreadsheet, which runs a cell starting with
// =, +, -, @, a tab or a carriage return as a formula. The writers put an
// apostrophe before such a text cell (SafeCell: a kind named =x is written
// '=x), numbers aside (-3 stays -3), and after a comma of a comment line
// that would start such a cell; the readers take one apostrophe off a
// field that SafeCell would have written so, so that a log written and
// read back gives the same names. A log written by hand may do the same.
package logs

// Package scenarios loads the YAML scenario files that describe a
// compound, its staff and its flows into a [compound.Scenario], and holds
// the built-in scenarios.
//
// # Format
//
// A scenario is one YAML document, a mapping whose keys are the yaml names
// of the fields of [compound.Scenario] (name, clock, buildings, zones,
// staff, gate, deliveries, ...). Every key must name a field: a misspelt
// one is an error that suggests the nearest name. A key given twice is an
// error; merge keys (<<) are not supported, but aliases (*name) to a whole
// value are.
//
// Values are written as follows.
//
//   - A time of day (a [compound.Clock]) is "HH:MM" or "HH:MM:SS"; hours
//     may pass 24 for the small hours of the next day where the field
//     allows it ("26:00" is 02:00 the next day).
//   - A span of time (a [compound.Duration]) is a Go duration with its
//     unit: 45s, 30m, 1h30m. A bare number such as 20 is an error, and so
//     is a negative span.
//   - A random time (a [compound.Dist]) is either a duration, meaning that
//     constant, or a mapping naming the kind of distribution with dist and
//     giving that kind's fields, each a duration:
//     {dist: lognormal, mean: 40s, sd: 15s}. The kinds and their fields
//     are constant (value), exponential (mean), uniform (min, max),
//     triangular (min, mode, max), normal (mean, sd), lognormal (mean, sd),
//     gamma (mean, cv), weibull (shape, scale) and empirical (values,
//     weights). The gamma cv, the weibull shape and the empirical weights
//     are plain numbers; weights may be left out for equal weights.
//   - A random quantity (a Dist field tagged unit:"count", such as the
//     batch of a delivery) is written the same way with plain numbers:
//     batch: 5, or {dist: uniform, min: 1, max: 10}.
//   - Whole numbers are whole (2.5 is an error) and within ±1,000,000,000;
//     numbers are finite (.nan and .inf are errors); true and false are
//     the only booleans (yes is text).
//
// # Defaults
//
// A field left out, or written with no value (key: or key: ~), takes the
// value of its default tag, read as if written in the file (default:"07:00"
// is a time of day); a field without one stays zero, and [Load] reports it
// if zero is not allowed. Defaults apply inside list entries and inside
// the optional sections sampling, garbage and special_needs when they are
// present; an optional section left out stays nil (none).
//
// # Errors
//
// [Load] reports every problem in a file at once, each one line
// "file:line:column: field.path: what is wrong, what was expected",
// sorted by position. The path names the field as written in YAML, with
// list positions in brackets: staff[2].shifts[0].from. A file that decodes
// is then checked with [compound.Scenario.Check], whose problems are
// reported at the field they concern (or at the nearest enclosing one
// present in the file).
//
// # Overrides
//
// An [Override], --set path=value on the command line, changes the YAML
// before it is decoded and is checked like the file; its problems are
// reported at the override itself. The path is dotted YAML names; a list
// entry is selected by position, staff[1].count, or by its name (its id
// for buildings), staff.gate-crew.count. The value is YAML text, so it may
// be a whole mapping: --set 'gate.intake={dist: gamma, mean: 20s, cv: 0.5}'.
// Setting a field the file leaves out adds it, and setting a field of a
// section the file leaves out adds the section. Overrides apply in order.
//
// # Limits
//
// A file holds at most 10 MiB and, with its aliases expanded, at most a
// million values, so that aliases that expand exponentially ("billion
// laughs") are rejected quickly. Lists, names and numbers have generous
// limits that keep the checks fast on any input.
//
// Counts that a replication builds one by one, or keeps a result for, are
// bounded so that one replication fits in memory (the constants of
// compound's limits.go, checked by [compound.Scenario.Check]):
// replications at most [compound.MaxReplications] (1,000,000); the places
// of the disinfection area, of the staging area and each of its counts at
// most [compound.MaxPlaces] (1,000,000); carts, a pool's or a shift's
// count, a zone's volunteers and a site's registration and swab staff at
// most [compound.MaxStaff] (100,000), and the staff on duty at once at most
// [compound.MaxStaffOnDuty] (1,000,000); residents at most
// [compound.MaxBuildingResidents] (100,000) a building and
// [compound.MaxResidents] (1,000,000) in all; events at most
// [compound.MaxTimelineEvents] (200), a surge's times at most
// [compound.MaxSurgeTimes] (100) and its extra items at most
// [compound.MaxSurgeExtra] (100,000).
//
// # Schema
//
// [Schema] returns the JSON Schema (draft 2020-12) of the format, which
// cordon schema prints and cordon init writes beside a new scenario; this
// folder keeps it as scenario.schema.json, which the built-in scenarios'
// $schema lines name. It is made by reflection from the tables the loader
// reads, so that the two cannot drift: the fields of each mapping (the
// loader's fieldsOf, from the yaml, default and unit tags, with the doc
// tags as descriptions), the distributions ([random.Families]: the scalar
// form, as the loader reads it, and one {dist: kind, ...} form per family
// with its parameters and their bounds), the limits (compound's Max
// constants and this package's list and text limits), and the name or id
// that every list entry gives, by which --set selects it. What the schema
// adds to the Go types is cordon's alone: the way values are written (times
// of day up to 24:00 or 48:00, Go durations, positive durations, time and
// count distributions by the unit tag, whole numbers), null wherever a
// field may be left out, defaults read as YAML as the loader reads them,
// and a table (fieldRules) of the checks of [compound.Scenario.Check] on
// one field at a time: required fields, bounds, enums, patterns. Checks
// that relate fields to each other stay with the loader. The output is
// written compactly by hand: short objects and lists on one line, each
// description first, the properties before the $defs, in the order of
// the Go fields.
//
// # Why not a schema library
//
// github.com/invopop/jsonschema (v0.14.0), the maintained generator, was
// tried in place of this code (issue 14). What it does: it reflects
// structs into $defs and $refs with additionalProperties false, names
// fields by a chosen tag (yaml), takes descriptions from a hook (the doc
// tags), gives each Go kind its JSON type, and writes the same bytes every
// time. Left to itself it is wrong throughout: every field without
// omitempty is required, times of day and durations are numbers, and a
// distribution is the Go fields of random.Spec. It takes required fields,
// bounds and enums only from jsonschema:"..." tags, literal text that
// cannot name compound.MaxStaff or compound.Tasks(): a second copy of each
// limit in compound's types. Its Mapper maps a type, not a field, so a
// time up to 24:00, a positive duration or a count distribution (the unit
// tag) still has to be set field by field afterwards; the distribution
// forms have to be built by hand; and its Type is one string, so
// ["integer", "null"] goes through its Extras. The attempt that passed
// every schema test used the library for the walk over the structs and
// for the output, and this package's rules on every property afterwards:
// 265 lines in place of about 415 of schema.go's 647 (the struct walk and
// the compact writer are what it saves; the rules are all still here), for
// five more modules (the library, an ordered map, a list, a JSON parser and
// a release candidate of go.yaml.in/yaml/v4) and a second reader of the
// yaml tags beside the loader's. Its output was
// 50,928 bytes in 1,968 lines against 42,952 in 1,294, harder to read:
// the $defs first and sorted by name, the root's properties last, every
// description after the keywords, every small list over several lines.
// Nothing it would have replaced is a second definition of anything, so
// cordon keeps its own generator.
package scenarios

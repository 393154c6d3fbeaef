package main

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
)

// pflagInvalid is how pflag says a flag's value does not parse: the value,
// the flag (with its shorthand, "-j, --jobs"), and strconv's or time's own
// words for why.
var pflagInvalid = regexp.MustCompile(`^invalid argument "(.*)" for "(?:-[^,]+, )?(--[^"]+)" flag: (.*)$`)

// flagError says a flag's value that does not parse as cordon says any
// other bad value, naming the flag, the value and what was expected:
// `--reps "abc": expected a whole number such as 5`, where pflag said
// `invalid argument "abc" for "--reps" flag: strconv.ParseInt: parsing
// "abc": invalid syntax`. Other errors of the flags are left as they are.
func flagError(_ *cobra.Command, err error) error {
	m := pflagInvalid.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	value, flag, why := m[1], m[2], m[3]
	return fmt.Errorf("%s %q: %s", flag, value, expectedOf(why))
}

// expectedOf says what a flag expected, from strconv's or time's words
// for why its value did not parse.
func expectedOf(why string) string {
	switch {
	case strings.HasPrefix(why, "strconv.") && strings.HasSuffix(why, ": value out of range"):
		return "out of range"
	case strings.HasPrefix(why, "strconv.ParseInt: "):
		return "expected a whole number such as 5"
	case strings.HasPrefix(why, "strconv.ParseUint: "):
		return "expected a whole number, 0 or more"
	case strings.HasPrefix(why, "strconv.ParseFloat: "):
		return "expected a number such as 2.5"
	case strings.HasPrefix(why, "strconv.ParseBool: "):
		return "expected true or false"
	case strings.HasPrefix(why, "time: "):
		return "expected a duration such as 45s, 30m or 1h30m"
	}
	return why
}

package text

import "strconv"

// Count writes a count with its noun: "1 replication", "3 replications".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// IsAre is "is" for one, "are" for more.
func IsAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

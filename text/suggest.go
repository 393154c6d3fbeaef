package text

import (
	"strconv"
	"strings"
)

// maxSuggested bounds the length of a name Nearest looks at: the edit
// distance costs the product of the lengths, and a name this long is no
// typo.
const maxSuggested = 256

// Nearest returns the candidate closest to s by edit distance, ignoring
// case, when it is close enough to be a likely typo (at most a third of
// the shorter name's letters differ, and at least one may), or "".
func Nearest(s string, candidates []string) string {
	if len(s) > maxSuggested {
		return ""
	}
	best, bestD := "", 1<<30
	for _, c := range candidates {
		if len(c) > maxSuggested {
			continue
		}
		if d := editDistance(strings.ToLower(s), strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	if best != "" && bestD <= max(1, min(len(s), len(best))/3) {
		return best
	}
	return ""
}

// DidYouMean is cordon's one form of suggestion: ", did you mean shelves?"
// for the candidate nearest to s (quoted when it holds spaces, quotes or
// characters that are not printable), or "" when none is near. It follows
// what is wrong: "gate.shelfs: unknown field, did you mean shelves?".
func DidYouMean(s string, candidates []string) string {
	n := Nearest(s, candidates)
	if n == "" {
		return ""
	}
	if strings.ContainsFunc(n, func(r rune) bool { return r <= ' ' || r == '"' || !strconv.IsPrint(r) }) {
		n = strconv.Quote(n)
	}
	return ", did you mean " + n + "?"
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

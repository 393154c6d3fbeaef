package logs

import "strings"

// SafeCell writes a text cell of a CSV file so that a spreadsheet opening
// the file shows it and runs nothing: text starting with =, +, -, @, a tab
// or a carriage return (after any apostrophes), which a spreadsheet would
// run as a formula, gets an apostrophe before it, as OWASP advises:
// "=HYPERLINK(...)" is written "'=HYPERLINK(...)". A number stays as it is
// ("-3", "+1.5e-05": a spreadsheet reads a number, not a formula), and so
// does any other text. Every CSV file cordon writes passes its cells
// through SafeCell; the log readers take the apostrophe off again
// (plainCell), so that a name written and read back is the same name,
// one starting with an apostrophe too (the name '=x is written with two).
func SafeCell(s string) string {
	if formulaLike(s) {
		return "'" + s
	}
	return s
}

// plainCell undoes SafeCell: a cell read from a log that SafeCell would
// have written for another value loses its first apostrophe.
func plainCell(s string) string {
	if strings.HasPrefix(s, "'") && formulaLike(s[1:]) {
		return s[1:]
	}
	return s
}

// formulaLike reports whether SafeCell puts an apostrophe before s: s,
// after any apostrophes it starts with, starts with a character that makes
// a spreadsheet cell a formula, and is not a number.
func formulaLike(s string) bool {
	rest := strings.TrimLeft(s, "'")
	return rest != "" && strings.IndexByte("=+-@\t\r", rest[0]) >= 0 && !isDecimal(rest)
}

// isDecimal reports whether s is a number written in decimal, with a sign,
// a fraction and an exponent or not (-3, +1.5, -.5, 2e-05): what a
// spreadsheet reads as a number. Inf, NaN and hexadecimal are not.
func isDecimal(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			exp++
		}
		if exp == 0 {
			return false
		}
	}
	return i == len(s)
}

// safeComment writes a comment line of a log so that a spreadsheet,
// which splits it at its commas like any line, finds no formula in it: a
// comma followed by a character SafeCell guards against, or by a quote,
// gets an apostrophe after it. The comment reads the same to a person.
func safeComment(line string) string {
	if !strings.Contains(line, ",") {
		return line
	}
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		b.WriteByte(line[i])
		if line[i] == ',' && i+1 < len(line) && strings.IndexByte("=+-@\t\r\"", line[i+1]) >= 0 {
			b.WriteByte('\'')
		}
	}
	return b.String()
}

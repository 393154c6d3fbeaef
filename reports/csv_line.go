package reports

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"cordon/logs"
)

// csvLines builds a CSV file's rows as writeCSVRow writes them through
// encoding/csv, byte for byte: text through logs.SafeCell, quoted where
// encoding/csv quotes it; numbers as formatFloat writes them (a number
// needs neither). It makes no []string a row nor a string a number, for
// the report's long files (replications.csv, the plots' data).
type csvLines struct {
	b     []byte
	cells int // cells in the row being built
}

// text appends a cell of text.
func (l *csvLines) text(s string) {
	l.comma()
	l.b = appendCSVField(l.b, logs.SafeCell(s))
}

// cell appends a cell of text as cellText wrote it: the same text in row
// after row, worked out once.
func (l *csvLines) cell(encoded []byte) {
	l.comma()
	l.b = append(l.b, encoded...)
}

// cellText is s as text writes it.
func cellText(s string) []byte { return appendCSVField(nil, logs.SafeCell(s)) }

// number appends a cell holding v, empty when v is not finite.
func (l *csvLines) number(v float64) {
	l.comma()
	if !math.IsNaN(v) && !math.IsInf(v, 0) {
		l.b = strconv.AppendFloat(l.b, v, 'g', -1, 64)
	}
}

// integer appends a cell holding n.
func (l *csvLines) integer(n int) {
	l.comma()
	l.b = strconv.AppendInt(l.b, int64(n), 10)
}

func (l *csvLines) comma() {
	if l.cells > 0 {
		l.b = append(l.b, ',')
	}
	l.cells++
}

// end ends the row.
func (l *csvLines) end() {
	l.b = append(l.b, '\n')
	l.cells = 0
}

// appendCSVField appends field as encoding/csv's Writer writes it with
// its defaults (comma, LF).
func appendCSVField(b []byte, field string) []byte {
	if !csvNeedsQuotes(field) {
		return append(b, field...)
	}
	b = append(b, '"')
	for len(field) > 0 {
		i := strings.IndexAny(field, "\"\r\n")
		if i < 0 {
			i = len(field)
		}
		b = append(b, field[:i]...)
		field = field[i:]
		if len(field) > 0 {
			if field[0] == '"' {
				b = append(b, '"', '"')
			} else {
				b = append(b, field[0]) // \r or \n, as they are
			}
			field = field[1:]
		}
	}
	return append(b, '"')
}

// csvNeedsQuotes is encoding/csv's Writer's test of a field, with a comma.
func csvNeedsQuotes(field string) bool {
	if field == "" {
		return false
	}
	if field == `\.` || strings.ContainsAny(field, "\n\r\",") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r)
}

package reports

import (
	"bytes"
	"encoding/csv"
	"math"
	"testing"

	"cordon/logs"
)

// csvLines writes the bytes encoding/csv writes of the cells through
// logs.SafeCell (as every report's CSV was written before csvLines): text
// that a spreadsheet would run, that needs quotes (a comma, a quote, a line
// break, a carriage return, a leading space of any kind, encoding/csv's
// `\.`), empty, Chinese; and numbers as formatFloat writes them, none
// finite among them.
func TestCSVLinesAsEncodingCSV(t *testing.T) {
	texts := []string{"", "plain", "with, comma", `say "hi"`, "two\nlines", "cr\rhere", "crlf\r\nend",
		" lead", "\tlead", "\u00a0nbsp", "\u3000全角", `\.`, `\.x`, "=1+2", "+1", "-3", "@sum", "'=x", "排队人数",
		"trail ", "\"", ",", "\n", "=\"a,b\"\n"}
	numbers := []float64{0, math.Copysign(0, -1), 1, -3, 1.5e-05, 123456789012345678, 0.1, math.NaN(), math.Inf(1), math.Inf(-1), -2.5e+300}
	var l csvLines
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	for i, s := range texts {
		n := numbers[i%len(numbers)]
		l.text(s)
		l.number(n)
		l.integer(i - 3)
		l.text(s + s)
		l.cell(cellText(s))
		l.end()
		writeSafeRow(w, []string{s, formatFloat(n), formatFloat(float64(i - 3)), s + s, s})
	}
	l.text("last")
	l.end()
	writeSafeRow(w, []string{"last"})
	w.Flush()
	if !bytes.Equal(l.b, buf.Bytes()) {
		t.Errorf("csvLines wrote\n%q\nencoding/csv\n%q", l.b, buf.Bytes())
	}
}

// writeSafeRow writes a row through encoding/csv, every cell through
// logs.SafeCell: what csvLines must write.
func writeSafeRow(w *csv.Writer, cells []string) {
	safe := make([]string, len(cells))
	for i, c := range cells {
		safe[i] = logs.SafeCell(c)
	}
	_ = w.Write(safe)
}

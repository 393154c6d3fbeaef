package reports_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cordon/reports"
	"cordon/scenarios"
)

// hostileKind and hostileFile are a kind of delivery and a log file named
// with HTML, Markdown, a terminal escape, a line break and a control
// character.
const (
	hostileKind = "<i>parcels</i> |x| *y* \x1b[31mred\x01"
	hostileFile = "arrivals <b>.csv\n| \x1b]0;title\x07 |"
)

// TestReviewHostileText: a scenario, a kind, a change and the log files
// named with hostile text come out intact in review.json and hours.csv, as
// Go escapes on the terminal, and escaped in summary.md and index.html: no
// control character reaches the terminal, no tag survives as a tag, no
// Markdown table row gains or loses a column.
func TestReviewHostileText(t *testing.T) {
	over := []scenarios.Override{{Path: "name", Value: jsonQuote(hostileName)},
		{Path: "deliveries.express.name", Value: jsonQuote(hostileKind)}}
	sc := dayOne(t, over...)
	changed := dayOne(t, append(over, scenarios.Override{Path: "gate.shelves", Value: "10"})...)
	r := reviewOf(t, sc, true, changed)
	src := reports.ReviewSources{Arrivals: hostileFile, Roster: hostileFile, Observed: hostileFile, Change: hostileFile, Skipped: 1}

	// The terminal: no control character but the line breaks.
	var term bytes.Buffer
	if err := reports.WriteReviewSummary(&term, r, src); err != nil {
		t.Fatal(err)
	}
	for i, c := range term.Bytes() {
		if (c < 0x20 && c != '\n') || c == 0x7f {
			t.Fatalf("a control character %q reaches the terminal at byte %d", c, i)
		}
	}
	for _, want := range []string{`\n line \x01 end`, `\x1b[31mred\x01: time to the door, mean`, `arrivals <b>.csv\n| \x1b]0;title\a |`} {
		if !strings.Contains(term.String(), want) {
			t.Errorf("the terminal summary lacks %q", want)
		}
	}

	dir := filepath.Join(t.TempDir(), reports.Slug(sc.Name))
	if err := reports.ReviewReport(r, src).Write(context.Background(), reports.Dest{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}

	// review.json: the very same text back.
	var doc struct {
		Scenario string `json:"scenario"`
		Sources  struct {
			Arrivals string `json:"arrivals"`
		} `json:"sources"`
		KPIs []struct {
			Name string `json:"name"`
		} `json:"kpis"`
		Stages []struct {
			Kind string `json:"kind"`
		} `json:"stages"`
		Change struct {
			Change string `json:"change"`
		} `json:"change"`
	}
	if err := json.Unmarshal([]byte(read("review.json")), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Scenario != hostileName || doc.Sources.Arrivals != hostileFile || doc.Change.Change != hostileFile ||
		len(doc.Stages) == 0 || doc.Stages[0].Kind != hostileKind || doc.KPIs[0].Name != hostileKind+".delivered" {
		t.Errorf("review.json: %q, %q, %q, %+v", doc.Scenario, doc.Sources.Arrivals, doc.Change.Change, doc.Stages)
	}

	// hours.csv: every row as wide as the header.
	rows, err := csv.NewReader(strings.NewReader(read("hours.csv"))).ReadAll()
	if err != nil || len(rows) != len(r.Hours)+1 {
		t.Fatalf("hours.csv: %d rows, %v", len(rows), err)
	}

	// summary.md: no tag, no escape, every table row as wide as its head.
	md := read("summary.md")
	for _, raw := range []string{"<b>", "<i>", "\x1b", "\x01"} {
		if strings.Contains(md, raw) {
			t.Errorf("summary.md has a raw %q", raw)
		}
	}
	cells := -1
	for _, line := range strings.Split(md, "\n") {
		if !strings.HasPrefix(line, "|") {
			cells = -1
			continue
		}
		n := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|")
		if cells < 0 {
			cells = n
		} else if n != cells {
			t.Errorf("summary.md row of %d cells under a head of %d: %q", n-1, cells-1, line)
		}
	}

	// index.html: escaped, no tag of the text as a tag.
	html := read("index.html")
	for _, raw := range []string{"<b>x</b>", "<i>parcels</i>", "<b>.csv"} {
		if strings.Contains(html, raw) {
			t.Errorf("index.html has a raw %q", raw)
		}
	}
	if !strings.Contains(html, "&lt;i&gt;parcels&lt;/i&gt;") {
		t.Error("index.html does not show the kind's name escaped")
	}
}

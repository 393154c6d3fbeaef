package reports_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cordon/reports"
	"cordon/scenarios"
	"cordon/sim/compound"
	"cordon/sim/experiment"
)

// hostileName and hostilePool hold HTML, quotes, Markdown, a line break and
// a control character; the description is very long.
const (
	hostileName = "<b>x</b> \"q\" & 'a' |pipe| *star* _u_ \n line \x01 end"
	hostilePool = "gate <i>crew</i> | \"x\""
)

// TestHostileTextInEveryFormat: a scenario and a pool named with hostile
// text come out intact in results.json and replications.csv (read back
// with their own decoders) and escaped in summary.md and index.html: no
// tag of the text survives as a tag, no table row of summary.md is broken,
// no line of the text escapes its cell.
func TestHostileTextInEveryFormat(t *testing.T) {
	long := strings.Repeat("<script>alert('x')</script> & ", 400)
	sc, err := scenarios.Resolve("baseline",
		scenarios.Override{Path: "name", Value: jsonQuote(hostileName)},
		scenarios.Override{Path: "description", Value: jsonQuote(long)},
		scenarios.Override{Path: "staff.gate-crew.name", Value: jsonQuote(hostilePool)})
	if err != nil {
		t.Fatal(err)
	}
	out, err := experiment.Run(context.Background(), sc, experiment.Options{Replications: 2})
	if err != nil {
		t.Fatal(err)
	}
	tg, _ := compound.ParseTarget("gate.staging.max <= 1000")
	targets, err := experiment.CheckTargets(out, []compound.Target{tg})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), reports.Slug(sc.Name))
	if err := reports.WriteRun(context.Background(), reports.Dest{Dir: dir}, out, targets, nil); err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}

	// The terminal summary: no control character reaches the terminal.
	var term strings.Builder
	if err := reports.WriteSummary(&term, out, 5); err != nil {
		t.Fatal(err)
	}
	if first := strings.SplitN(term.String(), "\n", 2)[0]; strings.ContainsAny(first, "\x01") || !strings.Contains(first, `\n line \x01 end`) {
		t.Errorf("terminal summary: %q", first)
	}

	// JSON: decodes back to the very same text.
	var doc struct {
		Scenario    string `json:"scenario"`
		Description string `json:"description"`
		Bottlenecks []struct {
			Post string `json:"post"`
		} `json:"bottlenecks"`
	}
	if err := json.Unmarshal([]byte(read("results.json")), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Scenario != hostileName || doc.Description != long {
		t.Errorf("results.json: scenario %q", doc.Scenario)
	}
	found := false
	for _, b := range doc.Bottlenecks {
		found = found || b.Post == hostilePool
	}
	if !found {
		t.Error("results.json: the pool's name is not among the posts")
	}

	// CSV: the first column reads back as the name, every row has 5 fields.
	rows, err := csv.NewReader(strings.NewReader(read("replications.csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows[1:] {
		if len(r) != 5 || r[0] != hostileName {
			t.Fatalf("replications.csv row %d: %q", i+2, r)
		}
	}

	// Markdown: no tag survives, table rows keep their columns.
	md := read("summary.md")
	for _, raw := range []string{"<b>", "<i>", "<script>"} {
		if strings.Contains(md, raw) {
			t.Errorf("summary.md has a raw %s", raw)
		}
	}
	hostileRows := 0
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "| ") && strings.Contains(line, "gate") && strings.Contains(line, "crew") {
			hostileRows++
			if cells := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|"); cells != 8 && cells != 5 {
				t.Errorf("summary.md row broken by the name: %q", line)
			}
		}
	}
	if hostileRows == 0 {
		t.Error("summary.md has no table row with the hostile pool name")
	}

	// HTML: escaped by html/template, no tag of the text as a tag.
	html := read("index.html")
	for _, raw := range []string{"<b>x</b>", "<i>crew</i>", "<script>alert"} {
		if strings.Contains(html, raw) {
			t.Errorf("index.html has a raw %q", raw)
		}
	}
	if !strings.Contains(html, "&lt;b&gt;x&lt;/b&gt;") {
		t.Error("index.html does not show the name escaped")
	}
}

func jsonQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

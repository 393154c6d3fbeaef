package reports_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/reports"
	"cordon/scenarios"
	"cordon/text"
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
		scenarios.Override{Path: "staff.gate-crew.name", Value: jsonQuote(hostilePool)},
		scenarios.Override{Path: "floors.on_duty[0].pool", Value: jsonQuote(hostilePool)}) // the floor names the pool
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
	if err := reports.RunReport(out, targets, nil).Write(context.Background(), reports.Dest{Dir: dir}); err != nil {
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
			// 9 columns (bottlenecks) or 5 (targets, KPIs): 10 or 6 bars.
			if cells := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|"); cells != 10 && cells != 6 {
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

// hostileKindName is a kind of delivery named with a terminal escape that
// would clear the screen, the 8-bit CSI, a right-to-left override (which
// shows "gnp-exe" as "exe-png"), a line break, a tab and a NUL;
// hostileKindShown is how a terminal shows it.
const (
	hostileKindName  = "parcels \x1b[2J\u009b31m\u202egnp-exe\u2066 \n x\ty\x00"
	hostileKindShown = `parcels \x1b[2J\u009b31m\u202egnp-exe\u2066 \n x\ty\x00`
)

// unsafeRune reports a rune that must never reach a terminal or a page as
// it is: C0 and C1 controls, DEL, the line and paragraph separators and the
// bidirectional controls (which reorder what is shown: U+202E makes
// "gpj.exe" read "exe.jpg"). keep are the controls a format may use.
func unsafeRune(r rune, keep string) bool {
	if strings.ContainsRune(keep, r) {
		return false
	}
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0, r == 0x2028, r == 0x2029:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

// checkShown fails when text holds a rune unsafeRune refuses.
func checkShown(t *testing.T, what, text, keep string) {
	t.Helper()
	for i, r := range text {
		if unsafeRune(r, keep) {
			t.Errorf("%s: %U reaches the output at byte %d: %q", what, r, i, text[max(0, i-40):min(len(text), i+40)])
			return
		}
	}
}

// TestHostileControlsInEveryFormat: a kind named with terminal escapes, a
// bidirectional override and a line break reaches no terminal summary or
// table, summary.md, index.html or results.json as it is: each shows it
// escaped, on one line; results.json, replications.csv and sweep.csv give
// it back exactly (read by a JSON or CSV reader).
func TestHostileControlsInEveryFormat(t *testing.T) {
	sc, err := scenarios.Resolve("baseline",
		scenarios.Override{Path: "name", Value: strconv.QuoteToASCII("base\u202eline\x1b]0;x\x07")},
		scenarios.Override{Path: "deliveries.express.name", Value: strconv.QuoteToASCII(hostileKindName)})
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
	delivered := hostileKindName + ".delivered"
	sweep := &experiment.Sweep{Axes: []experiment.Axis{{Path: "gate.shelves", Values: []string{"\u202e4"}}},
		Points: []experiment.SweepPoint{{Values: []string{"\u202e4"}, Outcome: out}}}

	// The terminal: the summary (its group header names the kind), the
	// targets and a sweep's table, each line as the program wrote it.
	var term strings.Builder
	if err := reports.WriteSummary(&term, out, 5); err != nil {
		t.Fatal(err)
	}
	if err := reports.WriteTargets(&term, targets); err != nil {
		t.Fatal(err)
	}
	if err := reports.WriteSweepTable(&term, sweep, []string{delivered}); err != nil {
		t.Fatal(err)
	}
	checkShown(t, "terminal", term.String(), "\n")
	for _, want := range []string{"\ndeliveries: " + hostileKindShown + "\n", "  " + hostileKindShown + ".delivered\n", `base\u202eline\x1b]0;x\a`} {
		if !strings.Contains(term.String(), want) {
			t.Errorf("the terminal lacks %q:\n%s", want, term.String())
		}
	}
	if got := text.TermSafe("a\u202eb\u200fc\u061cd\u2069e\u0085f"); got != `a\u202eb\u200fc\u061cd\u2069e\u0085f` {
		t.Errorf("TermSafe: %q", got)
	}

	dir := filepath.Join(t.TempDir(), "run")
	if err := reports.RunReport(out, targets, nil).Write(context.Background(), reports.Dest{Dir: dir}); err != nil {
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

	// summary.md: escaped, every table row as wide as its head.
	md := read("summary.md")
	checkShown(t, "summary.md", md, "\n")
	if !strings.Contains(md, `\u202egnp-exe\u2066`) {
		t.Errorf("summary.md does not show the kind escaped")
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

	// The SVG plots: the controls marked (ESC is not even allowed in XML).
	svgs, err := filepath.Glob(filepath.Join(dir, "plots", "*.svg"))
	if err != nil || len(svgs) == 0 {
		t.Fatalf("no SVG plots: %v", err)
	}
	legend := false
	for _, p := range svgs {
		svg := read(filepath.Join("plots", filepath.Base(p)))
		checkShown(t, filepath.Base(p), svg, "\n\t\r")
		legend = legend || strings.Contains(svg, `\u202egnp-exe\u2066`)
	}
	if !legend {
		t.Error("no SVG plot names the kind")
	}

	// results.json: every control a JSON escape, the very same name back.
	doc := read("results.json")
	checkShown(t, "results.json", doc, "\n")
	var res struct {
		KPIs []struct {
			Name string `json:"name"`
		} `json:"kpis"`
	}
	if err := json.Unmarshal([]byte(doc), &res); err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(res.KPIs, func(k struct {
		Name string `json:"name"`
	}) bool {
		return k.Name == delivered
	}) {
		t.Errorf("results.json: no KPI reads back as %q", delivered)
	}

	// index.html: the controls marked, not passed on.
	html := read("index.html")
	checkShown(t, "index.html", html, "\n\t\r")
	if !strings.Contains(html, `\u202egnp-exe\u2066`) {
		t.Error("index.html does not mark the bidirectional controls")
	}

	// CSV: the very same name back.
	for name, data := range map[string]string{"replications.csv": read("replications.csv"), "sweep.csv": string(reports.SweepCSV(sweep))} {
		rows, err := csv.NewReader(strings.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		found := false
		for _, r := range rows {
			found = found || slices.Contains(r, delivered)
		}
		if !found {
			t.Errorf("%s: no cell reads back as %q", name, delivered)
		}
	}
}

package reports

import (
	"bytes"
	"context"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/language"

	"cordon/compound"
	"cordon/experiment"
	"cordon/lang"
	"cordon/scenarios"
)

// chinese is the words of a Chinese report, its figures in English (no
// font needed: the pages and tables are what these tests read).
func chinese() *Words { return NewWords(lang.New(language.SimplifiedChinese), nil) }

// codeChars mark a word as a name a planner types (a KPI's, a path's, a
// file's, a flag's): express.door_time.p95, gate.shelves=10,
// differences.csv, --target.
const codeChars = "._=@/[<>"

// englishLeft returns the English words of s, a Chinese output: runs of
// Latin letters that are not a name a planner types (codeChars), nor one
// of allowed (the scenarios' and their posts' own names, which are written
// as they are).
func englishLeft(s string, allowed ...string) []string {
	s = quoted.ReplaceAllString(s, " ")
	var b strings.Builder
	for _, r := range s {
		switch {
		case displayWidth(string(r)) == 2, unicode.Is(unicode.Han, r):
			b.WriteRune(' ')
		case strings.ContainsRune("()[],;:\"'`“”*|+−–—→≤≥·、，。：；（）", r):
			b.WriteRune(' ')
		default:
			b.WriteRune(r)
		}
	}
	var out []string
	for _, w := range strings.Fields(b.String()) {
		switch {
		case !strings.ContainsFunc(w, func(r rune) bool { return r < unicode.MaxASCII && unicode.IsLetter(r) }):
		case strings.ContainsAny(w, codeChars), strings.HasPrefix(w, "--"):
		case slices.Contains(allowed, w), w[0] >= '0' && w[0] <= '9': // a number with its unit as typed: 30s
		default:
			out = append(out, w)
		}
	}
	return out
}

// checkChinese fails the test when out, a Chinese output, has English
// words, and says which.
func checkChinese(t *testing.T, what, out string, allowed ...string) {
	t.Helper()
	if left := englishLeft(out, allowed...); len(left) > 0 {
		slices.Sort(left)
		t.Errorf("%s has English words: %q\n%s", what, slices.Compact(left), out)
	}
}

// The words that stay as they are in a Chinese output: the KPI codes'
// and the built-in scenarios' names, and the words a Chinese planner
// reads as they are.
var keptWords = []string{"A", "B", "C", "D", "t", "KPI", "cordon", "baseline", "day-one", "two-days", "small", "mmc", "CSV", "JSON", "PNG", "SVG", "Student-t", "limiting-posts"}

var (
	// quoted is what a text quotes as code: `cordon plan`, or a value
	// --set takes: ={from: 06:30, to: 14:30}.
	quoted  = regexp.MustCompile("`[^`]*`|=\\{[^}]*\\}")
	tags    = regexp.MustCompile(`(?s)<style>.*?</style>|<script>.*?</script>|<[^>]*>`)
	nbsp    = strings.NewReplacer("&nbsp;", " ")
	headers = regexp.MustCompile(`(?s)<header>.*?</header>`)
)

// pageText is the text a page shows, without its header (the scenarios'
// own descriptions) and without its figures.
func pageText(t *testing.T, p page, w *Words) string {
	t.Helper()
	p.Plots = nil
	b, err := renderPage(p, w)
	if err != nil {
		t.Fatal(err)
	}
	b = headers.ReplaceAll(b, nil)
	return html.UnescapeString(nbsp.Replace(string(tags.ReplaceAll(b, []byte(" ")))))
}

// Every page in Chinese: no English left in its headings, columns,
// verdicts, units and notes.
func TestChinesePages(t *testing.T) {
	w := chinese()
	pages, pl := chinesePages(t)
	for name, r := range pages {
		t.Run(name, func(t *testing.T) {
			c, err := r.build(w)
			if err != nil {
				t.Fatal(err)
			}
			kept := keptWords
			if name == "plan" {
				kept = append(ownNames(pl.Input), kept...)
			}
			checkChinese(t, name+"'s page", pageText(t, c.page, w), kept...)
		})
	}
}

// Every terminal table in Chinese: no English left.
func TestChineseTables(t *testing.T) {
	tables := chineseTables(t, chinese())
	for name, write := range tables {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := write(&b); err != nil {
				t.Fatal(err)
			}
			checkChinese(t, name+"'s table", b.String(), keptWords...)
		})
	}
}

// chineseData is what the Chinese pages and tables are written from: the
// one-more-unit analysis, the sensitivity and the plan of the test data,
// and a review of day-one with what would have helped.
func chineseData(t *testing.T) (*experiment.Marginal, *experiment.Sensitivity, *experiment.Plan, *experiment.Review) {
	t.Helper()
	m, err := dataMarginal()
	if err != nil {
		t.Fatal(err)
	}
	sens, err := dataSensitivity()
	if err != nil {
		t.Fatal(err)
	}
	pl, err := dataPlan()
	if err != nil {
		t.Fatal(err)
	}
	return m, sens, pl, helpedDayOne(t)
}

// dataTwoDays is two-days over 2 replications: a run of two days, whose
// summary has the tables of the days.
func dataTwoDays(t *testing.T) *experiment.Outcome {
	t.Helper()
	sc, err := scenarios.Resolve("two-days")
	if err != nil {
		t.Fatal(err)
	}
	o, err := experiment.Run(context.Background(), sc, experiment.Options{Replications: 2})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// ownNames are the names a scenario gives its kinds of delivery, zones,
// staff pools, testing sites and posts, which a Chinese report writes as
// they are.
func ownNames(sc *compound.Scenario) []string {
	var out []string
	for _, k := range sc.Kinds {
		out = append(out, k.Name)
	}
	for _, z := range sc.Zones {
		out = append(out, z.Name)
	}
	for _, p := range sc.Staff {
		out = append(out, p.Name)
	}
	if sc.Sampling != nil {
		for _, st := range sc.Sampling.Sites {
			out = append(out, st.Name)
		}
	}
	for _, p := range sc.Posts {
		out = append(out, p.Name)
	}
	return out
}

// helpedDayOne is day-one's log (replication 0) replayed through day-one
// over three replications, with ten shelves at the gate as the change and
// what would have helped ranked.
func helpedDayOne(t *testing.T) *experiment.Review {
	t.Helper()
	sc, roomy, log := dayOneLog(t)
	r, err := experiment.ReviewDay(context.Background(), sc, log.Arrivals, nil, experiment.ObservedOf(log),
		experiment.ReviewAsk{Helped: true, Change: &experiment.DayChange{Scenario: roomy}}, experiment.Options{Replications: 3})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// What a verdict needs, in Chinese, for the defaults and for minimum
// effects given on the command line: every part read, none left in
// English.
func TestChineseMinEffects(t *testing.T) {
	kpis := []compound.KPI{{Name: "express.door_time.p95", Unit: "s"}}
	w := chinese()
	for _, c := range []struct {
		given []string
		want  string
	}{
		{nil, "时长1分钟，比例0.5个百分点，计数1，速率参照场景平均值的1%"},
		{[]string{"durations=2m", "shares=1%", "counts=5", "rates=2%"}, "时长2分钟，比例1个百分点，计数5，速率参照场景平均值的2%"},
		{[]string{"express.door_time.p95=5m"}, "时长1分钟，比例0.5个百分点，计数1，速率参照场景平均值的1%，另有1个指标单独设定"},
		{[]string{"0"}, "0（无最小差值）"},
	} {
		m, err := experiment.ParseMinEffects(c.given, kpis)
		if err != nil {
			t.Fatal(err)
		}
		if got := w.minEffects(m); got != c.want {
			t.Errorf("%q: %q, want %q (English: %q)", c.given, got, c.want, m.Describe())
		}
	}
}

// A word looked up under a prefix (a plan's action, a verdict, a
// factor's kind, what a zero-cost knob arranges) is itself in English,
// and itself in Chinese when the catalogue lacks it: never its key.
func TestPrefixedWords(t *testing.T) {
	for _, c := range []struct {
		w         *Words
		prefix, s string
		want      string
	}{
		{English(), "action:", "restore", "restore"},
		{English(), "action:", "a-new-action", "a-new-action"},
		{English(), "verdict:", "worse", "worse"},
		{chinese(), "action:", "restore", "恢复"},
		{chinese(), "action:", "a-new-action", "a-new-action"},
		{chinese(), "factor-kind:", "time", "用时"},
	} {
		if got := c.w.word(c.prefix, c.s); got != c.want {
			t.Errorf("%s%s in %s: %q, want %q", c.prefix, c.s, c.w.HTML(), got, c.want)
		}
	}
	var b bytes.Buffer
	pl, err := dataPlan()
	if err != nil {
		t.Fatal(err)
	}
	if err := English().WritePlanTable(&b, pl); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "action:") {
		t.Errorf("the plan's search shows a key:\n%s", b.String())
	}
}

// A built-in scenario is described in Chinese on a Chinese page and in
// its summary.md, and in English on an English one.
func TestChineseDescription(t *testing.T) {
	o := dataTwoDays(t)
	zh, _ := scenarios.ChineseDescription(o.Scenario)
	first, _, _ := strings.Cut(zh, "\n")
	for _, c := range []struct {
		w    *Words
		want string
	}{{chinese(), first}, {English(), firstLine(o.Scenario.Description)}} {
		built, err := RunReport(o, nil, nil).build(c.w)
		if err != nil {
			t.Fatal(err)
		}
		b, err := renderPage(built.page, c.w)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(html.UnescapeString(string(b)), c.want) {
			t.Errorf("%s page: no description %q", c.w.HTML(), c.want)
		}
		if md := string(c.w.SummaryMarkdown(o, nil, nil)); !strings.Contains(md, c.want) {
			t.Errorf("%s summary.md: no description %q", c.w.HTML(), c.want)
		}
	}
	built, err := ComparisonReport(baselineAgainstDayOne(t, 2)).build(chinese())
	if err != nil {
		t.Fatal(err)
	}
	b, err := renderPage(built.page, chinese())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "封控第一天") {
		t.Error("the Chinese comparison page does not describe day-one in Chinese")
	}
}

// chinesePages are a report of every command, of the data chineseData
// makes, for the tests that read each Chinese page, and the plan they
// show.
func chinesePages(t *testing.T) (map[string]Report, *experiment.Plan) {
	m, sens, pl, rv := chineseData(t)
	return map[string]Report{
		"replay":      ReviewReport(rv, ReviewSources{Arrivals: "arrivals.csv", Change: "gate.shelves=10", Synthetic: true}),
		"plan":        PlanReport(pl, sens),
		"compare":     ComparisonReport(baselineAgainstDayOne(t, 2)),
		"sweep":       SweepReport(reportSweep(t), []string{"gate.staging.max"}),
		"bottlenecks": MarginalReport(m),
		"sensitivity": SensitivityReport(sens),
		"run+gains":   RunReport(dataTwoDays(t), nil, m),
	}, pl
}

// chineseTables are the terminal table of every command, written by w from
// the data chineseData makes, for the tests that read each Chinese table.
func chineseTables(t *testing.T, w *Words) map[string]func(*bytes.Buffer) error {
	m, sens, pl, rv := chineseData(t)
	return map[string]func(*bytes.Buffer) error{
		"replay": func(b *bytes.Buffer) error {
			return w.WriteReviewSummary(b, rv, ReviewSources{Arrivals: "arrivals.csv", Change: "gate.shelves=10", Synthetic: true})
		},
		"plan":        func(b *bytes.Buffer) error { return w.WritePlanTable(b, pl) },
		"sweep":       func(b *bytes.Buffer) error { return w.WriteSweepTable(b, reportSweep(t), []string{"gate.staging.max"}) },
		"bottlenecks": func(b *bytes.Buffer) error { return w.WriteMarginalTable(b, m, 0) },
		"sensitivity": func(b *bytes.Buffer) error { return w.WriteSensitivityTable(b, sens, 0) },
		"compare":     func(b *bytes.Buffer) error { return w.WriteComparisonTable(b, baselineAgainstDayOne(t, 2)) },
		"run":         func(b *bytes.Buffer) error { return w.WriteSummary(b, dataTwoDays(t), 5) },
	}
}

package serve

import (
	"encoding/json"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/lang"
	"cordon/scenarios"
)

// TestCatalogueHasEveryText: every text the templates and the script ask
// for is in every language's catalogue, and every language has the same
// keys as English, so that a page never shows a key in brackets.
func TestCatalogueHasEveryText(t *testing.T) {
	cats := catalogues()
	en := cats[defaultLang]
	var keys []string
	// Keys written in the templates.
	tmpl := regexp.MustCompile(`\{\{-?\s*(?:t|tf|count) "([^"]+)"`)
	err := fs.WalkDir(files, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(files, p)
		for _, m := range tmpl.FindAllStringSubmatch(string(data), -1) {
			keys = append(keys, m[1])
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// Keys the script asks for.
	js, err := fs.ReadFile(files, "static/app.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`\b(?:msg|count)\("([^"]+)"`).FindAllStringSubmatch(string(js), -1) {
		if !strings.HasSuffix(m[1], ".") { // "state." + a state: below
			keys = append(keys, "js."+m[1])
		}
	}
	// Keys made from values.
	for _, st := range []string{stateQueued, stateRunning, stateDone, stateFailed, stateCancelled} {
		keys = append(keys, "state."+st, "js.state."+st)
	}
	for _, k := range []string{kindRun, kindCompare, kindPlan, kindReplay} {
		keys = append(keys, "kind."+k, "heading."+k)
	}
	for _, g := range editorGroups() {
		keys = append(keys, "group."+g.key, "group."+g.key+".note")
	}
	for _, k := range []string{"builtin", "file", "run"} {
		keys = append(keys, "edit.source."+k)
	}
	for _, k := range []string{"name", "symlink", "notfile"} {
		keys = append(keys, "refused."+k)
	}
	for _, k := range []string{"better", "worse", "differs", "none"} {
		keys = append(keys, "verdict."+k)
	}
	if len(keys) < 100 {
		t.Fatalf("found only %d keys: is the pattern right?", len(keys))
	}
	for _, k := range keys {
		if _, ok := en[k]; !ok {
			t.Errorf("the English catalogue lacks %q", k)
		}
	}
	for lang, cat := range cats {
		for k := range en {
			if _, ok := cat[k]; !ok {
				t.Errorf("%s lacks %q", lang, k)
			}
		}
		for k, v := range cat {
			e, ok := en[k]
			if !ok {
				t.Errorf("%s has %q, which English has not", lang, k)
			} else if got, want := verbOrder.FindAllString(v, -1), verbOrder.FindAllString(e, -1); !slices.Equal(got, want) {
				t.Errorf("%s %q fills %q, English %q: the page fills them in English's order", lang, k, got, want)
			}
			if strings.Contains(strings.ReplaceAll(v, "%%", ""), "%") && !verbs.MatchString(v) {
				t.Errorf("%s %q: a %% that is not a verb: write %%%% for a percent sign", lang, k)
			}
		}
	}
}

// verbOrder finds a message's verbs, in order.
var verbOrder = regexp.MustCompile(`%[dsqv]`)

// verbs matches a message whose every % is a verb or %%.
var verbs = regexp.MustCompile(`^([^%]|%%|%[dsqv])*$`)

// TestSchemaTranslated: every description of the scenario schema (what
// the editor says beside each value) and every field's name (its labels)
// has its translation in every language but English, and no translation
// is of a text the schema no longer has. When a doc tag of the scenario types changes, change its
// translation in schema_zh.go with it.
func TestSchemaTranslated(t *testing.T) {
	var root any
	if err := json.Unmarshal(scenarios.Schema(), &root); err != nil {
		t.Fatal(err)
	}
	descs, names := map[string]bool{}, map[string]bool{}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if d, ok := v["description"].(string); ok {
				descs[d] = true
			}
			if props, ok := v["properties"].(map[string]any); ok {
				for n := range props {
					names[n] = true
				}
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(root)
	if len(descs) < 100 {
		t.Fatalf("found only %d descriptions in the schema", len(descs))
	}
	for lang := range catalogues() {
		if lang == defaultLang {
			continue
		}
		tr := engineTranslations()[lang].schema
		for d := range descs {
			if _, ok := tr[d]; !ok {
				t.Errorf("%s lacks the translation of the schema's %q", lang, d)
			}
		}
		for d := range tr {
			if !descs[d] {
				t.Errorf("%s translates %q, which the schema no longer says", lang, d)
			}
		}
		words := engineTranslations()[lang].fields
		for n := range names {
			if _, ok := words.names[n]; !ok {
				t.Errorf("%s lacks the word for the field %q", lang, n)
			}
		}
		for n := range words.names {
			if !names[n] {
				t.Errorf("%s has a word for %q, which is no field of the schema", lang, n)
			}
		}
	}
}

// TestKPILabelsTranslated: every KPI the built-in and validation
// scenarios report has its Chinese label in package lang, which the pages
// use; every unit has its word.
func TestKPILabelsTranslated(t *testing.T) {
	units := map[string]bool{}
	var all []*compound.Scenario
	for _, b := range scenarios.Builtins() {
		sc, err := scenarios.Resolve(b.Name)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, sc)
	}
	// The KPIs no built-in scenario has: a kind's deadline, the sampling
	// lab's, the sweep's, and the posts and routes of the validation
	// scenarios.
	deadline, err := scenarios.Resolve("baseline", mustOverride(t, "deliveries.takeout.deadline=2h"))
	if err != nil {
		t.Fatal(err)
	}
	all = append(all, deadline)
	// and the sampling lab's
	lab, err := scenarios.Resolve("baseline", mustOverride(t, `sampling.lab={test: 20m, prevalence: 0.01, sampled_by: "15:00"}`))
	if err != nil {
		t.Fatal(err)
	}
	all = append(all, lab)
	// Residents who miss their call, and the sweep team that finds them.
	missed, err := scenarios.Resolve("baseline")
	if err != nil {
		t.Fatal(err)
	}
	missed.Staff = append(missed.Staff, compound.Pool{Name: "sweepers", Count: 2, Tasks: []compound.Task{{Task: compound.TaskSweep}}})
	missed.Sampling.NoShows = compound.NoShows{Share: 0.05, Sweep: compound.Sweep{After: 3600, Visit: compound.Const(300)}}
	all = append(all, missed)
	posts, err := filepath.Glob("../scenarios/validation/*.yaml")
	if err != nil || len(posts) == 0 {
		t.Fatalf("no validation scenarios (%v)", err)
	}
	for _, p := range posts {
		sc, err := scenarios.LoadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, sc)
	}
	zh := engineTranslations()["zh-CN"].printer
	for _, sc := range all {
		for _, k := range compound.Catalog(sc) {
			units[k.Unit] = true
			if got := zh.KPILabel(k.Name, k.Of, k.Label); got == k.Label {
				t.Errorf("zh-CN lacks the label of the KPI %s (%q)", k.Name, k.Label)
			}
		}
	}
	en := catalogues()[defaultLang]
	for u := range units {
		if _, ok := en["unit."+u]; !ok && u != "s" && u != "share" && u != "h" {
			t.Errorf("the catalogue lacks the word for the unit %q", u)
		}
	}
}

// TestKPITitleOfADay: a page names a KPI as the command line's reports
// do: in Chinese by its label from package lang after its subject in
// words, a day's KPI with its day and a later round's with its round, for
// any day of a run; in English, and for a KPI without a translation, by its
// title as it is.
func TestKPITitleOfADay(t *testing.T) {
	zh := engineTranslations()["zh-CN"].printer
	for _, c := range []struct {
		p                 *lang.Printer
		name, title, want string
	}{
		{zh, "express.door_time.mean@day7", "express: time to the door, mean, day 7", "快递：送到家门口用时，平均，第7天"},
		{zh, "items.delivered@day12", "items delivered, every kind, day 12", "送到家门口的物品数（各类合计），第12天"},
		{zh, "items.delivered", "items delivered, every kind", "送到家门口的物品数（各类合计）"},
		{zh, "no.such.kpi", "no such label", "no such label"},
		{nil, "express.door_time.mean@day7", "express: time to the door, mean, day 7", "express: time to the door, mean, day 7"},
		{zh, "sampling.makespan@round3", "round's length, round 3", "本轮核酸采样用时，第3轮"},
		{zh, "sampling.sweep_done@round2", "time to sweep, round 2", "扫楼完成用时，第2轮"},
	} {
		if got := kpiTitle(c.p, c.name, c.title); got != c.want {
			t.Errorf("kpiTitle(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}

// mustOverride is the override of a --set argument.
func mustOverride(t *testing.T, set string) scenarios.Override {
	t.Helper()
	o, err := scenarios.ParseOverride(set)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// TestFiguresInTheLanguage: staff-hours and differences of a share are
// written as the command line's reports write them in each language
// (65.0小时 and 个百分点 in Chinese, not h and pp).
func TestFiguresInTheLanguage(t *testing.T) {
	cats, engine := catalogues(), engineTranslations()
	zh := engine["zh-CN"].printer
	for _, c := range []struct {
		lang, got, want string
	}{
		{"en", formatValue(cats["en"], nil, "h", 65), "65.0 h"},
		{"en", formatSigned(cats["en"], nil, "h", 32.5), "+32.5 h"},
		{"en", formatSigned(cats["en"], nil, "share", -0.148), "−14.8 pp"},
		{"zh-CN", formatValue(cats["zh-CN"], zh, "h", 65), "65.0小时"},
		{"zh-CN", formatSigned(cats["zh-CN"], zh, "h", 32.5), "+32.5小时"},
		{"zh-CN", formatSigned(cats["zh-CN"], zh, "share", -0.148), "−14.8个百分点"},
		{"zh-CN", formatValue(cats["zh-CN"], zh, "share", 0.462), "46.2%"},
	} {
		if c.got != c.want {
			t.Errorf("in %s: %q, want %q", c.lang, c.got, c.want)
		}
	}
}

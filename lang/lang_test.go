package lang_test

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"cordon/compound"
	"cordon/lang"
	"cordon/scenarios"
)

// TestEveryKPIHasChinese: every whole-run KPI of every built-in scenario,
// and of the baseline with a sampling lab, has a Chinese label and
// description, and the description names its subject (a day's KPI takes
// its whole run's: TestDayKPIChinese).
func TestEveryKPIHasChinese(t *testing.T) {
	zh := lang.New(language.SimplifiedChinese)
	lab, err := scenarios.ParseOverride(`sampling.lab={test: 20m, sampled_by: "15:00"}`)
	if err != nil {
		t.Fatal(err)
	}
	var all []*compound.Scenario
	for _, b := range scenarios.Builtins() {
		sc, err := scenarios.Resolve(b.Name)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, sc)
	}
	withLab, err := scenarios.Resolve("baseline", lab)
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range append(all, withLab) {
		for _, k := range compound.Catalog(sc) {
			if k.Day > 0 {
				continue
			}
			if got := zh.KPILabel(k.Name, k.Of, k.Label); got == k.Label || !hasHan(got) {
				t.Errorf("%s (%s): no Chinese label, got %q", k.Name, lang.KPIKey(k.Name, k.Of), got)
			}
			desc := zh.KPIDesc(k.Name, k.Of, k.Desc)
			if desc == k.Desc || !hasHan(desc) || strings.Contains(desc, "%!") {
				t.Errorf("%s: no Chinese description, got %q", k.Name, desc)
			}
			if k.Of != "" && !strings.Contains(desc, zh.Name(k.Of)) {
				t.Errorf("%s: the description %q does not name %s", k.Name, desc, k.Of)
			}
		}
	}
}

// TestDayKPIChinese: a day's KPI is labelled and described in Chinese as
// its whole run's KPI with the day, for every kind of subject; a later
// round's as round 1's with the round.
func TestDayKPIChinese(t *testing.T) {
	zh := lang.New(language.SimplifiedChinese)
	for _, c := range []struct{ name, of, label, desc string }{
		{"express.door_time.p95@day2", "express", "送到家门口用时，第95百分位，第2天", "快递物品送到家门口用时的第95百分位数，第2天"},
		{"households.same_day@day3", "", "当天送齐的户数比例，第3天", ""},
		{"staff.suited-crew.hours@day1", "suited-crew", "在岗人时，第1天", "穿防护服人员在岗的人时数，第1天"},
		{"sampling.site.site-a.queue.peak@day12", "site-a", "排队人数，最多，第12天", ""},
		{"sampling.makespan@round3", "", "本轮核酸采样用时，第3轮", ""},
		{"sampling.kits.returned@round2", "", "收回的抗原试剂盒数，第2轮", "用过后放在门口并已收走的抗原试剂盒数，第2轮"},
	} {
		if got := zh.KPILabel(c.name, c.of, "English"); got != c.label {
			t.Errorf("KPILabel(%s) = %q, want %q", c.name, got, c.label)
		}
		if got := zh.KPIDesc(c.name, c.of, "English"); c.desc != "" && got != c.desc || !hasHan(got) {
			t.Errorf("KPIDesc(%s) = %q, want %q", c.name, got, c.desc)
		}
	}
	if got := lang.English().KPILabel("express.door_time.p95@day2", "express", "time to the door, 95th percentile, day 2"); got != "time to the door, 95th percentile, day 2" {
		t.Errorf("English day label changed: %q", got)
	}
}

// TestEveryPathHasWords: every settable path of the built-ins has a label
// in words in both languages, none of its parts left as code (no
// underscore, no brackets).
func TestEveryPathHasWords(t *testing.T) {
	en, zh := lang.English(), lang.New(language.SimplifiedChinese)
	for _, b := range scenarios.Builtins() {
		sc, err := scenarios.Resolve(b.Name)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range scenarios.Paths(sc) {
			if l := en.PathLabel(p.Path); strings.ContainsAny(l, "_[]") {
				t.Errorf("%s: English label %q", p.Path, l)
			}
			if l := zh.PathLabel(p.Path); strings.ContainsAny(l, "_[]") || !hasHan(l) {
				t.Errorf("%s: Chinese label %q", p.Path, l)
			}
		}
	}
}

func TestPathLabel(t *testing.T) {
	en, zh := lang.English(), lang.New(language.SimplifiedChinese)
	for path, want := range map[string][2]string{
		"staff.suited-crew.shifts[0].count": {"suited crew, shift 1, people", "穿防护服人员，第1班，人数"},
		"gate.shelves":                      {"gate, parcel shelves", "大门，快递货架"},
		"buildings.7.households":            {"building 7, households", "7号楼，户数"},
	} {
		if got := en.PathLabel(path); got != want[0] {
			t.Errorf("English %s = %q, want %q", path, got, want[0])
		}
		if got := zh.PathLabel(path); got != want[1] {
			t.Errorf("Chinese %s = %q, want %q", path, got, want[1])
		}
	}
}

// TestEveryMessageHasChinese: every message of the catalogue has its
// Chinese, with the same verbs as its English.
func TestEveryMessageHasChinese(t *testing.T) {
	zh := lang.New(language.SimplifiedChinese)
	for _, key := range lang.Keys() {
		if !zh.Has(key) {
			t.Errorf("%q has no Chinese", key)
		}
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]language.Tag{
		"zh-CN": language.SimplifiedChinese, "zh_CN.UTF-8": language.SimplifiedChinese, "zh": language.SimplifiedChinese,
		"zh-Hans": language.SimplifiedChinese, "en": language.English, "en_GB.UTF-8": language.English, "C": language.English,
	} {
		got, err := lang.Parse(in)
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := lang.Parse("fr"); err == nil {
		t.Error("Parse(fr) gave no error")
	}
}

func TestFromEnv(t *testing.T) {
	env := func(vars map[string]string) func(string) string { return func(k string) string { return vars[k] } }
	for _, c := range []struct {
		vars map[string]string
		want language.Tag
	}{
		{map[string]string{}, language.English},
		{map[string]string{"LANG": "zh_CN.UTF-8"}, language.SimplifiedChinese},
		{map[string]string{"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, language.English},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, language.SimplifiedChinese},
	} {
		if got := lang.FromEnv(env(c.vars)); got != c.want {
			t.Errorf("FromEnv(%v) = %v, want %v", c.vars, got, c.want)
		}
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

func TestPost(t *testing.T) {
	en, zh := lang.English(), lang.New(language.SimplifiedChinese)
	for name, want := range map[string][2]string{
		"zone-volunteers/zone-9": {"zone volunteers / zone 9", "片区志愿者 / 9号片区"},
		"site-a swab":            {"site a swab", "A采样点·采样"},
		"carts":                  {"carts", "推车"},
		"my-own-post":            {"my-own-post", "my-own-post"},
	} {
		if got := en.Post(name); got != want[0] {
			t.Errorf("English Post(%q) = %q, want %q", name, got, want[0])
		}
		if got := zh.Post(name); got != want[1] {
			t.Errorf("Chinese Post(%q) = %q, want %q", name, got, want[1])
		}
	}
}

func TestError(t *testing.T) {
	zh := lang.New(language.SimplifiedChinese)
	for msg, want := range map[string]string{
		"1 of 1 scenarios missed a target":                                                                     "1个场景中有1个未达成目标",
		`target "takeout.door_time.p95<=45": a duration needs a unit: write 45m (or 45s, 1h)`:                  `target "takeout.door_time.p95<=45": 时长需要单位：请写45m（或45s、1h）`,
		"--set gate.shelves=-3: gate.shelves: must not be negative, got -3":                                    "--set gate.shelves=-3: gate.shelves: 不能为负数，实际为-3",
		"--set gate.shelfs=3: gate.shelfs: unknown field, did you mean shelves?":                               "--set gate.shelfs=3: gate.shelfs: 未知字段，是否想写 shelves？",
		"--set gate.shelfs=5: gate.shelfs: unknown field, did you mean shelves? (fields here: open, shelves)":  "--set gate.shelfs=5: gate.shelfs: 未知字段，是否想写 shelves？（此处可用字段：open, shelves）",
		"--set buildings.9.residents=1: buildings.9: no building with id 9, did you mean 1? (buildings: 1, A)": "--set buildings.9.residents=1: buildings.9: no building with id 9，是否想写 1？ (buildings: 1, A)",
		"--step gate.intak: durations.csv has no such step, did you mean gate.intake?":                         "--step gate.intak: durations.csv中没有这个步骤，是否想写 gate.intake？",
		"day/arrivals.csv: the arrivals log has problems (above)":                                              "day/arrivals.csv: 到达记录有问题（见上文）",
		`a.csv:1: unknown column "arrived": the columns are time, kind`:                                        `a.csv:1: 未知列"arrived"：可用的列为 time, kind`,
		"a.csv:1: time: missing column: when each item arrived":                                                "a.csv:1: time: 缺少列：when each item arrived",
	} {
		if got := zh.Error(msg); got != want {
			t.Errorf("Error(%q) = %q, want %q", msg, got, want)
		}
	}
	if got := lang.English().Error("1 of 1 scenarios missed a target"); got != "1 of 1 scenarios missed a target" {
		t.Errorf("English changed the message: %q", got)
	}
}

// A subject named like a part of the KPI's name (a testing site called
// "site") still finds the KPI's Chinese label and description.
func TestKPISubjectNamedLikeAPart(t *testing.T) {
	zh := lang.New(language.SimplifiedChinese)
	if got := zh.KPILabel("sampling.site.site.queue.peak", "site", "queue, most"); got != "排队人数，最多" {
		t.Errorf("label %q, want 排队人数，最多", got)
	}
	if got := zh.KPIDesc("sampling.site.site.makespan", "site", "time from the start"); got != "从本轮开始到site核酸采样点最后一位居民采样完成的时间" {
		t.Errorf("description %q", got)
	}
	if got := zh.KPILabel("posts.queue.queue.mean", "queue", "queue, mean"); got != "排队人数，平均" {
		t.Errorf("a post called queue: label %q, want 排队人数，平均", got)
	}
}

// Figures in Chinese are written as fmt writes them, as in English: no
// thousands separators in a seed or a cost (x/text's printer groups
// digits by locale).
func TestChineseFiguresUngrouped(t *testing.T) {
	zh := lang.New(language.SimplifiedChinese)
	got := zh.Sprintf("%d replications, seed %d", 2106, uint64(2747864327033918226))
	if want := "2106次重复运行，随机种子2747864327033918226"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := zh.Sprintf("cost %.0f", 90740.0), "成本90740"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A Chinese printer compiles its error sentences once, not at every
// error: replay reports one error per bad row of a log, and compiling
// the hundred or so patterns for each made about 5,900 allocations a
// call; compiled once, each pattern's replacement still allocated (about
// 1,100 a call with three hundred patterns), and only a pattern that
// matches is replaced now: 2 a call.
func TestErrorCompilesItsSentencesOnce(t *testing.T) {
	zh := lang.New(language.SimplifiedChinese)
	msg := "day/arrivals.csv:7: time: not a clock time"
	zh.Error(msg)
	if n := testing.AllocsPerRun(20, func() { zh.Error(msg) }); n > 100 {
		t.Errorf("Error made %.0f allocations a call; its sentences are compiled again each time", n)
	}
}

// Help gives one of cobra's words as the catalogue writes it, a % in it
// no verb; English, and a word the catalogue does not have, unchanged.
func TestHelp(t *testing.T) {
	en, zh := lang.English(), lang.New(language.SimplifiedChinese)
	if got, want := zh.Help(" (default %s)"), "（默认：%s）"; got != want {
		t.Errorf("Chinese Help = %q, want %q", got, want)
	}
	if got := en.Help(" (default %s)"); got != " (default %s)" {
		t.Errorf("English Help = %q", got)
	}
	if got := zh.Help("a word cobra has not"); got != "a word cobra has not" {
		t.Errorf("Help of an unknown word = %q", got)
	}
}

// A command's text and a flag's usage are found by where they stand, a
// flag's usage of its own first; English, and a text the catalogue does
// not have, are the English given.
func TestCommandHelp(t *testing.T) {
	en, zh := lang.English(), lang.New(language.SimplifiedChinese)
	short := "What moves the KPIs: every volume and service time ±20%"
	if got, want := zh.CommandHelp("sensitivity", "short", short), "什么在影响指标：每项数量和服务用时各 ±20%"; got != want {
		t.Errorf("Chinese sensitivity.short = %q, want %q", got, want)
	}
	if tr, ok := zh.CommandTranslation("sensitivity", "short"); !ok || tr.Key != "help:sensitivity.short" || tr.Of != lang.Fingerprint(short) {
		t.Errorf("sensitivity.short: %+v, %v; want the fingerprint %s", tr, ok, lang.Fingerprint(short))
	}
	if got := en.CommandHelp("sensitivity", "short", short); got != short {
		t.Errorf("English sensitivity.short = %q", got)
	}
	if _, ok := en.CommandTranslation("sensitivity", "short"); ok {
		t.Error("the English printer has a translation of sensitivity.short")
	}
	if got := zh.CommandHelp("nosuch", "long", "text"); got != "text" {
		t.Errorf("Chinese nosuch.long = %q", got)
	}
	for _, c := range []struct{ command, key string }{
		{"plan", "help:--csv"}, {"kpis", "help:kpis --output"}, {"plan", "help:--output"},
	} {
		flag := strings.TrimPrefix(c.key[strings.Index(c.key, "--"):], "--")
		if tr, ok := zh.FlagTranslation(c.command, flag); !ok || tr.Key != c.key {
			t.Errorf("%s --%s: %+v, %v; want %s", c.command, flag, tr, ok, c.key)
		}
	}
	if got := zh.FlagHelp("plan", "nosuch", "usage"); got != "usage" {
		t.Errorf("Chinese plan --nosuch = %q", got)
	}
}

// The fingerprint is the first 8 hex digits of the English's SHA-256.
func TestFingerprint(t *testing.T) {
	if got, want := lang.Fingerprint("abc"), "ba7816bf"; got != want {
		t.Errorf("Fingerprint(abc) = %s, want %s", got, want)
	}
}

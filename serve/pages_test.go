package serve_test

import (
	"fmt"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"

	"cordon/scenarios"
	"cordon/serve"
)

// hostile is scenario text that would run as script if a page did not
// escape it.
const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)> & "q"`

// hostileScenario is the baseline named and described with hostile
// text.
func hostileScenario(t *testing.T) []byte {
	t.Helper()
	data, ok := scenarios.Builtin("baseline")
	if !ok {
		t.Fatal("no baseline")
	}
	out, err := scenarios.Rewrite("baseline.yaml", data,
		scenarios.Override{Path: "name", Value: `'` + strings.ReplaceAll(hostile, `'`, `''`) + `'`},
		scenarios.Override{Path: "staff.suited-crew.name", Value: `'<b>crew</b>'`})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestUserTextEscaped: a scenario's own text (its name, its pools' names)
// shows as text on every page, never as markup.
func TestUserTextEscaped(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	if code, out := ts.post("/api/scenarios", form(nil, map[string][2]string{"file": {"hostile.yaml", string(hostileScenario(t))}})); code != http.StatusOK {
		t.Fatalf("upload: %d %v", code, out)
	}
	st := ts.wait(ts.start("/api/run", map[string]any{"source": "file:hostile.yaml",
		"changes": []map[string]string{{"path": "replications", "value": "2"}}}))
	if st.State != "done" {
		t.Fatalf("the run ended %s: %s", st.State, st.Error)
	}
	for _, path := range []string{"/", "/edit?s=file:hostile.yaml", "/runs", "/runs/" + st.Run + "/", "/compare", "/plan"} {
		code, body := ts.open(path)
		if code != http.StatusOK {
			t.Errorf("GET %s: %d", path, code)
			continue
		}
		for _, raw := range []string{"<script>alert", "<img src=x", "<b>crew</b>"} {
			if strings.Contains(body, raw) {
				t.Errorf("GET %s shows %q as markup", path, raw)
			}
		}
	}
	_, body := ts.open("/edit?s=file:hostile.yaml")
	if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the editor does not show the hostile name as text")
	}
}

// TestLanguageAsked: the pages are in the language the browser prefers
// (Accept-Language) among English and Simplified Chinese; ?lang=, the
// switch on every page, overrides it and is remembered; a language the
// pages are not written in falls back to English and says so.
func TestLanguageAsked(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	for _, c := range []struct{ accept, lang, nav string }{
		{"zh-CN,zh;q=0.9,en;q=0.8", "zh-CN", "场景"},
		{"zh", "zh-CN", "场景"},
		{"de, zh-Hans;q=0.5", "zh-CN", "场景"},
		{"en-GB,zh-CN;q=0.8", "en", "Scenarios"},
		{"fr", "en", "Scenarios"},
		{"", "en", "Scenarios"},
		{"not a language;;;", "en", "Scenarios"},
	} {
		_, body := ts.open("/", "Accept-Language", c.accept)
		if !strings.Contains(body, `<html lang="`+c.lang+`">`) || !strings.Contains(body, `>`+c.nav+`</a>`) {
			t.Errorf("Accept-Language %q: the page is not in %s", c.accept, c.lang)
		}
		if strings.Contains(body, `class="langnote"`) {
			t.Errorf("Accept-Language %q: the page says a language is missing; only a language asked for with ?lang= is", c.accept)
		}
	}
	// The switch: a link to each language, back to the same page.
	_, body := ts.open("/compare?s=builtin:baseline")
	for _, link := range []string{`href="/compare?lang=zh-CN&amp;s=builtin%3Abaseline"`, `href="/compare?lang=en&amp;s=builtin%3Abaseline"`, `>中文</a>`, `>English</a>`} {
		if !strings.Contains(body, link) {
			t.Errorf("the language switch lacks %s", link)
		}
	}
	// ?lang= wins over Accept-Language, and is remembered.
	if _, body := ts.open("/?lang=zh-CN", "Accept-Language", "en"); !strings.Contains(body, `<html lang="zh-CN">`) {
		t.Error("?lang=zh-CN: the page is not in Chinese")
	}
	if _, body := ts.open("/runs", "Accept-Language", "en"); !strings.Contains(body, `<html lang="zh-CN">`) {
		t.Error("the language chosen is not remembered")
	}
	// The answers to the pages' requests are in the language chosen.
	if code, ans := ts.post("/api/compare", map[string]any{"scenarios": []any{map[string]any{"source": "builtin:baseline"}}}); code != http.StatusBadRequest ||
		!strings.Contains(fmt.Sprint(ans["general"]), "两到四个") {
		t.Errorf("comparing one scenario, in Chinese: %d %v, want the refusal in Chinese", code, ans)
	}
	// A tag of the same language names it: zh and zh-Hans are Simplified
	// Chinese, as --lang zh is on the command line.
	for _, tag := range []string{"zh", "zh-Hans", "ZH-cn"} {
		if _, body := ts.open("/?lang="+tag, "Accept-Language", "en"); !strings.Contains(body, `<html lang="zh-CN">`) || strings.Contains(body, `class="langnote"`) {
			t.Errorf("?lang=%s: the page is not in Chinese, or says Chinese is missing", tag)
		}
	}
	_, body = ts.open("/?lang=fr")
	if !strings.Contains(body, `<html lang="en">`) || !strings.Contains(body, `not yet written in &#34;fr&#34;`) {
		t.Errorf("asked for fr: the page does not say it is shown in English")
	}
	if _, body := ts.open("/?lang=en", "Accept-Language", "zh-CN"); strings.Contains(body, "not yet written") || !strings.Contains(body, `<html lang="en">`) {
		t.Error("?lang=en: the page is not in English, or says English is missing")
	}
}

// TestEveryPageHasItsText: no page shows a catalogue key in brackets (a
// text missing from the catalogue).
func TestEveryPageHasItsText(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	st := ts.wait(ts.start("/api/run", run("replications=2")))
	paths := []string{"/", "/edit?s=builtin:day-one", "/compare", "/plan", "/replay", "/runs", "/runs/" + st.Run + "/", "/nowhere"}
	for _, lang := range []string{"en", "zh-CN"} {
		ts.open("/?lang=" + lang)
		for _, path := range paths {
			_, body := ts.open(path)
			if !strings.Contains(body, `<html lang="`+lang+`">`) {
				t.Errorf("GET %s after ?lang=%s: not in %s", path, lang, lang)
			}
			if i := strings.Index(body, ">["); i >= 0 && strings.Contains(body[i:min(len(body), i+60)], ".") {
				t.Errorf("GET %s in %s shows a key: %q", path, lang, body[i:min(len(body), i+60)])
			}
		}
	}
}

// TestHeadingsInTheLanguage: the heading of a job and of its result says
// what the work is in the page's language, whatever the language it was
// started in; the result's name in the history stays as it was.
func TestHeadingsInTheLanguage(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	ts.open("/?lang=en")
	id := ts.start("/api/compare", map[string]any{"reps": 2,
		"scenarios": []any{map[string]any{"source": "builtin:baseline"}, map[string]any{"source": "builtin:more-suited-crew"}}})
	ts.open("/?lang=zh-CN")
	if _, body := ts.open("/jobs/" + id); !strings.Contains(body, "<h1>对比 baseline</h1>") {
		t.Error("the comparison's job page in Chinese is not headed 对比 baseline")
	}
	st := ts.wait(id)
	if st.Run != "0001-compare-baseline" {
		t.Errorf("the comparison is kept as %q, want 0001-compare-baseline", st.Run)
	}
	if _, body := ts.open("/runs/" + st.Run + "/"); !strings.Contains(body, "<h1>对比 baseline</h1>") || !strings.Contains(body, "<title>对比 baseline · cordon</title>") {
		t.Error("the comparison's page in Chinese is not headed 对比 baseline")
	}
	ts.open("/?lang=en")
	if _, body := ts.open("/runs/" + st.Run + "/"); !strings.Contains(body, "<h1>compare baseline</h1>") {
		t.Error("the comparison's page in English is not headed compare baseline")
	}
}

// TestEditorInChinese: in Chinese the editor says what each value is,
// how it is written and its limits in Chinese, from the schema's
// descriptions translated.
func TestEditorInChinese(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	_, body := ts.open("/edit?s=builtin:baseline&lang=zh-CN")
	for _, want := range []string{"在岗人数", "时刻，HH:MM 或 HH:MM:SS，从 00:00 到 24:00", "整数 · 0至100000", "唯一的物资入口大门及其暂存区",
		"班次1（07:00–19:00） · 人数", "防护服 · 上限", "<h3>大门</h3>"} {
		if !strings.Contains(body, want) {
			t.Errorf("the editor in Chinese lacks %q", want)
		}
	}
	for _, english := range []string{"staff on duty", "a time of day, HH:MM", "the single supply gate", "shift 1", "<h3>gate</h3>"} {
		if strings.Contains(body, english) {
			t.Errorf("the editor in Chinese still says %q", english)
		}
	}
}

// TestResultInChinese: in Chinese a result's figures are named and their
// units written in Chinese, the scenario's own names (its kinds, its
// pools) as they are.
func TestResultInChinese(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	st := ts.wait(ts.start("/api/run", run("replications=2")))
	_, body := ts.open("/runs/" + st.Run + "/?lang=zh-CN")
	// The KPIs' labels are the command line's (package lang), their
	// subjects in words, durations as the Chinese report writes them.
	for _, want := range []string{"外卖：送到家门口用时，第95百分位", "采样点排队人数，最多", "穿防护服人员：利用率", "sampling.queue.peak &lt;= 50"} {
		if !strings.Contains(body, want) {
			t.Errorf("the result in Chinese lacks %q", want)
		}
	}
	if !regexp.MustCompile(`\d+分\d+秒<`).MatchString(body) {
		t.Error("the result in Chinese does not write its durations in Chinese (4分29秒)")
	}
	if d := regexp.MustCompile(`\d+ (min|s|h)\b[^"]*<`).FindString(body); d != "" {
		t.Errorf("the result in Chinese writes a duration in English: %q", d)
	}
	if !regexp.MustCompile(`\d人<`).MatchString(body) || !regexp.MustCompile(`\d件<`).MatchString(body) {
		t.Error("the result in Chinese does not write its people and items as 人 and 件")
	}
	for _, english := range []string{"time to the door", "queue at a site", " people<", " items<"} {
		if strings.Contains(body, english) {
			t.Errorf("the result in Chinese still says %q", english)
		}
	}
	_, body = ts.open("/runs/" + st.Run + "/?lang=en")
	for _, want := range []string{"takeout: time to the door, 95th percentile", " people<"} {
		if !strings.Contains(body, want) {
			t.Errorf("the result in English lacks %q", want)
		}
	}
}

// TestReplayInChinese: the replay page in Chinese names what would have
// helped as the review's report does: the posts in words and the changes on
// the roster in Chinese, not in the engine's English.
func TestReplayInChinese(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	arrivals, err := os.ReadFile("../scenarios/incident/arrivals.csv")
	if err != nil {
		t.Fatal(err)
	}
	roster, err := os.ReadFile("../scenarios/incident/roster.csv")
	if err != nil {
		t.Fatal(err)
	}
	st := ts.wait(ts.start("/api/replay", form([]string{"source", "builtin:day-one", "reps", "2", "helped", "on"},
		map[string][2]string{"arrivals": {"arrivals.csv", string(arrivals)}, "roster": {"roster.csv", string(roster)}})))
	if st.State != "done" {
		t.Fatalf("the replay: %s %s", st.State, st.Error)
	}
	_, body := ts.open("/runs/" + st.Run + "/?lang=zh-CN")
	for _, want := range []string{"穿防护服人员按计划", "<td>集装箱</td>"} {
		if !strings.Contains(body, want) {
			t.Errorf("the replay in Chinese lacks %q", want)
		}
	}
	for _, english := range []string{"as planned (", "<td>containers</td>", "<td>suited-crew</td>"} {
		if strings.Contains(body, english) {
			t.Errorf("the replay in Chinese still says %q", english)
		}
	}
	code, body := ts.open("/runs/" + st.Run + "/?lang=en")
	for _, want := range []string{"suited-crew as planned (", "<td>containers</td>"} {
		if !strings.Contains(body, want) {
			t.Errorf("the replay in English (%d) lacks %q", code, want)
		}
	}
}

// TestPlanInChinese: the plan page in Chinese names each change as the
// plan's report does, in words, not by the engine's English name; the
// change as --set writes it stays as code.
func TestPlanInChinese(t *testing.T) {
	ts := newTestServer(t, serve.Options{})
	st := ts.wait(ts.start("/api/plan", map[string]any{"source": "builtin:baseline", "targets": "sampling.queue.peak <= 80",
		"only_given": true, "reps": 3, "confirm": 6}))
	if st.State != "done" {
		t.Fatalf("the plan: %s %s", st.State, st.Error)
	}
	_, body := ts.open("/runs/" + st.Run + "/?lang=zh-CN")
	if !strings.Contains(body, "<td>每批楼栋数</td>") || !strings.Contains(body, "<code>sampling.calling.per_wave=") {
		t.Errorf("the plan in Chinese does not name its change 每批楼栋数, with sampling.calling.per_wave= as code")
	}
	if strings.Contains(body, "buildings per wave") {
		t.Error("the plan in Chinese still says \"buildings per wave\"")
	}
	if !strings.Contains(body, `<td title="--target 'sampling.queue.peak &lt;= 80'">采样点排队人数，最多 ≤ 80人</td>`) {
		t.Error("the plan in Chinese does not name its target by its label (采样点排队人数，最多 ≤ 80人) with its code as the cell's title")
	}
	_, body = ts.open("/runs/" + st.Run + "/?lang=en")
	if !strings.Contains(body, "<td>buildings per wave</td>") {
		t.Error("the plan in English does not name its change \"buildings per wave\"")
	}
}

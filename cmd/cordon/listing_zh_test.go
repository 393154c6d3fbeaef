package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/language"

	"cordon/lang"
	"cordon/scenarios"
)

// quotedCode is what a Chinese text may keep in English: a code in
// parentheses or backquotes, (staff.POOL.hours), `cordon plan`.
var quotedCode = regexp.MustCompile("（[^）]*）|\\([^)]*\\)|`[^`]*`")

// englishWord finds an English word of two letters or more.
var englishWord = regexp.MustCompile(`[A-Za-z]{2,}`)

// checkWords fails when s, a cell of a Chinese listing, is not in
// Chinese: it has no Chinese character, or an English word outside
// parentheses.
func checkWords(t *testing.T, what, s string) {
	t.Helper()
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		t.Errorf("%s: %q has no Chinese", what, s)
		return
	}
	if w := englishWord.FindString(quotedCode.ReplaceAllString(s, "")); w != "" {
		t.Errorf("%s: %q has the English word %q", what, s, w)
	}
}

// In Chinese, cordon kpis and cordon paths of every built-in scenario
// write every column head, label, description, unit, direction and kind
// of value in Chinese, and keep the names --target, --kpi and --set take.
func TestChineseListings(t *testing.T) {
	zh := lang.New(language.SimplifiedChinese)
	for _, b := range scenarios.Builtins() {
		sc, err := scenarios.Resolve(b.Name)
		if err != nil {
			t.Fatal(err)
		}
		kpis := kpiListing(sc, zh)
		for _, h := range kpis.heads {
			checkWords(t, b.Name+" kpis head", h)
		}
		for _, r := range kpis.rows {
			if strings.ContainsFunc(r[0], func(r rune) bool { return r > unicode.MaxASCII }) {
				t.Errorf("%s kpis: name %q is not the code --target takes", b.Name, r[0])
			}
			checkWords(t, r[0]+" unit", kpis.shown[1](r[1]))
			if r[2] != "" {
				checkWords(t, r[0]+" better", kpis.shown[2](r[2]))
			}
			checkWords(t, r[0]+" label", r[3])
			checkWords(t, r[0]+" description", r[4])
		}
		paths := pathListing(sc, zh)
		for _, h := range paths.heads {
			checkWords(t, b.Name+" paths head", h)
		}
		for _, r := range paths.rows {
			checkWords(t, r[0]+" label", r[1])
			checkWords(t, r[0]+" type", r[2])
		}
	}
}

// The Chinese table keeps its columns lined up for the width Chinese
// takes, and its JSON keeps the keys and codes of the English one.
func TestChineseListingFormats(t *testing.T) {
	zh := lang.New(language.SimplifiedChinese)
	sc, err := scenarios.Resolve("baseline")
	if err != nil {
		t.Fatal(err)
	}
	var table, js bytes.Buffer
	if err := kpiListing(sc, zh).write(&table, outputFlags{format: "table"}); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^takeout\.door_time\.p95 +秒 +越低越好 +外卖：送到家门口用时，第95百分位 +外卖物品送到家门口用时的第95百分位数$`).Match(table.Bytes()) {
		t.Errorf("no Chinese row for takeout.door_time.p95:\n%s", table.String())
	}
	if err := kpiListing(sc, zh).write(&js, outputFlags{format: "json"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"name": "takeout.door_time.p95"`, `"unit": "s"`, `"better": "lower"`, `"label": "外卖：送到家门口用时，第95百分位"`} {
		if !strings.Contains(js.String(), want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
}

package reports

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

// englishPunctuation is English punctuation in Chinese text: a full stop
// or a list's comma right after a Chinese word ("数。", not "数."; "快递、
// 亲友送物", not "快递, 亲友送物"), an English bracket opened after one
// ("快递（12小时）", not "快递 (12小时)"), or a space after a full-width
// colon ("文件：index.html", not "文件： index.html"). An interval's comma
// ("[0秒, 5秒]") is the figures' own notation, as in English.
var englishPunctuation = regexp.MustCompile(`\p{Han}(\. |\.$|, | \()|：\s`)

// intervals are the confidence and prediction intervals of a text.
var intervals = regexp.MustCompile(`\[[^\]]*\]`)

// checkChinesePunctuation fails the test when s, a Chinese text, has
// English punctuation (englishPunctuation), and says where.
func checkChinesePunctuation(t *testing.T, what, s string) {
	t.Helper()
	text := intervals.ReplaceAllString(s, "[]")
	for _, m := range englishPunctuation.FindAllStringIndex(text, -1) {
		before, after := []rune(text[:m[0]]), []rune(text[m[1]:])
		t.Errorf("%s has English punctuation at %q: …%s%s%s…", what, text[m[0]:m[1]],
			string(before[max(len(before)-20, 0):]), text[m[0]:m[1]], string(after[:min(len(after), 20)]))
	}
}

// Every Chinese figure's caption is punctuated in Chinese: the door
// times' list of targets too far to draw, the stages of a replay.
func TestChineseCaptionsPunctuated(t *testing.T) {
	eachChineseFigure(t, func(t *testing.T, name string, p Plot) {
		checkChinesePunctuation(t, name+"/"+p.Name+"'s caption", p.Caption)
	})
}

// Every Chinese page is punctuated in Chinese: each figure's title
// ends its sentence with 。, and the note of the files the folder holds
// lists them after 文件： with 、.
func TestChinesePagesPunctuated(t *testing.T) {
	w := chinese()
	pages, _ := chinesePages(t)
	for name, r := range pages {
		t.Run(name, func(t *testing.T) {
			c, err := r.build(w)
			if err != nil {
				t.Fatal(err)
			}
			p := c.page
			p.Plots = []figure{{Name: "staging", Title: w.T("Items in the staging area by the gate"), Caption: "全天放在暂存区的物品数。"}}
			b, err := renderPage(p, w)
			if err != nil {
				t.Fatal(err)
			}
			b = headers.ReplaceAll(b, nil)
			text := html.UnescapeString(nbsp.Replace(string(tags.ReplaceAll(b, nil))))
			checkChinesePunctuation(t, name+"'s page", text)
			_, files, ok := strings.Cut(text, "文件：")
			if !ok {
				t.Fatalf("no note of the files:\n%s", text)
			}
			if strings.Contains(files, ", ") {
				t.Errorf("the note lists the files with English commas: 文件：%s", strings.TrimSpace(files))
			}
		})
	}
}

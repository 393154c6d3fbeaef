package main

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/text/language"

	"cordon/lang"
)

// helpTree is cordon's command tree as a user's --help finds it: cobra's
// help and completion commands added, and every command's -h.
func helpTree(getenv func(string) string) (*cobra.Command, []*cobra.Command) {
	std := &streams{out: io.Discard, err: io.Discard, getenv: getenv}
	root, _ := newRootCmd(std)
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var all []*cobra.Command
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		all = append(all, c)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return root, all
}

// TestHelpHasChinese: every command's description and every flag's usage
// (cordon's and cobra's own commands, hidden flags too) has its Chinese in
// the catalogue, translated from the English the command has now (its
// fingerprint), with no English sentence left and every flag and file
// the English names kept as it is; an example is command lines only.
func TestHelpHasChinese(t *testing.T) {
	zh := lang.New(language.SimplifiedChinese)
	_, all := helpTree(func(string) string { return "" })
	check := func(c *cobra.Command, what, key, en string, tr lang.HelpTranslation, ok bool) {
		t.Helper()
		if en == "" {
			return
		}
		if !ok {
			t.Errorf("%s: %s has no Chinese in the catalogue (lang/catalogue_help*.go): add %q with the fingerprint %s: %q", c.CommandPath(), what, key, lang.Fingerprint(en), en)
			return
		}
		if tr.Of != lang.Fingerprint(en) {
			t.Errorf("%s: %s: its English has changed since %q was translated: revise the Chinese, then set its fingerprint to %s", c.CommandPath(), what, tr.Key, lang.Fingerprint(en))
		}
		got := tr.Text
		if !hasHan(got) {
			t.Errorf("%s: %s: no Chinese in %q", c.CommandPath(), what, got)
		}
		if e := englishLeft(got); e != "" {
			t.Errorf("%s: %s: English left in the Chinese (%q): %q", c.CommandPath(), what, e, got)
		}
		for _, name := range typed.FindAllString(en, -1) {
			if !strings.Contains(got, name) {
				t.Errorf("%s: %s: the Chinese does not keep %s: %q", c.CommandPath(), what, name, got)
			}
		}
	}
	for _, c := range all {
		id := helpCommand(c)
		for field, en := range map[string]string{"short": c.Short, "long": c.Long} {
			tr, ok := zh.CommandTranslation(id, field)
			check(c, field, "help:"+id+"."+field, en, tr, ok)
		}
		if tr, ok := zh.CommandTranslation(id, "example"); ok || c.Example == "" {
			check(c, "example", "help:"+id+".example", c.Example, tr, ok)
		} else {
			for _, line := range strings.Split(c.Example, "\n") {
				if line != "" && !strings.HasPrefix(line, "  cordon ") {
					t.Errorf("%s: the example's line %q is not a command line: put the example's Chinese in the catalogue, with the fingerprint %s", c.CommandPath(), line, lang.Fingerprint(c.Example))
				}
			}
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if f.Name == "help" && f.Usage == "help for "+c.Name() {
				return // cobra's, "help for %s"
			}
			tr, ok := zh.FlagTranslation(id, f.Name)
			check(c, "--"+f.Name, "help:"+id+" --"+f.Name, f.Usage, tr, ok)
		})
	}
}

// TestHelpChineseWhole: every command's whole help in Chinese, from LANG,
// headings and flags included, has no English sentence but its examples.
func TestHelpChineseWhole(t *testing.T) {
	_, all := helpTree(func(k string) string {
		if k == "LANG" {
			return "zh_CN.UTF-8"
		}
		return ""
	})
	for _, c := range all {
		var out bytes.Buffer
		c.SetOut(&out)
		if err := c.Help(); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out.String(), mark) {
			t.Errorf("%s: a flag's mark left in the Chinese help: %q", c.CommandPath(), out.String())
		}
		text := strings.Replace(out.String(), c.Example, "", 1)
		if !strings.Contains(text, "用法：") && (c.Runnable() || c.HasSubCommands()) {
			t.Errorf("%s: no 用法： in the Chinese help:\n%s", c.CommandPath(), text)
		}
		for _, heading := range []string{"Usage:", "Aliases:", "Examples:", "Commands:", "Flags:", "help topics:", "for more information", "(default "} {
			if strings.Contains(text, heading) {
				t.Errorf("%s: cobra's English %q left in the Chinese help:\n%s", c.CommandPath(), heading, text)
			}
		}
		if e := englishLeft(text); e != "" {
			t.Errorf("%s: English left in the Chinese help (%q):\n%s", c.CommandPath(), e, text)
		}
	}
}

// typed are what a user types or reads as it is in a help's English: its
// flags, and its names with a dot or a slash (files, paths, KPIs; not
// e.g. nor a unit such as items/h).
var typed = regexp.MustCompile(`--[a-z][a-z-]*|[A-Za-z0-9_<>*-]{2,}(?:[./][A-Za-z0-9_<>*-]+)*[./][A-Za-z0-9_<>*-]{2,}`)

// englishLeft is the first two English words in a row in s, once what a
// user types is taken out: shell lines (indented with a tab), flags with
// their value, and cordon and its commands (as the command tree has
// them); "" when there are none.
func englishLeft(s string) string {
	_, all := helpTree(func(string) string { return "" })
	var names []string
	for _, c := range all[1:] {
		names = append(names, regexp.QuoteMeta(c.Name()))
	}
	command := regexp.MustCompile(`\bcordon(?: (?:` + strings.Join(names, "|") + `))*\b`)
	var lines []string
	for _, line := range strings.Split(s, "\n") {
		if !strings.HasPrefix(line, "\t") {
			lines = append(lines, line)
		}
	}
	s = strings.Join(lines, "\n")
	s = flagWithValue.ReplaceAllString(s, "·")
	s = command.ReplaceAllString(s, "·")
	return twoWords.FindString(s)
}

var (
	flagWithValue = regexp.MustCompile(`(?:^|[\s（(])-{1,2}[a-z][a-z-]*(?: [^\s，。；：、（）]+)?`)
	twoWords      = regexp.MustCompile(`[A-Za-z][a-z]+ [a-z]{2,}`)
)

// englishLeft finds English words in a row, and not the commands, flags
// and values a user types.
func TestEnglishLeft(t *testing.T) {
	for s, want := range map[string]string{
		"run 把每个方案运行，the built-in two-days":             "the built",
		"用法：\n  cordon run [SCENARIO...] [flags]":       "",
		"其他帮助主题：\n  Additional help topics":             "Additional help",
		"终端上不显示颜色（与 --color never 或 NO_COLOR=1 相同）":     "",
		"  cordon report RESULTS.json  根据结果文档重新生成":      "",
		"-o csv（或 --csv）把主表打印为 CSV":                     "",
		"\tsource <(cordon completion bash)":            "",
		"      --color string   在终端上用颜色标出（默认：\"auto\"）": "",
		"（默认：cordon-out/<scenario>），help for run":       "help for",
	} {
		if got := englishLeft(s); got != want {
			t.Errorf("englishLeft(%q) = %q, want %q", s, got, want)
		}
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

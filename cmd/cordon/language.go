package main

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"cordon/lang"
	"cordon/reports"
)

// languageFlag is --lang: the language of the summary, the reports, their
// figures and the error messages.
type languageFlag struct {
	value string
}

// words sets std.words from --lang, or from the environment when it is
// not given (LC_ALL, LC_MESSAGES, LANG starting with zh: Chinese). A
// Chinese report's figures need a CJK font; without one they are drawn
// in English, and one line on standard error says so.
func (f *languageFlag) words(std *streams) error {
	tag := lang.FromEnv(std.getenv)
	if f.value != "" {
		t, err := lang.Parse(f.value)
		if err != nil {
			return badInput(fmt.Errorf("--lang: %w", err))
		}
		tag = t
	}
	p := lang.New(tag)
	if tag != language.SimplifiedChinese {
		std.words = reports.NewWords(p, nil)
		return nil
	}
	cjk, err := reports.CJKFont(reports.CJKFonts(std.getenv))
	if err != nil {
		fmt.Fprintln(std.err, p.Sprintf("cordon: warning: figures drawn in English: %v", err))
	}
	std.words = reports.NewWords(p, cjk)
	return nil
}

// printer is the language errors are written in: --lang's, or, when the
// command stopped before reading its flags (one that does not parse), the
// --lang its arguments give, else the environment's.
func (std *streams) printer() *lang.Printer {
	if std.words != nil {
		return std.words.Printer
	}
	if t, err := lang.Parse(std.langArg); std.langArg != "" && err == nil {
		return lang.New(t)
	}
	return lang.New(lang.FromEnv(std.getenv))
}

// langArgOf is the value of the last --lang in args (--lang X or
// --lang=X) before a "--"; "" when there is none.
func langArgOf(args []string) string {
	v := ""
	for i, a := range args {
		switch {
		case a == "--":
			return v
		case a == "--lang" && i+1 < len(args):
			v = args[i+1]
		case strings.HasPrefix(a, "--lang="):
			v = strings.TrimPrefix(a, "--lang=")
		}
	}
	return v
}

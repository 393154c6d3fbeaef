package lang

import (
	"fmt"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Printer writes cordon's text in one language. The zero value is not
// usable: make one with New or English.
type Printer struct {
	tag language.Tag
	msg *message.Printer
	// formats are the catalogue's texts in the printer's language, by
	// key, for Sprintf; its keys are every key the catalogue has a
	// translation for (knows, Has).
	formats map[string]string
	// translated are the fingerprints of the English the command line's
	// help texts translate, by key: CommandTranslation.
	translated map[string]string
	// sentences are Error's sentences, compiled on the first error a
	// Chinese printer writes and kept for the rest.
	sentences func() []errorSentence
}

// New returns the printer of tag, which is English or Simplified Chinese
// (Parse and FromEnv give only these).
func New(tag language.Tag) *Printer {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	formats, translated := map[string]string{}, map[string]string{}
	for _, m := range catalogue() {
		text := m.zh
		if tag != language.SimplifiedChinese {
			text = m.en
		}
		if text == "" {
			continue // English text that is its own key
		}
		formats[m.key] = text
		if m.of != "" {
			translated[m.key] = m.of
		}
		if strings.HasPrefix(m.key, helpPrefix) {
			continue // written as it is, by Help: no message to build
		}
		// Keys and messages are literals of this package: SetString
		// fails on neither.
		_ = b.SetString(tag, m.key, text)
	}
	return &Printer{tag: tag, msg: message.NewPrinter(tag, message.Catalog(b)), formats: formats,
		translated: translated, sentences: sync.OnceValue(errorSentences)}
}

// English returns the English printer.
func English() *Printer { return New(language.English) }

// Tag is the printer's language: en or zh-Hans.
func (p *Printer) Tag() language.Tag { return p.tag }

// HTML is the printer's language as an HTML lang attribute: "en" or
// "zh-CN".
func (p *Printer) HTML() string {
	if p.Chinese() {
		return "zh-CN"
	}
	return "en"
}

// Chinese says whether the printer writes Simplified Chinese.
func (p *Printer) Chinese() bool { return p.tag == language.SimplifiedChinese }

// Sprintf translates format and fills it in like fmt.Sprintf. A format
// the catalogue has no entry for (any English sentence) goes through fmt
// itself, so English output is byte for byte what fmt writes; a
// translated one is filled in by fmt too, so that figures are written
// alike in every language (x/text's printer would group a seed's digits
// by locale: 2,747,864,327).
func (p *Printer) Sprintf(format string, args ...any) string {
	if !p.knows(format) {
		return fmt.Sprintf(format, args...)
	}
	return fmt.Sprintf(p.formats[format], args...)
}

// T translates a piece of text that has no verbs and no %: a heading, a
// label.
func (p *Printer) T(s string) string {
	if !p.knows(s) {
		return s
	}
	return p.msg.Sprintf(s)
}

// knows says whether the catalogue has a text for key in the printer's
// language.
func (p *Printer) knows(key string) bool {
	_, ok := p.formats[key]
	return ok
}

// Has says whether the printer's catalogue has key; English has every
// key that is English text.
func (p *Printer) Has(key string) bool {
	return p.knows(key) || !p.Chinese() && !strings.Contains(key, ":")
}

// Parse reads a language as --lang or LANG gives it: "en", "en_GB.UTF-8",
// "zh-CN", "zh_CN.UTF-8", "zh-Hans", "zh". cordon writes English and
// Simplified Chinese; anything else is an error.
func Parse(s string) (language.Tag, error) {
	v := strings.TrimSpace(s)
	if i := strings.IndexAny(v, ".@"); i >= 0 {
		v = v[:i] // the encoding or modifier of a locale: zh_CN.UTF-8
	}
	v = strings.ReplaceAll(v, "_", "-")
	if strings.EqualFold(v, "C") || strings.EqualFold(v, "POSIX") {
		return language.English, nil
	}
	t, err := language.Parse(v)
	if err == nil {
		switch base, _ := t.Base(); base.String() {
		case "en":
			return language.English, nil
		case "zh":
			return language.SimplifiedChinese, nil
		}
	}
	return language.Und, fmt.Errorf("language %q: cordon writes en (English) and zh-CN (Simplified Chinese)", s)
}

// FromEnv is the language of the environment: Simplified Chinese when the
// first of LC_ALL, LC_MESSAGES and LANG that is set starts with "zh",
// English otherwise.
func FromEnv(getenv func(string) string) language.Tag {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "zh") {
				return language.SimplifiedChinese
			}
			return language.English
		}
	}
	return language.English
}

// Keys lists the key of every message of the catalogue.
func Keys() []string {
	var out []string
	for _, m := range catalogue() {
		out = append(out, m.key)
	}
	return out
}

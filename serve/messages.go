package serve

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"cordon/lang"
	"cordon/reports"
)

// catalogue is the text of the pages in one language, by key. Every word
// a page shows that is not the engine's (a scenario's name, a KPI's label,
// a loader's error) comes from it, and the pages' scripts take theirs
// from the page (the keys starting "js.").
type catalogue map[string]string

// catalogues returns the catalogue of every language the pages are
// written in, by tag: English and Simplified Chinese, with the same keys
// (messages_test.go checks that every language has every key).
func catalogues() map[string]catalogue {
	return map[string]catalogue{"en": english(), "zh-CN": simplifiedChinese()}
}

// engineTexts are the engine's own texts in one language: the scenario
// schema's descriptions, by their English text, the words of the editor's
// labels, and the printer of the command line's language (package lang),
// which writes the KPIs' labels and the durations as the reports do. The
// zero engineTexts is English, the engine's texts as they are.
type engineTexts struct {
	schema  translation
	fields  fieldWords
	printer *lang.Printer
}

// engineTranslations returns the engine's texts in every language but
// English, by tag (messages_test.go checks that each has them all).
func engineTranslations() map[string]engineTexts {
	return map[string]engineTexts{"zh-CN": {schema: chineseSchema(), fields: chineseFieldWords(), printer: lang.New(language.SimplifiedChinese)}}
}

// words are the reports' words in the language of the engine's texts:
// English when they have no printer (English).
func (e engineTexts) words() *reports.Words {
	if e.printer == nil {
		return &reports.Words{Printer: lang.New(language.English)}
	}
	return &reports.Words{Printer: e.printer}
}

// translation is texts of the engine in one language, by their English
// text.
type translation map[string]string

// text is the English text s in the language: s itself when the language
// has no translation of it (English).
func (tr translation) text(s string) string {
	if t, ok := tr[s]; ok {
		return t
	}
	return s
}

// kpiTitle is the title of the KPI called name in the language of p: its
// English title as compound.KPI.Title writes it ("express: time to the
// door, mean") when p is nil (English); otherwise its label from p's
// catalogue after its subject in words (快递：送到家门口用时，平均), a
// day's KPI with its day, as the command line's reports write it.
func kpiTitle(p *lang.Printer, name, title string) string {
	if p == nil || name == "" {
		return title
	}
	of, label := "", title
	if i := strings.LastIndex(title, ": "); i >= 0 {
		of, label = title[:i], title[i+2:]
	}
	return p.KPITitle(name, of, label)
}

// defaultLang is the language of a request that asks for none the
// server has.
const defaultLang = "en"

// Every message is a format: a literal percent sign is written %%.

// text returns the message of key, or the key in brackets when the
// catalogue lacks it (a test fails on that).
func (c catalogue) text(key string) string {
	s, ok := c[key]
	if !ok {
		return "[" + key + "]"
	}
	return strings.ReplaceAll(s, "%%", "%")
}

// format returns the message of key with its verbs filled.
func (c catalogue) format(key string, args ...any) string {
	s, ok := c[key]
	if !ok {
		return "[" + key + "]"
	}
	return fmt.Sprintf(s, args...)
}

// count is the message of key for n things: the key's ".one" form for
// one when the catalogue has it.
func (c catalogue) count(key string, n int) string {
	if _, ok := c[key+".one"]; ok && n == 1 {
		return c.format(key + ".one")
	}
	return c.format(key, n)
}

// jsMessages are the messages the pages' script uses.
func (c catalogue) jsMessages() map[string]string {
	out := map[string]string{}
	for k := range c {
		if name, ok := strings.CutPrefix(k, "js."); ok {
			out[name] = c[k] // the script fills the verbs, and writes %% as %
		}
	}
	return out
}

// langCookie remembers the language a visitor chose with ?lang=.
const langCookie = "cordon-lang"

// maxAcceptLanguage bounds the Accept-Language header read: a longer one
// is ignored.
const maxAcceptLanguage = 1 << 10

// languages are the languages the pages are written in: their tags, the
// default first, and the matcher of a browser's Accept-Language to them.
type languages struct {
	tags    []string
	matcher language.Matcher
}

// newLanguages orders the catalogues' tags, the default first, and makes
// their matcher.
func newLanguages(cats map[string]catalogue) languages {
	tags := []string{defaultLang}
	for tag := range cats {
		if tag != defaultLang {
			tags = append(tags, tag)
		}
	}
	slices.Sort(tags[1:])
	parsed := make([]language.Tag, len(tags))
	for i, tag := range tags {
		parsed[i] = language.MustParse(tag)
	}
	return languages{tags: tags, matcher: language.NewMatcher(parsed)}
}

// named is the language tag names: one of the pages' compared without
// case ("zh-cn" is zh-CN), else the one it surely means ("zh" and
// "zh-Hans" are zh-CN, "en-GB" is en, as --lang reads them).
func (l languages) named(tag string) (string, bool) {
	for _, t := range l.tags {
		if strings.EqualFold(t, tag) {
			return t, true
		}
	}
	parsed, err := language.Parse(tag)
	if err != nil {
		return "", false
	}
	if _, i, conf := l.matcher.Match(parsed); conf >= language.High {
		return l.tags[i], true
	}
	return "", false
}

// preferred is the language the browser prefers among the pages', by its
// Accept-Language header: the default when it names none of them.
func (l languages) preferred(accept string) string {
	if len(accept) > maxAcceptLanguage {
		return defaultLang
	}
	prefs, _, _ := language.ParseAcceptLanguage(accept)
	_, i, conf := l.matcher.Match(prefs...)
	if conf == language.No {
		return defaultLang
	}
	return l.tags[i]
}

// plainTag reports whether a language asked for is fit to keep and quote:
// a short run of letters and hyphens.
func plainTag(tag string) bool {
	return len(tag) <= 16 && !strings.ContainsFunc(tag, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-')
	})
}

// langOf is the language of a request: the one asked for with ?lang=,
// else the one an earlier ?lang= chose (its cookie), else the one the
// browser prefers; asked is the language asked for ("" when none was; the
// page's own tag when it names one, "zh" is zh-CN), lang the one the page
// is written in (English when the one asked for has no catalogue).
func (s *Server) langOf(r *http.Request) (asked, lang string) {
	asked = r.URL.Query().Get("lang")
	if asked == "" {
		if c, err := r.Cookie(langCookie); err == nil {
			asked = c.Value
		}
	}
	if asked == "" {
		return "", s.langs.preferred(r.Header.Get("Accept-Language"))
	}
	if !plainTag(asked) {
		asked = defaultLang
	}
	if lang, ok := s.langs.named(asked); ok {
		return lang, lang
	}
	return asked, defaultLang
}

// language is the language of a page's request (see langOf); a language
// asked for with ?lang= is remembered in a cookie for the next pages.
func (s *Server) language(w http.ResponseWriter, r *http.Request) (asked, lang string) {
	asked, lang = s.langOf(r)
	if r.URL.Query().Has("lang") && asked != "" {
		http.SetCookie(w, &http.Cookie{Name: langCookie, Value: asked, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	}
	return asked, lang
}

// langLink is a link of the language switch: the same page in another
// language.
type langLink struct {
	Tag, Name, Href string
	Here            bool
}

// langLinks are the links of the language switch of the page r asked for.
func (s *Server) langLinks(r *http.Request, lang string) []langLink {
	var out []langLink
	for _, tag := range s.langs.tags {
		q := r.URL.Query()
		q.Set("lang", tag)
		out = append(out, langLink{Tag: tag, Name: s.cats[tag].text("lang.name"), Href: r.URL.EscapedPath() + "?" + q.Encode(), Here: tag == lang})
	}
	return out
}

// inEveryLanguage is the text of key in every language, the default
// first, a line each: for the guard's refusals, written before any page
// could say which language to use.
func (s *Server) inEveryLanguage(key string) string {
	lines := make([]string, len(s.langs.tags))
	for i, tag := range s.langs.tags {
		lines[i] = s.cats[tag].text(key)
	}
	return strings.Join(lines, "\n")
}

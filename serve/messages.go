package serve

import (
	"fmt"
	"net/http"
	"strings"
)

// catalogue is the text of the pages in one language, by key. Every word
// a page shows that is not the engine's (a scenario's name, a KPI's label,
// a loader's error) comes from it, and the pages' scripts take theirs
// from the page (the keys starting "js.").
type catalogue map[string]string

// catalogues returns the catalogue of every language the pages are
// written in, by tag. English is the only one yet; a Chinese catalogue
// (zh-CN) goes beside it with the same keys (messages_test.go checks
// that every language has every key).
func catalogues() map[string]catalogue {
	return map[string]catalogue{"en": english()}
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

// language is the language a request asks for (?lang=, else the cookie
// an earlier ?lang= set, else Accept-Language is not read: English), the
// one the page is written in, and whether they differ.
func (s *Server) language(w http.ResponseWriter, r *http.Request) (asked, lang string) {
	asked = r.URL.Query().Get("lang")
	if asked != "" {
		if len(asked) > 16 || strings.ContainsFunc(asked, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-')
		}) {
			asked = defaultLang
		}
		http.SetCookie(w, &http.Cookie{Name: langCookie, Value: asked, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	} else if c, err := r.Cookie(langCookie); err == nil {
		asked = c.Value
	}
	if asked == "" {
		asked = defaultLang
	}
	if _, ok := s.cats[asked]; ok {
		return asked, asked
	}
	return asked, defaultLang
}

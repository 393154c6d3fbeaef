package serve

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"cordon/compound"
	"cordon/lang"
	"cordon/reports"
	"cordon/scenarios"
)

// files are the pages' templates and their script and style, embedded:
// the server fetches nothing and needs no file beside the binary.
//
//go:embed templates/*.tmpl static/*
var files embed.FS

// pageNames are the pages, each templates/NAME.tmpl inside the layout.
var pageNames = []string{"scenarios", "edit", "job", "run", "runs", "compare", "plan", "replay", "error"}

// pageTemplate is one page in one language.
type pageTemplate = template.Template

// loadPages parses every page for every language, with the language's
// catalogue behind its t and tf, and its engine's texts behind schema and
// kpi.
func loadPages(cats map[string]catalogue, engine map[string]engineTexts) (map[string]map[string]*pageTemplate, error) {
	out := map[string]map[string]*pageTemplate{}
	for lang, cat := range cats {
		out[lang] = map[string]*pageTemplate{}
		for _, name := range pageNames {
			t, err := template.New("layout").Funcs(pageFuncs(cat, engine[lang])).ParseFS(files, "templates/layout.tmpl", "templates/"+name+".tmpl")
			if err != nil {
				return nil, err
			}
			out[lang][name] = t
		}
	}
	return out, nil
}

// pageFuncs are the functions the templates call: the catalogue's texts,
// the engine's (the schema's descriptions, the KPIs' labels), and figures
// written as the reports write them, their units in the language.
func pageFuncs(cat catalogue, engine engineTexts) template.FuncMap {
	return template.FuncMap{
		"t":       cat.text,
		"tf":      cat.format,
		"count":   cat.count,
		"when":    when,
		"kind":    func(k string) string { return cat.text("kind." + k) },
		"heading": func(kind, name string) string { return heading(cat, kind, name) },
		"state":   func(s string) string { return cat.text("state." + s) },
		"verdict": func(v string) string { return cat.text("verdict." + v) },
		"value":   func(unit string, v reports.Number) string { return formatValue(cat, engine.printer, unit, v) },
		"signed":  func(unit string, v reports.Number) string { return formatSigned(cat, engine.printer, unit, v) },
		"kpi":     func(name, title string) string { return kpiTitle(engine.printer, name, title) },
		"change":  func(c string) string { return engine.words().ChangeText(c) },
		"post":    func(name string) string { return engine.words().KnobNamed(name) },
		"knob":    func(v string) string { return engine.words().KnobValue(v) },
		"target":  func(c targetCell) string { return targetText(cat, engine.printer, c) },
		"raw":     func(v reports.Number) string { return strconv.FormatFloat(float64(v), 'g', -1, 64) },
		"money":   func(v reports.Number) string { return fmt.Sprintf("%.0f", float64(v)) },
		"about":   func(f *formField) string { return aboutField(cat, f) },
		"schema":  engine.schema.text,
	}
}

// heading is what a job or a result is called: its kind of work and its
// scenario's name (compare baseline).
func heading(cat catalogue, kind, name string) string { return cat.format("heading."+kind, name) }

// when writes a time of the history as the pages show it: the date and
// the minute, in the server's time zone.
func when(rfc3339 string) string {
	t, err := time.Parse(time.RFC3339, rfc3339)
	if err != nil {
		return rfc3339
	}
	return t.Local().Format("2006-01-02 15:04")
}

// formatValue writes a figure as the reports do, with its unit after a
// space in the catalogue's words (items, 件) unless the figure says it (a
// duration, a share, hours); a duration in p's words when p is not nil
// (1小时34分钟).
func formatValue(cat catalogue, p *lang.Printer, unit string, v reports.Number) string {
	s := reports.FormatValue(unit, float64(v))
	if unit == "s" && p != nil && s != "—" {
		s = p.Duration(float64(v))
	}
	switch {
	case s == "—", unit == "", unit == "s", unit == "share":
		return s
	case unit == "h":
		return cat.format("value.hours", fmt.Sprintf("%.1f", float64(v)))
	}
	if word, ok := cat["unit."+unit]; ok {
		unit = word
	}
	return besideNumber(s, unit)
}

// besideNumber joins a number and a word as the language writes them: a
// space between them in English ("118 items", "shift 2"), none when the
// word is Chinese (118件, 班次2), as the terminal writes them.
func besideNumber(a, b string) string {
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	if unicode.Is(unicode.Han, last) || unicode.Is(unicode.Han, first) {
		return a + b
	}
	return a + " " + b
}

// inBrackets writes b in brackets after a as the language writes them:
// "shift 1 (07:00–19:00)" in English, full-width and tight after Chinese,
// "班次1（07:00–19:00）".
func inBrackets(a, b string) string {
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(a)
	if unicode.Is(unicode.Han, last) || unicode.Is(unicode.Han, first) {
		return a + "（" + b + "）"
	}
	return a + " (" + b + ")"
}

// formatSigned writes a difference with its sign.
func formatSigned(cat catalogue, p *lang.Printer, unit string, v reports.Number) string {
	f := float64(v)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "—"
	}
	sign := "+"
	if f < 0 {
		sign, f = "−", -f
	}
	if unit == "share" {
		return sign + cat.format("value.points", fmt.Sprintf("%.1f", 100*f))
	}
	return sign + formatValue(cat, p, unit, reports.Number(f))
}

// aboutField is the line under a value: its kind, its limits and its
// default.
func aboutField(cat catalogue, f *formField) string {
	parts := []string{cat.text("type." + f.Type)}
	if strings.HasPrefix(parts[0], "[") { // a kind the catalogue does not know
		parts[0] = f.Type
	}
	switch {
	case f.Min != "" && f.Max != "":
		parts = append(parts, cat.format("about.range", f.Min, f.Max))
	case f.Min != "":
		parts = append(parts, cat.format("about.atleast", f.Min))
	case f.Max != "":
		parts = append(parts, cat.format("about.atmost", f.Max))
	}
	if f.Default != "" {
		parts = append(parts, cat.format("about.default", f.Default))
	}
	return strings.Join(parts, " · ")
}

// base is what every page's layout shows.
type base struct {
	Lang, Asked string
	LangNote    bool
	Langs       []langLink // the language switch
	Title       string
	Page        string
	CSRF        string
	Workspace   string
	JS          map[string]string
	cat         catalogue
}

// base makes the layout's part of a page.
func (s *Server) base(w http.ResponseWriter, r *http.Request, page, titleKey string, args ...any) base {
	asked, lang := s.language(w, r)
	cat := s.cats[lang]
	return base{Lang: lang, Asked: asked, LangNote: asked != "" && !strings.EqualFold(asked, lang), Langs: s.langLinks(r, lang), Title: cat.format(titleKey, args...), Page: page,
		CSRF: s.guard.csrfOf(r), Workspace: s.ws.dir, JS: cat.jsMessages(), cat: cat}
}

// render writes a page.
func (s *Server) render(w http.ResponseWriter, status int, b base, page string, data any) {
	var buf bytes.Buffer
	if err := s.pages[b.Lang][page].ExecuteTemplate(&buf, "layout", data); err != nil {
		s.logf("cordon serve: page %s: %v", page, err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// errorPage is a page saying what went wrong.
type errorPage struct {
	base
	Heading, Message string
}

// notFound answers with the error page.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	b := s.base(w, r, "error", "error.bad")
	heading := b.cat.text("error.bad")
	if status == http.StatusNotFound {
		heading = b.cat.text("error.notfound")
	}
	b.Title = heading
	s.render(w, status, b, "error", errorPage{base: b, Heading: heading, Message: msg})
}

// errorLines are the lines of a loader's error: one per problem, as
// cordon validate prints them.
func errorLines(err error) []string {
	var errs scenarios.Errors
	if errors.As(err, &errs) {
		out := make([]string, len(errs))
		for i, e := range errs {
			out[i] = e.Error()
		}
		return out
	}
	return strings.Split(err.Error(), "\n")
}

// writeJSON answers a request with a JSON document.
func writeJSON(w http.ResponseWriter, status int, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

// targetText writes a target as the reports do: the KPI by its label in
// p's language, then the comparison and the value with its unit ("外卖：送到
// 家门口用时，第95百分位 ≤ 45分钟"); as written (its code, for --target)
// in English, or when it does not parse.
func targetText(cat catalogue, p *lang.Printer, c targetCell) string {
	t, err := compound.ParseTarget(c.Text)
	if p == nil || !p.Chinese() || err != nil {
		return c.Text
	}
	op := map[string]string{"<=": "≤", ">=": "≥"}[t.Op]
	if op == "" {
		op = t.Op
	}
	title := c.Label
	if title == "" {
		title = c.KPI
	}
	return kpiTitle(p, c.KPI, title) + " " + op + " " + formatValue(cat, p, c.Unit, reports.Number(t.Value))
}

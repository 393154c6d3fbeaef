package serve

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

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
		"value":   func(unit string, v reports.Number) string { return formatValue(cat, unit, v) },
		"signed":  func(unit string, v reports.Number) string { return formatSigned(cat, unit, v) },
		"kpi":     func(title string) string { return engine.kpis.kpiTitle(cat, title) },
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
// duration, a share, hours).
func formatValue(cat catalogue, unit string, v reports.Number) string {
	s := reports.FormatValue(unit, float64(v))
	switch {
	case s == "—", unit == "", unit == "s", unit == "share", unit == "h":
		return s
	}
	if word, ok := cat["unit."+unit]; ok {
		unit = word
	}
	return s + " " + unit
}

// formatSigned writes a difference with its sign.
func formatSigned(cat catalogue, unit string, v reports.Number) string {
	f := float64(v)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "—"
	}
	sign := "+"
	if f < 0 {
		sign, f = "−", -f
	}
	if unit == "share" {
		return fmt.Sprintf("%s%.1f pp", sign, 100*f)
	}
	return sign + formatValue(cat, unit, reports.Number(f))
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

// routes are the server's pages and requests.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.scenariosPage)
	mux.HandleFunc("GET /edit", s.editPage)
	mux.HandleFunc("GET /compare", s.comparePage)
	mux.HandleFunc("GET /plan", s.planPage)
	mux.HandleFunc("GET /replay", s.replayPage)
	mux.HandleFunc("GET /runs", s.runsPage)
	mux.HandleFunc("GET /runs/{id}/{$}", s.runPage)
	mux.HandleFunc("GET /runs/{id}/report/{file...}", s.reportFile)
	mux.HandleFunc("GET /jobs/{id}", s.jobPage)
	mux.HandleFunc("GET /jobs/{id}/events", s.jobEvents)
	mux.HandleFunc("GET /api/jobs/{id}", s.jobStatus)
	mux.HandleFunc("GET /static/{file}", s.static)
	mux.HandleFunc("POST /api/check", s.apiCheck)
	mux.HandleFunc("POST /api/run", s.apiRun)
	mux.HandleFunc("POST /api/save", s.apiSave)
	mux.HandleFunc("POST /api/compare", s.apiCompare)
	mux.HandleFunc("POST /api/plan", s.apiPlan)
	mux.HandleFunc("POST /api/replay", s.apiReplay)
	mux.HandleFunc("POST /api/scenarios", s.apiUpload)
	mux.HandleFunc("POST /api/jobs/{id}/cancel", s.apiCancel)
	mux.HandleFunc("POST /api/runs/{id}/delete", s.apiDelete)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { s.fail(w, r, http.StatusNotFound, r.URL.Path) })
	return mux
}

// static serves the pages' script and style.
func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	data, err := fs.ReadFile(files, "static/"+name)
	if err != nil || strings.Contains(name, "/") {
		http.NotFound(w, r)
		return
	}
	switch {
	case strings.HasSuffix(name, ".css"):
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
	case strings.HasSuffix(name, ".js"):
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	}
	_, _ = w.Write(data)
}

// srcItem is a scenario on the scenarios page.
type srcItem struct {
	Ref, Name, Summary string
}

// fileItem is a workspace file on the scenarios page.
type fileItem struct {
	Ref, File, Name string
	Refused         string // the catalogue key of why it is not read
	Problems        int
}

type scenariosPage struct {
	base
	Builtins []srcItem
	Files    []fileItem
	Recent   []*runRecord
	Active   []jobStatus
}

func (s *Server) scenariosPage(w http.ResponseWriter, r *http.Request) {
	b := s.base(w, r, "scenarios", "scenarios.title")
	p := scenariosPage{base: b, Active: s.queue.active()}
	for _, bi := range scenarios.Builtins() {
		p.Builtins = append(p.Builtins, srcItem{Ref: "builtin:" + bi.Name, Name: bi.Name, Summary: bi.Summary})
	}
	files, err := s.ws.scenarioFiles()
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	for _, f := range files {
		it := fileItem{Ref: "file:" + f.Name, File: f.Name}
		if f.Refused != "" {
			it.Refused = "refused." + f.Refused
		} else if src, err := s.readSource(it.Ref); err != nil {
			it.Problems = 1
		} else if sc, err := src.load(nil); err != nil {
			it.Problems = len(errorLines(err))
		} else {
			it.Name = sc.Name
		}
		p.Files = append(p.Files, it)
	}
	runs := s.runs.list()
	p.Recent = runs[:min(len(runs), 5)]
	s.render(w, http.StatusOK, b, "scenarios", p)
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

type editPage struct {
	base
	Ref, File, Name       string
	SourceKey, SourceName string
	Form                  *form
	Problems              []string
	YAML                  string
}

func (s *Server) editPage(w http.ResponseWriter, r *http.Request) {
	ref := r.URL.Query().Get("s")
	src, err := s.readSource(ref)
	if err != nil {
		s.fail(w, r, http.StatusNotFound, s.catOf(r).text("api.nosource"))
		return
	}
	p := editPage{Ref: src.Ref, File: src.File, YAML: string(src.Data), SourceName: src.Name}
	kind, name, _ := strings.Cut(ref, ":")
	p.SourceKey = "edit.source." + kind
	if kind == "builtin" {
		p.SourceName = name
	}
	p.Name = name
	sc, err := src.load(nil)
	if err != nil {
		p.Problems = errorLines(err)
	} else {
		p.Name = sc.Name
	}
	p.base = s.base(w, r, "edit", "edit.title", p.Name)
	if err == nil {
		p.Form = newForm(sc, s.schema, s.engine[p.Lang].fields)
	}
	s.render(w, http.StatusOK, p.base, "edit", p)
}

type jobPage struct {
	base
	Job jobStatus
}

func (s *Server) jobPage(w http.ResponseWriter, r *http.Request) {
	st, _, err := s.queue.status(r.PathValue("id"))
	if err != nil {
		s.fail(w, r, http.StatusNotFound, err.Error())
		return
	}
	b := s.base(w, r, "job", "kind."+st.Kind)
	b.Title = heading(b.cat, st.Kind, st.Title)
	s.render(w, http.StatusOK, b, "job", jobPage{base: b, Job: st})
}

type runsPage struct {
	base
	Runs []*runRecord
}

func (s *Server) runsPage(w http.ResponseWriter, r *http.Request) {
	b := s.base(w, r, "runs", "runs.title")
	s.render(w, http.StatusOK, b, "runs", runsPage{base: b, Runs: s.runs.list()})
}

// choice is a scenario offered in a form.
type choice struct {
	Ref, Label string
	Selected   bool
}

// choices are the scenarios a form offers: the built-in ones, the
// workspace's valid files, and the scenarios of the history's runs.
func (s *Server) choices(selected string, cat catalogue) []choice {
	var out []choice
	for _, bi := range scenarios.Builtins() {
		out = append(out, choice{Ref: "builtin:" + bi.Name, Label: bi.Name})
	}
	files, _ := s.ws.scenarioFiles()
	for _, f := range files {
		if f.Refused == "" {
			out = append(out, choice{Ref: "file:" + f.Name, Label: f.Name})
		}
	}
	for _, rec := range s.runs.list() {
		if rec.Kind == kindRun && len(rec.Scenarios) == 1 {
			out = append(out, choice{Ref: "run:" + rec.ID + "/" + rec.Scenarios[0].File, Label: cat.format("choice.run", rec.ID)})
		}
	}
	for i := range out {
		out[i].Selected = out[i].Ref == selected
	}
	return out
}

type runPage struct {
	base
	Run                            *runRecord
	EditRef, PlannedRef, Reference string
	Notes                          []string
	CompareWith                    []choice
}

func (s *Server) runPage(w http.ResponseWriter, r *http.Request) {
	rec, err := s.runs.get(r.PathValue("id"))
	if err != nil {
		s.fail(w, r, http.StatusNotFound, err.Error())
		return
	}
	b := s.base(w, r, "run", "kind."+rec.Kind)
	b.Title = heading(b.cat, rec.Kind, rec.Title)
	p := runPage{base: b, Run: rec}
	if len(rec.Scenarios) > 0 {
		p.EditRef = "run:" + rec.ID + "/" + rec.Scenarios[0].File
		p.Reference = rec.Scenarios[0].Name
	}
	if rec.Plan != nil {
		p.PlannedRef = "run:" + rec.ID + "/" + rec.Plan.Planned
	}
	for _, n := range rec.Notes {
		switch {
		case strings.HasPrefix(n, "identical:"):
			p.Notes = append(p.Notes, b.cat.format("run.identical", strings.TrimPrefix(n, "identical:")))
		case strings.HasPrefix(n, "skipped:"):
			k, _ := strconv.Atoi(strings.TrimPrefix(n, "skipped:"))
			p.Notes = append(p.Notes, b.cat.format("run.skipped", k))
		default:
			p.Notes = append(p.Notes, n)
		}
	}
	if rec.Kind == kindRun && len(rec.Scenarios) == 1 {
		// Offered first: the scenario the run came from, unchanged.
		p.CompareWith = s.choices(rec.Scenarios[0].Source, b.cat)
	}
	s.render(w, http.StatusOK, b, "run", p)
}

type comparePage struct {
	base
	Slots   []slot
	Choices []choice
}

// slot is one scenario of the comparison form: its number from 1, and
// the scenario chosen in it ("" for none).
type slot struct {
	N   int
	Ref string
}

func (s *Server) comparePage(w http.ResponseWriter, r *http.Request) {
	b := s.base(w, r, "compare", "compare.title")
	asked := r.URL.Query()["s"]
	p := comparePage{base: b, Choices: s.choices("", b.cat)}
	for i := range 4 {
		sl := slot{N: i + 1}
		if i < len(asked) {
			sl.Ref = asked[i]
		}
		p.Slots = append(p.Slots, sl)
	}
	s.render(w, http.StatusOK, b, "compare", p)
}

type formPage struct {
	base
	Choices   []choice
	UploadMiB int
}

func (s *Server) planPage(w http.ResponseWriter, r *http.Request) {
	b := s.base(w, r, "plan", "plan.title")
	s.render(w, http.StatusOK, b, "plan", formPage{base: b, Choices: s.choices(r.URL.Query().Get("s"), b.cat)})
}

func (s *Server) replayPage(w http.ResponseWriter, r *http.Request) {
	b := s.base(w, r, "replay", "replay.title")
	s.render(w, http.StatusOK, b, "replay", formPage{base: b, Choices: s.choices(r.URL.Query().Get("s"), b.cat), UploadMiB: maxUpload >> 20})
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

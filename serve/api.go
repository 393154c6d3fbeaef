package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"regexp"
	"slices"
	"strings"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
	"cordon/text"
)

// The limits of what a request may send.
const (
	maxJSONBody = maxScenarioSize + 1<<20 // a scenario's text and its changes
	maxUpload   = 32 << 20                // every log of a replay together, or one scenario file
)

// scenarioReq is a scenario as a page sends it: its source, the values
// changed in the form, or the text of its file when it was changed
// itself.
type scenarioReq struct {
	Source  string   `json:"source"`
	Changes []change `json:"changes"`
	YAML    *string  `json:"yaml,omitempty"`
}

// problems are what is wrong with a request, for the page to show: the
// loader's errors beside the values they are about, the rest above.
type problems struct {
	Fields  map[string][]string `json:"fields,omitempty"`
	General []string            `json:"general,omitempty"`
	Exists  bool                `json:"exists,omitempty"`
}

// refuse answers a request with what is wrong with it.
func refuse(w http.ResponseWriter, status int, p problems) { writeJSON(w, status, p) }

// general is a problems of lines not about one value.
func general(lines ...string) problems { return problems{General: lines} }

// catOf is the catalogue of a request's language.
func (s *Server) catOf(r *http.Request) catalogue {
	lang := defaultLang
	if c, err := r.Cookie(langCookie); err == nil {
		if _, ok := s.cats[c.Value]; ok {
			lang = c.Value
		}
	}
	return s.cats[lang]
}

// readJSON reads a request's JSON body into v, at most maxJSONBody
// bytes.
func (s *Server) readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxJSONBody))
	if err := dec.Decode(v); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			refuse(w, http.StatusRequestEntityTooLarge, general(s.catOf(r).format("api.toolarge", maxJSONBody>>20)))
		} else {
			refuse(w, http.StatusBadRequest, general(s.catOf(r).text("api.badjson")))
		}
		return false
	}
	return true
}

// resolve reads a request's scenario: its source, with the page's text
// in place of the file's when it sent one.
func (s *Server) resolve(q scenarioReq) (*source, []change, error) {
	src, err := s.readSource(q.Source)
	if err != nil {
		return nil, nil, err
	}
	if len(q.Changes) > maxChanges {
		return nil, nil, fmt.Errorf("more than %d changes", maxChanges)
	}
	if q.YAML != nil {
		if len(*q.YAML) > maxScenarioSize {
			return nil, nil, fmt.Errorf("the text is larger than %d MiB", maxScenarioSize>>20)
		}
		src.original, src.Data = src.Data, []byte(*q.YAML)
		return src, nil, nil
	}
	return src, q.Changes, nil
}

// placeProblems puts a loader's errors beside the values of the form
// they are about: an error of a change beside the changed value, an error
// in the file beside its field (or the nearest field holding it); the
// rest above the form.
func (s *Server) placeProblems(src *source, changes []change, err error) problems {
	p := problems{Fields: map[string][]string{}}
	var errs scenarios.Errors
	if !errors.As(err, &errs) {
		p.General = errorLines(err)
		return p
	}
	f := src.form(s.schema)
	byChange := map[string]string{}
	for _, c := range changes {
		byChange[text.OneLine(scenarios.Override{Path: c.Path, Value: c.Value}.String())] = c.Path
	}
	for _, e := range errs {
		line := e.Error()
		if path, ok := byChange[e.File]; ok {
			p.Fields[path] = append(p.Fields[path], line)
			continue
		}
		if field := f.nearest(e.Path); field != nil {
			p.Fields[field.Path] = append(p.Fields[field.Path], line)
			continue
		}
		p.General = append(p.General, line)
	}
	return p
}

// nearest is the field at an error's path, or at the nearest path above
// it (a distribution's mean is in its field); nil when none.
func (f *form) nearest(p string) *formField {
	if f == nil {
		return nil
	}
	for p != "" {
		if field := f.byIndex[p]; field != nil {
			return field
		}
		if field := f.byPath[p]; field != nil {
			return field
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return nil
}

// checkAnswer is what the editor is told about the scenario as changed.
type checkAnswer struct {
	OK   bool   `json:"ok"`
	Name string `json:"name,omitempty"`
	problems
	// YAML is the scenario file with the changes written in.
	YAML string `json:"yaml,omitempty"`
	// Sets are the changes as cordon run takes them.
	Sets []string `json:"sets,omitempty"`
}

func (s *Server) apiCheck(w http.ResponseWriter, r *http.Request) {
	var q scenarioReq
	if !s.readJSON(w, r, &q) {
		return
	}
	src, changes, err := s.resolve(q)
	if err != nil {
		refuse(w, http.StatusBadRequest, general(err.Error()))
		return
	}
	a := checkAnswer{}
	for _, c := range changes {
		a.Sets = append(a.Sets, "--set '"+c.Path+"="+c.Value+"'")
	}
	sc, err := src.load(changes)
	if err != nil {
		a.problems = s.placeProblems(src, changes, err)
		writeJSON(w, http.StatusOK, a)
		return
	}
	a.OK, a.Name = true, sc.Name
	if data, err := src.asRun(changes); err == nil {
		a.YAML = string(data)
	}
	writeJSON(w, http.StatusOK, a)
}

// jobAnswer tells the page where to follow the job it started.
type jobAnswer struct {
	Job string `json:"job"`
	URL string `json:"url"`
}

func (s *Server) started(w http.ResponseWriter, j *job) {
	writeJSON(w, http.StatusAccepted, jobAnswer{Job: j.ID, URL: "/jobs/" + j.ID})
}

func (s *Server) apiRun(w http.ResponseWriter, r *http.Request) {
	var q scenarioReq
	if !s.readJSON(w, r, &q) {
		return
	}
	src, changes, err := s.resolve(q)
	if err != nil {
		refuse(w, http.StatusBadRequest, general(err.Error()))
		return
	}
	sc, err := src.load(changes)
	if err != nil {
		refuse(w, http.StatusBadRequest, s.placeProblems(src, changes, err))
		return
	}
	s.started(w, s.queue.submit(kindRun, sc.Name, s.logged(s.runWork(runAsk{src: src, changes: changes, sc: sc}))))
}

// logged logs a job's failure.
func (s *Server) logged(work func(context.Context, func(int, int)) (string, error)) func(context.Context, func(int, int)) (string, error) {
	return func(ctx context.Context, progress func(int, int)) (string, error) {
		id, err := work(ctx, progress)
		if err != nil && ctx.Err() == nil {
			s.logf("cordon serve: %v", err)
		}
		return id, err
	}
}

// saveReq asks to save a scenario into the workspace.
type saveReq struct {
	scenarioReq
	File    string `json:"file"`
	Replace bool   `json:"replace"`
}

// savedBy is who a saved file's changed lines say changed them.
const savedBy = "cordon serve"

func (s *Server) apiSave(w http.ResponseWriter, r *http.Request) {
	var q saveReq
	if !s.readJSON(w, r, &q) {
		return
	}
	cat := s.catOf(r)
	if err := checkFileName(q.File); err != nil {
		refuse(w, http.StatusBadRequest, general(err.Error()))
		return
	}
	src, changes, err := s.resolve(q.scenarioReq)
	if err != nil {
		refuse(w, http.StatusBadRequest, general(err.Error()))
		return
	}
	out, err := s.saved(src, changes, q.File)
	if err != nil {
		refuse(w, http.StatusBadRequest, s.placeProblems(src, changes, err))
		return
	}
	// What is written runs as it is: checked once more, under its own
	// name, as cordon validate would read it.
	if _, err := scenarios.Load(q.File, out); err != nil {
		refuse(w, http.StatusBadRequest, general(errorLines(err)...))
		return
	}
	if err := s.ws.writeScenario(q.File, out, q.Replace || q.File == src.File); err != nil {
		if errors.Is(err, errExists) {
			refuse(w, http.StatusConflict, problems{General: []string{cat.format("api.exists", q.File)}, Exists: true})
			return
		}
		refuse(w, http.StatusBadRequest, general(err.Error()))
		return
	}
	if bytesHaveModeline(out) {
		if err := s.ws.ensureSchema(); err != nil {
			s.logf("cordon serve: writing the schema: %v", err)
		}
	}
	writeJSON(w, http.StatusOK, map[string]string{"file": q.File, "ref": "file:" + q.File})
}

// saved is the file a save writes: the source with the changes written
// in, each changed line marked with its old value; a copy saved under a
// new name takes the file's name as its own unless the page set one; its
// $schema line, if it has one, names the schema in the workspace.
func (s *Server) saved(src *source, changes []change, file string) ([]byte, error) {
	sc, err := src.load(changes)
	if err != nil {
		return nil, err
	}
	old := map[string]string{}
	if base, err := src.load(nil); err == nil {
		for _, p := range scenarios.Paths(base) {
			old[p.Path] = p.Value
		}
	}
	var cs []scenarios.Change
	named := false
	for _, c := range changes {
		named = named || c.Path == "name"
		cs = append(cs, scenarios.Change{Override: scenarios.Override{Path: c.Path, Value: c.Value}, By: savedBy, Was: old[c.Path]})
	}
	stem := strings.TrimSuffix(strings.TrimSuffix(file, ".yaml"), ".yml")
	if !named && file != src.File && stem != sc.Name {
		cs = append(cs, scenarios.Change{Override: scenarios.Override{Path: "name", Value: yamlString(stem)}, By: savedBy, Was: old["name"]})
	}
	out := src.Data
	if len(cs) > 0 {
		if out, err = scenarios.RewriteChanged(src.Name, src.Data, cs...); err != nil {
			return nil, err
		}
	}
	return pointAtSchema(out), nil
}

// modelinePrefix starts the line that points editors at a schema.
const modelinePrefix = "# yaml-language-server: $schema="

// bytesHaveModeline reports whether a file starts with a $schema line.
func bytesHaveModeline(data []byte) bool { return strings.HasPrefix(string(data), modelinePrefix) }

// pointAtSchema points a file's $schema line at the schema of the
// workspace.
func pointAtSchema(data []byte) []byte {
	first, rest, ok := strings.Cut(string(data), "\n")
	if !ok || !strings.HasPrefix(first, modelinePrefix) {
		return data
	}
	return []byte(scenarios.Modeline(schemaFile) + "\n" + rest)
}

// compareReq asks for a comparison.
type compareReq struct {
	Scenarios []scenarioReq `json:"scenarios"`
	Reps      int           `json:"reps"`
}

func (s *Server) apiCompare(w http.ResponseWriter, r *http.Request) {
	var q compareReq
	if !s.readJSON(w, r, &q) {
		return
	}
	cat := s.catOf(r)
	if len(q.Scenarios) < 2 || len(q.Scenarios) > 4 {
		refuse(w, http.StatusBadRequest, general(cat.text("api.count")))
		return
	}
	if q.Reps < 0 || q.Reps > compound.MaxReplications {
		refuse(w, http.StatusBadRequest, general(cat.format("api.reps", compound.MaxReplications)))
		return
	}
	a := compareAsk{reps: q.Reps}
	var bad []string
	taken := map[string]bool{}
	for _, sq := range q.Scenarios {
		src, changes, err := s.resolve(sq)
		if err != nil {
			bad = append(bad, err.Error())
			continue
		}
		sc, err := src.load(changes)
		if err != nil {
			bad = append(bad, errorLines(err)...)
			continue
		}
		// Scenarios of one comparison are told apart by name: a run's
		// scenario by its run's number.
		name := sc.Name
		if run, ok := strings.CutPrefix(src.Ref, "run:"); ok && taken[name] {
			num, _, _ := strings.Cut(run, "-")
			sc.Name = fmt.Sprintf("%s (run %s)", name, num)
		}
		for n := 2; taken[sc.Name]; n++ {
			sc.Name = fmt.Sprintf("%s-%d", name, n)
		}
		taken[sc.Name] = true
		a.srcs, a.changes, a.scs = append(a.srcs, src), append(a.changes, changes), append(a.scs, sc)
	}
	if len(bad) > 0 {
		refuse(w, http.StatusBadRequest, general(bad...))
		return
	}
	if _, err := experiment.NewCompareWork(a.scs, experiment.Options{Replications: a.reps}); err != nil {
		refuse(w, http.StatusBadRequest, general(err.Error()))
		return
	}
	s.started(w, s.queue.submit(kindCompare, "compare "+a.scs[0].Name, s.logged(s.compareWork(a))))
}

// planReq asks for a plan.
type planReq struct {
	scenarioReq
	Targets     string  `json:"targets"` // one a line
	OnlyGiven   bool    `json:"only_given"`
	AllowCuts   bool    `json:"allow_cuts"`
	Budget      float64 `json:"budget"`
	Reps        int     `json:"reps"`
	Confirm     int     `json:"confirm"`
	Sensitivity bool    `json:"sensitivity"`
}

func (s *Server) apiPlan(w http.ResponseWriter, r *http.Request) {
	var q planReq
	if !s.readJSON(w, r, &q) {
		return
	}
	cat := s.catOf(r)
	src, changes, err := s.resolve(q.scenarioReq)
	if err != nil {
		refuse(w, http.StatusBadRequest, general(err.Error()))
		return
	}
	sc, err := src.load(changes)
	if err != nil {
		refuse(w, http.StatusBadRequest, general(errorLines(err)...))
		return
	}
	a := planAsk{src: src, changes: changes, sc: sc, onlyGiven: q.OnlyGiven, allowCuts: q.AllowCuts, budget: q.Budget,
		reps: q.Reps, confirm: q.Confirm, sensitivity: q.Sensitivity}
	var bad []string
	for line := range strings.SplitSeq(q.Targets, "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		t, err := compound.ParseTarget(line)
		if err != nil {
			bad = append(bad, err.Error())
			continue
		}
		a.targets = append(a.targets, t)
	}
	switch {
	case len(bad) > 0:
	case q.OnlyGiven && len(a.targets) == 0:
		bad = append(bad, cat.text("api.onlygiven"))
	case len(a.targets) == 0 && len(sc.Targets) == 0:
		bad = append(bad, cat.text("api.notargets"))
	case q.Budget < 0:
		bad = append(bad, cat.text("api.budget"))
	case q.Reps < 0 || q.Reps > compound.MaxReplications || q.Confirm < 0 || q.Confirm > compound.MaxReplications:
		bad = append(bad, cat.format("api.reps", compound.MaxReplications))
	default:
		if err := checkTargetKPIs(sc, a.targets); err != nil {
			bad = append(bad, err.Error())
		}
	}
	if len(bad) > 0 {
		refuse(w, http.StatusBadRequest, general(bad...))
		return
	}
	s.started(w, s.queue.submit(kindPlan, "plan "+sc.Name, s.logged(s.planWork(a))))
}

// checkTargetKPIs reports a target on a KPI the scenario does not have,
// before any work.
func checkTargetKPIs(sc *compound.Scenario, targets []compound.Target) error {
	o := &experiment.Outcome{Scenario: sc}
	for _, k := range compound.Catalog(sc) {
		o.KPIs = append(o.KPIs, experiment.KPIResult{KPI: k})
	}
	_, err := experiment.CheckTargets(o, targets)
	return err
}

// uploadNamePattern is an uploaded file's name fit to quote in messages.
var uploadNamePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// parts reads a multipart request whole into memory: its fields and its
// files, every name known beforehand, at most maxUpload bytes in all
// (nothing is written to disk, in the workspace or elsewhere).
func (s *Server) parts(w http.ResponseWriter, r *http.Request, known ...string) (map[string]*upload, error) {
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, err
	}
	out := map[string]*upload{}
	for {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		name := p.FormName()
		if !slices.Contains(known, name) || out[name] != nil {
			_, _ = io.Copy(io.Discard, p)
			continue
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return nil, err
		}
		out[name] = &upload{name: rawFileName(p.Header.Get("Content-Disposition")), data: data}
	}
}

// rawFileName is the file name a part's Content-Disposition gives, as
// sent: multipart's FileName keeps only its last element, and a name
// with folders in it is refused, not shortened.
func rawFileName(disposition string) string {
	_, params, err := mime.ParseMediaType(disposition)
	if err != nil {
		return ""
	}
	return params["filename"]
}

// uploadError answers a multipart request that could not be read.
func (s *Server) uploadError(w http.ResponseWriter, r *http.Request, err error) {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		refuse(w, http.StatusRequestEntityTooLarge, general(s.catOf(r).format("api.toolarge", maxUpload>>20)))
		return
	}
	refuse(w, http.StatusBadRequest, general(s.catOf(r).text("api.badjson")))
}

// field is a form field's text.
func field(ps map[string]*upload, name string) string {
	if p := ps[name]; p != nil {
		return strings.TrimSpace(string(p.data))
	}
	return ""
}

func (s *Server) apiReplay(w http.ResponseWriter, r *http.Request) {
	ps, err := s.parts(w, r, "source", "arrivals", "roster", "observed", "lenient", "helped", "reps")
	if err != nil {
		s.uploadError(w, r, err)
		return
	}
	cat := s.catOf(r)
	src, err := s.readSource(field(ps, "source"))
	if err != nil {
		refuse(w, http.StatusBadRequest, general(cat.text("api.nosource")))
		return
	}
	sc, err := src.load(nil)
	if err != nil {
		refuse(w, http.StatusBadRequest, general(errorLines(err)...))
		return
	}
	reps := 0
	if v := field(ps, "reps"); v != "" {
		if _, err := fmt.Sscan(v, &reps); err != nil || reps < 0 || reps > compound.MaxReplications {
			refuse(w, http.StatusBadRequest, general(cat.format("api.reps", compound.MaxReplications)))
			return
		}
	}
	logsOf := map[string]*upload{}
	for _, name := range []string{"arrivals", "roster", "observed"} {
		if u := ps[name]; u != nil && len(u.data) > 0 {
			if !uploadNamePattern.MatchString(u.name) {
				u.name = name + ".csv"
			}
			logsOf[name] = u
		}
	}
	if logsOf["arrivals"] == nil {
		refuse(w, http.StatusBadRequest, general(cat.text("api.arrivals")))
		return
	}
	lg, bad := readDayLogs(r.Context(), sc, logsOf["arrivals"], logsOf["roster"], logsOf["observed"], field(ps, "lenient") != "")
	if len(bad) > 0 {
		refuse(w, http.StatusBadRequest, general(bad...))
		return
	}
	a := replayAsk{src: src, sc: sc, logs: lg, helped: field(ps, "helped") != "", reps: reps, uploads: map[string][]byte{}}
	for name, u := range logsOf {
		a.uploads[name+".csv"] = u.data
	}
	s.started(w, s.queue.submit(kindReplay, "replay "+sc.Name, s.logged(s.replayWork(a))))
}

func (s *Server) apiUpload(w http.ResponseWriter, r *http.Request) {
	ps, err := s.parts(w, r, "file", "replace")
	if err != nil {
		s.uploadError(w, r, err)
		return
	}
	cat := s.catOf(r)
	u := ps["file"]
	if u == nil || u.name == "" {
		refuse(w, http.StatusBadRequest, general(cat.text("api.nofile")))
		return
	}
	// The name is the workspace file's: a plain name, never a path.
	if err := checkFileName(u.name); err != nil {
		refuse(w, http.StatusBadRequest, general(err.Error()))
		return
	}
	if len(u.data) > maxScenarioSize {
		refuse(w, http.StatusRequestEntityTooLarge, general(cat.format("api.toolarge", maxScenarioSize>>20)))
		return
	}
	if _, err := scenarios.Load(u.name, u.data); err != nil {
		refuse(w, http.StatusBadRequest, general(errorLines(err)...))
		return
	}
	if err := s.ws.writeScenario(u.name, u.data, field(ps, "replace") != ""); err != nil {
		if errors.Is(err, errExists) {
			refuse(w, http.StatusConflict, problems{General: []string{cat.format("api.exists", u.name)}, Exists: true})
			return
		}
		refuse(w, http.StatusBadRequest, general(err.Error()))
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"file": u.name, "ref": "file:" + u.name})
}

func (s *Server) apiCancel(w http.ResponseWriter, r *http.Request) {
	if err := s.queue.cancel(r.PathValue("id")); err != nil {
		refuse(w, http.StatusNotFound, general(err.Error()))
		return
	}
	writeJSON(w, http.StatusOK, map[string]bool{"ok": true})
}

func (s *Server) apiDelete(w http.ResponseWriter, r *http.Request) {
	if err := s.runs.remove(r.PathValue("id")); err != nil {
		refuse(w, http.StatusNotFound, general(err.Error()))
		return
	}
	writeJSON(w, http.StatusOK, map[string]bool{"ok": true})
}

func (s *Server) jobStatus(w http.ResponseWriter, r *http.Request) {
	st, _, err := s.queue.status(r.PathValue("id"))
	if err != nil {
		refuse(w, http.StatusNotFound, general(err.Error()))
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// reportPart is the form of a part of a report file's path: no dot
// first (a report's manifest and temporary files start with one).
var reportPart = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$`)

// maxReportFile bounds a report file served.
const maxReportFile = 256 << 20

// reportFile serves a file of a run's report folder.
func (s *Server) reportFile(w http.ResponseWriter, r *http.Request) {
	id, file := r.PathValue("id"), r.PathValue("file")
	if file == "" {
		file = "index.html"
	}
	parts := strings.Split(file, "/")
	for _, p := range parts {
		if !reportPart.MatchString(p) || strings.Contains(p, "..") {
			s.fail(w, r, http.StatusNotFound, file)
			return
		}
	}
	if _, err := s.runs.get(id); err != nil {
		s.fail(w, r, http.StatusNotFound, err.Error())
		return
	}
	data, err := s.ws.readFile(path.Join(runsDir, id, reportDir, file), maxReportFile)
	if err != nil {
		s.fail(w, r, http.StatusNotFound, file)
		return
	}
	h := w.Header()
	h.Set("Content-Security-Policy", reportPolicy)
	h.Set("Content-Type", contentType(file))
	_, _ = w.Write(data)
}

// contentType is the type of a report's file, by its extension.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".json":
		return "application/json"
	case ".csv":
		return "text/csv; charset=utf-8"
	case ".md":
		return "text/markdown; charset=utf-8"
	case ".png":
		return "image/png"
	case ".svg":
		return "image/svg+xml"
	}
	return "application/octet-stream"
}

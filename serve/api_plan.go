package serve

import (
	"net/http"
	"strings"

	"cordon/compound"
	"cordon/experiment"
)

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

// apiPlan queues a plan against targets.
func (s *Server) apiPlan(w http.ResponseWriter, r *http.Request) {
	var q planReq
	if !s.readJSON(w, r, &q) {
		return
	}
	cat := s.catOf(r)
	src, changes, err := s.resolve(q.scenarioReq)
	if err != nil {
		s.refuse(w, r, http.StatusBadRequest, general(s.said(r, err)))
		return
	}
	sc, err := src.load(changes)
	if err != nil {
		s.refuse(w, r, http.StatusBadRequest, general(errorLines(err)...))
		return
	}
	a := planAsk{src: src, changes: changes, sc: sc, onlyGiven: q.OnlyGiven, allowCuts: q.AllowCuts, budget: q.Budget,
		reps: q.Reps, confirm: q.Confirm, sensitivity: q.Sensitivity, words: s.reportWords(r)}
	var bad []string
	for line := range strings.SplitSeq(q.Targets, "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		t, err := compound.ParseTarget(line)
		if err != nil {
			bad = append(bad, s.said(r, err))
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
			bad = append(bad, s.said(r, err))
		}
	}
	if len(bad) > 0 {
		s.refuse(w, r, http.StatusBadRequest, general(bad...))
		return
	}
	s.started(w, r, s.queue.submit(kindPlan, sc.Name, s.logged(s.planWork(a))))
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

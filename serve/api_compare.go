package serve

import (
	"fmt"
	"net/http"
	"strings"

	"cordon/compound"
	"cordon/experiment"
)

// compareReq asks for a comparison.
type compareReq struct {
	Scenarios []scenarioReq `json:"scenarios"`
	Reps      int           `json:"reps"`
}

// apiCompare queues a comparison of two to four scenarios.
func (s *Server) apiCompare(w http.ResponseWriter, r *http.Request) {
	var q compareReq
	if !s.readJSON(w, r, &q) {
		return
	}
	cat := s.catOf(r)
	if len(q.Scenarios) < 2 || len(q.Scenarios) > 4 {
		s.refuse(w, r, http.StatusBadRequest, general(cat.text("api.count")))
		return
	}
	if q.Reps < 0 || q.Reps > compound.MaxReplications {
		s.refuse(w, r, http.StatusBadRequest, general(cat.format("api.reps", compound.MaxReplications)))
		return
	}
	a := compareAsk{reps: q.Reps, words: s.reportWords(r)}
	var bad []string
	taken := map[string]bool{}
	for _, sq := range q.Scenarios {
		src, changes, err := s.resolve(sq)
		if err != nil {
			bad = append(bad, s.said(r, err))
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
		s.refuse(w, r, http.StatusBadRequest, general(bad...))
		return
	}
	if _, err := experiment.NewCompareWork(a.scs, experiment.Options{Replications: a.reps}); err != nil {
		s.refuse(w, r, http.StatusBadRequest, general(s.said(r, err)))
		return
	}
	s.started(w, r, s.queue.submit(kindCompare, a.scs[0].Name, s.logged(s.compareWork(a))))
}

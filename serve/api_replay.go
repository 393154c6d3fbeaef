package serve

import (
	"fmt"
	"net/http"

	"cordon/compound"
)

// apiReplay reads and checks the uploaded logs of a day, as cordon replay
// reads its files, and queues the replay.
func (s *Server) apiReplay(w http.ResponseWriter, r *http.Request) {
	ps, err := s.parts(w, r, "source", "arrivals", "roster", "observed", "lenient", "helped", "reps")
	if err != nil {
		s.uploadError(w, r, err)
		return
	}
	cat := s.catOf(r)
	src, err := s.readSource(field(ps, "source"))
	if err != nil {
		s.refuse(w, r, http.StatusBadRequest, general(cat.text("api.nosource")))
		return
	}
	sc, err := src.load(nil)
	if err != nil {
		s.refuse(w, r, http.StatusBadRequest, general(errorLines(err)...))
		return
	}
	reps := 0
	if v := field(ps, "reps"); v != "" {
		if _, err := fmt.Sscan(v, &reps); err != nil || reps < 0 || reps > compound.MaxReplications {
			s.refuse(w, r, http.StatusBadRequest, general(cat.format("api.reps", compound.MaxReplications)))
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
		s.refuse(w, r, http.StatusBadRequest, general(cat.text("api.arrivals")))
		return
	}
	lg, bad := readDayLogs(r.Context(), sc, logsOf["arrivals"], logsOf["roster"], logsOf["observed"], field(ps, "lenient") != "")
	if len(bad) > 0 {
		s.refuse(w, r, http.StatusBadRequest, general(bad...))
		return
	}
	a := replayAsk{src: src, sc: sc, logs: lg, helped: field(ps, "helped") != "", reps: reps, uploads: map[string][]byte{}, words: s.reportWords(r)}
	for name, u := range logsOf {
		a.uploads[name+".csv"] = u.data
	}
	s.started(w, r, s.queue.submit(kindReplay, sc.Name, s.logged(s.replayWork(a))))
}

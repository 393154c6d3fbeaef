package serve

import "net/http"

// apiRun queues a run of the scenario as changed in the editor.
func (s *Server) apiRun(w http.ResponseWriter, r *http.Request) {
	var q scenarioReq
	if !s.readJSON(w, r, &q) {
		return
	}
	src, changes, err := s.resolve(q)
	if err != nil {
		s.refuse(w, r, http.StatusBadRequest, general(s.said(r, err)))
		return
	}
	sc, err := src.loadToRun(changes)
	if err != nil {
		s.refuse(w, r, http.StatusBadRequest, s.placeProblems(src, changes, err))
		return
	}
	s.started(w, r, s.queue.submit(kindRun, sc.Name, s.logged(s.runWork(runAsk{src: src, changes: changes, sc: sc, words: s.reportWords(r)}))))
}

// apiCancel cancels a job, waiting or running.
func (s *Server) apiCancel(w http.ResponseWriter, r *http.Request) {
	if err := s.queue.cancel(r.PathValue("id")); err != nil {
		s.refuse(w, r, http.StatusNotFound, general(s.said(r, err)))
		return
	}
	writeJSON(w, http.StatusOK, map[string]bool{"ok": true})
}

// jobStatus answers where a job is: its state and progress.
func (s *Server) jobStatus(w http.ResponseWriter, r *http.Request) {
	st, _, err := s.queue.status(r.PathValue("id"))
	if err != nil {
		s.refuse(w, r, http.StatusNotFound, general(s.said(r, err)))
		return
	}
	writeJSON(w, http.StatusOK, s.statusSaid(r, st))
}

// apiDelete deletes a result from the history.
func (s *Server) apiDelete(w http.ResponseWriter, r *http.Request) {
	if err := s.runs.remove(r.PathValue("id")); err != nil {
		s.refuse(w, r, http.StatusNotFound, general(s.said(r, err)))
		return
	}
	writeJSON(w, http.StatusOK, map[string]bool{"ok": true})
}

package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// eventGap is the least time between two progress events of a job: a
// plan reports thousands of replications a second, a page needs a few
// updates.
const eventGap = 150 * time.Millisecond

// jobEvents streams a job's status as server-sent events: one "status"
// event at once and at each change, until the job is finished, the page
// goes away or the server stops.
func (s *Server) jobEvents(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	st, changed, err := s.queue.status(id)
	if err != nil {
		s.refuse(w, r, http.StatusNotFound, general(s.said(r, err)))
		return
	}
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	for {
		data, _ := json.Marshal(s.statusSaid(r, st))
		if _, err := fmt.Fprintf(w, "event: status\ndata: %s\n\n", data); err != nil {
			return
		}
		flusher.Flush()
		if finished(st.State) {
			return
		}
		select {
		case <-r.Context().Done():
			return
		case <-changed:
		}
		select {
		case <-r.Context().Done():
			return
		case <-time.After(eventGap):
		}
		if st, changed, err = s.queue.status(id); err != nil {
			return
		}
	}
}

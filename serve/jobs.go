package serve

import (
	"context"
	"slices"
	"strconv"
	"sync"
)

// The states of a job.
const (
	stateQueued    = "queued"
	stateRunning   = "running"
	stateDone      = "done"
	stateFailed    = "failed"
	stateCancelled = "cancelled"
)

// job is one piece of work asked for from a page: a run, a comparison, a
// plan or a replay. Its work writes a run into the history and returns
// its id.
type job struct {
	ID    string
	Kind  string
	Title string // the (first) scenario's name
	work  func(ctx context.Context, progress func(done, total int)) (string, error)

	ctx    context.Context
	cancel context.CancelFunc

	// Guarded by the queue's lock.
	state       string
	done, total int
	err         string
	run         string // the run written, when done
	changed     chan struct{}
}

// jobStatus is what the page is told about a job.
type jobStatus struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Title string `json:"title"`
	State string `json:"state"`
	Done  int    `json:"done"`
	Total int    `json:"total"`
	Error string `json:"error,omitempty"`
	Run   string `json:"run,omitempty"`
	// Ahead counts the jobs queued before this one.
	Ahead int `json:"ahead"`
}

// finished reports a state that does not change again.
func finished(state string) bool {
	return state == stateDone || state == stateFailed || state == stateCancelled
}

// queue runs jobs in the order they were asked for, at most slots at
// once. Every job's context comes from the queue's, which the server
// cancels when it stops.
type queue struct {
	ctx   context.Context
	slots int

	mu      sync.Mutex
	next    int
	jobs    map[string]*job
	pending []*job
	running int
	wg      sync.WaitGroup
}

// maxJobsKept bounds the finished jobs remembered (their runs are in the
// history).
const maxJobsKept = 1000

func newQueue(ctx context.Context, slots int) *queue {
	return &queue{ctx: ctx, slots: max(slots, 1), jobs: map[string]*job{}}
}

// maxWaiting bounds the jobs waiting their turn: each holds what it was
// asked with (a scenario, a replay's uploaded logs).
const maxWaiting = 32

// submit queues a job and returns it, or nil when maxWaiting jobs wait
// already.
func (q *queue) submit(kind, title string, work func(context.Context, func(int, int)) (string, error)) *job {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.pending) >= maxWaiting {
		return nil
	}
	q.next++
	j := &job{ID: strconv.Itoa(q.next), Kind: kind, Title: title, work: work, state: stateQueued, changed: make(chan struct{})}
	j.ctx, j.cancel = context.WithCancel(q.ctx)
	q.jobs[j.ID] = j
	q.pending = append(q.pending, j)
	q.forget()
	q.start()
	return j
}

// forget drops the oldest finished jobs beyond maxJobsKept.
func (q *queue) forget() {
	if len(q.jobs) <= maxJobsKept {
		return
	}
	for id, j := range q.jobs {
		if finished(j.state) && len(q.jobs) > maxJobsKept {
			delete(q.jobs, id)
		}
	}
}

// start starts pending jobs while there are free slots; called with the
// lock held.
func (q *queue) start() {
	for q.running < q.slots && len(q.pending) > 0 {
		j := q.pending[0]
		q.pending = q.pending[1:]
		q.running++
		q.setLocked(j, func() { j.state = stateRunning })
		q.wg.Add(1)
		go q.run(j)
	}
	for _, j := range q.pending {
		q.setLocked(j, func() {}) // their place in the queue moved
	}
}

// run does a job's work and starts the next.
func (q *queue) run(j *job) {
	defer q.wg.Done()
	id, err := j.work(j.ctx, func(done, total int) {
		q.mu.Lock()
		defer q.mu.Unlock()
		if done != j.done || total != j.total {
			q.setLocked(j, func() { j.done, j.total = done, total })
		}
	})
	q.mu.Lock()
	defer q.mu.Unlock()
	q.running--
	q.setLocked(j, func() {
		switch {
		case j.ctx.Err() != nil:
			j.state = stateCancelled
		case err != nil:
			j.state, j.err = stateFailed, err.Error()
		default:
			j.state, j.run = stateDone, id
		}
	})
	j.cancel()
	q.start()
}

// setLocked changes a job and wakes whoever watches it; called with the
// lock held.
func (q *queue) setLocked(j *job, change func()) {
	change()
	close(j.changed)
	j.changed = make(chan struct{})
}

// errNoJob is the error of a job that is not known.
var errNoJob = refusal("err.nojob")

// status returns a job's status and a channel closed at its next change.
func (q *queue) status(id string) (jobStatus, <-chan struct{}, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	j, ok := q.jobs[id]
	if !ok {
		return jobStatus{}, nil, errNoJob
	}
	st := jobStatus{ID: j.ID, Kind: j.Kind, Title: j.Title, State: j.state, Done: j.done, Total: j.total, Error: j.err, Run: j.run}
	if j.state == stateQueued {
		for _, p := range q.pending {
			if p == j {
				break
			}
			st.Ahead++
		}
	}
	return st, j.changed, nil
}

// cancel cancels a job: a queued one never starts, a running one stops.
func (q *queue) cancel(id string) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	j, ok := q.jobs[id]
	if !ok {
		return errNoJob
	}
	j.cancel()
	if j.state == stateQueued {
		q.setLocked(j, func() { j.state = stateCancelled })
		// It leaves the queue now, and those behind it move up.
		q.pending = slices.DeleteFunc(q.pending, func(p *job) bool { return p == j })
		for _, p := range q.pending {
			q.setLocked(p, func() {})
		}
	}
	return nil
}

// active returns the jobs not yet finished, in order.
func (q *queue) active() []jobStatus {
	q.mu.Lock()
	var ids []string
	for id, j := range q.jobs {
		if !finished(j.state) {
			ids = append(ids, id)
		}
	}
	q.mu.Unlock()
	var out []jobStatus
	for _, id := range ids {
		if st, _, err := q.status(id); err == nil {
			out = append(out, st)
		}
	}
	sortJobs(out)
	return out
}

// sortJobs orders jobs by their number.
func sortJobs(js []jobStatus) {
	slices.SortFunc(js, func(a, b jobStatus) int {
		x, _ := strconv.Atoi(a.ID)
		y, _ := strconv.Atoi(b.ID)
		return x - y
	})
}

// wait waits for every running job to end (after the queue's context is
// cancelled, they end at once).
func (q *queue) wait() { q.wg.Wait() }

package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"time"

	"golang.org/x/image/font/opentype"

	"cordon/compound"
)

// Options configure a server.
type Options struct {
	// Dir is the workspace: its scenario files and runs/, the history.
	Dir string
	// Addr is the address the server listens on, as --addr gives it: the
	// guard needs its port, and a token unless it is a loopback address.
	Addr string
	// Token, when not empty, must come with every request.
	Token string
	// Jobs is the most runs at once (at least 1); each runs its
	// replications on Workers workers (0: the CPUs shared among the jobs).
	Jobs, Workers int
	// MarginalReps are the replications of a run report's marginal
	// analysis (what one more unit buys), as `cordon run --marginal-reps`.
	MarginalReps int
	// Model and Memory are the guards of every replication, as the command
	// line sets them: runaway replications stop, work that needs more
	// memory than Memory() (0: no limit) is refused.
	Model  compound.Options
	Memory func() int64
	// Log, when not nil, receives a line for each job that fails.
	Log io.Writer
	// CJKFonts are where to find the CJK font that draws the figures of
	// a report in Chinese (reports.CJKFonts); the first that is one is
	// used. Without one they are drawn in English.
	CJKFonts []string
}

// Server is cordon serve: its workspace, its queue of work and its pages.
type Server struct {
	opts    Options
	workers int
	ws      *workspace
	runs    *history
	queue   *queue
	guard   *guard
	schema  *schemaInfo
	cats    map[string]catalogue
	langs   languages
	engine  map[string]engineTexts              // the engine's texts by language (none for English)
	pages   map[string]map[string]*pageTemplate // by language, by page
	cjkFont func() *opentype.Font               // the figures' font in a Chinese report, read once
	handler http.Handler
	ctx     context.Context
	stop    context.CancelFunc
}

// New opens the workspace and makes the server. Its work runs under ctx:
// when ctx is done every job is cancelled. Close releases the workspace.
func New(ctx context.Context, opts Options) (*Server, error) {
	if opts.Jobs < 1 {
		opts.Jobs = 1
	}
	ws, err := openWorkspace(opts.Dir)
	if err != nil {
		return nil, err
	}
	si, err := newSchemaInfo()
	if err != nil {
		ws.close()
		return nil, err
	}
	s := &Server{opts: opts, ws: ws, runs: &history{ws: ws}, schema: si, cats: catalogues()}
	s.langs, s.engine = newLanguages(s.cats), engineTranslations()
	s.cjkFont = newCJKFont(opts)
	s.workers = opts.Workers
	if s.workers <= 0 {
		s.workers = max(1, runtime.NumCPU()/opts.Jobs)
	}
	if s.pages, err = loadPages(s.cats, s.engine); err != nil {
		ws.close()
		return nil, err
	}
	s.runs.clean()
	s.ctx, s.stop = context.WithCancel(ctx)
	s.queue = newQueue(s.ctx, opts.Jobs)
	s.guard = newGuard(opts.Token, opts.Addr, s.inEveryLanguage)
	s.handler = s.guard.wrap(s.routes())
	return s, nil
}

// Handler is the server's HTTP handler, guard included.
func (s *Server) Handler() http.Handler { return s.handler }

// Workspace is the workspace's absolute path.
func (s *Server) Workspace() string { return s.ws.dir }

// Serve answers requests on ln until the context New was given is done;
// then it stops taking requests, cancels every job, waits for them to end
// (a run being written is written whole or not at all) and returns nil.
func (s *Server) Serve(ln net.Listener) error {
	// Requests' contexts end with the server's, so that the progress
	// streams close when it stops.
	hs := &http.Server{Handler: s.handler, ReadHeaderTimeout: 10 * time.Second,
		BaseContext: func(net.Listener) context.Context { return s.ctx }}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		s.stop()
		s.queue.wait()
		return err
	case <-s.ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := hs.Shutdown(shutdown)
	s.queue.wait()
	if err2 := <-done; err == nil && !errors.Is(err2, http.ErrServerClosed) {
		err = err2
	}
	return err
}

// Close cancels every job, waits for them and releases the workspace.
func (s *Server) Close() {
	s.stop()
	s.queue.wait()
	s.ws.close()
}

// logf writes a line to the server's log.
func (s *Server) logf(format string, a ...any) {
	if s.opts.Log != nil {
		fmt.Fprintf(s.opts.Log, format+"\n", a...)
	}
}

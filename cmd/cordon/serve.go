package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"strings"

	"github.com/spf13/cobra"

	"cordon/compound"
	"cordon/reports"
	"cordon/serve"
	"cordon/text"
)

// serveOptions are the flags of `cordon serve`.
type serveOptions struct {
	addr     string
	dir      string
	jobs     int
	token    string
	marginal int
}

func newServeCmd(std *streams, opts *serveOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8080] [--dir FOLDER] [--jobs N] [--token T]",
		Short: "Open the planner's desk in a browser: change a scenario's numbers, run, compare, plan, replay",
		Long: `Serve serves web pages, built into cordon (nothing is fetched from the network), over the same
engine as the other commands: the scenarios (built-in ones and the files of the workspace); an
editor of every value of a scenario, grouped as a planner thinks (the gate, the crews and their
shifts, the testing round, the volumes), each with its description, its unit and its limits, and
the problems cordon validate would report shown beside it; runs with live progress and a cancel
button; each result's report; comparisons of two to four scenarios, the differences that matter
first; plans against targets (the changes, their cost, the side effects); and the replay of a
logged day from uploaded CSV files.

--dir is the workspace (default cordon-workspace, made when missing): its .yaml files are the
scenarios the pages offer besides the built-in ones, saving writes a commented scenario file
there that cordon run runs as it is, and runs/ keeps every result (the same report folder
cordon run, compare, plan or replay writes, in the language of the page that started it),
which stays across restarts until deleted from the history page. Runs are queued and run at
most --jobs at once; a run gives the same results as cordon run for the same scenario, seed
and replications.

By default the pages are served on 127.0.0.1:8080, to this machine only. Any other --addr
needs a token: --token, or one generated and printed; every request must then carry it (the
printed address sets it in the browser). Pages refuse requests from other sites, uploads are
limited in size and checked as the command line checks files, and nothing outside the
workspace is read or written. Ctrl-C stops the server: running work is cancelled, a result
being written is written whole or not at all, and it exits 0.

  cordon serve
  cordon serve --dir my-compound --jobs 2
  cordon serve --addr 0.0.0.0:8080 --token "$(cat token.txt)"`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(cmd.Context(), std, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.addr, "addr", "127.0.0.1:8080", "address to serve on, HOST:PORT (port 0: any free port)")
	f.StringVar(&opts.dir, "dir", "cordon-workspace", "the workspace: scenario files, and runs/ with every result")
	f.IntVar(&opts.jobs, "jobs", 1, "runs at once; each uses this machine's CPUs shared among them")
	f.StringVar(&opts.token, "token", "", "a token every request must carry (needed off loopback; one is generated when not given)")
	f.IntVar(&opts.marginal, "marginal-reps", 10, "replications of a run report's marginal analysis, as cordon run --marginal-reps")
	return cmd
}

func runServe(ctx context.Context, std *streams, opts *serveOptions) error {
	if opts.jobs < 1 {
		return badInput(fmt.Errorf("--jobs must be at least 1, got %d", opts.jobs))
	}
	if err := checkReps("--marginal-reps", opts.marginal, 0); err != nil {
		return err
	}
	host, _, err := net.SplitHostPort(opts.addr)
	if err != nil {
		return badInput(fmt.Errorf("--addr %s: want HOST:PORT, such as 127.0.0.1:8080", text.TermSafe(opts.addr)))
	}
	token, generated := opts.token, false
	if strings.ContainsFunc(token, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-._~", r))
	}) {
		return badInput(fmt.Errorf("--token: use letters, digits, '-', '.', '_' and '~' (it goes into a cookie and an address)"))
	}
	if token == "" && !loopback(host) {
		token, generated = newToken(), true
	}
	ln, err := net.Listen("tcp", opts.addr)
	if err != nil {
		return badInput(fmt.Errorf("--addr %s: %v", text.TermSafe(opts.addr), err))
	}
	srv, err := serve.New(ctx, serve.Options{Dir: opts.dir, Addr: ln.Addr().String(), Token: token, Jobs: opts.jobs,
		MarginalReps: opts.marginal, Model: compound.Options{MaxEvents: defaultMaxEvents, MaxEntities: defaultMaxEntities},
		Memory: machineMemory, Log: std.err, CJKFonts: reports.CJKFonts(std.getenv)})
	if err != nil {
		ln.Close()
		return badInput(fmt.Errorf("--dir %s: %v", text.TermSafe(opts.dir), err))
	}
	defer srv.Close()
	addr := ln.Addr().String()
	if !loopback(host) {
		_, port, _ := net.SplitHostPort(addr)
		addr = "THIS-MACHINE:" + port
	}
	url := "http://" + addr + "/"
	if token != "" {
		url += "?token=" + token
	}
	fmt.Fprintf(std.err, "cordon serve: open %s in a browser (workspace %s); Ctrl-C stops it\n", url, text.TermSafe(srv.Workspace()))
	if generated {
		fmt.Fprintf(std.err, "cordon serve: %s is not a loopback address, so every request must carry the token in that address (generated; --token chooses one)\n",
			text.TermSafe(opts.addr))
	}
	if err := srv.Serve(ln); err != nil {
		return err
	}
	if ctx.Err() != nil {
		fmt.Fprintln(std.err, "cordon serve: stopped; running work was cancelled and the workspace holds only whole results")
	}
	return nil
}

// loopback reports whether a host of --addr is this machine only.
func loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// newToken is a random token of 128 bits.
func newToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Package serve is cordon's planner's desk in a browser: `cordon serve`
// serves pages, embedded in the binary, over the same engine as the
// command line. A planner picks a scenario (a built-in one or a file of
// the workspace), changes its numbers in a form generated from the
// scenario schema, runs it with live progress, reads its report, compares
// scenarios, plans against targets and replays a logged day from uploaded
// CSV files.
//
// # Workspace
//
// The server reads and writes one folder, the workspace (--dir): its
// scenario files (NAME.yaml at its top level), and runs/, the history of
// every result. Each run is a folder runs/NNNN-NAME/ holding run.json
// (what was run, and its headline figures), inputs/ (the scenarios as run,
// the uploaded logs) and report/, the report folder the command line
// writes for the same work (reports.RunReport, ComparisonReport, PlanReport,
// ReviewReport, each written by Report.Write). A run is built in a temporary folder and renamed into
// place whole, so that a stopped server leaves runs written whole or not at
// all. Names from requests are checked against a strict pattern, files are
// opened through an os.Root of the workspace, and symbolic links are
// refused.
//
// # Work
//
// Runs are queued and run at most Options.Jobs at once, each cancellable;
// a run's results are those the command line gives for the same scenario,
// seed and replications (the same experiment work, the same report
// writers).
//
// # Safety
//
// See guard.go: loopback only unless a token is required, a token on every
// request when one is set, cross-site POSTs refused (Origin and
// Sec-Fetch-Site, and a per-session CSRF token), strict Content Security
// Policy, and every text escaped by html/template.
//
// # Languages
//
// Every text a page shows that is not the engine's is in a catalogue by
// key, one per language: English (messages_en.go) and Simplified Chinese
// (messages_zh.go); the pages' scripts take theirs from the page. A page
// is in the language asked for with ?lang= (the switch at the top of every
// page, remembered in a cookie), else the one the browser prefers
// (Accept-Language), else English. The engine's texts the pages show are
// translated here too, by their English text (engineTexts): the scenario
// schema's descriptions and the editor's labels (schema_zh.go); the KPIs'
// labels and the durations are the command line's (package lang, as
// --lang zh-CN writes them); tests fail when the engine gains a text
// without its translation. The loader's errors (cordon validate's lines),
// the plan's knobs, the names in a scenario and the report folders are the
// command line's, in English.
package serve

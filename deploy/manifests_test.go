package deploy

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/yaml"
)

// The image every manifest names; a placeholder the README says to replace.
const image = "ghcr.io/example/cordon:latest"

// manifests holds the decoded objects of deploy/kubernetes, by file.
type manifests struct {
	jobs map[string]*batchv1.Job // by name
	pvcs map[string]*corev1.PersistentVolumeClaim
	file map[string]string // object name -> file
}

// splitDocuments splits a YAML stream at its "---" lines.
func splitDocuments(data []byte) [][]byte {
	var docs [][]byte
	var cur []byte
	for line := range bytes.Lines(data) {
		if t := bytes.TrimRight(line, " \t\r\n"); bytes.Equal(t, []byte("---")) {
			docs = append(docs, cur)
			cur = nil
			continue
		}
		cur = append(cur, line...)
	}
	return append(docs, cur)
}

// decodeStrict decodes one document into the Kubernetes type its kind names,
// with unknown and duplicated fields as errors. It returns nil, nil for a
// document with no object (comments only).
func decodeStrict(doc []byte) (any, error) {
	var tm struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
	}
	if err := yaml.Unmarshal(doc, &tm); err != nil {
		return nil, err
	}
	var obj any
	switch {
	case tm.APIVersion == "" && tm.Kind == "":
		var anything any
		if err := yaml.Unmarshal(doc, &anything); err != nil || anything != nil {
			return nil, fmt.Errorf("a document without apiVersion and kind")
		}
		return nil, nil
	case tm.APIVersion == "batch/v1" && tm.Kind == "Job":
		obj = &batchv1.Job{}
	case tm.APIVersion == "v1" && tm.Kind == "PersistentVolumeClaim":
		obj = &corev1.PersistentVolumeClaim{}
	default:
		return nil, fmt.Errorf("apiVersion %q kind %q: not a kind these tests know (add it to decodeStrict)", tm.APIVersion, tm.Kind)
	}
	if err := yaml.UnmarshalStrict(doc, obj); err != nil {
		return nil, err
	}
	return obj, nil
}

func loadManifests(t *testing.T) manifests {
	t.Helper()
	files, err := filepath.Glob("kubernetes/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no manifests in deploy/kubernetes (%v)", err)
	}
	m := manifests{jobs: map[string]*batchv1.Job{}, pvcs: map[string]*corev1.PersistentVolumeClaim{}, file: map[string]string{}}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, doc := range splitDocuments(data) {
			obj, err := decodeStrict(doc)
			if err != nil {
				t.Errorf("%s, document %d: %v", f, i+1, err)
				continue
			}
			var name string
			switch o := obj.(type) {
			case nil:
				continue
			case *batchv1.Job:
				name = o.Name
				m.jobs[name] = o
			case *corev1.PersistentVolumeClaim:
				name = o.Name
				m.pvcs[name] = o
			}
			if name == "" {
				t.Errorf("%s, document %d: no metadata.name", f, i+1)
			}
			if prev, ok := m.file[name]; ok {
				t.Errorf("%s: %s is also defined in %s", f, name, prev)
			}
			m.file[name] = f
		}
	}
	return m
}

// TestStrictDecodingRejectsTypos makes sure the decoder used below refuses
// what the API server would not store as written.
func TestStrictDecodingRejectsTypos(t *testing.T) {
	bad := map[string]string{
		"unknown field": "apiVersion: batch/v1\nkind: Job\nmetadata: {name: x}\nspec:\n  completionsMode: Indexed\n",
		"nested typo": "apiVersion: batch/v1\nkind: Job\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n" +
			"      containers:\n        - name: c\n          image: i\n          arg: [run]\n",
		"duplicate field": "apiVersion: batch/v1\nkind: Job\nmetadata: {name: x}\nspec:\n  completions: 1\n  completions: 2\n",
		"wrong type":      "apiVersion: batch/v1\nkind: Job\nmetadata: {name: x}\nspec:\n  completions: many\n",
		"unknown kind":    "apiVersion: batch/v1\nkind: CronJobs\nmetadata: {name: x}\n",
		"no kind":         "metadata: {name: x}\n",
	}
	for name, doc := range bad {
		if _, err := decodeStrict([]byte(doc)); err == nil {
			t.Errorf("%s: decoded without an error", name)
		}
	}
	good := "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: x}\nspec:\n  accessModes: [ReadWriteMany]\n"
	if _, err := decodeStrict([]byte(good)); err != nil {
		t.Errorf("a valid claim: %v", err)
	}
	if obj, err := decodeStrict([]byte("# only a comment\n")); obj != nil || err != nil {
		t.Errorf("a comment-only document: got %v, %v", obj, err)
	}
}

// shard is what `cordon ... --shard` resolves to: index I of N.
type shard struct{ i, n int }

// flagValues returns every value of a flag given as "--flag value" or
// "--flag=value".
func flagValues(args []string, flag string) []string {
	var vals []string
	for k := 0; k < len(args); k++ {
		switch {
		case args[k] == flag && k+1 < len(args):
			vals = append(vals, args[k+1])
			k++
		case strings.HasPrefix(args[k], flag+"="):
			vals = append(vals, strings.TrimPrefix(args[k], flag+"="))
		}
	}
	return vals
}

func flagValue(args []string, flag string) (string, bool) {
	v := flagValues(args, flag)
	if len(v) != 1 {
		return "", false
	}
	return v[0], true
}

// resolveShard does what cordon's --shard does with the arguments and the
// environment, as the command line documents it: I/N as given, or "auto",
// from JOB_COMPLETION_INDEX with N from --shards or CORDON_SHARDS (Kubernetes
// Indexed Jobs), or from SLURM_ARRAY_TASK_ID minus SLURM_ARRAY_TASK_MIN of
// SLURM_ARRAY_TASK_COUNT (Slurm job arrays).
func resolveShard(args []string, env map[string]string) (shard, error) {
	spec, ok := flagValue(args, "--shard")
	if !ok {
		return shard{}, errors.New("no single --shard")
	}
	atoi := func(what, s string) (int, error) {
		n, err := strconv.Atoi(s)
		if err != nil {
			return 0, fmt.Errorf("%s: %q is not a whole number", what, s)
		}
		return n, nil
	}
	var s shard
	var err error
	switch {
	case spec != "auto":
		is, ns, ok := strings.Cut(spec, "/")
		if !ok {
			return shard{}, fmt.Errorf("--shard %s: not I/N", spec)
		}
		if s.i, err = atoi("--shard", is); err != nil {
			return shard{}, err
		}
		if s.n, err = atoi("--shard", ns); err != nil {
			return shard{}, err
		}
	case env["JOB_COMPLETION_INDEX"] != "":
		if s.i, err = atoi("JOB_COMPLETION_INDEX", env["JOB_COMPLETION_INDEX"]); err != nil {
			return shard{}, err
		}
		if n, ok := flagValue(args, "--shards"); ok {
			s.n, err = atoi("--shards", n)
		} else if env["CORDON_SHARDS"] != "" {
			s.n, err = atoi("CORDON_SHARDS", env["CORDON_SHARDS"])
		} else {
			err = errors.New("--shard auto under Kubernetes needs --shards or CORDON_SHARDS")
		}
		if err != nil {
			return shard{}, err
		}
	case env["SLURM_ARRAY_TASK_ID"] != "":
		id, err1 := atoi("SLURM_ARRAY_TASK_ID", env["SLURM_ARRAY_TASK_ID"])
		lo, err2 := atoi("SLURM_ARRAY_TASK_MIN", env["SLURM_ARRAY_TASK_MIN"])
		n, err3 := atoi("SLURM_ARRAY_TASK_COUNT", env["SLURM_ARRAY_TASK_COUNT"])
		if err := errors.Join(err1, err2, err3); err != nil {
			return shard{}, err
		}
		s = shard{id - lo, n}
	default:
		return shard{}, errors.New("--shard auto outside a Kubernetes Indexed Job or a Slurm array")
	}
	if s.n < 1 || s.i < 0 || s.i >= s.n {
		return shard{}, fmt.Errorf("shard %d/%d is out of range", s.i, s.n)
	}
	return s, nil
}

// checkCoverage checks that runs (shard and part file of each) cover shards
// 0..n-1 once each, all of one count n, with distinct part files, and
// returns the part files in shard order.
func checkCoverage(t *testing.T, where string, shards []shard, parts []string, n int) []string {
	t.Helper()
	byIndex := make([]string, n)
	seen := map[string]bool{}
	for k, s := range shards {
		if s.n != n {
			t.Errorf("%s: a run is shard %d/%d, want a count of %d", where, s.i, s.n, n)
			continue
		}
		if byIndex[s.i] != "" {
			t.Errorf("%s: shard %d/%d runs twice", where, s.i, s.n)
		}
		byIndex[s.i] = parts[k]
		if seen[parts[k]] {
			t.Errorf("%s: two shards write %s", where, parts[k])
		}
		seen[parts[k]] = true
	}
	for i, p := range byIndex {
		if p == "" {
			t.Errorf("%s: no run of shard %d/%d", where, i, n)
		}
	}
	return byIndex
}

// sweepDefinition is what makes two sweeps the same sweep: the scenario and
// the flags that change the results.
func sweepDefinition(args []string) string {
	if len(args) < 2 || args[0] != "sweep" {
		return fmt.Sprintf("not a sweep: %q", args)
	}
	def := []string{args[1]}
	for _, f := range []string{"--vary", "--reps", "--seed", "--set"} {
		def = append(def, f+"="+strings.Join(flagValues(args, f), ","))
	}
	return strings.Join(def, " ")
}

// The sweep the Kubernetes Job, the Slurm array and the parallel script run.
var wantSweep = sweepDefinition([]string{"sweep", "baseline",
	"--vary", "staff.suited-crew.shifts[0].count=2..8", "--vary", "sampling.sites.site-a.swab=3..8", "--reps", "100"})

// cordonArgs returns the arguments a container gives cordon: its args when
// the command is the image's entrypoint (none, or /cordon).
func cordonArgs(c corev1.Container) ([]string, error) {
	if len(c.Command) > 0 && !(len(c.Command) == 1 && c.Command[0] == "/cordon") {
		return nil, fmt.Errorf("command %q: want the image's entrypoint /cordon (no shell in the image)", c.Command)
	}
	if len(c.Args) == 0 {
		return nil, errors.New("no arguments")
	}
	return c.Args, nil
}

var varRef = regexp.MustCompile(`\$\(([A-Za-z_][A-Za-z0-9_]*)\)`)

// expand does Kubernetes' $(VAR) expansion of container arguments.
func expand(args []string, env map[string]string) []string {
	out := make([]string, len(args))
	for k, a := range args {
		out[k] = varRef.ReplaceAllStringFunc(a, func(ref string) string {
			if v, ok := env[ref[2:len(ref)-1]]; ok {
				return v
			}
			return ref // Kubernetes leaves an unknown reference as it is
		})
	}
	return out
}

func checkPod(t *testing.T, job *batchv1.Job) {
	t.Helper()
	spec := job.Spec.Template.Spec
	where := job.Name
	if spec.RestartPolicy != corev1.RestartPolicyNever {
		t.Errorf("%s: restartPolicy %q, want Never", where, spec.RestartPolicy)
	}
	podNonRoot := spec.SecurityContext != nil && spec.SecurityContext.RunAsNonRoot != nil && *spec.SecurityContext.RunAsNonRoot
	if len(spec.Containers) == 0 {
		t.Errorf("%s: no containers", where)
	}
	volumes := map[string]bool{}
	for _, v := range spec.Volumes {
		volumes[v.Name] = true
	}
	for _, c := range slices.Concat(spec.InitContainers, spec.Containers) {
		where := job.Name + "/" + c.Name
		nonRoot := podNonRoot
		if c.SecurityContext != nil && c.SecurityContext.RunAsNonRoot != nil {
			nonRoot = *c.SecurityContext.RunAsNonRoot
		}
		if !nonRoot {
			t.Errorf("%s: runAsNonRoot is not true", where)
		}
		if c.SecurityContext == nil || c.SecurityContext.AllowPrivilegeEscalation == nil || *c.SecurityContext.AllowPrivilegeEscalation {
			t.Errorf("%s: allowPrivilegeEscalation is not false", where)
		}
		if c.Image != image {
			t.Errorf("%s: image %q, want the placeholder %q the README documents", where, c.Image, image)
		}
		for kind, list := range map[string]corev1.ResourceList{"requests": c.Resources.Requests, "limits": c.Resources.Limits} {
			cpu, mem := list[corev1.ResourceCPU], list[corev1.ResourceMemory]
			if cpu.String() != "2" || mem.String() != "1Gi" {
				t.Errorf("%s: resources.%s cpu %s memory %s, want 2 and 1Gi", where, kind, cpu.String(), mem.String())
			}
		}
		for _, vm := range c.VolumeMounts {
			if !volumes[vm.Name] {
				t.Errorf("%s: mounts volume %s, which the pod does not have", where, vm.Name)
			}
		}
	}
}

// mountedClaim returns the claim mounted at a folder holding path.
func mountedClaim(job *batchv1.Job, c corev1.Container, path string) string {
	for _, vm := range c.VolumeMounts {
		if !strings.HasPrefix(path, strings.TrimSuffix(vm.MountPath, "/")+"/") {
			continue
		}
		for _, v := range job.Spec.Template.Spec.Volumes {
			if v.Name == vm.Name && v.PersistentVolumeClaim != nil {
				return v.PersistentVolumeClaim.ClaimName
			}
		}
	}
	return ""
}

// TestKubernetesManifests decodes every manifest strictly and checks the
// sweep: an Indexed Job whose pods run cordon with --shard auto, covering
// every shard once, on a ReadWriteMany claim, and a merge Job that merges
// exactly the parts the sweep writes.
func TestKubernetesManifests(t *testing.T) {
	m := loadManifests(t)
	if t.Failed() {
		return
	}
	sweep, merge := m.jobs["cordon-sweep"], m.jobs["cordon-merge"]
	if sweep == nil || merge == nil {
		t.Fatalf("want the Jobs cordon-sweep and cordon-merge, have %v", slices.Sorted(maps.Keys(m.jobs)))
	}
	if f := m.file["cordon-sweep"]; filepath.Base(f) != "sweep-job.yaml" {
		t.Errorf("cordon-sweep is in %s, want sweep-job.yaml (the README's kubectl lines)", f)
	}
	if f := m.file["cordon-merge"]; filepath.Base(f) != "merge-job.yaml" {
		t.Errorf("cordon-merge is in %s, want merge-job.yaml (applied after the sweep completes)", f)
	}
	for name, claim := range m.pvcs {
		if !slices.Contains(claim.Spec.AccessModes, corev1.ReadWriteMany) {
			t.Errorf("claim %s: access modes %v, want ReadWriteMany (pods on several nodes write parts)", name, claim.Spec.AccessModes)
		}
		if _, ok := claim.Spec.Resources.Requests[corev1.ResourceStorage]; !ok {
			t.Errorf("claim %s: no storage request", name)
		}
	}

	for _, job := range m.jobs {
		checkPod(t, job)
	}

	// The sweep.
	spec := sweep.Spec
	if spec.CompletionMode == nil || *spec.CompletionMode != batchv1.IndexedCompletion {
		t.Fatalf("cordon-sweep: completionMode %v, want Indexed", spec.CompletionMode)
	}
	if spec.Completions == nil || spec.Parallelism == nil {
		t.Fatal("cordon-sweep: no completions or parallelism")
	}
	if *spec.Completions != 16 || *spec.Parallelism != 8 {
		t.Errorf("cordon-sweep: completions %d, parallelism %d, want 16 and 8", *spec.Completions, *spec.Parallelism)
	}
	if spec.BackoffLimitPerIndex == nil || *spec.BackoffLimitPerIndex != 1 {
		t.Errorf("cordon-sweep: backoffLimitPerIndex %v, want 1", spec.BackoffLimitPerIndex)
	}
	n := int(*spec.Completions)
	var sweepParts []string
	for _, c := range spec.Template.Spec.Containers {
		where := "cordon-sweep/" + c.Name
		args, err := cordonArgs(c)
		if err != nil {
			t.Errorf("%s: %v", where, err)
			continue
		}
		if got := sweepDefinition(args); got != wantSweep {
			t.Errorf("%s: runs %s, want the README's sweep %s", where, got, wantSweep)
		}
		if v, _ := flagValue(args, "--shard"); v != "auto" {
			t.Errorf("%s: --shard %q, want auto", where, v)
		}
		if v, ok := flagValue(args, "--jobs"); !ok || v != c.Resources.Limits.Cpu().String() {
			t.Errorf("%s: --jobs %q, want the CPU limit %s", where, v, c.Resources.Limits.Cpu())
		}
		// Every index, as the Job controller starts it: JOB_COMPLETION_INDEX
		// set in the container's environment and $(...) expanded.
		env := map[string]string{}
		for _, e := range c.Env {
			if e.ValueFrom == nil {
				env[e.Name] = e.Value
			}
		}
		var shards []shard
		var parts []string
		for i := range n {
			env["JOB_COMPLETION_INDEX"] = strconv.Itoa(i)
			run := expand(args, env)
			s, err := resolveShard(run, env)
			if err != nil {
				t.Fatalf("%s, index %d: %v", where, i, err)
			}
			part, ok := flagValue(run, "--part")
			if !ok || strings.Contains(part, "$(") {
				t.Fatalf("%s, index %d: --part %q, want one path per index", where, i, part)
			}
			if claim := mountedClaim(sweep, c, part); m.pvcs[claim] == nil {
				t.Errorf("%s: %s is not on a volume of a claim defined here (mounted claim %q)", where, part, claim)
			}
			shards = append(shards, s)
			parts = append(parts, part)
		}
		sweepParts = checkCoverage(t, where, shards, parts, n)
	}

	// The merge.
	if merge.Spec.CompletionMode != nil && *merge.Spec.CompletionMode == batchv1.IndexedCompletion {
		t.Errorf("cordon-merge: an Indexed Job; the merge is one pod")
	}
	for _, c := range merge.Spec.Template.Spec.Containers {
		where := "cordon-merge/" + c.Name
		args, err := cordonArgs(c)
		if err != nil {
			t.Errorf("%s: %v", where, err)
			continue
		}
		if args[0] != "merge" {
			t.Errorf("%s: runs cordon %s, want cordon merge", where, args[0])
			continue
		}
		if slices.Contains(args, "--shard") {
			t.Errorf("%s: a merge takes no --shard", where)
		}
		var parts []string
		for _, a := range args[1:] {
			if a == "--out" {
				break
			}
			parts = append(parts, a)
		}
		if !slices.Equal(parts, sweepParts) {
			t.Errorf("%s: merges %q,\nwant the parts the sweep writes, %q", where, parts, sweepParts)
		}
		out, ok := flagValue(args, "--out")
		if !ok {
			t.Errorf("%s: no --out", where)
		} else if claim := mountedClaim(merge, c, out); claim != mountedClaim(sweep, sweep.Spec.Template.Spec.Containers[0], sweepParts[0]) {
			t.Errorf("%s: --out %s is not on the sweep's claim", where, out)
		}
	}
}

// buildCommand normalises a `go build` command line for comparison: its
// words, with the -o output path left out (CI and the image put the binary
// in different places).
func buildCommand(line string) (string, error) {
	words := strings.Fields(line)
	k := slices.Index(words, "-o")
	if k < 0 || k+1 >= len(words) {
		return "", fmt.Errorf("%q: no -o", line)
	}
	words = slices.Delete(words, k+1, k+2)
	return strings.Join(words, " "), nil
}

// instruction is one Dockerfile instruction, continuation lines joined.
type instruction struct {
	cmd, rest string
}

func parseDockerfile(data string) []instruction {
	var ins []instruction
	var cur string
	for line := range strings.Lines(data) {
		line = strings.TrimRight(line, "\r\n")
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "#") || (trimmed == "" && cur == "") {
			continue
		}
		if s, ok := strings.CutSuffix(line, "\\"); ok {
			cur += s + " "
			continue
		}
		cur += line
		cmd, rest, _ := strings.Cut(strings.TrimSpace(cur), " ")
		ins = append(ins, instruction{strings.ToUpper(cmd), strings.TrimSpace(rest)})
		cur = ""
	}
	return ins
}

// stage is one FROM of a Dockerfile and what follows it.
type stage struct {
	image, name string
	ins         []instruction
}

func stages(ins []instruction) []stage {
	var st []stage
	for _, in := range ins {
		if in.cmd == "FROM" {
			f := strings.Fields(in.rest)
			s := stage{image: f[0]}
			if len(f) == 3 && strings.EqualFold(f[1], "AS") {
				s.name = f[2]
			}
			st = append(st, s)
			continue
		}
		if len(st) > 0 {
			st[len(st)-1].ins = append(st[len(st)-1].ins, in)
		}
	}
	return st
}

// runCommand strips a RUN instruction's own flags (--mount=..., --network=...).
func runCommand(rest string) string {
	words := strings.Fields(rest)
	for len(words) > 0 && strings.HasPrefix(words[0], "--") {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// ciBuild returns the `go build` line of .ci/run.
func ciBuild(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "#") && strings.Contains(line, "go build") {
			found = append(found, line)
		}
	}
	if len(found) != 1 {
		t.Fatalf(".ci/run: %d go build lines %q, want the one release build the image repeats", len(found), found)
	}
	return found[0]
}

// TestDockerfile checks that the image builds cordon exactly as CI does, on
// the Go of go.mod, and ships it alone on a static non-root base with
// /cordon as the entrypoint and /work as the working folder.
func TestDockerfile(t *testing.T) {
	data, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	st := stages(parseDockerfile(string(data)))
	if len(st) < 2 {
		t.Fatalf("%d stages, want a build stage and a final one", len(st))
	}
	build, final := st[0], st[len(st)-1]

	// The build stage: golang at go.mod's version, and CI's build.
	gomod, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	goVersion := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(gomod)
	if goVersion == nil {
		t.Fatal("go.mod: no go line")
	}
	if tag, ok := strings.CutPrefix(build.image, "golang:"); !ok || !(tag == string(goVersion[1]) || strings.HasPrefix(tag, string(goVersion[1])+".") || strings.HasPrefix(tag, string(goVersion[1])+"-")) {
		t.Errorf("build stage FROM %s, want golang:%s (go.mod's Go)", build.image, goVersion[1])
	}
	if build.name == "" {
		t.Error("the build stage has no name (FROM ... AS build)")
	}
	want, err := buildCommand(ciBuild(t))
	if err != nil {
		t.Fatal(err)
	}
	var builds []string
	var out string
	for _, in := range build.ins {
		if in.cmd == "RUN" && strings.Contains(in.rest, "go build") {
			cmd := runCommand(in.rest)
			builds = append(builds, cmd)
			if w := strings.Fields(cmd); slices.Index(w, "-o") >= 0 && slices.Index(w, "-o")+1 < len(w) {
				out = w[slices.Index(w, "-o")+1]
			}
		}
	}
	if len(builds) != 1 {
		t.Fatalf("build stage: %d go build commands, want 1", len(builds))
	}
	if got, err := buildCommand(builds[0]); err != nil || got != want {
		t.Errorf("build stage runs\n\t%s\nwant CI's build (.ci/run) but for the output\n\t%s", builds[0], want)
	}

	// The final stage.
	static := strings.HasPrefix(final.image, "gcr.io/distroless/static") || final.image == "scratch"
	if !static {
		t.Errorf("final stage FROM %s, want gcr.io/distroless/static-* or scratch", final.image)
	}
	last := map[string]string{}
	var copied bool
	for _, in := range final.ins {
		last[in.cmd] = in.rest
		if in.cmd == "COPY" && in.rest == "--from="+build.name+" "+out+" /cordon" {
			copied = true
		}
	}
	if !copied {
		t.Errorf("final stage: no COPY --from=%s %s /cordon", build.name, out)
	}
	if user := last["USER"]; user == "" && !strings.HasSuffix(final.image, ":nonroot") || strings.HasPrefix(user, "root") || strings.HasPrefix(user, "0") {
		t.Errorf("final stage: USER %q on %s, want a non-root user", user, final.image)
	} else if user != "" && !regexp.MustCompile(`^[1-9][0-9]*(:[0-9]+)?$`).MatchString(user) {
		t.Errorf("final stage: USER %q, want a numeric UID (runAsNonRoot cannot check a name)", user)
	}
	if last["ENTRYPOINT"] != `["/cordon"]` {
		t.Errorf("final stage: ENTRYPOINT %s, want [\"/cordon\"]", last["ENTRYPOINT"])
	}
	if last["WORKDIR"] != "/work" {
		t.Errorf("final stage: WORKDIR %q, want /work", last["WORKDIR"])
	}
	if final.image == "scratch" && !strings.Contains(string(data), "/tmp") {
		t.Error("a scratch image needs a /tmp")
	}

	// The build context.
	ignore, err := os.ReadFile("../.dockerignore")
	if err != nil {
		t.Fatal(err)
	}
	var patterns []string
	for line := range strings.Lines(string(ignore)) {
		if p := strings.TrimSpace(line); p != "" && !strings.HasPrefix(p, "#") {
			patterns = append(patterns, strings.Trim(strings.TrimPrefix(p, "**/"), "/"))
		}
	}
	for _, need := range []string{".git", "cordon-out"} {
		if !slices.Contains(patterns, need) {
			t.Errorf(".dockerignore does not keep %s out of the build context", need)
		}
	}
	for _, p := range patterns {
		for _, used := range []string{"go.mod", "go.sum", "cmd", "cmd/cordon/default.pgo", "sim", "scenarios", "reports", "logs"} {
			if ok, _ := filepath.Match(p, used); ok {
				t.Errorf(".dockerignore pattern %q leaves %s out of the build", p, used)
			}
		}
	}
}

// The stand-ins the scripts run instead of cordon and sbatch: each call
// writes its arguments, NUL-separated, to a new file in $STUB_LOG, named so
// that the files sort in the order of the calls. cordon
// also creates the --part file, as the real one would.
const cordonStub = `#!/bin/bash
set -e
f="$STUB_LOG/call.$(date +%s%N).$$"
printf '%s\0' "$@" > "$f"
prev=
for a in "$@"; do
  if [ "$prev" = --part ]; then : > "$a"; fi
  prev=$a
done
`

const sbatchStub = `#!/bin/bash
set -e
n=$(ls "$STUB_LOG" | wc -l)
printf '%s\0' "$@" "CORDON_PARTS=$CORDON_PARTS" "CORDON_REPORT=$CORDON_REPORT" > "$STUB_LOG/call.$n"
echo "$((4242 + n));cluster"
`

// scriptEnv is a clean environment for a script: no cluster variables, the
// stand-ins first on PATH, and extra on top.
func scriptEnv(bin, log string, extra map[string]string) []string {
	var env []string
	for _, e := range os.Environ() {
		k, _, _ := strings.Cut(e, "=")
		if strings.HasPrefix(k, "SLURM_") || strings.HasPrefix(k, "CORDON") || k == "JOB_COMPLETION_INDEX" || k == "PATH" {
			continue
		}
		env = append(env, e)
	}
	env = append(env, "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "STUB_LOG="+log)
	for k, v := range extra {
		env = append(env, k+"="+v)
	}
	return env
}

// calls reads the calls the stand-ins logged, in the order of their files.
func calls(t *testing.T, log string) [][]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(log, "call.*"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	var out [][]string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, strings.Split(strings.TrimSuffix(string(data), "\x00"), "\x00"))
	}
	return out
}

// runScript runs a script with bash in dir, with the stand-ins, and returns
// the calls they logged.
func runScript(t *testing.T, script, dir string, extra map[string]string) ([][]string, error) {
	t.Helper()
	bin, log := t.TempDir(), t.TempDir()
	for name, body := range map[string]string{"cordon": cordonStub, "sbatch": sbatchStub} {
		if err := os.WriteFile(filepath.Join(bin, name), []byte(body), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	abs, err := filepath.Abs(script)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", abs)
	cmd.Dir = dir
	cmd.Env = scriptEnv(bin, log, extra)
	out, err := cmd.CombinedOutput()
	if err != nil {
		err = fmt.Errorf("%s: %v\n%s", script, err, out)
	}
	return calls(t, log), err
}

func bashSyntax(t *testing.T, scripts ...string) {
	t.Helper()
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	for _, s := range scripts {
		if out, err := exec.Command("bash", "-n", s).CombinedOutput(); err != nil {
			t.Errorf("bash -n %s: %v\n%s", s, err, out)
		}
	}
}

// sbatchOption returns the value of an #SBATCH option of a script.
func sbatchOption(t *testing.T, script, option string) string {
	t.Helper()
	data, err := os.ReadFile(script)
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?m)^#SBATCH\s+--` + regexp.QuoteMeta(option) + `[= ](\S+)`)
	m := re.FindAllStringSubmatch(string(data), -1)
	if len(m) != 1 {
		t.Fatalf("%s: %d #SBATCH --%s lines, want 1", script, len(m), option)
	}
	return m[0][1]
}

// TestSlurmScripts checks the scripts' syntax, then runs the array's tasks
// as Slurm would start them (with the variables it sets) and the merge after
// them, with a stand-in for cordon: the tasks must run the README's sweep
// with --shard auto, cover every shard once, and the merge merge their parts.
// submit.sh must submit the merge after the array with afterok.
func TestSlurmScripts(t *testing.T) {
	bashSyntax(t, "slurm/sweep.sbatch", "slurm/merge.sbatch", "slurm/submit.sh")

	// The array: one range from 0, so that task ids are shard numbers (the
	// part files are named by task id, and a rerun of some tasks gives its
	// ids as shard numbers); a list would make SLURM_ARRAY_TASK_COUNT and the
	// ids disagree with the shards.
	array := sbatchOption(t, "slurm/sweep.sbatch", "array")
	m := regexp.MustCompile(`^(\d+)-(\d+)(%\d+)?$`).FindStringSubmatch(array)
	if m == nil {
		t.Fatalf("sweep.sbatch: --array=%s, want one range FROM-TO (optionally %%LIMIT)", array)
	}
	lo, _ := strconv.Atoi(m[1])
	hi, _ := strconv.Atoi(m[2])
	n := hi - lo + 1
	if lo != 0 || n != 16 {
		t.Errorf("sweep.sbatch: --array=%s, want 0-15 (16 shards)", array)
	}
	cpus := sbatchOption(t, "slurm/sweep.sbatch", "cpus-per-task")

	work := t.TempDir()
	common := map[string]string{
		"SLURM_SUBMIT_DIR":       work,
		"SLURM_ARRAY_TASK_MIN":   strconv.Itoa(lo),
		"SLURM_ARRAY_TASK_MAX":   strconv.Itoa(hi),
		"SLURM_ARRAY_TASK_COUNT": strconv.Itoa(n),
		"SLURM_CPUS_PER_TASK":    cpus,
	}
	var shards []shard
	var parts []string
	for id := lo; id <= hi; id++ {
		env := withEnv(common, map[string]string{"SLURM_ARRAY_TASK_ID": strconv.Itoa(id)})
		got, err := runScript(t, "slurm/sweep.sbatch", work, env)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 {
			t.Fatalf("task %d: %d cordon calls, want 1", id, len(got))
		}
		args := got[0]
		if id == lo {
			if def := sweepDefinition(args); def != wantSweep {
				t.Errorf("sweep.sbatch runs %s, want the README's sweep %s", def, wantSweep)
			}
			if v, _ := flagValue(args, "--shard"); v != "auto" {
				t.Errorf("sweep.sbatch: --shard %q, want auto", v)
			}
			if v, _ := flagValue(args, "--jobs"); v != cpus {
				t.Errorf("sweep.sbatch: --jobs %q, want SLURM_CPUS_PER_TASK (%s)", v, cpus)
			}
			if v, ok := flagValue(args, "--shards"); ok && v != strconv.Itoa(n) {
				t.Errorf("sweep.sbatch: --shards %s, but the array has %d tasks", v, n)
			}
		}
		s, err := resolveShard(args, env)
		if err != nil {
			t.Fatalf("task %d: %v", id, err)
		}
		part, _ := flagValue(args, "--part")
		if !strings.HasPrefix(part, work+"/") {
			t.Errorf("task %d: --part %s, want it in the shared folder (by default under SLURM_SUBMIT_DIR)", id, part)
		}
		shards = append(shards, s)
		parts = append(parts, part)
	}
	want := checkCoverage(t, "sweep.sbatch", shards, parts, n)

	// A rerun of some tasks with the count given.
	got, err := runScript(t, "slurm/sweep.sbatch", work, withEnv(common, map[string]string{
		"SLURM_ARRAY_TASK_ID": "7", "SLURM_ARRAY_TASK_MIN": "3", "SLURM_ARRAY_TASK_MAX": "7", "SLURM_ARRAY_TASK_COUNT": "2",
		"CORDON_SHARD_COUNT": strconv.Itoa(n)}))
	if err != nil {
		t.Fatal(err)
	}
	if s, err := resolveShard(got[0], nil); err != nil || s != (shard{7, n}) {
		t.Errorf("a rerun of task 7 with CORDON_SHARD_COUNT=%d: shard %v (%v), want 7/%d", n, s, err, n)
	} else if p, _ := flagValue(got[0], "--part"); p != want[7] {
		t.Errorf("a rerun of task 7 writes %s, want %s", p, want[7])
	}

	// The merge, after the array: every part (the stand-in made them).
	got, err = runScript(t, "slurm/merge.sbatch", work, map[string]string{"SLURM_SUBMIT_DIR": work, "SLURM_JOB_ID": "4243"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0][0] != "merge" {
		t.Fatalf("merge.sbatch: calls %q, want one cordon merge", got)
	}
	merged := flagless(got[0][1:], "--out")
	sort.Strings(merged)
	sorted := slices.Sorted(slices.Values(want))
	if !slices.Equal(merged, sorted) {
		t.Errorf("merge.sbatch merges %q,\nwant the parts of the array %q", merged, sorted)
	}
	if out, _ := flagValue(got[0], "--out"); !strings.HasPrefix(out, work+"/") {
		t.Errorf("merge.sbatch: --out %q, want it in the shared folder", out)
	}

	// submit.sh: the array, then the merge after it.
	sub := t.TempDir()
	got, err = runScript(t, "slurm/submit.sh", sub, nil)
	if err != nil {
		t.Fatal(err)
	}
	here, _ := filepath.Abs("slurm")
	if len(got) != 2 {
		t.Fatalf("submit.sh: %d sbatch calls %q, want 2", len(got), got)
	}
	if !slices.Contains(got[0], filepath.Join(here, "sweep.sbatch")) || !slices.Contains(got[0], "--parsable") {
		t.Errorf("submit.sh: first sbatch %q, want --parsable and the array", got[0])
	}
	if !slices.Contains(got[1], "--dependency=afterok:4242") || !slices.Contains(got[1], filepath.Join(here, "merge.sbatch")) {
		t.Errorf("submit.sh: second sbatch %q, want merge.sbatch with --dependency=afterok:4242 (the array's id)", got[1])
	}
	for _, call := range got {
		if !slices.Contains(call, "CORDON_PARTS="+filepath.Join(sub, "cordon-parts")) {
			t.Errorf("submit.sh: sbatch %q does not see CORDON_PARTS set to the shared folder", call)
		}
	}
	// ... and refuses a folder with parts of an earlier run.
	if err := os.WriteFile(filepath.Join(sub, "cordon-parts", "part-0.part"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := runScript(t, "slurm/submit.sh", sub, nil); err == nil || len(got) != 0 {
		t.Errorf("submit.sh with old parts: submitted %q (err %v), want a refusal", got, err)
	}
}

// withEnv returns a merged copy of environments, later ones winning.
func withEnv(ms ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// flagless returns the positional arguments before the first flag.
func flagless(args []string, stop string) []string {
	var out []string
	for _, a := range args {
		if a == stop || strings.HasPrefix(a, "--") {
			break
		}
		out = append(out, a)
	}
	return out
}

// TestParallelScript checks the GNU parallel script's syntax and, where GNU
// parallel is installed, runs it with a stand-in for cordon: 16 shards
// I/16, each once, then a merge of their 16 parts.
func TestParallelScript(t *testing.T) {
	bashSyntax(t, "parallel.sh")
	out, err := exec.Command("parallel", "--version").Output()
	if err != nil || !bytes.Contains(out, []byte("GNU parallel")) {
		t.Skip("GNU parallel is not installed: checked the syntax only")
	}
	work := t.TempDir()
	// A file the shell would put in place of the unquoted --vary value
	// (shifts[0] is a pattern): the arguments must reach cordon as written.
	if err := os.WriteFile(filepath.Join(work, "staff.suited-crew.shifts0.count=2..8"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := runScript(t, "parallel.sh", work, nil)
	if err != nil {
		t.Fatal(err)
	}
	var shards []shard
	var other, merges [][]string
	var names []string
	for _, args := range got {
		switch args[0] {
		case "sweep":
			if def := sweepDefinition(args); def != wantSweep {
				t.Errorf("parallel.sh runs %s, want the README's sweep %s", def, wantSweep)
			}
			if v, _ := flagValue(args, "--jobs"); v == "" {
				t.Error("parallel.sh: no --jobs (each shard would take every CPU)")
			}
			s, err := resolveShard(args, nil)
			if err != nil {
				t.Fatal(err)
			}
			p, _ := flagValue(args, "--part")
			shards = append(shards, s)
			names = append(names, p)
		case "merge":
			merges = append(merges, args)
		default:
			other = append(other, args)
		}
	}
	if len(other) > 0 {
		t.Errorf("parallel.sh: unexpected cordon calls %q", other)
	}
	want := checkCoverage(t, "parallel.sh", shards, names, 16)
	if len(merges) != 1 {
		t.Fatalf("parallel.sh: %d merges, want 1", len(merges))
	}
	merged := flagless(merges[0][1:], "--out")
	sort.Strings(merged)
	if sorted := slices.Sorted(slices.Values(want)); !slices.Equal(merged, sorted) {
		t.Errorf("parallel.sh merges %q, want %q", merged, sorted)
	}
	if last := got[len(got)-1]; last[0] != "merge" {
		t.Errorf("parallel.sh: the last call is %q, want the merge after every shard", last)
	}
}

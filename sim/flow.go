package sim

import "fmt"

// Outcome is what a step tells the entity walking it: go straight on to the
// next step, or wait until something resumes it.
type Outcome bool

// Outcomes of a step.
const (
	Next Outcome = false
	Wait Outcome = true
)

// Step is one activity of a flow. Do performs it for e; a step that makes e
// wait must arrange for e to be resumed (a timer, a queue, a store).
type Step interface {
	Do(e *Entity) Outcome
}

// StepFunc adapts a function to a Step.
type StepFunc func(e *Entity) Outcome

// Do calls f.
func (f StepFunc) Do(e *Entity) Outcome { return f(e) }

// labelled is a step that names labels of its flow; Check makes sure they
// exist.
type labelled interface {
	labelNames() []string
}

// Flow is a chain of steps that entities walk, the model written as data:
// "seize a gate worker, hold them for the intake time, release them, put the
// item on the transfer shelf". Labels mark places to jump to (on reneging, on
// a branch). A flow is sealed when the first entity starts on it; adding
// steps after that panics.
type Flow struct {
	Name   string
	steps  []Step
	labels map[string]int
	done   func(e *Entity)
	sealed bool
	live   int
}

// NewFlow returns an empty flow called name.
func NewFlow(name string) *Flow {
	return &Flow{Name: name, labels: map[string]int{}}
}

// Then appends steps to the flow and returns it.
func (f *Flow) Then(steps ...Step) *Flow {
	if f.sealed {
		panic("sim: flow " + f.Name + " changed after entities started on it")
	}
	f.steps = append(f.steps, steps...)
	return f
}

// Label marks the position of the next step added as name.
func (f *Flow) Label(name string) *Flow {
	if _, dup := f.labels[name]; dup {
		panic(fmt.Sprintf("sim: flow %s: label %q defined twice", f.Name, name))
	}
	f.labels[name] = len(f.steps)
	return f
}

// OnDone sets a function that sees every entity that leaves the flow, just
// before it is recycled.
func (f *Flow) OnDone(fn func(e *Entity)) *Flow {
	f.done = fn
	return f
}

// Live returns the number of entities on the flow now: started on it and not
// yet at its end.
func (f *Flow) Live() int { return f.live }

// Len returns the number of steps.
func (f *Flow) Len() int { return len(f.steps) }

// Check resolves the labels that the flow's steps name and reports the first
// one that is missing.
func (f *Flow) Check() error {
	for _, st := range f.steps {
		l, ok := st.(labelled)
		if !ok {
			continue
		}
		for _, name := range l.labelNames() {
			if _, ok := f.labels[name]; name != "" && !ok {
				return fmt.Errorf("flow %s: no label %q", f.Name, name)
			}
		}
		if g, ok := st.(*gotoStep); ok && g.label == "" {
			return fmt.Errorf("flow %s: a Goto or If without a label", f.Name)
		}
	}
	return nil
}

func (f *Flow) seal() {
	if f.sealed {
		return
	}
	if err := f.Check(); err != nil {
		panic("sim: " + err.Error())
	}
	f.sealed = true
}

// target returns the step index of an optional label: "" means none (-1).
// Check has made sure that the labels steps name exist.
func (f *Flow) target(label string) int {
	if label == "" {
		return -1
	}
	return f.labels[label]
}

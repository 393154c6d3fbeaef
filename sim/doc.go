// Package sim is cordon's discrete-event kernel: a clock, an event calendar,
// flows that entities walk, and the resources, stores and containers they
// wait for. It imports only the standard library; random streams and
// distributions (sim/random), statistics (sim/stats), queueing formulas
// (sim/queueing) and replications (sim/replicate) live in subpackages.
//
// # Time and events
//
// Simulation time is a float64 number of seconds. Events sit in a calendar
// ordered by time, then by Priority (lower first), then by the order they were
// scheduled, so equal times always resolve the same way. Schedule and After
// return an EventID that Cancel accepts. Run, RunUntil, RunWhile and Step
// drive the clock.
//
// # Flows as steps
//
// Model code says "wait for a worker, hold them 40 s, put the item on a shelf,
// wait until a cart comes" as a Flow: a chain of Steps that each Entity walks,
// the model written as data (as in simmer). A step either lets the entity go
// straight on (Next) or makes it wait (Wait) until a timer, a queue or a store
// resumes it. This was chosen over one goroutine per entity, which costs
// hundreds of nanoseconds per switch and makes the order of events depend on
// the scheduler, and over hand-written callbacks, which scatter one flow over
// many functions: a flow reads top to bottom like the process it describes,
// runs as a loop over a slice with no allocation, and custom steps (StepFunc,
// Do) are plain Go when the built-in ones are not enough. Labels and Goto/If
// give loops and branches; Park and Wake let model code hold an entity until
// something it manages happens.
//
// Entities are recycled when they reach the end of their flow, and the event
// calendar reuses its storage, so a model in steady state allocates nothing
// per event.
//
// # Resources, stores and containers
//
// A Resource has units seized and released by entities, served by priority
// and then first come, first served, with balking, reneging, preemption
// (resume or restart), joint requests (SeizeAll: a suited worker and a cart
// together), capacity that follows a Roster of shifts (a worker going off duty
// finishes the task in hand and the extra time is overtime) and a duty limit
// (a rest after so long in a protective suit). A Store holds items that
// entities put (blocking or rejected when full) and get (matching a key, in
// batches with a fill time). A Container holds a level of stock.
//
// # Recording
//
// The kernel keeps only the state it needs. Recording sits outside it behind
// ResourceMonitor and StoreMonitor (and Tracer for the event sequence): a
// model that records nothing pays one nil check per change.
package sim

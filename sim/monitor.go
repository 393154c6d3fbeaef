package sim

// ResourceEventKind says what happened at a resource.
type ResourceEventKind uint8

// What can happen at a resource.
const (
	ResourceQueued    ResourceEventKind = iota // Entity joined the queue
	ResourceGranted                            // Entity got Unit after waiting Waited seconds
	ResourceReleased                           // Entity gave Unit back
	ResourceBalked                             // Entity would not join the queue
	ResourceReneged                            // Entity left the queue after Waited seconds
	ResourcePreempted                          // Entity lost Unit to a request of higher priority
	ResourceUnitOn                             // Unit came on duty
	ResourceUnitOff                            // Unit went off duty, Overtime seconds past its shift end
	ResourceUnitRest                           // Unit began a rest, Overtime seconds past its duty limit
	ResourceCapacity                           // the capacity (units rostered) changed
)

var resourceEventNames = [...]string{"queued", "granted", "released", "balked", "reneged",
	"preempted", "unit-on", "unit-off", "unit-rest", "capacity"}

func (k ResourceEventKind) String() string {
	if int(k) < len(resourceEventNames) {
		return resourceEventNames[k]
	}
	return "unknown"
}

// ResourceEvent describes one change at a resource. The resource's counts
// (Busy, Queued, Capacity, ...) already show the state after the change.
type ResourceEvent struct {
	Kind     ResourceEventKind
	Time     float64
	Resource *Resource
	Entity   *Entity // nil for changes of duty
	Unit     int     // -1 when no unit is involved
	Waited   float64
	Overtime float64
}

// ResourceMonitor sees the changes at a resource. Recording lives outside
// the kernel: a resource without a monitor pays one nil check per change.
type ResourceMonitor interface {
	ResourceChanged(ev ResourceEvent)
}

// StoreEventKind says what happened at a store.
type StoreEventKind uint8

// What can happen at a store.
const (
	StorePut      StoreEventKind = iota // Entity was put in (after waiting Waited seconds for room)
	StoreBlocked                        // Entity waits for room
	StoreRejected                       // Entity was turned away: the store was full
	StoreTaken                          // Entity was taken out, Waited seconds after it was put in
)

var storeEventNames = [...]string{"put", "blocked", "rejected", "taken"}

func (k StoreEventKind) String() string {
	if int(k) < len(storeEventNames) {
		return storeEventNames[k]
	}
	return "unknown"
}

// StoreEvent describes one change at a store; the store's counts already
// show the state after it.
type StoreEvent struct {
	Kind   StoreEventKind
	Time   float64
	Store  *Store
	Entity *Entity
	Waited float64
}

// StoreMonitor sees the changes at a store.
type StoreMonitor interface {
	StoreChanged(ev StoreEvent)
}

package compound

import "cordon/sim/random"

// Scenario is everything a run needs, as plain data: the compound, its staff,
// the gate and the flows through it, the sampling round, garbage and
// special-needs requests, and the targets. The scenarios package loads it
// from YAML; the yaml tags name each field as it is written there (the
// loader reads them, and the JSON Schema is generated from them), and doc
// tags say what a field means.
//
// Times of day are Clock values (seconds after midnight), spans are Duration
// values (seconds) and random times are Dist values. Build runs one
// replication from a Scenario without changing it.
type Scenario struct {
	Name         string `yaml:"name" doc:"short name, used for the report folder"`
	Description  string `yaml:"description" doc:"what the scenario is and where its numbers come from"`
	Seed         uint64 `yaml:"seed" doc:"seed of every random stream" default:"1"`
	Replications int    `yaml:"replications" doc:"independent runs behind each figure" default:"30"`

	Horizon   Horizon    `yaml:"clock" doc:"when the run starts and how long it lasts"`
	Buildings []Building `yaml:"buildings" doc:"the residential buildings"`
	Zones     []Zone     `yaml:"zones" doc:"the volunteer service groups, each serving some buildings"`
	Staff     []Pool     `yaml:"staff" doc:"the pools of staff and the tasks each does"`

	Gate         Gate          `yaml:"gate" doc:"the single supply gate and its staging area"`
	Kinds        []Kind        `yaml:"deliveries" doc:"what arrives at the gate, by kind"`
	Transfer     Transfer      `yaml:"transfer" doc:"carrying items from the gate inside, by suited crew with carts"`
	Disinfection Disinfection  `yaml:"disinfection" doc:"the disinfection area inside the gate"`
	Sorting      Sorting       `yaml:"sorting" doc:"sorting disinfected items into the zones"`
	Delivery     Delivery      `yaml:"delivery" doc:"delivery to the door by each zone's volunteers"`
	Sampling     *Sampling     `yaml:"sampling" doc:"the swab-sampling round (omit for none)"`
	Garbage      *Garbage      `yaml:"garbage" doc:"the night garbage round (omit for none)"`
	SpecialNeeds *SpecialNeeds `yaml:"special_needs" doc:"special-needs cards (omit for none)"`
	Events       []Event       `yaml:"events" doc:"what happens at a day and time of the run: equipment added or removed, staff off or added, the gate closed, a building sealed, a surge"`
	Posts        []Post        `yaml:"posts" doc:"posts of the planner's own: a temperature check, an antigen point (omit for none)"`
	Routes       []Route       `yaml:"routes" doc:"the ways between the posts and the gate and testing sites, with shares"`

	Targets []string `yaml:"targets" doc:"KPI thresholds such as 'takeout.door_time.p95 <= 45m'"`
	Costs   Costs    `yaml:"costs" doc:"what staff and equipment cost, for the planner"`
	Floors  Floors   `yaml:"floors" doc:"the least staff and equipment a plan that may cut (--allow-cuts) must leave"`
}

// MaxCost is the most any one cost may be (a staff-hour, a shelf, a
// container, a cart, a disinfection slot, a medical worker's round): far
// above any real price, and low enough that no plan's total overflows.
const MaxCost = 1e9

// Costs are the prices a run's cost is reckoned in and the planner weighs
// plans by, in any one currency. Staff are paid by the hour on duty (each
// pool's hour_cost); equipment by the unit for the run; medical staff at
// the testing sites by the round; suits and disinfectant as they are used.
// Each price is from 0 to MaxCost; the disinfectant per item from 0 to
// MaxDisinfectantPerItem litres.
type Costs struct {
	Shelf            float64 `yaml:"shelf" doc:"one parcel shelf at the gate, for the run" default:"300"`
	Container        float64 `yaml:"container" doc:"one shipping container at the gate, for the run" default:"1500"`
	Cart             float64 `yaml:"cart" doc:"one cart, for the run" default:"200"`
	DisinfectionSlot float64 `yaml:"disinfection_slot" doc:"room for one more item in the disinfection area, for the run" default:"20"`
	Medical          float64 `yaml:"medical" doc:"one medical worker at a testing site, for the round" default:"800"`
	// Consumables, counted in every run (the planner does not buy them).
	Suit                float64 `yaml:"suit" doc:"one protective suit" default:"30"`
	Disinfectant        float64 `yaml:"disinfectant" doc:"one litre of disinfectant" default:"10"`
	DisinfectantPerItem float64 `yaml:"disinfectant_per_item" doc:"litres of disinfectant sprayed on one item" default:"0.02"`
}

// Clock is a time of day in seconds after midnight; it is written "HH:MM"
// (or "HH:MM:SS"), and may pass 24:00 for the small hours of the next day.
type Clock float64

// Duration is a span of time in seconds; it is written as a Go duration
// ("45s", "30m", "1h30m").
type Duration float64

// Dist is a random time or quantity: a distribution written as
// {dist: lognormal, mean: 40s, sd: 15s}, or a bare duration for a constant.
type Dist struct {
	random.Spec
}

// Seconds returns d in seconds.
func (d Duration) Seconds() float64 { return float64(d) }

// Const returns the distribution that is always v seconds.
func Const(v float64) Dist { return Dist{random.Constant(v)} }

// IsNone reports whether d is left out or always 0: an optional time that
// adds nothing and draws nothing.
func (d Dist) IsNone() bool {
	return d.Family == "" || (d.Family == random.FamilyConstant && d.Value == 0)
}

// Horizon says when the run starts and how long it lasts.
type Horizon struct {
	Start Clock `yaml:"start" doc:"time of day the run starts, HH:MM" default:"07:00"`
	Days  int   `yaml:"days" doc:"days the run lasts" default:"1"`
}

// MaxDays is the most days a run lasts: a year.
const MaxDays = 366

// Building is one residential building.
type Building struct {
	ID         string `yaml:"id" doc:"the building's number or name"`
	Households int    `yaml:"households" doc:"households living in it"`
	Residents  int    `yaml:"residents" doc:"residents living in it"`
	Walk       Dist   `yaml:"walk" doc:"walking time from its zone's starting point to the building, on top of the zone's walk" default:"0s"`
}

// Zone is one volunteer service group and the buildings it serves.
type Zone struct {
	Name       string   `yaml:"name" doc:"the group's name"`
	Buildings  []string `yaml:"buildings" doc:"ids of the buildings it serves; \"1-4\" is buildings 1, 2, 3 and 4"`
	Walk       Dist     `yaml:"walk" doc:"walking time one way between the sorting point by the gate and the zone"`
	Site       string   `yaml:"site" doc:"the testing site its residents go to"`
	WalkToSite Dist     `yaml:"walk_to_site" doc:"walking time from the zone's buildings to its testing site"`
	Volunteers int      `yaml:"volunteers" doc:"volunteers in this zone's group (overrides the zone pool's count)"`
}

// Pool is a group of interchangeable staff.
type Pool struct {
	Name     string  `yaml:"name" doc:"the pool's name"`
	Count    int     `yaml:"count" doc:"staff on duty all day (when there are no shifts); per zone for a zone pool"`
	Shifts   []Shift `yaml:"shifts" doc:"staff on duty by time of day, repeated every day"`
	Breaks   []Break `yaml:"breaks" doc:"short breaks, taking some staff off duty"`
	Suit     *Suit   `yaml:"suit" doc:"for work in full protective suits: the longest stretch in a suit"`
	Tasks    []Task  `yaml:"tasks" doc:"the tasks the pool does; a higher priority is served first"`
	PerZone  bool    `yaml:"per_zone" doc:"one group of this size in each zone (the zone volunteers)"`
	HourCost float64 `yaml:"hour_cost" doc:"cost of one staff-hour on duty, for the planner" default:"40"`
	MaxHours float64 `yaml:"max_hours" doc:"the most hours one person of the pool works a day, each shift worked by its own people (0: no limit); a longer shift, a count on duty all day, or reinforcements (an event) for longer, is refused; time past it from staff kept on to finish a task (at the end of a shift, a reinforcement or a replayed roster's row) is counted (staff.POOL.hours_over_max)"`
}

// Shift is a count of staff on duty from one time of day to another; a
// shift that ends before it starts runs past midnight.
type Shift struct {
	From  Clock `yaml:"from" doc:"start, HH:MM"`
	To    Clock `yaml:"to" doc:"end, HH:MM"`
	Count int   `yaml:"count" doc:"staff on duty"`
}

// Break takes Count staff off duty for Length from At, every day.
type Break struct {
	At     Clock    `yaml:"at" doc:"start, HH:MM"`
	Length Duration `yaml:"length" doc:"how long"`
	Count  int      `yaml:"count" doc:"staff on break at once" default:"1"`
}

// Suit limits how long a worker stays on a post in a protective suit.
type Suit struct {
	Limit      Duration `yaml:"limit" doc:"longest stretch in a suit"`
	Changeover Duration `yaml:"changeover" doc:"time off the post to take the suit off and put a new one on"`
}

// Task is a task a pool does and its priority among the pool's tasks.
type Task struct {
	Task     string `yaml:"task" doc:"one of intake, transfer, sorting, delivery, garbage, special-needs, door-to-door, lab-run, sweep"`
	Priority int    `yaml:"priority" doc:"higher is served first"`
}

// The tasks staff pools do.
const (
	TaskIntake       = "intake"
	TaskTransfer     = "transfer"
	TaskSorting      = "sorting"
	TaskDelivery     = "delivery"
	TaskGarbage      = "garbage"
	TaskSpecialNeeds = "special-needs"
	TaskDoorToDoor   = "door-to-door"
	TaskLabRun       = "lab-run"
	TaskSweep        = "sweep"
)

// Tasks returns every task, in a fixed order.
func Tasks() []string {
	return []string{TaskIntake, TaskTransfer, TaskSorting, TaskDelivery, TaskGarbage,
		TaskSpecialNeeds, TaskDoorToDoor, TaskLabRun, TaskSweep}
}

// Gate is the single entry for supplies and its drop-off staging area.
type Gate struct {
	Open            Clock    `yaml:"open" doc:"opening time; couriers arriving before it wait" default:"00:00"`
	Close           Clock    `yaml:"close" doc:"closing time; couriers arriving after it wait for the next opening" default:"24:00"`
	Ground          int      `yaml:"ground" doc:"items that can be put down on the ground by the gate"`
	Shelves         int      `yaml:"shelves" doc:"parcel shelves at the gate"`
	ShelfSlots      int      `yaml:"shelf_slots" doc:"items one shelf holds" default:"40"`
	Containers      int      `yaml:"containers" doc:"shipping containers used as storage at the gate"`
	ContainerSlots  int      `yaml:"container_slots" doc:"items one container holds" default:"150"`
	WhenFull        string   `yaml:"when_full" doc:"what a courier does when staging is full: wait, turn-away, or pile (puts the items down on a pile outside)" default:"wait"`
	CourierPatience Duration `yaml:"courier_patience" doc:"how long a waiting courier waits before leaving with the items (0: no limit)"`
	Intake          Dist     `yaml:"intake" doc:"time to check and label one item"`
	PileIntake      Dist     `yaml:"pile_intake" doc:"time to check and label one item from the pile outside, with when_full: pile (slower than intake: no table, items heaped)"`
}

// What a courier does when the staging area is full (Gate.WhenFull).
const (
	WhenFullWait     = "wait"      // waits for room, up to its patience
	WhenFullTurnAway = "turn-away" // leaves with the items
	// WhenFullPile puts the items down on a pile outside the staging area
	// (the pavement by the gate): nothing is turned away, and the gate
	// crew checks the pile's items more slowly (Gate.PileIntake).
	WhenFullPile = "pile"
)

// WhenFullActions returns every value of Gate.WhenFull.
func WhenFullActions() []string { return []string{WhenFullWait, WhenFullTurnAway, WhenFullPile} }

// Slots returns the staging capacity: ground, shelves and containers.
func (g Gate) Slots() int {
	return g.Ground + g.Shelves*g.ShelfSlots + g.Containers*g.ContainerSlots
}

// Kind is a kind of delivery arriving at the gate.
type Kind struct {
	Name     string    `yaml:"name" doc:"express, takeout, relatives, reserve, ..."`
	PerDay   float64   `yaml:"per_day" doc:"items a day"`
	Profile  []float64 `yaml:"profile" doc:"relative volume by hour of day: 24 numbers from 00:00, or fewer repeated through the day (1 number: flat)"`
	Batch    Dist      `yaml:"batch" doc:"items per drop (a courier van drops a batch at once)" default:"1" unit:"count"`
	Priority int       `yaml:"priority" doc:"higher goes first at every step (hot meals)"`
	Hot      bool      `yaml:"hot" doc:"hot meals: a volunteer run leaves as soon as one is waiting"`
	Dwell    Dist      `yaml:"dwell" doc:"disinfection dwell for this kind, in place of disinfection.dwell (omit to use it)"`
	Target   Duration  `yaml:"target" doc:"time from arrival to the door the planners aim for (0: none)"`
	Deadline Duration  `yaml:"deadline" doc:"the longest an item may take from arrival to the door (medicine): a hard limit, besides the target (0: none)"`
	Schedule []Drop    `yaml:"schedule" doc:"drops at fixed times, each of a known size (a lorry of reserve packs, a group-buy pallet), besides the random arrivals of per_day"`
}

// Transfer is carrying items from the staging area inside, by suited crew
// with carts.
type Transfer struct {
	Carts    int      `yaml:"carts" doc:"carts (each trip needs a cart and a suited worker)"`
	Capacity int      `yaml:"capacity" doc:"items one cart carries"`
	Fill     Duration `yaml:"fill" doc:"how long a cart waits for a full load before leaving with what there is"`
	Trip     Dist     `yaml:"trip" doc:"one-way trip time from the gate to the disinfection area"`
	Load     Dist     `yaml:"load" doc:"time to load and unload one item" default:"0s"`
}

// Disinfection is the area where items are sprayed and left to stand.
type Disinfection struct {
	Space int  `yaml:"space" doc:"items the area holds at once"`
	Dwell Dist `yaml:"dwell" doc:"spraying and standing time"`
}

// Sorting is sorting disinfected items into the zones' shelves.
type Sorting struct {
	Time Dist `yaml:"time" doc:"time to sort one item"`
}

// Delivery is delivery to the door by the zone volunteers.
type Delivery struct {
	ItemsPerRun int      `yaml:"items_per_run" doc:"most items a volunteer carries on one run"`
	Fill        Duration `yaml:"fill" doc:"how long a run waits for a full load before leaving with what there is"`
	Door        Dist     `yaml:"door" doc:"time at each door (up and down the building, hand over)"`
}

// Sampling is a swab-sampling round of every resident.
type Sampling struct {
	Start        Clock      `yaml:"start" doc:"when the round starts, HH:MM"`
	Day          int        `yaml:"day" doc:"the day of the run it takes place on, from 1" default:"1"`
	Sites        []Site     `yaml:"sites" doc:"the testing sites and their medical staff"`
	Calling      Calling    `yaml:"calling" doc:"how buildings are called down"`
	Registration Dist       `yaml:"registration" doc:"time to register one resident (scan the code)"`
	Swab         Dist       `yaml:"swab" doc:"time to swab one resident"`
	Pooling      Pooling    `yaml:"pooling" doc:"pooling samples into tubes and boxes, and runs to the lab"`
	DoorToDoor   DoorToDoor `yaml:"door_to_door" doc:"residents who cannot come down, sampled at home by a mobile team"`

	// The lab and the results (lab.go): nil, the samples end at the lab,
	// as in files written before it.
	Lab *Lab `yaml:"lab" doc:"the lab that tests the tubes, re-tests positive pools, and gives the results (omit for none)"`

	// The residents who miss their call and the rounds after this one.
	NoShows NoShows `yaml:"no_shows" doc:"residents who miss their call, found later by the sweep team and sampled at home (omit for none)"`
	Rounds  []Round `yaml:"rounds" doc:"the testing rounds after this one, each on a later day: at the sites as this one, antigen kits, or door to door (omit for none)"`
}

// Site is one testing site and the split of its medical staff.
type Site struct {
	Name         string `yaml:"name" doc:"the site's name"`
	Registration int    `yaml:"registration" doc:"medical staff registering residents"`
	Swab         int    `yaml:"swab" doc:"medical staff swabbing"`
}

// Calling is the plan by which buildings are called down to their sites.
type Calling struct {
	Interval Duration `yaml:"interval" doc:"time between waves"`
	PerWave  int      `yaml:"per_wave" doc:"buildings called in each wave, zone by zone in the calling order"`
	ComeDown Dist     `yaml:"come_down" doc:"time from the call until a resident sets off"`
	Order    string   `yaml:"order" doc:"the order the zones are called in: listed (as in zones), reversed, sites-in-turn (one zone of each site in turn) or largest-first (most residents first)" default:"listed"`
	Schedule []Call   `yaml:"schedule" doc:"an explicit calling schedule: which buildings are called when, and to which site, in place of interval, per_wave and order"`
}

// The orders the zones can be called in (Calling.Order).
const (
	OrderListed       = "listed"        // as the zones are listed
	OrderReversed     = "reversed"      // the last zone listed first
	OrderSitesInTurn  = "sites-in-turn" // one zone of each site in turn, in the order of the sites
	OrderLargestFirst = "largest-first" // most residents first; ties as listed
)

// CallingOrders returns every calling order, in a fixed order.
func CallingOrders() []string {
	return []string{OrderListed, OrderReversed, OrderSitesInTurn, OrderLargestFirst}
}

// Pooling is how samples are pooled and taken to the lab.
type Pooling struct {
	PerTube     int      `yaml:"per_tube" doc:"samples pooled in one tube" default:"10"`
	TubesPerBox int      `yaml:"tubes_per_box" doc:"tubes in a box the runner takes" default:"50"`
	Every       Duration `yaml:"every" doc:"a box leaves at least this often, full or not" default:"30m"`
	Trip        Dist     `yaml:"trip" doc:"a runner's trip from a site to the lab and back (runners are the staff pool with the lab-run task)"`
}

// DoorToDoor is sampling at home for residents who cannot come down, by the
// staff pool with the door-to-door task.
type DoorToDoor struct {
	Share float64 `yaml:"share" doc:"share of residents sampled at home, 0 to 1"`
	Visit Dist    `yaml:"visit" doc:"time for one home visit, walking included"`
}

// Garbage is the garbage round at night.
type Garbage struct {
	From             Clock   `yaml:"from" doc:"start of the collection window, HH:MM"`
	To               Clock   `yaml:"to" doc:"end of the collection window, HH:MM"`
	BagsPerHousehold float64 `yaml:"bags_per_household" doc:"bags a household puts out a night, on average" default:"1"`
	PerBag           Dist    `yaml:"per_bag" doc:"time to pick up one bag at the door"`
	// The rest of a night's collection besides picking up the bags: the
	// stairs to each door, the walk between buildings and the trips to the
	// bins. Each is none when left out, as in files written before them.
	Stairs      Dist `yaml:"stairs" doc:"time to climb to one household's door and back down, once a household" default:"0s"`
	Walk        Dist `yaml:"walk" doc:"walking time to each building from the one before, once a building" default:"0s"`
	BinTrip     Dist `yaml:"bin_trip" doc:"a trip from a building to the bins and back, each time a volunteer's hands are full" default:"0s"`
	BagsPerTrip int  `yaml:"bags_per_trip" doc:"bags a volunteer carries to the bins at once" default:"6"`
}

// MaxBagsPerTrip is the most bags a volunteer carries to the bins at once.
const MaxBagsPerTrip = 100

// MaxBagsPerHousehold is the most bags a household puts out a night, on
// average.
const MaxBagsPerHousehold = 100

// SpecialNeeds is special-needs cards handed in by residents.
type SpecialNeeds struct {
	PerDay    float64   `yaml:"per_day" doc:"cards a day"`
	Profile   []float64 `yaml:"profile" doc:"relative volume by hour of day, as for deliveries"`
	Handling  Dist      `yaml:"handling" doc:"time to take one card up"`
	TripShare float64   `yaml:"trip_share" doc:"share of cards that need a trip out through the gate, 0 to 1"`
	Trip      Dist      `yaml:"trip" doc:"the trip out and back"`
	Target    Duration  `yaml:"target" doc:"response time aimed for (0: none)"`
}

package compound

// Post is a post of the planner's own: a temperature check at the gate, an
// antigen point, an ambulance transfer. People or items reach it by the
// routes (from the gate, from a testing site, from another post) or from
// outside (PerDay); they wait in its room, are served by its servers (its
// own, or a staff pool's) and go on by the routes out of it.
type Post struct {
	Name     string    `yaml:"name" doc:"the post's name"`
	Servers  int       `yaml:"servers" doc:"servers on duty all the time (give servers or staff)"`
	Staff    string    `yaml:"staff" doc:"the staff pool that serves at the post, in place of servers (not a zone pool)"`
	Service  Dist      `yaml:"service" doc:"time to serve one arrival"`
	Room     *Room     `yaml:"room" doc:"the waiting room and what an arrival does when it is full (omit for room without limit)"`
	Balking  *Balking  `yaml:"balking" doc:"arrivals who leave at once on seeing a long queue (omit for none)"`
	Patience Dist      `yaml:"patience" doc:"how long an arrival waits before leaving unserved (omit: as long as it takes)"`
	PerDay   float64   `yaml:"per_day" doc:"arrivals a day from outside the compound's flows (0: none)"`
	Profile  []float64 `yaml:"profile" doc:"relative volume of those arrivals by hour of day, as for deliveries"`
	HourCost float64   `yaml:"hour_cost" doc:"cost of one server-hour on duty, for the planner (servers of its own)" default:"40"`
}

// Room is a post's waiting room.
type Room struct {
	Places   int    `yaml:"places" doc:"arrivals who can wait at once, besides those being served (0: none wait)"`
	WhenFull string `yaml:"when_full" doc:"what an arrival does when every server is busy and the room is full: turn-away (leave), or the name of another post to go to" default:"turn-away"`
}

// Balking is arrivals leaving at once on seeing a long queue.
type Balking struct {
	From  int     `yaml:"from" doc:"arrivals who find this many waiting, or more, may balk"`
	Share float64 `yaml:"share" doc:"share of those arrivals who balk, 0 to 1"`
}

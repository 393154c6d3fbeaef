package compound

import "strings"

// Route sends a share of those leaving one place to another.
type Route struct {
	From  string  `yaml:"from" doc:"a post, or a built-in stage: gate (items as they arrive at the gate) or site (residents as they reach their testing site)"`
	To    string  `yaml:"to" doc:"a post, gate (items go on to be put down), site (residents go on to register and be swabbed) or out (leave the compound)"`
	Share float64 `yaml:"share" doc:"share of those leaving from that go to to, 0 to 1; the shares out of one place add up to 1" default:"1"`
}

// The built-in places routes name besides posts, and what a full room
// does besides sending on to another post.
const (
	RouteGate     = "gate" // from: items arriving at the gate; to: items go on to be put down
	RouteSite     = "site" // from: residents reaching their site; to: they go on to be sampled
	RouteOut      = "out"  // to: leave the compound
	WhenFullLeave = "turn-away"
)

// stagePlace is a built-in stage that routes lead from and back to: a
// share of those reaching it go to the posts, and those the posts send
// back go on with their built-in way there. Its stage's flow sends them
// (divertAt) and takes them back (attachAt): supply.go for the gate,
// sampling.go for the sites. Everything the checks and the routes know of
// the stages is here.
type stagePlace struct {
	name    string // as routes name it: gate
	who     string // who reaches it, and only they may go on to it: items
	reached string // who the posts it sends to are reached by: items from the gate
	itself  string // the stage, as those sent back go on to it: the gate
	onTo    string // the way on to it from a post: to the gate
	area    string // the area of KPIs that those it sends to the posts move: deliveries
	// missing says why no one reaches the stage in sc ("" when some do).
	missing func(sc *Scenario) string
}

// stagePlaces are the built-in stages of the routes, in a fixed order:
// those reaching stage i are of the class stageClass(i).
func stagePlaces() []stagePlace {
	return []stagePlace{
		{name: RouteGate, who: "items", reached: "items from the gate", itself: "the gate", onTo: "to the gate", area: "deliveries"},
		{name: RouteSite, who: "residents", reached: "residents from a site", itself: "the site", onTo: "to a site", area: "sampling",
			missing: func(sc *Scenario) string {
				if sc.Sampling == nil {
					return "there is no sampling round: no resident reaches a site"
				}
				return ""
			}},
	}
}

// stagePlaceOf returns the stage routes call name, and its position.
func stagePlaceOf(name string) (stagePlace, int, bool) {
	for i, p := range stagePlaces() {
		if p.name == name {
			return p, i, true
		}
	}
	return stagePlace{}, 0, false
}

// Classes of what walks the routes: arrivals from outside (a post's
// PerDay), and those reaching each stage.
const classVisitor = 1

// stageClass is the class of those reaching stage i of stagePlaces.
func stageClass(i int) int { return 2 << i }

// stageNames are the names of the stages, in order.
func stageNames() []string {
	var out []string
	for _, p := range stagePlaces() {
		out = append(out, p.name)
	}
	return out
}

// RoutePlaces returns the built-in places routes name, in a fixed order:
// the stages, then out.
func RoutePlaces() []string { return append(stageNames(), RouteOut) }

// orList writes words as "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

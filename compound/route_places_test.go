package compound

import (
	"fmt"
	"strings"
	"testing"
)

// TestEveryStagePlaceReachesThePosts: for each built-in stage of the
// table, a route from it to a post and back is checked sound, and in a run
// the post serves some of those reaching the stage: a stage put in the
// table is also wired into its stage's flow (divertAt, attachAt). The
// post's area names the stage's.
func TestEveryStagePlaceReachesThePosts(t *testing.T) {
	for _, p := range stagePlaces() {
		t.Run(p.name, func(t *testing.T) {
			sc := small()
			sc.Posts = []Post{{Name: "check", Servers: 1, Service: Const(5)}}
			sc.Routes = []Route{{From: p.name, To: "check", Share: 0.5}, {From: p.name, To: p.name, Share: 0.5}, {From: "check", To: p.name, Share: 1}}
			if errs := sc.Check(); len(errs) > 0 {
				t.Fatal(errs)
			}
			if got := sc.PostArea(0); got != groupPosts+","+p.area {
				t.Errorf("PostArea = %q, want posts,%s", got, p.area)
			}
			res := runSmall(t, sc, 0)
			if v := value(t, sc, res, "posts.check.served"); v == 0 {
				t.Errorf("no %s reached the post from %s", p.who, p.name)
			}
		})
	}
}

// TestRouteMessagesNameEveryPlace: the checks' words list the table's
// places, so a new stage shows in them.
func TestRouteMessagesNameEveryPlace(t *testing.T) {
	sc := small()
	sc.Posts = []Post{{Name: "check", Servers: 1, Service: Const(5)}}
	sc.Routes = []Route{{From: "nowhere", To: "nowhere", Share: 1}}
	msg := fmt.Sprint(sc.Check())
	for _, want := range []string{`"nowhere" is neither a post nor gate or site`, `"nowhere" is neither a post nor gate, site or out`} {
		if !strings.Contains(msg, want) {
			t.Errorf("errors %s\nwant %q", msg, want)
		}
	}
	if got := stagesGoBack(); got != "items from the gate go on to the gate, residents from a site to the site" {
		t.Errorf("stagesGoBack() = %q", got)
	}
	if got := backOf("check"); got != "out, gate or site" {
		t.Errorf("backOf(a post) = %q", got)
	}
}

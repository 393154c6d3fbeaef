package scenarios

import (
	"strings"
	"testing"
)

// posts is mini.yaml's last line with a temperature check at the gate for
// half the items and a transfer post for outside arrivals.
const posts = `delivery: {items_per_run: 5, door: 1m}
posts:
  - {name: temperature, servers: 1, service: 20s, room: {places: 3}}
  - {name: ambulance, servers: 1, service: 30m, per_day: 6}
routes:
  - {from: gate, to: temperature, share: 0.5}
  - {from: gate, to: gate, share: 0.5}
  - {from: temperature, to: gate}
`

// TestPostsLoad: a scenario with posts and routes loads.
func TestPostsLoad(t *testing.T) {
	base := string(readFile(t, "testdata/valid/mini.yaml"))
	sc, err := Load("mini.yaml", []byte(replaceOnce(t, base, "delivery: {items_per_run: 5, door: 1m}\n", posts)))
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Posts) != 2 || sc.Posts[0].Room == nil || sc.Posts[0].Room.WhenFull != "turn-away" || sc.Routes[2].Share != 1 {
		t.Errorf("posts %+v, routes %+v", sc.Posts, sc.Routes)
	}
}

// TestPostsRefused: every problem with a post or a route is one line at
// the field's position.
func TestPostsRefused(t *testing.T) {
	withPosts := func(old, new string) string {
		return replaceOnce(t, posts, old, new)
	}
	last := "delivery: {items_per_run: 5, door: 1m}\n"
	cases := []refusal{
		{"route to an unknown post", last, withPosts("to: temperature,", "to: temprature,"), "mini.yaml:28:22: routes[0].to: ", []string{`"temprature"`, "did you mean temperature"}},
		{"shares not adding up", last, withPosts("to: gate, share: 0.5}", "to: gate, share: 0.4}"), "mini.yaml:28:5: routes[0]: ", []string{"from gate add up to 0.9", "add up to 1"}},
		{"servers and staff", last, withPosts("{name: temperature, servers: 1,", "{name: temperature, servers: 1, staff: gate-crew,"), "mini.yaml:25:34: posts[0].servers: ", []string{"either servers or staff"}},
		{"no servers", last, withPosts("{name: temperature, servers: 1,", "{name: temperature,"), "mini.yaml:25:5: posts[0].servers: ", []string{"at least 1"}},
		{"unknown pool", last, withPosts("{name: temperature, servers: 1,", "{name: temperature, staff: gate-cru,"), "mini.yaml:25:32: posts[0].staff: ", []string{"did you mean gate-crew"}},
		{"zone pool", last, withPosts("{name: temperature, servers: 1,", "{name: temperature, staff: volunteers,"), "mini.yaml:25:32: posts[0].staff: ", []string{"zone pool"}},
		{"no sampling round", last, withPosts("{from: gate, to: temperature, share: 0.5}\n  - {from: gate, to: gate, share: 0.5}", "{from: site, to: temperature}"), "mini.yaml:28:12: routes[0].from: ", []string{"no sampling round"}},
		{"round for ever", last, withPosts("{from: temperature, to: gate}", "{from: temperature, to: temperature}"), "mini.yaml:25:5: posts[0]: ", []string{"for ever"}},
		{"outside arrivals to the gate", last, withPosts("{from: temperature, to: gate}", "{from: temperature, to: gate}\n  - {from: ambulance, to: gate}"), "mini.yaml:31:27: routes[3].to: ", []string{"only items", "arrivals from outside"}},
		{"unknown when full", last, withPosts("room: {places: 3}", "room: {places: 3, when_full: wait}"), "mini.yaml:25:80: posts[0].room.when_full: ", []string{"turn-away or the name of another post"}},
		{"full rooms in a circle", last, replaceOnce(t, withPosts("room: {places: 3}}", "room: {places: 3, when_full: ambulance}}"),
			"per_day: 6}", "room: {places: 0, when_full: temperature}}"), "mini.yaml:25:80: posts[0].room.when_full: ", []string{"circle"}},
		{"post with a dot", last, withPosts("{name: ambulance,", "{name: ambulance.transfer,"), "mini.yaml:26:12: posts[1].name: ", []string{"dot", "posts.POST.wait.mean"}},
		{"post named out", last, withPosts("{name: ambulance,", "{name: out,"), "mini.yaml:26:12: posts[1].name: ", []string{"built-in place"}},
		{"negative places", last, withPosts("room: {places: 3}", "room: {places: -1}"), "mini.yaml:25:66: posts[0].room.places: ", []string{"negative"}},
		{"balking share", last, withPosts("per_day: 6}", "per_day: 6, balking: {from: 1, share: 2}}"), "mini.yaml:26:87: posts[1].balking.share: ", []string{"share from 0 to 1"}},
	}
	checkRefusals(t, cases)
}

// replaceOnce replaces old, which s must hold, by new.
func replaceOnce(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("no %q in %q", old, s)
	}
	return strings.Replace(s, old, new, 1)
}

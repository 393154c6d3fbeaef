package sim

import (
	"math"
	"strings"
	"testing"
)

func TestContainerPutsAndGets(t *testing.T) {
	s := New()
	j := &journal{s: s}
	c, err := s.NewContainer("rice", 100, 30)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name() != "rice" || c.Capacity() != 100 || c.Level() != 30 {
		t.Errorf("name %q capacity %v level %v", c.Name(), c.Capacity(), c.Level())
	}
	draw := func(x float64) *Flow {
		return NewFlow("draw").Then(Draw(c, x), j.noteName("drew"))
	}
	fill := func(x float64) *Flow {
		return NewFlow("fill").Then(Fill(c, x), j.noteName("filled"))
	}
	// Level 30. G1 draws 20 at 1 (level 10). G2 wants 25 at 2: waits. G3
	// wants 5 at 3: waits behind G2 (first come, first served) although 10
	// are there. P1 fills 50 at 4: level 60, G2 draws 25 (35), G3 5 (30).
	// P2 fills 80 at 5: would overfill (110), waits. G4 draws 20 at 6: level
	// 10, P2 now fits: level 90.
	startAt(s, 1, draw(20), "G1", 0)
	startAt(s, 2, draw(25), "G2", 0)
	startAt(s, 3, draw(5), "G3", 0)
	levels := map[float64]float64{}
	var waiting []int
	at(s, 3.5, func() {
		p, g := c.Waiting()
		waiting = append(waiting, p, g)
		levels[3.5] = c.Level()
	})
	startAt(s, 4, fill(50), "P1", 0)
	at(s, 4.5, func() { levels[4.5] = c.Level() })
	startAt(s, 5, fill(80), "P2", 0)
	at(s, 5.5, func() {
		p, g := c.Waiting()
		waiting = append(waiting, p, g)
		levels[5.5] = c.Level()
	})
	startAt(s, 6, draw(20), "G4", 0)
	s.Run()
	j.want(t, "G1 drew@1", "P1 filled@4", "G2 drew@4", "G3 drew@4", "G4 drew@6", "P2 filled@6")
	for tm, w := range map[float64]float64{3.5: 10, 4.5: 30, 5.5: 30} {
		if levels[tm] != w {
			t.Errorf("level at %v = %v, want %v", tm, levels[tm], w)
		}
	}
	if c.Level() != 90 {
		t.Errorf("final level %v, want 90", c.Level())
	}
	if len(waiting) != 4 || waiting[0] != 0 || waiting[1] != 2 || waiting[2] != 1 || waiting[3] != 0 {
		t.Errorf("waiting (puts, gets) at 3.5 and 5.5: %v, want [0 2 1 0]", waiting)
	}
}

func TestContainerPutsFIFO(t *testing.T) {
	s := New()
	j := &journal{s: s}
	c, _ := s.NewContainer("water", 10, 10)
	fill := func(x float64) *Flow { return NewFlow("fill").Then(Fill(c, x), j.noteName("filled")) }
	draw := func(x float64) *Flow { return NewFlow("draw").Then(Draw(c, x), j.noteName("drew")) }
	// Full. P1 wants to put 6 at 1, P2 2 at 2: both wait, P2 behind P1. A
	// draw of 3 at 3 (level 7) lets neither in: P1 needs 6 of room and P2,
	// which would fit, stays behind it. A draw of 4 at 4 (level 3) lets P1 in
	// (9); P2 would make 11 and waits. A draw of 1 at 5 (8) lets P2 in: 10.
	startAt(s, 1, fill(6), "P1", 0)
	startAt(s, 2, fill(2), "P2", 0)
	startAt(s, 3, draw(3), "D1", 0)
	startAt(s, 4, draw(4), "D2", 0)
	startAt(s, 5, draw(1), "D3", 0)
	s.Run()
	j.want(t, "D1 drew@3", "D2 drew@4", "P1 filled@4", "D3 drew@5", "P2 filled@5")
	if c.Level() != 10 {
		t.Errorf("level %v", c.Level())
	}
}

func TestNewContainerErrors(t *testing.T) {
	nan := math.NaN()
	for _, x := range []struct {
		name            string
		capacity, level float64
		ok              bool
	}{
		{"ok", 10, 5, true},
		{"empty", 10, 0, true},
		{"full", 10, 10, true},
		{"zero capacity", 0, 0, true},
		{"unlimited", math.Inf(1), 1e12, true},
		{"level above capacity", 10, 11, false},
		{"negative level", 10, -1, false},
		{"negative capacity", -1, 0, false},
		{"NaN level", 10, nan, false},
		{"NaN capacity", nan, 0, false},
	} {
		s := New()
		c, err := s.NewContainer("c", x.capacity, x.level)
		if x.ok && (err != nil || c == nil) {
			t.Errorf("%s: unexpected error %v", x.name, err)
		}
		if !x.ok && (err == nil || c != nil || !strings.Contains(err.Error(), "container c")) {
			t.Errorf("%s: container %v error %v", x.name, c, err)
		}
	}
}

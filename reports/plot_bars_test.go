package reports

import (
	"math"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

// A row's bars are a share of the row thick, moved by a share of a row,
// however tall the figure is drawn: rowBars sizes gonum's BarChart when
// the figure is drawn.
func TestRowBarsShareOfRow(t *testing.T) {
	for _, height := range []vg.Length{200, 600} {
		p := plot.New()
		p.BackgroundColor = nil
		rb, err := newRowBars([]float64{4, 0, 6}, seriesColor(0), 0.5)
		if err != nil {
			t.Fatal(err)
		}
		rb.offset = 0.25
		p.Add(rb)
		p.X.Min, p.X.Max = 0, 10
		rowAxis(p, []string{"a", "b", "c"})
		rec := &recorder.Canvas{}
		c := draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 400, Y: height}}}
		p.Draw(c)
		data := p.DataCanvas(c)
		row := (data.Max.Y - data.Min.Y) / 3
		_, trY := p.Transforms(&data)
		var bars []vg.Rectangle
		for _, a := range rec.Actions {
			if f, ok := a.(*recorder.Fill); ok {
				if r := bounds(f.Path); r.Size().X > 0 {
					bars = append(bars, r)
				}
			}
		}
		if len(bars) != 2 {
			t.Fatalf("height %v: %d bars drawn, want the 2 that are not zero", height, len(bars))
		}
		for i, y := range []float64{0, 2} {
			r := bars[i]
			if got := r.Size().Y; math.Abs(float64(got-row/2)) > 1e-6 {
				t.Errorf("height %v: bar on row %v is %v thick, want half of a row of %v", height, y, got, row)
			}
			if mid := (r.Min.Y + r.Max.Y) / 2; math.Abs(float64(mid-trY(y+0.25))) > 1e-6 {
				t.Errorf("height %v: bar on row %v centred at %v, want a quarter row up, %v", height, y, mid, trY(y+0.25))
			}
		}
	}
}

// bounds is the smallest rectangle holding a path's points.
func bounds(p vg.Path) vg.Rectangle {
	r := vg.Rectangle{Min: vg.Point{X: vg.Length(math.Inf(1)), Y: vg.Length(math.Inf(1))},
		Max: vg.Point{X: vg.Length(math.Inf(-1)), Y: vg.Length(math.Inf(-1))}}
	for _, c := range p {
		if c.Type == vg.CloseComp {
			continue
		}
		r.Min.X, r.Min.Y = min(r.Min.X, c.Pos.X), min(r.Min.Y, c.Pos.Y)
		r.Max.X, r.Max.Y = max(r.Max.X, c.Pos.X), max(r.Max.Y, c.Pos.Y)
	}
	return r
}

// Intervals read as gonum's error bars want them: distances below and
// above the point, along x for a bar, along y for a point.
func TestSpans(t *testing.T) {
	s := spans{{X: 5, Y: 2, Lo: 3, Hi: 8}}
	if x, y := s.XY(0); x != 5 || y != 2 {
		t.Errorf("XY = %v, %v", x, y)
	}
	if lo, hi := s.XError(0); lo != 2 || hi != 3 {
		t.Errorf("XError = %v, %v, want 2, 3", lo, hi)
	}
	v := spans{{X: 5, Y: 2, Lo: 1, Hi: 2.5}}
	if lo, hi := v.YError(0); lo != 1 || hi != 0.5 {
		t.Errorf("YError = %v, %v, want 1, 0.5", lo, hi)
	}
}

// The heat colours run from pale yellow at 0 (and for no value) to dark red
// at 1 and beyond, getting darker all the way, and the heat map's steps
// have a colour each (palette.Reverse's Palette would leave the middle of
// an odd number unset).
func TestHeatColours(t *testing.T) {
	cm, err := heatColours()
	if err != nil {
		t.Fatal(err)
	}
	lightness := func(u float64) float64 {
		r, g, b, _ := heatAt(cm, u).RGBA()
		return 0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)
	}
	if lightness(math.NaN()) != lightness(0) || lightness(2) != lightness(1) || lightness(-1) != lightness(0) {
		t.Error("no value must be the colour of 0, beyond 1 the colour of 1")
	}
	for u := 0.1; u <= 1; u += 0.1 {
		if lightness(u) >= lightness(u-0.1) {
			t.Errorf("utilisation %.1f is no darker than %.1f", u, u-0.1)
		}
	}
	for i, c := range heatSteps(cm, 101).Colors() {
		if c == nil {
			t.Fatalf("step %d has no colour", i)
		}
	}
}

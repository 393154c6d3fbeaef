package experiment_test

import (
	"bytes"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/internal/fuzzguard"
)

// FuzzParseAxis feeds --vary texts to the parser: it never panics, never
// hands back more than a thousand values or an empty one, and an axis it
// accepts names a path.
func FuzzParseAxis(f *testing.F) {
	for _, s := range []string{
		"gate.ground=10,20,40", "x=1..5", "x=1..2:0.5", "transfer.fill=5m..30m:5m", "x=5..1", "x=1..1e9",
		"x=10m..30m", "x=", "=1", "x=1,,2", "x=a..b", "x=1..5:-1", "x=0..1:1e-300", "x=..", "x=1e308..1.7e308:1e307",
		"x=NaN..1", "x=1h..2h:0s", "staff.a.shifts[0].count=0..3", "x=" + strings.Repeat("1,", 5000),
		"s.shifts[0]={from: 12:00, to: 22:00},{from: 12:30, to: 22:30}", "x={a", "x=a},b", `x="a,b`, "x=[1, [2, 3]],'c'",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fuzzguard.Check(t, func() {
			a, err := experiment.ParseAxis(s)
			if err != nil {
				return
			}
			if strings.TrimSpace(a.Path) == "" || len(a.Values) == 0 {
				t.Fatalf("%q: %+v", s, a)
			}
			if len(a.Values) > 1000 && strings.Contains(s, "..") {
				t.Fatalf("%q: a range of %d values", s, len(a.Values))
			}
			for _, v := range a.Values {
				if v == "" {
					t.Fatalf("%q: an empty value", s)
				}
			}
		})
	})
}

// FuzzReadPart feeds ReadPart damaged parts: it must return a part that
// passes its own checks, or an error, and never panic, nor may merging and
// assembling a part it read.
func FuzzReadPart(f *testing.F) {
	w := sweepWork(f, 7)
	seed := uint64(1)
	first := w.Items[0].Scenario
	small, err := experiment.NewWork("run", []*compound.Scenario{&first}, experiment.Options{Replications: 1, Seed: &seed})
	if err != nil {
		f.Fatal(err)
	}
	for _, work := range []*experiment.Work{small} {
		var buf bytes.Buffer
		if err := shardParts(f, work, 1, "fuzz")[0].Write(&buf); err != nil {
			f.Fatal(err)
		}
		b := buf.Bytes()
		f.Add(b)
		f.Add(b[:len(b)/3])
		f.Add(b[:200])
		f.Add(b[:2000])
	}
	f.Add([]byte{})
	f.Add([]byte("name: baseline\n"))
	// Parts whose content is damaged: results cut short, numbers no
	// replication gives, units out of order, a split into 10^12 shards.
	good := smallRun(f)
	for _, d := range partDamages {
		p := clonePart(f, good)
		d.damage(p)
		var buf bytes.Buffer
		if err := p.Write(&buf); err == nil {
			f.Add(buf.Bytes())
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzguard.Check(t, func() {
			p, err := experiment.ReadPart(bytes.NewReader(data))
			if err != nil {
				return
			}
			if p.Format != experiment.PartFormat || p.Work == nil || len(p.Units) != len(p.Results) {
				t.Fatalf("read a part that fails its checks: %+v", p)
			}
			// Merging it alone is refused or gives a table of every unit, which
			// assembles into a product or an error, without a panic.
			if w, res, err := experiment.Merge([]*experiment.Part{p}, []string{"p"}, missingName); err == nil {
				for _, rs := range res {
					for _, r := range rs {
						if r == nil {
							t.Fatal("merged with a unit missing")
						}
					}
				}
				_, _ = w.Assemble(res)
			}
		})
	})
}

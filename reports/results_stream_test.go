package reports

import (
	"bytes"
	"math"
	"testing"
)

// maxWriteRecorder records the largest single write it is given.
type maxWriteRecorder struct {
	bytes.Buffer
	largest int
}

func (m *maxWriteRecorder) Write(p []byte) (int, error) {
	m.largest = max(m.largest, len(p))
	return m.Buffer.Write(p)
}

// TestResultsWrittenInPieces: results.json of many replications is written
// without the document whole in memory (no write holds more than a small
// part of it), and the bytes are JSON's, with values that are missing (NaN:
// null), KPIs with no values ([]) and a document read back without them
// (null).
func TestResultsWrittenInPieces(t *testing.T) {
	r := &Results{SchemaVersion: SchemaVersion, Scenario: "many", Description: `a "per_replication": null in words`,
		Replications: 5000, Confidence: 0.95, Bottlenecks: []Bottleneck{}}
	for k := range 20 {
		per := make([]Number, 5000)
		for i := range per {
			per[i] = Number(float64(i*k) / 7)
		}
		per[3] = Number(math.NaN())
		r.KPIs = append(r.KPIs, KPI{Name: "k", Unit: "s", Label: "a KPI", PerReplication: per})
	}
	r.KPIs = append(r.KPIs, KPI{Name: "none", PerReplication: []Number{}}, KPI{Name: "read back"})
	whole, err := r.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var w maxWriteRecorder
	if err := r.WriteJSON(&w); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(w.Bytes(), whole) {
		t.Fatalf("written in pieces: %d bytes differing from the document's %d", w.Len(), len(whole))
	}
	if w.largest > len(whole)/100 {
		t.Errorf("a write of %d bytes of a %d-byte document: it was held whole", w.largest, len(whole))
	}
	if !bytes.Contains(whole, []byte(`"per_replication": []`)) || !bytes.Contains(whole, []byte(`"per_replication": null`)) {
		t.Error("the test's document lacks an empty or a null per_replication")
	}
}

// TestSweepResultsWrittenInPieces: a sweep's results.json has the bytes
// the encoder writes of the document with every point's values copied in,
// and is written without those values held twice or the document whole.
func TestSweepResultsWrittenInPieces(t *testing.T) {
	s := reportSweep(t)
	doc := NewSweepResults(s)
	copied := *doc
	copied.Points = nil
	for _, pt := range doc.Points {
		if pt.values == nil {
			t.Fatal("a point's values per replication are copied, not the outcome's own")
		}
		c := pt
		c.KPIs = make([]KPI, len(pt.KPIs))
		for i, k := range pt.KPIs {
			k.PerReplication = make([]Number, len(pt.values[i]))
			for j, v := range pt.values[i] {
				k.PerReplication[j] = Number(v)
			}
			c.KPIs[i] = k
		}
		c.values = nil
		copied.Points = append(copied.Points, c)
	}
	want, err := indentJSON(&copied)
	if err != nil {
		t.Fatal(err)
	}
	var w maxWriteRecorder
	if err := doc.WriteJSON(&w); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(w.Bytes(), want) {
		t.Fatalf("written in pieces: %d bytes differing from the encoder's %d", w.Len(), len(want))
	}
	if got, err := doc.JSON(); err != nil || !bytes.Equal(got, want) {
		t.Fatalf("JSON: %d bytes differing from the encoder's %d (%v)", len(got), len(want), err)
	}
	if w.largest > len(want)/2 {
		t.Errorf("a write of %d bytes of a %d-byte document: it was held whole", w.largest, len(want))
	}
	// A document read back has its values in PerReplication: the same bytes.
	copied.Points[0].KPIs[0].PerReplication = []Number{}
	var back maxWriteRecorder
	if err := copied.WriteJSON(&back); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(back.Bytes(), []byte(`"per_replication": []`)) {
		t.Error("a KPI with no values read back is not written []")
	}
}

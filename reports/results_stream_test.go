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

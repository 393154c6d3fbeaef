package scenarios

import (
	"reflect"
	"strconv"
	"testing"
)

func TestStaffCountsSet(t *testing.T) {
	sc, err := Resolve("baseline")
	if err != nil {
		t.Fatal(err)
	}
	var pools []string
	for _, p := range sc.Staff {
		pools = append(pools, p.Name)
	}
	crew := -1
	for i, p := range sc.Staff {
		if p.Name == "suited-crew" {
			crew = i
		}
	}
	if crew < 0 || len(sc.Staff[crew].Shifts) == 0 {
		t.Fatal("the baseline has no suited-crew with shifts")
	}
	// The plan's own value, spelt by name and by position: still set.
	own := strconv.Itoa(sc.Staff[crew].Shifts[0].Count)
	for _, path := range []string{"staff.suited-crew.shifts[0].count", "staff[" + strconv.Itoa(crew) + "].shifts[0].count"} {
		got, err := StaffCountsSet("baseline", sc, pools, []Override{{Path: path, Value: own}})
		if err != nil {
			t.Fatal(err)
		}
		if want := map[string][]int{"suited-crew": {0}}; !reflect.DeepEqual(got, want) {
			t.Errorf("%s=%s: got %v, want %v", path, own, got, want)
		}
	}
	// A pool not named is not probed; another field is no count.
	got, err := StaffCountsSet("baseline", sc, nil, []Override{{Path: "staff.suited-crew.shifts[0].count", Value: own}, {Path: "gate.shelves", Value: "10"}})
	if err != nil || len(got) != 0 {
		t.Errorf("no pools named: got %v, %v; want none", got, err)
	}
}

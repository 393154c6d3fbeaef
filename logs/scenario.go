package logs

import (
	"cordon/compound"
	"cordon/text"
)

// names is the scenario's names a log may use, each with its index.
type names struct {
	kinds     map[string]int
	kindList  []string
	buildings map[string]int
	buildList []string
	zones     map[string]int
	zoneList  []string
	zoneOf    []int // a building's zone, by building index; -1 for none
	pools     map[string]bool
	poolList  []string // the pools
	groups    []string // the pools and the zone groups of zone pools
	zoneGroup string   // an example of a zone group, "" when there is no zone pool
}

func namesOf(sc *compound.Scenario) *names {
	n := &names{kinds: map[string]int{}, buildings: map[string]int{}, zones: map[string]int{}, pools: map[string]bool{}}
	for i, k := range sc.Kinds {
		if _, dup := n.kinds[k.Name]; !dup {
			n.kinds[k.Name] = i
		}
		n.kindList = append(n.kindList, k.Name)
	}
	n.zoneOf = make([]int, len(sc.Buildings))
	for i, b := range sc.Buildings {
		n.zoneOf[i] = -1
		if _, dup := n.buildings[b.ID]; !dup {
			n.buildings[b.ID] = i
		}
		n.buildList = append(n.buildList, b.ID)
	}
	for i, z := range sc.Zones {
		if _, dup := n.zones[z.Name]; !dup {
			n.zones[z.Name] = i
		}
		n.zoneList = append(n.zoneList, z.Name)
		for _, ref := range z.Buildings {
			ids, err := compound.ExpandBuildings(ref)
			if err != nil {
				continue
			}
			for _, id := range ids {
				if b, ok := n.buildings[id]; ok && n.zoneOf[b] < 0 {
					n.zoneOf[b] = i
				}
			}
		}
	}
	for _, p := range sc.Staff {
		n.pools[p.Name] = true
		n.poolList = append(n.poolList, p.Name)
		n.groups = append(n.groups, p.Name)
		if p.PerZone {
			for _, z := range sc.Zones {
				g := p.Name + "/" + z.Name
				n.pools[g] = true
				n.groups = append(n.groups, g)
				if n.zoneGroup == "" {
					n.zoneGroup = g
				}
			}
		}
	}
	return n
}

// kind reads the current row's kind: its index, or -1 when there is none
// (an error when required).
func (n *names) kind(t *table, required bool) int {
	s := t.get("kind")
	switch k, ok := n.kinds[s]; {
	case ok:
		return k
	case s == "" && required:
		t.fail("kind", "missing: give the item's kind; "+list("kind", n.kindList))
	case s != "":
		t.fail("kind", unknown("kind", s, n.kindList))
	}
	return -1
}

// place reads the current row's building and zone: indices, -1 for none.
// A building's zone is the zone serving it.
func (n *names) place(t *table) (building, zone int) {
	bs, zs := t.get("building"), t.get("zone")
	building, zone = -1, -1
	if bs != "" {
		b, ok := n.buildings[bs]
		if !ok {
			t.fail("building", unknown("building", bs, n.buildList))
			return -1, -1
		}
		building, zone = b, n.zoneOf[b]
	}
	if zs == "" {
		return building, zone
	}
	z, ok := n.zones[zs]
	switch {
	case !ok:
		t.fail("zone", unknown("zone", zs, n.zoneList))
		return -1, -1
	case building >= 0 && zone != z && zone >= 0:
		t.fail("zone", "building "+q(bs)+" is in "+q(n.zoneList[zone])+", not "+q(zs)+": give the building's zone, or leave zone empty")
		return -1, -1
	case building >= 0 && zone != z:
		t.fail("zone", "building "+q(bs)+" is in no zone: leave zone empty")
		return -1, -1
	}
	return building, z
}

// pool reads the current row's pool: a pool, or a zone pool's group.
func (n *names) pool(t *table) (string, bool) {
	s := t.get("pool")
	switch {
	case s == "":
		t.fail("pool", "missing: give the pool; "+list("pool", n.poolList))
		return "", false
	case n.pools[s]:
		return s, true
	}
	msg := "no pool " + q(s)
	if hint := text.DidYouMean(s, n.groups); hint != "" {
		msg += hint
	} else {
		msg += ": " + list("pool", n.poolList)
		if n.zoneGroup != "" {
			msg += "; a zone pool's group is pool/zone, like " + n.zoneGroup
		}
	}
	t.fail("pool", msg)
	return "", false
}

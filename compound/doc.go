// Package compound is cordon's model of a residential compound under closed
// management, built on the event kernel.
//
// A Scenario holds the compound as plain data: buildings and zones, staff
// pools with shifts, breaks and suit limits, the gate and its staging area,
// the kinds of delivery, transfer, disinfection, sorting and delivery to the
// door, the sampling round, garbage and special-needs cards, and targets.
// Check reports every problem with a scenario as a FieldError naming the
// field by its YAML path; the scenarios package turns those paths into file
// positions.
//
// Build makes one replication from a scenario that passed Check: a fresh
// kernel, the posts (a resource per staff pool or per zone group, the
// staging area, carts, the disinfection area, each site's registration and
// swab stations) and the flows that entities walk:
//
//   - an item: wait for the gate to open and for a staging slot (or be
//     turned away, or put on the pile outside and checked from there more
//     slowly), intake by the gate crew, onto the transfer shelf; a cart
//     agent takes a load with a suited worker and a cart together and drops
//     it at the disinfection area; the item stands its dwell, is sorted onto
//     its zone's shelf, and a zone volunteer's run takes it to the door;
//   - a resident: called with the building, walk to the zone's site,
//     register, be swabbed; samples are pooled and runners take boxes to the
//     lab; some residents are visited at home;
//   - a building's garbage at night and a special-needs card by day, for the
//     pools that do those tasks.
//
// Events (Scenario.Events, events.go) change the run from a day and time:
// equipment and staff events are capacity schedules of the posts, a closure
// holds or turns away couriers, a sealed building's items, residents and
// garbage go to its suited crew alone, and a surge is a second arrival
// process of the kind over its window, on streams of its own.
//
// Every random input draws from its own named stream, and items and
// residents draw their service times when they arrive, so scenarios that
// differ only in staffing see the same arrivals and times. Run returns a
// Result: the value of every KPI of Catalog, the figures of every post for
// the bottleneck ranking, sampled series for plots, and a Ledger that
// accounts for every item and resident.
package compound

// Command cordon is the command line of the cordon simulator and planner:
// run, compare, sweep, bottlenecks, plan, sensitivity; replay, record and
// fit for post-incident reviews; merge for runs split into shards on a
// cluster; validate, scenarios, init, schema and version. Each command is
// built by a constructor taking an options struct and has a separate run
// function; Main maps errors to exit codes: 0 done, 1 a target missed, 2 bad
// input, 130 and 143 stopped by a signal.
package main

// Command cordon is the command line of the cordon simulator: run, validate,
// scenarios and init for now; compare, sweep, plan, replay, schema and merge
// as they arrive. Each command is built by a constructor taking an options
// struct and has a separate run function; Main maps errors to exit codes:
// 0 done, 1 a target missed, 2 bad input.
package main

// Package reports turns the outcome of a run into what people and scripts
// read: the results document (results.json and --json), the summary table
// on the terminal, and, later, the report folder with its plots. It runs no
// simulation.
package reports

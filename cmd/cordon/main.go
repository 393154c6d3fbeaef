// Command cordon simulates a residential compound under closed management
// and plans its staffing. Run `cordon help` for the commands.
package main

import "os"

func main() {
	os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

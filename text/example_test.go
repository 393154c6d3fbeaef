package text_test

import (
	"fmt"

	"cordon/text"
)

func ExampleCount() {
	fmt.Println(text.Count(1, "replication", "replications"))
	fmt.Println(text.Count(30, "replication", "replications"))
	// Output:
	// 1 replication
	// 30 replications
}

// A list of --set values splits at the commas outside brackets, so a
// value may be a YAML mapping.
func ExampleSplitList() {
	parts, err := text.SplitList("3,{from: 07:30, to: 15:30},5")
	fmt.Printf("%q %v\n", parts, err)
	_, err = text.SplitList("{from: 07:30")
	fmt.Println(err)
	// Output:
	// ["3" "{from: 07:30, to: 15:30}" "5"] <nil>
	// a bracket or quote is not closed
}

func ExampleNearest() {
	fmt.Println(text.Nearest("shelfs", []string{"shelves", "containers", "ground"}))
	// Output: shelves
}

// OneLine keeps a user's text on one line of an error message.
func ExampleOneLine() {
	fmt.Println(text.OneLine("gate\nshelves"))
	// Output: gate\nshelves
}

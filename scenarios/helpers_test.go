package scenarios

import (
	"io/fs"
	"os"
	"strconv"
	"testing"
)

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func errNotExist() error { return fs.ErrNotExist }

func itoa(i int) string { return strconv.Itoa(i) }

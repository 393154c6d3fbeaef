package reports

import (
	"context"
	"testing"
)

// LockFolderForTest holds the lock every report commit in dir takes, as
// another cordon process would, until the function it returns is called.
func LockFolderForTest(t testing.TB, dir string) func() {
	t.Helper()
	unlock, err := lockFolder(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	return unlock
}

//go:build !unix

package reports

import (
	"context"
	"os"
)

// lockFolder does not lock where flock is missing: two commands writing
// the same report at once may then collide (each still writes whole).
func lockFolder(ctx context.Context, dir string) (func(), error) {
	return func() {}, ctx.Err()
}

// lockFile does nothing where flock is missing.
func lockFile(f *os.File) error { return nil }

// tryLockFile reports false where flock is missing, so that no temporary
// folder is taken for abandoned: they are left for the user to remove.
func tryLockFile(f *os.File) bool { return false }

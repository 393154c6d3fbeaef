//go:build unix

package reports

import (
	"context"
	"errors"
	"os"
	"syscall"
	"time"
)

// lockWait is how often a command waiting for another's lock looks again.
const lockWait = 50 * time.Millisecond

// lockFolder takes an exclusive advisory lock (flock) on the folder dir,
// waiting while another process holds it, until ctx is done; the function
// it returns releases it. The kernel releases the lock when the process
// ends, however it ends. On a file system without flock the folder is not
// locked.
func lockFolder(ctx context.Context, dir string) (func(), error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return func() { f.Close() }, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			// No flock here (some network file systems): go on unlocked.
			return func() { f.Close() }, nil
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(lockWait):
		}
	}
}

// lockFile takes an exclusive lock on f without waiting.
func lockFile(f *os.File) error {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if err != nil && !errors.Is(err, syscall.EWOULDBLOCK) {
		return nil // no flock on this file system
	}
	return err
}

// tryLockFile reports whether f could be locked: no other process holds
// it.
func tryLockFile(f *os.File) bool {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil
}

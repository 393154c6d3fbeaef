//go:build unix

package serve

import (
	"os"
	"syscall"
)

// tryLock takes an exclusive advisory lock on f without waiting; false
// when another process holds it. On a file system without flock the lock
// is taken as given.
func tryLock(f *os.File) bool {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	return err == nil || err != syscall.EWOULDBLOCK
}

package main

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
	"strings"
)

// machineMemory returns the memory available to cordon on this machine, in
// bytes: MemAvailable of /proc/meminfo, or less when the control group
// cordon runs in (a container, a Slurm job) has a memory.max; 0 where
// neither can be read (not Linux).
func machineMemory() int64 {
	avail := int64(0)
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		avail = memAvailable(b)
	}
	if free := cgroupFree(readCgroup("memory.max"), readCgroup("memory.current")); free > 0 && (avail == 0 || free < avail) {
		avail = free
	}
	return avail
}

// readCgroup reads a file of cordon's own cgroup (v2); nil when there is
// none.
func readCgroup(name string) []byte {
	self, err := os.ReadFile("/proc/self/cgroup")
	if err != nil {
		return nil
	}
	// The v2 line is "0::/path".
	for _, line := range strings.Split(string(self), "\n") {
		if path, ok := strings.CutPrefix(line, "0::"); ok {
			b, err := os.ReadFile("/sys/fs/cgroup" + strings.TrimRight(path, "/") + "/" + name)
			if err != nil {
				return nil
			}
			return b
		}
	}
	return nil
}

// memAvailable reads MemAvailable (in kB) from the text of /proc/meminfo
// and returns it in bytes, 0 when it is not there.
func memAvailable(meminfo []byte) int64 {
	sc := bufio.NewScanner(bytes.NewReader(meminfo))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 2 && f[0] == "MemAvailable:" {
			kb, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil || kb < 0 {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}

// cgroupFree returns what a cgroup may still take, memory.max less
// memory.current, from the two files' text; 0 when it has no limit ("max")
// or they cannot be read.
func cgroupFree(limitText, current []byte) int64 {
	limit, err := strconv.ParseInt(strings.TrimSpace(string(limitText)), 10, 64)
	if err != nil || limit <= 0 {
		return 0
	}
	used, err := strconv.ParseInt(strings.TrimSpace(string(current)), 10, 64)
	if err != nil || used < 0 {
		used = 0
	}
	return max(limit-used, 1)
}

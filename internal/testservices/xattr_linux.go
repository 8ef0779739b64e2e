package testservices

import (
	"path/filepath"
	"syscall"
)

// probeXattr checks that dir's filesystem takes user.* xattrs, which versitygw's posix
// backend keeps its object metadata in (tmpfs before Linux 6.6, some overlay and network
// filesystems do not).
func probeXattr(dir string) error {
	const name = "user.repurpose.probe"
	path := filepath.Join(dir, ".")
	if err := syscall.Setxattr(path, name, []byte("1"), 0); err != nil {
		return err
	}
	return syscall.Removexattr(path, name)
}

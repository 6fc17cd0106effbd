//go:build unix

package natsx

import (
	"errors"
	"os"
	"syscall"
)

// lockFileExclusive takes an advisory lock on f without waiting.
func lockFileExclusive(f *os.File) error {
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return ErrStoreBusy
		}
		return err
	}
	return nil
}

func unlockFile(f *os.File) error { return syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }

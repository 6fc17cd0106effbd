//go:build !unix

package natsx

import "os"

// lockFileExclusive cannot lock where flock is missing: the store is used
// without a lock there, as before.
func lockFileExclusive(*os.File) error { return nil }

func unlockFile(*os.File) error { return nil }

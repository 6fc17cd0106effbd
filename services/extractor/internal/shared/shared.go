// Package shared finds the workplace's shared folder (../shared beside the
// repository: the annotation guidelines, the dev corpus, the bulk corpus)
// for tests and tools that read it at run time.
package shared

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Find returns the shared folder: $DIPLOGRAPH_SHARED, else the folder
// "shared" beside the repository root (the folder that holds go.work).
func Find() (string, error) {
	if d := os.Getenv("DIPLOGRAPH_SHARED"); d != "" {
		return d, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			s := filepath.Join(dir, "..", "shared")
			if _, err := os.Stat(filepath.Join(s, "corpus")); err != nil {
				return "", errors.New(s + " has no corpus folder (set DIPLOGRAPH_SHARED)")
			}
			return s, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", errors.New("no go.work above the working directory")
		}
		dir = up
	}
}

// Require returns the shared folder for a test: in CI (CI=true) a missing
// folder fails the test, elsewhere it skips it.
func Require(tb testing.TB) string {
	tb.Helper()
	d, err := Find()
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("the shared folder is needed: %v", err)
		}
		tb.Skipf("the shared folder is not here: %v", err)
	}
	return d
}

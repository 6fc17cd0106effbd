package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var skipCall = regexp.MustCompile(`\.Skip(f|Now)?\(`)

// TestNoTestSkipsUnlessShortOrOutsideCI reads the tests of the modules
// that run the pipeline (platform, schemas, fetcher, linker, diplograph):
// a test may skip only under -short, or outside CI after failing there, so
// that CI (CI=true, no -short) runs every one of them. (A corpus test that
// skipped when ../shared was missing hid itself from CI's fresh clone.)
func TestNoTestSkipsUnlessShortOrOutsideCI(t *testing.T) {
	root := filepath.Join("..", "..")
	for _, mod := range []string{"platform", "schemas", "services/fetcher", "services/linker", "cmd"} {
		err := filepath.WalkDir(filepath.Join(root, mod), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, "_test.go") {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			lines := strings.Split(string(data), "\n")
			for i, l := range lines {
				if !skipCall.MatchString(l) || strings.Contains(l, "skipCall") {
					continue
				}
				guard := strings.Join(lines[max(0, i-4):i], "\n")
				if !strings.Contains(guard, "testing.Short()") && !strings.Contains(guard, `"CI"`) {
					t.Errorf("%s:%d skips neither under -short nor only outside CI: %s", p, i+1, strings.TrimSpace(l))
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

package dashboard

import (
	"os"
	"strings"
	"testing"
)

func TestTheAPIDocumentsEveryCall(t *testing.T) {
	doc, err := os.ReadFile("../../docs/api.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range (&Server{}).api() {
		if !strings.Contains(string(doc), "## `"+r.pattern) {
			t.Errorf("docs/api.md has no section for %s", r.pattern)
		}
	}
}

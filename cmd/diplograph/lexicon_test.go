package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A stance's object is counted under its phrase without determiners, and
// an object that only points (a pronoun, "thank you", "do so") names
// nothing the lexicon could add.
func TestGapKeysAndReferences(t *testing.T) {
	cases := []struct {
		object, key string
		ref         bool
	}{
		{"the Andean water compact, signed in May", "andean water compact", false},
		{"you very much", "you very much", true},
		{"it", "it", true},
		{"To this end, a holistic approach", "end", true},
		{"do so", "do so", true},
		{"对于高原水资源公约的", "高原水资源公约", false},
		{"他们的做法", "他们的做法", true},
	}
	for _, c := range cases {
		k := gapKey(c.object)
		if k != c.key || reference(k) != c.ref {
			t.Errorf("gapKey(%q) = %q, reference %v; want %q, %v", c.object, k, reference(k), c.key, c.ref)
		}
	}
}

// lexicon gaps lists the objects no topic or party maps, most frequent
// first, and leaves out the ones that only point.
func TestLexiconGapsListsUnmappedObjectsMostFrequentFirst(t *testing.T) {
	dir := t.TempDir()
	docs := map[string]string{
		"a.txt": "Peru supports the Andean water compact. Thank you very much.\n",
		"b.txt": "Chile supports the Andean water compact. Chile also supports the glacier census. Thank you very much.\n",
		"c.txt": "Bolivia supports the Andean water compact.\n",
	}
	for name, text := range docs {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errb bytes.Buffer
	if err := cmdLexicon(context.Background(), []string{"gaps", "--min", "1", dir}, &out, &errb); err != nil {
		t.Fatalf("lexicon gaps: %v\n%s", err, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) < 3 || !strings.HasPrefix(lines[0], "3 documents") {
		t.Fatalf("lexicon gaps printed:\n%s", out.String())
	}
	if f := strings.Fields(lines[1]); len(f) < 2 || f[0] != "3" || !strings.Contains(lines[1], "andean water compact") {
		t.Errorf("first gap %q, want the compact, seen 3 times", lines[1])
	}
	if !strings.Contains(lines[2], "glacier census") {
		t.Errorf("second gap %q, want the census", lines[2])
	}
	if strings.Contains(out.String(), "  you") {
		t.Errorf("a thank-you is listed as a gap:\n%s", out.String())
	}
}

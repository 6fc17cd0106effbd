package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/services/linker"
)

// bench serve on a two-document corpus and a small synthetic graph: it
// reports every call against the floor and leaves the graph as it found it.
func TestBenchServeTimesTheAPIAndLeavesTheGraphAsItWas(t *testing.T) {
	cfg := neo4jConfig(t)
	dir := t.TempDir()
	n := nonce(t)
	urls := []string{"https://example.org/bench/" + n + "/1", "https://example.org/bench/" + n + "/2"}
	texts := []string{"Japan strongly opposes the use of economic coercion against its partners.", "France condemns the terrorist attacks in the region."}
	for i, u := range urls {
		body := fmt.Sprintf("<!--1700000000000-->\n[Bench %s %d](%s)\n------\n\n<p>%s Ref %s.</p>\n", n, i, u, texts[i], n)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("doc-%d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errb bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	args := append([]string{"bench", "serve", "--synthetic", "2000", "--requests", "2", "--rounds", "1"}, neo4jArgs(cfg)...)
	if err := dispatch(ctx, append(args, dir), &out, &errb); err != nil {
		t.Fatalf("bench serve: %v\n%s\n%s", err, out.String(), errb.String())
	}
	report := out.String()
	for _, want := range []string{"floor: RETURN 1", "stance matrix, one year", "claims by an actor with few", "graph view",
		"stance matrix: p95", "claims, first page: p95", "a synthetic graph of 2000 claims"} {
		if !strings.Contains(report, want) {
			t.Errorf("the report lacks %q:\n%s", want, report)
		}
	}
	if got := strings.Count(report, "floor: RETURN 1"); got != 2 {
		t.Errorf("the floor is measured %d times, want once per graph", got)
	}
	token := regexp.MustCompile(`token (zsyn[0-9a-f]+)`).FindStringSubmatch(report)
	if token == nil {
		t.Fatalf("no synthetic token in the report:\n%s", report)
	}
	g, err := linker.OpenGraph(ctx, cfg, quietLog())
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close(ctx)
	_, rows, err := g.Query(ctx, `CALL () { MATCH (n) WHERE n.id STARTS WITH $token OR n.id STARTS WITH 'claim:' + $token
  OR n.id STARTS WITH 'topic:' + $token OR n.id STARTS WITH 'person:' + $token RETURN count(n) AS synthetic }
CALL () { MATCH (a:Article) WHERE a.url IN $urls RETURN count(a) AS corpus }
RETURN synthetic, corpus`, map[string]any{"token": token[1], "urls": []any{urls[0], urls[1]}})
	if err != nil {
		t.Fatal(err)
	}
	if rows[0][0] != int64(0) || rows[0][1] != int64(0) {
		t.Fatalf("left behind: %v synthetic nodes, %v corpus articles", rows[0][0], rows[0][1])
	}
}

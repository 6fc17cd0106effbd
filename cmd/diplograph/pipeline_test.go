package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/services/linker"
	"github.com/diplograph/diplograph/services/linker/neo4jtest"
)

// neo4jConfig returns the test Neo4j's settings; where it cannot be
// reached the test fails in CI and is skipped elsewhere.
func neo4jConfig(t *testing.T) linker.Neo4jConfig {
	t.Helper()
	cfg := neo4jtest.Require(t)
	if cfg.Database == "" {
		cfg.Database = "neo4j"
	}
	return linker.Neo4jConfig{URI: cfg.URI, User: cfg.User, Password: cfg.Password, Database: cfg.Database}
}

func nonce(t *testing.T) string {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

func neo4jArgs(cfg linker.Neo4jConfig) []string {
	return []string{"--neo4j-uri", cfg.URI, "--neo4j-user", cfg.User, "--neo4j-password", cfg.Password, "--neo4j-database", cfg.Database}
}

// graphOf returns a canonical description of what the graph holds about
// one article: its claims with their actors, targets, topics and evidence.
func graphOf(t *testing.T, cfg linker.Neo4jConfig, articleURL string) (articles int, lines []string) {
	t.Helper()
	ctx := context.Background()
	g, err := linker.OpenGraph(ctx, cfg, quietLog())
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close(ctx)
	_, rows, err := g.Query(ctx, `MATCH (a:Article {url: $url}) RETURN count(a)`, map[string]any{"url": articleURL})
	if err != nil {
		t.Fatal(err)
	}
	articles = int(rows[0][0].(int64))
	_, rows, err = g.Query(ctx, `MATCH (c:Claim)-[e:EVIDENCED_BY]->(a:Article {url: $url})
OPTIONAL MATCH (actor)-[:HOLDS]->(c)
OPTIONAL MATCH (c)-[:ABOUT]->(topic:Topic)
OPTIONAL MATCH (c)-[:TARGETS]->(target)
WITH c, e, a, collect(DISTINCT actor.id) AS actors, collect(DISTINCT topic.id) AS topics, collect(DISTINCT target.id) AS targets
RETURN c.id, c.predicate, actors, topics, targets, e.rule, e.start, e.end, a.id ORDER BY c.id`, map[string]any{"url": articleURL})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		lines = append(lines, strings.TrimSpace(fmt.Sprintln(r...)))
	}
	return articles, lines
}

func runOnce(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// Several test runs share the machine: never the default NATS port.
	err := dispatch(ctx, append([]string{"run", "--once", "--log-level", "warn", "--nats-listen", "127.0.0.1:0"}, args...), &out, &errb)
	return out.String(), errb.String(), err
}

func TestAnArticleGoesFromAFileThroughJetStreamIntoNeo4jOnce(t *testing.T) {
	cfg := neo4jConfig(t)
	dir := t.TempDir()
	n := nonce(t)
	url := "https://example.org/test/" + n
	article := filepath.Join(dir, "statement-"+n+".txt")
	body := fmt.Sprintf("<!--1700000000000-->\n[Test statement %s](%s)\n------\n\n<p>Japan strongly opposes the use of economic coercion against its partners.</p><p>Reference %s.</p>\n", n, url, n)
	if err := os.WriteFile(article, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data")
	out, stderr, err := runOnce(t, append(neo4jArgs(cfg), "--data", data, article)...)
	if err != nil {
		t.Fatalf("run --once: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "claims in the graph") {
		t.Fatalf("no summary printed:\n%s", out)
	}
	articles, first := graphOf(t, cfg, url)
	if articles != 1 {
		t.Fatalf("%d Article nodes for the input, want 1", articles)
	}
	if len(first) == 0 {
		t.Fatalf("no claim evidenced by the article; output:\n%s\n%s", out, stderr)
	}
	found := false
	for _, l := range first {
		if strings.Contains(l, " oppose [JPN] [topic:economic-coercion]") {
			found = true
		}
	}
	if !found {
		t.Fatalf("Japan's opposition to economic coercion is not in the graph; claims:\n%s", strings.Join(first, "\n"))
	}

	// The same input again with the same store: the fetcher has seen it.
	if _, stderr, err := runOnce(t, append(neo4jArgs(cfg), "--data", data, article)...); err != nil {
		t.Fatalf("second run: %v\n%s", err, stderr)
	}
	// And with a fresh store, so that every stage runs again: MERGE on
	// deterministic ids leaves the graph as it was.
	if _, stderr, err := runOnce(t, append(neo4jArgs(cfg), "--data", filepath.Join(dir, "fresh"), article)...); err != nil {
		t.Fatalf("third run: %v\n%s", err, stderr)
	}
	articles, again := graphOf(t, cfg, url)
	if articles != 1 || strings.Join(again, "\n") != strings.Join(first, "\n") {
		t.Fatalf("the graph changed on replay:\nbefore:\n%s\nafter (%d articles):\n%s", strings.Join(first, "\n"), articles, strings.Join(again, "\n"))
	}
}

func TestABadArticleIsReportedAndTheRestGoesOn(t *testing.T) {
	cfg := neo4jConfig(t)
	dir := t.TempDir()
	n := nonce(t)
	url := "https://example.org/test/" + n
	good := filepath.Join(dir, "good-"+n+".txt")
	if err := os.WriteFile(good, []byte(fmt.Sprintf("<!--1700000000000-->\n[Good %s](%s)\n------\n\n<p>France condemns the terrorist attacks in the region. Ref %s.</p>\n", n, url, n)), 0o644); err != nil {
		t.Fatal(err)
	}
	junk := filepath.Join(dir, "junk-"+n+".txt")
	if err := os.WriteFile(junk, append([]byte{0x00, 0x01, 0xff, 0xfe, 0x00}, bytes.Repeat([]byte{0x00, 0x9c, 0x03}, 300)...), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data")
	if _, stderr, err := runOnce(t, append(neo4jArgs(cfg), "--data", data, junk, good)...); err != nil {
		t.Fatalf("run --once: %v\n%s", err, stderr)
	}
	if articles, claims := graphOf(t, cfg, url); articles != 1 || len(claims) == 0 {
		t.Fatalf("the good article did not reach the graph: %d articles, claims %v", articles, claims)
	}
	var out, errb bytes.Buffer
	if err := dispatch(context.Background(), []string{"dlq", "list", "--data", data, "--log-level", "warn"}, &out, &errb); err != nil {
		t.Fatalf("dlq list: %v\n%s", err, errb.String())
	}
	if !strings.Contains(out.String(), "binary") && !strings.Contains(out.String(), "malformed") {
		t.Fatalf("the junk input is not on the dead-letter stream with its reason:\n%s%s", out.String(), errb.String())
	}
}

func TestBadConfigurationStopsStartUpWithOneClearMessage(t *testing.T) {
	cfg := neo4jConfig(t)
	dir := t.TempDir()
	input := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(input, []byte("Japan opposes coercion."), 0o644); err != nil {
		t.Fatal(err)
	}
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"an unreachable Neo4j", []string{"--neo4j-uri", "bolt://127.0.0.1:1", "--neo4j-password", cfg.Password}, "unreachable"},
		{"a wrong Neo4j password", []string{"--neo4j-uri", cfg.URI, "--neo4j-password", "not-the-password"}, "authentication"},
		{"a NATS URL that is not one", append(neo4jArgs(cfg), "--nats-url", "http//nowhere"), "NATS_URL"},
		{"an unreachable NATS", append(neo4jArgs(cfg), "--nats-url", "nats://127.0.0.1:1"), "no server answered"},
		{"a NATS listen address that is taken", append(neo4jArgs(cfg), "--nats-listen", taken.Addr().String()), "NATS_LISTEN " + taken.Addr().String() + ": address in use"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, err := runOnce(t, append(tc.args, "--data", filepath.Join(dir, "d"), input)...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one naming %q\n%s", err, tc.want, stderr)
			}
			if strings.Contains(err.Error(), "not-the-password") || strings.Contains(err.Error(), "goroutine") {
				t.Fatalf("the message leaks a secret or a stack: %v", err)
			}
		})
	}
}

// TestRunAndIngestShareOneAllowList fetches a page from a loopback server:
// refused by default, fetched by run and ingest alike once --allow names
// the address.
func TestRunAndIngestShareOneAllowList(t *testing.T) {
	cfg := neo4jConfig(t)
	n := nonce(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/readout-"+n {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<html><head><title>Readout %s</title></head><body><article><p>Japan strongly opposes the use of economic coercion against its partners.</p><p>Reference %s of the series of readouts.</p></article></body></html>", n, n)
	}))
	defer srv.Close()
	page := srv.URL + "/readout-" + n
	dir := t.TempDir()
	_, stderr, err := runOnce(t, append(neo4jArgs(cfg), "--data", filepath.Join(dir, "refused"), page)...)
	if err != nil || !strings.Contains(stderr, "private_address") {
		t.Fatalf("without --allow: err %v, want the page skipped as private_address:\n%s", err, stderr)
	}
	if _, stderr, err := runOnce(t, append(neo4jArgs(cfg), "--data", filepath.Join(dir, "run"), "--allow", "127.0.0.1", page)...); err != nil {
		t.Fatalf("run --allow 127.0.0.1: %v\n%s", err, stderr)
	}
	if articles, _ := graphOf(t, cfg, page); articles != 1 {
		t.Fatalf("run --allow: %d articles in the graph for %s, want 1", articles, page)
	}
	var out, errb bytes.Buffer
	if err := dispatch(context.Background(), []string{"ingest", "--data", filepath.Join(dir, "ingest"), "--log-level", "warn", "--allow", "127.0.0.0/8", page}, &out, &errb); err != nil {
		t.Fatalf("ingest --allow 127.0.0.0/8: %v\n%s", err, errb.String())
	}
	if !strings.Contains(out.String(), "1 published") {
		t.Fatalf("ingest --allow: %s", out.String())
	}
}

// TestRunServesTheFetchersMetrics runs the pipeline as a service and reads
// /metrics: the fetcher's items and processing time are there beside the
// other stages'.
func TestRunServesTheFetchersMetrics(t *testing.T) {
	cfg := neo4jConfig(t)
	dir := t.TempDir()
	n := nonce(t)
	input := filepath.Join(dir, "statement-"+n+".txt")
	if err := os.WriteFile(input, []byte("<!--1700000000000-->\n[Metrics "+n+"](https://example.org/metrics/"+n+")\n------\n\n<p>Canada condemns the attacks on commercial ships in the Red Sea. Ref "+n+".</p>\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var out, errb bytes.Buffer
	go func() {
		done <- dispatch(ctx, append(append([]string{"run", "--log-level", "warn", "--nats-listen", "127.0.0.1:0", "--health", addr, "--data", filepath.Join(dir, "data")}, neo4jArgs(cfg)...), input), &out, &errb)
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("run: %v\n%s", err, errb.String())
		}
	}()
	want := []string{`diplograph_items_total{kind="published",stage="fetcher"} 1`, `diplograph_processing_seconds_count{stage="fetcher"}`, `diplograph_messages_total{outcome="ok",stage="extractor"}`}
	deadline := time.Now().Add(90 * time.Second)
	var body string
	for time.Now().Before(deadline) {
		if resp, err := http.Get("http://" + addr + "/metrics"); err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			body = string(b)
			missing := false
			for _, w := range want {
				missing = missing || !strings.Contains(body, w)
			}
			if !missing {
				return
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("/metrics lacks one of %q:\n%s", want, body)
}

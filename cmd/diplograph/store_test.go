package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/schemas"
)

// writeArticles writes n small distinct articles into dir.
func writeArticles(t *testing.T, dir, tag string, n int) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		body := fmt.Sprintf("<!--1700000000000-->\n[Item %s %d](https://example.org/store/%s/%d)\n------\n\n<p>Statement %d of set %s: the ministers agreed to meet again.</p>\n", tag, i, tag, i, i, tag)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%04d.txt", tag, i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestASecondCommandRefusesAStoreThatIsInUse holds a store as another
// ingest would: a second ingest, and a dlq list, refuse it with one line
// naming the owner, and start no server of their own on it.
func TestASecondCommandRefusesAStoreThatIsInUse(t *testing.T) {
	clearSettings(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	lock, err := natsx.LockStore(data, "diplograph-ingest")
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	writeArticles(t, filepath.Join(dir, "in"), "a", 3)
	for _, args := range [][]string{{"ingest", "--data", data, "--log-level", "error", filepath.Join(dir, "in")}, {"dlq", "list", "--data", data, "--log-level", "error"}} {
		_, _, err := cmd(t, context.Background(), args...)
		if err == nil || !strings.Contains(err.Error(), "in use by diplograph-ingest (pid ") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%v on a store in use: %v", args, err)
		}
	}
	if _, err := os.Stat(filepath.Join(data, "nats", "jetstream")); err == nil {
		t.Error("a JetStream store was started beside its owner")
	}
}

// TestTwoIngestsAndADLQListShareTheStoreOfARunningRun starts diplograph
// run on a store, then two ingests with overlapping inputs and a dlq list
// on the same store at once: they talk to run's NATS, and every article
// is in the stream exactly once, counted from the stream itself.
func TestTwoIngestsAndADLQListShareTheStoreOfARunningRun(t *testing.T) {
	cfg := neo4jConfig(t)
	clearSettings(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	tag := nonce(t)
	writeArticles(t, filepath.Join(dir, "one"), tag+"-1", 300)
	writeArticles(t, filepath.Join(dir, "both"), tag+"-2", 404)
	writeArticles(t, filepath.Join(dir, "two"), tag+"-3", 300)
	const distinct = 1004

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	runDone := make(chan error, 1)
	var runErr strings.Builder
	go func() {
		var out strings.Builder
		runDone <- dispatch(ctx, append([]string{"run", "--data", data, "--log-level", "warn", "--nats-listen", "127.0.0.1:0", "--health", ""}, neo4jArgs(cfg)...), &out, &runErr)
	}()
	var owner natsx.StoreOwner
	deadline := time.Now().Add(60 * time.Second)
	for owner.URL == "" {
		if time.Now().After(deadline) {
			t.Fatalf("run recorded no URL beside its store")
		}
		time.Sleep(100 * time.Millisecond)
		owner, _ = natsx.ReadStoreOwner(data)
	}
	var wg sync.WaitGroup
	errs := make([]error, 3)
	outs := make([]string, 3)
	for i, args := range [][]string{
		{"ingest", "--data", data, "--log-level", "warn", filepath.Join(dir, "one"), filepath.Join(dir, "both")},
		{"ingest", "--data", data, "--log-level", "warn", filepath.Join(dir, "both"), filepath.Join(dir, "two")},
		{"dlq", "list", "--data", data, "--log-level", "warn"},
	} {
		wg.Go(func() {
			var stderr string
			outs[i], stderr, errs[i] = cmd(t, context.Background(), args...)
			if errs[i] != nil {
				errs[i] = fmt.Errorf("%v: %w\n%s", args, errs[i], stderr)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	// Count what the stream holds, through run's own server.
	nc, js, err := natsx.Connect(context.Background(), natsx.Config{URL: owner.URL}, quietLog())
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	st, err := js.Stream(context.Background(), schemas.StreamArticles)
	if err != nil {
		t.Fatal(err)
	}
	c, err := st.OrderedConsumer(context.Background(), jetstream.OrderedConsumerConfig{HeadersOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int{}
	total := int(st.CachedInfo().State.Msgs)
	for got := 0; got < total; {
		batch, err := c.Fetch(min(500, total-got), jetstream.FetchMaxWait(5*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		for m := range batch.Messages() {
			got++
			ids[m.Headers().Get(jetstream.MsgIDHeader)]++
		}
		if batch.Error() != nil {
			t.Fatal(batch.Error())
		}
	}
	if total != distinct || len(ids) != distinct {
		t.Errorf("the stream holds %d messages with %d distinct ids, want each of the %d articles once; outputs: %q", total, len(ids), distinct, outs)
	}
	cancel()
	if err := <-runDone; err != nil {
		t.Fatalf("run: %v\n%s", err, runErr.String())
	}
}

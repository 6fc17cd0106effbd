package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestReportsATruncatedStoreAndRecheckRepublishes ingests into a
// store, truncates its ARTICLES stream as a crash can, and ingests again:
// the start-up says the store lost articles, a plain ingest publishes
// nothing, and ingest --recheck publishes what the stream lacks.
func TestIngestReportsATruncatedStoreAndRecheckRepublishes(t *testing.T) {
	clearSettings(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	in := filepath.Join(dir, "in")
	writeArticles(t, in, "t", 400)
	ctx := context.Background()
	if out, errb, err := cmd(t, ctx, "ingest", "--data", data, "--log-level", "warn", in); err != nil || !strings.Contains(out, "400 published") {
		t.Fatalf("first ingest: %v\n%s%s", err, out, errb)
	}
	// Cut the newest block of the stream, and its index, as a crash can.
	msgs := filepath.Join(data, "nats", "jetstream", "$G", "streams", "ARTICLES", "msgs")
	blocks, _ := filepath.Glob(filepath.Join(msgs, "*.blk"))
	if len(blocks) != 1 {
		t.Fatalf("want one block file of 400 small articles, found %v", blocks)
	}
	fi, err := os.Stat(blocks[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(blocks[0], fi.Size()/5); err != nil {
		t.Fatal(err)
	}
	_ = os.Remove(filepath.Join(msgs, "index.db"))

	out, errb, err := cmd(t, ctx, "ingest", "--data", data, "--log-level", "warn", in)
	if err != nil || !strings.Contains(out, "0 published") || !strings.Contains(errb, "missing from the ARTICLES stream") {
		t.Fatalf("after the truncation: %v\nstdout: %s\nstderr: %s", err, out, errb)
	}
	out, errb, err = cmd(t, ctx, "ingest", "--data", data, "--log-level", "warn", "--recheck", in)
	if err != nil {
		t.Fatalf("ingest --recheck: %v\n%s", err, errb)
	}
	var seen, published int
	if _, err := fmt.Sscanf(out, "ingested: %d seen, %d published", &seen, &published); err != nil || published == 0 || published >= 400 {
		t.Fatalf("ingest --recheck: %q, want the lost articles published again", out)
	}
	if n := storeCounts(t, data)["ARTICLES"]; n != 400 {
		t.Fatalf("the stream holds %d articles after the recheck, want 400", n)
	}
}

// TestTheStoreWritesAnArticleToDiskBeforeItIsAcknowledged: diplograph's
// own store syncs every write, so that no article acknowledged (and then
// marked seen) is lost by a crash of the machine.
func TestTheStoreWritesAnArticleToDiskBeforeItIsAcknowledged(t *testing.T) {
	clearSettings(t)
	s := settings{dataDir: filepath.Join(t.TempDir(), "data"), replicas: 1}
	b, err := s.openBus(context.Background(), quietLog(), "test")
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if cfg := b.srv.JetStreamConfig(); cfg == nil || !cfg.SyncAlways {
		t.Fatalf("JetStream of the embedded store: %+v, want SyncAlways", cfg)
	}
}

package fetcher

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/schemas"
)

// openStore starts an embedded server on store, as diplograph's commands
// do, and returns a publisher on it and a function that stops it.
func openStore(t *testing.T, store string) (*JSPublisher, jetstream.JetStream, func()) {
	t.Helper()
	s, err := natsx.StartEmbedded(natsx.EmbeddedConfig{Port: -1, StoreDir: store, Sync: true})
	if err != nil {
		t.Fatal(err)
	}
	nc, js, err := natsx.Open(context.Background(), natsx.Config{URL: s.ClientURL()}, natsx.Topology{}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		s.Shutdown()
		t.Fatal(err)
	}
	pub, err := NewJetStreamPublisher(js)
	if err != nil {
		t.Fatal(err)
	}
	return pub, js, func() { nc.Close(); s.Shutdown(); s.WaitForShutdown() }
}

// truncateStream cuts the newest block file of a stream of a stopped
// store to a fraction of its size, as a crash of the machine can, and
// drops the stream's index so that the server reads the blocks again.
func truncateStream(t *testing.T, store, stream string, keep float64) {
	t.Helper()
	dir := filepath.Join(store, "jetstream", "$G", "streams", stream)
	blocks, _ := filepath.Glob(filepath.Join(dir, "msgs", "*.blk"))
	if len(blocks) == 0 {
		t.Fatalf("no block files under %s", dir)
	}
	sort.Slice(blocks, func(i, j int) bool {
		var a, b int
		fmt.Sscanf(filepath.Base(blocks[i]), "%d.blk", &a)
		fmt.Sscanf(filepath.Base(blocks[j]), "%d.blk", &b)
		return a < b
	})
	last := blocks[len(blocks)-1]
	fi, err := os.Stat(last)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(last, int64(float64(fi.Size())*keep)); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{filepath.Join(dir, "msgs", "index.db")} {
		_ = os.Remove(f)
	}
	idx, _ := filepath.Glob(filepath.Join(dir, "msgs", "*.idx"))
	for _, f := range idx {
		_ = os.Remove(f)
	}
}

// TestATruncatedStoreIsReportedAndRecheckRepublishesWhatItLacks publishes
// 1,000 articles, truncates the ARTICLES stream as a crash would, and
// starts again: the check at start-up finds articles marked seen that the
// stream lacks; a plain ingest publishes nothing (they are seen), and an
// ingest with Recheck publishes exactly those again.
func TestATruncatedStoreIsReportedAndRecheckRepublishesWhatItLacks(t *testing.T) {
	const n = 1000
	in := t.TempDir()
	for i := range n {
		body := fmt.Sprintf("<!--1700000000000-->\n[Item %d](https://example.org/truncated/%d)\n------\n\n<p>Statement %d: the ministers agreed to meet again next year.</p>\n", i, i, i)
		if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("a%04d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	store := t.TempDir()
	ctx := context.Background()
	pub, _, stop := openStore(t, store)
	if s, err := Ingest(ctx, pub, []string{in}, IngestOptions{}); err != nil || s.Published != n {
		t.Fatalf("first ingest: %+v, %v", s, err)
	}
	stop()
	truncateStream(t, store, schemas.StreamArticles, 0.15)

	pub, js, stop := openStore(t, store)
	defer stop()
	st, err := js.Stream(ctx, schemas.StreamArticles)
	if err != nil {
		t.Fatal(err)
	}
	left := int(st.CachedInfo().State.Msgs)
	if left >= n {
		t.Fatalf("the truncation lost nothing (%d articles left)", left)
	}
	check, err := CheckSeen(ctx, js, 256)
	if err != nil {
		t.Fatal(err)
	}
	if check.Missing == 0 {
		t.Fatalf("the check at start-up found nothing missing (%+v) with %d of %d articles left", check, left, n)
	}
	if s, err := Ingest(ctx, pub, []string{in}, IngestOptions{}); err != nil || s.Published != 0 {
		t.Fatalf("a plain ingest: %+v, %v; want nothing published (every item is seen)", s, err)
	}
	pub.Recheck = true
	s, err := Ingest(ctx, pub, []string{in}, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Published != n-left || s.Failed != 0 {
		t.Fatalf("ingest with recheck: %+v, want the %d lost articles published again", s, n-left)
	}
	st, _ = js.Stream(ctx, schemas.StreamArticles)
	if got := int(st.CachedInfo().State.Msgs); got != n {
		t.Fatalf("the stream holds %d articles after the recheck, want %d", got, n)
	}
	if check, _ := CheckSeen(ctx, js, 256); check.Missing != 0 {
		t.Fatalf("after the recheck: %+v", check)
	}
	t.Logf("%d of %d articles survived the truncation; the start-up check found %d of its last %d seen records missing; the recheck published %d", left, n, check.Missing, check.Checked, s.Published)
}

package linker_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker"
)

// publishAs publishes extractions under message ids of their own (a new
// rules version yields new extractions, which JetStream must not take for
// duplicates of the old).
func publishAs(t *testing.T, js jetstream.JetStream, xs []schemas.Extraction, tag string) {
	t.Helper()
	var evs []natsx.Event
	for _, x := range xs {
		evs = append(evs, natsx.Event{Subject: schemas.ExtractionSubject(x.Lang), ID: "ext-" + x.ArticleID + "-" + tag,
			Type: schemas.ExtractionV1, Source: "extractor", Body: x})
	}
	if _, err := natsx.PublishAll(context.Background(), js, evs); err != nil {
		t.Fatal(err)
	}
}

// retractions returns the retraction events on CLAIMS, by subject and
// claim, each checked against its schema.
func retractions(t *testing.T, js jetstream.JetStream) map[string]int {
	t.Helper()
	ctx := context.Background()
	v, err := schemas.NewValidator(schemas.ClaimRetractedV1)
	if err != nil {
		t.Fatal(err)
	}
	c, err := js.OrderedConsumer(ctx, schemas.StreamClaims, jetstream.OrderedConsumerConfig{})
	if err != nil {
		t.Fatal(err)
	}
	batch, err := c.FetchNoWait(10000)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for m := range batch.Messages() {
		if m.Headers().Get(natsx.HeaderType) != schemas.ClaimRetractedV1 {
			continue
		}
		var e schemas.ClaimRetraction
		if err := json.Unmarshal(m.Data(), &e); err != nil {
			t.Fatal(err)
		}
		if err := v.Validate(e); err != nil {
			t.Errorf("retraction on %s: %v", m.Subject(), err)
		}
		if m.Subject() != schemas.ClaimSubject(e.Predicate, e.Actor) {
			t.Errorf("retraction of %s for %s on %s, not on its claim's subject", e.ID, e.Actor, m.Subject())
		}
		out[m.Subject()+" "+e.ID]++
	}
	return out
}

func TestALinkerKilledWhileReExtractionsRetractClaimsPublishesEachRetractionOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	sc := newScope()
	g := openGraph(t, sc, linker.WithGazetteer(roster{sc}))
	ctx := context.Background()
	xs := sc.cookbook()
	b := reread(sc, xs)
	gone := schemas.ClaimSubject("oppose", "JPN") + " " + linker.ClaimID([]string{"JPN"}, "oppose", ptr(sc.cn), ptr(sc.topic("status-quo-change")), "2024-09-20")

	// The graph a clean run of the new extractions gives.
	if _, err := g.Write(ctx, b); err != nil {
		t.Fatal(err)
	}
	want := dump(t, g, sc)
	if err := cleanup(ctx, g, sc); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		point string
		nth   int
	}{
		{"written", 3},   // the batch that retracts is open: it must roll back
		{"committed", 3}, // it is committed, its retraction filed but not published
	} {
		t.Run("killed when "+tc.point, func(t *testing.T) {
			t.Cleanup(func() { _ = cleanup(ctx, g, sc) })
			bus := startBus(t)
			publishExtractions(t, bus.js, xs)
			stop := startService(t, &linker.Service{Graph: g, JS: bus.js, Log: quiet(), Batch: 2})
			eventually(t, 30*time.Second, "first reading linked", func() bool { return drained(t, bus.js) })
			stop()

			shortAckWait(t, bus.js)
			publishAs(t, bus.js, b, "r-test-2")
			marker := filepath.Join(t.TempDir(), "hanging")
			child := exec.Command(os.Args[0], "-test.run=^$")
			child.Env = append(os.Environ(), envCrashAt+"="+tc.point, envCrashNth+"="+strconv.Itoa(tc.nth),
				envMarker+"="+marker, envNATS+"="+bus.srv.ClientURL(), envScope+"="+sc.run+" "+sc.cn)
			child.Stderr = os.Stderr
			if err := child.Start(); err != nil {
				t.Fatal(err)
			}
			eventually(t, 30*time.Second, "child reached "+tc.point, func() bool { _, err := os.Stat(marker); return err == nil })
			_ = child.Process.Kill()
			_ = child.Wait()
			if n := retractions(t, bus.js)[gone]; n != 0 {
				t.Fatalf("%d retractions published before the kill; the test kills too late", n)
			}

			stop = startService(t, &linker.Service{Graph: g, JS: bus.js, Log: quiet(), Batch: 2})
			eventually(t, 30*time.Second, "restarted linker drained", func() bool { return drained(t, bus.js) })
			eventually(t, 10*time.Second, "the retraction published", func() bool { return retractions(t, bus.js)[gone] > 0 })
			stop()
			got := retractions(t, bus.js)
			if len(got) != 1 || got[gone] != 1 {
				t.Errorf("retraction events %v; want exactly one, for %s", got, gone)
			}
			if d := dump(t, g, sc); d != want {
				t.Errorf("graph after kill and restart differs from a clean run of the new extractions:\n%s", lineDiff(want, d))
			}
			row := queryOne(t, g, `MATCH (r:Retraction) WHERE r.article STARTS WITH $run RETURN count(r)`, map[string]any{"run": sc.run})
			if row[0] != int64(0) {
				t.Errorf("%v retractions left in the outbox", row[0])
			}
		})
	}
}

package linker_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/platform/natsx/natstest"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker"
)

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

type bus struct {
	srv *server.Server
	nc  *nats.Conn
	js  jetstream.JetStream
}

// startBus runs a real in-process NATS server with JetStream on a
// temporary file store and declares the topology.
func startBus(t *testing.T) bus {
	t.Helper()
	b := natstest.Start(t)
	return bus{srv: b.Server, nc: b.Conn, js: b.JS}
}

// publishExtractions publishes extractions as the extractor does.
func publishExtractions(t *testing.T, js jetstream.JetStream, xs []schemas.Extraction) {
	t.Helper()
	var evs []natsx.Event
	for _, x := range xs {
		evs = append(evs, natsx.Event{Subject: schemas.ExtractionSubject(x.Lang), ID: "ext-" + x.ArticleID,
			Type: schemas.ExtractionV1, Source: "extractor", Body: x})
	}
	if _, err := natsx.PublishAll(context.Background(), js, evs); err != nil {
		t.Fatal(err)
	}
}

// startService runs the linker until the test ends and returns a stop function.
func startService(t *testing.T, svc *linker.Service) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- svc.Run(ctx) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Run: %v", err)
				}
			case <-time.After(30 * time.Second):
				t.Errorf("Run did not return 30 s after cancel")
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

// eventually polls cond every 50 ms until it holds or d passes.
func eventually(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("after %v: %s", d, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// drained reports whether the linker consumer has settled every message
// of the stream. The consumer's pending count lags a publish by a moment,
// so its ack floor is compared with the stream's last sequence too.
func drained(t *testing.T, js jetstream.JetStream) bool {
	t.Helper()
	ctx := context.Background()
	st, err := js.Stream(ctx, schemas.StreamExtractions)
	if err != nil {
		return false
	}
	sinfo, err := st.Info(ctx)
	if err != nil {
		return false
	}
	c, err := js.Consumer(ctx, schemas.StreamExtractions, natsx.ConsumerLinker)
	if err != nil {
		return false
	}
	info, err := c.Info(ctx)
	return err == nil && info.NumPending == 0 && info.NumAckPending == 0 && info.AckFloor.Stream >= sinfo.State.LastSeq
}

func streamMsgs(t *testing.T, js jetstream.JetStream, stream string) uint64 {
	t.Helper()
	s, err := js.Stream(context.Background(), stream)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return info.State.Msgs
}

// replay makes the linker consumer start again from the first extraction.
func replay(t *testing.T, js jetstream.JetStream) {
	t.Helper()
	ctx := context.Background()
	if err := js.DeleteConsumer(ctx, schemas.StreamExtractions, natsx.ConsumerLinker); err != nil {
		t.Fatal(err)
	}
	if err := (natsx.Topology{}).Ensure(ctx, js); err != nil {
		t.Fatal(err)
	}
}

func TestServiceLinksAStreamAndReplaysItWithoutChange(t *testing.T) {
	sc := newScope()
	g := openGraph(t, sc)
	b := startBus(t)
	ctx := context.Background()

	// A subscriber to every claim event of GBR, whatever the predicate.
	sub, err := b.js.OrderedConsumer(ctx, schemas.StreamClaims, jetstream.OrderedConsumerConfig{FilterSubjects: []string{"diplo.claims.*.GBR"}})
	if err != nil {
		t.Fatal(err)
	}

	xs := sc.corpus()
	publishExtractions(t, b.js, xs[:1])
	// A malformed message between good ones is dead-lettered and blocks nothing.
	if _, err := b.js.Publish(ctx, schemas.ExtractionSubject("en"), []byte(`{"schema":"diplograph.extraction.v1","doc":`)); err != nil {
		t.Fatal(err)
	}
	publishExtractions(t, b.js, xs[1:])

	svc := &linker.Service{Graph: g, JS: b.js, Log: quiet(), Batch: 2}
	stop := startService(t, svc)
	eventually(t, 20*time.Second, "linker drained the stream", func() bool { return drained(t, b.js) })
	eventually(t, 5*time.Second, "linker ready", func() bool { return svc.Ready(ctx) == nil })

	if n := streamMsgs(t, b.js, schemas.StreamDLQ); n != 1 {
		t.Errorf("DLQ holds %d messages, want 1 (the malformed one)", n)
	}
	coercion := sc.topic("economic-coercion")
	id := linker.ClaimID([]string{"GBR", "JPN"}, "oppose", nil, &coercion, "2023-11-08")
	row := queryOne(t, g, `MATCH (c:Claim {id: $id})-[e:EVIDENCED_BY]->(:Article) RETURN count(e), c.corroboration`, map[string]any{"id": id})
	if row[0] != int64(2) || row[1] != int64(2) {
		t.Errorf("zh+en claim: %v evidence edges, corroboration %v; want 2, 2", row[0], row[1])
	}

	// The GBR subscriber gets the GBR events and nothing else.
	var got []string
	for _, e := range fetchEvents(t, sub, 100) {
		if e.Actor != "GBR" || e.subject != schemas.ClaimSubject(e.Predicate, "GBR") {
			t.Errorf("GBR subscriber got %s for actor %s", e.subject, e.Actor)
		}
		got = append(got, e.Predicate+"/"+e.ID)
	}
	sort.Strings(got)
	indo, csg := sc.place("indo-pacific"), sc.topic("carrier-strike-group-deployment")
	commitID := linker.ClaimID([]string{"GBR"}, "commit", &indo, &csg, "2023-11-08")
	// Oppose arrives twice (corroboration 1, then 2) unless both reports
	// landed in one batch; commit likewise.
	want := map[string]bool{"commit/" + commitID: true, "oppose/" + id: true}
	for _, s := range got {
		if !want[s] {
			t.Errorf("unexpected GBR event %s", s)
		}
	}
	if len(got) < 2 {
		t.Errorf("GBR events %v: want the oppose and the commit claim", got)
	}
	claims := streamMsgs(t, b.js, schemas.StreamClaims)

	// Replaying the whole stream changes neither the graph nor the events.
	before := dump(t, g, sc)
	replay(t, b.js)
	eventually(t, 20*time.Second, "linker drained the replayed stream", func() bool { return drained(t, b.js) })
	if after := dump(t, g, sc); after != before {
		t.Errorf("graph changed on replay:\n--- before\n%s\n--- after\n%s", before, after)
	}
	if n := streamMsgs(t, b.js, schemas.StreamClaims); n != claims {
		t.Errorf("replay published %d new claim events, want 0", n-claims)
	}
	stop()
	if err := svc.Ready(ctx); err == nil {
		t.Error("Ready of a service that stopped: nil error")
	}
	var dl schemas.DeadLetter
	s, _ := b.js.Stream(ctx, schemas.StreamDLQ)
	m, err := s.GetMsg(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(m.Data, &dl); err != nil || dl.Reason != "malformed" || dl.Service != "linker" {
		t.Errorf("dead letter: %+v (%v), want reason malformed from linker", dl, err)
	}
}

package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/natsx/natstest"
	"github.com/diplograph/diplograph/schemas"
)

func TestRunOnceWaitsForSubscribersAndNamesThoseBehind(t *testing.T) {
	bus := natstest.Start(t)
	ctx := context.Background()
	cons, err := bus.JS.CreateOrUpdateConsumer(ctx, schemas.StreamClaims, jetstream.ConsumerConfig{Durable: "slow-app", AckPolicy: jetstream.AckExplicitPolicy})
	if err != nil {
		t.Fatal(err)
	}
	publishClaim(t, bus, "claim:00000000000000000000000000000001", "oppose", "JPN", "topic:economic-coercion", "One.")
	publishClaim(t, bus, "claim:00000000000000000000000000000002", "oppose", "FRA", "topic:economic-coercion", "Two.")

	var out bytes.Buffer
	start := time.Now()
	if err := waitSubscribers(ctx, bus.JS, 300*time.Millisecond, &out); err != nil {
		t.Fatal(err)
	}
	if time.Since(start) < 300*time.Millisecond {
		t.Errorf("gave up after %s, before the linger of 300ms", time.Since(start))
	}
	if !strings.Contains(out.String(), "subscriber slow-app has 2 claim events left to read") {
		t.Fatalf("the subscriber behind is not named:\n%s", out.String())
	}

	batch, err := cons.Fetch(2, jetstream.FetchMaxWait(5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	for m := range batch.Messages() {
		if err := m.DoubleAck(ctx); err != nil {
			t.Fatal(err)
		}
	}
	out.Reset()
	start = time.Now()
	if err := waitSubscribers(ctx, bus.JS, 10*time.Second, &out); err != nil {
		t.Fatal(err)
	}
	if time.Since(start) > 5*time.Second || out.Len() > 0 {
		t.Fatalf("a subscriber that has read everything held the run for %s: %q", time.Since(start), out.String())
	}
}

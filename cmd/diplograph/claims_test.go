package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/platform/natsx/natstest"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func publishClaim(t *testing.T, bus natstest.Bus, id, predicate, actor, topic, text string) {
	t.Helper()
	ev := schemas.ClaimEvent{
		Schema: schemas.ClaimV1, ID: id, Predicate: predicate, Actor: actor, Actors: []string{actor},
		Speakers: []string{}, Topic: &topic, Date: "2024-05-01", Confidence: 0.9, Corroboration: 1,
		Evidence: []schemas.Evidence{{ArticleID: "a1", Text: text, Start: 0, End: len(text), Rule: "test.rule"}},
	}
	_, err := natsx.Publish(context.Background(), bus.JS, natsx.Event{
		Subject: schemas.ClaimSubject(predicate, actor), ID: linker.EventID(ev), Type: schemas.ClaimV1, Source: "test", Body: ev,
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestClaimsPrintsTheStoredEventsThatMatchItsFilters(t *testing.T) {
	bus := natstest.Start(t)
	publishClaim(t, bus, "claim:00000000000000000000000000000001", "oppose", "JPN", "topic:economic-coercion", "Japan opposes coercion.")
	publishClaim(t, bus, "claim:00000000000000000000000000000002", "support", "JPN", "topic:free-trade", "Japan supports free trade.")
	publishClaim(t, bus, "claim:00000000000000000000000000000003", "oppose", "FRA", "topic:economic-coercion", "France opposes coercion.")
	cases := []struct {
		name  string
		args  []string
		wants []string
	}{
		{"without filters, every event", nil, []string{"000001", "000002", "000003"}},
		{"by predicate", []string{"--predicate", "oppose"}, []string{"000001", "000003"}},
		{"by actor", []string{"--actor", "JPN"}, []string{"000001", "000002"}},
		{"by both", []string{"--predicate", "oppose", "--actor", "FRA"}, []string{"000003"}},
		{"by an actor with no claims", []string{"--actor", "GBR"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			if err := dispatch(ctx, append([]string{"claims", "--nats-url", bus.URL()}, tc.args...), &out, &errb); err != nil {
				t.Fatalf("claims: %v\n%s", err, errb.String())
			}
			lines := strings.Split(strings.TrimSpace(out.String()), "\n")
			if out.Len() == 0 {
				lines = nil
			}
			if len(lines) != len(tc.wants) {
				t.Fatalf("%d lines, want %d:\n%s", len(lines), len(tc.wants), out.String())
			}
			for i, w := range tc.wants {
				if !strings.HasSuffix(lines[i], w) {
					t.Errorf("line %d = %q, want the claim ending %s", i, lines[i], w)
				}
			}
		})
	}
	var out, errb bytes.Buffer
	if err := dispatch(context.Background(), []string{"claims", "--nats-url", bus.URL(), "--actor", "FRA"}, &out, &errb); err != nil {
		t.Fatal(err)
	}
	want := `2024-05-01  FRA oppose topic:economic-coercion  (1 report)  "France opposes coercion."  claim:00000000000000000000000000000003` + "\n"
	if out.String() != want {
		t.Fatalf("line:\n%q\nwant\n%q", out.String(), want)
	}
}

func TestClaimsFollowPrintsEventsAsTheyCome(t *testing.T) {
	bus := natstest.Start(t)
	publishClaim(t, bus, "claim:00000000000000000000000000000001", "oppose", "JPN", "topic:economic-coercion", "Old news.")
	var out, errb syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- dispatch(ctx, []string{"claims", "--follow", "--predicate", "condemn", "--json", "--nats-url", bus.URL()}, &out, &errb)
	}()
	// The follower prints only what comes after it starts: publish until
	// it has printed the new event, which also waits for it to subscribe.
	// (Each try is a new claim: JetStream drops a repeated id.)
	deadline := time.Now().Add(20 * time.Second)
	for i := 0; !strings.Contains(out.String(), "The UK condemns"); i++ {
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("the new event was not printed; output %q, errors %q", out.String(), errb.String())
		}
		publishClaim(t, bus, fmt.Sprintf("claim:%032x", 2*i+100), "condemn", "GBR", "topic:terrorism", "The UK condemns the attack.")
		publishClaim(t, bus, fmt.Sprintf("claim:%032x", 2*i+101), "support", "GBR", "topic:free-trade", "Filtered out.")
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("claims --follow: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("claims --follow did not stop when cancelled")
	}
	got := out.String()
	if strings.Contains(got, "Old news") || strings.Contains(got, "Filtered out") {
		t.Fatalf("printed an old or filtered event:\n%s", got)
	}
	if !strings.HasPrefix(got, `{"schema":"diplograph.claim.v1"`) {
		t.Fatalf("--json does not print the event as published:\n%s", got)
	}
}

func TestClaimsRefusesAnUnknownPredicate(t *testing.T) {
	var out, errb bytes.Buffer
	err := dispatch(context.Background(), []string{"claims", "--predicate", "like", "--nats-url", "nats://127.0.0.1:1"}, &out, &errb)
	if err == nil || !strings.Contains(err.Error(), "--predicate") {
		t.Fatalf("err = %v, want one naming --predicate", err)
	}
}

package dashboard_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/platform/natsx/natstest"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/dashboard"
)

func publishEvent(t *testing.T, bus natstest.Bus, n int, predicate, actor string) {
	t.Helper()
	topic := "topic:live-test"
	ev := schemas.ClaimEvent{Schema: schemas.ClaimV1, ID: fmt.Sprintf("claim:%032x", n), Predicate: predicate, Actor: actor,
		Actors: []string{actor}, Speakers: []string{}, Topic: &topic, Date: "2024-05-01", Confidence: 0.9, Corroboration: 1,
		Evidence: []schemas.Evidence{{ArticleID: "a", Text: fmt.Sprintf("event %d", n), End: 7, Rule: "r"}}}
	if _, err := natsx.Publish(context.Background(), bus.JS, natsx.Event{Subject: schemas.ClaimSubject(predicate, actor),
		ID: fmt.Sprintf("%s.%s.1", ev.ID, actor), Type: schemas.ClaimV1, Source: "test", Body: ev}); err != nil {
		t.Fatal(err)
	}
}

// sse reads a stream of server-sent events.
type sse struct {
	resp *http.Response
	sc   *bufio.Scanner
}

func openSSE(t *testing.T, url, lastID string) *sse {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	return &sse{resp: resp, sc: bufio.NewScanner(resp.Body)}
}

// next returns the next event's type, id and data.
func (s *sse) next(t *testing.T) (event, id, data string) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for s.sc.Scan() {
			line := s.sc.Text()
			switch {
			case line == "" && event != "":
				return
			case strings.HasPrefix(line, "event: "):
				event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "id: "):
				id = strings.TrimPrefix(line, "id: ")
			case strings.HasPrefix(line, "data: "):
				data = strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		t.Fatal("no event within 15 s")
	}
	if event == "" {
		t.Fatalf("the stream ended: %v", s.sc.Err())
	}
	return event, id, data
}

func TestTheLiveFeedPassesClaimEventsOnAndResumes(t *testing.T) {
	bus := natstest.Start(t)
	publishEvent(t, bus, 1, "oppose", "JPN") // before the page: held for it
	hub := dashboard.NewHub(quiet())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go hub.Follow(ctx, dashboard.Using(bus.JS))
	srv := &dashboard.Server{Hub: hub, Log: quiet()}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close) // after the streams' bodies are closed: Close waits for them

	s := openSSE(t, ts.URL+"/api/live?actor=JPN", "")
	ev, _, data := s.next(t)
	for ev == "status" && !strings.Contains(data, dashboard.LiveOn) {
		ev, _, data = s.next(t)
	}
	if ev == "status" {
		ev, _, data = s.next(t)
	}
	if ev != "claim" || !strings.Contains(data, "event 1") {
		t.Fatalf("the held event: %s %s", ev, data)
	}
	publishEvent(t, bus, 2, "support", "FRA") // filtered out
	publishEvent(t, bus, 3, "condemn", "JPN")
	ev, id, data := s.next(t)
	var got dashboard.LiveEvent
	if err := json.Unmarshal([]byte(data), &got); err != nil {
		t.Fatal(err)
	}
	if ev != "claim" || got.Actor != "JPN" || got.Predicate != "condemn" || got.Type != schemas.ClaimV1 || id != fmt.Sprint(got.Seq) {
		t.Fatalf("the new event: %s id %s %+v", ev, id, got)
	}

	// A page that reconnects after event 1 gets 3, and neither 1 nor 2.
	r := openSSE(t, ts.URL+"/api/live?actor=JPN", "1")
	for {
		ev, _, data = r.next(t)
		if ev == "claim" {
			break
		}
	}
	if !strings.Contains(data, "event 3") {
		t.Fatalf("resumed with %s", data)
	}
}

func TestTheLiveFeedSaysWhenNATSIsAway(t *testing.T) {
	hub := dashboard.NewHub(quiet())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go hub.Follow(ctx, dashboard.Dial(natsx.Config{URL: "nats://127.0.0.1:1"}, quiet()))
	srv := &dashboard.Server{Hub: hub, Log: quiet()}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close) // after the streams' bodies are closed: Close waits for them
	s := openSSE(t, ts.URL+"/api/live", "")
	for {
		ev, _, data := s.next(t)
		if ev == "status" && strings.Contains(data, dashboard.LiveOff) {
			return
		}
	}
}

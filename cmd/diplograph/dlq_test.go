package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/schemas"
)

// cmd runs one diplograph command and returns its output.
func cmd(t *testing.T, ctx context.Context, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := dispatch(ctx, args, &out, &errb)
	return out.String(), errb.String(), err
}

// storeCounts opens a stopped command's embedded store and counts the
// messages of each stream.
func storeCounts(t *testing.T, data string) map[string]uint64 {
	t.Helper()
	s, err := natsx.StartEmbedded(natsx.EmbeddedConfig{Port: -1, StoreDir: filepath.Join(data, "nats")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Shutdown()
	ctx := context.Background()
	nc, js, err := natsx.Connect(ctx, natsx.Config{URL: s.ClientURL()}, quietLog())
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	out := map[string]uint64{}
	for _, name := range []string{schemas.StreamArticles, schemas.StreamDLQ} {
		st, err := js.Stream(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = st.CachedInfo().State.Msgs
	}
	return out
}

func TestBenchAndDLQHelpSucceed(t *testing.T) {
	for _, args := range [][]string{{"bench", "--help"}, {"dlq", "--help"}, {"bench", "-h"}, {"dlq", "help"}} {
		out, errb, err := cmd(t, context.Background(), args...)
		if err != nil && !errors.Is(err, flag.ErrHelp) {
			t.Errorf("%v: %v", args, err)
		}
		if !strings.Contains(out, "Usage: diplograph "+args[0]) {
			t.Errorf("%v printed no usage on stdout: %q %q", args, out, errb)
		}
	}
}

func TestDLQShowOfSomethingThatIsNoSequenceNumberSaysSo(t *testing.T) {
	clearSettings(t)
	data := filepath.Join(t.TempDir(), "data")
	for _, verb := range []string{"show", "replay"} {
		_, _, err := cmd(t, context.Background(), "dlq", verb, "--data", data, "--log-level", "error", "abc")
		if err == nil || !strings.Contains(err.Error(), `"abc" is not a sequence number`) || strings.Contains(err.Error(), "strconv") {
			t.Errorf("dlq %s abc: %v", verb, err)
		}
	}
}

// TestDLQReplayPublishesAFetcherLetterOnceItsCauseIsFixed dead-letters a
// file that is empty and a page that answers 404, fixes both, and replays
// their letters: each is then published once, and its letter deleted.
func TestDLQReplayPublishesAFetcherLetterOnceItsCauseIsFixed(t *testing.T) {
	clearSettings(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	file := filepath.Join(dir, "statement.txt")
	if err := os.WriteFile(file, []byte("   \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var up atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/page" || !up.Load() {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte("<html><head><title>Readout</title></head><body><article><p>The two ministers agreed to deepen their cooperation on maritime security and to meet again next year.</p><p>They condemned the attacks on shipping in the Red Sea.</p></article></body></html>"))
	}))
	defer srv.Close()
	ctx := context.Background()
	base := []string{"--data", data, "--log-level", "error"}
	if _, errb, err := cmd(t, ctx, append(append([]string{"ingest"}, base...), "--allow", "127.0.0.1", file, srv.URL+"/page")...); err == nil {
		t.Fatalf("ingest of an empty file and a missing page succeeded:\n%s", errb)
	}
	if n := storeCounts(t, data); n[schemas.StreamDLQ] != 2 || n[schemas.StreamArticles] != 0 {
		t.Fatalf("after the failed ingest: %v, want 2 dead letters and no article", n)
	}
	if err := os.WriteFile(file, []byte("Japan and France agreed to deepen their cooperation.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	up.Store(true)
	out, errb, err := cmd(t, ctx, append(append([]string{"dlq", "replay"}, base...), "--allow", "127.0.0.1", "all")...)
	if err != nil {
		t.Fatalf("dlq replay all: %v\n%s", err, errb)
	}
	if !strings.Contains(out, "2 replayed") {
		t.Errorf("dlq replay all printed %q", out)
	}
	if n := storeCounts(t, data); n[schemas.StreamDLQ] != 0 || n[schemas.StreamArticles] != 2 {
		t.Fatalf("after the replay: %v, want no dead letter and 2 articles", n)
	}
}

// TestAnInterruptedIngestSaysSoAndWritesNoDeadLetter interrupts an ingest
// while it waits for a page: it reports the interruption, not "context
// canceled", and records nothing on the dead-letter stream.
func TestAnInterruptedIngestSaysSoAndWritesNoDeadLetter(t *testing.T) {
	clearSettings(t)
	data := filepath.Join(t.TempDir(), "data")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	asked := make(chan struct{}, 1)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/slow" {
			http.NotFound(w, r)
			return
		}
		select {
		case asked <- struct{}{}:
		default:
		}
		<-release
	}))
	defer srv.Close()
	defer close(release)
	go func() {
		select {
		case <-asked:
			cancel() // Ctrl-C
		case <-time.After(30 * time.Second):
		}
	}()
	_, errb, err := cmd(t, ctx, "ingest", "--data", data, "--log-level", "error", "--allow", "127.0.0.1", srv.URL+"/slow")
	if !errors.Is(err, errInterrupted) {
		t.Fatalf("err = %v, want errInterrupted\n%s", err, errb)
	}
	if strings.Contains(errb, "context canceled") || strings.Contains(err.Error(), "context canceled") {
		t.Errorf("the interruption is reported as a failure: %v\n%s", err, errb)
	}
	if n := storeCounts(t, data); n[schemas.StreamDLQ] != 0 {
		t.Fatalf("%d dead letters written for an interruption", n[schemas.StreamDLQ])
	}
}

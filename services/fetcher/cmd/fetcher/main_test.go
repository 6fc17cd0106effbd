package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/schemas"
)

func TestParseNamesTheBadSetting(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"neither sources nor inputs", []string{"--nats-url", "nats://127.0.0.1:4222"}, "FETCHER_SOURCES"},
		{"a NATS URL of the wrong scheme", []string{"--nats-url", "http://x:1", "a.txt"}, "NATS_URL"},
		{"no workers", []string{"--workers", "0", "a.txt"}, "FETCHER_WORKERS"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parse(tc.args, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err %v, want one naming %s", err, tc.want)
			}
		})
	}
	env := []struct {
		name, key, val string
	}{
		{"replicas that are no number", "NATS_REPLICAS", "three"},
		{"replicas JetStream cannot keep", "NATS_REPLICAS", "7"},
		{"an unknown log level", "LOG_LEVEL", "verbose"},
		{"allow-private that is no boolean", "FETCHER_ALLOW_PRIVATE", "yes please"},
		{"an allow-list entry that is neither address nor host", "FETCHER_ALLOW", "10.0.0.0/99"},
		{"a health address without a port", "HEALTH_ADDR", "localhost"},
		{"a timeout that is no duration", "FETCHER_TIMEOUT", "soon"},
	}
	for _, tc := range env {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(tc.key, tc.val)
			_, err := parse([]string{"--nats-url", "nats://127.0.0.1:4222", "a.txt"}, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tc.key) || strings.Contains(err.Error(), "\n") {
				t.Errorf("%s=%q: err %v, want one line naming %s", tc.key, tc.val, err, tc.key)
			}
		})
	}
	c, err := parse([]string{"--allow", "127.0.0.1/32, intranet.example", "x"}, io.Discard)
	if err != nil || len(c.HTTP.Allow) != 2 || c.HTTP.Allow[1] != "intranet.example" {
		t.Errorf("allow list %v, err %v", c.HTTP.Allow, err)
	}
}

func TestRunIngestsItsArgumentsAndDeadLettersFailures(t *testing.T) {
	s, err := natsx.StartEmbedded(natsx.EmbeddedConfig{Port: -1, StoreDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Shutdown()
	dir := t.TempDir()
	for name, body := range map[string]string{"a.txt": "First statement.", "b.html": "<p>Second statement.</p>", "empty.txt": " "} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := parse([]string{"--nats-url", s.ClientURL(), "--health", "", "--progress=false", dir}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := run(ctx, cfg, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	nc, js, err := natsx.Connect(ctx, natsx.Config{URL: s.ClientURL()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	for stream, want := range map[string]uint64{schemas.StreamArticles: 2, schemas.StreamDLQ: 1} {
		st, err := js.Stream(ctx, stream)
		if err != nil {
			t.Fatal(err)
		}
		if got := st.CachedInfo().State.Msgs; got != want {
			t.Errorf("%s holds %d messages, want %d", stream, got, want)
		}
	}
	st, err := js.Stream(ctx, schemas.StreamDLQ)
	if err != nil {
		t.Fatal(err)
	}
	m, err := st.GetLastMsgForSubject(ctx, schemas.DLQSubject("fetcher"))
	if err != nil {
		t.Fatal(err)
	}
	dl, err := natsx.DecodeDeadLetter(m.Data)
	if err != nil || dl.Reason != "empty" || !strings.HasSuffix(dl.Subject, "empty.txt") {
		t.Errorf("dead letter %+v, err %v", dl, err)
	}
}

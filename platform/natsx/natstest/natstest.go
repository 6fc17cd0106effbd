// Package natstest starts a real NATS server with JetStream in-process for
// tests, on a random port and a temporary file store, with the pipeline's
// topology declared. Every module's tests use it, so that they all talk to
// the same real server the services run against.
package natstest

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/natsx"
)

// Bus is a running server and a client connected to it.
type Bus struct {
	Server *server.Server
	Conn   *nats.Conn
	JS     jetstream.JetStream
}

// URL is the server's client URL.
func (b Bus) URL() string { return b.Server.ClientURL() }

// Start starts the server, connects and declares the topology; everything
// is shut down when the test ends.
func Start(t testing.TB) Bus {
	t.Helper()
	s, err := natsx.StartEmbedded(natsx.EmbeddedConfig{Port: -1, StoreDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Shutdown)
	ctx := context.Background()
	nc, js, err := natsx.Open(ctx, natsx.Config{URL: s.ClientURL()}, natsx.Topology{}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return Bus{Server: s, Conn: nc, JS: js}
}

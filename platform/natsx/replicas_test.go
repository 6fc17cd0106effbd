package natsx_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/schemas"
)

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// startCluster starts a 3-node JetStream cluster in-process on loopback and
// returns the client URLs.
func startCluster(t *testing.T) []string {
	t.Helper()
	var routes, urls []string
	clientPorts := []int{freePort(t), freePort(t), freePort(t)}
	routePorts := []int{freePort(t), freePort(t), freePort(t)}
	for i := range 3 {
		routes = append(routes, fmt.Sprintf("nats://127.0.0.1:%d", routePorts[i]))
		urls = append(urls, fmt.Sprintf("nats://127.0.0.1:%d", clientPorts[i]))
	}
	for i := range 3 {
		s, err := natsx.StartEmbedded(natsx.EmbeddedConfig{Name: fmt.Sprintf("n%d", i+1), Port: clientPorts[i], StoreDir: t.TempDir(),
			ClusterName: "replicas", ClusterPort: routePorts[i], Routes: routes})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(s.Shutdown)
	}
	return urls
}

// syncBuffer is a log sink that tests read while the code writes.
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

// replicasOf lists the replicas of every stream, bucket and consumer of
// the topology, by name.
func replicasOf(t *testing.T, ctx context.Context, js jetstream.JetStream) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, name := range []string{schemas.StreamArticles, schemas.StreamExtractions, schemas.StreamClaims, schemas.StreamDLQ, "KV_" + natsx.BucketSeen} {
		st, err := js.Stream(ctx, name)
		if err != nil {
			t.Fatalf("stream %s: %v", name, err)
		}
		out[name] = st.CachedInfo().Config.Replicas
	}
	for stream, name := range map[string]string{schemas.StreamArticles: natsx.ConsumerExtractor, schemas.StreamExtractions: natsx.ConsumerLinker} {
		c, err := js.Consumer(ctx, stream, name)
		if err != nil {
			t.Fatalf("consumer %s: %v", name, err)
		}
		out[stream+"/"+name] = c.CachedInfo().Config.Replicas
	}
	return out
}

func TestDeclaringTheTopologyNeverLowersReplicas(t *testing.T) {
	urls := startCluster(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	nc, js, err := natsx.Connect(ctx, natsx.Config{URL: strings.Join(urls, ",")}, quiet())
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	if err := (natsx.Topology{Replicas: 3}).Ensure(ctx, js); err != nil {
		t.Fatal(err)
	}
	// A process started without NATS_REPLICAS declares the default, 1.
	var logs syncBuffer
	if err := (natsx.Topology{Log: slog.New(slog.NewTextHandler(&logs, nil))}).Ensure(ctx, js); err != nil {
		t.Fatal(err)
	}
	for name, r := range replicasOf(t, ctx, js) {
		if r != 3 {
			t.Errorf("%s has %d replicas after a declaration with 1, want 3 kept", name, r)
		}
	}
	if !strings.Contains(logs.String(), "replicas") || !strings.Contains(logs.String(), schemas.StreamArticles) {
		t.Errorf("the mismatch was not reported; logs:\n%s", logs.String())
	}
}

func TestCheckReplicasNamesTheSetting(t *testing.T) {
	for _, n := range []int{0, -1, 6} {
		if err := natsx.CheckReplicas(n); err == nil || !strings.HasPrefix(err.Error(), "NATS_REPLICAS") {
			t.Errorf("replicas %d: %v", n, err)
		}
	}
	for _, n := range []int{1, 3, 5} {
		if err := natsx.CheckReplicas(n); err != nil {
			t.Errorf("replicas %d: %v", n, err)
		}
	}
}

package systest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/fetcher/source"
)

// TestAClusterNodeDiesAndNothingIsLost runs a 3-node NATS cluster on
// loopback with every stream replicated 3 times and two extractor
// processes; one NATS node is killed mid-run. Every article must still
// yield exactly one extraction.
func TestAClusterNodeDiesAndNothingIsLost(t *testing.T) {
	if testing.Short() {
		t.Skip("system test; runs without -short")
	}
	const n = 1500
	bin := binaries(t)
	corpus := filepath.Join(t.TempDir(), "corpus")
	writeCorpus(t, corpus, n)

	clientPorts := []int{freePort(t), freePort(t), freePort(t)}
	routePorts := []int{freePort(t), freePort(t), freePort(t)}
	var routes, urls []string
	for i := range 3 {
		routes = append(routes, fmt.Sprintf("nats://127.0.0.1:%d", routePorts[i]))
		urls = append(urls, fmt.Sprintf("nats://127.0.0.1:%d", clientPorts[i]))
	}
	nodes := make([]*server.Server, 3)
	for i := range 3 {
		s, err := natsx.StartEmbedded(natsx.EmbeddedConfig{Name: fmt.Sprintf("n%d", i+1), Port: clientPorts[i], StoreDir: t.TempDir(),
			ClusterName: "systest", ClusterPort: routePorts[i], Routes: routes})
		if err != nil {
			t.Fatal(err)
		}
		nodes[i] = s
		t.Cleanup(s.Shutdown)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	nc, js, err := natsx.Connect(ctx, natsx.Config{URL: strings.Join(urls, ",")}, quiet())
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	if err := (natsx.Topology{Replicas: 3}).Ensure(ctx, js); err != nil {
		t.Fatal(err)
	}

	env := append(os.Environ(), "NATS_URL="+strings.Join(urls, ","), "NATS_REPLICAS=3", "HEALTH_ADDR=", "LOG_LEVEL=warn")
	extractors := []*proc{
		{t: t, name: "extractor-1", bin: filepath.Join(bin, "extractor"), args: []string{"--workers", "1"}, env: env},
		{t: t, name: "extractor-2", bin: filepath.Join(bin, "extractor"), args: []string{"--workers", "1"}, env: env},
	}
	for _, e := range extractors {
		e.start()
		t.Cleanup(e.stop)
	}

	// Publish the corpus while the extractors work; kill a node midway.
	files, _ := filepath.Glob(filepath.Join(corpus, "*.txt"))
	var events []natsx.Event
	for _, f := range files {
		a, err := source.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a.Fetched = time.Now().UTC()
		events = append(events, natsx.Event{Subject: schemas.ArticleSubject("systest"), ID: a.ID, Type: schemas.ArticleV1, Source: "systest", Body: a})
	}
	killed := false
	for i := 0; i < len(events); i += 100 {
		batch := events[i:min(i+100, len(events))]
		for attempt := 0; ; attempt++ {
			_, err := natsx.PublishAll(ctx, js, batch)
			if err == nil {
				break
			}
			if attempt > 50 {
				t.Fatalf("publishing: %v", err)
			}
			time.Sleep(200 * time.Millisecond) // a new leader is being elected
		}
		if !killed && i >= len(events)/3 {
			nodes[1].Shutdown()
			killed = true
			t.Logf("node n2 killed after %d articles", i+len(batch))
		}
	}
	eventually(t, 4*time.Minute, "every article extracted", func() (bool, string) {
		ictx, icancel := context.WithTimeout(ctx, 3*time.Second)
		defer icancel()
		st, err := js.Stream(ictx, schemas.StreamExtractions)
		if err != nil {
			return false, err.Error()
		}
		info, err := st.Info(ictx)
		if err != nil {
			return false, err.Error()
		}
		cons, err := js.Consumer(ictx, schemas.StreamArticles, natsx.ConsumerExtractor)
		if err != nil {
			return false, err.Error()
		}
		ci, err := cons.Info(ictx)
		if err != nil {
			return false, err.Error()
		}
		state := fmt.Sprintf("%d extractions, %d pending, %d in flight", info.State.Msgs, ci.NumPending, ci.NumAckPending)
		return info.State.Msgs >= n && ci.NumPending == 0 && ci.NumAckPending == 0, state
	})
	for _, name := range []string{schemas.StreamArticles, schemas.StreamExtractions, schemas.StreamDLQ} {
		st, err := js.Stream(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		info, err := st.Info(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := uint64(n)
		if name == schemas.StreamDLQ {
			want = 0
		}
		if info.State.Msgs != want {
			t.Fatalf("stream %s holds %d messages, want %d (each article once, nothing dead-lettered)", name, info.State.Msgs, want)
		}
		if info.Config.Replicas != 3 {
			t.Fatalf("stream %s has %d replicas, want 3", name, info.Config.Replicas)
		}
	}
	for _, e := range extractors {
		if done, err := e.exited(); done {
			t.Fatalf("%s exited: %v\n%s", e.name, err, e.output())
		}
	}
}

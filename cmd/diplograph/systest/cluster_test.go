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
	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/schemas"
)

// TestAClusterNodeDiesAndNothingIsLost runs the three stages as processes
// (the fetcher ingesting a folder, two extractors, the linker into a Neo4j
// of the test's own) against a 3-node NATS cluster on loopback, every
// process started with NATS_REPLICAS=3 and none declared beforehand by the
// test, the fetcher last. One NATS node is killed while the fetcher
// publishes. Every stream,
// bucket and consumer must have 3 replicas, every article must be published
// once, extracted once and in the graph, and nothing dead-lettered.
func TestAClusterNodeDiesAndNothingIsLost(t *testing.T) {
	if testing.Short() {
		t.Skip("system test; runs without -short")
	}
	const n = 600
	bin := binaries(t)
	neo := startNeo4j(t)
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
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	// The test's own connection only watches: it declares nothing.
	nc, js, err := natsx.Connect(ctx, natsx.Config{URL: strings.Join(urls, ",")}, quiet())
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()

	env := append(os.Environ(), "NATS_URL="+strings.Join(urls, ", "), "NATS_REPLICAS=3", "HEALTH_ADDR=", "LOG_LEVEL=warn",
		"NEO4J_URI="+neo.cfg.URI, "NEO4J_USER="+neo.cfg.User, "NEO4J_PASSWORD="+neo.cfg.Password)
	fetcher := &proc{t: t, name: "fetcher", bin: filepath.Join(bin, "fetcher"), args: []string{"--progress=false", "--workers", "1", corpus}, env: env}
	workers := []*proc{
		{t: t, name: "extractor-1", bin: filepath.Join(bin, "extractor"), args: []string{"--workers", "1"}, env: env},
		{t: t, name: "extractor-2", bin: filepath.Join(bin, "extractor"), args: []string{"--workers", "1"}, env: env},
		{t: t, name: "linker", bin: filepath.Join(bin, "linker"), env: env},
	}
	for _, p := range workers {
		p.start()
		t.Cleanup(p.stop)
	}
	// The fetcher comes last, as one restarted later would: its declaration
	// must not lower what the others declared.
	eventually(t, 2*time.Minute, "the extractors and the linker declared the topology", func() (bool, string) {
		for stream, name := range map[string]string{schemas.StreamArticles: natsx.ConsumerExtractor, schemas.StreamExtractions: natsx.ConsumerLinker} {
			ictx, icancel := context.WithTimeout(ctx, 3*time.Second)
			_, err := js.Consumer(ictx, stream, name)
			icancel()
			if err != nil {
				return false, err.Error()
			}
		}
		return true, ""
	})
	fetcher.start()
	t.Cleanup(fetcher.kill)

	// Kill a node once a fifth of the articles are in, watching closely:
	// the fetcher publishes fast.
	for deadline := time.Now().Add(3 * time.Minute); streamMsgs(ctx, js, schemas.StreamArticles) < n/5; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the fetcher published too little in 3 minutes\n%s", fetcher.output())
		}
	}
	nodes[1].Shutdown()
	t.Logf("node n2 killed after %d articles", streamMsgs(ctx, js, schemas.StreamArticles))

	eventually(t, 5*time.Minute, "every article through the extractors and the linker", func() (bool, string) {
		state := ""
		done := true
		for _, c := range []struct{ stream, name string }{{schemas.StreamArticles, natsx.ConsumerExtractor}, {schemas.StreamExtractions, natsx.ConsumerLinker}} {
			ictx, icancel := context.WithTimeout(ctx, 3*time.Second)
			cons, err := js.Consumer(ictx, c.stream, c.name)
			var info *jetstream.ConsumerInfo
			if err == nil {
				info, err = cons.Info(ictx)
			}
			icancel()
			if err != nil {
				return false, err.Error()
			}
			state += fmt.Sprintf("%s: %d pending, %d in flight; ", c.name, info.NumPending, info.NumAckPending)
			done = done && info.NumPending == 0 && info.NumAckPending == 0
		}
		extractions := streamMsgs(ctx, js, schemas.StreamExtractions)
		state += fmt.Sprintf("%d extractions", extractions)
		return done && extractions >= n, state
	})
	if ok, err := fetcher.exited(); !ok || err != nil {
		t.Fatalf("the fetcher did not finish its ingest cleanly (exited %v: %v)\n%s", ok, err, fetcher.output())
	}
	for name, want := range map[string]int{schemas.StreamArticles: n, schemas.StreamExtractions: n, schemas.StreamDLQ: 0} {
		if got := streamMsgs(ctx, js, name); got != want {
			t.Errorf("stream %s holds %d messages, want %d (each article once, nothing dead-lettered)", name, got, want)
		}
	}
	_, rows, err := neo.graph(t).Query(ctx, `MATCH (a:Article) WHERE a.url STARTS WITH 'https://example.org/systest/' RETURN count(a)`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := rows[0][0].(int64); got != n {
		t.Errorf("the graph holds %d of the %d articles", got, n)
	}
	// Replication as every process was told, on everything the topology declares.
	topo := natsx.Topology{}
	var names []string
	for _, sc := range topo.Streams() {
		names = append(names, sc.Name)
	}
	for _, kc := range topo.Buckets() {
		names = append(names, "KV_"+kc.Bucket)
	}
	for _, name := range names {
		st, err := js.Stream(ctx, name)
		if err != nil {
			t.Errorf("stream %s: %v", name, err)
			continue
		}
		if r := st.CachedInfo().Config.Replicas; r != 3 {
			t.Errorf("stream %s has %d replicas, want 3", name, r)
		}
	}
	for key, cc := range topo.Consumers() {
		stream := strings.TrimSuffix(key, "/"+cc.Durable)
		c, err := js.Consumer(ctx, stream, cc.Durable)
		if err != nil {
			t.Errorf("consumer %s: %v", key, err)
			continue
		}
		if r := c.CachedInfo().Config.Replicas; r != 3 {
			t.Errorf("consumer %s has %d replicas, want 3", key, r)
		}
	}
	for _, p := range workers {
		if done, err := p.exited(); done {
			t.Errorf("%s exited: %v\n%s", p.name, err, p.output())
		}
	}
}

// streamMsgs is how many messages a stream holds, or -1 when it cannot be
// read (a leader being elected).
func streamMsgs(ctx context.Context, js jetstream.JetStream, name string) int {
	ictx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	st, err := js.Stream(ictx, name)
	if err != nil {
		return -1
	}
	info, err := st.Info(ictx)
	if err != nil {
		return -1
	}
	return int(info.State.Msgs)
}

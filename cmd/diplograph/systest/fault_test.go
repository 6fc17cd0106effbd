package systest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/schemas"
)

// pipeline is one run of the three services as processes against an
// in-process NATS server that the test can restart.
type pipeline struct {
	t        *testing.T
	natsPort int
	store    string
	srv      *server.Server
	fetcher  *proc
	extract  *proc
	link     *proc
}

func newPipeline(t *testing.T, neo *localNeo4j, corpus string) *pipeline {
	t.Helper()
	bin := binaries(t)
	p := &pipeline{t: t, natsPort: freePort(t), store: t.TempDir()}
	p.startNATS()
	env := append(os.Environ(),
		fmt.Sprintf("NATS_URL=nats://127.0.0.1:%d", p.natsPort),
		"NEO4J_URI="+neo.cfg.URI, "NEO4J_USER="+neo.cfg.User, "NEO4J_PASSWORD="+neo.cfg.Password,
		"HEALTH_ADDR=", "LOG_LEVEL=warn")
	p.fetcher = &proc{t: t, name: "fetcher", bin: filepath.Join(bin, "fetcher"), args: []string{corpus}, env: env}
	p.extract = &proc{t: t, name: "extractor", bin: filepath.Join(bin, "extractor"), args: []string{"--workers", "2"}, env: env, keepAlive: true}
	p.link = &proc{t: t, name: "linker", bin: filepath.Join(bin, "linker"), env: env, keepAlive: true}
	t.Cleanup(func() {
		p.fetcher.kill()
		p.extract.stop()
		p.link.stop()
		if p.srv != nil {
			p.srv.Shutdown()
		}
	})
	return p
}

func (p *pipeline) startNATS() {
	p.t.Helper()
	srv, err := natsx.StartEmbedded(natsx.EmbeddedConfig{Port: p.natsPort, StoreDir: p.store})
	if err != nil {
		p.t.Fatal(err)
	}
	p.srv = srv
}

func (p *pipeline) restartNATS() {
	p.t.Helper()
	p.srv.Shutdown()
	p.srv.WaitForShutdown()
	p.startNATS()
}

func (p *pipeline) js() jetstream.JetStream {
	p.t.Helper()
	nc, js, err := natsx.Connect(context.Background(), natsx.Config{URL: p.srv.ClientURL()}, quiet())
	if err != nil {
		p.t.Fatal(err)
	}
	p.t.Cleanup(nc.Close)
	return js
}

// settled reports whether the fetcher finished and both consumers are empty.
func (p *pipeline) settled(n int) (bool, string) {
	done, err := p.fetcher.exited()
	if done && err != nil {
		// A fetcher killed by the test is restarted by it; any other exit is a failure.
		if !strings.Contains(err.Error(), "killed") {
			p.t.Fatalf("fetcher failed: %v\n%s", err, p.fetcher.output())
		}
		return false, "fetcher killed"
	}
	if !done {
		return false, "fetcher still ingesting"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	nc, js, err := natsx.Connect(ctx, natsx.Config{URL: p.srv.ClientURL()}, quiet())
	if err != nil {
		return false, err.Error()
	}
	defer nc.Close()
	state := []string{}
	for _, c := range []struct{ stream, name string }{{schemas.StreamArticles, natsx.ConsumerExtractor}, {schemas.StreamExtractions, natsx.ConsumerLinker}} {
		cons, err := js.Consumer(ctx, c.stream, c.name)
		if err != nil {
			return false, err.Error()
		}
		info, err := cons.Info(ctx)
		if err != nil {
			return false, err.Error()
		}
		state = append(state, fmt.Sprintf("%s pending %d in flight %d", c.name, info.NumPending, info.NumAckPending))
		if info.NumPending+uint64(info.NumAckPending) > 0 {
			return false, strings.Join(state, ", ")
		}
	}
	st, err := js.Stream(ctx, schemas.StreamExtractions)
	if err != nil {
		return false, err.Error()
	}
	info, err := st.Info(ctx)
	if err != nil {
		return false, err.Error()
	}
	if info.State.Msgs < uint64(n) {
		return false, fmt.Sprintf("%d of %d extractions", info.State.Msgs, n)
	}
	return true, strings.Join(state, ", ")
}

func countArticles(t *testing.T, neo *localNeo4j) (articles, claims, dupEvidence int64) {
	t.Helper()
	g := neo.graph(t)
	ctx := context.Background()
	one := func(q string) int64 {
		_, rows, err := g.Query(ctx, q, nil)
		if err != nil {
			t.Fatal(err)
		}
		return rows[0][0].(int64)
	}
	return one(`MATCH (a:Article) RETURN count(a)`), one(`MATCH (c:Claim) RETURN count(c)`),
		one(`MATCH (k:Claim)-[e:EVIDENCED_BY]->(x:Article) WITH k, x, count(e) AS n WHERE n > 1 RETURN count(*)`)
}

// TestFaultsLoseNothingAndDuplicateNothing processes a corpus once
// undisturbed, and once while the test SIGKILLs service processes three
// times at random points, restarts the NATS server once and stops Neo4j
// for 20 seconds; the two graphs must be identical.
func TestFaultsLoseNothingAndDuplicateNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("system test; runs without -short")
	}
	const n = 1500
	corpus := filepath.Join(t.TempDir(), "corpus")
	writeCorpus(t, corpus, n)
	neo := startNeo4j(t)

	// The undisturbed run.
	calm := newPipeline(t, neo, corpus)
	calm.link.start()
	calm.extract.start()
	calm.fetcher.start()
	start := time.Now()
	eventually(t, 4*time.Minute, "undisturbed run", func() (bool, string) { return calm.settled(n) })
	t.Logf("undisturbed run: %d documents in %s", n, time.Since(start).Round(time.Millisecond))
	calm.extract.stop()
	calm.link.stop()
	want := dumpGraph(t, neo.graph(t))
	articles, claims, dup := countArticles(t, neo)
	if articles != n || claims == 0 || dup != 0 {
		t.Fatalf("undisturbed graph: %d articles (want %d), %d claims, %d duplicated evidence", articles, n, claims, dup)
	}
	wipe(t, neo.graph(t))

	// The disturbed run.
	rnd := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	p := newPipeline(t, neo, corpus)
	p.link.start()
	p.extract.start()
	p.fetcher.start()
	start = time.Now()
	var mu sync.Mutex
	var log []string
	note := func(what string) {
		mu.Lock()
		log = append(log, fmt.Sprintf("%s: %s", time.Since(start).Round(time.Millisecond), what))
		mu.Unlock()
	}
	// Neo4j goes away for 20 seconds early in the run, while the processes
	// are being killed.
	outage := make(chan struct{})
	go func() {
		defer close(outage)
		time.Sleep(time.Second)
		neo.script("stop")
		note("Neo4j stopped")
		time.Sleep(20 * time.Second)
		neo.script("start")
		note("Neo4j started")
	}()
	for i, victim := range []*proc{p.extract, p.link, p.fetcher} {
		time.Sleep(500*time.Millisecond + time.Duration(rnd.Int64N(int64(2500*time.Millisecond))))
		victim.kill()
		note("SIGKILL " + victim.name)
		if i == 1 {
			p.restartNATS()
			note("NATS restarted")
		}
		if !victim.keepAlive {
			victim.start()
		}
	}
	<-outage
	eventually(t, 5*time.Minute, "disturbed run", func() (bool, string) { return p.settled(n) })
	t.Logf("disturbed run: %s; done after %s; launches: extractor %d, linker %d, fetcher %d",
		strings.Join(log, "; "), time.Since(start).Round(time.Millisecond), p.extract.starts, p.link.starts, p.fetcher.starts)
	p.extract.stop()
	p.link.stop()

	got := dumpGraph(t, neo.graph(t))
	if d := diff(want, got); d != "" {
		t.Fatalf("the disturbed graph differs from the undisturbed one (%d vs %d lines):\n%s", len(want), len(got), d)
	}
	articles, claims, dup = countArticles(t, neo)
	if articles != n || dup != 0 {
		t.Fatalf("disturbed graph: %d articles (want %d), %d claims, %d duplicated evidence", articles, n, claims, dup)
	}
	js := p.js()
	st, _ := js.Stream(context.Background(), schemas.StreamArticles)
	info, _ := st.Info(context.Background())
	dlq, _ := js.Stream(context.Background(), schemas.StreamDLQ)
	dinfo, _ := dlq.Info(context.Background())
	if info.State.Msgs != n || dinfo.State.Msgs != 0 {
		t.Fatalf("%d articles on the stream (want %d, each once), %d dead letters (want 0)", info.State.Msgs, n, dinfo.State.Msgs)
	}
	t.Logf("%d articles, %d claims, identical graphs (%d lines)", articles, claims, len(got))
}

package linker_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker"
	"github.com/diplograph/diplograph/services/linker/neo4jtest"
)

// cutProxy forwards TCP to Neo4j until cut: then it drops every open
// connection and closes new ones at once, as a server that went away does
// to the driver, without stopping the Neo4j that other tests share.
type cutProxy struct {
	ln       net.Listener
	upstream string
	mu       sync.Mutex
	down     bool
	conns    map[net.Conn]bool
}

func startProxy(t *testing.T, upstream string) *cutProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &cutProxy{ln: ln, upstream: upstream, conns: map[net.Conn]bool{}}
	t.Cleanup(func() { _ = ln.Close(); p.cut() })
	go p.serve()
	return p
}

func (p *cutProxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		down := p.down
		p.mu.Unlock()
		if down {
			_ = c.Close()
			continue
		}
		u, err := net.Dial("tcp", p.upstream)
		if err != nil {
			_ = c.Close()
			continue
		}
		p.mu.Lock()
		p.conns[c], p.conns[u] = true, true
		p.mu.Unlock()
		go func() { _, _ = io.Copy(u, c); _ = u.Close() }()
		go func() { _, _ = io.Copy(c, u); _ = c.Close() }()
	}
}

func (p *cutProxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.down = true
	for c := range p.conns {
		_ = c.Close()
	}
	p.conns = map[net.Conn]bool{}
}

func (p *cutProxy) restore() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.down = false
}

func neo4jScript(t *testing.T, verb string) {
	t.Helper()
	cmd := exec.Command("bash", filepath.Join("..", "..", "deploy", "neo4j", "neo4j.sh"), verb)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("deploy/neo4j/neo4j.sh %s: %v", verb, err)
	}
}

// TestNeo4jOutage takes Neo4j away under a running linker: the linker
// reports not ready within 5 s, stops consuming, dead-letters nothing, and
// catches up when Neo4j returns, to the graph of a clean run. By default the
// outage is a cut TCP proxy; with LINKER_OUTAGE=neo4j it really stops and
// restarts the local Neo4j (deploy/neo4j/neo4j.sh), which other users of
// that Neo4j will notice.
func TestNeo4jOutage(t *testing.T) {
	if testing.Short() {
		t.Skip("waits out an outage")
	}
	cfg := neo4jtest.Require(t)
	sc := newScope()
	xs := sc.cookbook()
	ctx := context.Background()
	direct := openGraph(t, sc, linker.WithGazetteer(roster{sc}))
	if _, err := direct.Write(ctx, xs); err != nil {
		t.Fatal(err)
	}
	want := dump(t, direct, sc)
	if err := cleanup(ctx, direct, sc); err != nil {
		t.Fatal(err)
	}

	uri := cfg.URI
	cut, restore := func() {}, func() {}
	if os.Getenv("LINKER_OUTAGE") == "neo4j" {
		cut = func() { neo4jScript(t, "stop") }
		restore = func() { neo4jScript(t, "start") }
		t.Cleanup(func() {
			if neo4jtest.Reachable(ctx, cfg) != nil {
				neo4jScript(t, "start") // never leave the shared Neo4j stopped
			}
		})
	} else {
		u, err := url.Parse(cfg.URI)
		if err != nil {
			t.Fatal(err)
		}
		p := startProxy(t, u.Host)
		u.Host = p.ln.Addr().String()
		uri = u.String()
		cut, restore = p.cut, p.restore
	}
	g, err := linker.OpenGraph(ctx, linker.Neo4jConfig{URI: uri, User: cfg.User, Password: cfg.Password, Database: cfg.Database}, quiet(),
		linker.WithGazetteer(roster{sc}))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close(ctx)

	b := startBus(t)
	svc := &linker.Service{Graph: g, JS: b.js, Log: quiet(), Batch: 4, PingEvery: 500 * time.Millisecond}
	stop := startService(t, svc)
	publishExtractions(t, b.js, xs[:6])
	eventually(t, 30*time.Second, "first half linked", func() bool { return drained(t, b.js) })
	eventually(t, 5*time.Second, "linker ready", func() bool { return svc.Ready(ctx) == nil })

	// Watch, every 100 ms, when Neo4j stops answering on its port and when
	// Ready starts failing.
	host := strings.TrimPrefix(uri, "bolt://")
	var mu sync.Mutex
	var goneAt, failedAt time.Time
	watchCtx, stopWatch := context.WithTimeout(ctx, 2*time.Minute)
	defer stopWatch()
	go func() {
		for watchCtx.Err() == nil {
			now := time.Now()
			c, derr := net.DialTimeout("tcp", host, time.Second)
			if derr == nil {
				// The proxy accepts and closes at once; a read tells.
				_ = c.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
				_, rerr := c.Read(make([]byte, 1))
				_ = c.Close()
				if rerr != nil && !errors.Is(rerr, os.ErrDeadlineExceeded) {
					derr = rerr
				}
			}
			rerr := svc.Ready(watchCtx)
			mu.Lock()
			if derr != nil && goneAt.IsZero() {
				goneAt = now
			}
			if rerr != nil && failedAt.IsZero() {
				failedAt = time.Now()
			}
			mu.Unlock()
			time.Sleep(100 * time.Millisecond)
		}
	}()
	publishExtractions(t, b.js, xs[6:9]) // in flight when Neo4j goes away
	wentAway := time.Now()
	cut()
	eventually(t, 15*time.Second, "Neo4j gone and Ready failing", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return !goneAt.IsZero() && !failedAt.IsZero()
	})
	mu.Lock()
	lag := failedAt.Sub(goneAt)
	mu.Unlock()
	stopWatch()
	err = svc.Ready(ctx)
	t.Logf("Ready failed %v after Neo4j stopped answering (%v after the outage began): %v", lag.Round(time.Millisecond), failedAt.Sub(wentAway).Round(time.Millisecond), err)
	if lag > 5*time.Second {
		t.Errorf("Ready failed %v after Neo4j went away, want within 5 s", lag)
	}
	if !errors.Is(err, linker.ErrUnavailable) {
		t.Errorf("Ready during the outage: %v, want an error wrapping ErrUnavailable", err)
	}

	publishExtractions(t, b.js, xs[9:])
	time.Sleep(3 * time.Second) // the outage lasts; nothing may be lost or dead-lettered meanwhile
	if drained(t, b.js) {
		t.Error("the linker settled messages while Neo4j was away")
	}
	restore()
	back := time.Now() // Neo4j answers again (neo4j.sh start returns once Bolt answers)
	eventually(t, 90*time.Second, "linker caught up after Neo4j returned", func() bool { return drained(t, b.js) })
	t.Logf("caught up %v after Neo4j returned (outage lasted %v)", time.Since(back).Round(time.Millisecond), back.Sub(wentAway).Round(time.Millisecond))
	eventually(t, 10*time.Second, "linker ready again", func() bool { return svc.Ready(ctx) == nil })
	stop()

	if n := streamMsgs(t, b.js, schemas.StreamDLQ); n != 0 {
		t.Errorf("%d messages dead-lettered during the outage, want 0", n)
	}
	if got := dump(t, direct, sc); got != want {
		t.Errorf("graph after the outage differs from a clean run:\n--- clean\n%s\n--- after outage\n%s", want, got)
	}
}

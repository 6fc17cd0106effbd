package systest

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/platform/natsx"
)

// TestReadyzFollowsNeo4j runs the linker process with its health endpoint,
// takes its Neo4j away and brings it back: /readyz must turn 503 within 5 s
// and 200 again after Neo4j returns.
func TestReadyzFollowsNeo4j(t *testing.T) {
	if testing.Short() {
		t.Skip("system test; runs without -short")
	}
	bin := binaries(t)
	neo := startNeo4j(t)
	srv, err := natsx.StartEmbedded(natsx.EmbeddedConfig{Port: -1, StoreDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown()
	health := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	link := &proc{t: t, name: "linker", bin: filepath.Join(bin, "linker"), env: append(os.Environ(),
		"NATS_URL="+srv.ClientURL(), "NEO4J_URI="+neo.cfg.URI, "NEO4J_USER="+neo.cfg.User, "NEO4J_PASSWORD="+neo.cfg.Password,
		"HEALTH_ADDR="+health, "LOG_LEVEL=warn")}
	link.start()
	defer link.stop()
	status := func() int {
		c := http.Client{Timeout: 3 * time.Second}
		resp, err := c.Get("http://" + health + "/readyz")
		if err != nil {
			return 0
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	eventually(t, 60*time.Second, "linker ready", func() (bool, string) { s := status(); return s == 200, fmt.Sprint(s) })

	// Neo4j has gone away when its Bolt port stops accepting connections;
	// the stop command itself takes a few seconds to shut down cleanly.
	bolt := strings.TrimPrefix(neo.cfg.URI, "bolt://")
	goneAt := make(chan time.Time, 1)
	go func() {
		for {
			c, err := net.DialTimeout("tcp", bolt, 200*time.Millisecond)
			if err != nil {
				goneAt <- time.Now()
				return
			}
			c.Close()
			time.Sleep(20 * time.Millisecond)
		}
	}()
	stopped := make(chan struct{})
	go func() { neo.script("stop"); close(stopped) }()
	gone := <-goneAt
	eventually(t, 5*time.Second-time.Since(gone), "/readyz 503 within 5 s of Neo4j going away", func() (bool, string) { s := status(); return s == 503, fmt.Sprint(s) })
	t.Logf("/readyz turned 503 %s after Neo4j's Bolt port closed", time.Since(gone).Round(time.Millisecond))
	<-stopped

	neo.script("start")
	back := time.Now()
	eventually(t, 30*time.Second, "/readyz 200 after Neo4j returned", func() (bool, string) { s := status(); return s == 200, fmt.Sprint(s) })
	t.Logf("/readyz turned 200 %s after Neo4j was ready again", time.Since(back).Round(time.Millisecond))
	if done, err := link.exited(); done {
		t.Fatalf("the linker exited during the outage: %v\n%s", err, link.output())
	}
}

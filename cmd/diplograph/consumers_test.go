package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/services/linker"
)

// need fails the test in CI, where a missing tool would hide a broken
// build, and skips it elsewhere.
func need(t *testing.T, err error, what string) {
	t.Helper()
	if err == nil {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s: %v", what, err)
	}
	t.Skipf("%s: %v", what, err)
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// consumerProc is an example consumer of docs/events.md running as a process.
type consumerProc struct {
	cmd *exec.Cmd
	out *syncBuffer
}

func startConsumer(t *testing.T, name string, args ...string) *consumerProc {
	t.Helper()
	p := &consumerProc{cmd: exec.Command(args[0], args[1:]...), out: &syncBuffer{}}
	p.cmd.Stdout = p.out
	p.cmd.Stderr = p.out
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("starting the %s consumer: %v", name, err)
	}
	t.Cleanup(func() {
		_ = p.cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = p.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = p.cmd.Process.Kill()
			<-done
		}
	})
	return p
}

// received returns the "claim actor" pairs the consumer printed.
func (p *consumerProc) received() []string {
	var got []string
	for _, l := range strings.Split(p.out.String(), "\n") {
		f := strings.Fields(l)
		if len(f) >= 2 && strings.HasPrefix(f[0], "claim:") {
			got = append(got, f[0]+" "+f[1])
		}
	}
	slices.Sort(got)
	return got
}

// The consumers of docs/events.md, started before diplograph run, receive
// every claim event of the run through --nats-listen.
func TestConsumersStartedBeforeRunReceiveItsClaimEvents(t *testing.T) {
	cfg := neo4jConfig(t)
	_, err := exec.LookPath("python3")
	need(t, err, "python3 is needed for the Python consumer")
	need(t, exec.Command("python3", "-c", "import nats").Run(), "nats-py is needed for the Python consumer (pip install -r consumers/python/requirements.txt)")
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "claims-consumer"), "./consumers/go")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the Go consumer: %v\n%s", err, out)
	}

	url := fmt.Sprintf("nats://127.0.0.1:%d", freePort(t))
	n := nonce(t)
	goC := startConsumer(t, "Go", filepath.Join(dir, "claims-consumer"), "--url", url, "--durable", "go-"+n)
	pyC := startConsumer(t, "Python", "python3", filepath.Join(root, "consumers", "python", "consumer.py"), "--url", url, "--durable", "py-"+n)

	articleURL := "https://example.org/test/" + n
	article := filepath.Join(dir, "statement-"+n+".txt")
	body := fmt.Sprintf("<!--1700000000000-->\n[Statement %s](%s)\n------\n\n<p>Japan strongly opposes the use of economic coercion. France and Germany condemn the terrorist attack.</p><p>Reference %s.</p>\n", n, articleURL, n)
	if err := os.WriteFile(article, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := runOnce(t, append(neo4jArgs(cfg), "--data", filepath.Join(dir, "data"), "--nats-listen", strings.TrimPrefix(url, "nats://"), "--linger", "20s", article)...)
	if err != nil {
		t.Fatalf("run --once: %v\n%s", err, stderr)
	}
	if strings.Contains(stderr, "left to read") {
		t.Errorf("run stopped before the consumers had read everything:\n%s", stderr)
	}

	g, err := linker.OpenGraph(context.Background(), cfg, quietLog())
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close(context.Background())
	_, rows, err := g.Query(context.Background(), `MATCH (a:Entity)-[:HOLDS]->(c:Claim)-[:EVIDENCED_BY]->(:Article {url: $url})
RETURN c.id + ' ' + a.id ORDER BY c.id + ' ' + a.id`, map[string]any{"url": articleURL})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, r := range rows {
		want = append(want, r[0].(string))
	}
	if len(want) < 2 {
		t.Fatalf("the run linked %d claim-actor pairs, want at least 2 for a meaningful test", len(want))
	}
	for _, c := range []struct {
		name string
		p    *consumerProc
	}{{"Go", goC}, {"Python", pyC}} {
		if got := c.p.received(); !slices.Equal(got, want) {
			t.Errorf("the %s consumer received\n%s\nwant the run's claim events\n%s\n(its output:\n%s)",
				c.name, strings.Join(got, "\n"), strings.Join(want, "\n"), c.p.out.String())
		}
	}
}

// docs/events.md shows the consumers' code as it is.
func TestTheEventsDocShowsTheConsumersAsTheyAre(t *testing.T) {
	doc, err := os.ReadFile("../../docs/events.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct{ path, lang string }{{"consumers/go/main.go", "go"}, {"consumers/python/consumer.py", "python"}} {
		code, err := os.ReadFile(filepath.Join("../..", f.path))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(doc), "```"+f.lang+"\n"+string(code)+"```\n") {
			t.Errorf("docs/events.md does not show %s as it is: copy the file into its code block", f.path)
		}
	}
}

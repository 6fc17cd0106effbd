package systest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/diplograph/diplograph/services/linker"
)

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// repoRoot is the repository's top folder.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "deploy", "neo4j", "neo4j.sh")); err != nil {
		t.Fatalf("repository root not found from %s: %v", root, err)
	}
	return root
}

// need fails in CI and skips elsewhere when a prerequisite is missing.
func need(t *testing.T, ok bool, msg string) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

var (
	buildOnce sync.Once
	binDir    string
	buildErr  error
)

// binaries builds diplograph and the three service binaries once per test
// process.
func binaries(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		binDir, buildErr = os.MkdirTemp("", "diplograph-systest-bin")
		if buildErr != nil {
			return
		}
		for _, pkg := range []string{"services/fetcher/cmd/fetcher", "services/extractor/cmd/extractor", "services/linker/cmd/linker", "cmd/diplograph"} {
			cmd := exec.Command("go", "build", "-o", binDir, "github.com/diplograph/diplograph/"+pkg)
			cmd.Dir = repoRoot(t)
			if out, err := cmd.CombinedOutput(); err != nil {
				buildErr = fmt.Errorf("go build %s: %v\n%s", pkg, err, out)
				return
			}
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binDir
}

func freePort(t *testing.T) int {
	t.Helper()
	portsMu.Lock()
	defer portsMu.Unlock()
	for range 100 {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		p := l.Addr().(*net.TCPAddr).Port
		l.Close()
		if !portsGiven[p] {
			portsGiven[p] = true
			return p
		}
	}
	t.Fatal("no free port the tests have not handed out already")
	return 0
}

// portsGiven are the ports freePort handed out in this test process: the
// kernel may offer a port again once its probe closes, and two servers
// given one port (a cluster's client and route ports) would wait out their
// start-up and fail.
var (
	portsMu    sync.Mutex
	portsGiven = map[int]bool{}
)

// localNeo4j is a Neo4j instance of the test's own, started with the
// project's script on free ports, so that stopping it disturbs no other test.
type localNeo4j struct {
	t    *testing.T
	env  []string
	root string
	cfg  linker.Neo4jConfig
}

func startNeo4j(t *testing.T, extraEnv ...string) *localNeo4j {
	t.Helper()
	_, err := exec.LookPath("java")
	need(t, err == nil, "java is needed to run Neo4j (install Java 17+)")
	root := repoRoot(t)
	home := t.TempDir()
	bolt, httpPort := freePort(t), freePort(t)
	pw := "systest-password"
	n := &localNeo4j{t: t, root: root,
		env: append(os.Environ(), "NEO4J_HOME="+home, fmt.Sprintf("NEO4J_BOLT_PORT=%d", bolt), fmt.Sprintf("NEO4J_HTTP_PORT=%d", httpPort),
			"NEO4J_PASSWORD="+pw, "NEO4J_HEAP=512m", "NEO4J_PAGECACHE=128m", "NEO4J_LIB="+filepath.Join(root, "deploy", "neo4j", ".home", "lib")),
		cfg: linker.Neo4jConfig{URI: fmt.Sprintf("bolt://127.0.0.1:%d", bolt), User: "neo4j", Password: pw, Database: "neo4j"}}
	n.env = append(n.env, extraEnv...)
	n.script("start")
	t.Cleanup(func() { n.script("stop") })
	return n
}

func (n *localNeo4j) script(verb string) {
	n.t.Helper()
	cmd := exec.Command(filepath.Join(n.root, "deploy", "neo4j", "neo4j.sh"), verb)
	cmd.Env = n.env
	if out, err := cmd.CombinedOutput(); err != nil {
		n.t.Fatalf("neo4j.sh %s: %v\n%s", verb, err, out)
	}
}

func (n *localNeo4j) graph(t *testing.T) *linker.Graph {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	g, err := linker.OpenGraph(ctx, n.cfg, quiet())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = g.Close(context.Background()) })
	return g
}

// proc is a service process that the test can kill. With keepAlive it is
// restarted a second after it exits, as a supervisor (systemd,
// Kubernetes) would, until the test stops it.
type proc struct {
	t         *testing.T
	name      string
	bin       string
	args      []string
	env       []string
	keepAlive bool

	mu       sync.Mutex
	run      *run
	stopping bool
	starts   int
	logs     bytes.Buffer
}

// run is one launch of a process.
type run struct {
	cmd    *exec.Cmd
	exited chan struct{} // closed when the process has ended
	err    error
}

func (p *proc) start() {
	p.t.Helper()
	if err := p.launch(); err != nil {
		p.t.Fatalf("starting %s: %v", p.name, err)
	}
	if p.keepAlive {
		go p.supervise()
	}
}

func (p *proc) launch() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	cmd := exec.Command(p.bin, p.args...)
	cmd.Env = p.env
	cmd.Stdout, cmd.Stderr = &lockedWriter{p: p}, &lockedWriter{p: p}
	if err := cmd.Start(); err != nil {
		return err
	}
	r := &run{cmd: cmd, exited: make(chan struct{})}
	go func() { r.err = cmd.Wait(); close(r.exited) }()
	p.run = r
	p.starts++
	return nil
}

func (p *proc) supervise() {
	for {
		p.mu.Lock()
		r := p.run
		p.mu.Unlock()
		<-r.exited
		time.Sleep(time.Second)
		p.mu.Lock()
		stopping := p.stopping
		p.mu.Unlock()
		if stopping || p.launch() != nil {
			return
		}
	}
}

type lockedWriter struct{ p *proc }

func (w *lockedWriter) Write(b []byte) (int, error) {
	w.p.mu.Lock()
	defer w.p.mu.Unlock()
	if w.p.logs.Len() < 1<<20 {
		w.p.logs.Write(b)
	}
	return len(b), nil
}

func (p *proc) current() *run {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.run
}

// kill sends SIGKILL and waits for the process to die.
func (p *proc) kill() {
	r := p.current()
	if r == nil {
		return
	}
	_ = r.cmd.Process.Signal(syscall.SIGKILL)
	<-r.exited
}

// stop ends supervision, sends SIGTERM and waits up to 30 s.
func (p *proc) stop() {
	p.mu.Lock()
	p.stopping = true
	p.mu.Unlock()
	r := p.current()
	if r == nil {
		return
	}
	_ = r.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-r.exited:
	case <-time.After(30 * time.Second):
		_ = r.cmd.Process.Kill()
		<-r.exited
	}
}

// exited reports whether the current launch has ended, and how.
func (p *proc) exited() (bool, error) {
	r := p.current()
	select {
	case <-r.exited:
		return true, r.err
	default:
		return false, nil
	}
}

func (p *proc) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.logs.String()
}

// writeCorpus writes n small articles, in English and Chinese, built from
// sentences written for this test.
func writeCorpus(t *testing.T, dir string, n int) {
	t.Helper()
	type pair struct{ en, zh string }
	actors := []pair{{"Japan", "日本"}, {"France", "法国"}, {"Germany", "德国"}, {"Australia", "澳大利亚"}, {"Canada", "加拿大"}, {"India", "印度"}}
	sentences := []pair{
		{"%s strongly opposes the use of economic coercion against its partners.", "%s坚决反对经济胁迫。"},
		{"%s expressed serious concern about the situation in the South China Sea.", "%s对南海局势表示严重关切。"},
		{"%s condemns the attacks by the Houthis on commercial ships in the Red Sea.", "%s强烈谴责胡塞武装对红海商船的袭击。"},
		{"%s supports the sovereignty and territorial integrity of Ukraine.", "%s支持乌克兰的主权和领土完整。"},
		{"%s called on North Korea to abandon its nuclear weapons programme.", "%s呼吁朝鲜放弃核武器计划。"},
		{"%s welcomed the ceasefire in the Gaza Strip.", "%s欢迎加沙地带停火。"},
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	base := time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		a := actors[i%len(actors)]
		s := sentences[(i/len(actors))%len(sentences)]
		day := base.Add(time.Duration(i%40) * 24 * time.Hour)
		var body string
		if i%2 == 0 {
			body = fmt.Sprintf("<p>%s</p><p>The statement was issued on the record as item number %d of the series.</p>", fmt.Sprintf(s.en, a.en), i)
		} else {
			body = fmt.Sprintf("<p>%s</p><p>这是本系列的第%d号声明。</p>", fmt.Sprintf(s.zh, a.zh), i)
		}
		doc := fmt.Sprintf("<!--%d-->\n[Statement %d](https://example.org/systest/%d)\n------\n\n%s\n", day.UnixMilli(), i, i, body)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("item-%05d.txt", i)), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// dumpGraph is a canonical text of the whole graph of an instance: every
// node with its labels and properties, every relationship with its
// properties, sorted.
func dumpGraph(t *testing.T, g *linker.Graph) []string {
	t.Helper()
	ctx := context.Background()
	_, nodes, err := g.Query(ctx, `MATCH (n) RETURN labels(n), properties(n)`, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, rels, err := g.Query(ctx, `MATCH (a)-[r]->(b) RETURN type(r), a.id, b.id, properties(r)`, nil)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, r := range nodes {
		labels := fmt.Sprint(r[0])
		lines = append(lines, "node "+labels+" "+canon(r[1]))
	}
	for _, r := range rels {
		lines = append(lines, fmt.Sprintf("rel %v %v->%v %s", r[0], r[1], r[2], canon(r[3])))
	}
	sort.Strings(lines)
	return lines
}

func canon(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

func wipe(t *testing.T, g *linker.Graph) {
	t.Helper()
	if _, _, err := g.Query(context.Background(), `MATCH (n) DETACH DELETE n`, nil); err != nil {
		t.Fatal(err)
	}
}

func diff(a, b []string) string {
	as, bs := map[string]bool{}, map[string]bool{}
	for _, x := range a {
		as[x] = true
	}
	for _, x := range b {
		bs[x] = true
	}
	var out []string
	for _, x := range a {
		if !bs[x] {
			out = append(out, "- "+x)
		}
	}
	for _, x := range b {
		if !as[x] {
			out = append(out, "+ "+x)
		}
	}
	if len(out) > 20 {
		out = append(out[:20], fmt.Sprintf("… %d more", len(out)-20))
	}
	return strings.Join(out, "\n")
}

func eventually(t *testing.T, d time.Duration, what string, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		ok, state := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not reached after %s (%s)", what, d, state)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

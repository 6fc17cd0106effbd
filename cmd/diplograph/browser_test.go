package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/platform/natsx/natstest"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/dashboard/dashboardtest"
	"github.com/diplograph/diplograph/services/linker"
	"github.com/diplograph/diplograph/services/linker/neo4jtest"
)

var screenshots = flag.Bool("screenshots", false, "write the browser tests' screenshots to docs/img (for the README)")

// chromium finds Debian's Chromium (or $CHROMIUM); missing, the test fails
// in CI and is skipped elsewhere.
func chromium(t *testing.T) string {
	t.Helper()
	path := os.Getenv("CHROMIUM")
	if path == "" {
		var err error
		path, err = exec.LookPath("chromium")
		need(t, err, "chromium is needed for the browser tests (apt-get install chromium)")
	}
	return path
}

// browser is a headless Chromium that records what the pages log as errors.
type browser struct {
	t      *testing.T
	ctx    context.Context
	mu     sync.Mutex
	errors []string
	shots  string
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		// The machine has no internet: without these Chromium keeps
		// trying to reach Google's services.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("lang", "en-GB"),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	b := &browser{t: t, ctx: ctx, shots: t.TempDir()}
	if *screenshots {
		b.shots = filepath.Join("..", "..", "docs", "img")
		if err := os.MkdirAll(b.shots, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// Start the browser, then collect what the pages log as errors:
	// uncaught exceptions, console.error, and the browser's own errors
	// (a script or a request refused, a CSP violation).
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	console := chromedp.Console(ctx)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				b.mu.Lock()
				b.errors = append(b.errors, m.String()+" ("+m.URL+")")
				b.mu.Unlock()
			}
		}
	}()
	return b
}

// run runs steps with a deadline, failing the test with what.
func (b *browser) run(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.fail(what, err)
	}
}

// value runs an action that returns a value, with a deadline.
func value[T any](b *browser, what string, a chromedp.Action[T]) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		b.fail(what, err)
	}
	return v
}

func (b *browser) fail(what string, err error) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	defer cancel()
	body, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("body")))
	b.t.Fatalf("%s: %v\npage text:\n%s", what, err, body)
}

// poll reports whether a JavaScript expression turns true within d, without
// failing the test.
func (b *browser) poll(js string, d time.Duration) bool {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, d+5*time.Second)
	defer cancel()
	ok, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(d)))
	return err == nil && ok
}

// wait waits until a JavaScript expression is true.
func (b *browser) wait(what, js string) {
	b.t.Helper()
	value(b, what, chromedp.Poll[bool](js, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(25*time.Second)))
}

// shoot saves a screenshot of the page as name.png.
func (b *browser) shoot(name string) {
	b.t.Helper()
	time.Sleep(200 * time.Millisecond) // let the last paint land
	png := value(b, "screenshot "+name, chromedp.CaptureScreenshot())
	if err := os.WriteFile(filepath.Join(b.shots, name+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// accessibilityProblems lists what a page lacks for keyboards and screen
// readers: a language, one h1, a main landmark, a label for every control,
// a name for every link and button, text alternatives for images.
const accessibilityProblems = `(() => {
  const out = [];
  if (!document.documentElement.lang) out.push('no lang on <html>');
  if (document.querySelectorAll('h1').length !== 1) out.push(document.querySelectorAll('h1').length + ' h1 elements');
  if (!document.querySelector('main')) out.push('no <main>');
  const named = (el) => (el.getAttribute('aria-label') || el.getAttribute('title') || el.textContent || '').trim() !== '';
  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (el.type === 'hidden') continue;
    const labelled = el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
    if (!labelled) out.push('unlabelled ' + el.tagName.toLowerCase() + ' ' + (el.name || el.id));
  }
  for (const el of document.querySelectorAll('a[href], button')) if (!named(el)) out.push('unnamed ' + el.tagName.toLowerCase() + ' ' + el.outerHTML.slice(0, 80));
  for (const el of document.querySelectorAll('img')) if (!el.hasAttribute('alt')) out.push('image without alt');
  for (const el of document.querySelectorAll('canvas')) if (!el.closest('[role=img][aria-label]')) out.push('canvas without a text alternative');
  return out;
})()`

// noErrors fails the test if a page logged an error since the last call,
// or lacks what keyboards and screen readers need.
func (b *browser) noErrors(page string) {
	b.t.Helper()
	if problems := value(b, "accessibility of "+page, chromedp.Evaluate[[]string](accessibilityProblems)); len(problems) > 0 {
		b.t.Errorf("%s: %s", page, strings.Join(problems, "; "))
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.errors) > 0 {
		b.t.Errorf("%s logged errors:\n%s", page, strings.Join(b.errors, "\n"))
	}
	b.errors = nil
}

// count returns how many elements match a CSS selector.
func (b *browser) count(sel string) int {
	b.t.Helper()
	return value(b, "count "+sel, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll(%q).length`, sel)))
}

// waitCount waits until exactly n elements match sel.
func (b *browser) waitCount(sel string, n int) {
	b.t.Helper()
	b.wait(fmt.Sprintf("waiting for %d of %s", n, sel), fmt.Sprintf(`document.querySelectorAll(%q).length === %d`, sel, n))
}

// text is the text of the first element that matches sel.
func (b *browser) text(sel string) string {
	b.t.Helper()
	return value(b, "text of "+sel, chromedp.Text(chromedp.CSS(sel)))
}

// open loads a page and waits until sel is visible.
func (b *browser) open(url, sel string) {
	b.t.Helper()
	b.run("open "+url, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(sel)))
}

// serveDashboard starts diplograph serve on a free port and returns its URL.
func startServe(t *testing.T, cfg linker.Neo4jConfig, natsURL string) string {
	t.Helper()
	addr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var errb syncBuffer
	go func() {
		done <- dispatch(ctx, append([]string{"serve", "--listen", addr, "--nats-url", natsURL, "--log-level", "warn"}, neo4jArgs(cfg)...), &syncBuffer{}, &errb)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("diplograph serve: %v\n%s", err, errb.String())
			}
		case <-time.After(10 * time.Second):
			t.Error("diplograph serve did not stop")
		}
	})
	base := "http://" + addr
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + "/api/filters")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return base
			}
		}
		select {
		case err := <-done:
			t.Fatalf("diplograph serve stopped: %v\n%s", err, errb.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("diplograph serve did not answer: %v\n%s", err, errb.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestTheDashboardInARealBrowser drives headless Chromium through every
// page of diplograph serve on a test graph in the real Neo4j, with a real
// JetStream and linker behind the live feed.
func TestTheDashboardInARealBrowser(t *testing.T) {
	cfg := neo4jConfig(t)
	b := newBrowser(t)
	ctx := context.Background()
	graph, err := linker.OpenGraph(ctx, cfg, quietLog(), linker.WithGazetteer(nil))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { graph.Close(ctx) }) // after the test graph's removal
	if err := graph.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	tg := dashboardtest.New(neo4jtest.Run())
	dashboardtest.Write(t, graph, tg)

	bus := natstest.Start(t)
	lctx, stopLinker := context.WithCancel(ctx)
	linked := make(chan error, 1)
	go func() { linked <- (&linker.Service{Graph: graph, JS: bus.JS, Log: quietLog()}).Run(lctx) }()
	defer func() { stopLinker(); <-linked }()

	base := startServe(t, cfg, bus.URL())
	src := url.Values{"source": {tg.SourceEN}}.Encode()

	t.Run("the stance matrix shows the actors and opens a cell's claims", func(t *testing.T) {
		b.t = t
		b.open(base+"/?"+src, "table.matrix")
		rows := b.text("table.matrix tbody")
		for _, want := range []string{"Japan", "United States", "United Kingdom", "France", "China", "Australia"} {
			if !strings.Contains(rows, want) {
				t.Errorf("the matrix has no row for %s:\n%s", want, rows)
			}
		}
		cell := `table.matrix a[aria-label^="Japan about China: 2 claims (concern 2)"]`
		if b.count(cell) != 1 {
			t.Fatalf("no Japan × China cell with 2 concerns")
		}
		b.shoot("stance-matrix")
		b.noErrors("the stance matrix")
		b.run("open the cell", chromedp.Click(chromedp.CSS(cell)))
		b.waitCount("article.claim", 2)
		if got := b.text("ol.claims"); !strings.Contains(got, "China's activities at sea") || !strings.Contains(got, "coast guard") {
			t.Errorf("the cell's claims:\n%s", got)
		}
		b.noErrors("the cell's claims")
	})

	t.Run("a filter narrows the claim explorer", func(t *testing.T) {
		b.t = t
		b.open(base+"/claims?"+src, "ol.claims")
		b.waitCount("article.claim", 11)
		b.run("filter by predicate",
			chromedp.SetValue(chromedp.CSS(`form.filters select[name="predicate"]`), "commit"),
			chromedp.Click(chromedp.CSS(`form.filters button[type="submit"]`)))
		b.waitCount("article.claim", 4)
		loc := value(b, "location", chromedp.Location())
		if !strings.Contains(loc, "predicate=commit") {
			t.Errorf("the filter is not in the address, so it cannot be shared: %s", loc)
		}
		if got := b.text("ol.claims"); strings.Contains(got, "opposes") {
			t.Errorf("the narrowed list still has other predicates:\n%s", got)
		}
		b.shoot("claim-explorer")
		b.noErrors("the claim explorer")
	})

	t.Run("a claim shows its evidence highlighted in its sentence, in both languages", func(t *testing.T) {
		b.t = t
		q := url.Values{"topic": {tg.Topic("economic-coercion")}, "lang": {"zh"}}.Encode()
		b.open(base+"/claims?"+q, "article.claim mark")
		b.waitCount("article.claim", 1)
		b.waitCount("article.claim blockquote mark", 2)
		marks := value(b, "marks", chromedp.Evaluate[[]string](`[...document.querySelectorAll('article.claim mark')].map(m => m.textContent)`))
		if strings.Join(marks, "|") != "Japan strongly opposed economic coercion|日方强烈反对经济胁迫" {
			t.Errorf("highlighted evidence: %q", marks)
		}
		quote := b.text("article.claim blockquote")
		if !strings.HasPrefix(quote, "At the meeting in Tokyo, Japan strongly opposed") {
			t.Errorf("the evidence is not shown in its sentence: %q", quote)
		}
		meta := b.text("article.claim .meta")
		if !strings.Contains(meta, "Reported 2 times in English and Chinese by 2 sources") {
			t.Errorf("corroboration across languages: %q", meta)
		}
		prov := b.text("article.claim .provenance")
		if !strings.Contains(prov, "en.oppose.test") || !strings.Contains(prov, "rules-test-1") {
			t.Errorf("rule and rules version: %q", prov)
		}
		b.shoot("claim-evidence")
		b.noErrors("a claim")
	})

	t.Run("an actor page has its stance history, commitments and officials", func(t *testing.T) {
		b.t = t
		b.open(base+"/actors/JPN", "#officials")
		page := b.text("main")
		for _, want := range []string{"Japan", "Stance over time", "China", "Commitments", "No deadline", "maritime security", "Yoko Kamikawa", "2024-03-12"} {
			if !strings.Contains(page, want) {
				t.Errorf("the actor page lacks %q", want)
			}
		}
		b.shoot("actor-page")
		b.noErrors("the actor page")
		b.open(base+"/actors/GBR", "#commitments")
		if got := b.text(`section[aria-label="Overdue"]`); !strings.Contains(got, "carrier strike group") {
			t.Errorf("the UK's overdue commitments: %q", got)
		}
		b.noErrors("the UK's page")
	})

	t.Run("the graph view draws the neighbourhood", func(t *testing.T) {
		b.t = t
		id := url.PathEscape(tg.Topic("climate-finance"))
		b.open(base+"/graph/"+id, ".graph canvas")
		nodes := b.count("table.plain tbody tr")
		if nodes != 2 {
			t.Errorf("%d links listed, want 2 (France and the United States commit)", nodes)
		}
		if got := b.text("table.plain"); !strings.Contains(got, "France") || !strings.Contains(got, "United States") {
			t.Errorf("links: %q", got)
		}
		b.open(base+"/graph/JPN", ".graph canvas")
		b.shoot("graph-view")
		b.noErrors("the graph view")
	})

	t.Run("the live feed shows a claim linked after the page opened", func(t *testing.T) {
		b.t = t
		b.open(base+"/live?actor=FRA", "ol.feed")
		b.wait("the feed connects", `document.querySelector('.status').classList.contains('live')`)
		what := "the strike on the port of " + tg.Token
		x := tg.Extraction("live-1", time.Now().UTC().Format(time.DateOnly), what)
		if _, err := natsx.Publish(ctx, bus.JS, natsx.Event{Subject: schemas.ExtractionSubject("en"), ID: x.ArticleID, Type: schemas.ExtractionV1, Source: "test", Body: x}); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _, _ = graph.RemoveArticles(ctx, []string{x.ArticleID}) })
		b.wait("the new claim appears", fmt.Sprintf(`[...document.querySelectorAll('ol.feed li')].some(li => li.textContent.includes(%q))`, what))
		if got := b.text("ol.feed li"); !strings.Contains(got, "condemns") || !strings.Contains(got, "RUS") {
			t.Errorf("the live entry: %q", got)
		}
		b.shoot("live-feed")
		b.noErrors("the live feed")
	})
}

// diplograph run serves the dashboard too, its live feed on the run's own
// NATS connection.
func TestRunServesTheDashboard(t *testing.T) {
	cfg := neo4jConfig(t)
	addr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var errb syncBuffer
	go func() {
		done <- dispatch(ctx, append([]string{"run", "--listen", addr, "--nats-listen", "127.0.0.1:0", "--health", "",
			"--data", t.TempDir(), "--log-level", "warn"}, neo4jArgs(cfg)...), &syncBuffer{}, &errb)
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("run: %v\n%s", err, errb.String())
		}
	}()
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get("http://" + addr + "/api/live")
		if err == nil {
			// The feed's first event says it reads the run's stream.
			buf := make([]byte, 512)
			n, _ := resp.Body.Read(buf)
			resp.Body.Close()
			if resp.StatusCode == 200 && strings.Contains(string(buf[:n]), "event: status") {
				return
			}
		}
		select {
		case err := <-done:
			t.Fatalf("run stopped: %v\n%s", err, errb.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("run did not serve the dashboard on %s: %v\n%s", addr, err, errb.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
}

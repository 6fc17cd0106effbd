package systest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker"
)

// writeReprocessCorpus writes articles in English and Chinese, built from
// sentences written for this test: on each of three days, each of six
// states says six or seven things, one with a verb the rules may not know;
// on the first day one statement also comes in Chinese (one claim, two
// reports). It returns how many.
func writeReprocessCorpus(t *testing.T, dir string) int {
	t.Helper()
	type state struct{ en, zh string }
	states := []state{{"Japan", "日本"}, {"France", "法国"}, {"Germany", "德国"}, {"Australia", "澳大利亚"}, {"Canada", "加拿大"}, {"India", "印度"}}
	templates := []struct {
		lang, text string
		firstDay   bool
	}{
		{"en", "%s firmly opposes economic coercion against its partners.", false},
		{"zh", "%s坚决反对经济胁迫。", true},
		{"en", "%s admonishes North Korea over its missile launches.", false},
		{"zh", "%s对南海局势表示严重关切。", false},
		{"en", "%s condemns the attacks on commercial ships in the Red Sea.", false},
		{"zh", "%s呼吁朝鲜放弃核武器计划。", false},
		{"en", "%s welcomed the ceasefire in the Gaza Strip.", false},
		{"zh", "%s支持乌克兰的主权和领土完整。", false},
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	base := time.Date(2025, 3, 3, 8, 0, 0, 0, time.UTC)
	n := 0
	for d := range 3 {
		day := base.AddDate(0, 0, 7*d)
		for _, s := range states {
			for k, tpl := range templates {
				if tpl.firstDay && d > 0 {
					continue
				}
				name := s.en
				note := fmt.Sprintf("<p>The statement was issued on the record as item %d of the series.</p>", n)
				if tpl.lang == "zh" {
					name, note = s.zh, fmt.Sprintf("<p>这是本系列的第%d号声明。</p>", n)
				}
				body := fmt.Sprintf("<p>%s</p>%s", fmt.Sprintf(tpl.text, name), note)
				doc := fmt.Sprintf("<!--%d-->\n[Statement %d](https://example.org/reprocess/%d-%d)\n------\n\n%s\n", day.Add(time.Duration(k)*time.Minute).UnixMilli(), n, d, n, body)
				if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("item-%04d.txt", n)), []byte(doc), 0o644); err != nil {
					t.Fatal(err)
				}
				n++
			}
		}
	}
	return n
}

// reprocessPipeline is a pipeline whose linker serves its metrics, so that
// the test can count what it wrote.
func reprocessPipeline(t *testing.T, neo *localNeo4j, corpus, rules string, linkBatch int) (*pipeline, string) {
	t.Helper()
	p := newPipeline(t, neo, corpus)
	// The processes share one environment slice: each gets its own copy.
	if rules != "" {
		p.extract.env = append(slices.Clone(p.extract.env), "DIPLOGRAPH_RULES="+rules)
	}
	metrics := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	p.link.env = append(slices.Clone(p.link.env), "HEALTH_ADDR="+metrics, "LINK_BATCH="+strconv.Itoa(linkBatch))
	return p, "http://" + metrics + "/metrics"
}

// linkerCount reads one kind of diplograph_items_total of the linker.
func linkerCount(t *testing.T, url, kind string) int {
	t.Helper()
	n, err := scrape(url, kind)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func scrape(url, kind string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, err
	}
	m := regexp.MustCompile(`diplograph_items_total\{kind="` + kind + `",stage="linker"\} (\d+)`).FindSubmatch(b)
	if m == nil {
		return 0, nil
	}
	return strconv.Atoi(string(m[1]))
}

// reprocess runs diplograph reprocess --all (and args) against the
// pipeline's NATS, with env added to the test's environment, and returns
// its standard output; it fails the test unless it succeeds.
func reprocess(t *testing.T, p *pipeline, neo *localNeo4j, started chan<- struct{}, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(filepath.Join(binaries(t), "diplograph"), append([]string{"reprocess", "--all", "--log-level", "warn",
		"--nats-url", p.srv.ClientURL(), "--neo4j-uri", neo.cfg.URI, "--neo4j-user", neo.cfg.User, "--neo4j-password", neo.cfg.Password}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if started != nil {
		close(started)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("diplograph reprocess: %v\n%s%s", err, out.String(), errb.String())
		}
	case <-time.After(5 * time.Minute):
		_ = cmd.Process.Kill()
		t.Fatalf("diplograph reprocess did not end in 5 minutes\n%s%s", out.String(), errb.String())
	}
	return out.String()
}

// table is the summary's table and claim counts, without its examples.
func table(out string) string {
	i := strings.Index(out, "claim reports by predicate")
	j := strings.Index(out, "examples (")
	if i < 0 {
		return ""
	}
	if j < i {
		j = len(out)
	}
	return out[i:j]
}

// claimsOfGraph returns the graph's claims: id → predicate and actors.
func claimsOfGraph(t *testing.T, g *linker.Graph) map[string][]string {
	t.Helper()
	_, rows, err := g.Query(context.Background(), `MATCH (c:Claim) RETURN c.id, c.predicate, c.actors`, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, r := range rows {
		v := []string{r[1].(string)}
		for _, a := range r[2].([]any) {
			v = append(v, a.(string))
		}
		out[r[0].(string)] = v
	}
	return out
}

// retractionEvents returns, per "subject claim", the retraction events on
// CLAIMS; each must match its schema and sit on its claim's subject.
func retractionEvents(t *testing.T, js jetstream.JetStream) map[string]int {
	t.Helper()
	ctx := context.Background()
	v, err := schemas.NewValidator(schemas.ClaimRetractedV1)
	if err != nil {
		t.Fatal(err)
	}
	c, err := js.OrderedConsumer(ctx, schemas.StreamClaims, jetstream.OrderedConsumerConfig{})
	if err != nil {
		t.Fatal(err)
	}
	info, err := c.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	left := info.NumPending
	for left > 0 {
		batch, err := c.Fetch(1000, jetstream.FetchMaxWait(5*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		got := 0
		for m := range batch.Messages() {
			got++
			md, _ := m.Metadata()
			left = md.NumPending
			if m.Headers().Get(natsx.HeaderType) != schemas.ClaimRetractedV1 {
				continue
			}
			var e schemas.ClaimRetraction
			if err := json.Unmarshal(m.Data(), &e); err != nil {
				t.Fatal(err)
			}
			if err := v.Validate(e); err != nil {
				t.Errorf("retraction on %s: %v", m.Subject(), err)
			}
			if m.Subject() != schemas.ClaimSubject(e.Predicate, e.Actor) {
				t.Errorf("retraction of %s for %s on %s, not its claim's subject", e.ID, e.Actor, m.Subject())
			}
			out[m.Subject()+" "+e.ID]++
		}
		if got == 0 {
			t.Fatalf("claims stream: nothing read with %d left", left)
		}
	}
	return out
}

// checkRetractions checks that every claim of before that the graph no
// longer holds got exactly one retraction event per actor, and that no
// claim the graph holds got one.
func checkRetractions(t *testing.T, before, after map[string][]string, events map[string]int) int {
	t.Helper()
	want := map[string]bool{}
	for id, v := range before {
		if _, ok := after[id]; ok {
			continue
		}
		for _, actor := range v[1:] {
			want[schemas.ClaimSubject(v[0], actor)+" "+id] = true
		}
	}
	for k := range want {
		if events[k] != 1 {
			t.Errorf("retracted claim %s: %d retraction events, want 1", k, events[k])
		}
	}
	for k, n := range events {
		if !want[k] {
			t.Errorf("%d retraction events for %s, which the graph still holds (or never held)", n, k)
		}
	}
	return len(want)
}

// TestReprocessingWithNewRulesGivesTheGraphOfACleanRun links a corpus with
// the current rules (A), changes them (rules B: one cue dropped, one added,
// through DIPLOGRAPH_RULES), lets the ARTICLES stream forget the articles
// (as its age limit does) and reprocesses every archived article through
// the extractor and linker processes: the graph must equal that of a clean
// run with rules B; every retracted claim must get exactly one
// schema-valid retraction event per actor, and no claim still evidenced
// one; a second reprocess must write nothing. The same again with the
// linker killed in the middle of the reprocess.
func TestReprocessingWithNewRulesGivesTheGraphOfACleanRun(t *testing.T) {
	if testing.Short() {
		t.Skip("system test; runs without -short")
	}
	corpus := filepath.Join(t.TempDir(), "corpus")
	n := writeReprocessCorpus(t, corpus)
	rules, dropped, added := rulesB(t, corpus)
	neo := startNeo4j(t)
	g := neo.graph(t)

	// The clean run with rules B.
	clean, _ := reprocessPipeline(t, neo, corpus, rules, 8)
	clean.link.start()
	clean.extract.start()
	clean.fetcher.start()
	eventually(t, 3*time.Minute, "clean run with rules B", func() (bool, string) { return clean.settled(n) })
	clean.extract.stop()
	clean.link.stop()
	want := dumpGraph(t, g)
	if !strings.Contains(strings.Join(want, "\n"), "EVIDENCED_BY") {
		t.Fatalf("the clean run linked no claim")
	}
	wipe(t, g)

	for _, tc := range []struct {
		name       string
		killLinker bool
	}{{"undisturbed", false}, {"with the linker killed mid-reprocess", true}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Cleanup(func() { wipe(t, g) })
			p, metrics := reprocessPipeline(t, neo, corpus, "", 2)
			p.link.start()
			p.extract.start()
			p.fetcher.start()
			eventually(t, 3*time.Minute, "first run with rules A", func() (bool, string) { return p.settled(n) })
			before := claimsOfGraph(t, g)

			// Rules B from now on; the articles leave the ARTICLES stream.
			p.extract.stop()
			p.extract.env = append(slices.Clone(p.extract.env), "DIPLOGRAPH_RULES="+rules)
			p.extract.start()
			js := p.js()
			st, err := js.Stream(context.Background(), schemas.StreamArticles)
			if err != nil {
				t.Fatal(err)
			}
			if err := st.Purge(context.Background()); err != nil {
				t.Fatal(err)
			}

			// What rules B would change, as this process reads them…
			var predicted string
			if !tc.killLinker {
				predicted = table(reprocess(t, p, neo, nil, []string{"DIPLOGRAPH_RULES=" + rules}, "--dry-run"))
			}
			started := make(chan struct{})
			killed := make(chan string, 1)
			if tc.killLinker {
				go func() {
					<-started
					killed <- killMidway(p, js, metrics, n)
				}()
			}
			out := reprocess(t, p, neo, started, nil)
			if tc.killLinker {
				if state := <-killed; state != "" {
					t.Fatalf("the linker was not killed in the middle of the reprocess: %s", state)
				}
			}
			if !strings.Contains(out, "add") || !strings.Contains(out, "retract") {
				t.Errorf("no summary printed:\n%s", out)
			}
			// …is what they changed.
			if !tc.killLinker && table(out) != predicted {
				t.Errorf("the dry run predicted\n%s\nthe reprocess did\n%s", predicted, table(out))
			}
			got := dumpGraph(t, g)
			if d := diff(want, got); d != "" {
				t.Fatalf("after reprocessing with rules B (cue %q dropped, %q added) the graph differs from a clean run with rules B (%d vs %d lines):\n%s",
					dropped, added, len(want), len(got), d)
			}
			after := claimsOfGraph(t, g)
			retracted := checkRetractions(t, before, after, retractionEvents(t, js))
			if retracted == 0 {
				t.Errorf("rules B retracted no claim: the test proves less than it says")
			}
			t.Logf("%s: %d articles, %d claims before, %d after, %d claim subjects retracted; launches of the linker: %d; graph identical to the clean run's (%d lines)",
				tc.name, n, len(before), len(after), retracted, p.link.starts, len(got))
			t.Logf("summary:\n%s", out)

			if tc.killLinker {
				return
			}
			// A second reprocess: every article reaches the linker, which
			// writes none.
			written, unchanged := linkerCount(t, metrics, "articles_written"), linkerCount(t, metrics, "articles_unchanged")
			restamped := linkerCount(t, metrics, "articles_restamped")
			reprocess(t, p, neo, nil, nil)
			if w := linkerCount(t, metrics, "articles_written") - written; w != 0 {
				t.Errorf("the second reprocess wrote %d articles, want none", w)
			}
			if r := linkerCount(t, metrics, "articles_restamped") - restamped; r != 0 {
				t.Errorf("the second reprocess restamped %d articles, want none", r)
			}
			if u := linkerCount(t, metrics, "articles_unchanged") - unchanged; u != n {
				t.Errorf("the second reprocess brought %d unchanged articles to the linker, want all %d", u, n)
			}
			if d := diff(want, dumpGraph(t, g)); d != "" {
				t.Errorf("the second reprocess changed the graph:\n%s", d)
			}
		})
	}
}

// killMidway kills the linker once it has linked some of the reprocess's
// extractions but not all, and returns "" when it did so, or what it saw.
// It runs beside the test, and so reports instead of failing.
func killMidway(p *pipeline, js jetstream.JetStream, metrics string, n int) string {
	base, err := scrape(metrics, "articles")
	if err != nil {
		return err.Error()
	}
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		now, err := scrape(metrics, "articles")
		if err != nil {
			return err.Error()
		}
		if seen := now - base; seen >= n/5 {
			p.link.kill()
			cons, err := js.Consumer(context.Background(), schemas.StreamExtractions, natsx.ConsumerLinker)
			if err != nil {
				return err.Error()
			}
			info, err := cons.Info(context.Background())
			if err != nil {
				return err.Error()
			}
			left, err := itemsLeft(js)
			if err != nil {
				return err.Error()
			}
			pending := info.NumPending + uint64(info.NumAckPending)
			if pending == 0 && left == 0 {
				return fmt.Sprintf("killed after %d articles, with nothing left to link", seen)
			}
			p.t.Logf("linker killed after it linked %d reprocessed articles; %d extractions pending, %d articles not yet extracted", seen, pending, left)
			return ""
		}
		time.Sleep(20 * time.Millisecond)
	}
	return "the linker linked too little of the reprocess in 2 minutes"
}

// itemsLeft counts the reprocess items on the work queue.
func itemsLeft(js jetstream.JetStream) (uint64, error) {
	st, err := js.Stream(context.Background(), schemas.StreamReprocess)
	if err != nil {
		return 0, err
	}
	info, err := st.Info(context.Background())
	if err != nil {
		return 0, err
	}
	return info.State.Msgs, nil
}

package fetcher

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestFeedItemsWithoutTextGetTheirPageExtracted(t *testing.T) {
	var pageHits atomic.Int64
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>S</title><link>%[1]s/</link>
<item><title>Readout</title><link>%[1]s/news/1?utm_campaign=rss</link><guid>1</guid><pubDate>Mon, 02 Aug 2021 10:00:00 +0000</pubDate><description>teaser</description></item>
<item><title>Gone</title><link>%[1]s/news/404</link><guid>2</guid></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/news/1", func(w http.ResponseWriter, r *http.Request) {
		pageHits.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<html><head><title>Readout | Ministry</title><link rel="canonical" href="/news/readout-1"></head><body>
<nav>Home | About | Contact</nav><article><h1>Readout</h1>%s</article><footer>© Ministry</footer></body></html>`,
			strings.Repeat("<p>The Secretary met the Foreign Minister and they reaffirmed their commitment to a peaceful resolution of the dispute.</p>", 8))
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()

	js := startJetStream(t)
	pub, err := NewJetStreamPublisher(js)
	if err != nil {
		t.Fatal(err)
	}
	dlq := &recordedDLQ{}
	opts := IngestOptions{HTTP: loopbackHTTP(), DeadLetter: dlq.record}
	s, err := Ingest(context.Background(), pub, []string{srv.URL + "/feed"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if s.Published != 1 || s.Failed != 1 || s.Failures[0].Reason != ReasonHTTPStatus || len(dlq.reasons) != 1 {
		t.Fatalf("%+v; dead letters %v", s, dlq.reasons)
	}
	arts := streamArticles(t, js)
	a := arts[0]
	if a.URL != srv.URL+"/news/readout-1" || a.Title != "Readout" || a.Published == nil || a.Format != "html" {
		t.Errorf("url %q title %q published %v format %q", a.URL, a.Title, a.Published, a.Format)
	}
	if !strings.Contains(a.Body, "reaffirmed their commitment") || strings.Contains(a.Body, "Contact") {
		t.Errorf("main content not extracted: %q", a.Body)
	}
	validArticle(t, articleSchema(t), a)
	// A second run finds the item in the seen-set and does not fetch its page again.
	s, _ = Ingest(context.Background(), pub, []string{srv.URL + "/feed"}, opts)
	if s.Published != 0 || s.Duplicates != 1 || pageHits.Load() != 1 {
		t.Errorf("second run %+v, page fetched %d times", s, pageHits.Load())
	}
}

func TestIngestMixedFolderReportsEveryBadFileAndPublishesTheRest(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":            "The two sides agreed to resume talks.",
		"b.html":           "<html><body><p>Statement</p></body></html>",
		"sub/c.md":         dump(),
		"sub/feed.xml":     smallFeed,
		"empty.txt":        "  \n",
		"bad.xml":          "<rss><channel><item><title>x</ti",
		"junk.html":        "\x00\x01\x02binary",
		"README.md":        "documentation, not an article",
		".hidden/x.txt":    "skipped",
		"ignored.pdf":      "%PDF-1.4",
		"feed.json":        `{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"https://j.example/1","content_text":"Text."}]}`,
		"sub/deeper/d.htm": "<p>Deep</p>",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pub := newMemPublisher()
	dlq := &recordedDLQ{}
	var calls atomic.Int64
	s, err := Ingest(context.Background(), pub, []string{dir, filepath.Join(dir, "missing.txt")}, IngestOptions{
		DeadLetter: dlq.record, Progress: func(Stats, int) { calls.Add(1) }, ProgressEvery: time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	// a, b, c, 2 feed items, 1 JSON item, d = 7 published; empty, bad.xml, junk, missing = 4 failed.
	if s.Published != 7 || s.Failed != 4 || s.Seen != 11 {
		t.Fatalf("%+v", s)
	}
	reasons := map[string]int{}
	for _, f := range s.Failures {
		reasons[f.Reason]++
	}
	want := map[string]int{ReasonEmpty: 1, ReasonMalformed: 1, ReasonBinary: 1, ReasonNotFound: 1}
	if fmt.Sprint(reasons) != fmt.Sprint(want) || len(dlq.reasons) != 4 {
		t.Errorf("reasons %v, want %v; dead letters %v", reasons, want, dlq.reasons)
	}
	if calls.Load() == 0 {
		t.Error("progress never reported")
	}
}

func TestIngestReadsStandardInput(t *testing.T) {
	pub := newMemPublisher()
	r := newRun(pub, IngestOptions{}, strings.NewReader(smallFeed))
	r.addInput(context.Background(), Stdin)
	r.wg.Wait()
	if s := r.snapshot(); s.Published != 2 {
		t.Fatalf("%+v", s)
	}
	r = newRun(pub, IngestOptions{}, bytes.NewReader([]byte("A plain statement.")))
	r.addInput(context.Background(), Stdin)
	r.wg.Wait()
	if s := r.snapshot(); s.Published != 1 || pub.published()[2].Name != "stdin" {
		t.Fatalf("%+v", s)
	}
}

func TestIngestStopsWhenTheContextEnds(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := Ingest(ctx, newMemPublisher(), []string{srv.URL + "/a", srv.URL + "/b"}, IngestOptions{HTTP: loopbackHTTP()})
	if err == nil || time.Since(start) > 2*time.Second {
		t.Fatalf("err %v after %s", err, time.Since(start))
	}
}

func dump() string {
	return "<!--1627898400000-->\n[Sherman meets Lee](https://www.state.gov/sherman)\n------\n\n<div><p>They reaffirmed their commitment.</p></div>\n"
}

func TestIngestFetchesAListOfURLs(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<html><body><article><p>Statement %s: the parties agreed to meet again.</p></article></body></html>", r.URL.Path)
	}))
	defer srv.Close()
	list := filepath.Join(t.TempDir(), "urls.txt")
	body := "# statements\n" + srv.URL + "/1\n\n" + srv.URL + "/2\n"
	if err := os.WriteFile(list, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	pub := newMemPublisher()
	s, err := Ingest(context.Background(), pub, []string{list}, IngestOptions{HTTP: loopbackHTTP()})
	if err != nil || s.Published != 2 || s.Seen != 2 {
		t.Fatalf("%+v %v", s, err)
	}
	r := newRun(pub, IngestOptions{HTTP: loopbackHTTP()}, strings.NewReader(body+srv.URL+"/3\n"))
	r.addInput(context.Background(), Stdin)
	r.wg.Wait()
	if s := r.snapshot(); s.Published != 1 || s.Duplicates != 2 {
		t.Fatalf("stdin list: %+v", s)
	}
	if urlList([]byte("see https://x.example/ for details")) != nil {
		t.Error("prose taken for a URL list")
	}
}

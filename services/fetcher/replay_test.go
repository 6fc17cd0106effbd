package fetcher

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"sync/atomic"
	"testing"
	"time"

	"github.com/diplograph/diplograph/schemas"
)

// loopbackHTTP is the HTTP configuration of tests: loopback allowed, no
// per-host delay, quick retries.
func loopbackHTTP() *HTTPConfig {
	return &HTTPConfig{Allow: []string{"127.0.0.1/32"}, PerHostInterval: -1, Timeout: 2 * time.Second,
		RetryBase: 10 * time.Millisecond, MaxRetryWait: 2 * time.Second, Retries: 2}
}

// feedServer serves one of several feed versions at /feed, with an ETag
// and Last-Modified per version, answering conditional requests with 304.
type feedServer struct {
	versions    [][]byte
	current     atomic.Int64
	requests    atomic.Int64
	conditional atomic.Int64
	notModified atomic.Int64
}

func (f *feedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/feed" {
		http.NotFound(w, r)
		return
	}
	f.requests.Add(1)
	v := f.current.Load()
	etag := fmt.Sprintf(`"v%d"`, v)
	lm := time.Date(2021, 7, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(v) * time.Hour).Format(http.TimeFormat)
	if r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "" {
		f.conditional.Add(1)
	}
	if r.Header.Get("If-None-Match") == etag {
		f.notModified.Add(1)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", lm)
	w.Header().Set("Content-Type", "application/rss+xml; charset=UTF-8")
	_, _ = w.Write(f.versions[v])
}

// rssGUIDs lists the guids of an RSS document with encoding/xml, as an
// independent count.
func rssGUIDs(t testing.TB, data []byte) []string {
	var doc struct {
		Items []struct {
			GUID string `xml:"guid"`
		} `xml:"channel>item"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, it := range doc.Items {
		out = append(out, it.GUID)
	}
	return out
}

// TestRSSReplayPublishesEachPressReleaseOnceAcrossARestart serves 40
// successive snapshots of a press-release feed, polling each twice and
// restarting the fetcher halfway: each release is published once, and the
// second poll of a snapshot is answered 304. With DIPLOGRAPH_CORPUS set it
// replays the shared corpus's State Department snapshots too.
func TestRSSReplayPublishesEachPressReleaseOnceAcrossARestart(t *testing.T) {
	versions, _ := pressFeedVersions(40, 10, 3)
	t.Run("generated", func(t *testing.T) { replayFeed(t, versions) })
	if dir := corpusFromEnv(t, "state-dept-press-rss"); dir != "" {
		paths, err := filepath.Glob(filepath.Join(dir, "*", "data.rss"))
		if err != nil || len(paths) == 0 {
			t.Fatalf("no data.rss under %s: %v", dir, err)
		}
		sort.Strings(paths) // folder names start with the commit time
		var real [][]byte
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			real = append(real, data)
		}
		t.Run("state-dept-press-rss", func(t *testing.T) { replayFeed(t, real) })
	}
}

func replayFeed(t *testing.T, versions [][]byte) {
	fs := &feedServer{versions: versions}
	guids := map[string]bool{}
	for _, data := range versions {
		for _, g := range rssGUIDs(t, data) {
			guids[g] = true
		}
	}
	srv := httptest.NewServer(fs)
	defer srv.Close()

	js := startJetStream(t)
	src := SourceConfig{Name: "press", Kind: KindFeed, URL: srv.URL + "/feed", Interval: time.Minute}
	ctx := context.Background()
	var total Stats
	poller := func() *Poller {
		pub, err := NewJetStreamPublisher(js)
		if err != nil {
			t.Fatal(err)
		}
		p, err := NewPoller(pub, PollOptions{HTTP: loopbackHTTP()})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	p := poller()
	restartAt := len(fs.versions) / 2
	start := time.Now()
	for i := range fs.versions {
		if i == restartAt {
			// A new process: a fresh publisher and HTTP client, the same KV
			// bucket. It first sees the feed as the old process last saw it:
			// nothing of it may be published again.
			p.Close()
			p = poller()
			s := p.Once(ctx, src)
			if s.Published != 0 || s.Duplicates != 10 {
				t.Fatalf("after the restart: %+v, want 10 duplicates and nothing published", s)
			}
			total.Duplicates += s.Duplicates
		}
		fs.current.Store(int64(i))
		for range 2 { // the second poll of a version is answered 304
			s := p.Once(ctx, src)
			for _, f := range s.Failures {
				t.Errorf("version %d: %s: %s: %v", i, f.Input, f.Reason, f.Err)
			}
			total.Published += s.Published
			total.Duplicates += s.Duplicates
			total.Failed += s.Failed
		}
	}
	p.Close()
	elapsed := time.Since(start)
	arts := streamArticles(t, js)
	urls := map[string]int{}
	schema := articleSchema(t)
	for _, a := range arts {
		validArticle(t, schema, a)
		urls[a.URL]++
		if a.Version != 1 || a.Replaces != "" {
			t.Errorf("%s: version %d replaces %q; no press release changed", a.URL, a.Version, a.Replaces)
		}
		if a.Source != "press" || a.Format != "html" || a.Published == nil {
			t.Errorf("%s: source %q format %q published %v", a.URL, a.Source, a.Format, a.Published)
		}
	}
	t.Logf("%d versions, %d distinct guids; published %d, duplicates %d, failed %d; %d requests, %d conditional, %d answered 304; %s",
		len(fs.versions), len(guids), total.Published, total.Duplicates, total.Failed,
		fs.requests.Load(), fs.conditional.Load(), fs.notModified.Load(), elapsed.Round(time.Millisecond))
	if total.Published != len(guids) || len(arts) != len(guids) || len(urls) != len(guids) {
		t.Fatalf("published %d, stream %d articles with %d urls; want %d distinct press releases", total.Published, len(arts), len(urls), len(guids))
	}
	// Every version but the one after the restart is polled twice with validators.
	if want := int64(len(fs.versions)) - 1; fs.notModified.Load() < want {
		t.Errorf("%d answers 304, want at least %d", fs.notModified.Load(), want)
	}
	if fs.conditional.Load() < 2*int64(len(fs.versions))-2 {
		t.Errorf("only %d conditional requests", fs.conditional.Load())
	}
}

// flakyPublisher fails while down is set.
type flakyPublisher struct {
	*memPublisher
	down atomic.Bool
}

func (f *flakyPublisher) Publish(ctx context.Context, a schemas.Article) (bool, error) {
	if f.down.Load() {
		return false, errors.New("nats: no responders available for request")
	}
	return f.memPublisher.Publish(ctx, a)
}

func TestAFeedWhoseItemsFailedIsFetchedInFullAgain(t *testing.T) {
	fs := &feedServer{versions: [][]byte{[]byte(smallFeed)}}
	srv := httptest.NewServer(fs)
	defer srv.Close()
	pub := &flakyPublisher{memPublisher: newMemPublisher()}
	p, err := NewPoller(pub, PollOptions{HTTP: loopbackHTTP()})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	src := SourceConfig{Name: "mfa", Kind: KindFeed, URL: srv.URL + "/feed", Interval: time.Minute}
	pub.down.Store(true)
	if s := p.Once(context.Background(), src); s.Failed != 2 || s.Failures[0].Reason != ReasonPublish {
		t.Fatalf("while NATS is down: %+v", s)
	}
	pub.down.Store(false)
	if s := p.Once(context.Background(), src); s.Published != 2 {
		t.Fatalf("after NATS is back: %+v (a 304 hid the items?)", s)
	}
	if s := p.Once(context.Background(), src); s.Seen != 0 || fs.notModified.Load() != 1 {
		t.Fatalf("third poll: %+v, %d answers 304", s, fs.notModified.Load())
	}
}

func TestAFeedWhoseItemFailedForGoodIsStillFetchedConditionally(t *testing.T) {
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>S</title>
<item><title>Gone</title><link>/gone</link><guid>1</guid></item></channel></rss>`
	fs := &feedServer{versions: [][]byte{[]byte(feed)}}
	srv := httptest.NewServer(fs)
	defer srv.Close()
	p, err := NewPoller(newMemPublisher(), PollOptions{HTTP: loopbackHTTP()})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	src := SourceConfig{Name: "s", Kind: KindFeed, URL: srv.URL + "/feed", Interval: time.Minute}
	if s := p.Once(context.Background(), src); s.Failed != 1 || s.Failures[0].Reason != ReasonHTTPStatus {
		t.Fatalf("first poll: %+v", s)
	}
	if s := p.Once(context.Background(), src); s.Seen != 0 || fs.notModified.Load() != 1 {
		t.Fatalf("second poll: %+v, %d answers 304; a 404 page must not make every poll fetch the whole feed", s, fs.notModified.Load())
	}
}

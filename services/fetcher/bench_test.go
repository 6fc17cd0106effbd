package fetcher

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/services/fetcher/source"
)

const benchItems = 50

// benchFeed writes an RSS 2.0 feed of benchItems items of about 4.8 KB of
// full text each (the size of a State Department press release), unique
// to page i.
func benchFeed(w http.ResponseWriter, i int) {
	w.Header().Set("Content-Type", "application/rss+xml; charset=UTF-8")
	para := strings.Repeat("<p>The Secretary and the Foreign Minister reaffirmed their commitment to the denuclearization of the Korean Peninsula and condemned the attack. </p>\n", 32)
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench</title><link>https://bench.example/</link>`)
	for j := range benchItems {
		fmt.Fprintf(&b, `<item><title>Item %[1]d-%[2]d</title><link>https://bench.example/%[1]d/%[2]d?utm_source=rss</link><guid>%[1]d-%[2]d</guid><pubDate>Mon, 02 Aug 2021 10:00:00 +0000</pubDate><content:encoded><![CDATA[<p>Release %[1]d-%[2]d.</p>%[3]s]]></content:encoded></item>`, i, j, para)
	}
	b.WriteString(`</channel></rss>`)
	_, _ = w.Write([]byte(b.String()))
}

// BenchmarkPollFeedAndPublish measures the whole path: an HTTP GET of a
// 50-item feed from a loopback server, parsing, canonical URLs and ids,
// the seen-set lookup and record, and the JetStream publish.
func BenchmarkPollFeedAndPublish(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i, _ := strconv.Atoi(r.URL.Query().Get("i"))
		benchFeed(w, i)
	}))
	defer srv.Close()
	js := startJetStream(b)
	pub, err := NewJetStreamPublisher(js)
	if err != nil {
		b.Fatal(err)
	}
	p, err := NewPoller(pub, PollOptions{HTTP: loopbackHTTP(), Workers: 8})
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	ctx := context.Background()
	published := 0
	for i := 0; b.Loop(); i++ {
		s := p.Once(ctx, SourceConfig{Name: "bench", Kind: KindFeed, URL: srv.URL + "/feed?i=" + strconv.Itoa(i), Interval: time.Minute})
		if s.Published != benchItems {
			b.Fatalf("%+v", s)
		}
		published += s.Published
	}
	b.ReportMetric(float64(published)/b.Elapsed().Seconds(), "items/s")
}

// BenchmarkIngestFeedDumpFolder measures a backfill of 1,350 feed-item
// dumps in the feedx layout (files read, parsed, published) into JetStream.
func BenchmarkIngestFeedDumpFolder(b *testing.B) {
	dir := b.TempDir()
	writeFeedDumps(b, dir, 1350)
	items := 0
	for b.Loop() {
		b.StopTimer()
		js := startJetStream(b)
		pub, err := NewJetStreamPublisher(js)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		s, err := Ingest(context.Background(), pub, []string{dir}, IngestOptions{})
		if err != nil || s.Published != 1350 {
			b.Fatalf("%+v %v", s, err)
		}
		items += s.Published
	}
	b.ReportMetric(float64(items)/b.Elapsed().Seconds(), "items/s")
}

// BenchmarkParseFeed measures parsing one snapshot of a press-release
// feed: ten releases with their full text.
func BenchmarkParseFeed(b *testing.B) {
	versions, _ := pressFeedVersions(1, 10, 0)
	data := versions[0]
	b.SetBytes(int64(len(data)))
	n := 0
	for b.Loop() {
		f, err := source.ParseFeed(data, "https://www.state.gov/rss-feed/press-releases/feed/")
		if err != nil {
			b.Fatal(err)
		}
		for _, it := range f.Items {
			if _, err := it.Article("state"); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "items/s")
}

package fetcher

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

const smallFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Ministry</title><link>https://mfa.example/</link><language>en-GB</language>
<item><title>One</title><link>https://mfa.example/1?utm_source=rss#top</link><guid>g1</guid>
<pubDate>Mon, 02 Aug 2021 10:00:00 +0000</pubDate><content:encoded><![CDATA[<p>The minister condemned the attack.</p>]]></content:encoded></item>
<item><title>Two</title><link>https://mfa.example/2</link><guid>g2</guid>
<content:encoded><![CDATA[<p>Both sides agreed to resume talks.</p>]]></content:encoded></item>
</channel></rss>`

// recordedDLQ collects dead letters.
type recordedDLQ struct {
	mu      sync.Mutex
	reasons []string
}

func (d *recordedDLQ) record(_ context.Context, input, reason string, _ error, _ []byte) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.reasons = append(d.reasons, reason)
}

func gbk(t testing.TB, s string) []byte {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestFaultsEndAsExpected(t *testing.T) {
	t.Parallel()
	var fails500, fails429 atomic.Int64
	var firstTry429 atomic.Int64
	gbkPage := gbk(t, `<html><head><meta charset="gbk"><title>外交部发言人</title></head><body><article><p>中方坚决反对美方的单边制裁，呼吁双方通过对话解决分歧。`+strings.Repeat("外交部发言人在例行记者会上表示，中方愿同各方一道维护地区和平稳定。", 20)+`</p></article></body></html>`)
	big5Page, _ := traditionalchinese.Big5.NewEncoder().Bytes([]byte(`<html><body><article><p>` + strings.Repeat("外交部發言人表示，雙方同意恢復對話。", 30) + `</p></article></body></html>`))
	sjisPage, _ := japanese.ShiftJIS.NewEncoder().Bytes([]byte(`<html><body><article><p>` + strings.Repeat("外務大臣は両国の対話の再開を歓迎した。", 30) + `</p></article></body></html>`))
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/flaky-500", func(w http.ResponseWriter, r *http.Request) {
		if fails500.Add(1) <= 2 {
			http.Error(w, "boom", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, smallFeed)
	})
	mux.HandleFunc("/busy-429", func(w http.ResponseWriter, r *http.Request) {
		if fails429.Add(1) == 1 {
			firstTry429.Store(time.Now().UnixNano())
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		if since := time.Since(time.Unix(0, firstTry429.Load())); since < 900*time.Millisecond {
			http.Error(w, fmt.Sprintf("retried after %s, before Retry-After", since), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, strings.ReplaceAll(smallFeed, "mfa.example", "busy.example"))
	})
	mux.HandleFunc("/stall", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><p>")
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/truncated", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Length", "100000")
		fmt.Fprint(w, smallFeed[:300])
	})
	mux.HandleFunc("/malformed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</title><link>https://x.example/a</link><content:encoded><![CDATA[<p>`)
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := bytes.Repeat([]byte("<p>aaaaaaaaa</p>"), 4096)
		for i := 0; i < (50<<20)/len(chunk); i++ {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop?n="+r.URL.Query().Get("n")+"x", http.StatusFound)
	})
	mux.HandleFunc("/to-private", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
	})
	mux.HandleFunc("/to-private-10", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://10.1.2.3/", http.StatusFound)
	})
	mux.HandleFunc("/gbk", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=GBK")
		_, _ = w.Write(gbkPage)
	})
	mux.HandleFunc("/gbk-meta-only", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write(gbkPage)
	})
	mux.HandleFunc("/big5", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=big5")
		_, _ = w.Write(big5Page)
	})
	mux.HandleFunc("/sjis", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=Shift_JIS")
		_, _ = w.Write(sjisPage)
	})
	mux.HandleFunc("/image.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		_, _ = w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	})
	mux.HandleFunc("/binary", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte("\x00\x01\x02\x03binary junk\x00\x00"))
	})
	mux.HandleFunc("/private/feed", func(w http.ResponseWriter, r *http.Request) {
		t.Error("fetched a path robots.txt disallows")
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	tests := []struct {
		name      string
		path      string
		published int
		reason    string // expected failure reason, "" for none
		contains  string // expected in a published body
		maxTime   time.Duration
	}{
		{name: "two 500s then success publishes the feed", path: "/flaky-500", published: 2, maxTime: 2 * time.Second},
		{name: "429 with Retry-After waits that long and then publishes", path: "/busy-429", published: 2, maxTime: 3 * time.Second},
		{name: "a stalling response times out", path: "/stall", reason: ReasonTimeout, maxTime: 3 * time.Second},
		{name: "a truncated body fails after retries", path: "/truncated", reason: ReasonNetwork, maxTime: 2 * time.Second},
		{name: "malformed XML is reported as malformed", path: "/malformed.xml", reason: ReasonMalformed, maxTime: time.Second},
		{name: "a 50 MB body is cut at the size limit", path: "/huge", reason: ReasonTooLarge, maxTime: 3 * time.Second},
		{name: "a redirect loop stops at the redirect limit", path: "/loop", reason: ReasonRedirects, maxTime: 2 * time.Second},
		{name: "a redirect to a link-local address is refused", path: "/to-private", reason: ReasonPrivateAddress, maxTime: time.Second},
		{name: "a redirect to a private address is refused", path: "/to-private-10", reason: ReasonPrivateAddress, maxTime: time.Second},
		{name: "a GBK page is decoded to UTF-8", path: "/gbk", published: 1, contains: "中方坚决反对美方的单边制裁", maxTime: time.Second},
		{name: "a GBK page declared only in its meta tag is decoded", path: "/gbk-meta-only", published: 1, contains: "呼吁双方通过对话解决分歧", maxTime: time.Second},
		{name: "a Big5 page is decoded to UTF-8", path: "/big5", published: 1, contains: "雙方同意恢復對話", maxTime: time.Second},
		{name: "a Shift_JIS page is decoded to UTF-8", path: "/sjis", published: 1, contains: "外務大臣は両国の対話の再開を歓迎した", maxTime: time.Second},
		{name: "an image is refused by content type", path: "/image.png", reason: ReasonContentType, maxTime: time.Second},
		{name: "binary bytes labelled HTML are refused", path: "/binary", reason: ReasonBinary, maxTime: time.Second},
		{name: "a path robots.txt disallows is not fetched", path: "/private/feed", reason: ReasonRobots, maxTime: time.Second},
		{name: "a missing page is an HTTP status failure", path: "/nope", reason: ReasonHTTPStatus, maxTime: time.Second},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pub := newMemPublisher()
			dlq := &recordedDLQ{}
			cfg := loopbackHTTP()
			cfg.Timeout = 400 * time.Millisecond
			cfg.MaxBody = 2 << 20
			cfg.Retries = 2
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			start := time.Now()
			s, err := Ingest(ctx, pub, []string{srv.URL + tc.path}, IngestOptions{HTTP: cfg, DeadLetter: dlq.record})
			el := time.Since(start)
			if err != nil {
				t.Fatal(err)
			}
			if el > tc.maxTime {
				t.Errorf("took %s, want under %s", el, tc.maxTime)
			}
			if s.Published != tc.published {
				t.Errorf("published %d, want %d (%+v)", s.Published, tc.published, s)
			}
			if tc.reason == "" {
				if s.Failed != 0 {
					t.Errorf("failures: %+v", s.Failures)
				}
			} else {
				if s.Failed != 1 || len(s.Failures) != 1 || s.Failures[0].Reason != tc.reason {
					t.Fatalf("failures %+v, want one %q", s.Failures, tc.reason)
				}
				if len(dlq.reasons) != 1 || dlq.reasons[0] != tc.reason {
					t.Errorf("dead letters %v, want [%s]", dlq.reasons, tc.reason)
				}
			}
			if s.Seen != s.Published+s.Duplicates+s.Failed {
				t.Errorf("seen %d != published+duplicates+failed: nothing may be lost silently", s.Seen)
			}
			if tc.contains != "" {
				if len(pub.articles) != 1 || !strings.Contains(pub.articles[0].Body, tc.contains) {
					t.Errorf("body does not contain %q: %+v", tc.contains, pub.articles)
				}
			}
		})
	}
}

func TestALongRetryAfterPausesTheHostInsteadOfWaiting(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		hits.Add(1)
		w.Header().Set("Retry-After", "3600")
		http.Error(w, "come back in an hour", http.StatusTooManyRequests)
	}))
	defer srv.Close()
	p, err := NewPoller(newMemPublisher(), PollOptions{HTTP: loopbackHTTP()})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	start := time.Now()
	for _, path := range []string{"/feed", "/other-feed"} {
		s := p.Once(context.Background(), SourceConfig{Name: "x", Kind: KindFeed, URL: srv.URL + path, Interval: time.Minute})
		if s.Failed != 1 || s.Failures[0].Reason != ReasonRateLimited {
			t.Fatalf("%s: %+v", path, s)
		}
	}
	if hits.Load() != 1 || time.Since(start) > time.Second {
		t.Errorf("%d requests in %s; want 1, and no waiting", hits.Load(), time.Since(start))
	}
}

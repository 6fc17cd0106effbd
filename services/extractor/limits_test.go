package extractor_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/platform/natsx/natstest"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/extractor"
	"github.com/diplograph/diplograph/services/extractor/extract"
	"github.com/diplograph/diplograph/services/fetcher/source"
)

// logRecorder keeps the JSON log lines a service writes.
type logRecorder struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (r *logRecorder) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.buf.Write(p)
}

// records returns the log records at level that name the article.
func (r *logRecorder) records(t *testing.T, level, articleID string) []map[string]any {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []map[string]any
	for line := range strings.Lines(r.buf.String()) {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line %q is not JSON: %v", line, err)
		}
		if rec["level"] == level && rec["article_id"] == articleID {
			out = append(out, rec)
		}
	}
	return out
}

// The extractions of these texts: one claim (about 550 bytes encoded), and
// five (about 2 KiB); a limit of 1 KiB lets the first through, not the second.
const (
	oneClaim   = "Japan strongly opposes the use of economic coercion against its partners."
	fiveClaims = oneClaim + " France condemns the missile attack on Ukraine. Germany supports Poland's bid." +
		" Canada opposes the sanctions on Brazil. Italy welcomes the agreement with Egypt."
	tinyLimit = 1 << 10
)

func TestAnArticleThatCanNeverBeExtractedIsDeadLetteredOnceAndNeverRetried(t *testing.T) {
	engine, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		body     string
		limit    int
		reason   string
		wantWarn []string // attributes the one warning must carry; none: no warning
	}{
		{"an extraction over the service's size limit", fiveClaims, tinyLimit,
			extractor.ReasonExtractionTooLarge, []string{"extraction_bytes", "limit_bytes", "claims"}},
		{"an article over the engine's text limit", strings.Repeat("abcdefgh ", extract.MaxTextBytes/9+1<<10), 0,
			extract.ErrTooLarge, []string{"code", "body_bytes"}},
		{"an article in a language without rules", "Россия и Китай подписали соглашение о сотрудничестве в области энергетики.", tinyLimit,
			extract.ErrUnsupported, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			js := natstest.Start(t).JS
			good := article(t, "good", oneClaim)
			bad := article(t, "bad", tc.body)
			if tc.limit > 0 {
				// The fixture must straddle the limit, or the test proves nothing.
				if n := encodedSize(t, engine.Extract(good)); n > tc.limit {
					t.Fatalf("the good article's extraction is %d bytes, over the %d-byte limit", n, tc.limit)
				}
				if x := engine.Extract(bad); x.Error == nil && encodedSize(t, x) <= tc.limit && tc.reason == extractor.ReasonExtractionTooLarge {
					t.Fatalf("the bad article's extraction is within the %d-byte limit", tc.limit)
				}
			}
			for _, a := range []schemas.Article{bad, good} {
				if _, err := natsx.Publish(ctx, js, natsx.Event{Subject: schemas.ArticleSubject(a.Source), ID: a.ID, Type: schemas.ArticleV1, Source: "test", Body: a}); err != nil {
					t.Fatal(err)
				}
			}
			logs := &logRecorder{}
			svc := &extractor.Service{Engine: engine, JS: js, Log: slog.New(slog.NewJSONHandler(logs, nil)), Workers: 2, MaxExtractionBytes: tc.limit}
			done := make(chan error, 1)
			go func() { done <- svc.Run(ctx) }()

			cons, err := js.Consumer(ctx, schemas.StreamArticles, natsx.ConsumerExtractor)
			waitFor(t, 30*time.Second, "both articles settled", func() bool {
				if err != nil {
					cons, err = js.Consumer(ctx, schemas.StreamArticles, natsx.ConsumerExtractor)
					return false
				}
				info, ierr := cons.Info(ctx)
				return ierr == nil && info.Delivered.Consumer >= 2 && info.NumAckPending == 0 && info.NumPending == 0 &&
					streamMsgs(ctx, js, schemas.StreamDLQ) >= 1 && streamMsgs(ctx, js, schemas.StreamExtractions) >= 1
			})
			info, err := cons.Info(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if info.Delivered.Consumer != 2 || info.NumRedelivered != 0 {
				t.Errorf("%d deliveries, %d redelivered; want each article delivered once", info.Delivered.Consumer, info.NumRedelivered)
			}
			if n := streamMsgs(ctx, js, schemas.StreamDLQ); n != 1 {
				t.Fatalf("%d dead letters, want 1", n)
			}
			dlq, _ := js.Stream(ctx, schemas.StreamDLQ)
			m, err := dlq.GetMsg(ctx, 1)
			if err != nil {
				t.Fatal(err)
			}
			dl, err := natsx.DecodeDeadLetter(m.Data)
			if err != nil {
				t.Fatal(err)
			}
			if dl.Reason != tc.reason || dl.Deliveries != 1 || dl.Service != extractor.Stage || !strings.Contains(dl.Error, bad.ID) {
				t.Errorf("dead letter: reason %q after %d deliveries by %s (%s); want %q after 1 by %s, naming %s",
					dl.Reason, dl.Deliveries, dl.Service, dl.Error, tc.reason, extractor.Stage, bad.ID)
			}
			// The rest goes on: the good article's extraction is published.
			if n := streamMsgs(ctx, js, schemas.StreamExtractions); n != 1 {
				t.Errorf("%d extractions published, want the good article's alone", n)
			}
			warns := logs.records(t, "WARN", bad.ID)
			switch {
			case tc.wantWarn == nil && len(warns) != 0:
				t.Errorf("warned about an ordinary dead letter: %v", warns)
			case tc.wantWarn != nil && len(warns) != 1:
				t.Errorf("%d warnings naming the article, want 1: %v", len(warns), warns)
			case tc.wantWarn != nil:
				for _, k := range tc.wantWarn {
					if _, ok := warns[0][k]; !ok {
						t.Errorf("the warning %v lacks %s", warns[0], k)
					}
				}
			}
			if n := len(logs.records(t, "WARN", good.ID)); n != 0 {
				t.Errorf("%d warnings about the good article", n)
			}
			cancel()
			if err := <-done; err != nil {
				t.Fatal(err)
			}
		})
	}
}

// article builds a text article directly: the fetcher refuses a body over
// its document limit before the extractor could see it.
func article(t *testing.T, name, body string) schemas.Article {
	t.Helper()
	sum := sha256.Sum256([]byte(body))
	hash := hex.EncodeToString(sum[:])
	return schemas.Article{
		Schema: schemas.ArticleV1, ID: source.ArticleID(name, hash), Name: name, Source: "test",
		Format: schemas.FormatText, Body: body, ContentHash: hash, Fetched: time.Now().UTC(),
	}
}

func encodedSize(t *testing.T, x schemas.Extraction) int {
	t.Helper()
	b, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	return len(b)
}

func streamMsgs(ctx context.Context, js jetstream.JetStream, name string) uint64 {
	st, err := js.Stream(ctx, name)
	if err != nil {
		return 0
	}
	info, err := st.Info(ctx)
	if err != nil {
		return 0
	}
	return info.State.Msgs
}

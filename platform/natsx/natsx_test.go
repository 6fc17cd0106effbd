package natsx_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/limits"
	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/platform/natsx/natstest"
	"github.com/diplograph/diplograph/schemas"
)

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// startJetStream runs a real in-process NATS server with JetStream.
func startJetStream(t *testing.T) jetstream.JetStream { return natstest.Start(t).JS }

func TestTopologyCanBeDeclaredAgainAndAgain(t *testing.T) {
	js := startJetStream(t)
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		if err := (natsx.Topology{}).Ensure(ctx, js); err != nil {
			t.Fatalf("declaration %d: %v", i+2, err)
		}
	}
	for _, name := range []string{schemas.StreamArticles, schemas.StreamExtractions, schemas.StreamClaims, schemas.StreamDLQ} {
		if _, err := js.Stream(ctx, name); err != nil {
			t.Errorf("stream %s: %v", name, err)
		}
	}
	if _, err := js.Consumer(ctx, schemas.StreamArticles, natsx.ConsumerExtractor); err != nil {
		t.Errorf("extractor consumer: %v", err)
	}
	if _, err := js.KeyValue(ctx, natsx.BucketSeen); err != nil {
		t.Errorf("KV bucket %s: %v", natsx.BucketSeen, err)
	}
}

func TestADuplicatePublishWithTheSameMsgIDIsDropped(t *testing.T) {
	js := startJetStream(t)
	ctx := context.Background()
	ev := natsx.Event{Subject: schemas.ArticleSubject("test"), ID: "a-same", Type: schemas.ArticleV1, Source: "test", Body: map[string]string{"x": "1"}}
	dup, err := natsx.Publish(ctx, js, ev)
	if err != nil || dup {
		t.Fatalf("first publish: dup=%v err=%v", dup, err)
	}
	dup, err = natsx.Publish(ctx, js, ev)
	if err != nil || !dup {
		t.Fatalf("second publish: dup=%v err=%v, want dup", dup, err)
	}
	dups, err := natsx.PublishAll(ctx, js, []natsx.Event{ev, {Subject: ev.Subject, ID: "a-other", Type: ev.Type, Source: "test", Body: 1}})
	if err != nil || dups != 1 {
		t.Fatalf("PublishAll: dups=%d err=%v, want 1 duplicate", dups, err)
	}
	st, _ := js.Stream(ctx, schemas.StreamArticles)
	info, _ := st.Info(ctx)
	if info.State.Msgs != 2 {
		t.Fatalf("stream holds %d messages, want 2", info.State.Msgs)
	}
	m, err := st.GetMsg(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if m.Header.Get(natsx.HeaderType) != schemas.ArticleV1 || m.Header.Get(natsx.HeaderID) != "a-same" || m.Header.Get(natsx.HeaderTime) == "" {
		t.Fatalf("CloudEvents headers missing: %v", m.Header)
	}
}

// A poison message is dead-lettered with its reason and terminated, and the
// messages after it are still processed.
func TestAPermanentFailureIsDeadLetteredAndDoesNotBlockTheRest(t *testing.T) {
	js := startJetStream(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for i, body := range []string{`{"n":1}`, `not json`, `{"n":3}`} {
		ev := natsx.Event{Subject: schemas.ArticleSubject("test"), ID: "m" + string(rune('0'+i)), Type: "x", Source: "test", Body: jsonRaw(body)}
		if _, err := natsx.Publish(ctx, js, ev); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	var handled []string
	w := &natsx.Worker{JS: js, Stream: schemas.StreamArticles, Consumer: natsx.ConsumerExtractor, Service: "extractor", Log: quiet(),
		Handle: func(_ context.Context, msgs []jetstream.Msg) []error {
			errs := make([]error, len(msgs))
			for i, m := range msgs {
				if !strings.HasPrefix(string(m.Data()), "{") {
					errs[i] = natsx.Permanent("malformed", errors.New("article is not JSON"))
					continue
				}
				mu.Lock()
				handled = append(handled, string(m.Data()))
				mu.Unlock()
			}
			return errs
		}}
	done := make(chan struct{})
	go func() { _ = w.Run(ctx); close(done) }()
	dlq, _ := js.Stream(ctx, schemas.StreamDLQ)
	eventually(t, 10*time.Second, func() bool {
		info, err := dlq.Info(ctx)
		mu.Lock()
		defer mu.Unlock()
		return err == nil && info.State.Msgs == 1 && len(handled) == 2
	})
	m, err := dlq.GetLastMsgForSubject(ctx, schemas.DLQSubject("extractor"))
	if err != nil {
		t.Fatal(err)
	}
	dl, err := natsx.DecodeDeadLetter(m.Data)
	if err != nil {
		t.Fatal(err)
	}
	if dl.Reason != "malformed" || !strings.Contains(dl.Error, "not JSON") || string(dl.Payload) != `"not json"` || dl.Service != "extractor" {
		t.Fatalf("dead letter = %+v", dl)
	}
	cons, _ := js.Consumer(ctx, schemas.StreamArticles, natsx.ConsumerExtractor)
	eventually(t, 5*time.Second, func() bool {
		info, err := cons.Info(ctx)
		return err == nil && info.NumPending == 0 && info.NumAckPending == 0
	})
	cancel()
	<-done
}

// A transient failure is retried and succeeds later; nothing is dead-lettered.
func TestATransientFailureIsRetried(t *testing.T) {
	js := startJetStream(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if _, err := natsx.Publish(ctx, js, natsx.Event{Subject: schemas.ArticleSubject("t"), ID: "once", Type: "x", Source: "t", Body: 1}); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	attempts := 0
	w := &natsx.Worker{JS: js, Stream: schemas.StreamArticles, Consumer: natsx.ConsumerExtractor, Service: "extractor", Log: quiet(),
		Handle: func(_ context.Context, msgs []jetstream.Msg) []error {
			mu.Lock()
			defer mu.Unlock()
			attempts++
			if attempts == 1 {
				return []error{errors.New("neo4j away")}
			}
			return make([]error, len(msgs))
		}}
	go func() { _ = w.Run(ctx) }()
	eventually(t, 10*time.Second, func() bool { mu.Lock(); defer mu.Unlock(); return attempts >= 2 })
	cons, _ := js.Consumer(ctx, schemas.StreamArticles, natsx.ConsumerExtractor)
	eventually(t, 5*time.Second, func() bool {
		info, err := cons.Info(ctx)
		return err == nil && info.NumPending == 0 && info.NumAckPending == 0
	})
	dlq, _ := js.Stream(ctx, schemas.StreamDLQ)
	if info, _ := dlq.Info(ctx); info.State.Msgs != 0 {
		t.Fatalf("%d dead letters, want none", info.State.Msgs)
	}
}

func TestBadConfigurationIsNamed(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name string
		cfg  natsx.Config
		want string
	}{
		{"an empty URL", natsx.Config{}, "NATS_URL"},
		{"a URL with a wrong scheme", natsx.Config{URL: "http://127.0.0.1:4222"}, "scheme"},
		{"a server that is not there", natsx.Config{URL: "nats://127.0.0.1:1"}, "no server answered"},
		{"a certificate without its key", natsx.Config{URL: "nats://127.0.0.1:4222", CertFile: "x.pem"}, "NATS_KEY"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := natsx.Connect(ctx, tc.cfg, quiet())
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tc.want)
			}
		})
	}
}

func TestAWrongPasswordIsReportedAsSuch(t *testing.T) {
	s, err := natsx.StartEmbedded(natsx.EmbeddedConfig{Port: -1, StoreDir: t.TempDir(), User: "u", Password: "right-password"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Shutdown()
	_, _, err = natsx.Connect(context.Background(), natsx.Config{URL: s.ClientURL(), User: "u", Password: "wrong"}, quiet())
	if err == nil || !strings.Contains(err.Error(), "authorization") {
		t.Fatalf("err = %v, want an authorization error", err)
	}
	if strings.Contains(err.Error(), "wrong") {
		t.Fatalf("the password leaked into the error: %v", err)
	}
	nc, _, err := natsx.Connect(context.Background(), natsx.Config{URL: s.ClientURL(), User: "u", Password: "right-password"}, quiet())
	if err != nil {
		t.Fatalf("right password refused: %v", err)
	}
	nc.Close()
}

func TestRedactHidesPasswordsInURLs(t *testing.T) {
	if got := natsx.Redact("nats://u:secret@host:4222"); strings.Contains(got, "secret") {
		t.Fatalf("Redact = %q", got)
	}
}

type jsonRaw string

func (j jsonRaw) MarshalJSON() ([]byte, error) {
	if strings.HasPrefix(string(j), "{") {
		return []byte(j), nil
	}
	return []byte(`"` + string(j) + `"`), nil
}

func eventually(t *testing.T, d time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met in time")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

type backlogRecorder struct {
	mu      sync.Mutex
	pending []uint64
	dead    []uint64
}

func (b *backlogRecorder) Observe(string, string, time.Duration) {}
func (b *backlogRecorder) ObserveBacklog(p, d uint64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.pending = append(b.pending, p)
	b.dead = append(b.dead, d)
}

func TestTheWorkerReportsItsBacklog(t *testing.T) {
	js := startJetStream(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for i := range 5 {
		if _, err := natsx.Publish(ctx, js, natsx.Event{Subject: schemas.ArticleSubject("t"), ID: fmt.Sprint("b", i), Type: "x", Source: "t", Body: i}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := natsx.Publish(ctx, js, natsx.Event{Subject: schemas.DLQSubject("t"), ID: "dead", Type: "x", Source: "t", Body: 1}); err != nil {
		t.Fatal(err)
	}
	rec := &backlogRecorder{}
	release := make(chan struct{})
	w := &natsx.Worker{JS: js, Stream: schemas.StreamArticles, Consumer: natsx.ConsumerExtractor, Service: "t", Log: quiet(), Observer: rec, Batch: 1,
		Handle: func(context.Context, []jetstream.Msg) []error { <-release; return []error{nil} }}
	go func() { _ = w.Run(ctx) }()
	go func() { time.Sleep(200 * time.Millisecond); close(release) }()
	eventually(t, 10*time.Second, func() bool { rec.mu.Lock(); defer rec.mu.Unlock(); return len(rec.pending) > 0 })
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if rec.pending[0] == 0 || rec.pending[0] > 5 || rec.dead[0] != 1 {
		t.Fatalf("backlog reports pending=%v dead=%v, want 1..5 pending and 1 dead letter", rec.pending, rec.dead)
	}
}

func TestAnEventOverTheMessageLimitIsRefusedByName(t *testing.T) {
	js := startJetStream(t)
	body := strings.Repeat("x", limits.Message)
	_, err := natsx.Publish(context.Background(), js, natsx.Event{Subject: schemas.ArticleSubject("t"), ID: "big", Type: schemas.ArticleV1, Source: "t", Body: body})
	if !errors.Is(err, limits.ErrTooLarge) || !strings.Contains(err.Error(), "8 MiB message limit") {
		t.Fatalf("err = %v, want one naming the 8 MiB message limit", err)
	}
	// HTML is not escaped into \u003c: a document at the document limit fits.
	html := strings.Repeat("<p>a</p>", limits.Document/8)
	if _, err := natsx.Publish(context.Background(), js, natsx.Event{Subject: schemas.ArticleSubject("t"), ID: "html", Type: schemas.ArticleV1, Source: "t", Body: html}); err != nil {
		t.Fatalf("a document of HTML at the document limit: %v", err)
	}
}

package fetcher

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/schemas"
)

// startJetStream starts an in-process JetStream on a random loopback port
// with the pipeline's streams declared.
func startJetStream(t testing.TB) jetstream.JetStream {
	t.Helper()
	s, err := natsx.StartEmbedded(natsx.EmbeddedConfig{Port: -1, StoreDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Shutdown)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	nc, js, err := natsx.Connect(ctx, natsx.Config{URL: s.ClientURL()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	if err := (natsx.Topology{}).Ensure(ctx, js); err != nil {
		t.Fatal(err)
	}
	return js
}

// streamArticles reads every article in the ARTICLES stream.
func streamArticles(t testing.TB, js jetstream.JetStream) []schemas.Article {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := js.OrderedConsumer(ctx, schemas.StreamArticles, jetstream.OrderedConsumerConfig{})
	if err != nil {
		t.Fatal(err)
	}
	info, err := js.Stream(ctx, schemas.StreamArticles)
	if err != nil {
		t.Fatal(err)
	}
	n := int(info.CachedInfo().State.Msgs)
	var out []schemas.Article
	for len(out) < n {
		b, err := c.Fetch(min(n-len(out), 500), jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		for m := range b.Messages() {
			var a schemas.Article
			if err := json.Unmarshal(m.Data(), &a); err != nil {
				t.Fatal(err)
			}
			out = append(out, a)
		}
		if b.Error() != nil {
			t.Fatal(b.Error())
		}
	}
	return out
}

// corpus returns a folder of the shared corpus, or skips the test with a
// clear message when it is absent.
func corpus(t testing.TB, name string) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "corpus", "bulk", name)
	if env := os.Getenv("DIPLOGRAPH_CORPUS"); env != "" {
		dir = filepath.Join(env, "bulk", name)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus folder %s is absent (set DIPLOGRAPH_CORPUS to the corpus root): %v", dir, err)
	}
	return dir
}

// memPublisher is an in-memory Publisher with the JSPublisher's semantics.
type memPublisher struct {
	mu       sync.Mutex
	seen     map[string]string // key -> hash
	articles []schemas.Article
}

func newMemPublisher() *memPublisher { return &memPublisher{seen: map[string]string{}} }

func (m *memPublisher) Publish(_ context.Context, a schemas.Article) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := a.URL
	if k == "" {
		k = "name:" + a.Name
	}
	if m.seen[k] == a.ContentHash {
		return true, nil
	}
	m.seen[k] = a.ContentHash
	m.articles = append(m.articles, a)
	return false, nil
}

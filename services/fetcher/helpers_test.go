package fetcher

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/natsx/natstest"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/fetcher/source"
)

// startJetStream starts an in-process JetStream on a random loopback port
// with the pipeline's streams declared.
func startJetStream(t testing.TB) jetstream.JetStream {
	t.Helper()
	return natstest.Start(t).JS
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

// memPublisher is an in-memory Publisher with the JSPublisher's semantics;
// the publisher conformance suite keeps the two in step.
type memPublisher struct {
	mu       sync.Mutex
	seen     map[string]schemas.Article // key -> last published
	articles []schemas.Article
}

func newMemPublisher() *memPublisher { return &memPublisher{seen: map[string]schemas.Article{}} }

func (m *memPublisher) Publish(_ context.Context, a schemas.Article) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := source.Key(a.URL, a.Name)
	prev, ok := m.seen[k]
	if ok && prev.ContentHash == a.ContentHash {
		return true, nil
	}
	a.Version, a.Replaces = 1, ""
	if ok {
		a.Version, a.Replaces = prev.Version+1, prev.ID
	}
	if a.Fetched.IsZero() {
		a.Fetched = time.Now().UTC()
	}
	m.seen[k] = a
	m.articles = append(m.articles, a)
	return false, nil
}

func (m *memPublisher) published() []schemas.Article {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]schemas.Article(nil), m.articles...)
}

// articleSchema compiles schemas/json/article.v1.json.
func articleSchema(t testing.TB) *schemas.Validator {
	t.Helper()
	v, err := schemas.NewValidator(schemas.ArticleV1)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// validArticle fails the test when a does not match article.v1.json.
func validArticle(t testing.TB, s *schemas.Validator, a schemas.Article) {
	t.Helper()
	if err := s.Validate(a); err != nil {
		t.Fatalf("article %s does not match %s: %v", a.ID, schemas.ArticleV1, err)
	}
}

package fetcher

import (
	"context"
	"sync"
	"testing"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/fetcher/source"
)

func article(t testing.TB, url, body string) schemas.Article {
	t.Helper()
	data := "<!--1627898400000-->\n[Title](" + url + ")\n------\n\n<p>" + body + "</p>\n"
	a, err := source.Parse("doc", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// publisherContract is what every Publisher must do; the in-memory fake
// of the tests passes it too, so that it cannot drift from JSPublisher.
func publisherContract(t *testing.T, newPub func(t *testing.T) (Publisher, func() []schemas.Article)) {
	ctx := context.Background()
	t.Run("a new item is published as version 1", func(t *testing.T) {
		pub, got := newPub(t)
		dup, err := pub.Publish(ctx, article(t, "https://x.example/a", "one"))
		if err != nil || dup {
			t.Fatalf("dup %v err %v", dup, err)
		}
		arts := got()
		if len(arts) != 1 || arts[0].Version != 1 || arts[0].Replaces != "" || arts[0].Fetched.IsZero() {
			t.Fatalf("%+v", arts)
		}
	})
	t.Run("the same item again is a duplicate, whatever tracking parameters its link carries", func(t *testing.T) {
		pub, got := newPub(t)
		a := article(t, "https://x.example/a", "one")
		b := article(t, "https://X.example/a?utm_source=rss&fbclid=1#frag", "one")
		if a.ID != b.ID {
			t.Fatalf("ids differ: %s %s", a.ID, b.ID)
		}
		if _, err := pub.Publish(ctx, a); err != nil {
			t.Fatal(err)
		}
		dup, err := pub.Publish(ctx, b)
		if err != nil || !dup {
			t.Fatalf("dup %v err %v", dup, err)
		}
		if n := len(got()); n != 1 {
			t.Fatalf("%d published", n)
		}
	})
	t.Run("changed content is published as the next version naming the one it replaces", func(t *testing.T) {
		pub, got := newPub(t)
		a := article(t, "https://x.example/a", "one")
		b := article(t, "https://x.example/a", "one, corrected")
		for _, x := range []schemas.Article{a, b, b} {
			if _, err := pub.Publish(ctx, x); err != nil {
				t.Fatal(err)
			}
		}
		arts := got()
		if len(arts) != 2 || arts[1].Version != 2 || arts[1].Replaces != a.ID || arts[1].ID != b.ID {
			t.Fatalf("%+v", arts)
		}
	})
	t.Run("content reverted to an earlier version is published again", func(t *testing.T) {
		pub, got := newPub(t)
		a := article(t, "https://x.example/r", "first")
		b := article(t, "https://x.example/r", "edited")
		for _, x := range []schemas.Article{a, b, a} {
			if dup, err := pub.Publish(ctx, x); err != nil || dup {
				t.Fatalf("dup %v err %v", dup, err)
			}
		}
		arts := got()
		if len(arts) != 3 || arts[2].Version != 3 || arts[2].ID != a.ID || arts[2].Replaces != b.ID {
			t.Fatalf("%+v", arts)
		}
	})
	t.Run("concurrent publishes of one item publish it once", func(t *testing.T) {
		pub, got := newPub(t)
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				if _, err := pub.Publish(ctx, article(t, "https://x.example/c", "same")); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		if n := len(got()); n != 1 {
			t.Fatalf("%d published", n)
		}
	})
}

func TestMemPublisherKeepsTheContract(t *testing.T) {
	publisherContract(t, func(t *testing.T) (Publisher, func() []schemas.Article) {
		p := newMemPublisher()
		return p, p.published
	})
}

func TestJSPublisherKeepsTheContract(t *testing.T) {
	schema := articleSchema(t)
	publisherContract(t, func(t *testing.T) (Publisher, func() []schemas.Article) {
		js := startJetStream(t) // fresh stream, bucket and duplicate window
		pub, err := NewJetStreamPublisher(js)
		if err != nil {
			t.Fatal(err)
		}
		return pub, func() []schemas.Article {
			arts := streamArticles(t, js)
			for _, a := range arts {
				validArticle(t, schema, a)
			}
			return arts
		}
	})
}

func TestJSPublisherSeenSetRemembersAliases(t *testing.T) {
	js := startJetStream(t)
	pub, err := NewJetStreamPublisher(js)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	a := article(t, "https://x.example/canonical", "text")
	if _, err := pub.Publish(ctx, a); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		key  string
		want bool
	}{{"https://x.example/canonical", true}, {"https://x.example/feed-link", false}} {
		got, err := pub.Seen(ctx, tc.key)
		if err != nil || got != tc.want {
			t.Errorf("Seen(%s) = %v, %v; want %v", tc.key, got, err, tc.want)
		}
	}
	if err := pub.MarkSeen(ctx, "https://x.example/feed-link", a); err != nil {
		t.Fatal(err)
	}
	if got, _ := pub.Seen(ctx, "https://x.example/feed-link"); !got {
		t.Error("alias not remembered")
	}
}

func TestNewJetStreamPublisherUsesADeclaredBucketAndCreatesAMissingOne(t *testing.T) {
	js := startJetStream(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	for range 4 { // several processes starting at once
		wg.Go(func() {
			if _, err := NewJetStreamPublisher(js); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if err := js.DeleteKeyValue(ctx, SeenBucket); err != nil {
		t.Fatal(err)
	}
	cfg := SeenBucketConfig(1)
	cfg.Description = "declared by the platform"
	if _, err := js.CreateKeyValue(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	if _, err := NewJetStreamPublisher(js); err != nil {
		t.Fatal(err)
	}
	kv, _ := js.KeyValue(ctx, SeenBucket)
	st, err := kv.Status(ctx)
	if err != nil || st.(*jetstream.KeyValueBucketStatus).StreamInfo().Config.Description != "declared by the platform" {
		t.Errorf("the declared bucket was changed: %v", err)
	}
}

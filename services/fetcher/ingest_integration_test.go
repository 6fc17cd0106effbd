package fetcher

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/diplograph/diplograph/schemas"
)

func TestIngestFeedxFolderPublishesEveryItemOnceAcrossRuns(t *testing.T) {
	dir := corpus(t, "feedx-waimei")
	js := startJetStream(t)
	pub, err := NewJetStreamPublisher(js)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var progress bytes.Buffer
	start := time.Now()
	s1, err := Ingest(ctx, pub, []string{dir}, IngestOptions{Progress: NewProgressReporter(&progress, false)})
	if err != nil {
		t.Fatal(err)
	}
	first := time.Since(start)
	for _, f := range s1.Failures {
		t.Errorf("failure: %s: %s: %v", f.Input, f.Reason, f.Err)
	}
	if s1.Published != 1350 || s1.Seen != 1350 {
		t.Fatalf("first run: %+v, want 1350 published", s1)
	}
	start = time.Now()
	s2, err := Ingest(ctx, pub, []string{dir}, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("feedx: first run %d published in %s; second run %d published, %d duplicates in %s; progress: %q",
		s1.Published, first.Round(time.Millisecond), s2.Published, s2.Duplicates, time.Since(start).Round(time.Millisecond), progress.String())
	if s2.Published != 0 || s2.Duplicates != 1350 {
		t.Fatalf("second run: %+v, want 0 published and 1350 duplicates", s2)
	}
	arts := streamArticles(t, js)
	if len(arts) != 1350 {
		t.Fatalf("stream holds %d articles, want 1350", len(arts))
	}
	ids := map[string]bool{}
	schema := articleSchema(t)
	for _, a := range arts {
		validArticle(t, schema, a)
		if a.Schema != schemas.ArticleV1 || a.Version != 1 || a.Fetched.IsZero() || a.ID == "" {
			t.Fatalf("bad article %+v", a)
		}
		ids[a.ID] = true
	}
	if len(ids) != 1350 {
		t.Fatalf("%d distinct ids, want 1350", len(ids))
	}
	if progress.Len() == 0 {
		t.Error("no progress line written")
	}
}

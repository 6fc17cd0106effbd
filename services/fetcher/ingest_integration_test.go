package fetcher

import (
	"bytes"
	"context"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/schemas"
)

// TestIngestOfAFeedDumpFolderPublishesEveryItemOnceAcrossRuns ingests a
// folder of 1,350 feed-item dumps laid out as the feedx source is, twice:
// every item is published once. With DIPLOGRAPH_CORPUS set it runs on the
// shared corpus's feedx folder too.
func TestIngestOfAFeedDumpFolderPublishesEveryItemOnceAcrossRuns(t *testing.T) {
	generated := t.TempDir()
	want := writeFeedDumps(t, generated, 1350)
	t.Run("generated", func(t *testing.T) { ingestTwice(t, generated, want) })
	if real := corpusFromEnv(t, "feedx-waimei"); real != "" {
		// Counted apart from Ingest: every post, in _posts or archived.
		posts := 0
		_ = filepath.WalkDir(real, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && d.Name() != "SOURCE.md" {
				posts++
			}
			return err
		})
		t.Run("feedx-waimei", func(t *testing.T) { ingestTwice(t, real, posts) })
	}
}

func ingestTwice(t *testing.T, dir string, want int) {
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
	if s1.Published != want || s1.Seen != want {
		t.Fatalf("first run: %+v, want %d published", s1, want)
	}
	start = time.Now()
	s2, err := Ingest(ctx, pub, []string{dir}, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first run %d published in %s; second run %d published, %d duplicates in %s; progress: %q",
		s1.Published, first.Round(time.Millisecond), s2.Published, s2.Duplicates, time.Since(start).Round(time.Millisecond), progress.String())
	if s2.Published != 0 || s2.Duplicates != want {
		t.Fatalf("second run: %+v, want 0 published and %d duplicates", s2, want)
	}
	arts := streamArticles(t, js)
	if len(arts) != want {
		t.Fatalf("stream holds %d articles, want %d", len(arts), want)
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
	if len(ids) != want {
		t.Fatalf("%d distinct ids, want %d", len(ids), want)
	}
	if progress.Len() == 0 {
		t.Error("no progress line written")
	}
}

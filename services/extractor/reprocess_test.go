package extractor_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/archive"
	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/platform/natsx/natstest"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/extractor"
	"github.com/diplograph/diplograph/services/extractor/extract"
	"github.com/diplograph/diplograph/services/fetcher/source"
)

// streamState returns the number of messages a stream holds.
func streamState(t *testing.T, js jetstream.JetStream, name string) uint64 {
	t.Helper()
	st, err := js.Stream(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	info, err := st.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return info.State.Msgs
}

func waitFor(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("after %s: %s", d, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestAnArticleGoneFromTheArticlesStreamIsReprocessedFromTheArchive(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	js := natstest.Start(t).JS
	// The articles stream forgets after a second here (30 days in production).
	for _, sc := range (natsx.Topology{}).Streams() {
		if sc.Name == schemas.StreamArticles {
			sc.MaxAge, sc.Duplicates = time.Second, 500*time.Millisecond
			if _, err := js.UpdateStream(ctx, sc); err != nil {
				t.Fatal(err)
			}
		}
	}
	engine, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	good, err := source.Parse("good", []byte("Japan strongly opposes the use of economic coercion against its partners."))
	if err != nil {
		t.Fatal(err)
	}
	good.Fetched = time.Now().UTC()
	french, err := source.Parse("fr", []byte("La France et l'Allemagne ont signé hier un accord sur la coopération culturelle entre les deux pays."))
	if err != nil {
		t.Fatal(err)
	}
	french.Fetched = time.Now().UTC()
	for _, a := range []schemas.Article{good, french} {
		if _, err := natsx.Publish(ctx, js, natsx.Event{Subject: schemas.ArticleSubject(a.Source), ID: a.ID, Type: schemas.ArticleV1, Source: "test", Body: a}); err != nil {
			t.Fatal(err)
		}
	}
	svc := &extractor.Service{Engine: engine, JS: js, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Workers: 2}
	go func() { _ = svc.Run(ctx) }()

	waitFor(t, 20*time.Second, "one extraction, one dead letter (French), two archived articles", func() bool {
		return streamState(t, js, schemas.StreamExtractions) == 1 && streamState(t, js, schemas.StreamDLQ) == 1 &&
			streamState(t, js, schemas.StreamArchive) == 2
	})
	waitFor(t, 10*time.Second, "the articles stream to age out", func() bool { return streamState(t, js, schemas.StreamArticles) == 0 })

	ar, err := archive.Open(ctx, js)
	if err != nil {
		t.Fatal(err)
	}
	if a, err := ar.Get(ctx, french.ID); err != nil || a.Body != french.Body {
		t.Fatalf("the article the rules could not read is not archived as it came: %v", err)
	}
	items := []schemas.ReprocessItem{
		{Schema: schemas.ReprocessV1, Request: "rp-test", ArticleID: good.ID, Subject: schemas.ArchiveSubject(good.Source, good.ID), Requested: time.Now().UTC()},
		{Schema: schemas.ReprocessV1, Request: "rp-test", ArticleID: french.ID, Subject: schemas.ArchiveSubject(french.Source, french.ID), Requested: time.Now().UTC()},
		{Schema: schemas.ReprocessV1, Request: "rp-test", ArticleID: "a-never-seen", Subject: schemas.ArchiveSubject("file", "a-never-seen"), Requested: time.Now().UTC()},
	}
	var evs []natsx.Event
	for _, it := range items {
		evs = append(evs, natsx.Event{Subject: schemas.ReprocessSubject(it.Request), ID: "rp-test-" + it.ArticleID, Type: schemas.ReprocessV1, Source: "test", Body: it})
	}
	if _, err := natsx.PublishAll(ctx, js, evs); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 20*time.Second, "the reprocess items to be worked off", func() bool {
		return streamState(t, js, schemas.StreamReprocess) == 0 && streamState(t, js, schemas.StreamDLQ) == 2
	})
	if n := streamState(t, js, schemas.StreamExtractions); n != 2 {
		t.Fatalf("%d extractions, want 2: the first pass and the reprocessed article", n)
	}
	st, _ := js.Stream(ctx, schemas.StreamExtractions)
	first, _ := st.GetMsg(ctx, 1)
	again, err := st.GetMsg(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	var x1, x2 schemas.Extraction
	_ = json.Unmarshal(first.Data, &x1)
	if err := json.Unmarshal(again.Data, &x2); err != nil {
		t.Fatal(err)
	}
	if x2.ArticleID != good.ID || len(x2.Claims) == 0 || string(first.Data) != string(again.Data) {
		t.Fatalf("reprocessed extraction %+v; want the article's claims, as the first pass gave them", x2)
	}
	dlq, _ := js.Stream(ctx, schemas.StreamDLQ)
	dm, err := dlq.GetMsg(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	dl, _ := natsx.DecodeDeadLetter(dm.Data)
	if dl.Reason != "not_archived" {
		t.Fatalf("dead letter of the item naming no archived article: %+v, want reason not_archived", dl)
	}
}

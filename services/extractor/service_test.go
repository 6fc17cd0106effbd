package extractor_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/platform/natsx/natstest"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/extractor"
	"github.com/diplograph/diplograph/services/extractor/extract"
	"github.com/diplograph/diplograph/services/fetcher/source"
)

func TestTheServiceTurnsArticlesIntoExtractionsAndDeadLettersJunk(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	js := natstest.Start(t).JS
	engine, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	good, err := source.Parse("good", []byte("Japan strongly opposes the use of economic coercion against its partners."))
	if err != nil {
		t.Fatal(err)
	}
	junk, err := source.Parse("junk", []byte{0, 1, 2, 0xff, 0, 0, 0, 9, 0, 0, 0, 0x80, 0, 0})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []schemas.Article{junk, good} {
		a.Fetched = time.Now().UTC()
		if _, err := natsx.Publish(ctx, js, natsx.Event{Subject: schemas.ArticleSubject(a.Source), ID: a.ID, Type: schemas.ArticleV1, Source: "test", Body: a}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := natsx.Publish(ctx, js, natsx.Event{Subject: schemas.ArticleSubject("test"), ID: "not-an-article", Type: schemas.ArticleV1, Source: "test", Body: []int{1, 2}}); err != nil {
		t.Fatal(err)
	}
	svc := &extractor.Service{Engine: engine, JS: js, Log: log, Workers: 2}
	go func() { _ = svc.Run(ctx) }()

	xs, _ := js.Stream(ctx, schemas.StreamExtractions)
	dlq, _ := js.Stream(ctx, schemas.StreamDLQ)
	deadline := time.Now().Add(20 * time.Second)
	for {
		xi, _ := xs.Info(ctx)
		di, _ := dlq.Info(ctx)
		if xi != nil && di != nil && xi.State.Msgs == 1 && di.State.Msgs == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("extractions=%v dead letters=%v, want 1 and 2", xi.State.Msgs, di.State.Msgs)
		}
		time.Sleep(50 * time.Millisecond)
	}
	m, err := xs.GetMsg(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	var x schemas.Extraction
	if err := json.Unmarshal(m.Data, &x); err != nil {
		t.Fatal(err)
	}
	if m.Subject != "diplo.extractions.en" || x.ArticleID != good.ID || len(x.Claims) == 0 {
		t.Fatalf("extraction on %s = %+v", m.Subject, x)
	}
	reasons := map[string]bool{}
	for seq := uint64(1); seq <= 2; seq++ {
		dm, err := dlq.GetMsg(ctx, seq)
		if err != nil {
			t.Fatal(err)
		}
		dl, _ := natsx.DecodeDeadLetter(dm.Data)
		reasons[dl.Reason] = true
	}
	if !reasons["binary"] || !reasons["malformed"] {
		t.Fatalf("dead-letter reasons = %v, want binary and malformed", reasons)
	}
	if err := svc.Ready(ctx); err != nil {
		t.Fatalf("not ready while running: %v", err)
	}
	// an article is acknowledged after its extraction or dead letter is
	// stored: wait for the acknowledgements, not only for the messages
	cons, _ := js.Consumer(ctx, schemas.StreamArticles, natsx.ConsumerExtractor)
	for {
		info, err := cons.Info(ctx)
		if err == nil && info.NumAckPending == 0 && info.NumPending == 0 {
			break
		}
		if time.Now().After(deadline) {
			if err != nil {
				t.Fatalf("consumer info: %v", err)
			}
			t.Fatalf("consumer left pending=%d in flight=%d", info.NumPending, info.NumAckPending)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Package extractor is the extraction stage: it consumes
// diplograph.article.v1 from the ARTICLES stream, runs the rule engine
// (package extract, which is pure and knows nothing of NATS) and publishes
// diplograph.extraction.v1 on diplo.extractions.<lang>. A document that can
// never be extracted (unsupported language, empty, binary, malformed) is
// dead-lettered with its reason and does not hold up the rest.
package extractor

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/platform/telemetry"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/extractor/extract"
)

// Stage is the service's name in metrics, logs and dead letters.
const Stage = "extractor"

// Service is the extraction stage.
type Service struct {
	Engine  *extract.Engine
	JS      jetstream.JetStream
	Log     *slog.Logger
	Metrics *telemetry.Metrics // optional
	Workers int                // extraction goroutines; default the number of CPUs
	Batch   int                // messages per fetch; default 64

	worker natsx.Worker
	once   sync.Once
}

func (s *Service) init() {
	s.once.Do(func() {
		if s.Workers <= 0 {
			s.Workers = runtime.NumCPU()
		}
		if s.Log == nil {
			s.Log = slog.Default()
		}
		s.worker = natsx.Worker{
			JS: s.JS, Stream: schemas.StreamArticles, Consumer: natsx.ConsumerExtractor, Service: Stage,
			Batch: s.Batch, Handle: s.Handle, Log: s.Log,
		}
		if s.Metrics != nil {
			s.worker.Observer = telemetry.StageObserver{M: s.Metrics, Stage: Stage}
		}
	})
}

// Run consumes articles until ctx is cancelled.
func (s *Service) Run(ctx context.Context) error {
	s.init()
	s.Log.Info("extractor running", "workers", s.Workers, "extractor_version", extract.Version, "rules_version", s.Engine.RulesVersion())
	return s.worker.Run(ctx)
}

// Ready reports whether the consumer loop is fetching.
func (s *Service) Ready(context.Context) error {
	s.init()
	if !s.worker.Running() {
		return errors.New("extractor consumer not running")
	}
	return nil
}

// Handle extracts a batch of articles on the worker goroutines and
// publishes the extractions; it returns one verdict per message.
func (s *Service) Handle(ctx context.Context, msgs []jetstream.Msg) []error {
	s.init()
	start := time.Now()
	errs := make([]error, len(msgs))
	events := make([]*natsx.Event, len(msgs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < min(s.Workers, len(msgs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				events[i], errs[i] = s.extractOne(msgs[i])
			}
		}()
	}
	for i := range msgs {
		next <- i
	}
	close(next)
	wg.Wait()

	var batch []natsx.Event
	var idx []int
	for i, ev := range events {
		if ev != nil && errs[i] == nil {
			batch = append(batch, *ev)
			idx = append(idx, i)
		}
	}
	if len(batch) > 0 {
		if _, err := natsx.PublishAll(ctx, s.JS, batch); err != nil {
			// Whatever was published is de-duplicated on the retry.
			for _, i := range idx {
				errs[i] = fmt.Errorf("publishing extractions: %w", err)
			}
		}
	}
	if s.Metrics != nil {
		s.Metrics.Latency.WithLabelValues(Stage).Observe(time.Since(start).Seconds())
		s.Metrics.Items.WithLabelValues(Stage, "extractions").Add(float64(len(batch)))
	}
	return errs
}

func (s *Service) extractOne(m jetstream.Msg) (*natsx.Event, error) {
	var a schemas.Article
	if err := json.Unmarshal(m.Data(), &a); err != nil {
		return nil, natsx.Permanent("malformed", fmt.Errorf("article on %s is not JSON: %w", m.Subject(), err))
	}
	if a.Schema != schemas.ArticleV1 || a.ID == "" {
		return nil, natsx.Permanent("malformed", fmt.Errorf("message on %s is not a %s with an id (schema %q)", m.Subject(), schemas.ArticleV1, a.Schema))
	}
	x := s.Engine.Extract(a)
	if x.Error != nil {
		return nil, natsx.Permanent(x.Error.Code, fmt.Errorf("article %s: %s", a.ID, x.Error.Message))
	}
	if s.Metrics != nil {
		s.Metrics.Items.WithLabelValues(Stage, "claims").Add(float64(len(x.Claims)))
	}
	origin, _ := natsx.Origin(m.Headers())
	return &natsx.Event{
		Origin:  origin,
		Subject: schemas.ExtractionSubject(x.Lang),
		// One extraction per article and engine version: a redelivered
		// article is de-duplicated, a new rule set yields a new extraction.
		ID:     "x-" + a.ID + "-" + extract.Version + "-" + s.Engine.RulesVersion(),
		Type:   schemas.ExtractionV1,
		Source: Stage,
		Body:   x,
	}, nil
}

// Package extractor is the extraction stage: it consumes
// diplograph.article.v1 from the ARTICLES stream, runs the rule engine
// (package extract, which is pure and knows nothing of NATS) and publishes
// diplograph.extraction.v1 on diplo.extractions.<lang>. A document that can
// never be extracted (unsupported language, empty, binary, malformed, over a
// limit of the engine) or whose extraction is too large to publish is
// dead-lettered once with its reason and does not hold up the rest.
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

	"github.com/diplograph/diplograph/platform/archive"
	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/platform/telemetry"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/extractor/extract"
)

// Stage is the service's name in metrics, logs and dead letters.
const Stage = "extractor"

// Service is the extraction stage. Besides the articles that arrive, it
// extracts again the archived articles that reprocess requests name
// (diplo.reprocess.<request>), on a durable consumer of their own so that a
// reprocess does not hold up live articles.
type Service struct {
	Engine  *extract.Engine
	JS      jetstream.JetStream
	Log     *slog.Logger
	Metrics *telemetry.Metrics // optional
	Workers int                // extraction goroutines; default the number of CPUs
	Batch   int                // messages per fetch; default 64
	// MaxExtractionBytes bounds an extraction's encoded size; default
	// DefaultMaxExtractionBytes. The server's message limit, less room for
	// the headers, bounds it in any case.
	MaxExtractionBytes int

	worker, reworker natsx.Worker
	once             sync.Once
	maxExtraction    int // MaxExtractionBytes within the server's limit
	archive          *archive.Archive
	archiveMu        sync.Mutex
}

func (s *Service) init() {
	s.once.Do(func() {
		if s.Workers <= 0 {
			s.Workers = runtime.NumCPU()
		}
		if s.Log == nil {
			s.Log = slog.Default()
		}
		s.maxExtraction = s.MaxExtractionBytes
		if s.maxExtraction <= 0 {
			s.maxExtraction = DefaultMaxExtractionBytes
		}
		if s.JS != nil {
			if nc := s.JS.Conn(); nc != nil && nc.MaxPayload() > 0 {
				s.maxExtraction = min(s.maxExtraction, int(nc.MaxPayload())-headerRoom)
			}
		}
		s.worker = natsx.Worker{
			JS: s.JS, Stream: schemas.StreamArticles, Consumer: natsx.ConsumerExtractor, Service: Stage,
			Batch: s.Batch, Handle: s.Handle, Log: s.Log,
		}
		s.reworker = natsx.Worker{
			JS: s.JS, Stream: schemas.StreamReprocess, Consumer: natsx.ConsumerReprocess, Service: Stage,
			Batch: s.Batch, Handle: s.HandleReprocess, Log: s.Log,
		}
		if s.Metrics != nil {
			s.worker.Observer = telemetry.StageObserver{M: s.Metrics, Stage: Stage}
			s.reworker.Observer = telemetry.StageObserver{M: s.Metrics, Stage: StageReprocess}
		}
	})
}

// DefaultMaxExtractionBytes is the default bound on an extraction's encoded
// size: half the pipeline's 8 MiB message limit, far above any real
// article's extraction (tens of KiB), so that one reaching it is a
// pathological document, refused before the bus refuses it.
const DefaultMaxExtractionBytes = 4 << 20

// headerRoom is kept free of a message's payload for its headers, which
// count against the server's limit too.
const headerRoom = 4 << 10

// Dead-letter reasons of an article whose extraction cannot be published:
// over the size bound, or not encodable as JSON at all.
const (
	ReasonExtractionTooLarge    = "extraction_too_large"
	ReasonExtractionUnencodable = "extraction_unencodable"
)

// StageReprocess names the extractor's reprocessing in metrics.
const StageReprocess = "extractor-reprocess"

// Run consumes articles and reprocess items until ctx is cancelled.
func (s *Service) Run(ctx context.Context) error {
	s.init()
	s.Log.Info("extractor running", "workers", s.Workers, "extractor_version", extract.Version, "rules_version", s.Engine.RulesVersion(),
		"max_extraction_bytes", s.maxExtraction)
	done := make(chan error, 1)
	go func() { done <- s.reworker.Run(ctx) }()
	err := s.worker.Run(ctx)
	if rerr := <-done; err == nil {
		err = rerr
	}
	return err
}

// Ready reports whether the consumer loop of arriving articles is
// fetching. Reprocessing is background work and does not gate readiness.
func (s *Service) Ready(context.Context) error {
	s.init()
	if !s.worker.Running() {
		return errors.New("extractor consumer not running")
	}
	return nil
}

// Handle extracts a batch of articles on the worker goroutines, archives
// them and publishes the extractions; it returns one verdict per message.
// An article is archived even when it yields no extraction (a language the
// rules do not cover yet), so that later rules can read it.
func (s *Service) Handle(ctx context.Context, msgs []jetstream.Msg) []error {
	s.init()
	start := time.Now()
	errs := make([]error, len(msgs))
	outs := make([][]natsx.Event, len(msgs))
	s.parallel(len(msgs), func(i int) { outs[i], errs[i] = s.extractOne(msgs[i]) })
	n := s.publish(ctx, outs, errs)
	if s.Metrics != nil {
		s.Metrics.Latency.WithLabelValues(Stage).Observe(time.Since(start).Seconds())
		s.Metrics.Items.WithLabelValues(Stage, "extractions").Add(float64(n))
	}
	return errs
}

// parallel runs f(0)…f(n-1) on the worker goroutines.
func (s *Service) parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < min(s.Workers, n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// publish publishes the events of every message (outs[i]) in one go and
// returns how many extractions it published. A message whose events could
// not all be published gets a transient error, whatever it had: whatever
// was published is de-duplicated on the retry.
func (s *Service) publish(ctx context.Context, outs [][]natsx.Event, errs []error) int {
	var batch []natsx.Event
	var idx []int
	extractions := 0
	for i, evs := range outs {
		if len(evs) == 0 {
			continue
		}
		batch = append(batch, evs...)
		idx = append(idx, i)
		for _, e := range evs {
			if e.Type == schemas.ExtractionV1 {
				extractions++
			}
		}
	}
	if len(batch) == 0 {
		return 0
	}
	if _, err := natsx.PublishAll(ctx, s.JS, batch); err != nil {
		for _, i := range idx {
			errs[i] = fmt.Errorf("publishing extractions: %w", err)
		}
		return 0
	}
	return extractions
}

// extractOne returns the events of one article: its archive copy and its
// extraction. An article the rules cannot read is archived and fails.
func (s *Service) extractOne(m jetstream.Msg) ([]natsx.Event, error) {
	var a schemas.Article
	if err := json.Unmarshal(m.Data(), &a); err != nil {
		return nil, natsx.Permanent("malformed", fmt.Errorf("article on %s is not JSON: %w", m.Subject(), err))
	}
	if a.Schema != schemas.ArticleV1 || a.ID == "" {
		return nil, natsx.Permanent("malformed", fmt.Errorf("message on %s is not a %s with an id (schema %q)", m.Subject(), schemas.ArticleV1, a.Schema))
	}
	evs := []natsx.Event{archive.Event(a, m.Data())}
	x := s.Engine.Extract(a)
	if x.Error != nil {
		// Permanent: the same article fails the same way every time, so
		// it is dead-lettered once and terminated, never retried.
		if !inputCodes[x.Error.Code] {
			s.Log.Warn("article over a limit of the extractor; dead-lettered", "article_id", a.ID, "code", x.Error.Code,
				"body_bytes", len(a.Body), "reason", x.Error.Message)
		}
		return evs, natsx.Permanent(x.Error.Code, fmt.Errorf("article %s: %s", a.ID, x.Error.Message))
	}
	origin, _ := natsx.Origin(m.Headers())
	// One extraction per article and engine version: a redelivered
	// article is de-duplicated, a new rule set yields a new extraction.
	ev, err := s.extractionEvent(a, x, origin, "x-"+a.ID+"-"+extract.Version+"-"+s.Engine.RulesVersion())
	if err != nil {
		return evs, err
	}
	if s.Metrics != nil {
		s.Metrics.Items.WithLabelValues(Stage, "claims").Add(float64(len(x.Claims)))
	}
	return append(evs, ev), nil
}

// inputCodes are the engine's error codes that say what the input is
// (empty, binary, malformed, in a language without rules): common, and
// counted by the dead-letter metrics. Any other code is a limit of the
// engine that a document reached, worth a log line.
var inputCodes = map[string]bool{
	extract.ErrEmpty: true, extract.ErrBinary: true, extract.ErrMalformed: true, extract.ErrUnsupported: true,
}

// extractionEvent returns the extraction event of article a, refusing one
// over the size bound with a permanent error: the same article yields the
// same extraction every time, and publishing it would fail every time. The
// body is passed on encoded, so that it is not encoded twice. (json.Marshal
// escapes <, > and &, so the size measured is never below the size sent.)
func (s *Service) extractionEvent(a schemas.Article, x schemas.Extraction, origin time.Time, id string) (natsx.Event, error) {
	data, err := json.Marshal(x)
	if err != nil {
		s.Log.Warn("extraction cannot be encoded; dead-lettered", "article_id", a.ID, "claims", len(x.Claims), "err", err)
		return natsx.Event{}, natsx.Permanent(ReasonExtractionUnencodable, fmt.Errorf("article %s: encoding its extraction: %w", a.ID, err))
	}
	if len(data) > s.maxExtraction {
		s.Log.Warn("extraction over the size limit; dead-lettered", "article_id", a.ID, "extraction_bytes", len(data),
			"limit_bytes", s.maxExtraction, "claims", len(x.Claims), "body_bytes", len(a.Body))
		return natsx.Event{}, natsx.Permanent(ReasonExtractionTooLarge,
			fmt.Errorf("article %s: extraction of %d bytes (%d claims) is over the %d-byte limit", a.ID, len(data), len(x.Claims), s.maxExtraction))
	}
	return natsx.Event{
		Origin:  origin,
		Subject: schemas.ExtractionSubject(x.Lang),
		ID:      id,
		Type:    schemas.ExtractionV1,
		Source:  Stage,
		Body:    json.RawMessage(data),
	}, nil
}

package linker

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/platform/telemetry"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker/internal/plan"
)

// Stage is the linker's name in metrics, dead letters and event sources.
const Stage = "linker"

// Service consumes extractions from the durable consumer "linker" on the
// EXTRACTIONS stream, writes each batch to the graph in one transaction,
// publishes the claim events and only then acks.
type Service struct {
	Graph   *Graph
	JS      jetstream.JetStream
	Log     *slog.Logger
	Metrics *telemetry.Metrics // optional
	Batch   int                // messages per batch; default DefaultBatch

	// PingEvery is how often Run checks Neo4j; default 1 s.
	PingEvery time.Duration
	// OnLinked, when set, is called for every extraction committed, with
	// the time its article was first published on NATS (benchmarks).
	OnLinked func(origin, committed time.Time)

	mu      sync.Mutex
	worker  *natsx.Worker
	running atomic.Bool
	// outbox names this pipeline's retraction outbox (OutboxOf); set by
	// Run before it consumes.
	outbox string
	// outboxDirty says filed retractions may be waiting: set at start and
	// when a flush fails.
	outboxDirty atomic.Bool
}

// Run consumes until ctx is cancelled. While Neo4j is unreachable it stops
// fetching (nothing is taken that cannot be written) and resumes when
// Neo4j answers again; a batch caught by an outage is held and written as
// soon as Neo4j answers, or, if the outage outlasts the consumer's ack
// wait, redelivered with backoff.
func (s *Service) Run(ctx context.Context) error {
	if s.Graph == nil || s.JS == nil {
		return errors.New("linker: Service needs Graph and JS")
	}
	log := s.log()
	every := s.PingEvery
	if every <= 0 {
		every = time.Second
	}
	s.running.Store(true)
	defer s.running.Store(false)
	// A linker that stopped between a commit and its flush left
	// retractions in the outbox: they are published first.
	s.outboxDirty.Store(true)
	log.Info("linker started", "batch", s.batch())
	defer log.Info("linker stopped")

	for s.outbox == "" {
		outbox, err := OutboxOf(ctx, s.JS)
		if err == nil {
			s.outbox = outbox
			break
		}
		log.Warn("claims stream unavailable; retrying", "err", err)
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(every):
		}
	}
	for ctx.Err() == nil {
		if err := s.waitForGraph(ctx, every); err != nil {
			return nil
		}
		if s.outboxDirty.Load() {
			s.flushRetractions(ctx)
		}
		wctx, stop := context.WithCancel(ctx)
		w := &natsx.Worker{
			JS: s.JS, Stream: schemas.StreamExtractions, Consumer: natsx.ConsumerLinker, Service: Stage,
			Batch: s.batch(), Handle: s.handle, Log: log,
		}
		if s.Metrics != nil {
			w.Observer = telemetry.StageObserver{M: s.Metrics, Stage: Stage}
		}
		s.mu.Lock()
		s.worker = w
		s.mu.Unlock()
		done := make(chan error, 1)
		go func() { done <- w.Run(wctx) }()
		s.watchGraph(wctx, every, log)
		stop()
		err := <-done
		s.mu.Lock()
		s.worker = nil
		s.mu.Unlock()
		if err != nil && ctx.Err() == nil {
			return fmt.Errorf("linker worker: %w", err)
		}
	}
	return nil
}

// waitForGraph returns once Neo4j answers, or with ctx's error.
func (s *Service) waitForGraph(ctx context.Context, every time.Duration) error {
	logged := false
	for {
		pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		err := s.Graph.Ping(pctx)
		cancel()
		if err == nil {
			if logged {
				s.log().Info("neo4j is back; resuming")
			}
			return nil
		}
		if !logged {
			s.log().Warn("neo4j unavailable; not consuming until it answers", "err", err)
			logged = true
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(every):
		}
	}
}

// watchGraph returns when ctx ends or Neo4j stops answering twice in a row.
func (s *Service) watchGraph(ctx context.Context, every time.Duration, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	misses := 0
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		err := s.Graph.Ping(pctx)
		cancel()
		if err == nil {
			misses = 0
			continue
		}
		if ctx.Err() != nil {
			return
		}
		misses++
		if misses >= 2 {
			log.Warn("neo4j stopped answering; pausing consumption", "err", err)
			return
		}
	}
}

// Ready reports whether the linker can do its work: the worker is fetching
// and Neo4j answers.
func (s *Service) Ready(ctx context.Context) error {
	if !s.running.Load() {
		return errors.New("linker is not running")
	}
	pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := s.Graph.Ping(pctx); err != nil {
		return err
	}
	s.mu.Lock()
	w := s.worker
	s.mu.Unlock()
	if w == nil || !w.Running() {
		return errors.New("linker is not consuming (starting, or waiting for NATS or Neo4j)")
	}
	return nil
}

// DefaultBatch is the most extractions one graph transaction takes. A
// transaction costs the same few round trips and one log flush however
// large, so bigger batches write more claims a second (bench link, feedx:
// 59–63 % of the floor at 64, 61–68 % at 128); a worker does not wait for a
// batch to fill, so at low rates batches stay small and latency short.
const DefaultBatch = 128

func (s *Service) batch() int {
	if s.Batch > 0 {
		return s.Batch
	}
	return DefaultBatch
}

func (s *Service) log() *slog.Logger {
	if s.Log != nil {
		return s.Log
	}
	return slog.Default()
}

// Decode reads one extraction message (JSON of the extraction.v1 contract;
// fields it does not know are ignored) and validates it. Its errors are
// permanent.
func Decode(data []byte) (schemas.Extraction, error) {
	var x schemas.Extraction
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&x); err != nil {
		return x, fmt.Errorf("decoding extraction: %w", err)
	}
	if dec.More() {
		return x, errors.New("decoding extraction: trailing data")
	}
	if err := plan.Validate(&x); err != nil {
		return x, err
	}
	return x, nil
}

// handle writes a batch and publishes its claim events; a message is acked
// (nil error) only when both are done.
func (s *Service) handle(ctx context.Context, msgs []jetstream.Msg) []error {
	start := time.Now()
	errs := make([]error, len(msgs))
	var xs []schemas.Extraction
	var idx []int
	var force []bool
	redelivered := false
	for i, m := range msgs {
		x, err := Decode(m.Data())
		if err != nil {
			errs[i] = natsx.Permanent("malformed", err)
			continue
		}
		xs = append(xs, x)
		idx = append(idx, i)
		// A message delivered before may have been written without its
		// events being published: it is written again, whatever the graph
		// holds, so that its events are read back and published.
		md, err := m.Metadata()
		again := err == nil && md.NumDelivered > 1
		force = append(force, again)
		redelivered = redelivered || again
	}
	if len(xs) == 0 {
		return errs
	}
	opts := LinkOptions{Force: force, Outbox: s.outbox}
	linked, err := s.Graph.Link(ctx, xs, opts)
	for err != nil && unavailable(err) && s.awaitGraph(ctx) {
		// Neo4j went away mid-batch: the batch stays in flight and is
		// written as soon as Neo4j answers, rather than redelivered after a
		// backoff that would outlast the outage.
		linked, err = s.Graph.Link(ctx, xs, opts)
	}
	if err != nil && !unavailable(err) && len(xs) > 1 {
		// Not an outage: find the extraction Neo4j refuses, write the rest.
		linked, err = s.writeOneByOne(ctx, xs, opts, idx, errs)
	}
	events := linked.Events
	if err != nil {
		s.countError("graph")
		for _, i := range idx {
			if errs[i] == nil {
				errs[i] = err
			}
		}
		return errs
	}
	if s.Graph.hook != nil {
		s.Graph.hook("committed")
	}
	if err := s.publish(ctx, events); err != nil {
		s.countError("publish")
		for _, i := range idx {
			if errs[i] == nil {
				errs[i] = err
			}
		}
		return errs
	}
	if linked.Retracted > 0 || redelivered || s.outboxDirty.Load() {
		// The batch is acked either way: its retractions are filed in the
		// graph and go out with the next flush if this one fails.
		s.flushRetractions(ctx)
	}
	if s.Metrics != nil {
		s.Metrics.Latency.WithLabelValues(Stage).Observe(time.Since(start).Seconds())
		s.Metrics.Items.WithLabelValues(Stage, "articles").Add(float64(len(xs)))
		s.Metrics.Items.WithLabelValues(Stage, "articles_written").Add(float64(linked.Written))
		s.Metrics.Items.WithLabelValues(Stage, "articles_restamped").Add(float64(linked.Restamped))
		s.Metrics.Items.WithLabelValues(Stage, "articles_unchanged").Add(float64(linked.Unchanged))
		s.Metrics.Items.WithLabelValues(Stage, "claims_retracted").Add(float64(linked.Retracted))
		s.Metrics.Items.WithLabelValues(Stage, "claim_events").Add(float64(len(events)))
	}
	now := time.Now()
	for _, i := range idx {
		if errs[i] != nil {
			continue
		}
		if origin, ok := natsx.Origin(msgs[i].Headers()); ok {
			if s.Metrics != nil {
				s.Metrics.GraphWait.WithLabelValues(Stage).Observe(now.Sub(origin).Seconds())
			}
			if s.OnLinked != nil {
				s.OnLinked(origin, now)
			}
		}
	}
	return errs
}

// awaitGraph waits until Neo4j answers and reports whether it does while
// the batch may still be held: 10 s before the handler's deadline (itself
// within the consumer's AckWait), or 30 s without one.
func (s *Service) awaitGraph(ctx context.Context) bool {
	deadline, ok := ctx.Deadline()
	if !ok {
		deadline = time.Now().Add(30 * time.Second)
	}
	deadline = deadline.Add(-10 * time.Second)
	for time.Now().Before(deadline) {
		pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		err := s.Graph.Ping(pctx)
		cancel()
		if err == nil {
			return true
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(500 * time.Millisecond):
		}
	}
	return false
}

// writeOneByOne writes each extraction in its own transaction after a batch
// failed for a reason other than an outage; the ones Neo4j refuses are
// permanent failures.
func (s *Service) writeOneByOne(ctx context.Context, xs []schemas.Extraction, opts LinkOptions, idx []int, errs []error) (Linked, error) {
	var all Linked
	for j, x := range xs {
		l, err := s.Graph.Link(ctx, []schemas.Extraction{x}, LinkOptions{Force: opts.Force[j : j+1], Outbox: opts.Outbox})
		switch {
		case err == nil:
			all.Events = append(all.Events, l.Events...)
			all.Written += l.Written
			all.Restamped += l.Restamped
			all.Unchanged += l.Unchanged
			all.Retracted += l.Retracted
		case unavailable(err):
			return Linked{}, err
		default:
			errs[idx[j]] = natsx.Permanent("graph_rejected", err)
		}
	}
	return all, nil
}

// flushRetractions publishes the filed retractions and empties the outbox
// of those published. It fails quietly, marking the outbox for the next
// batch: the retractions are safe in the graph meanwhile.
func (s *Service) flushRetractions(ctx context.Context) {
	s.outboxDirty.Store(true)
	for {
		pending, err := s.Graph.PendingRetractions(ctx, s.outbox, 500)
		if err != nil {
			s.countError("retractions")
			s.log().Warn("reading filed retractions failed; retrying with the next batch", "err", err)
			return
		}
		if len(pending) == 0 {
			s.outboxDirty.Store(false)
			return
		}
		var out []natsx.Event
		keys := make([]string, 0, len(pending))
		for _, p := range pending {
			keys = append(keys, p.Key)
			for _, e := range p.Events {
				out = append(out, natsx.Event{
					Subject: schemas.ClaimSubject(e.Predicate, e.Actor), ID: p.EventID(e),
					Type: schemas.ClaimRetractedV1, Source: Stage, Body: e,
				})
			}
		}
		if _, err := natsx.PublishAll(ctx, s.JS, out); err != nil {
			s.countError("publish")
			s.log().Warn("publishing retractions failed; retrying with the next batch", "err", err)
			return
		}
		if err := s.Graph.ClearRetractions(ctx, keys); err != nil {
			s.countError("retractions")
			s.log().Warn("clearing published retractions failed; retrying with the next batch", "err", err)
			return
		}
		if s.Metrics != nil {
			s.Metrics.Items.WithLabelValues(Stage, "retraction_events").Add(float64(len(out)))
		}
	}
}

// EventID is the Nats-Msg-Id of a claim event: a replay of the same claim
// with the same corroboration is dropped by JetStream, while a new report of
// the claim (one more piece of evidence) is a new event.
func EventID(e schemas.ClaimEvent) string {
	return fmt.Sprintf("%s.%s.%d", e.ID, schemas.Token(e.Actor), e.Corroboration)
}

func (s *Service) publish(ctx context.Context, events []schemas.ClaimEvent) error {
	if len(events) == 0 {
		return nil
	}
	out := make([]natsx.Event, len(events))
	for i, e := range events {
		out[i] = natsx.Event{
			Subject: schemas.ClaimSubject(e.Predicate, e.Actor), ID: EventID(e),
			Type: schemas.ClaimV1, Source: Stage, Body: e,
		}
	}
	if _, err := natsx.PublishAll(ctx, s.JS, out); err != nil {
		return fmt.Errorf("publishing %d claim events: %w", len(out), err)
	}
	return nil
}

func (s *Service) countError(reason string) {
	if s.Metrics != nil {
		s.Metrics.Errors.WithLabelValues(Stage, reason).Inc()
	}
}

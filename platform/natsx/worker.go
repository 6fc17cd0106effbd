package natsx

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/schemas"
)

// permanentError marks an error that no retry can fix (bad input).
type permanentError struct {
	reason string
	err    error
}

func (e *permanentError) Error() string { return e.reason + ": " + e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// Permanent marks err as permanent: the message is dead-lettered with the
// reason (a short fixed word such as "malformed" or "unsupported_language")
// and terminated, never retried.
func Permanent(reason string, err error) error {
	if err == nil {
		err = errors.New(reason)
	}
	return &permanentError{reason: reason, err: err}
}

// PermanentReason returns the reason of a permanent error.
func PermanentReason(err error) (string, bool) {
	var pe *permanentError
	if errors.As(err, &pe) {
		return pe.reason, true
	}
	return "", false
}

// Outcome of one message, for metrics.
const (
	OutcomeOK        = "ok"
	OutcomeRetry     = "retry"
	OutcomeDeadLeter = "dead_letter"
)

// Observer receives per-message outcomes; the service's metrics implement it.
type Observer interface {
	Observe(outcome, reason string, latency time.Duration)
}

// BacklogObserver, when an Observer also implements it, receives every few
// seconds the number of messages waiting on the worker's consumer (pending
// plus in flight) and the number of dead letters.
type BacklogObserver interface {
	ObserveBacklog(pending uint64, deadLetters uint64)
}

// backlogEvery is how often the worker reports its backlog.
const backlogEvery = 5 * time.Second

// BatchHandler handles a batch of messages and returns one error per
// message (nil when its effect is durable). It must not ack.
type BatchHandler func(ctx context.Context, msgs []jetstream.Msg) []error

// Worker pulls batches from a durable consumer and settles each message
// from its handler's verdict: Ack on success, NakWithDelay on a transient
// error, and for a permanent error, or a transient one past MaxDeliver, a
// dead letter on diplo.dlq.<service> followed by Term.
type Worker struct {
	JS       jetstream.JetStream
	Stream   string
	Consumer string
	Service  string
	Batch    int // messages per fetch; default 64
	// MaxWait is how long one fetch waits for a first message when the
	// stream is idle; default 1 s. A batch never waits to fill: it takes
	// the first message as soon as it arrives and whatever else is
	// already waiting, so latency stays low and batches grow with load.
	MaxWait  time.Duration
	Handle   BatchHandler
	Log      *slog.Logger
	Observer Observer

	running atomic.Bool
}

// Running reports whether the worker's consumer loop is fetching.
func (w *Worker) Running() bool { return w.running.Load() }

// Run consumes until ctx is cancelled. In-flight batches finish before it
// returns; a fetch error (server away) is retried with backoff.
func (w *Worker) Run(ctx context.Context) error {
	if w.Batch <= 0 {
		w.Batch = 64
	}
	if w.MaxWait <= 0 {
		w.MaxWait = time.Second
	}
	log := w.Log
	if log == nil {
		log = slog.Default()
	}
	defer w.running.Store(false)
	var cons jetstream.Consumer
	failures := 0
	var lastBacklog time.Time
	for ctx.Err() == nil {
		if cons != nil && time.Since(lastBacklog) >= backlogEvery {
			lastBacklog = time.Now()
			w.reportBacklog(ctx, cons)
		}
		if cons == nil {
			c, err := Consumer(ctx, w.JS, w.Stream, w.Consumer)
			if err != nil {
				w.running.Store(false)
				failures++
				if failures == 1 || failures%20 == 0 {
					log.Warn("consumer unavailable; retrying", "stream", w.Stream, "consumer", w.Consumer, "err", err)
				}
				sleep(ctx, backoff(failures, 100*time.Millisecond, 5*time.Second))
				continue
			}
			cons = c
		}
		msgs, err := w.fetch(cons)
		if err != nil && ctx.Err() == nil {
			w.running.Store(false)
			failures++
			if failures == 1 || failures%20 == 0 {
				log.Warn("fetch failed; retrying", "consumer", w.Consumer, "err", err)
			}
			if errors.Is(err, jetstream.ErrConsumerNotFound) {
				cons = nil
			}
			sleep(ctx, backoff(failures, 100*time.Millisecond, 5*time.Second))
			continue
		}
		failures = 0
		w.running.Store(true)
		if len(msgs) == 0 {
			continue
		}
		start := time.Now()
		// The handler's work must finish even when shutdown begins, so it
		// runs on a context that is not cancelled with ctx (bounded by AckWait).
		hctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 55*time.Second)
		errs := w.Handle(hctx, msgs)
		for i, m := range msgs {
			var herr error
			if i < len(errs) {
				herr = errs[i]
			}
			w.settle(hctx, log, m, herr, time.Since(start))
		}
		cancel()
	}
	return nil
}

// fetch waits up to MaxWait for one message, then takes what else is
// already waiting, up to Batch in all.
func (w *Worker) fetch(cons jetstream.Consumer) ([]jetstream.Msg, error) {
	var msgs []jetstream.Msg
	first, err := cons.Fetch(1, jetstream.FetchMaxWait(w.MaxWait))
	if err != nil {
		return nil, err
	}
	for m := range first.Messages() {
		msgs = append(msgs, m)
	}
	if err := first.Error(); err != nil && !errors.Is(err, jetstream.ErrNoMessages) && len(msgs) == 0 {
		return nil, err
	}
	if len(msgs) == 0 || w.Batch <= 1 {
		return msgs, nil
	}
	rest, err := cons.FetchNoWait(w.Batch - 1)
	if err != nil {
		return msgs, nil // the first message is in hand; the rest can wait
	}
	for m := range rest.Messages() {
		msgs = append(msgs, m)
	}
	return msgs, nil
}

func (w *Worker) reportBacklog(ctx context.Context, cons jetstream.Consumer) {
	bo, ok := w.Observer.(BacklogObserver)
	if !ok {
		return
	}
	ictx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	info, err := cons.Info(ictx)
	if err != nil {
		return
	}
	var dead uint64
	if st, err := w.JS.Stream(ictx, schemas.StreamDLQ); err == nil {
		if si, err := st.Info(ictx); err == nil {
			dead = si.State.Msgs
		}
	}
	bo.ObserveBacklog(info.NumPending+uint64(info.NumAckPending), dead)
}

func (w *Worker) settle(ctx context.Context, log *slog.Logger, m jetstream.Msg, herr error, latency time.Duration) {
	observe := func(outcome, reason string) {
		if w.Observer != nil {
			w.Observer.Observe(outcome, reason, latency)
		}
	}
	if herr == nil {
		if err := m.Ack(); err != nil {
			log.Warn("ack failed; the message will be redelivered", "err", err)
		}
		observe(OutcomeOK, "")
		return
	}
	md, _ := m.Metadata()
	delivered := uint64(1)
	if md != nil {
		delivered = md.NumDelivered
	}
	reason, permanent := PermanentReason(herr)
	if !permanent && delivered < MaxDeliver {
		_ = m.NakWithDelay(backoff(int(delivered), time.Second, 30*time.Second))
		observe(OutcomeRetry, "transient")
		return
	}
	if !permanent {
		reason = "max_deliveries"
	}
	if err := w.deadLetter(ctx, m, reason, herr, int(delivered)); err != nil {
		// Without a dead letter the message must not be lost: retry later.
		log.Error("dead-lettering failed; message kept for redelivery", "err", err)
		_ = m.NakWithDelay(5 * time.Second)
		observe(OutcomeRetry, "dlq_unavailable")
		return
	}
	_ = m.TermWithReason(reason)
	observe(OutcomeDeadLeter, reason)
}

func (w *Worker) deadLetter(ctx context.Context, m jetstream.Msg, reason string, herr error, delivered int) error {
	msgID := m.Headers().Get(jetstream.MsgIDHeader)
	dl := schemas.DeadLetter{
		Schema: schemas.DeadLetterV1, Service: w.Service, Subject: m.Subject(), MsgID: msgID,
		Reason: reason, Error: herr.Error(), Deliveries: delivered, Time: time.Now().UTC(), Payload: m.Data(),
	}
	id := fmt.Sprintf("dlq-%s-%s", w.Service, msgID)
	if msgID == "" {
		if md, err := m.Metadata(); err == nil {
			id = fmt.Sprintf("dlq-%s-%s-%d", w.Service, w.Stream, md.Sequence.Stream)
		}
	}
	_, err := Publish(ctx, w.JS, Event{Subject: schemas.DLQSubject(w.Service), ID: id, Type: schemas.DeadLetterV1, Source: w.Service, Body: dl})
	return err
}

// DecodeDeadLetter reads a dead letter from a DLQ message.
func DecodeDeadLetter(data []byte) (schemas.DeadLetter, error) {
	var dl schemas.DeadLetter
	err := json.Unmarshal(data, &dl)
	return dl, err
}

func backoff(n int, base, max time.Duration) time.Duration {
	if n < 1 {
		n = 1
	}
	d := base << min(n-1, 16)
	if d > max || d <= 0 {
		d = max
	}
	// ±20 % jitter so that many workers do not retry in step.
	return time.Duration(float64(d) * (0.8 + 0.4*rand.Float64()))
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

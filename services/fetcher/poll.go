package fetcher

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/diplograph/diplograph/platform/telemetry"
	"github.com/diplograph/diplograph/services/fetcher/internal/web"
)

// PollOptions tunes Poll. The zero value works.
type PollOptions struct {
	Workers    int // parallel items per source; default 4
	HTTP       *HTTPConfig
	DeadLetter func(ctx context.Context, input, reason string, err error, payload []byte)
	Metrics    *telemetry.Metrics
	Log        *slog.Logger
	// OnPoll, when set, is called after every poll of a source with its
	// counts; the service uses it for readiness, tests to follow progress.
	OnPoll func(src SourceConfig, s Stats)
}

// Poll polls every source at its interval until ctx ends, then returns
// nil. Feeds are fetched conditionally; their new items are published,
// seen ones skipped (by the publisher's seen-set). A failing poll is
// counted and dead-lettered and the source is polled again at its next
// turn. Poll returns an error only for an invalid source.
func Poll(ctx context.Context, pub Publisher, sources []SourceConfig, opts PollOptions) error {
	if pub == nil {
		return errors.New("poll: no publisher")
	}
	for _, s := range sources {
		if err := s.Validate(); err != nil {
			return err
		}
	}
	if opts.Workers <= 0 {
		opts.Workers = 4
	}
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	cfg := DefaultHTTPConfig()
	if opts.HTTP != nil {
		cfg = *opts.HTTP
	}
	client, err := web.New(cfg.web())
	if err != nil {
		return err
	}
	defer client.Close()
	log.Info("polling sources", "sources", len(sources))
	var wg sync.WaitGroup
	for _, src := range sources {
		wg.Go(func() {
			for {
				s := pollOnce(ctx, pub, client, src, opts)
				if opts.OnPoll != nil && ctx.Err() == nil {
					opts.OnPoll(src, s)
				}
				// ±10 % jitter so that sources with one interval spread out.
				d := time.Duration(float64(src.Interval) * (0.9 + 0.2*rand.Float64()))
				if sleepCtx(ctx, d) != nil {
					return
				}
			}
		})
	}
	wg.Wait()
	log.Info("polling stopped")
	return nil
}

// pollOnce polls one source once.
func pollOnce(ctx context.Context, pub Publisher, client *web.Client, src SourceConfig, opts PollOptions) Stats {
	r, _ := newRun(pub, IngestOptions{Workers: opts.Workers, DeadLetter: opts.DeadLetter, Metrics: opts.Metrics, HTTP: opts.HTTP}, nil)
	r.client = client
	r.clientOnce.Do(func() {})
	r.source = src.Name
	switch src.Kind {
	case KindFolder:
		r.addInput(ctx, src.Path)
	default:
		r.addInput(ctx, src.URL)
	}
	r.wg.Wait()
	return r.snapshot()
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

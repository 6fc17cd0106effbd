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
	p, err := NewPoller(pub, opts)
	if err != nil {
		return err
	}
	defer p.Close()
	return p.Run(ctx, sources)
}

// Poller polls sources with one HTTP client, so that validators for
// conditional requests, robots.txt and rate limits carry from one poll to
// the next.
type Poller struct {
	pub    Publisher
	opts   PollOptions
	log    *slog.Logger
	client *web.Client
}

// NewPoller returns a poller publishing to pub.
func NewPoller(pub Publisher, opts PollOptions) (*Poller, error) {
	if pub == nil {
		return nil, errors.New("poll: no publisher")
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
		return nil, err
	}
	return &Poller{pub: pub, opts: opts, log: log, client: client}, nil
}

// Close releases the poller's idle connections.
func (p *Poller) Close() { p.client.Close() }

// Run polls every source at its interval until ctx ends; see Poll.
func (p *Poller) Run(ctx context.Context, sources []SourceConfig) error {
	for _, s := range sources {
		if err := s.Validate(); err != nil {
			return err
		}
	}
	p.log.Info("polling sources", "sources", len(sources))
	var wg sync.WaitGroup
	for _, src := range sources {
		wg.Go(func() {
			for {
				s := p.Once(ctx, src)
				if p.opts.OnPoll != nil && ctx.Err() == nil {
					p.opts.OnPoll(src, s)
				}
				// ±10 % jitter so that sources with one interval spread out.
				d := time.Duration(float64(src.Interval) * (0.9 + 0.2*rand.Float64()))
				if web.Sleep(ctx, d) != nil {
					return
				}
			}
		})
	}
	wg.Wait()
	p.log.Info("polling stopped")
	return nil
}

// Once polls one source once and returns its counts. A feed that answers
// 304 Not Modified yields no items.
func (p *Poller) Once(ctx context.Context, src SourceConfig) Stats {
	r := newRun(p.pub, IngestOptions{Workers: p.opts.Workers, DeadLetter: p.opts.DeadLetter, Metrics: p.opts.Metrics, HTTP: p.opts.HTTP}, nil)
	r.client = p.client
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

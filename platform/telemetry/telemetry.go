// Package telemetry gives every service the same logging, metrics and
// health endpoints: slog (JSON when not on a terminal), a Prometheus
// registry of its own, and /livez, /readyz and /metrics.
package telemetry

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// NewLogger returns a text logger on a terminal and a JSON logger
// otherwise, at the given level ("debug", "info", "warn", "error").
func NewLogger(w io.Writer, level string) *slog.Logger {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		lv = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: lv}
	if f, ok := w.(*os.File); ok && isTerminal(f) {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// Metrics are a stage's counters and histograms, on its own registry.
type Metrics struct {
	Registry  *prometheus.Registry
	Messages  *prometheus.CounterVec   // by stage, outcome
	Errors    *prometheus.CounterVec   // by stage, reason
	Latency   *prometheus.HistogramVec // by stage
	Items     *prometheus.CounterVec   // by stage, kind: articles, claims, …
	Lag       *prometheus.GaugeVec     // by stage: messages pending on its consumer
	DLQ       prometheus.Gauge
	GraphWait *prometheus.HistogramVec // by stage: publish-to-graph latency
}

// NewMetrics registers the pipeline's metrics on a new registry.
func NewMetrics() *Metrics {
	r := prometheus.NewRegistry()
	r.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m := &Metrics{
		Registry: r,
		Messages: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: "diplograph", Name: "messages_total", Help: "Messages settled, by stage and outcome (ok, retry, dead_letter)."}, []string{"stage", "outcome"}),
		Errors:   prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: "diplograph", Name: "errors_total", Help: "Errors by stage and reason."}, []string{"stage", "reason"}),
		Latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: "diplograph", Name: "processing_seconds", Help: "Time to process one batch, by stage.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2.5, 12)}, []string{"stage"}),
		Items: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: "diplograph", Name: "items_total", Help: "Things produced, by stage and kind."}, []string{"stage", "kind"}),
		Lag:   prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: "diplograph", Name: "consumer_pending", Help: "Messages waiting on the stage's durable consumer."}, []string{"stage"}),
		DLQ:   prometheus.NewGauge(prometheus.GaugeOpts{Namespace: "diplograph", Name: "dlq_messages", Help: "Messages in the dead-letter stream."}),
		GraphWait: prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: "diplograph", Name: "publish_to_graph_seconds", Help: "Time from an article's publication on NATS to its claims committed in Neo4j.",
			Buckets: prometheus.ExponentialBuckets(0.005, 2, 14)}, []string{"stage"}),
	}
	r.MustRegister(m.Messages, m.Errors, m.Latency, m.Items, m.Lag, m.DLQ, m.GraphWait)
	return m
}

// StageObserver adapts Metrics to natsx.Observer for one stage.
type StageObserver struct {
	M     *Metrics
	Stage string
}

// Observe records one settled message.
func (o StageObserver) Observe(outcome, reason string, latency time.Duration) {
	o.M.Messages.WithLabelValues(o.Stage, outcome).Inc()
	if reason != "" {
		o.M.Errors.WithLabelValues(o.Stage, reason).Inc()
	}
}

// ObserveBacklog records the consumer's backlog and the dead-letter count.
func (o StageObserver) ObserveBacklog(pending, deadLetters uint64) {
	o.M.Lag.WithLabelValues(o.Stage).Set(float64(pending))
	o.M.DLQ.Set(float64(deadLetters))
}

// Check reports whether one dependency is ready; nil means ready.
type Check func(ctx context.Context) error

// Health serves /livez, /readyz and /metrics.
type Health struct {
	mu     sync.Mutex
	checks map[string]Check
	m      *Metrics
}

// NewHealth returns a health endpoint set for m.
func NewHealth(m *Metrics) *Health { return &Health{checks: map[string]Check{}, m: m} }

// AddCheck adds a readiness check.
func (h *Health) AddCheck(name string, c Check) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.checks[name] = c
}

// Ready runs every check and returns the first failure.
func (h *Health) Ready(ctx context.Context) error {
	h.mu.Lock()
	checks := make(map[string]Check, len(h.checks))
	for k, v := range h.checks {
		checks[k] = v
	}
	h.mu.Unlock()
	var errs []error
	for name, c := range checks {
		if err := c(ctx); err != nil {
			errs = append(errs, errors.New(name+": "+err.Error()))
		}
	}
	return errors.Join(errs...)
}

// Handler returns the HTTP handler of the three endpoints.
func (h *Health) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/livez", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "ok\n") })
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := h.Ready(ctx); err != nil {
			http.Error(w, "not ready: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, "ready\n")
	})
	if h.m != nil {
		mux.Handle("/metrics", promhttp.HandlerFor(h.m.Registry, promhttp.HandlerOpts{}))
	}
	return mux
}

// Serve listens on addr (":9090"; empty disables) until ctx ends.
func (h *Health) Serve(ctx context.Context, addr string, log *slog.Logger) error {
	if addr == "" {
		return nil
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	log.Info("health endpoints listening", "addr", ln.Addr().String())
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

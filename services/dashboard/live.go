package dashboard

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/schemas"
)

// LiveEvent is a message of the CLAIMS stream as the live feed passes it
// on: its stream sequence, type and body (a diplograph.claim.v1 event, or
// another type on the same subjects, such as a retraction).
type LiveEvent struct {
	Seq       uint64          `json:"seq"`
	Type      string          `json:"type"`
	Predicate string          `json:"predicate"`
	Actor     string          `json:"actor"`
	Data      json.RawMessage `json:"data"`
}

// Live statuses, as the feed reports them.
const (
	LiveConnecting = "connecting"
	LiveOn         = "live"
	LiveOff        = "unavailable"
)

// recent is how many events the feed keeps for a page that opens.
const recent = 100

// Hub reads the CLAIMS stream and passes its events on to the live feed's
// subscribers, each through a buffered channel: a subscriber too slow to
// keep up misses events rather than holding up the others.
type Hub struct {
	log *slog.Logger

	mu     sync.Mutex
	ring   []LiveEvent
	subs   map[chan LiveEvent]struct{}
	status string
	watch  []chan string
}

// NewHub returns a Hub that is connecting.
func NewHub(log *slog.Logger) *Hub {
	if log == nil {
		log = slog.Default()
	}
	return &Hub{log: log, subs: map[chan LiveEvent]struct{}{}, status: LiveConnecting}
}

// Status reports whether the feed is connected to the stream.
func (h *Hub) Status() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.status
}

func (h *Hub) setStatus(s string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.status == s {
		return
	}
	switch {
	case s == LiveOn:
		h.log.Info("live feed reading the claims stream")
	case h.status == LiveOn:
		h.log.Warn("live feed lost the claims stream; reconnecting")
	}
	h.status = s
	for _, w := range h.watch {
		select {
		case w <- s:
		default:
		}
	}
}

// Run reads the stream through js, from the last events it holds, until
// ctx ends or the stream cannot be read; the feed's status follows.
func (h *Hub) Run(ctx context.Context, js jetstream.JetStream) error {
	defer h.setStatus(LiveOff)
	cfg := jetstream.OrderedConsumerConfig{FilterSubjects: []string{schemas.SubjectClaims + ".>"}, DeliverPolicy: jetstream.DeliverNewPolicy}
	h.mu.Lock()
	last := uint64(0)
	if n := len(h.ring); n > 0 {
		last = h.ring[n-1].Seq
	}
	h.mu.Unlock()
	st, err := js.Stream(ctx, schemas.StreamClaims)
	if err != nil {
		return fmt.Errorf("live feed: claims stream: %w", err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		return fmt.Errorf("live feed: claims stream: %w", err)
	}
	// Start after what the feed holds (after a reconnection), or with the
	// last events of the stream, so that a page opening has some to show.
	start := last + 1
	if last == 0 && info.State.LastSeq > recent {
		start = info.State.LastSeq - recent + 1
	}
	if start <= info.State.LastSeq {
		cfg.DeliverPolicy, cfg.OptStartSeq = jetstream.DeliverByStartSequencePolicy, max(start, 1)
	}
	cons, err := st.OrderedConsumer(ctx, cfg)
	if err != nil {
		return fmt.Errorf("live feed: %w", err)
	}
	msgs, err := cons.Messages()
	if err != nil {
		return fmt.Errorf("live feed: %w", err)
	}
	stop := context.AfterFunc(ctx, msgs.Stop)
	defer stop()
	defer msgs.Stop()
	h.setStatus(LiveOn)
	for {
		msg, err := msgs.Next()
		if err != nil {
			if ctx.Err() != nil || errors.Is(err, jetstream.ErrMsgIteratorClosed) {
				return ctx.Err()
			}
			return fmt.Errorf("live feed: %w", err)
		}
		md, err := msg.Metadata()
		if err != nil {
			continue
		}
		h.publish(liveEvent(md.Sequence.Stream, msg.Subject(), msg.Headers().Get(natsx.HeaderType), msg.Data()))
	}
}

// Connector gives the hub a JetStream context, and a function that
// releases it.
type Connector func(ctx context.Context) (jetstream.JetStream, func(), error)

// Dial connects to the NATS server of cfg.
func Dial(cfg natsx.Config, log *slog.Logger) Connector {
	return func(ctx context.Context) (jetstream.JetStream, func(), error) {
		nc, js, err := natsx.Connect(ctx, cfg, log)
		if err != nil {
			return nil, nil, err
		}
		return js, nc.Close, nil
	}
}

// Using is the JetStream context of a connection owned by someone else.
func Using(js jetstream.JetStream) Connector {
	return func(context.Context) (jetstream.JetStream, func(), error) { return js, func() {}, nil }
}

// Follow keeps the hub reading the stream, connecting again after a
// failure, until ctx ends: the dashboard starts without NATS, or before
// the stream exists, and shows the feed once they are there.
func (h *Hub) Follow(ctx context.Context, connect Connector) {
	wait := 500 * time.Millisecond
	for ctx.Err() == nil {
		js, release, err := connect(ctx)
		if err == nil {
			err = h.Run(ctx, js)
			release()
		}
		if ctx.Err() != nil {
			return
		}
		h.setStatus(LiveOff)
		h.log.Debug("live feed unavailable; retrying", "err", err, "in", wait)
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		wait = min(2*wait, 5*time.Second)
	}
}

func liveEvent(seq uint64, subject, typ string, data []byte) LiveEvent {
	ev := LiveEvent{Seq: seq, Type: typ, Data: json.RawMessage(data)}
	// diplo.claims.<predicate>.<actor>
	if parts := strings.SplitN(subject, ".", 4); len(parts) == 4 {
		ev.Predicate, ev.Actor = parts[2], parts[3]
	}
	if ev.Type == "" {
		var head struct {
			Schema string `json:"schema"`
		}
		_ = json.Unmarshal(data, &head)
		ev.Type = head.Schema
	}
	if !json.Valid(data) {
		ev.Data = json.RawMessage(`null`)
	}
	return ev
}

func (h *Hub) publish(ev LiveEvent) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.ring = append(h.ring, ev)
	if len(h.ring) > recent {
		h.ring = append(h.ring[:0], h.ring[len(h.ring)-recent:]...)
	}
	for ch := range h.subs {
		select {
		case ch <- ev:
		default: // too slow: it misses this one
		}
	}
}

// Subscribe returns the held events after sequence after, a channel of the
// events to come, a channel of status changes, and a function that ends
// the subscription.
func (h *Hub) Subscribe(after uint64) (held []LiveEvent, events <-chan LiveEvent, status <-chan string, cancel func()) {
	ch := make(chan LiveEvent, 256)
	st := make(chan string, 4)
	h.mu.Lock()
	for _, ev := range h.ring {
		if ev.Seq > after {
			held = append(held, ev)
		}
	}
	h.subs[ch] = struct{}{}
	h.watch = append(h.watch, st)
	h.mu.Unlock()
	return held, ch, st, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		delete(h.subs, ch)
		for i, w := range h.watch {
			if w == st {
				h.watch = append(h.watch[:i], h.watch[i+1:]...)
				break
			}
		}
	}
}

package natsx

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/limits"
)

// CloudEvents-style headers carried by every event.
const (
	HeaderID     = "ce-id"
	HeaderType   = "ce-type"
	HeaderSource = "ce-source"
	HeaderTime   = "ce-time"
	// HeaderOrigin carries the time an article was first published on
	// NATS through every later stage, for publish-to-graph latency.
	HeaderOrigin = "Diplo-Origin-Time"
)

// Origin returns the time a message's article was first published: its
// Diplo-Origin-Time header, else its own ce-time; ok is false when neither
// parses.
func Origin(h nats.Header) (time.Time, bool) {
	for _, k := range []string{HeaderOrigin, HeaderTime} {
		if t, err := time.Parse(time.RFC3339Nano, h.Get(k)); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// Event is one message to publish: a JSON body with its type and a
// content-derived id that JetStream uses to drop duplicates.
type Event struct {
	Subject string
	ID      string // becomes Nats-Msg-Id and ce-id
	Type    string // versioned type name, e.g. diplograph.article.v1
	Source  string // producing service
	Body    any    // marshalled as JSON
	// Origin, when set, is passed on in the Diplo-Origin-Time header.
	Origin time.Time
	// Headers are set on the message besides the ones above.
	Headers map[string]string
}

// Msg builds the NATS message of an event.
func (e Event) Msg(now time.Time) (*nats.Msg, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// Articles are HTML: escaping every < and > would swell them for nothing.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(e.Body); err != nil {
		return nil, fmt.Errorf("encoding %s %s: %w", e.Type, e.ID, err)
	}
	data := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	if len(data) > limits.Message {
		// Refused here, named, rather than by the server as "maximum payload exceeded".
		return nil, limits.Exceeded(e.Type+" "+e.ID, int64(len(data)), limits.Message)
	}
	m := nats.NewMsg(e.Subject)
	m.Data = data
	m.Header.Set(jetstream.MsgIDHeader, e.ID)
	m.Header.Set(HeaderID, e.ID)
	m.Header.Set(HeaderType, e.Type)
	m.Header.Set(HeaderSource, e.Source)
	m.Header.Set(HeaderTime, now.UTC().Format(time.RFC3339Nano))
	m.Header.Set("Content-Type", "application/json")
	if !e.Origin.IsZero() {
		m.Header.Set(HeaderOrigin, e.Origin.UTC().Format(time.RFC3339Nano))
	}
	for k, v := range e.Headers {
		m.Header.Set(k, v)
	}
	return m, nil
}

// Publish publishes one event and waits for JetStream's acknowledgement.
// dup reports that the stream already held a message with this id.
func Publish(ctx context.Context, js jetstream.JetStream, e Event) (dup bool, err error) {
	ack, err := PublishAck(ctx, js, e)
	if err != nil {
		return false, err
	}
	return ack.Duplicate, nil
}

// PublishAck is Publish returning JetStream's acknowledgement: the stream
// and sequence that hold the message (the earlier one for a duplicate).
func PublishAck(ctx context.Context, js jetstream.JetStream, e Event) (*jetstream.PubAck, error) {
	m, err := e.Msg(time.Now())
	if err != nil {
		return nil, err
	}
	ack, err := js.PublishMsg(ctx, m)
	if err != nil {
		return nil, fmt.Errorf("publishing %s to %s: %w", e.ID, e.Subject, err)
	}
	return ack, nil
}

// PublishAll publishes events asynchronously and waits for every
// acknowledgement; it returns how many were duplicates and the first error.
func PublishAll(ctx context.Context, js jetstream.JetStream, events []Event) (dups int, err error) {
	now := time.Now()
	futures := make([]jetstream.PubAckFuture, 0, len(events))
	for _, e := range events {
		m, merr := e.Msg(now)
		if merr != nil {
			return dups, merr
		}
		f, perr := js.PublishMsgAsync(m)
		if perr != nil {
			return dups, fmt.Errorf("publishing %s to %s: %w", e.ID, e.Subject, perr)
		}
		futures = append(futures, f)
	}
	for _, f := range futures {
		select {
		case ack := <-f.Ok():
			if ack.Duplicate {
				dups++
			}
		case perr := <-f.Err():
			if err == nil {
				err = fmt.Errorf("publishing %s: %w", f.Msg().Header.Get(jetstream.MsgIDHeader), perr)
			}
		case <-ctx.Done():
			return dups, ctx.Err()
		}
	}
	return dups, err
}

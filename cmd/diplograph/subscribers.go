package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/schemas"
)

// waitSubscribers gives the consumers of the CLAIMS stream (subscribers
// such as the consumers of docs/events.md, connected to the embedded
// server through --nats-listen) up to linger to read every claim event
// before run --once stops the server, and names those that did not.
func waitSubscribers(ctx context.Context, js jetstream.JetStream, linger time.Duration, stderr io.Writer) error {
	deadline := time.Now().Add(linger)
	caughtUp := 0
	for {
		behind, err := subscribersBehind(ctx, js)
		if err != nil {
			return err
		}
		if len(behind) == 0 {
			// (and a filtered consumer's count may lag too: no one behind
			// twice in a row, a poll apart, is caught up)
			if caughtUp++; caughtUp == 2 {
				return nil
			}
		} else {
			caughtUp = 0
		}
		if len(behind) > 0 && time.Now().After(deadline) {
			names := make([]string, 0, len(behind))
			for n := range behind {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, n := range names {
				fmt.Fprintf(stderr, "subscriber %s has %d claim events left to read; a durable one reads them when it next connects\n", n, behind[n])
			}
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// subscribersBehind returns the consumers of the CLAIMS stream that have
// messages left to read or to acknowledge, with how many.
func subscribersBehind(ctx context.Context, js jetstream.JetStream) (map[string]uint64, error) {
	st, err := js.Stream(ctx, schemas.StreamClaims)
	if err != nil {
		return nil, fmt.Errorf("claims stream: %w", err)
	}
	last := st.CachedInfo().State.LastSeq
	behind := map[string]uint64{}
	lister := st.ListConsumers(ctx)
	for info := range lister.Info() {
		pending := info.NumPending
		if info.Config.FilterSubject == "" && len(info.Config.FilterSubjects) == 0 && info.Delivered.Stream < last {
			// the server's count of a consumer's pending events may lag
			// the stream by a moment; one that reads every subject is
			// behind by the events stored after the last it was given
			pending = max(pending, last-info.Delivered.Stream)
		}
		if n := pending + uint64(info.NumAckPending); n > 0 {
			behind[info.Name] = n
		}
	}
	if err := lister.Err(); err != nil && !errors.Is(err, jetstream.ErrEndOfData) {
		return nil, fmt.Errorf("listing the claims stream's consumers: %w", err)
	}
	return behind, nil
}

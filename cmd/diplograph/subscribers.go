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
	for {
		behind, err := subscribersBehind(ctx, js)
		if err != nil {
			return err
		}
		if len(behind) == 0 {
			return nil
		}
		if time.Now().After(deadline) {
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
	behind := map[string]uint64{}
	lister := st.ListConsumers(ctx)
	for info := range lister.Info() {
		if n := info.NumPending + uint64(info.NumAckPending); n > 0 {
			behind[info.Name] = n
		}
	}
	if err := lister.Err(); err != nil && !errors.Is(err, jetstream.ErrEndOfData) {
		return nil, fmt.Errorf("listing the claims stream's consumers: %w", err)
	}
	return behind, nil
}

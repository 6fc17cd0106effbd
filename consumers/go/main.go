// Command claims-consumer reads diplograph's claim events through a
// durable JetStream consumer and prints one line per event. It is the Go
// example of docs/events.md; copy it as the start of your own service.
//
//	go run ./consumers/go --durable my-service --filter 'diplo.claims.oppose.>'
//
// It may start before the NATS server does: it waits for the server and
// for the CLAIMS stream. Being durable, it resumes after a restart (its
// own or the server's) where it left off; events it has acknowledged are
// not delivered again.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// claimEvent holds the fields of diplograph.claim.v1 this consumer uses
// (schemas/json/claim.v1.json describes them all).
type claimEvent struct {
	Schema    string  `json:"schema"`
	ID        string  `json:"id"`
	Predicate string  `json:"predicate"`
	Actor     string  `json:"actor"`
	Target    *string `json:"target"`
	Topic     *string `json:"topic"`
	Date      string  `json:"date"`
	Evidence  []struct {
		Text string `json:"text"`
		URL  string `json:"url"`
	} `json:"evidence"`
}

func main() {
	url := flag.String("url", env("NATS_URL", "nats://127.0.0.1:4222"), "NATS server (env NATS_URL)")
	durable := flag.String("durable", "claims-printer", "durable consumer name: one per application")
	filter := flag.String("filter", "diplo.claims.>", "subject filter: diplo.claims.<predicate>.<actor>")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, *url, *durable, *filter); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, url, durable, filter string) error {
	opts := []nats.Option{
		nats.Name("claims-consumer " + durable),
		// Start before the server, and survive its restarts.
		nats.RetryOnFailedConnect(true),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(250 * time.Millisecond),
	}
	if user := os.Getenv("NATS_USER"); user != "" {
		opts = append(opts, nats.UserInfo(user, os.Getenv("NATS_PASSWORD")))
	}
	if token := os.Getenv("NATS_TOKEN"); token != "" {
		opts = append(opts, nats.Token(token))
	}
	nc, err := nats.Connect(url, opts...)
	if err != nil {
		return err
	}
	defer nc.Drain()
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}

	// The CLAIMS stream exists once diplograph has started: until then,
	// try again every 250 ms.
	var cons jetstream.Consumer
	for {
		cons, err = js.CreateOrUpdateConsumer(ctx, "CLAIMS", jetstream.ConsumerConfig{
			Durable:       durable,
			FilterSubject: filter,
			AckPolicy:     jetstream.AckExplicitPolicy,
			DeliverPolicy: jetstream.DeliverAllPolicy,
		})
		if err == nil {
			break
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(250 * time.Millisecond):
		}
	}

	cc, err := cons.Consume(func(msg jetstream.Msg) {
		var ev claimEvent
		if err := json.Unmarshal(msg.Data(), &ev); err != nil {
			// Input that will never parse: do not have it redelivered.
			_ = msg.Term()
			return
		}
		if ev.Schema != "diplograph.claim.v1" {
			// Another type on the same subjects (a later version, a
			// retraction): name it rather than misread it.
			fmt.Printf("%s %s %s\n", ev.Schema, ev.ID, ev.Actor)
			_ = msg.Ack()
			return
		}
		object := ""
		if ev.Target != nil {
			object = *ev.Target
		} else if ev.Topic != nil {
			object = *ev.Topic
		}
		evidence := ""
		if len(ev.Evidence) > 0 {
			evidence = ev.Evidence[0].Text
		}
		fmt.Printf("%s %s %s %s %s %q\n", ev.ID, ev.Actor, ev.Predicate, object, ev.Date, evidence)
		// Acknowledge once the event is handled: an event not acknowledged
		// is delivered again.
		_ = msg.Ack()
	})
	if err != nil {
		return err
	}
	defer cc.Stop()
	fmt.Fprintf(os.Stderr, "consuming %s as %s; Ctrl-C stops\n", filter, durable)
	<-ctx.Done()
	return nil
}

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

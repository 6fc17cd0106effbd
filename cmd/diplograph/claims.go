package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/schemas"
)

// cmdClaims prints the claim events of the CLAIMS stream, those stored and,
// with --follow, those linked from then on.
func cmdClaims(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("claims", `Usage: diplograph claims [--follow] [--predicate P] [--actor A] [flags]

Prints claim events (diplograph.claim.v1, one per claim and actor) from the CLAIMS
stream of the NATS server at --nats-url: by default the stored ones, then exits;
with --follow the new ones as they are linked, until interrupted. The default URL
is where 'diplograph run' serves its embedded NATS (--nats-listen).

Example:
  diplograph claims --follow --predicate oppose --actor JPN
`, stderr)
	var s settings
	s.nats.BindFlags(fs, "nats://127.0.0.1:4222")
	s.logLevel = "warn"
	follow := fs.Bool("follow", false, "keep printing new claim events as they are linked")
	all := fs.Bool("all", false, "with --follow: print the stored events first")
	predicate := fs.String("predicate", "", "only claims with this predicate ("+strings.Join(schemas.Predicates, ", ")+")")
	actor := fs.String("actor", "", "only claims held by this actor id (JPN, org:eu, …)")
	asJSON := fs.Bool("json", false, "print each event as one JSON line, as published")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return errUsage
	}
	if *predicate != "" && !slices.Contains(schemas.Predicates, *predicate) {
		return fmt.Errorf("--predicate %q: want one of %s", *predicate, strings.Join(schemas.Predicates, ", "))
	}
	log := s.logger(stderr)
	cfg := s.nats
	cfg.Name = "diplograph-claims"
	nc, js, err := natsx.Connect(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer nc.Close()
	deliver := jetstream.DeliverAllPolicy
	if *follow && !*all {
		deliver = jetstream.DeliverNewPolicy
	}
	cons, err := js.OrderedConsumer(ctx, schemas.StreamClaims, jetstream.OrderedConsumerConfig{
		FilterSubjects: []string{claimFilter(*predicate, *actor)},
		DeliverPolicy:  deliver,
	})
	if err != nil {
		if errors.Is(err, jetstream.ErrStreamNotFound) {
			return fmt.Errorf("nats %s: no %s stream yet (has diplograph run started there?)", natsx.Redact(cfg.URL), schemas.StreamClaims)
		}
		return fmt.Errorf("claims consumer: %w", err)
	}
	if !*follow {
		info, err := cons.Info(ctx)
		if err != nil {
			return fmt.Errorf("claims consumer: %w", err)
		}
		if info.NumPending == 0 {
			return nil
		}
	}
	msgs, err := cons.Messages()
	if err != nil {
		return fmt.Errorf("claims consumer: %w", err)
	}
	stop := context.AfterFunc(ctx, msgs.Stop)
	defer stop()
	defer msgs.Stop()
	for {
		msg, err := msgs.Next()
		if err != nil {
			if ctx.Err() != nil || errors.Is(err, jetstream.ErrMsgIteratorClosed) {
				return nil
			}
			return fmt.Errorf("reading claim events: %w", err)
		}
		if *asJSON {
			fmt.Fprintf(stdout, "%s\n", msg.Data())
		} else {
			fmt.Fprintln(stdout, formatClaimEvent(msg.Data()))
		}
		if !*follow {
			if md, err := msg.Metadata(); err == nil && md.NumPending == 0 {
				return nil
			}
		}
	}
}

// claimFilter is the subject filter of claim events with a predicate and
// an actor; an empty one matches any.
func claimFilter(predicate, actor string) string {
	tok := func(s string) string {
		if s == "" {
			return "*"
		}
		return schemas.Token(s)
	}
	return schemas.SubjectClaims + "." + tok(predicate) + "." + tok(actor)
}

// formatClaimEvent renders a claim event as one line: the statement's
// date, the actor, the predicate, what it is about, how often it was
// reported, the evidence and the claim's id. Events of other types are
// named with their id.
func formatClaimEvent(data []byte) string {
	var ev schemas.ClaimEvent
	if err := json.Unmarshal(data, &ev); err != nil || ev.Schema != schemas.ClaimV1 {
		var head struct {
			Schema string `json:"schema"`
			ID     string `json:"id"`
		}
		if json.Unmarshal(data, &head) == nil && head.Schema != "" {
			return head.Schema + " " + head.ID
		}
		return "unreadable event: " + strings.TrimSpace(string(data))
	}
	var object []string
	if ev.Target != nil {
		object = append(object, *ev.Target)
	}
	if ev.Topic != nil {
		object = append(object, *ev.Topic)
	}
	date := ev.Date
	if date == "" {
		date = "----------"
	}
	line := fmt.Sprintf("%s  %s %s %s", date, ev.Actor, ev.Predicate, strings.Join(object, " on "))
	if ev.When != nil {
		line += " by " + *ev.When
	}
	reports := "report"
	if ev.Corroboration != 1 {
		reports += "s"
	}
	line += fmt.Sprintf("  (%d %s)", ev.Corroboration, reports)
	if len(ev.Evidence) > 0 {
		line += fmt.Sprintf("  %q", ev.Evidence[0].Text)
	}
	return line + "  " + ev.ID
}

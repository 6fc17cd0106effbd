package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/config"
	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/fetcher"
)

const dlqUsage = `Usage: diplograph dlq list|show SEQ|replay SEQ|all [flags]

  list     one line per dead letter: sequence, time, service, reason, error
  show     one dead letter with its original payload
  replay   send the message through again once its cause is fixed, and delete
           the dead letter: an extractor or linker letter is published again on
           its subject; a fetcher letter reads its input again (the file, URL,
           feed item or kept standard input)

Run 'diplograph dlq VERB --help' for the flags.
`

func cmdDLQ(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && isHelp(args[0]) {
		fmt.Fprint(stdout, dlqUsage)
		return nil
	}
	if len(args) == 0 || (args[0] != "list" && args[0] != "show" && args[0] != "replay") {
		fmt.Fprint(stderr, dlqUsage)
		return errUsage
	}
	verb := args[0]
	fs := newFlagSet("dlq "+verb, "Usage: diplograph dlq "+verb+" [flags] [SEQ|all]\n", stderr)
	var s settings
	s.natsFlags(fs)
	var service string
	config.String(fs, &service, "service", "DLQ_SERVICE", "", "only dead letters of this service (fetcher, extractor, linker)")
	var httpCfg fetcher.HTTPConfig
	checks := []func() error{s.checkNATS}
	if verb == "replay" {
		// Replaying a fetcher letter fetches again, under the same allow-list.
		httpCfg.BindFlags(fs)
		checks = append(checks, httpCfg.Parse)
	}
	if err := parseFlags(fs, args[1:], checks...); err != nil {
		return err
	}
	var seq uint64
	if verb == "show" || (verb == "replay" && fs.Arg(0) != "all") {
		n, err := seqArg(verb, fs)
		if err != nil {
			return err
		}
		seq = n
	}
	log := s.logger(stderr)
	b, err := s.openBus(ctx, log, "diplograph-dlq")
	if err != nil {
		return err
	}
	defer b.Close()
	st, err := b.js.Stream(ctx, schemas.StreamDLQ)
	if err != nil {
		return err
	}
	subject := schemas.SubjectDLQ + ".>"
	if service != "" {
		subject = schemas.DLQSubject(service)
	}
	switch verb {
	case "list":
		n := 0
		err := eachDeadLetter(ctx, st, subject, func(seq uint64, dl schemas.DeadLetter) error {
			n++
			fmt.Fprintf(stdout, "%d\t%s\t%s\t%s\t%s\n", seq, dl.Time.Format(time.RFC3339), dl.Service, dl.Reason, oneLine(dl.Error, 100))
			return nil
		})
		fmt.Fprintf(stderr, "%d dead letters\n", n)
		return err
	case "show":
		dl, err := getDeadLetter(ctx, st, seq)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "sequence:   %d\nservice:    %s\nsubject:    %s\nmsg id:     %s\nreason:     %s\nerror:      %s\ndeliveries: %d\ntime:       %s\npayload:\n%s\n",
			seq, dl.Service, dl.Subject, dl.MsgID, dl.Reason, dl.Error, dl.Deliveries, dl.Time.Format(time.RFC3339), dl.Payload)
		return nil
	default: // replay
		var pub *fetcher.JSPublisher
		replayed, failed := 0, 0
		replay := func(seq uint64, dl schemas.DeadLetter) error {
			if dl.Service == "fetcher" {
				if pub == nil {
					if pub, err = fetcher.NewJetStreamPublisher(b.js); err != nil {
						return err
					}
				}
				if err := fetcher.Replay(ctx, pub, dl, fetcher.IngestOptions{HTTP: &httpCfg}); err != nil {
					return fmt.Errorf("dead letter %d: %w", seq, err)
				}
			} else if err := republish(ctx, b.js, seq, dl); err != nil {
				return err
			}
			replayed++
			return st.DeleteMsg(ctx, seq)
		}
		if fs.Arg(0) == "all" {
			// One letter whose cause is not fixed yet must not hold up the rest.
			err = eachDeadLetter(ctx, st, subject, func(seq uint64, dl schemas.DeadLetter) error {
				if err := replay(seq, dl); err != nil {
					if ctx.Err() != nil {
						return ctx.Err()
					}
					failed++
					fmt.Fprintln(stderr, err)
				}
				return nil
			})
			if err == nil && failed > 0 {
				err = fmt.Errorf("%d dead letters could not be replayed (kept)", failed)
			}
		} else {
			dl, gerr := getDeadLetter(ctx, st, seq)
			if gerr != nil {
				return gerr
			}
			err = replay(seq, dl)
		}
		fmt.Fprintf(stdout, "%d replayed\n", replayed)
		return err
	}
}

// republish publishes the original message of an extractor or linker letter
// again on its subject.
func republish(ctx context.Context, js jetstream.JetStream, seq uint64, dl schemas.DeadLetter) error {
	if dl.Subject == "" || len(dl.Payload) == 0 || !isReplayable(dl.Subject) {
		return fmt.Errorf("dead letter %d has no replayable message (subject %q)", seq, dl.Subject)
	}
	m := nats.NewMsg(dl.Subject)
	m.Data = dl.Payload
	// A new id: the original one is inside the de-duplication window.
	m.Header.Set(jetstream.MsgIDHeader, fmt.Sprintf("replay-%s-%d", dl.MsgID, time.Now().UnixNano()))
	_, err := js.PublishMsg(ctx, m)
	return err
}

func getDeadLetter(ctx context.Context, st jetstream.Stream, seq uint64) (schemas.DeadLetter, error) {
	m, err := st.GetMsg(ctx, seq)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return schemas.DeadLetter{}, fmt.Errorf("dead letter %d: none with that sequence number (see dlq list)", seq)
	}
	if err != nil {
		return schemas.DeadLetter{}, fmt.Errorf("dead letter %d: %w", seq, err)
	}
	dl, err := natsx.DecodeDeadLetter(m.Data)
	if err != nil {
		return schemas.DeadLetter{}, fmt.Errorf("dead letter %d: %w", seq, err)
	}
	return dl, nil
}

func isReplayable(subject string) bool {
	for _, p := range []string{schemas.SubjectArticles + ".", schemas.SubjectExtractions + "."} {
		if len(subject) > len(p) && subject[:len(p)] == p {
			return true
		}
	}
	return false
}

func eachDeadLetter(ctx context.Context, st jetstream.Stream, subject string, f func(uint64, schemas.DeadLetter) error) error {
	info, err := st.Info(ctx)
	if err != nil {
		return err
	}
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && info.State.Msgs > 0; seq++ {
		m, err := st.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		if !subjectMatches(subject, m.Subject) {
			continue
		}
		dl, err := natsx.DecodeDeadLetter(m.Data)
		if err != nil {
			continue
		}
		if err := f(seq, dl); err != nil {
			return err
		}
	}
	return nil
}

func subjectMatches(filter, subject string) bool {
	if filter == schemas.SubjectDLQ+".>" {
		return true
	}
	return filter == subject
}

func seqArg(verb string, fs *flag.FlagSet) (uint64, error) {
	if fs.NArg() != 1 {
		if verb == "replay" {
			return 0, errors.New("dlq replay: give a sequence number (see dlq list) or all")
		}
		return 0, fmt.Errorf("dlq %s: give the dead letter's sequence number (see dlq list)", verb)
	}
	n, err := strconv.ParseUint(fs.Arg(0), 10, 64)
	if err != nil || n == 0 {
		return 0, fmt.Errorf("dlq %s: %q is not a sequence number (see dlq list)", verb, fs.Arg(0))
	}
	return n, nil
}

func oneLine(s string, n int) string {
	r := []rune(s)
	for i, c := range r {
		if c == '\n' || c == '\t' {
			r[i] = ' '
		}
	}
	if len(r) > n {
		return string(r[:n-3]) + "..."
	}
	return string(r)
}

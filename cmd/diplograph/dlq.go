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
)

func cmdDLQ(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "list" && args[0] != "show" && args[0] != "replay") {
		fmt.Fprint(stderr, "Usage: diplograph dlq list|show SEQ|replay SEQ|all [flags]\n\n  list     one line per dead letter: sequence, time, service, reason, error\n  show     one dead letter with its original payload\n  replay   publish the original message again on its subject and delete the dead letter\n")
		return errUsage
	}
	verb := args[0]
	fs := newFlagSet("dlq "+verb, "Usage: diplograph dlq "+verb+" [flags] [SEQ|all]\n", stderr)
	var s settings
	s.natsFlags(fs)
	var service string
	config.String(fs, &service, "service", "DLQ_SERVICE", "", "only dead letters of this service (fetcher, extractor, linker)")
	if err := parseFlags(fs, args[1:], s.checkNATS); err != nil {
		return err
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
		seq, err := seqArg(fs)
		if err != nil {
			return err
		}
		m, err := st.GetMsg(ctx, seq)
		if err != nil {
			return fmt.Errorf("dead letter %d: %w", seq, err)
		}
		dl, err := natsx.DecodeDeadLetter(m.Data)
		if err != nil {
			return fmt.Errorf("dead letter %d: %w", seq, err)
		}
		fmt.Fprintf(stdout, "sequence:   %d\nservice:    %s\nsubject:    %s\nmsg id:     %s\nreason:     %s\nerror:      %s\ndeliveries: %d\ntime:       %s\npayload:\n%s\n",
			seq, dl.Service, dl.Subject, dl.MsgID, dl.Reason, dl.Error, dl.Deliveries, dl.Time.Format(time.RFC3339), dl.Payload)
		return nil
	default: // replay
		if fs.NArg() != 1 {
			return errors.New("dlq replay: give a sequence number or all")
		}
		replayed := 0
		replay := func(seq uint64, dl schemas.DeadLetter) error {
			if dl.Subject == "" || len(dl.Payload) == 0 || !isReplayable(dl.Subject) {
				return fmt.Errorf("dead letter %d has no replayable message (subject %q)", seq, dl.Subject)
			}
			m := nats.NewMsg(dl.Subject)
			m.Data = dl.Payload
			// A new id: the original one is inside the de-duplication window.
			m.Header.Set(jetstream.MsgIDHeader, fmt.Sprintf("replay-%s-%d", dl.MsgID, time.Now().UnixNano()))
			if _, err := b.js.PublishMsg(ctx, m); err != nil {
				return err
			}
			replayed++
			return st.DeleteMsg(ctx, seq)
		}
		if fs.Arg(0) == "all" {
			err = eachDeadLetter(ctx, st, subject, replay)
		} else {
			seq, perr := seqArg(fs)
			if perr != nil {
				return perr
			}
			m, gerr := st.GetMsg(ctx, seq)
			if gerr != nil {
				return fmt.Errorf("dead letter %d: %w", seq, gerr)
			}
			dl, derr := natsx.DecodeDeadLetter(m.Data)
			if derr != nil {
				return derr
			}
			err = replay(seq, dl)
		}
		fmt.Fprintf(stdout, "%d replayed\n", replayed)
		return err
	}
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

func seqArg(fs *flag.FlagSet) (uint64, error) {
	if fs.NArg() != 1 {
		return 0, errors.New("give the dead letter's sequence number (see dlq list)")
	}
	return strconv.ParseUint(fs.Arg(0), 10, 64)
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

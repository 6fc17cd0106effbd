package fetcher

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/diplograph/diplograph/schemas"
)

// MaxDeadLetterPayload is how much of a failed input a fetcher dead letter
// keeps.
const MaxDeadLetterPayload = 1 << 20

// ErrNotReplayable reports a dead letter whose input cannot be read again.
var ErrNotReplayable = errors.New("not replayable")

// Replay reads again the input of a fetcher dead letter, once its cause is
// fixed, and publishes what it holds: the file or URL it names; for a feed
// item, the feed again (items published before are skipped) and, when the
// item has left the feed, its page; for standard input, the payload the
// letter kept. It returns nil when the input is now published (or was
// already), else why not. Nothing is dead-lettered again: the caller keeps
// the letter.
func Replay(ctx context.Context, pub Publisher, dl schemas.DeadLetter, opts IngestOptions) error {
	if dl.Service != "" && dl.Service != stage {
		return fmt.Errorf("a dead letter of the %s, not of the fetcher: %w", dl.Service, ErrNotReplayable)
	}
	opts.DeadLetter, opts.Progress = nil, nil
	input, item := splitItemInput(dl.Subject)
	switch {
	case input == "":
		return fmt.Errorf("the letter names no input: %w", ErrNotReplayable)
	case input == "stdin":
		if len(dl.Payload) == 0 || len(dl.Payload) >= MaxDeadLetterPayload {
			return fmt.Errorf("the letter keeps only the first MiB of standard input: give it to ingest again: %w", ErrNotReplayable)
		}
		r := newRun(pub, opts, nil)
		defer r.close()
		r.document(ctx, "stdin", "stdin", dl.Payload)
		r.wg.Wait()
		return firstFailure(ctx, r.snapshot())
	}
	s, err := Ingest(ctx, pub, []string{input}, opts)
	if err != nil {
		return err
	}
	if item == "" {
		return firstFailure(ctx, s)
	}
	for _, f := range s.Failures {
		if f.Input == dl.Subject {
			return fmt.Errorf("%s: %s: %w", f.Input, f.Reason, f.Err)
		}
	}
	if ss, ok := pub.(SeenSet); ok {
		if seen, err := ss.Seen(ctx, item); err != nil {
			return err
		} else if seen {
			return nil
		}
	}
	// The item has left the feed: its page is all there is.
	if !isURL(item) {
		return fmt.Errorf("item %s is no longer in %s: %w", item, input, ErrNotReplayable)
	}
	s, err = Ingest(ctx, pub, []string{item}, opts)
	if err != nil {
		return err
	}
	return firstFailure(ctx, s)
}

// splitItemInput splits the input of a feed item's failure ("FEED#KEY",
// see feed) into the feed and the item key; an input that exists as a file
// is never split.
func splitItemInput(in string) (input, item string) {
	if _, err := os.Stat(in); err == nil {
		return in, ""
	}
	for _, sep := range []string{"#http://", "#https://", "#guid:", "#title:"} {
		if i := strings.Index(in, sep); i > 0 {
			return in[:i], in[i+1:]
		}
	}
	return in, ""
}

func firstFailure(ctx context.Context, s Stats) error {
	if len(s.Failures) > 0 {
		f := s.Failures[0]
		return fmt.Errorf("%s: %s: %w", f.Input, f.Reason, f.Err)
	}
	if s.Interrupted > 0 {
		return ctx.Err()
	}
	if s.Failed > 0 {
		return fmt.Errorf("%d items failed", s.Failed)
	}
	return nil
}

// Package archive is diplograph's article archive: every article that
// reached the extractor, kept on the JetStream stream ARCHIVE without age
// limit and S2-compressed, one message per article on
// diplo.archive.<source>.<id>, so that later rules can read it again by
// id, by source or by time range long after the ARTICLES stream has let it
// go.
package archive

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/schemas"
)

// HeaderTime carries an archived article's time (RFC 3339): when it was
// published, else when it was fetched. Selections by time read it without
// reading the article.
const HeaderTime = "Diplo-Article-Time"

// ErrNotFound reports that the archive holds no article with that id.
var ErrNotFound = errors.New("article not in the archive")

// Time is the time an article is filed under: its publication time, else
// its fetch time.
func Time(a schemas.Article) time.Time {
	if a.Published != nil && !a.Published.IsZero() {
		return a.Published.UTC()
	}
	return a.Fetched.UTC()
}

// Event is the event that archives an article; raw is the article's JSON as
// it was published, kept as it stands.
func Event(a schemas.Article, raw []byte) natsx.Event {
	return natsx.Event{
		Subject: schemas.ArchiveSubject(a.Source, a.ID),
		ID:      "archive-" + a.ID,
		Type:    schemas.ArticleV1,
		Source:  "extractor",
		Body:    json.RawMessage(raw),
		Headers: map[string]string{HeaderTime: Time(a).Format(time.RFC3339Nano)},
	}
}

// Selection chooses archived articles: by source (all when empty) and by
// time, Since included and Until excluded (either open when zero).
type Selection struct {
	Source       string
	Since, Until time.Time
}

// Subject is the subject filter of the selection.
func (s Selection) Subject() string {
	if s.Source == "" {
		return schemas.SubjectArchive + ".>"
	}
	return schemas.SubjectArchive + "." + schemas.Token(s.Source) + ".*"
}

// Holds reports whether an article filed at t is in the time range.
func (s Selection) Holds(t time.Time) bool {
	if !s.Since.IsZero() && t.Before(s.Since) {
		return false
	}
	if !s.Until.IsZero() && !t.Before(s.Until) {
		return false
	}
	return true
}

// Entry is one archived article as a listing sees it.
type Entry struct {
	ID      string    // article id
	Subject string    // its subject in the archive
	Time    time.Time // publication time, else fetch time
}

// Archive reads the ARCHIVE stream (declared by natsx.Topology).
type Archive struct {
	js jetstream.JetStream
	st jetstream.Stream
}

// Open returns the archive of js.
func Open(ctx context.Context, js jetstream.JetStream) (*Archive, error) {
	st, err := js.Stream(ctx, schemas.StreamArchive)
	if err != nil {
		return nil, fmt.Errorf("archive stream %s: %w", schemas.StreamArchive, err)
	}
	return &Archive{js: js, st: st}, nil
}

// Get returns the archived article with this id, whatever its source.
func (a *Archive) Get(ctx context.Context, id string) (schemas.Article, error) {
	art, _, err := a.GetSubject(ctx, schemas.SubjectArchive+".*."+schemas.Token(id))
	return art, err
}

// GetSubject returns the archived article on subject and its JSON.
func (a *Archive) GetSubject(ctx context.Context, subject string) (schemas.Article, []byte, error) {
	var art schemas.Article
	m, err := a.st.GetLastMsgForSubject(ctx, subject)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return art, nil, fmt.Errorf("%s: %w", subject, ErrNotFound)
	}
	if err != nil {
		return art, nil, fmt.Errorf("reading %s from the archive: %w", subject, err)
	}
	if err := json.Unmarshal(m.Data, &art); err != nil {
		return art, nil, fmt.Errorf("archived article on %s: %w", m.Subject, err)
	}
	return art, m.Data, nil
}

// List calls fn for every archived article the selection holds, in the
// order they were archived, reading headers only.
func (a *Archive) List(ctx context.Context, sel Selection, fn func(Entry) error) error {
	return a.scan(ctx, sel, true, func(e Entry, _ jetstream.Msg) error { return fn(e) })
}

// Read calls fn for every archived article the selection holds, with the
// article, in the order they were archived.
func (a *Archive) Read(ctx context.Context, sel Selection, fn func(Entry, schemas.Article) error) error {
	return a.scan(ctx, sel, false, func(e Entry, m jetstream.Msg) error {
		var art schemas.Article
		if err := json.Unmarshal(m.Data(), &art); err != nil {
			return fmt.Errorf("archived article on %s: %w", m.Subject(), err)
		}
		return fn(e, art)
	})
}

// scan walks the selection with an ordered consumer, which keeps no state
// on the server, up to the last message archived when it started.
func (a *Archive) scan(ctx context.Context, sel Selection, headersOnly bool, fn func(Entry, jetstream.Msg) error) error {
	c, err := a.st.OrderedConsumer(ctx, jetstream.OrderedConsumerConfig{
		FilterSubjects: []string{sel.Subject()}, HeadersOnly: headersOnly, DeliverPolicy: jetstream.DeliverAllPolicy,
	})
	if err != nil {
		return fmt.Errorf("reading the archive: %w", err)
	}
	info, err := c.Info(ctx)
	if err != nil {
		return fmt.Errorf("reading the archive: %w", err)
	}
	left := info.NumPending
	for left > 0 {
		batch, err := c.Fetch(int(min(left, 1000)), jetstream.FetchMaxWait(5*time.Second))
		if err != nil {
			return fmt.Errorf("reading the archive: %w", err)
		}
		got := 0
		for m := range batch.Messages() {
			got++
			md, err := m.Metadata()
			if err != nil {
				return fmt.Errorf("reading the archive: %w", err)
			}
			left = md.NumPending
			e := Entry{ID: idOf(m.Subject()), Subject: m.Subject(), Time: headerTime(m.Headers())}
			if sel.Holds(e.Time) {
				if err := fn(e, m); err != nil {
					return err
				}
			}
		}
		if err := batch.Error(); err != nil && !errors.Is(err, jetstream.ErrNoMessages) {
			return fmt.Errorf("reading the archive: %w", err)
		}
		if got == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			return fmt.Errorf("reading the archive: no message for 5 s with %d left", left)
		}
	}
	return nil
}

// Stats are the archive's size as the server counts it.
type Stats struct {
	Articles uint64
	Bytes    uint64 // stored message bytes before compression
}

// Stats returns the number of archived articles and their size.
func (a *Archive) Stats(ctx context.Context) (Stats, error) {
	info, err := a.st.Info(ctx)
	if err != nil {
		return Stats{}, fmt.Errorf("archive stream: %w", err)
	}
	return Stats{Articles: info.State.Msgs, Bytes: info.State.Bytes}, nil
}

// idOf is the article id of an archive subject: its last token, in which
// schemas.Token turned dots into underscores (ids have no underscores).
func idOf(subject string) string {
	return strings.ReplaceAll(subject[strings.LastIndexByte(subject, '.')+1:], "_", ".")
}

func headerTime(h nats.Header) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, h.Get(HeaderTime))
	return t
}

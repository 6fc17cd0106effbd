package fetcher

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/fetcher/source"
)

// Publisher publishes one article. dup reports that the article was
// already published (same canonical URL and content), so nothing was sent.
type Publisher interface {
	Publish(ctx context.Context, a schemas.Article) (dup bool, err error)
}

// SeenBucket is the JetStream KV bucket of items the fetcher has published:
// key "u.<sha256 of the article key>", value a seenRecord. It is declared
// with the rest of the topology (natsx.Topology).
const SeenBucket = natsx.BucketSeen

// SeenBucketConfig is the declaration of SeenBucket with replicas.
func SeenBucketConfig(replicas int) jetstream.KeyValueConfig {
	return natsx.Topology{Replicas: replicas}.Buckets()[0]
}

// seenRecord is what SeenBucket remembers of an article key. Seq and
// MsgID say where the article is in the ARTICLES stream, so that a store
// that lost it (truncated by a crash) can be found out; records written
// before they existed, and aliases (MarkSeen), have none.
type seenRecord struct {
	ID       string `json:"id"`
	Hash     string `json:"hash"`
	Version  int    `json:"version"`
	Key      string `json:"key"`
	Seq      uint64 `json:"seq,omitempty"`
	MsgID    string `json:"msg_id,omitempty"`
	Replaces string `json:"replaces,omitempty"`
}

// JSPublisher publishes articles on diplo.articles.<source> with
// Nats-Msg-Id set to the article id (see MsgID), and keeps SeenBucket so that a restart
// does not republish: an item seen with the same content is a duplicate; one
// whose content changed is published as the next version, naming the
// article it replaces.
type JSPublisher struct {
	js  jetstream.JetStream
	kv  jetstream.KeyValue
	now func() time.Time
	// Recheck makes an item seen before count as seen only while the
	// ARTICLES stream still holds its article; one the stream lacks is
	// published again (ingest --recheck).
	Recheck bool
	// RetryFor is how long a publish is retried while JetStream does not
	// answer (a cluster electing a new leader after a node died); default
	// 30 s. The id of the article makes a retry publish it once.
	RetryFor time.Duration
}

// NewJetStreamPublisher returns a publisher on js. It uses SeenBucket as
// it finds it (so that a deployment may declare it with more replicas) and
// creates it with SeenBucketConfig(1) when it is missing. The ARTICLES
// stream must exist (natsx.Topology.Ensure).
func NewJetStreamPublisher(js jetstream.JetStream) (*JSPublisher, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	kv, err := js.KeyValue(ctx, SeenBucket)
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		kv, err = js.CreateKeyValue(ctx, SeenBucketConfig(1))
		if errors.Is(err, jetstream.ErrBucketExists) { // another process was quicker
			kv, err = js.KeyValue(ctx, SeenBucket)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("KV bucket %s: %w", SeenBucket, err)
	}
	return &JSPublisher{js: js, kv: kv, now: time.Now, RetryFor: 30 * time.Second}, nil
}

// seenKey is the KV key of an article key; KV keys must be subject tokens.
func seenKey(key string) string {
	sum := sha256.Sum256([]byte(key))
	return "u." + hex.EncodeToString(sum[:20])
}

// Publish publishes a unless SeenBucket already holds the same content
// for its key. It fills Fetched when unset, and Version and Replaces.
func (p *JSPublisher) Publish(ctx context.Context, a schemas.Article) (bool, error) {
	deadline := time.Now().Add(p.RetryFor)
	for wait := 100 * time.Millisecond; ; wait = min(2*wait, 2*time.Second) {
		dup, err := p.publish(ctx, a)
		if err == nil || !unanswered(err) || time.Now().After(deadline) || ctx.Err() != nil {
			return dup, err
		}
		select {
		case <-ctx.Done():
			return false, err
		case <-time.After(wait):
		}
	}
}

// unanswered reports an error of a JetStream that did not answer in time,
// or had no leader to answer: worth a retry.
func unanswered(err error) bool {
	return errors.Is(err, nats.ErrTimeout) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, nats.ErrNoResponders) ||
		errors.Is(err, jetstream.ErrNoStreamResponse) || errors.Is(err, jetstream.ErrJetStreamNotEnabled) ||
		errors.Is(err, nats.ErrConnectionReconnecting) || errors.Is(err, nats.ErrDisconnected)
}

func (p *JSPublisher) publish(ctx context.Context, a schemas.Article) (bool, error) {
	if a.ID == "" || a.ContentHash == "" {
		return false, fmt.Errorf("publishing article %q: no id or content hash", a.Name)
	}
	if a.Schema == "" {
		a.Schema = schemas.ArticleV1
	}
	if a.Fetched.IsZero() {
		a.Fetched = p.now().UTC()
	}
	key := source.Key(a.URL, a.Name)
	kvKey := seenKey(key)
	// A concurrent publisher of the same key makes Create or Update fail;
	// reading again decides whether its version already covers ours.
	for attempt := 0; attempt < 5; attempt++ {
		var prev *seenRecord
		var rev uint64
		e, err := p.kv.Get(ctx, kvKey)
		switch {
		case errors.Is(err, jetstream.ErrKeyNotFound):
		case err != nil:
			return false, fmt.Errorf("reading seen item %s: %w", key, err)
		default:
			var r seenRecord
			if err := json.Unmarshal(e.Value(), &r); err == nil {
				prev = &r
			}
			rev = e.Revision()
		}
		a.Version, a.Replaces = 1, ""
		if prev != nil && prev.Hash == a.ContentHash {
			if !p.Recheck {
				return true, nil
			}
			held, err := p.inStream(ctx, *prev)
			if err != nil || held {
				return true, err
			}
			// Lost from the stream, still marked seen: the same version again.
			a.Version, a.Replaces = prev.Version, prev.Replaces
		} else if prev != nil {
			a.Version = prev.Version + 1
			if prev.ID != a.ID {
				a.Replaces = prev.ID
			}
		}
		msgID := MsgID(a)
		// Marked seen only once JetStream has acknowledged the article (and
		// diplograph's own store writes it to disk before acknowledging).
		ack, err := natsx.PublishAck(ctx, p.js, natsx.Event{
			Subject: schemas.ArticleSubject(a.Source), ID: msgID, Type: schemas.ArticleV1, Source: "fetcher", Body: a,
		})
		if err != nil {
			return false, err
		}
		dup := ack.Duplicate
		rec, _ := json.Marshal(seenRecord{ID: a.ID, Hash: a.ContentHash, Version: a.Version, Key: key, Seq: ack.Sequence, MsgID: msgID, Replaces: a.Replaces})
		if rev == 0 {
			_, err = p.kv.Create(ctx, kvKey, rec)
		} else {
			_, err = p.kv.Update(ctx, kvKey, rec, rev)
		}
		if err == nil {
			return dup, nil
		}
		if !isRevisionConflict(err) {
			return dup, fmt.Errorf("recording seen item %s: %w", key, err)
		}
	}
	return false, fmt.Errorf("recording seen item %s: too many concurrent updates", key)
}

// MsgID is the Nats-Msg-Id of an article: its id, and for a later version
// its id and version, so that content reverted to an earlier version
// (A, B, A) is not taken for a duplicate of the first within JetStream's
// duplicate window. Retrying a publish yields the same MsgID.
func MsgID(a schemas.Article) string {
	if a.Version <= 1 {
		return a.ID
	}
	return a.ID + ".v" + strconv.Itoa(a.Version)
}

// isRevisionConflict reports a Create of an existing key or an Update with a
// stale revision.
func isRevisionConflict(err error) bool {
	if errors.Is(err, jetstream.ErrKeyExists) {
		return true
	}
	var apiErr *jetstream.APIError
	return errors.As(err, &apiErr) && apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequence
}

// SeenSet is implemented by publishers that remember items across runs.
// Ingest and Poll use it to skip fetching the page of a feed item that was
// already published, and to remember a feed link whose page named another
// canonical URL.
type SeenSet interface {
	Seen(ctx context.Context, key string) (bool, error)
	MarkSeen(ctx context.Context, key string, a schemas.Article) error
}

// Seen reports whether an article key (source.Key) was published before;
// with Recheck, only while the stream still holds the article.
func (p *JSPublisher) Seen(ctx context.Context, key string) (bool, error) {
	e, err := p.kv.Get(ctx, seenKey(key))
	switch {
	case errors.Is(err, jetstream.ErrKeyNotFound):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("reading seen item %s: %w", key, err)
	}
	if !p.Recheck {
		return true, nil
	}
	var r seenRecord
	if err := json.Unmarshal(e.Value(), &r); err != nil {
		return false, nil
	}
	return p.inStream(ctx, r)
}

// inStream reports whether the ARTICLES stream still holds the article of
// a seen record: at its sequence, under its id, or gone only because it
// aged out. A record that does not say where its article is counts as held.
func (p *JSPublisher) inStream(ctx context.Context, r seenRecord) (bool, error) {
	return articleHeld(ctx, p.js, r)
}

func articleHeld(ctx context.Context, js jetstream.JetStream, r seenRecord) (bool, error) {
	if r.Seq == 0 || r.MsgID == "" {
		return true, nil
	}
	st, err := js.Stream(ctx, schemas.StreamArticles)
	if err != nil {
		return false, fmt.Errorf("stream %s: %w", schemas.StreamArticles, err)
	}
	m, err := st.GetMsg(ctx, r.Seq)
	switch {
	case errors.Is(err, jetstream.ErrMsgNotFound):
		// Aged out (before the first message) is held as far as the seen
		// set goes; anything else was lost.
		return r.Seq < st.CachedInfo().State.FirstSeq, nil
	case err != nil:
		return false, fmt.Errorf("reading article %d of %s: %w", r.Seq, schemas.StreamArticles, err)
	}
	return m.Header.Get(jetstream.MsgIDHeader) == r.MsgID, nil
}

// SeenCheck is what CheckSeen found.
type SeenCheck struct {
	Checked int // seen records that say where their article is
	Missing int // of those, the articles the stream lacks
}

// CheckSeen reads the last n records written to the seen-items bucket and
// counts those whose article the ARTICLES stream lacks: a store truncated
// by a crash forgets the newest articles first. A count above zero means
// ingest --recheck has articles to publish again.
func CheckSeen(ctx context.Context, js jetstream.JetStream, n int) (SeenCheck, error) {
	var c SeenCheck
	st, err := js.Stream(ctx, "KV_"+SeenBucket)
	if err != nil {
		return c, fmt.Errorf("KV bucket %s: %w", SeenBucket, err)
	}
	state := st.CachedInfo().State
	for seq := state.LastSeq; seq >= state.FirstSeq && seq > 0 && c.Checked < n; seq-- {
		m, err := st.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return c, err
		}
		var r seenRecord
		if len(m.Data) == 0 || json.Unmarshal(m.Data, &r) != nil || r.Seq == 0 {
			continue
		}
		c.Checked++
		held, err := articleHeld(ctx, js, r)
		if err != nil {
			return c, err
		}
		if !held {
			c.Missing++
		}
	}
	return c, nil
}

// MarkSeen records key as an alias of the published article a.
func (p *JSPublisher) MarkSeen(ctx context.Context, key string, a schemas.Article) error {
	rec, _ := json.Marshal(seenRecord{ID: a.ID, Hash: a.ContentHash, Version: max(a.Version, 1), Key: key})
	if _, err := p.kv.Put(ctx, seenKey(key), rec); err != nil {
		return fmt.Errorf("recording seen item %s: %w", key, err)
	}
	return nil
}

// JetStreamDeadLetter returns an IngestOptions.DeadLetter that records each
// failure as a schemas.DeadLetter on diplo.dlq.fetcher, once per input,
// reason and payload. A failure to record it is logged.
func JetStreamDeadLetter(js jetstream.JetStream, log *slog.Logger) func(ctx context.Context, input, reason string, err error, payload []byte) {
	if log == nil {
		log = slog.Default()
	}
	return func(ctx context.Context, input, reason string, err error, payload []byte) {
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		dl := schemas.DeadLetter{Schema: schemas.DeadLetterV1, Service: "fetcher", Subject: input, Reason: reason,
			Error: msg, Deliveries: 1, Time: time.Now().UTC(), Payload: payload}
		if _, perr := natsx.Publish(ctx, js, natsx.Event{Subject: schemas.DLQSubject("fetcher"), ID: DeadLetterID(input, reason, payload),
			Type: schemas.DeadLetterV1, Source: "fetcher", Body: dl}); perr != nil {
			log.Warn("dead-lettering failed", "input", input, "err", perr)
		}
	}
}

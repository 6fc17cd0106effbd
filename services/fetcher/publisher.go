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

// seenRecord is what SeenBucket remembers of an article key.
type seenRecord struct {
	ID      string `json:"id"`
	Hash    string `json:"hash"`
	Version int    `json:"version"`
	Key     string `json:"key"`
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
	return &JSPublisher{js: js, kv: kv, now: time.Now}, nil
}

// seenKey is the KV key of an article key; KV keys must be subject tokens.
func seenKey(key string) string {
	sum := sha256.Sum256([]byte(key))
	return "u." + hex.EncodeToString(sum[:20])
}

// Publish publishes a unless SeenBucket already holds the same content
// for its key. It fills Fetched when unset, and Version and Replaces.
func (p *JSPublisher) Publish(ctx context.Context, a schemas.Article) (bool, error) {
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
		if prev != nil && prev.Hash == a.ContentHash {
			return true, nil
		}
		a.Version, a.Replaces = 1, ""
		if prev != nil {
			a.Version = prev.Version + 1
			if prev.ID != a.ID {
				a.Replaces = prev.ID
			}
		}
		dup, err := natsx.Publish(ctx, p.js, natsx.Event{
			Subject: schemas.ArticleSubject(a.Source), ID: MsgID(a), Type: schemas.ArticleV1, Source: "fetcher", Body: a,
		})
		if err != nil {
			return false, err
		}
		rec, _ := json.Marshal(seenRecord{ID: a.ID, Hash: a.ContentHash, Version: a.Version, Key: key})
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

// Seen reports whether an article key (source.Key) was published before.
func (p *JSPublisher) Seen(ctx context.Context, key string) (bool, error) {
	_, err := p.kv.Get(ctx, seenKey(key))
	switch {
	case errors.Is(err, jetstream.ErrKeyNotFound):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("reading seen item %s: %w", key, err)
	}
	return true, nil
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

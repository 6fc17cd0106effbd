package natsx

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/config"
	"github.com/diplograph/diplograph/platform/limits"
	"github.com/diplograph/diplograph/schemas"
)

// Topology is the set of streams and durable consumers of the pipeline,
// declared here and nowhere else.
type Topology struct {
	// Replicas of every stream, bucket and consumer: 1 on a single server,
	// 3 on a cluster. Ensure raises what exists to it, never lowers it.
	Replicas   int
	MaxAge     time.Duration // how long messages are kept; default 30 days
	Duplicates time.Duration // de-duplication window for Nats-Msg-Id; default 24 h
	// Log receives the mismatches Ensure finds; default slog.Default().
	Log *slog.Logger
}

// MaxReplicas is the most replicas JetStream keeps of a stream.
const MaxReplicas = 5

// CheckReplicas reports a replica count JetStream cannot keep, naming
// NATS_REPLICAS.
func CheckReplicas(n int) error {
	return config.CheckRange("NATS_REPLICAS", n, 1, MaxReplicas)
}

// Durable consumer names.
const (
	ConsumerExtractor = "extractor"
	ConsumerLinker    = "linker"
	// ConsumerReprocess is the extractors' consumer of reprocess items.
	ConsumerReprocess = "extractor-reprocess"
)

// MaxDeliver is how often a message is tried before it is dead-lettered.
const MaxDeliver = 8

func (t Topology) withDefaults() Topology {
	if t.Replicas <= 0 {
		t.Replicas = 1
	}
	if t.MaxAge <= 0 {
		t.MaxAge = 30 * 24 * time.Hour
	}
	if t.Duplicates <= 0 {
		t.Duplicates = 24 * time.Hour
	}
	return t
}

// Streams returns the stream configurations of the pipeline.
func (t Topology) Streams() []jetstream.StreamConfig {
	t = t.withDefaults()
	mk := func(name, subj, desc string) jetstream.StreamConfig {
		return jetstream.StreamConfig{
			Name: name, Description: desc, Subjects: []string{subj + ".>"},
			Storage: jetstream.FileStorage, Retention: jetstream.LimitsPolicy,
			Replicas: t.Replicas, MaxAge: t.MaxAge, Duplicates: t.Duplicates,
			MaxMsgSize: limits.Message,
		}
	}
	return []jetstream.StreamConfig{
		mk(schemas.StreamArticles, schemas.SubjectArticles, "diplograph.article.v1 by source"),
		mk(schemas.StreamExtractions, schemas.SubjectExtractions, "diplograph.extraction.v1 by language"),
		mk(schemas.StreamClaims, schemas.SubjectClaims, "diplograph.claim.v1 by predicate and actor"),
		mk(schemas.StreamDLQ, schemas.SubjectDLQ, "diplograph.deadletter.v1 by service"),
		archiveStream(mk(schemas.StreamArchive, schemas.SubjectArchive, "diplograph.article.v1 by source and id, kept without age limit")),
		reprocessStream(mk(schemas.StreamReprocess, schemas.SubjectReprocess, "diplograph.reprocess.v1 by request, removed once extracted")),
	}
}

// archiveStream keeps every article the extractor read, for reprocessing
// with later rules: no age limit, one message per article (its subject
// names source and id; a second copy replaces the first), S2-compressed.
func archiveStream(sc jetstream.StreamConfig) jetstream.StreamConfig {
	sc.MaxAge = 0
	sc.MaxMsgsPerSubject = 1
	sc.Compression = jetstream.S2Compression
	return sc
}

// reprocessStream is a work queue: an item leaves it when an extractor has
// published its extraction, so that a request survives any crash and what
// is left of it is what remains to do.
func reprocessStream(sc jetstream.StreamConfig) jetstream.StreamConfig {
	sc.MaxAge = 0
	sc.Retention = jetstream.WorkQueuePolicy
	return sc
}

// BucketSeen is the JetStream KV bucket of the items the fetcher has
// published (canonical key → content hash and version), so that a restart
// does not publish them again.
const BucketSeen = "fetcher_seen"

// BucketReprocess is the JetStream KV bucket of reprocess requests
// (request id → what it selected, how far it got), so that a request can
// be resumed after a crash.
const BucketReprocess = "reprocess_requests"

// Buckets returns the KV buckets of the pipeline. Seen items live a year:
// an older item that reappears is published again under the same id.
func (t Topology) Buckets() []jetstream.KeyValueConfig {
	t = t.withDefaults()
	return []jetstream.KeyValueConfig{{
		Bucket:      BucketSeen,
		Description: "diplograph fetcher: canonical URL -> content hash and version of the last published article",
		History:     1,
		TTL:         365 * 24 * time.Hour,
		Storage:     jetstream.FileStorage,
		Replicas:    t.Replicas,
	}, {
		Bucket:      BucketReprocess,
		Description: "diplograph reprocess: request id -> selection and state",
		History:     1,
		Storage:     jetstream.FileStorage,
		Replicas:    t.Replicas,
	}}
}

// Consumers returns the durable consumers: the stream each reads and its config.
func (t Topology) Consumers() map[string]jetstream.ConsumerConfig {
	t = t.withDefaults()
	mk := func(name, subj string) jetstream.ConsumerConfig {
		return jetstream.ConsumerConfig{
			Durable: name, Description: "diplograph " + name,
			AckPolicy: jetstream.AckExplicitPolicy, AckWait: 60 * time.Second,
			MaxDeliver: MaxDeliver, MaxAckPending: 4096,
			FilterSubject: subj + ".>", Replicas: t.Replicas,
			DeliverPolicy: jetstream.DeliverAllPolicy,
		}
	}
	return map[string]jetstream.ConsumerConfig{
		schemas.StreamArticles + "/" + ConsumerExtractor:  mk(ConsumerExtractor, schemas.SubjectArticles),
		schemas.StreamExtractions + "/" + ConsumerLinker:  mk(ConsumerLinker, schemas.SubjectExtractions),
		schemas.StreamReprocess + "/" + ConsumerReprocess: mk(ConsumerReprocess, schemas.SubjectReprocess),
	}
}

// Ensure declares every stream, KV bucket and consumer, idempotently. Several
// processes may call it at once at start-up. The first call on a new
// cluster can time out while it elects a leader, so it is retried.
func (t Topology) Ensure(ctx context.Context, js jetstream.JetStream) error {
	var last error
	for attempt := 0; attempt < 10; attempt++ {
		if last = t.ensureOnce(ctx, js); last == nil {
			return nil
		}
		if ctx.Err() != nil {
			break
		}
		select {
		case <-ctx.Done():
		case <-time.After(time.Duration(attempt+1) * 300 * time.Millisecond):
		}
	}
	return fmt.Errorf("declaring streams: %w", last)
}

func (t Topology) ensureOnce(ctx context.Context, js jetstream.JetStream) error {
	log := t.Log
	if log == nil {
		log = slog.Default()
	}
	// kept returns the replicas to declare for what exists with have:
	// never fewer, so that a process started without NATS_REPLICAS cannot
	// quietly lower a cluster's replication.
	kept := func(kind, name string, have, want int) int {
		switch {
		case have > want:
			log.Warn("replicas kept: the declaration asks for fewer than exist", "kind", kind, "name", name, "replicas", have, "declared", want)
			return have
		case have < want:
			log.Info("replicas raised", "kind", kind, "name", name, "from", have, "to", want)
		}
		return want
	}
	for _, sc := range t.Streams() {
		cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		if st, err := js.Stream(cctx, sc.Name); err == nil {
			sc.Replicas = kept("stream", sc.Name, st.CachedInfo().Config.Replicas, sc.Replicas)
		}
		_, err := js.CreateOrUpdateStream(cctx, sc)
		cancel()
		if err != nil {
			return fmt.Errorf("stream %s: %w", sc.Name, err)
		}
	}
	for _, kc := range t.Buckets() {
		cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		if st, err := js.Stream(cctx, "KV_"+kc.Bucket); err == nil {
			kc.Replicas = kept("bucket", kc.Bucket, st.CachedInfo().Config.Replicas, kc.Replicas)
		}
		_, err := js.CreateOrUpdateKeyValue(cctx, kc)
		cancel()
		if err != nil {
			return fmt.Errorf("KV bucket %s: %w", kc.Bucket, err)
		}
	}
	for key, cc := range t.Consumers() {
		stream := key[:len(key)-len(cc.Durable)-1]
		cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		if c, err := js.Consumer(cctx, stream, cc.Durable); err == nil {
			cc.Replicas = kept("consumer", key, c.CachedInfo().Config.Replicas, cc.Replicas)
		}
		_, err := js.CreateOrUpdateConsumer(cctx, stream, cc)
		cancel()
		if err != nil {
			return fmt.Errorf("consumer %s on %s: %w", cc.Durable, stream, err)
		}
	}
	return nil
}

// Consumer returns the durable consumer name of stream, declared by Ensure.
func Consumer(ctx context.Context, js jetstream.JetStream, stream, name string) (jetstream.Consumer, error) {
	c, err := js.Consumer(ctx, stream, name)
	if errors.Is(err, jetstream.ErrConsumerNotFound) || errors.Is(err, jetstream.ErrStreamNotFound) {
		return nil, fmt.Errorf("consumer %s on %s does not exist: declare the topology first: %w", name, stream, err)
	}
	return c, err
}

package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/archive"
	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker"
)

// A reprocess request lives in NATS, so that it survives the crash of any
// process: its record in the reprocess_requests bucket (what it selected,
// how far it got), a snapshot of the graph's claim reports for the
// selected articles taken before anything changed (in the reprocess object
// store, for the summary at the end), and one item per article on
// diplo.reprocess.<request>, which the extractors take off the work queue
// once they have published the article's new extraction.

// Request states, in order.
const (
	stateSnapshot   = "snapshot"   // taking the snapshot; nothing published yet
	statePublishing = "publishing" // publishing the items
	stateRunning    = "running"    // every item published; extractors and linkers at work
	stateDone       = "done"       // summary printed
)

// snapshotBucket is the object store of the requests' snapshots.
const snapshotBucket = "reprocess"

// selectionSpec is a selection as the user gave it: it names a request,
// so that the same command resumes an unfinished one.
type selectionSpec struct {
	All    bool   `json:"all,omitempty"`
	Source string `json:"source,omitempty"`
	Since  string `json:"since,omitempty"` // YYYY-MM-DD, included
	Until  string `json:"until,omitempty"` // YYYY-MM-DD, included
}

// selection turns the dates into the archive's half-open time range.
func (s selectionSpec) selection() (archive.Selection, error) {
	sel := archive.Selection{Source: s.Source}
	for _, d := range []struct {
		name, v string
		to      *time.Time
		days    int
	}{{"--since", s.Since, &sel.Since, 0}, {"--until", s.Until, &sel.Until, 1}} {
		if d.v == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, d.v)
		if err != nil {
			return sel, fmt.Errorf("%s %q: want a date like 2024-03-01", d.name, d.v)
		}
		*d.to = t.AddDate(0, 0, d.days)
	}
	if !sel.Since.IsZero() && !sel.Until.IsZero() && !sel.Since.Before(sel.Until) {
		return sel, fmt.Errorf("--since %s is after --until %s", s.Since, s.Until)
	}
	return sel, nil
}

func (s selectionSpec) String() string {
	if s.All {
		return "every archived article"
	}
	out := "archived articles"
	if s.Source != "" {
		out += " of source " + s.Source
	}
	if s.Since != "" {
		out += " since " + s.Since
	}
	if s.Until != "" {
		out += " until " + s.Until
	}
	return out
}

// reprocessRequest is a request's record.
type reprocessRequest struct {
	ID        string        `json:"id"`
	Selection selectionSpec `json:"selection"`
	Created   time.Time     `json:"created"`
	State     string        `json:"state"`
	Total     int           `json:"total"`
	Summary   string        `json:"summary,omitempty"`
	rev       uint64
}

func newRequestID(now time.Time) string {
	b := make([]byte, 3)
	_, _ = rand.Read(b)
	return "rp-" + now.UTC().Format("20060102-150405") + "-" + hex.EncodeToString(b)
}

// requests is the bucket of request records.
type requests struct{ kv jetstream.KeyValue }

func openRequests(ctx context.Context, js jetstream.JetStream) (requests, error) {
	kv, err := js.KeyValue(ctx, natsx.BucketReprocess)
	if err != nil {
		return requests{}, fmt.Errorf("KV bucket %s: %w", natsx.BucketReprocess, err)
	}
	return requests{kv}, nil
}

// unfinished returns the request with this selection that has not ended,
// if any.
func (r requests) unfinished(ctx context.Context, spec selectionSpec) (*reprocessRequest, error) {
	keys, err := r.kv.ListKeys(ctx)
	if err != nil {
		return nil, fmt.Errorf("listing reprocess requests: %w", err)
	}
	for k := range keys.Keys() {
		e, err := r.kv.Get(ctx, k)
		if err != nil {
			continue
		}
		var req reprocessRequest
		if json.Unmarshal(e.Value(), &req) != nil || req.State == stateDone || req.Selection != spec {
			continue
		}
		req.rev = e.Revision()
		return &req, nil
	}
	return nil, nil
}

// save records the request; a concurrent change of its record (two
// commands resuming it at once) fails.
func (r requests) save(ctx context.Context, req *reprocessRequest) error {
	b, _ := json.Marshal(req)
	var rev uint64
	var err error
	if req.rev == 0 {
		rev, err = r.kv.Create(ctx, req.ID, b)
	} else {
		rev, err = r.kv.Update(ctx, req.ID, b, req.rev)
	}
	if err != nil {
		return fmt.Errorf("recording reprocess request %s: %w (is another diplograph reprocess at work on it?)", req.ID, err)
	}
	req.rev = rev
	return nil
}

func openSnapshots(ctx context.Context, js jetstream.JetStream, replicas int) (jetstream.ObjectStore, error) {
	os, err := js.CreateOrUpdateObjectStore(ctx, jetstream.ObjectStoreConfig{
		Bucket: snapshotBucket, Description: "diplograph reprocess: the graph's claim reports of the selected articles before a request",
		Storage: jetstream.FileStorage, Compression: true, Replicas: max(replicas, 1),
	})
	if err != nil {
		return nil, fmt.Errorf("object store %s: %w", snapshotBucket, err)
	}
	return os, nil
}

// snapshotRecord is one article's reports in a snapshot (one JSON line),
// and its subject in the archive: a request's items are its snapshot's
// articles.
type snapshotRecord struct {
	Article string          `json:"a"`
	Subject string          `json:"s"`
	Reports []linker.Report `json:"r"`
}

// chunk is how many articles one graph read or one publish takes.
const chunk = 500

// takeSnapshot lists the selected articles and stores the graph's reports
// of each, before anything is published. It returns how many it stored.
func takeSnapshot(ctx context.Context, ar *archive.Archive, g *linker.Graph, store jetstream.ObjectStore, req *reprocessRequest, sel archive.Selection) (int, error) {
	pr, pw := io.Pipe()
	total := 0
	go func() {
		bw := bufio.NewWriter(pw)
		enc := json.NewEncoder(bw)
		var entries []archive.Entry
		flush := func() error {
			if len(entries) == 0 {
				return nil
			}
			ids := make([]string, len(entries))
			for i, e := range entries {
				ids[i] = e.ID
			}
			reports, err := g.ArticleReports(ctx, ids)
			if err != nil {
				return err
			}
			for _, e := range entries {
				if err := enc.Encode(snapshotRecord{Article: e.ID, Subject: e.Subject, Reports: reports[e.ID]}); err != nil {
					return err
				}
			}
			total += len(entries)
			entries = entries[:0]
			return nil
		}
		err := ar.List(ctx, sel, func(e archive.Entry) error {
			entries = append(entries, e)
			if len(entries) == chunk {
				return flush()
			}
			return nil
		})
		if err == nil {
			err = flush()
		}
		if err == nil {
			err = bw.Flush()
		}
		pw.CloseWithError(err)
	}()
	if _, err := store.Put(ctx, jetstream.ObjectMeta{Name: req.ID + ".before"}, pr); err != nil {
		pr.CloseWithError(err)
		return 0, fmt.Errorf("storing the snapshot of request %s: %w", req.ID, err)
	}
	return total, nil
}

// publishItems publishes one item per article of the request's snapshot;
// republishing after a crash is de-duplicated by the items' ids.
func publishItems(ctx context.Context, js jetstream.JetStream, store jetstream.ObjectStore, req *reprocessRequest) (int, error) {
	var batch []natsx.Event
	n := 0
	send := func() error {
		if len(batch) == 0 {
			return nil
		}
		if _, err := natsx.PublishAll(ctx, js, batch); err != nil {
			return fmt.Errorf("publishing reprocess items: %w", err)
		}
		n += len(batch)
		batch = batch[:0]
		return nil
	}
	now := time.Now().UTC()
	err := readSnapshot(ctx, store, req, func(rec snapshotRecord) error {
		batch = append(batch, natsx.Event{
			Subject: schemas.ReprocessSubject(req.ID), ID: req.ID + "-" + rec.Article, Type: schemas.ReprocessV1, Source: "diplograph-reprocess",
			Body: schemas.ReprocessItem{Schema: schemas.ReprocessV1, Request: req.ID, ArticleID: rec.Article, Subject: rec.Subject, Requested: now},
		})
		if len(batch) == chunk {
			return send()
		}
		return nil
	})
	if err == nil {
		err = send()
	}
	return n, err
}

// readSnapshot calls fn for each article of the request's snapshot.
func readSnapshot(ctx context.Context, store jetstream.ObjectStore, req *reprocessRequest, fn func(snapshotRecord) error) error {
	r, err := store.Get(ctx, req.ID+".before")
	if err != nil {
		return fmt.Errorf("reading the snapshot of request %s: %w", req.ID, err)
	}
	defer r.Close()
	dec := json.NewDecoder(bufio.NewReader(r))
	for {
		var rec snapshotRecord
		err := dec.Decode(&rec)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading the snapshot of request %s: %w", req.ID, err)
		}
		if err := fn(rec); err != nil {
			return err
		}
	}
}

// itemsLeft is the number of a request's items no extractor has finished.
func itemsLeft(ctx context.Context, js jetstream.JetStream, id string) (int, error) {
	st, err := js.Stream(ctx, schemas.StreamReprocess)
	if err != nil {
		return 0, err
	}
	subj := schemas.ReprocessSubject(id)
	info, err := st.Info(ctx, jetstream.WithSubjectFilter(subj))
	if err != nil {
		return 0, err
	}
	return int(info.State.Subjects[subj]), nil
}

// progressFunc is told how many of a request's articles are extracted, and
// once they all are, how many extractions the linker has yet to settle.
type progressFunc func(extracted, total, linking int)

// awaitRequest returns once every item of the request is extracted and the
// linker has settled every extraction published until then. Articles that
// arrive meanwhile do not hold it up.
func awaitRequest(ctx context.Context, js jetstream.JetStream, req *reprocessRequest, progress progressFunc, log *slog.Logger) error {
	const every = 250 * time.Millisecond
	lastLeft, since, warned := -1, time.Now(), false
	for {
		left, err := itemsLeft(ctx, js, req.ID)
		if err != nil {
			return err
		}
		progress(max(req.Total-left, 0), req.Total, -1)
		if left == 0 {
			break
		}
		if left != lastLeft {
			lastLeft, since = left, time.Now()
		} else if !warned && time.Since(since) > time.Minute {
			// Extractors older than reprocessing, or none at all.
			log.Warn("no extractor has finished an item of the request for a minute: are extractors of this version running on this NATS?", "request", req.ID, "left", left)
			warned = true
		}
		if err := pause(ctx, every); err != nil {
			return err
		}
	}
	xs, err := js.Stream(ctx, schemas.StreamExtractions)
	if err != nil {
		return err
	}
	info, err := xs.Info(ctx)
	if err != nil {
		return err
	}
	last := info.State.LastSeq
	for {
		cons, err := js.Consumer(ctx, schemas.StreamExtractions, natsx.ConsumerLinker)
		if err != nil {
			return err
		}
		ci, err := cons.Info(ctx)
		if err != nil {
			return err
		}
		if ci.AckFloor.Stream >= last {
			progress(req.Total, req.Total, 0)
			return nil
		}
		progress(req.Total, req.Total, int(last-ci.AckFloor.Stream))
		if err := pause(ctx, every); err != nil {
			return err
		}
	}
}

func pause(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// observeChanges compares the snapshot with the graph now, article by
// article, and counts the claims that came and went.
func observeChanges(ctx context.Context, g *linker.Graph, store jetstream.ObjectStore, req *reprocessRequest, examples int) (*linker.Changes, int, int, error) {
	ch := &linker.Changes{Examples: examples}
	var recs []snapshotRecord
	compare := func() error {
		if len(recs) == 0 {
			return nil
		}
		ids := make([]string, len(recs))
		for i, rec := range recs {
			ids[i] = rec.Article
		}
		after, err := g.ArticleReports(ctx, ids)
		if err != nil {
			return err
		}
		for _, rec := range recs {
			ch.Article(rec.Article, rec.Reports, after[rec.Article])
		}
		recs = recs[:0]
		return nil
	}
	err := readSnapshot(ctx, store, req, func(rec snapshotRecord) error {
		if recs = append(recs, rec); len(recs) == chunk {
			return compare()
		}
		return nil
	})
	if err != nil {
		return nil, 0, 0, err
	}
	if err := compare(); err != nil {
		return nil, 0, 0, err
	}
	held, err := g.ExistingClaims(ctx, ch.Emptied())
	if err != nil {
		return nil, 0, 0, err
	}
	added, retracted := ch.Observe(held)
	return ch, added, retracted, nil
}

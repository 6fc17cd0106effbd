package archive_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/archive"
	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/platform/natsx/natstest"
	"github.com/diplograph/diplograph/schemas"
)

func article(id, source string, published *time.Time, fetched time.Time) schemas.Article {
	return schemas.Article{Schema: schemas.ArticleV1, ID: id, Source: source, Published: published, Fetched: fetched,
		Format: schemas.FormatText, Body: "text of " + id, ContentHash: fmt.Sprintf("%064d", len(id))}
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestTheArchiveReadsArticlesBackByIDSourceAndTime(t *testing.T) {
	bus := natstest.Start(t)
	ctx := context.Background()
	old := day("2019-03-01")
	arts := []schemas.Article{
		article("a1", "美国之音", &old, day("2026-01-02")),
		article("a2", "rfi", nil, day("2026-01-03")), // no publication date: filed under its fetch time
		article("a3.v2", "rfi", ptr(day("2025-12-31")), day("2026-01-04")),
		article("a4", "rfi", ptr(day("2026-01-10")), day("2026-01-10")),
	}
	var evs []natsx.Event
	for _, a := range arts {
		raw, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		evs = append(evs, archive.Event(a, raw))
	}
	// Archiving twice keeps one copy of each article.
	for range 2 {
		if _, err := natsx.PublishAll(ctx, bus.JS, evs); err != nil {
			t.Fatal(err)
		}
	}
	ar, err := archive.Open(ctx, bus.JS)
	if err != nil {
		t.Fatal(err)
	}
	if st, err := ar.Stats(ctx); err != nil || st.Articles != 4 {
		t.Fatalf("archive holds %d articles (%v), want 4", st.Articles, err)
	}

	got, err := ar.Get(ctx, "a3.v2")
	if err != nil || got.ID != "a3.v2" || got.Source != "rfi" || got.Body != "text of a3.v2" {
		t.Fatalf("Get(a3.v2) = %+v, %v", got, err)
	}
	if _, err := ar.Get(ctx, "a9"); !errors.Is(err, archive.ErrNotFound) {
		t.Fatalf("Get of an id never archived: %v, want ErrNotFound", err)
	}

	list := func(sel archive.Selection) []string {
		var ids []string
		if err := ar.List(ctx, sel, func(e archive.Entry) error { ids = append(ids, e.ID); return nil }); err != nil {
			t.Fatal(err)
		}
		slices.Sort(ids)
		return ids
	}
	cases := []struct {
		name string
		sel  archive.Selection
		want []string
	}{
		{"everything", archive.Selection{}, []string{"a1", "a2", "a3.v2", "a4"}},
		{"one source", archive.Selection{Source: "rfi"}, []string{"a2", "a3.v2", "a4"}},
		{"a source named in Chinese", archive.Selection{Source: "美国之音"}, []string{"a1"}},
		{"a time range, by publication date or else fetch date", archive.Selection{Since: day("2025-12-31"), Until: day("2026-01-10")}, []string{"a2", "a3.v2"}},
		{"since a date", archive.Selection{Since: day("2026-01-05")}, []string{"a4"}},
		{"until a date", archive.Selection{Until: day("2020-01-01")}, []string{"a1"}},
		{"a source and a range", archive.Selection{Source: "rfi", Until: day("2026-01-01")}, []string{"a3.v2"}},
		{"a source never seen", archive.Selection{Source: "nobody"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := list(tc.sel); !slices.Equal(got, tc.want) {
				t.Errorf("List = %v, want %v", got, tc.want)
			}
		})
	}

	var bodies []string
	err = ar.Read(ctx, archive.Selection{Source: "rfi"}, func(e archive.Entry, a schemas.Article) error {
		if e.ID != a.ID || e.Subject != schemas.ArchiveSubject(a.Source, a.ID) {
			t.Errorf("entry %+v for article %s", e, a.ID)
		}
		bodies = append(bodies, a.Body)
		return nil
	})
	if err != nil || len(bodies) != 3 {
		t.Fatalf("Read: %d articles, %v", len(bodies), err)
	}
}

func TestTheArchiveStreamKeepsOneCompressedCopyPerArticleWithoutAgeLimit(t *testing.T) {
	found := false
	for _, sc := range (natsx.Topology{MaxAge: time.Hour}).Streams() {
		switch sc.Name {
		case schemas.StreamArchive:
			found = true
			if sc.MaxAge != 0 || sc.MaxMsgsPerSubject != 1 || sc.Compression != jetstream.S2Compression {
				t.Errorf("archive stream: max age %v, %d messages per subject, compression %v; want none, 1, S2", sc.MaxAge, sc.MaxMsgsPerSubject, sc.Compression)
			}
		case schemas.StreamArticles:
			if sc.MaxAge != time.Hour {
				t.Errorf("articles stream: max age %v, want the topology's hour", sc.MaxAge)
			}
		}
	}
	if !found {
		t.Fatal("the topology declares no archive stream")
	}
}

func ptr(t time.Time) *time.Time { return &t }

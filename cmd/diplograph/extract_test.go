package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/schemas"
)

// The feeds and documents below are written for these tests.
const (
	testRSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel><title>World desk</title><link>https://news.example.org/</link><language>en-us</language>
<item><title>Trade talks in Lisbon</title><link>https://news.example.org/world/trade-talks</link>
<guid>https://news.example.org/world/trade-talks</guid><pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate>
<description><![CDATA[<p>France strongly condemns the missile attack on Ukraine.</p>]]></description></item>
<item><title>Japan supports Ukraine</title><link>https://news.example.org/world/japan-ukraine</link>
<pubDate>Wed, 04 Mar 2026 10:00:00 GMT</pubDate></item>
</channel></rss>
`
	testAtom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><id>urn:test:desk</id><updated>2026-03-05T08:00:00Z</updated>
<entry><title>Canberra and Tokyo meet</title><id>urn:test:1</id><link href="https://news.example.org/asia/meet"/>
<updated>2026-03-05T08:00:00Z</updated>
<content type="html">&lt;p&gt;Australia strongly opposes the use of economic coercion against its partners.&lt;/p&gt;</content></entry>
</feed>
`
	testJSONFeed = `{"version": "https://jsonfeed.org/version/1.1", "title": "Desk",
"items": [{"id": "7", "url": "https://news.example.org/eu/tariffs", "title": "Tariffs",
"date_published": "2026-03-06T12:00:00Z",
"content_text": "Canada strongly opposes the use of economic coercion against its partners."}]}
`
	testDoc = "Japan strongly opposes the use of economic coercion against its partners.\n"
)

type wantDoc struct {
	name, title, url, date string
	actor                  string // an actor of one of its claims; "" for none asked
}

func TestExtractReadsFeedsFoldersAndLinks(t *testing.T) {
	tests := []struct {
		name   string
		files  map[string]string // path → content
		links  map[string]string // link → target, relative to the link's folder
		args   []string
		want   []wantDoc
		stderr []string // what stderr must say
		fails  bool     // the exit status is not 0
	}{
		{
			name:  "an RSS file is read as items, each its own document",
			files: map[string]string{"world.xml": testRSS},
			args:  []string{"world.xml"},
			want: []wantDoc{
				{"world#1", "Trade talks in Lisbon", "https://news.example.org/world/trade-talks", "2026-03-03", "FRA"},
				{"world#2", "Japan supports Ukraine", "https://news.example.org/world/japan-ukraine", "2026-03-04", "JPN"},
			},
		},
		{
			name:  "an Atom file is read as items",
			files: map[string]string{"desk.atom": testAtom},
			args:  []string{"desk.atom"},
			want:  []wantDoc{{"desk#1", "Canberra and Tokyo meet", "https://news.example.org/asia/meet", "2026-03-05", "AUS"}},
		},
		{
			name:  "a JSON feed is read as items",
			files: map[string]string{"desk.json": testJSONFeed},
			args:  []string{"desk.json"},
			want:  []wantDoc{{"desk#1", "Tariffs", "https://news.example.org/eu/tariffs", "2026-03-06", "CAN"}},
		},
		{
			name:  "a feed named like a document is still read as a feed",
			files: map[string]string{"world.txt": testRSS},
			args:  []string{"world.txt"},
			want:  []wantDoc{{name: "world#1", actor: "FRA"}, {name: "world#2", actor: "JPN"}},
		},
		{
			name: "feed files inside folders are read, in path order",
			files: map[string]string{
				"in/a.txt": testDoc, "in/feeds/world.rss": testRSS, "in/feeds/desk.json": testJSONFeed,
				"in/notes.pdf": "%PDF-1.4", "in/a.gold.json": `{"claims": []}`,
			},
			args: []string{"in"},
			want: []wantDoc{{name: "a", actor: "JPN"}, {name: "desk#1", actor: "CAN"}, {name: "world#1", actor: "FRA"}, {name: "world#2", actor: "JPN"}},
		},
		{
			name:  "a link to a folder is followed",
			files: map[string]string{"real/a.txt": testDoc},
			links: map[string]string{"linked": "real"},
			args:  []string{"linked"},
			want:  []wantDoc{{name: "a", actor: "JPN"}},
		},
		{
			name:   "a link back up the tree is read once, not looped",
			files:  map[string]string{"in/a.txt": testDoc, "in/sub/b.txt": testDoc},
			links:  map[string]string{"in/sub/up": ".."},
			args:   []string{"in"},
			want:   []wantDoc{{name: "a"}, {name: "b"}},
			stderr: []string{"skipped: a link to a folder already read"},
		},
		{
			name:   "an empty folder is reported",
			files:  map[string]string{"empty/.keep": ""},
			args:   []string{"empty"},
			stderr: []string{"empty: nothing to extract"},
			fails:  true,
		},
		{
			name:   "a folder with nothing readable is reported",
			files:  map[string]string{"junk/scan.pdf": "%PDF-1.4", "junk/data.json": `{"rows": [1, 2]}`, "junk/page.xml": `<page><p>x</p></page>`},
			args:   []string{"junk"},
			stderr: []string{"junk: nothing to extract", "data.json: skipped: no feed items in it", "page.xml: skipped: not an RSS, Atom or JSON feed"},
			fails:  true,
		},
		{
			name:   "a broken link is reported and the rest is read",
			files:  map[string]string{"in/a.txt": testDoc},
			links:  map[string]string{"in/gone.txt": "missing.txt"},
			args:   []string{"in"},
			want:   []wantDoc{{name: "a", actor: "JPN"}},
			stderr: []string{"gone.txt: broken link"},
			fails:  true,
		},
		{
			name:   "a path that does not exist is reported and the rest is read",
			files:  map[string]string{"a.txt": testDoc},
			args:   []string{"nowhere", "a.txt"},
			want:   []wantDoc{{name: "a", actor: "JPN"}},
			stderr: []string{"nowhere"},
			fails:  true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			for p, content := range tc.files {
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for link, target := range tc.links {
				if err := os.Symlink(target, link); err != nil {
					t.Fatal(err)
				}
			}
			docs, stderr, err := runExtract(t, tc.args...)
			if (err != nil) != tc.fails {
				t.Errorf("err = %v, want failure %v; stderr:\n%s", err, tc.fails, stderr)
			}
			for _, s := range tc.stderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr does not say %q:\n%s", s, stderr)
				}
			}
			var names []string
			for _, x := range docs {
				names = append(names, x.Doc)
			}
			var wantNames []string
			for _, w := range tc.want {
				wantNames = append(wantNames, w.name)
			}
			if !slices.Equal(names, wantNames) {
				t.Fatalf("documents %q, want %q; stderr:\n%s", names, wantNames, stderr)
			}
			for i, w := range tc.want {
				checkDoc(t, docs[i], w)
			}
		})
	}
}

func checkDoc(t *testing.T, x schemas.Extraction, w wantDoc) {
	t.Helper()
	if x.Error != nil {
		t.Errorf("%s: error %s: %s", x.Doc, x.Error.Code, x.Error.Message)
	}
	if w.title != "" && x.Title != w.title {
		t.Errorf("%s: title %q, want %q", x.Doc, x.Title, w.title)
	}
	if w.url != "" && x.URL != w.url {
		t.Errorf("%s: url %q, want %q", x.Doc, x.URL, w.url)
	}
	if w.date != "" && x.Date != w.date {
		t.Errorf("%s: date %q, want %q", x.Doc, x.Date, w.date)
	}
	var actors []string
	for _, c := range x.Claims {
		actors = append(actors, c.Actors...)
		// the feed's markup never reaches the evidence
		if strings.ContainsAny(c.Evidence.Text, "<>") {
			t.Errorf("%s: evidence %q holds markup", x.Doc, c.Evidence.Text)
		}
	}
	if w.actor != "" && !slices.Contains(actors, w.actor) {
		t.Errorf("%s: actors %v, want %s among them", x.Doc, actors, w.actor)
	}
	// one item's title never bleeds into another's document
	if strings.HasSuffix(x.Doc, "#1") && slices.Contains(actors, "JPN") && w.actor != "JPN" {
		t.Errorf("%s: claims of JPN, another item's", x.Doc)
	}
}

func TestExtractNamesFeedItemsUniquelyAndStably(t *testing.T) {
	t.Chdir(t.TempDir())
	for p, content := range map[string]string{"a/world.xml": testRSS, "a/desk.atom": testAtom} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var runs [2][]string
	for i := range runs {
		docs, stderr, err := runExtract(t, "a")
		if err != nil {
			t.Fatalf("%v\n%s", err, stderr)
		}
		for _, x := range docs {
			runs[i] = append(runs[i], x.Doc+" "+x.ArticleID)
		}
	}
	if !slices.Equal(runs[0], runs[1]) {
		t.Fatalf("two runs named the documents differently:\n%q\n%q", runs[0], runs[1])
	}
	seen := map[string]bool{}
	for _, n := range runs[0] {
		name, _, _ := strings.Cut(n, " ")
		if seen[name] {
			t.Fatalf("document name %s is used twice: %q", name, runs[0])
		}
		seen[name] = true
	}
	if len(seen) != 3 {
		t.Fatalf("documents %q, want the three items", runs[0])
	}
}

// runExtract runs diplograph extract and returns the extractions it printed.
func runExtract(t *testing.T, args ...string) ([]schemas.Extraction, string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var out, errb bytes.Buffer
	err := dispatch(ctx, append([]string{"extract", "--format", "jsonl"}, args...), &out, &errb)
	var docs []schemas.Extraction
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var x schemas.Extraction
		if err := json.Unmarshal(sc.Bytes(), &x); err != nil {
			t.Fatalf("output line %q: %v", sc.Text(), err)
		}
		docs = append(docs, x)
	}
	return docs, errb.String(), err
}

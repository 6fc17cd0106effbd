package source

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

var (
	idPattern   = regexp.MustCompile(`^[a-z0-9][a-z0-9._:-]{0,199}$`)
	hashPattern = regexp.MustCompile(`^[0-9a-f]{64}$`)
)

const (
	rss091 = `<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title><link>https://old.example/</link>
<item><title>Talks</title><link>https://old.example/talks</link><description>The ministers held talks.</description></item></channel></rss>`
	rss10 = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel rdf:about="https://rdf.example/"><title>RDF</title><link>https://rdf.example/</link></channel>
<item rdf:about="https://rdf.example/1"><title>One</title><link>https://rdf.example/1</link><content:encoded><![CDATA[<p>Full text one.</p>]]></content:encoded></item></rdf:RDF>`
	rss20 = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Ministry</title><link>https://mfa.example/</link><language>en-GB</language>
<item><title>One</title><link>/1?utm_source=rss</link><guid isPermaLink="false">g1</guid><pubDate>Mon, 02 Aug 2021 10:00:00 +0000</pubDate>
<description>short</description><content:encoded><![CDATA[<p>The minister condemned the attack.</p>]]></content:encoded></item>
<item><title>No text</title><link>https://mfa.example/2</link><guid>g2</guid></item></channel></rss>`
	atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title><link href="https://atom.example/"/>
<entry><title>E</title><id>tag:atom.example,2021:1</id><link href="https://atom.example/e"/><updated>2021-08-02T10:00:00Z</updated>
<content type="html">&lt;p&gt;Entry text.&lt;/p&gt;</content></entry></feed>`
	jsonFeed = `{"version":"https://jsonfeed.org/version/1.1","title":"J","home_page_url":"https://json.example/","language":"zh-CN",
"items":[{"id":"1","url":"https://json.example/1","title":"一","content_html":"<p>双方同意加强合作。</p>","date_published":"2021-08-02T10:00:00Z"}]}`
)

func TestParseFeedReadsEveryFormat(t *testing.T) {
	gbkRSS, _ := simplifiedchinese.GBK.NewEncoder().String(`<?xml version="1.0" encoding="GBK"?><rss version="2.0"><channel><title>外交部</title><link>https://gbk.example/</link>
<item><title>会谈</title><link>https://gbk.example/1</link><description>中方呼吁各方保持克制。</description></item></channel></rss>`)
	tests := []struct {
		name      string
		data      string
		typ       string
		items     int
		withText  int
		wantInAny string
	}{
		{"RSS 0.91 items carry their description only", rss091, "rss", 1, 0, ""},
		{"RSS 1.0 content:encoded is the full text", rss10, "rss", 1, 1, "Full text one."},
		{"RSS 2.0 content:encoded is the full text; an item without it has none", rss20, "rss", 2, 1, "condemned"},
		{"Atom content is the full text", atom, "atom", 1, 1, "Entry text."},
		{"JSON Feed content_html is the full text", jsonFeed, "json", 1, 1, "双方同意加强合作"},
		{"a GBK-declared RSS feed is decoded", gbkRSS, "rss", 1, 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := ParseFeed([]byte(tc.data), "https://base.example/feed")
			if err != nil {
				t.Fatal(err)
			}
			if f.Type != tc.typ || len(f.Items) != tc.items {
				t.Fatalf("type %q items %d, want %q %d", f.Type, len(f.Items), tc.typ, tc.items)
			}
			with := 0
			found := tc.wantInAny == ""
			for _, it := range f.Items {
				a, err := it.Article("src")
				if err == ErrNoContent {
					if _, err := it.SummaryArticle("src"); err != nil && it.Summary != "" {
						t.Errorf("summary article: %v", err)
					}
					continue
				}
				if err != nil {
					t.Fatal(err)
				}
				with++
				found = found || strings.Contains(a.Body, tc.wantInAny)
				if !idPattern.MatchString(a.ID) || !hashPattern.MatchString(a.ContentHash) {
					t.Errorf("bad id %q or hash %q", a.ID, a.ContentHash)
				}
			}
			if with != tc.withText || !found {
				t.Errorf("%d items with text (want %d), %q found: %v", with, tc.withText, tc.wantInAny, found)
			}
		})
	}
}

func TestParseFeedResolvesLinksAndDates(t *testing.T) {
	f, err := ParseFeed([]byte(rss20), "https://mfa.example/feed")
	if err != nil {
		t.Fatal(err)
	}
	it := f.Items[0]
	if it.Link != "https://mfa.example/1?utm_source=rss" || it.Key() != "https://mfa.example/1" {
		t.Errorf("link %q key %q", it.Link, it.Key())
	}
	if it.Published == nil || it.Published.Format("2006-01-02T15") != "2021-08-02T10" || it.Lang != "en" {
		t.Errorf("published %v lang %q", it.Published, it.Lang)
	}
}

func TestParseFeedRejectsWhatIsNoFeed(t *testing.T) {
	for _, in := range []string{"", "<html><body>x</body></html>", "plain text", `<?xml version="1.0"?><rss><channel><item><title>a</ti`} {
		if _, err := ParseFeed([]byte(in), ""); err == nil {
			t.Errorf("ParseFeed(%q) succeeded", in)
		}
	}
}

func FuzzParseFeed(f *testing.F) {
	for _, s := range []string{rss091, rss10, rss20, atom, jsonFeed, `{"version":"https://jsonfeed.org/version/1","items":[{}]}`, `<rss><channel><item/></channel></rss>`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := ParseFeed(data, "https://base.example/")
		if err != nil {
			return
		}
		for _, it := range feed.Items {
			a, err := it.Article("s")
			if err != nil {
				continue
			}
			if !idPattern.MatchString(a.ID) || !hashPattern.MatchString(a.ContentHash) || !utf8.ValidString(a.Body) || strings.TrimSpace(a.Body) == "" {
				t.Fatalf("bad article %+v", a)
			}
		}
	})
}

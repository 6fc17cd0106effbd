package source

import (
	"strings"
	"testing"
	"unicode/utf8"
)

const dump = "<!--1627898400000-->\n[Sherman meets Lee](https://www.state.gov/sherman?utm_source=x)\n------\n\n<div><p>They reaffirmed their commitment.</p></div>\n"

func TestParse(t *testing.T) {
	tests := []struct {
		name, in                   string
		format, title, url, source string
		published                  string
		err                        error
	}{
		{name: "a feed-item dump gives title, link and date", in: dump, format: "html", title: "Sherman meets Lee", url: "https://www.state.gov/sherman?utm_source=x", source: "file", published: "2021-08-02T10:00:00Z"},
		{name: "front matter names the source", in: "---\nlayout: post\ntitle: \"T\"\ndate: 2021-01-17T23:55:59.000Z\nfrom: https://rfi.example/a\ncategories: [ 法广 ]\n---\n" + dump, format: "html", title: "Sherman meets Lee", url: "https://www.state.gov/sherman?utm_source=x", source: "法广", published: "2021-08-02T10:00:00Z"},
		{name: "plain text stays text", in: "The two sides agreed.\n", format: "text", source: "file"},
		{name: "an HTML fragment is html", in: "<p>The two sides agreed.</p>", format: "html", source: "file"},
		{name: "blank input is empty", in: " \n\t", err: ErrEmpty},
		{name: "a dump without a body is empty", in: "<!--1627898400000-->\n[T](https://x.example/)\n------\n", err: ErrEmpty},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse("n", []byte(tc.in))
			if err != tc.err {
				t.Fatalf("err %v, want %v", err, tc.err)
			}
			if err != nil {
				return
			}
			if a.Format != tc.format || a.Title != tc.title || a.URL != tc.url || a.Source != tc.source {
				t.Errorf("got format %q title %q url %q source %q", a.Format, a.Title, a.URL, a.Source)
			}
			if tc.published != "" && (a.Published == nil || a.Published.Format("2006-01-02T15:04:05Z07:00") != tc.published) {
				t.Errorf("published %v, want %s", a.Published, tc.published)
			}
		})
	}
}

func TestParseIDsFollowTheCanonicalURL(t *testing.T) {
	a, _ := Parse("a", []byte(dump))
	b, _ := Parse("b", []byte(strings.Replace(dump, "?utm_source=x", "#frag", 1)))
	if a.ID != b.ID {
		t.Errorf("same canonical URL and content, ids %s and %s", a.ID, b.ID)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{dump, "---\ntitle: x\n---\n" + dump, "plain", "<p>x</p>", "<!--1-->\n[a](b)\n---\nbody", "---\n---\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse("n", data)
		if err != nil {
			return
		}
		if !idPattern.MatchString(a.ID) || !hashPattern.MatchString(a.ContentHash) || !utf8.ValidString(a.Body) ||
			!utf8.ValidString(a.Title) || !utf8.ValidString(a.URL) || a.Source == "" {
			t.Fatalf("bad article %+v", a)
		}
		b, _ := Parse("n", data)
		if b.ID != a.ID {
			t.Fatal("not deterministic")
		}
	})
}

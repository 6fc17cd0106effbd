package source

import (
	"bytes"
	"net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"github.com/diplograph/diplograph/platform/limits"
	"github.com/diplograph/diplograph/schemas"
)

// ParsePage extracts the main content of an HTML page (already decoded to
// UTF-8) fetched from pageURL. The article's URL is the page's
// <link rel=canonical> when it names an http(s) URL, else pageURL; its Body
// is the main content as HTML.
func ParsePage(source, pageURL string, data []byte) (schemas.Article, error) {
	a := schemas.Article{Schema: schemas.ArticleV1, Source: source, URL: pageURL, Format: schemas.FormatHTML}
	if len(bytes.TrimSpace(data)) == 0 {
		return a, ErrEmpty
	}
	if !utf8.Valid(data) {
		data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return a, err
	}
	if c := canonicalLink(doc, pageURL); c != "" {
		a.URL = c
	}
	u, _ := url.Parse(pageURL)
	ra, err := readability.FromDocument(doc, u)
	if err != nil {
		return a, err
	}
	a.Title = strings.TrimSpace(ra.Title())
	a.Lang = normLang(ra.Language())
	if t, err := ra.PublishedTime(); err == nil && !t.IsZero() {
		t = t.UTC()
		a.Published = &t
	}
	var body bytes.Buffer
	if ra.Node != nil {
		if err := ra.RenderHTML(&body); err != nil {
			return a, err
		}
	}
	if strings.TrimSpace(body.String()) == "" {
		return a, ErrEmpty
	}
	if body.Len() > limits.Document {
		return a, limits.Exceeded(pageURL, int64(body.Len()), limits.Document)
	}
	a.Body = body.String()
	a.ContentHash = hashOf(a.Body)
	key := Key(a.URL, "")
	a.ID = ArticleID(key, a.ContentHash)
	a.Name = nameOf(key)
	return a, nil
}

// canonicalLink returns the absolute http(s) URL of the first
// <link rel=canonical> in the head, or "".
func canonicalLink(doc *html.Node, pageURL string) string {
	var found string
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.Data == "body" {
			return true
		}
		if n.Type == html.ElementNode && n.Data == "link" {
			var rel, href string
			for _, at := range n.Attr {
				switch strings.ToLower(at.Key) {
				case "rel":
					rel = strings.ToLower(at.Val)
				case "href":
					href = strings.TrimSpace(at.Val)
				}
			}
			if href != "" && hasToken(rel, "canonical") {
				found = href
				return true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(doc)
	if found == "" {
		return ""
	}
	base, _ := url.Parse(pageURL)
	abs := resolve(base, found)
	u, err := url.Parse(abs)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return abs
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if f == tok {
			return true
		}
	}
	return false
}

func utfValid(s string) bool { return utf8.ValidString(s) }

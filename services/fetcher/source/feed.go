package source

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/diplograph/diplograph/platform/limits"
	"github.com/diplograph/diplograph/schemas"
)

// ErrNoContent is returned for a feed item that carries no text of its own:
// its page has to be fetched.
var ErrNoContent = errors.New("feed item carries no content")

// ErrNotFeed is returned by ParseFeed for input that is no RSS, Atom or
// JSON feed.
var ErrNotFeed = errors.New("not an RSS, Atom or JSON feed")

// Feed is a parsed feed: RSS 0.9x/1.0/2.0, Atom or JSON Feed.
type Feed struct {
	Title string
	Link  string // the site's home page
	Lang  string
	Type  string // rss, atom or json
	Items []FeedItem
}

// FeedItem is one entry of a feed.
type FeedItem struct {
	GUID      string
	Link      string
	Title     string
	Published *time.Time
	// Content is the item's full text (content:encoded, Atom content, JSON
	// Feed content_html/content_text); Summary its description.
	Content string
	Summary string
	Lang    string
}

// LooksLikeFeed reports whether data starts like an XML or JSON feed.
func LooksLikeFeed(data []byte) bool {
	switch gofeed.DetectFeedType(bytes.NewReader(data)) {
	case gofeed.FeedTypeRSS, gofeed.FeedTypeAtom, gofeed.FeedTypeJSON:
		return true
	}
	return false
}

// ParseFeed parses a feed. Declared XML encodings are decoded to UTF-8.
// Item links are resolved against base when they are relative.
func ParseFeed(data []byte, base string) (Feed, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return Feed{}, ErrEmpty
	}
	if !LooksLikeFeed(data) {
		return Feed{}, ErrNotFeed
	}
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return Feed{}, fmt.Errorf("parsing feed: %w", err)
	}
	f := Feed{Title: strings.TrimSpace(gf.Title), Link: strings.TrimSpace(gf.Link), Lang: normLang(gf.Language), Type: gf.FeedType}
	baseURL, _ := url.Parse(base)
	if f.Link != "" {
		f.Link = resolve(baseURL, f.Link)
	}
	for _, it := range gf.Items {
		if it == nil {
			continue
		}
		fi := FeedItem{
			GUID:    strings.TrimSpace(it.GUID),
			Link:    resolve(baseURL, strings.TrimSpace(it.Link)),
			Title:   strings.TrimSpace(it.Title),
			Content: it.Content,
			Summary: it.Description,
			Lang:    f.Lang,
		}
		if it.PublishedParsed != nil {
			t := it.PublishedParsed.UTC()
			fi.Published = &t
		} else if it.UpdatedParsed != nil {
			t := it.UpdatedParsed.UTC()
			fi.Published = &t
		}
		if fi.Link == "" && strings.HasPrefix(fi.GUID, "http") {
			fi.Link = resolve(baseURL, fi.GUID)
		}
		f.Items = append(f.Items, fi)
	}
	return f, nil
}

// Key is the item's identity: its canonical link, else its guid.
func (it FeedItem) Key() string {
	if it.Link != "" {
		return CanonicalURL(it.Link)
	}
	if it.GUID != "" {
		return "guid:" + it.GUID
	}
	return "title:" + it.Title
}

// Article turns an item that carries its full text into an article of
// source. It returns ErrNoContent when the item has no full text; the
// caller then fetches the page, or settles for the summary with Summary.
func (it FeedItem) Article(source string) (schemas.Article, error) {
	return it.article(source, it.Content)
}

// SummaryArticle is Article built from the item's description, for an item
// without full text whose page cannot be fetched.
func (it FeedItem) SummaryArticle(source string) (schemas.Article, error) {
	return it.article(source, it.Summary)
}

func (it FeedItem) article(source, body string) (schemas.Article, error) {
	a := schemas.Article{
		Schema: schemas.ArticleV1, Source: source, URL: it.Link, Title: it.Title,
		Published: it.Published, Lang: it.Lang, Format: schemas.FormatText,
	}
	if a.URL == "" && strings.HasPrefix(it.GUID, "http") {
		a.URL = it.GUID
	}
	if !utfValid(body) {
		body = strings.ToValidUTF8(body, "\uFFFD")
	}
	if strings.TrimSpace(body) == "" {
		return a, ErrNoContent
	}
	if len(body) > limits.Document {
		return a, limits.Exceeded("feed item "+it.Key(), int64(len(body)), limits.Document)
	}
	if htmlHint.MatchString(body) {
		a.Format = schemas.FormatHTML
	}
	a.Body = body
	a.ContentHash = hashOf(body)
	key := it.Key()
	a.ID = ArticleID(key, a.ContentHash)
	a.Name = nameOf(key)
	return a, nil
}

// nameOf derives a readable name from an item key: the last path segment
// of a URL, else the key itself.
func nameOf(key string) string {
	if u, err := url.Parse(key); err == nil && u.Host != "" {
		seg := strings.Trim(u.Path, "/")
		if i := strings.LastIndexByte(seg, '/'); i >= 0 {
			seg = seg[i+1:]
		}
		if s, err := url.PathUnescape(seg); err == nil {
			seg = s
		}
		if seg != "" {
			return seg
		}
		return u.Host
	}
	return key
}

func hashOf(body string) string {
	sum := sha256.Sum256([]byte(body))
	return hex.EncodeToString(sum[:])
}

func resolve(base *url.URL, ref string) string {
	if ref == "" || base == nil || base.Host == "" {
		return ref
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return base.ResolveReference(r).String()
}

// normLang turns "en-US" or "zh_CN" into "en", "zh"; unknown stays empty.
func normLang(l string) string {
	l = strings.ToLower(strings.TrimSpace(l))
	l, _, _ = strings.Cut(strings.ReplaceAll(l, "_", "-"), "-")
	if len(l) < 2 || len(l) > 3 {
		return ""
	}
	return l
}

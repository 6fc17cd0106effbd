// Package source turns inputs as they come (files of plain text or HTML,
// feed-item dumps with or without a Jekyll front-matter header) into
// diplograph.article.v1 values. It does no network I/O.
package source

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/diplograph/diplograph/platform/limits"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/fetcher/internal/textenc"
)

// ErrEmpty is returned for an input with no content at all.
var ErrEmpty = errors.New("empty input")

// ErrTooLarge is wrapped by the error for an input over its limit: it is
// limits.ErrTooLarge.
var ErrTooLarge = limits.ErrTooLarge

// MaxBytes is the largest document a file source reads: limits.Document.
const MaxBytes = limits.Document

// ReadFile reads one file and parses it with Parse; the article's Name is
// the file name without its extension, as the scorer and users expect.
func ReadFile(path string) (schemas.Article, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return schemas.Article{}, err
	}
	if fi.Size() > limits.Document {
		// Refused before it is read: a document this large would cost far
		// more memory in extraction only to be refused there.
		return schemas.Article{}, limits.Exceeded(path, fi.Size(), limits.Document)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return schemas.Article{}, err
	}
	a, err := Parse(DocName(path), data)
	if err != nil {
		return a, fmt.Errorf("%s: %w", path, err)
	}
	return a, nil
}

// DocName is a path's file name without its extension.
func DocName(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

var (
	epochLine = regexp.MustCompile(`^<!--\s*(\d{10,13})\s*-->\s*$`)
	linkLine  = regexp.MustCompile(`^\[(.*)\]\((\S*)\)\s*$`)
	htmlHint  = regexp.MustCompile(`(?i)<(p|div|br|html|body|span|strong|a|img|h[1-6]|li|ul|table)\b`)
)

// Parse reads one input: an optional Jekyll front matter (--- … ---), then
// either a feed-item dump (<!--EPOCH_MS-->, [title](url), ------, item HTML),
// an HTML document or fragment, or plain text. name becomes the article's
// Name; the id is derived from the content so that the same input always
// yields the same article.
func Parse(name string, data []byte) (schemas.Article, error) {
	a := schemas.Article{Schema: schemas.ArticleV1, Name: name, Source: "file", Format: schemas.FormatText}
	if len(bytes.TrimSpace(data)) == 0 {
		return a, ErrEmpty
	}
	if len(data) > limits.Document {
		return a, limits.Exceeded(name, int64(len(data)), limits.Document)
	}
	data, _ = textenc.Decode(data, "")
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.TrimPrefix(text, "\uFEFF")
	fm, rest := splitFrontMatter(text)
	if fm != nil {
		a.Title = fm["title"]
		a.URL = fm["from"]
		if t, err := time.Parse(time.RFC3339, fm["date"]); err == nil {
			t = t.UTC()
			a.Published = &t
		}
		if src := firstOf(fm["categories"]); src != "" {
			a.Source = src
		}
	}
	body := rest
	lines := strings.SplitN(strings.TrimLeft(rest, "\n"), "\n", 4)
	if len(lines) >= 3 {
		if m := epochLine.FindStringSubmatch(lines[0]); m != nil {
			if l := linkLine.FindStringSubmatch(lines[1]); l != nil && strings.HasPrefix(strings.TrimSpace(lines[2]), "---") {
				ms, _ := strconv.ParseInt(m[1], 10, 64)
				if len(m[1]) == 10 {
					ms *= 1000
				}
				t := time.UnixMilli(ms).UTC()
				a.Published = &t
				a.Title = strings.TrimSpace(l[1])
				a.URL = l[2]
				body = ""
				if len(lines) == 4 {
					body = lines[3]
				}
				a.Format = schemas.FormatHTML
			}
		}
	}
	if a.Format != schemas.FormatHTML && htmlHint.MatchString(body) {
		a.Format = schemas.FormatHTML
	}
	a.Body = body
	if strings.TrimSpace(body) == "" {
		return a, ErrEmpty
	}
	sum := sha256.Sum256([]byte(body))
	a.ContentHash = hex.EncodeToString(sum[:])
	a.ID = ArticleID(Key(a.URL, name), a.ContentHash)
	return a, nil
}

// ArticleID derives an article's id from its canonical key (URL, or name
// for local inputs) and its content hash.
func ArticleID(key, contentHash string) string {
	sum := sha256.Sum256([]byte(key + "\x00" + contentHash))
	return "a" + hex.EncodeToString(sum[:12])
}

// splitFrontMatter returns the front matter's simple key: value pairs and
// what follows it, or nil and the whole text when there is none.
func splitFrontMatter(text string) (map[string]string, string) {
	if !strings.HasPrefix(text, "---\n") {
		return nil, text
	}
	end := strings.Index(text[4:], "\n---")
	if end < 0 {
		return nil, text
	}
	head := text[4 : 4+end]
	rest := text[4+end+4:]
	rest = strings.TrimPrefix(rest, "\n")
	fm := map[string]string{}
	for _, line := range strings.Split(head, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		if uq, err := strconv.Unquote(v); err == nil {
			v = uq
		}
		fm[strings.TrimSpace(k)] = v
	}
	return fm, rest
}

// firstOf returns the first element of a YAML flow list "[ a, b ]".
func firstOf(v string) string {
	v = strings.TrimSpace(strings.Trim(strings.TrimSpace(v), "[]"))
	first, _, _ := strings.Cut(v, ",")
	return strings.TrimSpace(first)
}

package clean

import (
	"errors"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// HTML cleans an HTML fragment or page. It reads the input twice: the first
// pass decides which elements are page furniture, which for some (a list of
// links, a block under a "Related stories" heading) is known only at their
// end; the second emits the text of the others.
func HTML(src string) (Doc, error) {
	f := newFurniture()
	if err := walk(src, f); err != nil {
		return Doc{}, err
	}
	e := &emitter{drop: f.drop, skipFrom: -1}
	if err := walk(src, e); err != nil {
		return Doc{}, err
	}
	return e.b.finish(), nil
}

// visitor receives the events of walk.
type visitor interface {
	// open is called for each element pushed on the stack of open
	// elements; idx numbers elements in the order they open, the same in
	// every walk of the same input. z.TagAttr reads its attributes while
	// more is true.
	open(tag string, idx int, z *html.Tokenizer, more bool)
	// close is called for each element popped, the innermost first.
	close(tag string, idx int)
	// lineBreak is called at the start and end tags of block elements.
	lineBreak()
	// text is called with the raw text of a text token at offset start,
	// valid until it returns.
	text(raw []byte, start int)
}

type openElement struct {
	tag string
	idx int
}

// walk tokenizes src and tracks the open elements, tolerating misnesting
// the same way for every visitor, so that element numbers agree between
// passes. Elements deeper than MaxDepth are read as if flat.
func walk(src string, v visitor) error {
	z := html.NewTokenizer(strings.NewReader(src))
	z.SetMaxBuf(0)
	offset := 0
	var stack []openElement
	next := 0
	for {
		tt := z.Next()
		raw := z.Raw() // valid until the next call; Text() would unescape it in place
		start := offset
		offset += len(raw)
		switch tt {
		case html.ErrorToken:
			for i := len(stack) - 1; i >= 0; i-- {
				v.close(stack[i].tag, stack[i].idx)
			}
			if err := z.Err(); err != nil && !errors.Is(err, io.EOF) {
				return err
			}
			return nil
		case html.TextToken:
			v.text(raw, start)
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			tag := tagName(name)
			if block[tag] {
				v.lineBreak()
			}
			if tt == html.SelfClosingTagToken || voidElement[tag] || len(stack) >= MaxDepth {
				continue
			}
			v.open(tag, next, z, more)
			stack = append(stack, openElement{tag, next})
			next++
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := tagName(name)
			if block[tag] {
				v.lineBreak()
			}
			// pop to the matching open element, tolerating misnesting; a
			// stray end tag is looked for only near the top, so that junk
			// cannot make this quadratic
			for i := len(stack) - 1; i >= 0 && i >= len(stack)-64; i-- {
				if stack[i].tag == tag {
					for j := len(stack) - 1; j >= i; j-- {
						v.close(stack[j].tag, stack[j].idx)
					}
					stack = stack[:i]
					break
				}
			}
		}
	}
}

// tagName returns the name of a tag, without allocating for the names the
// cleaner knows.
func tagName(name []byte) string {
	if t, ok := knownTags[string(name)]; ok {
		return t
	}
	return string(name)
}

var knownTags = func() map[string]string {
	m := map[string]string{}
	for _, set := range []map[string]bool{block, voidElement, skipped, exempt} {
		for t := range set {
			m[t] = t
		}
	}
	for _, t := range []string{"a", "span", "b", "i", "em", "strong", "font", "small", "sup", "sub", "u", "cite", "q", "abbr", "time", "label", "picture"} {
		m[t] = t
	}
	return m
}()

// block elements break lines.
var block = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "tr": true, "td": true, "th": true,
	"table": true, "hr": true, "section": true, "article": true, "blockquote": true, "figure": true,
	"header": true, "footer": true, "pre": true, "main": true, "aside": true, "body": true, "html": true,
	"center": true, "address": true, "caption": true, "figcaption": true, "nav": true, "menu": true,
	"details": true, "summary": true, "dialog": true,
}

var voidElement = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true,
}

// skipped elements: their content is never the article's text.
var skipped = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true,
	"iframe": true, "object": true, "button": true, "select": true, "textarea": true,
	"head": true, "title": true, "nav": true, "form": true, "aside": true, "menu": true,
	"dialog": true, "noembed": true, "noframes": true,
	"share-button": true, "share-modal": true,
}

// exempt elements hold the whole page or article: no class, id or heading
// makes them furniture (WordPress puts "tag-social-media" on an article).
var exempt = map[string]bool{"html": true, "body": true, "main": true, "article": true}

// What the first pass decides about an element.
const (
	keep uint8 = iota
	dropAll
	// dropHeading is a furniture heading ("Related stories"): dropped, and
	// the entries that follow it inside its parent are dropped too.
	dropHeading
)

// emitter is the second pass: it writes the text of the elements kept.
type emitter struct {
	b        builder
	drop     []uint8
	depth    int
	skipFrom int // depth of the outermost dropped element open, or -1
	// structural is set while the entries of a furniture heading element
	// are read, at entriesDepth: the mode ends when the heading's parent
	// closes, so a box of related links cannot swallow the article after it.
	structural   bool
	entriesDepth int
	promo        bool // after the feed promo footer nothing is text
}

func (e *emitter) open(_ string, idx int, _ *html.Tokenizer, _ bool) {
	d := e.depth
	e.depth++
	if e.skipFrom >= 0 || e.drop[idx] == keep {
		return
	}
	e.skipFrom = d
	if e.drop[idx] == dropHeading {
		e.b.breakLine()
		e.b.entries = true
		e.structural, e.entriesDepth = true, d
	}
}

func (e *emitter) close(string, int) {
	e.depth--
	if e.depth == e.skipFrom {
		e.skipFrom = -1
	}
	if e.structural && e.depth < e.entriesDepth {
		e.structural = false
		if e.b.entries {
			e.b.breakLine()
			e.b.entries = false
		}
	}
}

func (e *emitter) lineBreak() { e.b.breakLine() }

func (e *emitter) text(rawb []byte, start int) {
	if e.skipFrom >= 0 || e.promo {
		return
	}
	raw := string(rawb)
	if strings.Contains(raw, "获取更多RSS") {
		e.promo = true
		return
	}
	if strings.IndexByte(raw, '&') < 0 {
		e.b.addText(raw, start, true)
	} else {
		addDecoded(&e.b, raw, start)
	}
}

package clean

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// furniture is the first pass over an HTML input: it decides, for every
// element, whether it is page furniture. Most elements are known at their
// start (an aside, a hidden element, a class naming related stories); some
// only at their end, from what they held: a heading that says "Related
// stories", the list of links under it, a list whose items are mostly just
// links, a figure that turned out to hold no quotation.
type furniture struct {
	drop     []uint8 // by element number
	frames   []frame // the open elements, as walk's stack
	skipFrom int     // index in frames of the outermost element dropped at its start, or -1
	links    int     // open <a> elements outside dropped ones
	articles int     // open <article> and <main> elements
	quotes   int     // open <blockquote> elements
	figures  []int   // indexes in frames of the open figures
}

// frame is what the first pass knows of an open element. Only kept text
// counts: a child's counts are added to its parent when it closes kept.
type frame struct {
	tag string
	idx int
	// counted says which of the open-element counters this one raised.
	isLink, isArticle, isQuote, isFigure bool
	text, link                           int    // non-space bytes of kept text, and of it inside links
	lead                                 []byte // its text up to its first line break, capped at leadCap
	leadDone                             bool
	items, linkItems                     int  // for a list: its items, and those that are just a link
	pending                              bool // a furniture heading child just closed: its next sibling is looked at
	afterHeading                         bool // it is the sibling that follows a furniture heading
	headed                               bool // it begins with a furniture heading
	hasQuote                             bool // a figure holding a blockquote
}

// leadCap bounds the lead kept of an element: enough for any heading.
const leadCap = 256

func newFurniture() *furniture { return &furniture{skipFrom: -1} }

func (f *furniture) top() *frame {
	if len(f.frames) == 0 {
		return nil
	}
	return &f.frames[len(f.frames)-1]
}

// push adds an open element, reusing the lead buffer of a frame closed
// before, so that memory stays in proportion to the depth.
func (f *furniture) push(fr frame) {
	n := len(f.frames)
	if n < cap(f.frames) {
		f.frames = f.frames[:n+1]
		fr.lead = f.frames[n].lead[:0]
		f.frames[n] = fr
		return
	}
	f.frames = append(f.frames, fr)
}

func (f *furniture) open(tag string, idx int, z *html.Tokenizer, more bool) {
	f.drop = append(f.drop, keep)
	if f.skipFrom >= 0 {
		f.push(frame{tag: tag, idx: idx})
		return
	}
	if f.droppedAtStart(tag, z, more) {
		f.drop[idx] = dropAll
		f.skipFrom = len(f.frames)
		f.push(frame{tag: tag, idx: idx})
		return
	}
	fr := frame{tag: tag, idx: idx}
	if p := f.top(); p != nil && p.pending {
		fr.afterHeading = true
		p.pending = false
	}
	switch tag {
	case "a":
		fr.isLink = true
		f.links++
	case "article", "main":
		fr.isArticle = true
		f.articles++
	case "blockquote":
		fr.isQuote = true
		f.quotes++
		if len(f.figures) > 0 {
			f.frames[f.figures[len(f.figures)-1]].hasQuote = true
		}
	case "figure":
		fr.isFigure = true
		f.figures = append(f.figures, len(f.frames))
	}
	f.push(fr)
}

// droppedAtStart reports an element that is furniture by its name or its
// attributes.
func (f *furniture) droppedAtStart(tag string, z *html.Tokenizer, more bool) bool {
	switch {
	case skipped[tag]:
		return true
	case tag == "header" && f.articles == 0 && f.quotes == 0:
		return true // the page's header; an article's own holds its headline
	case tag == "footer" && f.quotes == 0:
		return true // the page's or the article's; a quotation's names its speaker
	case tag == "figcaption" && len(f.figures) == 0:
		return true
	}
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		switch key := string(k); {
		case key == "hidden":
			// until-found text is collapsed, not hidden: find-in-page opens it
			if !strings.EqualFold(strings.TrimSpace(string(v)), "until-found") {
				return true
			}
		case key == "aria-hidden":
			// a page hides its whole body from screen readers while a
			// dialog is open: only smaller elements are read as hidden
			if !exempt[tag] && strings.EqualFold(strings.TrimSpace(string(v)), "true") {
				return true
			}
		case key == "style":
			if hiddenByStyle(string(v)) {
				return true
			}
		case key == "class" || key == "id":
			if !exempt[tag] && isFurnitureName(string(v)) {
				return true
			}
		case strings.HasPrefix(key, "data-selfpromo") || strings.HasPrefix(key, "data-root-share"):
			return true
		}
	}
	return false
}

func (f *furniture) close(string, int) {
	n := len(f.frames) - 1
	fr := &f.frames[n]
	if fr.isLink {
		f.links--
	}
	if fr.isArticle {
		f.articles--
	}
	if fr.isQuote {
		f.quotes--
	}
	if fr.isFigure {
		f.figures = f.figures[:len(f.figures)-1]
	}
	defer func() { f.frames = f.frames[:n] }()
	if f.skipFrom >= 0 {
		if f.skipFrom == n {
			f.skipFrom = -1
		}
		return
	}
	var p *frame
	if n > 0 {
		p = &f.frames[n-1]
	}
	switch d := f.decide(fr); {
	case d == dropHeading:
		f.drop[fr.idx] = d
		if p != nil {
			p.pending = true
			p.headed = p.headed || p.text == 0
		}
		return
	case d != keep:
		f.drop[fr.idx] = d
		return
	}
	if p == nil {
		return
	}
	if fr.afterHeading && fr.text == 0 {
		p.pending = true // an empty element between a heading and its list
	}
	p.text += fr.text
	p.link += fr.link
	if !p.leadDone && len(fr.lead) > 0 {
		p.lead = appendCapped(p.lead, fr.lead)
		p.leadDone = fr.leadDone || block[fr.tag]
	}
	if fr.tag == "li" && (p.tag == "ul" || p.tag == "ol") {
		p.items++
		if fr.text > 0 && 10*fr.link >= 7*fr.text {
			p.linkItems++
		}
	}
}

// decide says what an element is, at its end.
func (f *furniture) decide(fr *frame) uint8 {
	if fr.isFigure && !fr.hasQuote {
		// a picture's caption; a figure holding a quotation, as the HTML
		// standard writes one with its attribution, stays
		return dropAll
	}
	if exempt[fr.tag] || !block[fr.tag] {
		return keep
	}
	// A heading is all of its element's text; a label starts it.
	if fr.text > 0 && fr.text <= leadCap && nonSpaceLen(fr.lead) == fr.text {
		if heading, _ := furniturePhrase(string(fr.lead)); heading {
			return dropHeading
		}
	}
	list := fr.tag == "ul" || fr.tag == "ol" || fr.tag == "dl"
	dense := fr.text > 0 && 2*fr.link >= fr.text
	if list || dense {
		if fr.afterHeading || fr.headed {
			return dropAll
		}
		if _, label := furniturePhrase(string(fr.lead)); label {
			return dropAll
		}
	}
	if list && fr.items >= 2 && 2*fr.linkItems > fr.items {
		return dropAll
	}
	return keep
}

func (f *furniture) lineBreak() {
	if f.skipFrom >= 0 {
		return
	}
	if t := f.top(); t != nil && len(t.lead) > 0 {
		t.leadDone = true
	}
}

func (f *furniture) text(raw []byte, _ int) {
	t := f.top()
	if f.skipFrom >= 0 || t == nil {
		return
	}
	// Counted as it will be read: character references decoded.
	var s []byte
	if bytes.IndexByte(raw, '&') >= 0 {
		s = []byte(html.UnescapeString(string(raw)))
	} else {
		s = raw
	}
	n := nonSpaceLen(s)
	if n == 0 {
		if len(t.lead) > 0 && !t.leadDone {
			t.lead = appendCapped(t.lead, " ")
		}
		return
	}
	t.text += n
	if f.links > 0 {
		t.link += n
	}
	t.pending = false
	if !t.leadDone {
		t.lead = appendCapped(t.lead, s)
	}
}

func appendCapped[S string | []byte](dst []byte, src S) []byte {
	if room := leadCap - len(dst); len(src) > room {
		src = src[:max(room, 0)]
	}
	return append(dst, src...)
}

// nonSpaceLen counts the bytes of s that are not white space.
func nonSpaceLen(s []byte) int {
	n := 0
	for len(s) > 0 {
		i := bytes.IndexFunc(s, isSpace)
		if i < 0 {
			return n + len(s)
		}
		n += i
		_, size := utf8.DecodeRune(s[i:])
		s = s[i+size:]
	}
	return n
}

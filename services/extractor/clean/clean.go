// Package textclean turns an article body (plain text or HTML) into the clean
// text the extractor reads: block elements become line breaks, entities are
// decoded, scripts, styles and marked boilerplate are dropped, whitespace is
// collapsed. Every byte of the clean text maps back to an offset in the input,
// so evidence spans can point into the original.
package clean

import (
	"errors"
	"io"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Doc is a cleaned text with its mapping back to the input.
type Doc struct {
	Text string
	// runs map ranges of Text to offsets in the input, sorted by Out.
	runs []run
}

// run says that Text[Out:Out+N] came from input offset In (byte for byte when
// Verbatim, otherwise from the input token starting at In).
type run struct {
	Out, In, N int
	Verbatim   bool
}

// InputOffset maps a byte offset in Text to a byte offset in the input.
func (d *Doc) InputOffset(off int) int {
	i := sort.Search(len(d.runs), func(i int) bool { return d.runs[i].Out+d.runs[i].N > off })
	if i == len(d.runs) {
		if len(d.runs) == 0 {
			return 0
		}
		r := d.runs[len(d.runs)-1]
		return r.In + r.N
	}
	r := d.runs[i]
	if off < r.Out {
		return r.In
	}
	if r.Verbatim {
		return r.In + off - r.Out
	}
	return r.In
}

// MaxDepth bounds the element nesting the cleaner tracks; deeper elements
// (junk, or thousands of unclosed tags) are read as if flat.
const MaxDepth = 4096

// builder accumulates lines of clean text.
type builder struct {
	doc      Doc
	text     strings.Builder
	line     strings.Builder
	lineRuns []run
	space    bool // a space is pending before the next text
	spaceIn  int
}

func (b *builder) addText(s string, in int, verbatim bool) {
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if isSpace(r) {
			if b.line.Len() > 0 && !b.space {
				b.space = true
				b.spaceIn = in
			}
			s = s[size:]
			if verbatim {
				in += size
			}
			continue
		}
		// the longest run of non-space bytes
		j := size
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if isSpace(r2) {
				break
			}
			j += sz
		}
		if b.space {
			b.lineRuns = append(b.lineRuns, run{Out: b.line.Len(), In: b.spaceIn, N: 1})
			b.line.WriteByte(' ')
			b.space = false
		}
		b.lineRuns = append(b.lineRuns, run{Out: b.line.Len(), In: in, N: j, Verbatim: verbatim})
		b.line.WriteString(s[:j])
		s = s[j:]
		if verbatim {
			in += j
		}
	}
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' || r == '\u200b' || r == 0xFEFF
}

// breakLine ends the current line, dropping it when it is boilerplate.
func (b *builder) breakLine() {
	b.space = false
	line := b.line.String()
	runs := b.lineRuns
	b.line.Reset()
	b.lineRuns = nil
	if line == "" || isBoilerplate(line) {
		return
	}
	base := b.text.Len()
	if base > 0 {
		b.doc.runs = append(b.doc.runs, run{Out: base, In: runs[0].In, N: 1})
		b.text.WriteByte('\n')
		base++
	}
	for _, r := range runs {
		r.Out += base
		b.doc.runs = append(b.doc.runs, r)
	}
	b.text.WriteString(line)
}

func (b *builder) finish() Doc {
	b.breakLine()
	b.doc.Text = b.text.String()
	return b.doc
}

var (
	dateLine   = regexp.MustCompile(`^\d{1,2}/\d{1,2}/\d{4}\s*-\s*\d{1,2}:\d{2}$`)
	urlLine    = regexp.MustCompile(`^(https?://\S+\s*)+$`)
	shareLine  = regexp.MustCompile(`(?i)^(分享|share|share this|tweet|打印|print)\s*[:：]?$`)
	promoStart = regexp.MustCompile(`(?i)^(获取更多RSS|更多RSS|Open a New Window|Related Links?|An official website of|Here's how you know|Official websites use|Secure \.gov websites|A \.gov website belongs|A lock \(|Skip to (main )?content|Cookie|We use cookies|Subscribe to|Sign up for|Follow us on|责任编辑|编辑[:：]|来源[:：]|版权所有|All rights reserved|Copyright ©|©)`)
	noReuse    = regexp.MustCompile(`未经.{0,12}(授权|许可).{0,12}不得`)
)

func isBoilerplate(line string) bool {
	if len(line) > 240 {
		return false // boilerplate lines are short; long ones are content
	}
	return dateLine.MatchString(line) || urlLine.MatchString(line) || shareLine.MatchString(line) ||
		promoStart.MatchString(line) || (strings.Contains(line, "未经") && noReuse.MatchString(line))
}

// skipped elements: their content is never text.
var skipped = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true,
	"iframe": true, "object": true, "button": true, "select": true, "textarea": true,
	"figcaption": true, "head": true, "title": true, "nav": true, "form": true,
	"share-button": true, "share-modal": true,
}

// block elements break lines.
var block = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "tr": true, "td": true, "th": true,
	"table": true, "hr": true, "section": true, "article": true, "blockquote": true, "figure": true,
	"header": true, "footer": true, "pre": true, "main": true, "aside": true, "body": true, "html": true,
	"center": true, "address": true, "caption": true,
}

// HTML cleans an HTML fragment or page.
func HTML(src string) (Doc, error) {
	z := html.NewTokenizer(strings.NewReader(src))
	z.SetMaxBuf(0)
	var b builder
	offset := 0
	skipDepth := 0 // >0 while inside a skipped element
	var stack []string
	depth := 0
	promo := false // after the feed promo footer nothing is text
	for {
		tt := z.Next()
		raw := z.Raw() // valid until the next call; Text() would unescape it in place
		start := offset
		offset += len(raw)
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); err != nil && !errors.Is(err, io.EOF) {
				return Doc{}, err
			}
			return b.finish(), nil
		case html.TextToken:
			if skipDepth > 0 || promo {
				continue
			}
			text := string(raw)
			if strings.Contains(text, "获取更多RSS") {
				promo = true
				continue
			}
			if strings.IndexByte(text, '&') < 0 {
				b.addText(text, start, true)
			} else {
				addDecoded(&b, text, start)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			boiler := false
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				key := string(k)
				if strings.HasPrefix(key, "data-selfpromo") || strings.HasPrefix(key, "data-root-share") ||
					(key == "class" && isBoilerClass(string(v))) {
					boiler = true
				}
			}
			if block[tag] {
				b.breakLine()
			}
			if tt == html.SelfClosingTagToken || voidElement[tag] {
				continue
			}
			if depth >= MaxDepth {
				continue // too deep to track: read what follows as flat text
			}
			depth++
			if skipDepth > 0 || skipped[tag] || boiler {
				skipDepth++
			}
			stack = append(stack, tag)
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if block[tag] {
				b.breakLine()
			}
			// pop to the matching open element, tolerating misnesting; a
			// stray end tag is looked for only near the top, so that junk
			// cannot make this quadratic
			for i := len(stack) - 1; i >= 0 && i >= len(stack)-64; i-- {
				if stack[i] == tag {
					n := len(stack) - i
					stack = stack[:i]
					depth -= n
					if skipDepth > 0 {
						skipDepth -= n
						if skipDepth < 0 {
							skipDepth = 0
						}
					}
					break
				}
			}
		}
	}
}

var voidElement = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true,
}

func isBoilerClass(v string) bool {
	v = strings.ToLower(v)
	for _, w := range []string{"share", "social", "caption", "promo", "newsletter", "related", "advert", "breadcrumb"} {
		if strings.Contains(v, w) {
			return true
		}
	}
	return false
}

// addDecoded adds a text token that holds character references: decoded runs
// of plain text stay verbatim, each reference maps to its own start.
func addDecoded(b *builder, raw string, in int) {
	for len(raw) > 0 {
		i := strings.IndexByte(raw, '&')
		if i < 0 {
			b.addText(raw, in, true)
			return
		}
		if i > 0 {
			b.addText(raw[:i], in, true)
			raw, in = raw[i:], in+i
		}
		// find the reference's end
		j := 1
		for j < len(raw) && j < 32 && raw[j] != ';' && raw[j] != '&' && raw[j] != '<' && !isASCIISpace(raw[j]) {
			j++
		}
		if j < len(raw) && raw[j] == ';' {
			j++
		}
		dec := html.UnescapeString(raw[:j])
		b.addText(dec, in, false)
		raw, in = raw[j:], in+j
	}
}

func isASCIISpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// Text cleans plain text: lines are trimmed, inner whitespace collapsed and
// boilerplate lines dropped.
func Text(src string) Doc {
	var b builder
	in := 0
	for _, line := range strings.SplitAfter(src, "\n") {
		b.addText(line, in, true)
		b.breakLine()
		in += len(line)
	}
	return b.finish()
}

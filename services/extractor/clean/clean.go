// Package clean turns an article body (plain text or HTML) into the clean
// text the extractor reads: block elements become line breaks, entities are
// decoded, whitespace is collapsed, and page furniture is dropped (scripts
// and styles, navigation, asides, captions, hidden elements, page headers and
// footers, related-story lists, tables of contents, share lines and other
// boilerplate), because text that is not the article's own produces claims
// nobody made. Every byte of the clean text maps back to an offset in the
// input, so evidence spans can point into the original.
package clean

import (
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
	// entries is set after a furniture heading ("Related stories", "目录"):
	// the short, unpunctuated lines that follow are its entries, not text.
	entries bool
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

// breakLine ends the current line, dropping it when it is boilerplate, a
// furniture heading or one of the entries under such a heading.
func (b *builder) breakLine() {
	b.space = false
	line := b.line.String()
	runs := b.lineRuns
	b.line.Reset()
	b.lineRuns = nil
	if line == "" {
		return
	}
	var buf [phraseBuf]byte
	norm, whole := normPhrase(buf[:0], line)
	if isBoilerplate(line) || (whole && matchShare(norm)) {
		return
	}
	if heading, label := matchPhrase(norm, whole); heading || label {
		b.entries = b.entries || heading
		return
	}
	if b.entries {
		if isEntry(line) {
			return
		}
		b.entries = false
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
	promoStart = regexp.MustCompile(`(?i)^(获取更多RSS|更多RSS|Open a New Window|Related Links?|An official website of|Here's how you know|Official websites use|Secure \.gov websites|A \.gov website belongs|A lock \(|Skip to (main )?content|Cookie|We use cookies|Subscribe to|Sign up for|Follow us on|责任编辑|编辑[:：]|来源[:：]|版权所有|All rights reserved|Copyright ©|©)`)
	noReuse    = regexp.MustCompile(`未经.{0,12}(授权|许可).{0,12}不得`)
	// promoAnywhere marks a short line that promotes the publisher wherever
	// the words stand: follow the author, subscribe, read more on the site.
	promoAnywhere = regexp.MustCompile(`(?i)在\s*(Twitter|Facebook|Instagram|X|微博|微信|脸书|推特).{0,40}关注|点击(此处|这里)|订阅.{0,12}(简报|新闻|邮件|电邮|通讯|newsletter)|阅读(更多新闻|今天的简报)|至您的邮箱|follow (him|her|them|the author) on|click here to|sign up to receive`)
)

// maxPromo is the longest line promoAnywhere may drop, in bytes: a
// sentence that only mentions subscribing is content.
const maxPromo = 150

func isBoilerplate(line string) bool {
	if len(line) > 240 {
		return false // boilerplate lines are short; long ones are content
	}
	return dateLine.MatchString(line) || urlLine.MatchString(line) ||
		promoStart.MatchString(line) || (strings.Contains(line, "未经") && noReuse.MatchString(line)) ||
		len(line) <= maxPromo && !strings.ContainsAny(line, "。！？") && promoAnywhere.MatchString(line)
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
// boilerplate lines dropped. Markdown bold markers (**UN Charter**) become
// spaces, byte for byte, so a name they wrap reads as a name and offsets
// still point into the input.
func Text(src string) Doc {
	var b builder
	in := 0
	lines := strings.SplitAfter(src, "\n")
	wrapped := hardWrapped(lines)
	for i, line := range lines {
		if strings.Contains(line, "**") {
			line = strings.ReplaceAll(line, "**", "  ")
		}
		b.addText(line, in, true)
		if !wrapped || !wrapsOn(line, lines, i) {
			b.breakLine()
		}
		in += len(line)
	}
	return b.finish()
}

// hardWrapped reports a text whose paragraphs are split by blank lines and
// whose lines are cut at a width (a speech copied from a PDF): most lines
// that another line follows end inside a sentence.
func hardWrapped(lines []string) bool {
	blank, inside, followed := 0, 0, 0
	for i, line := range lines {
		t := strings.TrimSpace(line)
		if t == "" {
			blank++
			continue
		}
		if i+1 >= len(lines) || strings.TrimSpace(lines[i+1]) == "" {
			continue
		}
		followed++
		if !endsSentence(t) {
			inside++
		}
	}
	return blank >= 3 && inside >= 10 && 2*inside >= followed
}

// wrapsOn reports a line of a hard-wrapped text that the next line
// continues: both hold text, this one is no short heading ("Mr. President,")
// and the next opens no list item.
func wrapsOn(line string, lines []string, i int) bool {
	t := strings.TrimSpace(line)
	if t == "" || i+1 >= len(lines) || utf8.RuneCountInString(t) < 25 {
		return false
	}
	next := strings.TrimSpace(lines[i+1])
	if next == "" || listItem.MatchString(next) {
		return false
	}
	return !endsSentence(t) || !unicode.IsUpper(firstRune(next))
}

var listItem = regexp.MustCompile(`^(\d{1,3}[.)]\s|[-•*–]\s|\(?[a-z]\)\s)`)

func endsSentence(t string) bool {
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".!?;:。！？；：”\"’)", r)
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

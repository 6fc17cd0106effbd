// Package segment wraps gse for Chinese word segmentation with the
// extractor's dictionary: the most frequent words of gse's simplified
// Chinese dictionary (zh_top.txt, the 81,667 entries of gse's s_1.txt with
// frequency >= 20) plus the gazetteer's names and the rule cues, loaded in
// one call because every gse load ends with a costly CalcToken.
package segment

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

//go:embed zh_top.txt
var zhTop string

// domainFreq is the frequency given to domain words so that the shortest
// path prefers them over splits into common words.
const domainFreq = 20000

// Segmenter segments Chinese text. It is safe for concurrent use once built:
// gse's segmentation only reads the dictionary.
type Segmenter struct {
	seg gse.Segmenter
}

// New loads the base dictionary plus words (names, cues) in one load.
func New(words []string) (*Segmenter, error) {
	var b strings.Builder
	b.Grow(len(zhTop) + 16*len(words))
	b.WriteString(zhTop)
	seen := make(map[string]bool, len(words))
	for _, w := range words {
		w = strings.TrimSpace(w)
		if w == "" || seen[w] || strings.ContainsAny(w, " \t\n") || utf8.RuneCountInString(w) < 2 {
			continue
		}
		seen[w] = true
		fmt.Fprintf(&b, "\n%s %d nz", w, domainFreq)
	}
	s := &Segmenter{}
	s.seg.SkipLog = true
	if err := s.seg.LoadDictStr(b.String()); err != nil {
		return nil, fmt.Errorf("loading gse dictionary: %w", err)
	}
	return s, nil
}

// Words calls fn for each word of the base dictionary (no domain words)
// with its frequency.
func Words(fn func(word string, freq int)) {
	rest := zhTop
	for rest != "" {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		n := 0
		for _, c := range f[1] {
			if c < '0' || c > '9' {
				n = -1
				break
			}
			n = n*10 + int(c-'0')
		}
		if n > 0 {
			fn(f[0], n)
		}
	}
}

// Segment returns gse's segments of text with byte offsets.
func (s *Segmenter) Segment(text []byte) []gse.Segment {
	return s.seg.Segment(text)
}

// Boundaries returns the set of word boundaries (byte offsets relative to
// text) that gse finds in text.
func (s *Segmenter) Boundaries(text string, into map[int]bool) {
	for _, sg := range s.seg.Segment([]byte(text)) {
		into[sg.Start()] = true
		into[sg.End()] = true
	}
}

// Package gazetteer finds the surface forms of a phrase dictionary (names of
// countries, organisations, people, places and topics, role titles, organs,
// rule cues and modifiers) in text with one Aho-Corasick pass.
//
// Latin phrases match case-insensitively on word boundaries, except short
// all-capital acronyms (US, UK, EU), which match only as written. Han
// phrases match anywhere; callers confirm word boundaries where it matters.
package gazetteer

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coregx/ahocorasick"
)

// Payload is what a phrase stands for: a kind chosen by the caller and an
// index into the caller's table of that kind.
type Payload struct {
	Kind uint8
	Ref  int32
}

type entry struct {
	text          string // as given
	key           string // as matched (lower-cased when Latin)
	latin         bool
	caseSensitive bool
	payloads      []Payload
}

// Builder collects phrases.
type Builder struct {
	byKey   map[string]int
	entries []entry
}

// NewBuilder returns an empty builder.
func NewBuilder() *Builder { return &Builder{byKey: make(map[string]int)} }

// Add registers phrase with payload p. Repeated phrases accumulate payloads.
func (b *Builder) Add(phrase string, p Payload) {
	phrase = strings.TrimSpace(phrase)
	if phrase == "" {
		return
	}
	latin := isLatin(phrase)
	key := phrase
	cs := false
	if latin {
		cs = isAcronym(phrase)
		key = lowerASCII(phrase)
	}
	if cs {
		key = "\x00cs" + phrase // keep acronyms apart from lower-case words
	}
	if i, ok := b.byKey[key]; ok {
		for _, q := range b.entries[i].payloads {
			if q == p {
				return
			}
		}
		b.entries[i].payloads = append(b.entries[i].payloads, p)
		return
	}
	b.byKey[key] = len(b.entries)
	b.entries = append(b.entries, entry{text: phrase, key: key, latin: latin, caseSensitive: cs, payloads: []Payload{p}})
}

// Len is the number of distinct phrases.
func (b *Builder) Len() int { return len(b.entries) }

// Build compiles the automaton.
func (b *Builder) Build() (*Matcher, error) {
	pats := make([]string, 0, len(b.entries))
	index := make([]int, 0, len(b.entries))
	seen := make(map[string]bool, len(b.entries))
	for i, e := range b.entries {
		k := lowerASCII(e.text)
		if e.latin && seen[k] {
			continue // an acronym and a word share the lower-cased pattern
		}
		seen[k] = true
		pats = append(pats, k)
		index = append(index, i)
	}
	// group entries by their lower-cased pattern
	alts := make(map[string][]int, len(b.entries))
	for i, e := range b.entries {
		k := lowerASCII(e.text)
		alts[k] = append(alts[k], i)
	}
	a, err := ahocorasick.NewBuilder().SetMatchKind(ahocorasick.LeftmostLongest).AddStrings(pats).Build()
	if err != nil {
		return nil, fmt.Errorf("building phrase automaton: %w", err)
	}
	m := &Matcher{ac: a, entries: b.entries, alts: make([][]int, len(pats))}
	for pi, k := range pats {
		m.alts[pi] = alts[k]
	}
	return m, nil
}

// Matcher finds phrases in text. It is safe for concurrent use.
type Matcher struct {
	ac      *ahocorasick.Automaton
	entries []entry
	alts    [][]int // per automaton pattern, the entries it can be
}

// Match is one phrase found in a text.
type Match struct {
	Start, End int
	Phrase     string
	Payloads   []Payload
}

// Find returns the leftmost-longest, non-overlapping phrase matches in text.
func (m *Matcher) Find(text string) []Match {
	hay := []byte(lowerASCII(text))
	found := m.ac.FindAll(hay, -1)
	out := make([]Match, 0, len(found))
	for _, f := range found {
		var pays []Payload
		phrase := ""
		for _, ei := range m.alts[f.PatternID] {
			e := &m.entries[ei]
			if e.latin {
				if !wordBoundary(text, f.Start, f.End) {
					continue
				}
				if e.caseSensitive && text[f.Start:f.End] != e.text {
					continue
				}
			}
			pays = append(pays, e.payloads...)
			if phrase == "" {
				phrase = e.text
			}
		}
		if len(pays) == 0 {
			continue
		}
		out = append(out, Match{Start: f.Start, End: f.End, Phrase: phrase, Payloads: pays})
	}
	return out
}

func wordBoundary(text string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if isWordRune(r) {
			return false
		}
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if isWordRune(r) {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool {
	return r < 0x250 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func isLatin(s string) bool {
	for _, r := range s {
		if r >= 0x250 && !unicode.IsPunct(r) && !unicode.IsSpace(r) && r != '’' {
			return false
		}
	}
	return true
}

func isAcronym(s string) bool {
	if len(s) > 5 || len(s) < 2 {
		return false
	}
	for _, r := range s {
		if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '.') {
			return false
		}
	}
	return true
}

// lowerASCII lower-cases ASCII letters only, so byte offsets are preserved.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 32
				}
			}
			return string(b)
		}
	}
	return s
}

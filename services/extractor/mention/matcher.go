// Package gazetteer finds the surface forms of a phrase dictionary (names of
// countries, organisations, people, places and topics, role titles, organs,
// rule cues and modifiers) in text with one pass over a phrase trie.
//
// Latin phrases match case-insensitively on word boundaries, except short
// all-capital acronyms (US, UK, EU), which match only as written. Han
// phrases match anywhere; callers confirm word boundaries where it matters.
package mention

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
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
func (b *Builder) Add(phrase string, p Payload) { b.add(phrase, p, false) }

// AddCased registers a Latin phrase that matches only as written: a family
// name ("Long", "Young") that is also a word.
func (b *Builder) AddCased(phrase string, p Payload) { b.add(phrase, p, true) }

func (b *Builder) add(phrase string, p Payload, cased bool) {
	phrase = strings.TrimSpace(phrase)
	if phrase == "" {
		return
	}
	latin := isLatin(phrase)
	key := phrase
	cs := false
	if latin {
		cs = isAcronym(phrase) || cased
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

// Build compiles the phrase trie.
func (b *Builder) Build() (*Matcher, error) {
	m := &Matcher{entries: b.entries, nodes: []node{{entry: -1}}}
	for i, e := range b.entries {
		n := int32(0)
		for _, r := range lowerASCII(e.text) {
			r = foldRune(r)
			next, ok := m.nodes[n].next[r]
			if !ok {
				if m.nodes[n].next == nil {
					m.nodes[n].next = make(map[rune]int32, 2)
				}
				next = int32(len(m.nodes))
				m.nodes[n].next[r] = next
				m.nodes = append(m.nodes, node{entry: -1})
			}
			n = next
		}
		// an acronym and a word can share a node: chain them
		if m.nodes[n].entry < 0 {
			m.nodes[n].entry = int32(i)
		} else {
			if m.alts == nil {
				m.alts = map[int32][]int32{}
			}
			m.alts[n] = append(m.alts[n], int32(i))
		}
	}
	if len(m.nodes) > 1<<30 {
		return nil, fmt.Errorf("phrase trie too large: %d nodes", len(m.nodes))
	}
	return m, nil
}

type node struct {
	next  map[rune]int32
	entry int32 // index into entries, or -1
}

// Matcher finds phrases in text. It is safe for concurrent use.
type Matcher struct {
	entries []entry
	nodes   []node
	alts    map[int32][]int32 // further entries ending at a node, by node
	// Later decides, for two Latin phrases where the second starts inside
	// the first and ends after it, whether the second is the one meant
	// ("the UN Charter": the charter); nil: only when the first opens on
	// "the" ("the UN Human Rights Council").
	Later func(first, second []Payload) bool
}

// Match is one phrase found in a text.
type Match struct {
	Start, End int
	Phrase     string
	Payloads   []Payload
}

// Find returns the leftmost-longest, non-overlapping phrase matches in text:
// at each position the longest phrase that is valid there (word boundaries
// for Latin phrases, case for acronyms) wins.
func (m *Matcher) Find(text string) []Match { return m.FindFunc(text, nil) }

// FindFunc is Find with a further test of each candidate span: a phrase
// that ok rejects (a Chinese name that cuts through a word) does not hide
// a shorter or later one.
func (m *Matcher) FindFunc(text string, accept func(start, end int) bool) []Match {
	var out []Match
	prevWord := false // the rune before i is a Latin letter or digit
	for i := 0; i < len(text); {
		r0, size0 := utf8.DecodeRuneInString(text[i:])
		best, bestEnd := -1, 0
		var bestPays []Payload
		if !(prevWord && isWordRune(r0)) {
			best, bestEnd, bestPays = m.longest(text, i, accept)
		}
		if best >= 0 && r0 < utf8.RuneSelf {
			// English heads come last: "the UN Charter" is the charter, not the
			// UN, when a phrase starting inside this one goes on after it
			for k := i + 1; k < bestEnd; k++ {
				if text[k-1] != ' ' {
					continue
				}
				if b, e, pays := m.longest(text, k, accept); b >= 0 && e > bestEnd && (m.Later != nil && m.Later(bestPays, pays) || k == i+4 && strings.EqualFold(text[i:k], "the ")) {
					// also "the UN Human Rights Council": an alias opening on "the" yields to the longer name after it
					i, best, bestEnd, bestPays = k, b, e, pays
					break
				}
			}
		}
		if best >= 0 {
			out = append(out, Match{Start: i, End: bestEnd, Phrase: m.entries[best].text, Payloads: bestPays})
			r, _ := utf8.DecodeLastRuneInString(text[:bestEnd])
			prevWord = isWordRune(r)
			i = bestEnd
			continue
		}
		prevWord = isWordRune(r0)
		i += size0
	}
	return out
}

// longest returns the longest phrase that starts at i (its entry, end and
// payloads), or -1.
func (m *Matcher) longest(text string, i int, accept func(start, end int) bool) (int, int, []Payload) {
	best, bestEnd := -1, 0
	var bestPays []Payload
	n := int32(0)
	for j := i; j < len(text); {
		r, size := utf8.DecodeRuneInString(text[j:])
		if r >= 'A' && r <= 'Z' {
			r += 32
		}
		r = foldRune(r)
		next, ok := m.nodes[n].next[r]
		if !ok {
			if nameDot(r) && j > i && hanAround(text, j, size) {
				j += size // 冯·德·莱恩 is 冯德莱恩: a transliteration's dots are optional
				continue
			}
			if r == ' ' && lineBreakHyphen(text, i, j) {
				j += size // "Secretary- General": a hyphen that ended a printed line
				continue
			}
			break
		}
		n = next
		j += size
		if m.nodes[n].entry >= 0 && (accept == nil || accept(i, j)) {
			if pays, phrase := m.valid(text, i, j, n); pays != nil {
				best, bestEnd, bestPays = phrase, j, pays
			}
		}
	}
	return best, bestEnd, bestPays
}

// lineBreakHyphen reports a hyphen right before text[j] that follows a
// letter of the phrase begun at i: "Guinea- Bissau", where a transcript kept
// the space of a line broken after the hyphen.
func lineBreakHyphen(text string, i, j int) bool {
	if j-2 < i || text[j-1] != '-' {
		return false
	}
	c := text[j-2]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// nameDot reports the dots that separate the parts of a transliterated name.
func nameDot(r rune) bool { return r == '·' || r == '•' || r == '・' || r == '‧' || r == '．' }

// hanAround reports Han characters on both sides of the rune at text[j:j+size].
func hanAround(text string, j, size int) bool {
	a, _ := utf8.DecodeLastRuneInString(text[:j])
	b, _ := utf8.DecodeRuneInString(text[j+size:])
	return unicode.Is(unicode.Han, a) && unicode.Is(unicode.Han, b)
}

// Lookup returns the payloads of phrase when it is in the dictionary as a
// whole (case-insensitively for Latin phrases).
func (m *Matcher) Lookup(phrase string) []Payload {
	n := int32(0)
	for _, r := range phrase {
		if r >= 'A' && r <= 'Z' {
			r += 32
		}
		r = foldRune(r)
		next, ok := m.nodes[n].next[r]
		if !ok {
			return nil
		}
		n = next
	}
	if m.nodes[n].entry < 0 {
		return nil
	}
	pays, _ := m.valid(phrase, 0, len(phrase), n)
	return pays
}

// valid returns the payloads of the entries at node n that may match
// text[i:j], and the first such entry.
func (m *Matcher) valid(text string, i, j int, n int32) ([]Payload, int) {
	first := -1
	e0 := &m.entries[m.nodes[n].entry]
	alts := m.alts[n]
	if !e0.latin && len(alts) == 0 {
		return e0.payloads, int(m.nodes[n].entry) // the common case: no copy
	}
	var pays []Payload
	check := func(ei int32) {
		e := &m.entries[ei]
		if e.latin {
			if !wordBoundary(text, i, j) {
				return
			}
			if e.caseSensitive && text[i:j] != e.text {
				return
			}
			if foldedLower(text[i:j], e.text) {
				return // "a male nurse" is not Malé
			}
		}
		if first < 0 {
			first = int(ei)
		}
		pays = append(pays, e.payloads...)
	}
	check(m.nodes[n].entry)
	for _, ei := range alts {
		check(ei)
	}
	return pays, first
}

// foldedLower reports a name with a diacritic (Malé) matched by a word
// written without it and in lower case: a common word, not the name.
func foldedLower(match, name string) bool {
	m, _ := utf8.DecodeRuneInString(match)
	n, _ := utf8.DecodeRuneInString(name)
	if !unicode.IsLower(m) || !unicode.IsUpper(n) {
		return false
	}
	for _, r := range name {
		if r >= 0xC0 && r <= 0x24F {
			return true
		}
	}
	return false
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
	upper, other := 0, false
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsDigit(r) || r == '.':
		case unicode.IsLower(r):
			other = true
		default:
			return false
		}
	}
	if other {
		return upper >= 2 // LeT, DoD: mixed case, never the word "let"
	}
	return upper >= 1
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

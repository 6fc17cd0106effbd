package token

import (
	"fmt"
	"strings"
)

// Patterns finds word sequences in tokens: rule cues ("express concern"),
// word classes ("according to", 双方). A pattern's words are lemmas for
// English and words for Chinese, each optionally with a part of speech
// ("support/V" matches the verb, not the noun). Between two words of a
// pattern, up to MaxGap modifiers may stand — adverbs, adjectives,
// determiners, possessives, negations, Chinese aspect particles ("express
// deep concern", "strongly and unequivocally condemn", 表示严重关切,
// 达成了共识) — so that a rule names a
// construction once instead of listing its variants.
//
// A word written ">agreement" is a look-ahead: it must stand within
// MaxAhead tokens after the words before it, with no punctuation between,
// but it is not part of the match ("sign >agreement" matches signed in
// "signed a free trade agreement"; in Chinese the word may end a longer
// token: 签署 >协议 finds 签署了合作协议). Look-ahead words come last.
type Patterns struct {
	first map[string][]int32
	pats  []pattern
}

type pattern struct {
	words []pword
	ref   int32
}

type pword struct {
	text  string
	pos   POS  // Other: any
	ahead bool // a look-ahead: required after the match, not part of it
}

// MaxAhead is how far a look-ahead word may stand after the match.
const MaxAhead = 8

// MaxGap is the most modifiers allowed between two words of a pattern.
const MaxGap = 4

// PatternMatch is one match: tokens [Start, End) and the pattern's ref.
type PatternMatch struct {
	Start, End int
	Ref        int32
	// Len is the number of pattern words (longer patterns win ties).
	Len int
}

// NewPatterns returns an empty set.
func NewPatterns() *Patterns { return &Patterns{first: map[string][]int32{}} }

var posCodes = map[string]POS{"V": Verb, "N": Noun, "A": Adj, "R": Adv, "P": Propn, "X": Aux}

// Add registers a pattern ("call on", "support/V", "表示 关切") with ref.
func (ps *Patterns) Add(src string, ref int32) error {
	fields := strings.Fields(strings.ToLower(src))
	if len(fields) == 0 {
		return fmt.Errorf("empty pattern")
	}
	p := pattern{ref: ref}
	for i, f := range fields {
		w := pword{text: f}
		if len(f) > 1 && f[0] == '>' {
			if i == 0 {
				return fmt.Errorf("pattern %q: a look-ahead word cannot come first", src)
			}
			w.text, w.ahead = f[1:], true
			f = w.text
		} else if i > 0 && p.words[i-1].ahead {
			return fmt.Errorf("pattern %q: look-ahead words come last", src)
		}
		if i := strings.LastIndexByte(f, '/'); i > 0 && i == len(f)-2 {
			pos, ok := posCodes[strings.ToUpper(f[i+1:])]
			if !ok {
				return fmt.Errorf("pattern %q: unknown part of speech %q", src, f[i+1:])
			}
			w.text, w.pos = f[:i], pos
		}
		p.words = append(p.words, w)
	}
	ps.first[p.words[0].text] = append(ps.first[p.words[0].text], int32(len(ps.pats)))
	ps.pats = append(ps.pats, p)
	return nil
}

// Len is the number of patterns.
func (ps *Patterns) Len() int { return len(ps.pats) }

// key is the form a token is matched by.
func key(t *Token) string {
	if t.Lemma != "" {
		return t.Lemma
	}
	return lower(t)
}

// lower is the token in lower case.
func lower(t *Token) string {
	if t.Lower != "" || t.Text == "" {
		return t.Lower
	}
	return strings.ToLower(t.Text)
}

// isModifier reports a token that may stand inside a pattern.
func isModifier(t *Token) bool {
	switch t.POS {
	case Adv, Adj, Det:
		return true
	case Pron:
		return t.Tag == "PRP$" // their, its, our
	case Part:
		l := lower(t)
		return l == "not" || l == "n't" || l == "n’t" || l == "了" || l == "过" // 达成了共识, 表示过反对
	case Conj:
		l := lower(t)
		return l == "and" || l == "和" // strongly and unequivocally
	}
	return false
}

// At calls fn for every pattern that matches starting at token i.
func (ps *Patterns) At(toks []Token, i int, fn func(PatternMatch)) {
	k := key(&toks[i])
	cands := ps.first[k]
	if l := lower(&toks[i]); l != k {
		if more := ps.first[l]; len(more) > 0 {
			// "alarmed" is a cue of its own beside the verb alarm
			cands = append(cands[:len(cands):len(cands)], more...)
		}
	}
	for _, pi := range cands {
		p := &ps.pats[pi]
		if !p.words[0].accepts(&toks[i]) {
			continue
		}
		j := i + 1
		ok := true
		for wi := 1; wi < len(p.words); wi++ {
			w := &p.words[wi]
			if w.ahead {
				if !w.ahead1(toks, j) {
					ok = false
					break
				}
				continue
			}
			k, gap := j, 0
			for k < len(toks) && !w.accepts(&toks[k]) && gap < MaxGap && isModifier(&toks[k]) {
				k++
				gap++
			}
			if k >= len(toks) || !w.accepts(&toks[k]) {
				ok = false
				break
			}
			j = k + 1
		}
		if ok {
			fn(PatternMatch{Start: i, End: j, Ref: p.ref, Len: len(p.words)})
		}
	}
}

// ahead1 reports look-ahead word w within MaxAhead tokens from j, before
// any punctuation.
func (w *pword) ahead1(toks []Token, j int) bool {
	for k := j; k < len(toks) && k < j+MaxAhead; k++ {
		t := &toks[k]
		if t.POS == Punct {
			return false
		}
		if w.accepts(t) || t.Lemma == "" && strings.HasSuffix(lower(t), w.text) && hasHan(w.text) {
			return true
		}
	}
	return false
}

func (w *pword) accepts(t *Token) bool {
	if key(t) != w.text && lower(t) != w.text {
		return false
	}
	if w.pos == Other {
		return true
	}
	if w.pos == Verb {
		return t.POS == Verb || t.POS == Aux
	}
	if w.pos == Noun {
		return t.POS == Noun || t.POS == Propn
	}
	return t.POS == w.pos
}

// Find returns the longest match at each position, left to right, without
// overlaps (a longer pattern wins over a shorter one starting at the same
// token).
func (ps *Patterns) Find(toks []Token) []PatternMatch {
	var out []PatternMatch
	for i := 0; i < len(toks); {
		var best PatternMatch
		found := false
		ps.At(toks, i, func(m PatternMatch) {
			if !found || m.Len > best.Len || (m.Len == best.Len && m.End > best.End) {
				best, found = m, true
			}
		})
		if found {
			out = append(out, best)
			i = best.End
			continue
		}
		i++
	}
	return out
}

// FindAll returns every match at every position (overlaps included).
func (ps *Patterns) FindAll(toks []Token) []PatternMatch {
	var out []PatternMatch
	for i := range toks {
		ps.At(toks, i, func(m PatternMatch) { out = append(out, m) })
	}
	return out
}

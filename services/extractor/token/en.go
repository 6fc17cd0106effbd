package token

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// English splits an English span of text (a sentence) into tokens the way
// the tagger's training data was split (Penn Treebank style): punctuation
// apart, clitics apart ("Russia's" → Russia 's, "don't" → do n't), hyphens
// inside words apart ("U.S.-Japan" → U.S. - Japan), abbreviations whole
// ("U.S.", "Mr."). base is the span's offset in the document. Tokens carry
// offsets and text; Tag, POS and Lemma are set by Tagger.Tag.
func English(text string, base int) []Token {
	var out []Token
	emit := func(s, e int) {
		if e > s {
			out = append(out, Token{Start: base + s, End: base + e, Text: text[s:e], Lower: strings.ToLower(text[s:e])})
		}
	}
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		j := i
		for j < len(text) {
			r2, sz := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r2) {
				break
			}
			j += sz
		}
		splitChunk(text, i, j, emit)
		i = j
	}
	return out
}

// openers and closers are peeled off the ends of a chunk.
const (
	openers = "([{\"'“‘«<*#$£€¥"
	closers = ")]}\"'”’»>,;:!?%*…"
)

func splitChunk(text string, s, e int, emit func(int, int)) {
	// leading punctuation, one mark a token
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:])
		if !strings.ContainsRune(openers, r) || (r == '\'' && e-s > 2 && isClitic(text[s:e])) {
			break
		}
		emit(s, s+size)
		s += size
	}
	// trailing punctuation, collected right to left
	var tail [][2]int
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if r == '.' {
			if isAbbrev(text[s:e]) {
				break
			}
			tail = append(tail, [2]int{e - size, e})
			e -= size
			continue
		}
		if !strings.ContainsRune(closers, r) {
			break
		}
		if (r == '\'' || r == '’') && e-size > s {
			// "parties'" is a possessive: keep the mark apart too
			tail = append(tail, [2]int{e - size, e})
			e -= size
			continue
		}
		tail = append(tail, [2]int{e - size, e})
		e -= size
	}
	splitInside(text, s, e, emit)
	for k := len(tail) - 1; k >= 0; k-- {
		emit(tail[k][0], tail[k][1])
	}
}

// splitInside splits a word at hyphens, dashes and slashes between letters
// and at a final clitic.
func splitInside(text string, s, e int, emit func(int, int)) {
	start := s
	for i := s; i < e; {
		r, size := utf8.DecodeRuneInString(text[i:])
		split := false
		switch r {
		case '—', '–', '/', '\\', '|', '…':
			split = true
		case '-':
			// between two letters (or a period and a letter: U.S.-Japan)
			split = i > start && i+size < e && !allDigits(text[start:i])
		}
		if split {
			splitClitic(text, start, i, emit)
			emit(i, i+size)
			start = i + size
		}
		i += size
	}
	splitClitic(text, start, e, emit)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

var clitics = []string{"n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"}

func isClitic(s string) bool {
	l := strings.ToLower(s)
	for _, c := range clitics {
		if l == c {
			return true
		}
	}
	return false
}

func splitClitic(text string, s, e int, emit func(int, int)) {
	w := strings.ToLower(text[s:e])
	for _, c := range clitics {
		if len(w) > len(c) && strings.HasSuffix(w, c) {
			cut := e - len(c)
			if c == "n't" || c == "n’t" {
				if strings.EqualFold(text[s:e], "can't") || strings.EqualFold(text[s:e], "can’t") {
					cut = s + 2 // ca n't
				}
			}
			emit(s, cut)
			emit(cut, e)
			return
		}
	}
	emit(s, e)
}

// abbrevs are words whose final period belongs to them.
var abbrevs = map[string]bool{
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "st.": true, "no.": true, "nos.": true, "vs.": true, "etc.": true,
	"jan.": true, "feb.": true, "mar.": true, "apr.": true, "jun.": true, "jul.": true, "aug.": true, "sep.": true, "sept.": true,
	"oct.": true, "nov.": true, "dec.": true, "gen.": true, "sen.": true, "rep.": true, "gov.": true, "lt.": true, "col.": true,
	"adm.": true, "amb.": true, "sec.": true, "dept.": true, "inc.": true, "ltd.": true, "co.": true, "corp.": true, "jr.": true,
	"sr.": true, "prof.": true, "hon.": true, "rt.": true, "e.g.": true, "i.e.": true, "approx.": true, "pres.": true,
}

// isAbbrev reports a word ending in a period that is part of it: a listed
// abbreviation, or initials such as U.S., U.N., D.C.
func isAbbrev(w string) bool {
	l := strings.ToLower(w)
	if abbrevs[l] {
		return true
	}
	// initials: letter '.' letter '.' …
	if len(w) >= 4 && len(w)%2 == 0 {
		for i := 0; i < len(w); i += 2 {
			if !(w[i] >= 'A' && w[i] <= 'Z' || w[i] >= 'a' && w[i] <= 'z') || w[i+1] != '.' {
				return false
			}
		}
		return true
	}
	// a single capital initial: "Antony J. Blinken"
	return len(w) == 2 && w[0] >= 'A' && w[0] <= 'Z'
}

// Package sentence splits clean text into sentences: Chinese at 。！？；
// (keeping a closing quote with its sentence) and English at . ! ? unless
// the period ends an abbreviation (Mr., U.S., Rt Hon, No., Jan.).
// Line breaks always end a sentence.
package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a sentence's byte range in the text.
type Span struct{ Start, End int }

var closers = "”’\"'）)」』】"

// Split returns the sentences of text, trimmed of surrounding spaces.
func Split(text string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && (text[s] == ' ' || text[s] == '\n') {
			s++
		}
		for e > s && (text[e-1] == ' ' || text[e-1] == '\n') {
			e--
		}
		if e > s {
			out = append(out, Span{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		next := i + size
		switch r {
		case '\n':
			emit(next)
		case '。', '！', '？', '；', '!', '?', ';':
			end := next
			for end < len(text) {
				c, sz := utf8.DecodeRuneInString(text[end:])
				if strings.ContainsRune(closers, c) || c == '。' || c == '！' || c == '？' {
					end += sz
					continue
				}
				break
			}
			if (r == '!' || r == '?' || r == ';') && end < len(text) && text[end] != ' ' && text[end] != '\n' {
				break // "Yahoo!" inside a word
			}
			if r != '；' && r != ';' && r != '。' && end > next && lowerAfter(text, end) {
				break // "Is this not …?" the minister asked: the sentence goes on
			}
			emit(end)
			next = end
		case '.':
			if englishStop(text, i) {
				end := next
				for end < len(text) && strings.ContainsRune(closers, rune(text[end])) {
					end++
				}
				emit(end)
				next = end
			}
		}
		i = next
	}
	emit(len(text))
	return capLength(text, joinLists(text, attributions(text, out)))
}

// MaxBytes bounds a sentence: a longer run of text without a sentence end
// (a table, junk) is cut into pieces so that no reading of it is quadratic.
const MaxBytes = 2048

// capLength cuts sentences longer than MaxBytes, preferring a comma or a
// space near the cut, always at a rune boundary.
func capLength(text string, spans []Span) []Span {
	var out []Span
	for _, sp := range spans {
		for sp.End-sp.Start > MaxBytes {
			cut := sp.Start + MaxBytes
			for i := cut; i > cut-256; i-- {
				if c := text[i-1]; c == ' ' || c == ',' || c == '\n' || strings.HasSuffix(text[:i], "，") || strings.HasSuffix(text[:i], "、") {
					cut = i
					break
				}
			}
			for cut > sp.Start && !utf8.RuneStart(text[cut]) {
				cut--
			}
			out = append(out, Span{sp.Start, cut})
			sp.Start = cut
		}
		out = append(out, sp)
	}
	return out
}

// IsBullet reports whether s starts with a list bullet.
func IsBullet(s string) bool {
	s = strings.TrimLeft(s, " \t")
	for _, b := range []string{"•", "·", "●", "▪", "◦", "- ", "* ", "– "} {
		if strings.HasPrefix(s, b) {
			return true
		}
	}
	return false
}

// joinLists joins list items to the sentence that introduces them
// ("committed to working together to:" • promote peace • tackle climate change).
func joinLists(text string, spans []Span) []Span {
	out := spans[:0]
	listOpen := false
	for _, sp := range spans {
		t := text[sp.Start:sp.End]
		if len(out) > 0 && listOpen && IsBullet(t) {
			out[len(out)-1].End = sp.End
			continue
		}
		listOpen = strings.HasSuffix(t, ":") || strings.HasSuffix(t, "：")
		out = append(out, sp)
	}
	return out
}

var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "no": true, "nos": true,
	"gen": true, "lt": true, "col": true, "maj": true, "capt": true, "sen": true, "rep": true, "gov": true,
	"hon": true, "rt": true, "jr": true, "sr": true, "inc": true, "ltd": true, "co": true, "corp": true,
	"vs": true, "etc": true, "e.g": true, "i.e": true, "a.m": true, "p.m": true, "u.s": true, "u.k": true,
	"u.n": true, "e.u": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "art": true, "para": true,
	"fig": true, "vol": true, "pp": true, "cf": true, "approx": true, "dept": true, "adm": true, "amb": true,
}

// englishStop reports whether the period at i ends a sentence.
func englishStop(text string, i int) bool {
	// what follows: end, or space(s) then an upper-case letter, digit or quote
	j := i + 1
	for j < len(text) && strings.ContainsRune(closers, rune(text[j])) {
		j++
	}
	if j >= len(text) {
		return true
	}
	if text[j] != ' ' && text[j] != '\n' {
		return false // 3.5, U.S.A, example.com
	}
	for j < len(text) && text[j] == ' ' {
		j++
	}
	if j < len(text) {
		r, _ := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLower(r) {
			return false
		}
	}
	// the word before the period
	k := i
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:k])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		k -= size
	}
	word := strings.ToLower(text[k:i])
	if abbrevs[word] {
		return false
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(text[k:i])
		if unicode.IsLetter(r) && r < 0x250 {
			return false // an initial: "J. Smith"
		}
	}
	return true
}

// lowerAfter reports a lower-case letter after the spaces at text[i:].
func lowerAfter(text string, i int) bool {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	return i < len(text) && text[i] >= 'a' && text[i] <= 'z'
}

// attributions joins a short Chinese line that only says who asked or
// said it (外交部发言人反问。) to the question or exclamation before it.
func attributions(text string, spans []Span) []Span {
	var out []Span
	for _, sp := range spans {
		if n := len(out); n > 0 {
			raw := text[out[n-1].Start:out[n-1].End]
			prev := strings.TrimRight(raw, closers)
			line := text[sp.Start:sp.End]
			quoted := strings.HasSuffix(prev, "。") && (strings.HasSuffix(raw, "”") || strings.HasSuffix(raw, "」")) // “……。”汪文斌说。
			if (strings.HasSuffix(prev, "？") || strings.HasSuffix(prev, "！") || quoted) && len(line) <= 45 && sp.Start-out[n-1].End <= 1 && saysWho(line) {
				out[n-1].End = sp.End
				continue
			}
		}
		out = append(out, sp)
	}
	return out
}

func saysWho(line string) bool {
	line = strings.TrimSuffix(line, "。")
	for _, v := range []string{"说", "反问", "问道", "质问", "表示", "称", "指出", "强调"} {
		if strings.HasSuffix(line, v) {
			return true
		}
	}
	return false
}

package token

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// zhTop is the base Chinese dictionary: the entries of gse's simplified
// dictionary (s_1.txt) with frequency >= 20, with gse's parts of speech.
//
//go:embed zh_top.txt
var zhTop string

// domainFreq is the frequency given to the extractor's own words (names,
// cues) so that the shortest path keeps them whole.
const domainFreq = 20000

// Word is a domain word for the Chinese dictionary: a name, a cue, a title.
type Word struct {
	Text string
	Tag  string // gse part of speech: nr, ns, nt, nz, v, n …
}

// Chinese segments Chinese text with gse. Safe for concurrent use once built:
// gse's segmentation only reads the dictionary.
type Chinese struct {
	seg    gse.Segmenter
	domain map[string]bool // the domain words, for regrouping (中 方向 → 中方 向)
}

// NewChinese loads the base dictionary plus the domain words, in one load
// (every gse load ends with a costly recount). drop, when set, leaves out
// base words it returns true for: compounds that would hide a cue or a
// name inside one token (坚决反对, 不支持).
func NewChinese(words []Word, drop func(string) bool) (*Chinese, error) {
	var b strings.Builder
	b.Grow(len(zhTop) + 20*len(words))
	if drop == nil {
		b.WriteString(zhTop)
	} else {
		rest := zhTop
		for rest != "" {
			line := rest
			if i := strings.IndexByte(rest, '\n'); i >= 0 {
				line, rest = rest[:i+1], rest[i+1:]
			} else {
				rest = ""
			}
			w := line
			if i := strings.IndexByte(line, ' '); i >= 0 {
				w = line[:i]
			}
			if !drop(w) {
				b.WriteString(line)
			}
		}
	}
	seen := make(map[string]bool, len(words))
	domain := make(map[string]bool, len(words))
	for _, w := range words {
		t := strings.TrimSpace(w.Text)
		if t == "" || seen[t] || strings.ContainsAny(t, " \t\n") || utf8.RuneCountInString(t) < 2 || !hasHan(t) {
			continue
		}
		seen[t] = true
		domain[t] = true
		tag := w.Tag
		if tag == "" {
			tag = "nz"
		}
		fmt.Fprintf(&b, "\n%s %d %s", t, domainFreq, tag)
	}
	c := &Chinese{domain: domain}
	c.seg.SkipLog = true
	if err := c.seg.LoadDictStr(b.String()); err != nil {
		return nil, fmt.Errorf("loading gse dictionary: %w", err)
	}
	return c, nil
}

// Tokens segments text (a sentence starting at document offset base).
// Runs of spaces are dropped; Latin words inside Chinese text are tokens of
// their own.
func (c *Chinese) Tokens(text string, base int) []Token {
	segs := c.seg.Segment([]byte(text))
	out := make([]Token, 0, len(segs))
	for _, s := range segs {
		w := text[s.Start():s.End()]
		if strings.TrimSpace(w) == "" {
			continue
		}
		tag := s.Token().Pos()
		if t, ok := zhTagFix[w]; ok {
			tag = t
		} else if tag == "x" && hasHan(w) {
			tag = "" // a word the dictionary lacks: no part of speech, never punctuation
		}
		if w == "来" && len(out) > 0 && sinceTime(&out[len(out)-1]) {
			tag = "u" // 几个月来, 多年来: "for months", no verb of coming
		}
		out = append(out, Token{Start: base + s.Start(), End: base + s.End(), Text: w, Lower: lowerIfLatin(w), Lemma: w, Tag: tag, POS: zhPOS(w, tag)})
	}
	return c.regroup(text, base, out)
}

// sinceTime reports a word of a span of time that 来 may follow as "for"
// or "since" (几个月来, 多年来, 近年来, 一周来): a time word, a number, or a
// word ending in a unit of time.
func sinceTime(t *Token) bool {
	if t.Tag == "t" || t.Tag == "m" || t.Tag == "mq" {
		return true
	}
	for _, u := range []string{"年", "月", "天", "日", "周", "星期", "期", "时间", "时期"} {
		if strings.HasSuffix(t.Text, u) {
			return true
		}
	}
	return false
}

// regroup moves the first character of a token onto a one-character token
// before it when that makes one of our words and leaves a base word:
// 中 方向 日方 → 中方 向 日方 (the path gse prefers through a common word
// that steals a character from a name). The other way, it moves the last
// character of a function word's compound onto a one-character token after
// it when that makes one of our words: 将会 晤 → 将 会晤, 对华 为 → 对 华为.
func (c *Chinese) regroup(text string, base int, toks []Token) []Token {
	for i := 1; i < len(toks); i++ {
		p, t := &toks[i-1], &toks[i]
		if utf8.RuneCountInString(p.Text) != 1 || p.End != t.Start || utf8.RuneCountInString(t.Text) < 2 {
			continue
		}
		_, n := utf8.DecodeRuneInString(t.Text)
		joined, rest := p.Text+t.Text[:n], t.Text[n:]
		if !c.domain[joined] || c.domain[t.Text] {
			continue
		}
		rt := joinerTag(rest)
		if rt == "" {
			continue // the rest must be a word that joins (向, 与, 对, 将): 库 珀斯 is not 库珀 斯
		}
		mid := t.Start + n
		pt := DictTag(joined)
		if pt == "" {
			pt = "nz"
		}
		*p, *t = zhToken(p.Start, mid, joined, pt), zhToken(mid, t.End, rest, rt)
	}
	for i := 1; i < len(toks); i++ {
		p, t := &toks[i-1], &toks[i]
		if utf8.RuneCountInString(t.Text) != 1 || p.End != t.Start || utf8.RuneCountInString(p.Text) < 2 {
			continue
		}
		// the last character of a function word's compound and the single
		// character after it make one of our words (又称 赞 → 又 称赞)
		_, n := utf8.DecodeLastRuneInString(p.Text)
		lead, joined := p.Text[:len(p.Text)-n], p.Text[len(p.Text)-n:]+t.Text
		if !c.domain[joined] {
			continue
		}
		lt := joinerTag(lead)
		if lt == "" {
			continue
		}
		mid := p.End - n
		jt := DictTag(joined)
		if jt == "" {
			jt = "v"
		}
		*p, *t = zhToken(p.Start, mid, lead, lt), zhToken(mid, t.End, joined, jt)
	}
	return toks
}

// joinerTag is the tag of a word that may stand by one of our words once
// regrouped: a function word of the dictionary (preposition, conjunction,
// adverb, verb, particle) or one of zhJoiners; "" for any other.
func joinerTag(w string) string {
	if t := DictTag(w); functionTag(t) {
		return t
	}
	return zhJoiners[w]
}

// zhToken is a Chinese word regrouped from start to end, with its tag.
func zhToken(start, end int, text, tag string) Token {
	return Token{Start: start, End: end, Text: text, Lower: text, Lemma: text, Tag: tag, POS: zhPOS(text, tag)}
}

// lowerIfLatin lower-cases a word with Latin letters; Han text has no case.
func lowerIfLatin(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// Segments returns the number of gse segments of text: the segmentation
// floor the extraction benchmark compares against.
func (c *Chinese) Segments(text []byte) int { return len(c.seg.Segment(text)) }

// zhAux are the modal and auxiliary verbs.
var zhAux = map[string]bool{"将": true, "应": true, "会": true, "要": true, "能": true, "可以": true, "应该": true, "应当": true,
	"必须": true, "须": true, "需要": true, "能够": true, "愿": true, "可": true, "将会": true, "不得": true, "务必": true}

// ChinesePOS maps a Chinese word and its dictionary tag to a coarse part
// of speech.
func ChinesePOS(w, tag string) POS { return zhPOS(w, tag) }

// zhPOS maps gse's part of speech (the ICTCLAS set) to a coarse one.
func zhPOS(w, tag string) POS {
	if zhAux[w] {
		return Aux
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.Is(unicode.Han, r) {
		switch {
		case unicode.IsDigit(r):
			return Num
		case unicode.IsLetter(r):
			return Propn
		}
		return Punct
	}
	if tag == "" {
		return Other
	}
	switch tag {
	case "nr", "ns", "nt", "nz", "nrt", "nrfg":
		return Propn
	case "vn":
		return Verb
	case "ad", "an":
		return Adj
	}
	switch tag[0] {
	case 'n', 't', 's', 'f':
		return Noun
	case 'v':
		return Verb
	case 'a', 'b':
		return Adj
	case 'd':
		return Adv
	case 'p':
		return Adp
	case 'c':
		return Conj
	case 'u', 'y', 'e', 'o':
		return Part
	case 'r':
		return Pron
	case 'm', 'q':
		return Num
	case 'w', 'x':
		return Punct
	}
	return Other
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// DictTag returns the part of speech the base dictionary gives a word, or "".
func DictTag(word string) string { return dictTags()[word] }

var dictTags = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, 90000)
	rest := zhTop
	for rest != "" {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if f := strings.Fields(line); len(f) >= 3 {
			m[f[0]] = f[2]
		}
	}
	return m
})

// DictWords calls fn for each word of the base dictionary with its frequency.
func DictWords(fn func(word string, freq int)) {
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

// functionTag reports a gse tag of a preposition, conjunction, adverb,
// auxiliary or verb: a word that may follow a name.
func functionTag(tag string) bool {
	return tag != "" && strings.ContainsRune("pcdvu", rune(tag[0]))
}

// zhTagFix are words the segmenter's dictionary tags wrongly for running
// text: 十分 and 万分 are degree adverbs (十分担忧 is "very worried", not
// "ten points of worry"), and so are 无端 and 一味 (无端指责, "accuse
// without grounds": no noun the party before it qualifies). Common words
// gse's counts leave out of the dictionary (its single characters are rare
// there) would come tagged "x", unknown: 并 joins predicates, 给 and 里 are
// a preposition and a localiser. Verbs of stance it tags as adverbs, nouns
// or names (反对 "d", 声援 "n", 祝贺 "nr") are verbs: 坚决反对美方做法 has no
// subject after 坚决.
var zhTagFix = map[string]string{"十分": "d", "万分": "d", "无端": "d", "一味": "d",
	"并": "c", "并不": "d", "给": "p", "里": "f", "过": "u", "却": "d", "才": "d", "没": "d",
	"可能会": "d", "很可能": "d", "报道称": "v", "据报道": "p", "消息人士": "n", "联合声明": "n", "离": "p", "回": "v", "出": "v",
	"问": "v", "开": "v", "查": "v", "选": "v", "两": "m", "万": "m", "亿": "m", "间": "f", "网": "n", "国": "n", "台": "n",
	"反对": "v", "同意": "v", "暂停": "v", "深化": "v", "信守": "v", "怪罪": "v", "力主": "v", "商定": "v", "声援": "v",
	"致力": "v", "祝贺": "v", "道贺": "v", "盛赞": "v", "歪曲": "v"}

// zhJoiners are one-character words that follow a party (中方向日方, 美方对此),
// with the gse tag they take when regrouped.
var zhJoiners = map[string]string{"向": "p", "与": "p", "和": "c", "同": "p", "对": "p", "将": "d", "在": "p", "就": "d",
	"也": "d", "还": "d", "已": "d", "都": "d", "并": "d", "又": "d", "则": "d", "从": "p", "把": "p", "被": "p",
	"给": "p", "跟": "p", "于": "p", "为": "p", "曾": "d", "要": "d", "会": "d"}

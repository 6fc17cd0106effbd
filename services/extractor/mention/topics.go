package mention

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/services/extractor/token"
)

// Topics are matched twice: as written (the phrase matcher), and by their
// head words in order with a few words between, so that one alias covers
// the ways a text words it: "a free, open, interconnected and secure
// Indo-Pacific" for "free and open Indo-Pacific", 在安全保障领域合作 for
// 安全合作.

// topicPhrase is a topic alias reduced to its content words.
type topicPhrase struct {
	topic string
	words []string // stems (English) or words (Chinese)
	// of marks the reading of a two-word English alias with its head
	// first and the modifier after "of": "sale of arms" for "arms sales".
	of bool
}

// maxTopicGap is how many tokens may stand between two words of a topic
// phrase (English), or how many characters (Chinese).
const (
	maxTopicGap   = 7
	maxTopicGapZh = 6
)

var topicStop = map[string]bool{"the": true, "of": true, "a": true, "an": true, "and": true, "to": true, "in": true, "on": true,
	"for": true, "with": true, "by": true, "its": true, "their": true, "or": true, "at": true, "from": true, "as": true}

// stem is the form English topic words are compared in: lower case, a
// plural's s dropped.
func stem(w string) string {
	w = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}

// CompileTopics prepares the head-word matching of topic aliases; split
// cuts a Chinese alias into words (the segmenter's).
func (f *Finder) CompileTopics(split func(string) []string) {
	f.fuzzyEn = map[string][]topicPhrase{}
	f.fuzzyZh = map[string][]topicPhrase{}
	f.fuzzyZhFirst = map[rune]int{}
	add := func(ent *lexicon.Entity) {
		names := ent.Names
		if extra := f.extraTopics[ent.ID]; len(extra) > 0 {
			// the rule files' phrases are matched by their words too
			names = map[string][]string{}
			for lang, ns := range ent.Names {
				names[lang] = ns
			}
			for lang, ns := range extra {
				names[lang] = append(append([]string{}, names[lang]...), ns...)
			}
		}
		for lang, names := range names {
			for _, n := range names {
				if lang == "en" {
					var ws []string
					toks := token.English(n, 0)
					for _, t := range toks {
						if s := stem(t.Text); !topicStop[s] && t.Text != "," && t.Text != "-" {
							ws = append(ws, s)
						}
					}
					if len(ws) >= 2 {
						f.fuzzyEn[ws[0]] = append(f.fuzzyEn[ws[0]], topicPhrase{topic: ent.ID, words: ws})
					}
					if len(ws) == 2 && len(toks) == 2 && toks[0].Text == strings.ToLower(toks[0].Text) {
						// a lower-case modifier and its head ("arms sales") read
						// also as "sales of arms"
						f.fuzzyEn[ws[1]] = append(f.fuzzyEn[ws[1]], topicPhrase{topic: ent.ID, words: []string{ws[1], ws[0]}, of: true})
					}
				} else if (lang == "zh" || lang == "zh-Hant") && utf8.RuneCountInString(n) >= 4 && split != nil {
					var ws []string
					for _, w := range split(n) {
						if w = strings.Trim(w, "“”《》\"、，的和与及"); w != "" {
							ws = append(ws, w)
						}
					}
					if len(ws) >= 2 {
						for _, v := range zhVariants(ws) {
							f.fuzzyZh[v[0]] = append(f.fuzzyZh[v[0]], topicPhrase{topic: ent.ID, words: v})
							r, _ := utf8.DecodeRuneInString(v[0])
							f.fuzzyZhFirst[r] = max(f.fuzzyZhFirst[r], utf8.RuneCountInString(v[0]))
						}
					}
				}
			}
		}
	}
	seen := map[*lexicon.Entity]bool{}
	for _, ent := range f.ents {
		if ent.Kind == lexicon.KindTopic && !seen[ent] {
			seen[ent] = true
			add(ent)
		}
	}
}

// zhSynonyms are words Chinese texts use for one another in the names of
// agreements, weapons and people (互惠准入协议 / 协定, 新一代 / 下一代战机).
var zhSynonyms = map[string][]string{
	"协议": {"协定"}, "协定": {"协议"}, "战斗机": {"战机"}, "战机": {"战斗机"}, "新一代": {"下一代"}, "下一代": {"新一代"},
	"公民": {"国民"}, "国民": {"公民"}, "撤离": {"撤出"}, "撤出": {"撤离"}, "加强": {"强化"}, "强化": {"加强"},
}

// zhVariants returns a phrase's words and the forms with one word swapped
// for a synonym.
func zhVariants(ws []string) [][]string {
	out := [][]string{ws}
	for i, w := range ws {
		for _, alt := range zhSynonyms[w] {
			v := slices.Clone(ws)
			v[i] = alt
			out = append(out, v)
		}
	}
	return out
}

// ofModifier finds the modifier w of an inverted alias after the head at
// token h: "of" or "of the" then w, a noun heading its own phrase, right
// after the head or after a second head coordinated with it ("sale or
// transfer of arms"). It returns w's token.
func ofModifier(toks []token.Token, stems []string, h int, w string) (int, bool) {
	k := h + 1
	if k+1 < len(toks) && (toks[k].Lower == "and" || toks[k].Lower == "or") {
		k += 2
	}
	if k >= len(toks) || toks[k].Lower != "of" {
		return 0, false
	}
	k++
	if k < len(toks) && toks[k].Lower == "the" {
		k++
	}
	if k >= len(toks) || stems[k] != w || toks[k].POS != token.Noun && toks[k].POS != token.Propn {
		return 0, false
	}
	if k+1 < len(toks) && (toks[k+1].POS == token.Noun || toks[k+1].Text == "-") {
		return 0, false // w modifies a noun of its own ("the crisis of climate change")
	}
	return k, true
}

// fuzzyTopics adds the topics a sentence names by head words, where no
// mention covers them yet.
func (d *Doc) fuzzyTopics(text string, s *Sentence, ms []Mention) []Mention {
	if s.Lang == "zh" {
		return d.fuzzyTopicsZh(text, s, ms)
	}
	f := d.f
	if len(f.fuzzyEn) == 0 {
		return ms
	}
	toks := s.Tokens
	stems := make([]string, len(toks))
	for i := range toks {
		stems[i] = stem(toks[i].Text)
	}
	for i := range toks {
		for _, tp := range f.fuzzyEn[stems[i]] {
			j, last := i, i
			ok := true
			for _, w := range tp.words[1:] {
				found := -1
				if tp.of {
					if k, ok := ofModifier(toks, stems, j, w); ok {
						found = k
					}
					if found < 0 {
						ok = false
						break
					}
					j, last = found, found
					continue
				}
				for k := j + 1; k < len(toks) && k <= j+maxTopicGap+1; k++ {
					if stems[k] == w {
						found = k
						break
					}
					if toks[k].IsVerbal() && toks[k].Tag != "VBN" && toks[k].Tag != "VBG" && toks[k].Lemma != "be" || toks[k].Text == ";" || toks[k].Text == "." {
						break
					}
				}
				if found < 0 {
					ok = false
					break
				}
				j, last = found, found
			}
			if !ok || i > 0 && toks[i-1].Text == "-" && toks[i-1].End == toks[i].Start {
				continue // "Saudi-Iran deal": the first word belongs to a compound
			}
			start, end := toks[i].Start, toks[last].End
			if overlapsTopic(ms, start, end) {
				continue // a topic named as written inside the span says more ("grain supplies as a weapon")
			}
			if overlapsAny(ms, start, end) {
				// keep the head word only: the topic's last word, where nothing else is;
				// else its first ("backing the M23 rebels": the rebels are a name)
				start = toks[last].Start
				if overlapsAny(ms, start, end) {
					start, end = toks[i].Start, toks[i].End
					if overlapsAny(ms, start, end) {
						continue
					}
				}
			}
			ms = append(ms, Mention{Kind: Topic, Start: start, End: end, Text: text[start:end], ID: tp.topic,
				How: text[start:end] + " → " + tp.topic + " (by its words)"})
		}
	}
	return ms
}

func (d *Doc) fuzzyTopicsZh(text string, s *Sentence, ms []Mention) []Mention {
	f := d.f
	if len(f.fuzzyZh) == 0 {
		return ms
	}
	st := text[s.Start:s.End]
	// at each character, the first words that start there, longest first
	for a := 0; a < len(st); {
		r0, size := utf8.DecodeRuneInString(st[a:])
		longest := f.fuzzyZhFirst[r0]
		if longest == 0 {
			a += size // no first word opens with this character
			continue
		}
		var buf [16]int
		ends := buf[:0]
		for e, n := a, 0; e < len(st) && n < min(longest, len(buf)); n++ {
			_, sz := utf8.DecodeRuneInString(st[e:])
			e += sz
			ends = append(ends, e)
		}
		for ei := len(ends) - 1; ei >= 0; ei-- {
			first := st[a:ends[ei]]
			tps := f.fuzzyZh[first]
			if len(tps) == 0 {
				continue
			}
			matched := false
			for _, tp := range tps {
				pos, ok := a+len(first), true
				for _, w := range tp.words[1:] {
					n := strings.Index(st[pos:], w)
					if n < 0 || utf8.RuneCountInString(st[pos:pos+n]) > maxTopicGapZh || strings.ContainsAny(st[pos:pos+n], "，。；：") {
						ok = false
						break
					}
					pos += n + len(w)
				}
				if !ok {
					continue
				}
				start, end := s.Start+a, s.Start+pos
				if touchesTopic(ms, start, end) {
					if !placeAt(ms, start, end) || !qualifiesTopics(ms, start, end) {
						continue // 海上安全合作: the topic named as written says which
					}
					// 台湾海峡持久和平与稳定: the place before a general topic
					// named as written makes it the specific one
					ms = slices.DeleteFunc(ms, func(m Mention) bool { return m.Kind == Topic && start < m.Start && m.End <= end })
				}
				if placeFirst(ms, start, end) {
					// 南海航行自由与安全: the place that opens the phrase names the topic's
					// setting, part of the topic's name
					ms = slices.DeleteFunc(ms, func(m Mention) bool { return m.Kind == Place && m.Start == start && m.End <= end })
				}
				if overlapsAny(ms, start, end) {
					// keep the last word only (防止中东局势升级: 升级)
					start = end - len(tp.words[len(tp.words)-1])
					if overlapsAny(ms, start, end) {
						continue
					}
				}
				ms = append(ms, Mention{Kind: Topic, Start: start, End: end, Text: text[start:end], ID: tp.topic,
					How: text[start:end] + " → " + tp.topic + " (by its words)"})
				matched = true
				break
			}
			if matched {
				break
			}
		}
		a += size
	}
	return ms
}

// placeAt reports a place mention that opens [a, b).
func placeAt(ms []Mention, a, b int) bool {
	for i := range ms {
		if m := &ms[i]; m.Kind == Place && m.Start == a && m.End < b {
			return true
		}
	}
	return false
}

// placeFirst reports that the only mention overlapping [a, b) is a place
// that opens it.
func placeFirst(ms []Mention, a, b int) bool {
	found := false
	for i := range ms {
		if m := &ms[i]; m.Start < b && a < m.End {
			if m.Kind != Place || m.Start != a || m.End > b {
				return false
			}
			found = true
		}
	}
	return found
}

// qualifiesTopics reports that every topic mention touching [a, b) lies
// inside it after its first word: the phrase is that topic with a qualifier
// before it.
func qualifiesTopics(ms []Mention, a, b int) bool {
	for i := range ms {
		if m := &ms[i]; m.Kind == Topic && m.Start < b && a < m.End && (m.Start <= a || m.End > b) {
			return false
		}
	}
	return true
}

// overlapsTopic reports a topic mention of ms inside [a, b).
func overlapsTopic(ms []Mention, a, b int) bool {
	for i := range ms {
		if ms[i].Kind == Topic && a <= ms[i].Start && ms[i].End <= b {
			return true
		}
	}
	return false
}

// touchesTopic reports a topic mention of ms overlapping [a, b).
func touchesTopic(ms []Mention, a, b int) bool {
	for i := range ms {
		if ms[i].Kind == Topic && ms[i].Start < b && a < ms[i].End {
			return true
		}
	}
	return false
}

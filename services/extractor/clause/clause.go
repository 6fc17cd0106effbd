// Package clause is the extractor's sixth stage: it reads the structure of
// a sentence that decides whose claim a cue states and whether it states
// one at all — clauses and what opens them (if, which, but, 如果), quotations
// and their speakers, reported speech (who says, alleges, denies or refuses
// what), and questions.
package clause

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/diplograph/diplograph/services/extractor/mention"
	"github.com/diplograph/diplograph/services/extractor/token"
)

// Speech classes: how a reporting verb presents what follows it.
const (
	Say     = "say"     // states its own position: said, stressed, 表示, 指出
	Allege  = "allege"  // characterises another's position: claimed, alleged, 声称, 宣称
	Accuse  = "accuse"  // accuses another: accused, blamed, 指责, 指控
	Deny    = "deny"    // denies: denied, rejected claims that, 否认
	Refuse  = "refuse"  // refuses to act: refused to, declined to, 拒绝 + verb
	Believe = "believe" // a judgement: believe, think, 认为, 相信 (the speaker's own position)
	Media   = "media"   // an outlet's report: according to, reported, 据…报道
)

// Words are the word classes the clause stage reads, by language; see
// rules/words.tsv.
type Words struct {
	// Speech maps a speech class to its verbs (lemmas; zh words).
	Speech map[string]*token.Patterns
	// Cond are the words that open a condition (if, unless, 如果, 一旦).
	Cond *token.Patterns
	// Sub are the words that open a subordinate or new clause after a
	// comma (which, while, but, 但是).
	Sub *token.Patterns
	// Refer are the words that point back to what was just told (对此,
	// 此举, this move).
	Refer *token.Patterns
}

// Clause is a stretch of a sentence with one predicate (or a list of them
// that share the clause's subject).
type Clause struct {
	Start, End int    // tokens [Start, End)
	Opener     string // the word that opens it (if, which, but, and, 如果), lower case, or ""
	Cond       bool   // a condition: if…, unless…, 如果…
	Relative   bool   // a relative clause: which…, who…
	Quote      int    // the quotation it lies in, or -1
}

// Report is a reporting verb and what it governs.
type Report struct {
	Verb    int    // token index of the verb
	Class   string // Say, Allege, Accuse, Deny, Refuse, Believe, Media
	Speaker int    // mention index of who speaks, or -1
	// From, To are the tokens it governs: what is said.
	From, To int
}

// Quote is a quotation and who says it.
type Quote struct {
	Start, End int // tokens inside the marks
	Speaker    int // mention index, or -1
	// From is the speaker of a quotation that began in an earlier sentence.
	From *mention.Mention
}

// Sentence is a sentence with its clause structure.
type Sentence struct {
	*mention.Sentence
	Clauses  []Clause
	Reports  []Report
	Quotes   []Quote
	Question bool
	// Open is a quotation still open at the sentence's end, and its
	// speaker: the next sentence continues it.
	Open     bool
	OpenFrom *mention.Mention
}

// ClauseOf returns the index of the clause holding token i.
func (s *Sentence) ClauseOf(i int) int {
	// clauses are in order and do not overlap: the last one starting at
	// or before i
	k := sort.Search(len(s.Clauses), func(k int) bool { return s.Clauses[k].Start > i }) - 1
	if k >= 0 && i < s.Clauses[k].End {
		return k
	}
	for k, c := range s.Clauses {
		if c.Start <= i && i < c.End {
			return k
		}
	}
	return len(s.Clauses) - 1
}

// ReportOver returns the innermost report that governs token i, or -1.
func (s *Sentence) ReportOver(i int) int {
	best := -1
	for k, r := range s.Reports {
		if r.From <= i && i < r.To {
			if best < 0 || r.To-r.From < s.Reports[best].To-s.Reports[best].From {
				best = k
			}
		}
	}
	return best
}

// FromOutlet reports an outlet's report: "according to", 据…报道, or a
// news outlet of the gazetteer as the speaker (苹果日报引述…指出): the
// outlet tells what others said; it holds no position of its own, and is
// no entity as its source.
func (s *Sentence) FromOutlet(r Report) bool {
	if r.Class == Media {
		return true
	}
	if r.Speaker < 0 {
		return false
	}
	m := &s.Mentions[r.Speaker]
	return m.Kind == mention.Actor && m.Outlet
}

// QuoteOf returns the quotation holding token i, or -1.
func (s *Sentence) QuoteOf(i int) int {
	for k, q := range s.Quotes {
		if q.Start <= i && i < q.End {
			return k
		}
	}
	return -1
}

// Parse reads the structure of one sentence; prev is the sentence before
// (nil for the first), whose open quotation this one may continue.
func Parse(ms *mention.Sentence, w *Words, prev *Sentence) *Sentence {
	s := &Sentence{Sentence: ms}
	s.quotes(prev)
	s.clauses(w)
	s.reports(w)
	s.question(w)
	return s
}

func isOpenQuote(t string) bool  { return t == "“" || t == "「" || t == "『" || t == "‘" }
func isCloseQuote(t string) bool { return t == "”" || t == "」" || t == "』" || t == "’" }

// quotes finds quotation marks and their spans, continuing a quotation
// the sentence before left open (“…。我谴责…。”).
func (s *Sentence) quotes(prev *Sentence) {
	toks := s.Tokens
	open := -1
	straight := -1
	var from *mention.Mention
	if prev != nil && prev.Open && s.NewPara && (len(toks) == 0 || !isOpenQuote(toks[0].Text)) {
		// a quotation left open at a paragraph's end that the next paragraph
		// does not open again (as a quotation running on over paragraphs
		// does) was never closed: it ends with its paragraph
		prev = nil
	}
	if prev != nil && prev.Open {
		open = -1
		from = prev.OpenFrom
		closeAt := len(toks)
		for i, t := range toks {
			if isCloseQuote(t.Text) {
				closeAt = i
				break
			}
		}
		s.Quotes = append(s.Quotes, Quote{Start: 0, End: closeAt, Speaker: -1, From: from})
		if closeAt == len(toks) {
			s.Open, s.OpenFrom = true, from
			return
		}
		toks = toks[:0:0]
		for i := closeAt + 1; i < len(s.Tokens); i++ {
			toks = append(toks, s.Tokens[i])
		}
		defer s.shiftQuotes(1, closeAt+1)
	}
	for i, t := range toks {
		switch {
		case isOpenQuote(t.Text) && open < 0:
			open = i
		case isCloseQuote(t.Text) && open >= 0:
			s.Quotes = append(s.Quotes, Quote{Start: open + 1, End: i, Speaker: -1})
			open = -1
		case t.Text == "\"" || t.Text == "''" || t.Text == "``":
			if straight < 0 {
				straight = i
			} else {
				s.Quotes = append(s.Quotes, Quote{Start: straight + 1, End: i, Speaker: -1})
				straight = -1
			}
		}
	}
	if open >= 0 && open+1 < len(toks) {
		// a quotation that runs on past the sentence
		s.Quotes = append(s.Quotes, Quote{Start: open + 1, End: len(toks), Speaker: -1})
		s.Open = true
	}
}

// shiftQuotes moves the quotations from index k on by off tokens (they were
// found in the tokens after a continued quotation closed).
func (s *Sentence) shiftQuotes(k, off int) {
	for i := k; i < len(s.Quotes); i++ {
		s.Quotes[i].Start += off
		s.Quotes[i].End += off
	}
}

func lower(t *token.Token) string {
	if t.Lemma != "" {
		return t.Lemma
	}
	return strings.ToLower(t.Text)
}

// asideEnd returns the dash that closes an aside opened by the dash at i
// (a pair of dashes a few words apart, nothing that ends a clause between),
// or -1.
func asideEnd(toks []token.Token, i int) int {
	for j := i + 2; j < len(toks) && j <= i+9; j++ {
		switch toks[j].Text {
		case toks[i].Text:
			if j+1 < len(toks) {
				return j
			}
			return -1
		case ";", ":", "!", "?", ".", "—", "–":
			return -1
		}
	}
	return -1
}

// isBreak reports punctuation that ends a clause.
func isBreak(t string) bool {
	switch t {
	case ";", "；", ":", "：", "，", "!", "！", "?", "？", "。", "—", "–":
		return true
	}
	return false
}

// clauses splits the sentence at clause punctuation and, in English, at a
// comma that opens a new clause (", which", ", while", ", but", ", and Y
// said") or before a subordinator (if, because).
func (s *Sentence) clauses(w *Words) {
	toks := s.Tokens
	start := 0
	opener := ""
	emit := func(end int) {
		if end > start {
			c := Clause{Start: start, End: end, Opener: opener, Quote: s.QuoteOf(start)}
			c.Cond = w.Cond != nil && opener != "" && matchesAt(w.Cond, toks, start) || opener == "should" ||
				opener == "" && s.condAfterSubject(w, start, end)
			c.Relative = opener == "which" || opener == "who" || opener == "whom" || opener == "whose" || opener == "where"
			s.Clauses = append(s.Clauses, c)
		}
		start, opener = end, ""
	}
	openerAt := func(i int) string {
		if i < len(toks) && w.Sub != nil && (matchesAt(w.Sub, toks, i) || w.Cond != nil && matchesAt(w.Cond, toks, i)) {
			return lower(&toks[i])
		}
		if s.InvertedShould(i) {
			return "should"
		}
		return ""
	}
	opener = openerAt(0)
	// a sentence that opens with a subordinate clause ("As Peru prepares
	// …, we will …", "When …, …", "Although …, …"): its first comma before a
	// subject and verb ends it
	leading := s.Lang == "en" && len(toks) > 0 && (opener != "" || leadingSub[toks[0].Lower] ||
		len(toks) > 1 && (toks[0].Lower == "just" || toks[0].Lower == "even") && (toks[1].Lower == "as" || toks[1].Lower == "though"))
	for i := 0; i < len(toks); i++ {
		t := toks[i].Text
		if s.Lang == "en" && t == "—" {
			if j := asideEnd(toks, i); j > 0 {
				i = j // "urge all nations — and we mean all nations — to uphold": an aside, the clause goes on
				continue
			}
		}
		switch {
		case s.Lang == "zh" && i > start && spaced(toks[i-1], toks[i]):
			// 中英叫停引渡协议 中方回应: a space between two headline phrases ends the first
			emit(i)
			opener = openerAt(i)
			i--
		case s.Lang == "zh" && (t == "，" || t == ",") && i+1 < len(toks) && toks[i+1].Text == "以及":
			// 法国对X的加剧，以及Y的恶化表示不安: 以及 after a comma goes on
			// listing what the clause speaks of, no new clause
		case isBreak(t) || t == "," && s.Lang == "zh":
			emit(i + 1)
			opener = openerAt(i + 1)
			leading = false
		case t == "," && leading && start == 0 && s.verbSoon(i+1):
			emit(i + 1)
			opener = openerAt(i + 1)
			leading = false
		case t == ",":
			if o := openerAt(i + 1); o != "" {
				emit(i + 1)
				opener = o
			} else if i+1 < len(toks) && (toks[i+1].Lemma == "and" || toks[i+1].Lemma == "but") && s.verbSoon(i+2) && !(toks[i+1].Lemma == "and" && s.stateList(start, i)) {
				// "…, and Secretary Blinken thanked Japan": a new clause
				emit(i + 1)
				opener = toks[i+1].Lemma
			}
		case s.Lang == "en" && i > start+2 && toks[i].Lower == "and" && i+1 < len(toks) && subjectPronouns[toks[i+1].Lower] && s.verbSoon(i+2):
			// "… appreciates Saudi Arabia's commitment and we thank Oman …": a
			// pronoun after "and" opens a clause with a subject of its own
			emit(i)
			opener = "and"
		case i > start && w.Cond != nil && matchesAt(w.Cond, toks, i) && s.Lang == "en" && !(toks[i].Lower == "if" && askVerbs[toks[i-1].Lemma]):
			// "…, unless …", "… if …": a condition that follows its main
			// clause ("to see if we can", "asked if": a question asked, no condition)
			emit(i)
			opener = lower(&toks[i])
		}
	}
	emit(len(toks))
	if len(s.Clauses) == 0 {
		s.Clauses = []Clause{{Start: 0, End: len(toks), Quote: -1}}
	}
}

// subjectPronouns can open a clause of their own after "and".
var subjectPronouns = map[string]bool{"we": true, "i": true, "they": true, "he": true, "she": true}

// stateList reports states or organisations listed with commas up to the
// comma at i, that open the sentence or follow a comma ("the United
// States, Costa Rica, and Panama signed"): the serial comma of one
// subject, no new clause.
func (s *Sentence) stateList(start, i int) bool {
	toks := s.Tokens
	items, j := 0, i // j: the first token of the list so far
	for e := i; ; {
		// the item that ends before e: names and articles, all of one party
		b := e
		for b > start && (toks[b-1].POS == token.Propn || toks[b-1].POS == token.Det || toks[b-1].Text == "." || toks[b-1].Text == "-") {
			b--
		}
		if b == e || !s.partyRun(b, e) {
			break
		}
		items, j = items+1, b
		if b == start || toks[b-1].Text != "," {
			break
		}
		e = b - 1
	}
	return items >= 2 && (j == 0 || toks[j-1].Text == ",")
}

// partyRun reports that the names in tokens [b, e) all belong to states or
// organisations (no title, no person, no other name).
func (s *Sentence) partyRun(b, e int) bool {
	named := false
	for x := b; x < e; x++ {
		if s.Tokens[x].POS != token.Propn {
			continue
		}
		m := s.MentionAt(x)
		if m < 0 || s.Mentions[m].Kind != mention.Actor || s.Mentions[m].Attr {
			return false
		}
		named = true
	}
	return named
}

// spaced reports two Chinese words with a space between them and nothing
// else: a headline's break between two phrases (Latin names keep theirs).
func spaced(a, b token.Token) bool {
	if b.Start <= a.End {
		return false
	}
	ra, _ := utf8.DecodeLastRuneInString(a.Text)
	rb, _ := utf8.DecodeRuneInString(b.Text)
	return unicode.Is(unicode.Han, ra) && unicode.Is(unicode.Han, rb)
}

// verbIn reports a verb among tokens [from, to).
func verbIn(toks []token.Token, from, to int) bool {
	for k := from; k < to; k++ {
		if toks[k].POS == token.Verb {
			return true
		}
	}
	return false
}

// askVerbs before "if" make it ask, not suppose: "committed to seeing if
// we can find a solution", "asked if", "I wonder if".
var askVerbs = map[string]bool{"see": true, "ask": true, "know": true, "wonder": true, "check": true, "determine": true,
	"decide": true, "assess": true, "explore": true, "test": true, "learn": true, "find": true}

// condAfterSubject reports a Chinese condition whose word follows the
// subject (拜登如果支持…, 美方一旦…): a condition as 如果 first would open.
func (s *Sentence) condAfterSubject(w *Words, start, end int) bool {
	if s.Lang != "zh" || w.Cond == nil {
		return false
	}
	for j := start + 1; j < end && j <= start+3; j++ {
		switch s.Tokens[j-1].POS {
		case token.Noun, token.Propn, token.Pron:
		default:
			return false
		}
		if matchesAt(w.Cond, s.Tokens, j) {
			return true
		}
	}
	return false
}

// InvertedShould reports an English "should" with its subject after it
// ("Should Russia attack, …", "…, should it choose to …"): a condition,
// as "if Russia attacks", not an obligation.
func (s *Sentence) InvertedShould(i int) bool {
	if s.Lang != "en" || i+2 >= len(s.Tokens) || s.Tokens[i].Lower != "should" {
		return false
	}
	switch n := &s.Tokens[i+1]; {
	case n.Lower == "it" || n.Lower == "they" || n.Lower == "he" || n.Lower == "she" || n.Lower == "we" || n.Lower == "there":
		return true
	case n.POS == token.Det && n.Lower == "the" || n.POS == token.Propn:
		return s.Tokens[i+2].POS != token.Punct
	}
	return false
}

// leadingSub open a sentence with a subordinate clause, besides the
// words.tsv subordinators: "As X celebrates …, we …".
var leadingSub = map[string]bool{"as": true, "after": true, "before": true, "once": true, "until": true}

// verbSoon reports a verb among the five tokens from i, before any comma.
func (s *Sentence) verbSoon(i int) bool {
	for k := i; k < len(s.Tokens) && k < i+6; k++ {
		t := &s.Tokens[k]
		if t.Text == "," {
			return false
		}
		if t.POS == token.Verb && t.Tag != "VBN" && t.Tag != "VBG" {
			return true
		}
	}
	return false
}

func matchesAt(ps *token.Patterns, toks []token.Token, i int) bool {
	found := false
	ps.At(toks, i, func(token.PatternMatch) { found = true })
	return found
}

// reports finds reporting verbs with their speakers and what they govern:
// "X said (that) …" and "X表示，…" govern the rest of the sentence; "…, X
// said." and "…”汪文斌说" govern what comes before; "according to X" and
// 据X报道 mark an outlet's report.
func (s *Sentence) reports(w *Words) {
	toks := s.Tokens
	// every speech verb of the sentence, found once
	type speech struct {
		class string
		m     token.PatternMatch
	}
	var all []speech
	for class, ps := range w.Speech {
		for _, pm := range ps.Find(toks) {
			all = append(all, speech{class, pm})
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].m.Start != all[j].m.Start {
			return all[i].m.Start < all[j].m.Start
		}
		return all[i].class < all[j].class
	})
	for _, sp := range all {
		class, pm := sp.class, sp.m
		{
			v := pm.Start
			if s.Lang == "en" && !toks[v].IsVerbal() && class != Media {
				continue // "the said agreement", "two-state solution"
			}
			if s.Lang == "en" && toks[v].Tag == "VBG" && (toks[v].Lemma == "regard" || toks[v].Lemma == "consider") && (v == 0 || !toks[v-1].IsVerbal()) {
				continue // "regarding North Korea, we …": a preposition, not a belief
			}
			if s.Lang == "zh" && class == Say && !s.opensClause(pm.End) {
				continue // 表示关切, 表示欢迎: a light verb with its stance, not reported speech
			}
			if s.Lang == "zh" && (v > 0 && toks[v-1].Text == "的" || v > 1 && toks[v-2].Text == "的" && (toks[v-1].POS == token.Adj || toks[v-1].POS == token.Verb || toks[v-1].POS == token.Adv)) {
				continue // 对于美国的无理指责，中方…: a noun (the accusation), not someone reporting
			}
			r := Report{Verb: v, Class: class, Speaker: -1}
			ci := s.ClauseOf(v)
			c := s.Clauses[ci]
			trailing := -1 // "…, Frederiksen said.": the speaker after a comma, right before the verb
			for k := range s.Mentions {
				if m := &s.Mentions[k]; m.TokEnd == v && m.IsParty() && !m.Attr && commaBefore(s, m.Tok) && onlyPunct(toks[pm.End:]) {
					trailing = k
				}
			}
			// the speaker: the first party of the verb's clause (the parties
			// coordinated with it are read with it), else (…, said X) the
			// party right after the verb
			for k := range s.Mentions {
				m := &s.Mentions[k]
				if m.TokEnd <= v && m.Tok >= c.Start && m.IsParty() && !m.Attr && !m.Venue && !afterPreposition(s, m) {
					r.Speaker = k
					break
				}
			}
			after := false
			quoteFirst := s.QuoteBefore(v)
			if quoteFirst {
				// “…,” said a Ukrainian official: the speaker follows the verb;
				// “…,” the Australian minister said: it stands between quote and verb
				r.Speaker = -1
				for k := range s.Mentions {
					m := &s.Mentions[k]
					if m.TokEnd <= v && m.Tok >= v-8 && m.IsParty() && !m.Attr && !m.Venue && !inQuote(s, m.Tok) {
						r.Speaker = k
					}
				}
			}
			pronounSubject := false // "we affirm Israel's right": the subject is "we", not the party after the verb
			for k := range s.Mentions {
				if m := &s.Mentions[k]; m.TokEnd <= v && m.Tok >= c.Start && (m.Kind == mention.Self || m.Kind == mention.Pronoun || m.Kind == mention.Collective) {
					pronounSubject = true
				}
			}
			if (r.Speaker < 0 && (s.Lang == "en" && !pronounSubject || quoteFirst)) || class == Media {
				for k := range s.Mentions {
					m := &s.Mentions[k]
					if m.Tok >= pm.End && m.Tok <= pm.End+3 && m.IsParty() && !m.Attr {
						r.Speaker, after = k, true
						break
					}
				}
			}
			if trailing >= 0 {
				r.Speaker = trailing
			}
			// what it governs
			content := !onlyPunct(toks[pm.End:])
			if after {
				content = !onlyPunct(toks[min(len(toks), s.Mentions[r.Speaker].TokEnd):])
			}
			if s.Lang == "zh" && class == Say && !quoteFirst && !content && c.Start > 0 && verbIn(toks, c.Start, v) {
				// 澳方呼吁调查，引发北京的愤怒回应; 中国以关闭领馆予以回应: a
				// clause that ends on a noun or verb of saying after acts of
				// its own tells an act; "…，他说" attributes what came before
				continue
			}
			switch {
			case class == Media:
				r.From, r.To = 0, len(toks)
			case quoteFirst, v > 0 && c.Start > 0 && !content, after && !content, !content && r.Speaker >= 0 && commaBefore(s, s.Mentions[r.Speaker].Tok):
				// "…, X said." / "“…”，他说": what came before
				r.From, r.To = 0, v
			default:
				r.From, r.To = pm.End, len(toks)
				// "X said that A, and Y said that B": up to the next report of the sentence
				for _, om := range all {
					o := om.m.Start
					if o > pm.End+2 && o < r.To && s.ClauseOf(o) != ci && s.Clauses[s.ClauseOf(o)].Opener != "" {
						r.To = s.Clauses[s.ClauseOf(o)].Start
					}
				}
			}
			// X妄称…，中方对此表示…, 美方宣布…，古巴外长对此予以谴责: a clause
			// whose subject answers what was just told is the answer, not part
			// of what X said or claimed
			for ci2 := range s.Clauses {
				c2 := s.Clauses[ci2]
				if c2.Start <= r.From || c2.Start >= r.To || c2.Start+1 >= len(toks) || w.Refer == nil {
					continue
				}
				if k := s.MentionAt(c2.Start); k < 0 || !s.Mentions[k].IsParty() && !s.Mentions[k].Attr {
					continue
				}
				answer := false
				for e := c2.Start + 1; e < len(toks) && e < c2.Start+7; e++ {
					if matchesAt(w.Refer, toks, e) {
						// 对此, 就此: an answer to it (美国的这一做法 is a subject naming the act)
						answer = strings.HasPrefix(toks[e].Text, "对") || strings.HasPrefix(toks[e].Text, "就")
						break
					}
					if toks[e].POS == token.Verb || toks[e].POS == token.Punct {
						break // the subject (古巴外长罗德里格斯) ends before its verb
					}
				}
				if answer {
					r.To = c2.Start
					break
				}
			}
			if s.Lang == "zh" && class != Media {
				// 美国指责中国违反协议，日本则呼吁双方对话: a later clause whose own
				// party takes its own stand is the narrator's again, not part of
				// what the speaker said (the first clause said is, whoever its subject)
				first := r.From
				for first < len(toks) && toks[first].POS == token.Punct {
					first++
				}
				// 美国宣布关闭…，中方予以谴责: what was said began with its verb (a
				// plan, no clause of its own), so a later party's stand is the narrator's
				complement := first == pm.End && first < len(toks) && toks[first].POS == token.Verb
				for ci2 := range s.Clauses {
					c2 := s.Clauses[ci2]
					if c2.Start <= first || c2.Start >= r.To || first >= len(toks) || s.ClauseOf(first) == ci2 {
						continue
					}
					if s.ownStand(c2.Start, r.Speaker, class == Accuse || complement) {
						r.To = c2.Start
						break
					}
				}
			}
			if class == Deny || class == Refuse {
				// "refused to condemn Russia but called for a ceasefire"
				for k := r.From; k < r.To; k++ {
					switch strings.ToLower(toks[k].Text) {
					case "but", "while", "whereas", "但", "但是", "而", "却":
						r.To = k
					}
				}
			}
			if r.To > r.From {
				s.Reports = append(s.Reports, r)
			}
		}
	}
	// a quotation's speaker: the speaker of the report that governs it
	for qi := range s.Quotes {
		q := &s.Quotes[qi]
		if q.From != nil {
			continue
		}
		for _, r := range s.Reports {
			if r.From <= q.Start && q.End <= r.To+1 && r.Speaker >= 0 {
				q.Speaker = r.Speaker
			}
		}
		if q.Speaker < 0 && s.Lang == "zh" {
			q.Speaker = s.speakerAfter(q.End + 1) // “……”赵立坚称
		}
	}
	if s.Open && s.OpenFrom == nil && len(s.Quotes) > 0 {
		if q := s.Quotes[len(s.Quotes)-1]; q.Speaker >= 0 {
			m := s.Mentions[q.Speaker]
			s.OpenFrom = &m
		}
	}
}

// speakerAfter finds the speaker named right after a Chinese quotation
// that closed before token i and the verb of saying after it (“……”汪文斌说,
// “……”，外长周一表示): the mention's index, or -1.
func (s *Sentence) speakerAfter(i int) int {
	toks := s.Tokens
	for i < len(toks) && (toks[i].Text == "，" || toks[i].Text == ",") {
		i++
	}
	k := s.MentionAt(i)
	if k < 0 || s.Mentions[k].Tok != i || !s.Mentions[k].IsParty() {
		return -1
	}
	for j := s.Mentions[k].TokEnd; j < len(toks) && j <= s.Mentions[k].TokEnd+2; j++ {
		if zhSaid[toks[j].Text] {
			return k
		}
		if toks[j].POS == token.Punct {
			break
		}
	}
	return -1
}

// zhSaid are the verbs that name the speaker after a quotation.
var zhSaid = map[string]bool{"说": true, "称": true, "表示": true, "指出": true, "强调": true, "说道": true, "补充说": true, "写道": true, "坦言": true}

// ownStand reports a Chinese clause at token i that opens with a party
// other than the speaker's, followed within a few adverbs by a verb of
// taking a stand: after an accusation any such clause (美国指责中国…，日本
// 呼吁…), after what was said one marked as a new turn (日本则呼吁…,
// 中方随即表示…), since what is said often tells another party's stand
// (特朗普称，中国支持拜登).
func (s *Sentence) ownStand(i, speaker int, accused bool) bool {
	k := s.MentionAt(i)
	if k < 0 || s.Mentions[k].Tok != i || !s.Mentions[k].IsParty() || s.Mentions[k].Attr || len(s.Mentions[k].IDs) == 0 {
		return false
	}
	if speaker >= 0 {
		for _, id := range s.Mentions[k].IDs {
			if slices.Contains(s.Mentions[speaker].IDs, id) {
				return false
			}
		}
	}
	marked := accused // after an accusation, any party taking its stand; after what was said, one marked as new (则, 随即)
	for e := s.Mentions[k].TokEnd; e < len(s.Tokens) && e < s.Mentions[k].TokEnd+4; e++ {
		t := s.Tokens[e].Text
		if standVerbs[t] {
			return marked
		}
		switch t {
		case "则", "随即", "随后", "同时", "则是", "亦", "也":
			marked = true
			continue
		}
		if s.Tokens[e].POS != token.Adv && s.Tokens[e].POS != token.Adj {
			return false // (坚决, 强烈: adjectives used as adverbs, 中方坚决反对)
		}
	}
	return false
}

// standVerbs are the Chinese verbs by which a party takes its own stand.
var standVerbs = map[string]bool{"呼吁": true, "敦促": true, "要求": true, "谴责": true, "批评": true, "指责": true, "表示": true,
	"称": true, "认为": true, "强调": true, "反对": true, "支持": true, "欢迎": true, "宣布": true, "决定": true, "承诺": true,
	"回应": true, "重申": true, "警告": true, "抗议": true, "驳斥": true, "否认": true, "予以": true}

// opensClause reports that what follows a Chinese reporting verb at token
// i is said: punctuation (，：“) or a clause with its own subject.
func (s *Sentence) opensClause(i int) bool {
	if i >= len(s.Tokens) {
		return true
	}
	switch s.Tokens[i].Text {
	case "，", "：", ":", ",", "“", "「", "。":
		return true
	case "必须", "应", "应该", "应当", "务必":
		return true // 强调必须遵守停火协议: an obligation with no subject of its own is what is said
	}
	for k := range s.Mentions {
		if s.Mentions[k].Tok == i || s.Mentions[k].Tok == i+1 {
			return true
		}
	}
	return s.Tokens[i].POS == token.Pron || s.Tokens[i].POS == token.Noun || s.Tokens[i].POS == token.Propn
}

// onlyPunct reports tokens that hold no word ("." or nothing), or only
// the words of a statement's manner ("in a statement", "on Monday").
func onlyPunct(toks []token.Token) bool {
	for _, t := range toks {
		if t.POS != token.Punct && t.Text != "." && !isCloseQuote(t.Text) {
			return false
		}
	}
	return true
}

// afterPreposition reports a mention right after "in", "at", "of", "with"
// and the like: a venue or an object, not a speaker.
func afterPreposition(s *Sentence, m *mention.Mention) bool {
	k := m.Tok - 1
	for k >= 0 && (s.Tokens[k].POS == token.Det || s.Lang == "en" && s.Tokens[k].POS == token.Adj) {
		k-- // "at the last General Assembly"
	}
	return k >= 0 && (s.Tokens[k].POS == token.Adp || s.Tokens[k].Text == "在" || s.Tokens[k].Text == "于")
}

// QuoteBefore reports a closing quotation mark right before token v (a
// comma between them allowed): “…,” he said.
func (s *Sentence) QuoteBefore(v int) bool {
	// “…,” the Australian foreign minister said: the speaker's words may stand between
	for k := v - 1; k >= 0 && k >= v-8; k-- {
		t := s.Tokens[k].Text
		if isCloseQuote(t) || t == "\"" || t == "''" {
			return !s.phraseQuoted(k)
		}
		if t != "," && t != "，" && t != "'s" && t != "’s" && !s.Tokens[k].IsNominal() && s.Tokens[k].POS != token.Det && s.Tokens[k].POS != token.Adj && s.MentionAt(k) < 0 {
			return false
		}
	}
	return false
}

// phraseQuoted reports the quotation that closes at token k as a phrase
// quoted inside a clause (谴责美国的“歪曲言论”，称…, its "illegal" plan):
// six tokens or fewer whose opening mark follows a word, not the start of
// the sentence or a punctuation mark, so no utterance a verb after it
// attributes.
func (s *Sentence) phraseQuoted(k int) bool {
	for _, q := range s.Quotes {
		if q.End != k || q.From != nil {
			continue
		}
		open := q.Start - 1
		return open >= 1 && s.Tokens[open-1].POS != token.Punct && q.End-q.Start <= 6
	}
	return false
}

// commaBefore reports a comma right before token i, or before the
// determiner that opens its phrase (", the Swiss foreign ministry said").
func commaBefore(s *Sentence, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch s.Tokens[k].Text {
		case ",", "，":
			return true
		}
		if s.Tokens[k].POS != token.Det {
			return false
		}
	}
	return false
}

// inQuote reports a token inside a quotation.
func inQuote(s *Sentence, i int) bool {
	for _, q := range s.Quotes {
		if q.Start <= i && i < q.End {
			return true
		}
	}
	return false
}

// question marks a sentence that asks: it ends with a question mark, or
// (in Chinese) with the particle 吗 or 呢.
func (s *Sentence) question(w *Words) {
	toks := s.Tokens
	for k := len(toks) - 1; k >= 0; k-- {
		t := toks[k].Text
		if isCloseQuote(t) || t == "\"" || t == "。" || t == "." {
			continue
		}
		s.Question = t == "?" || t == "？" || t == "吗" || t == "呢"
		break
	}
}

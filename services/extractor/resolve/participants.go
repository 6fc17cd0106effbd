package resolve

import (
	"slices"
	"strings"

	"github.com/diplograph/diplograph/services/extractor/clause"
	"github.com/diplograph/diplograph/services/extractor/frame"
	"github.com/diplograph/diplograph/services/extractor/mention"
	"github.com/diplograph/diplograph/services/extractor/token"
)

// leadSentences is how far into a text its parties are looked for.
const leadSentences = 8

// FindParticipants decides whose meeting or statement a text reports, from
// its first sentences (the title first): a compound (日英, 中美), parties
// named together (Japan-UK, "X and Y", X与Y, "The Foreign Ministers of A, B
// and C"), the two sides of a meeting ("A met B", A会见B, A与B举行会谈); and
// who issued it (a State Department release: the United States; 外交部发言人:
// China; a speech "on behalf of" a state).
func FindParticipants(m *frame.Matcher, sents []*clause.Sentence, joint bool) Participants {
	var p Participants
	met := false // the parties were found in a sentence that tells a meeting or call
	for i, s := range sents {
		if i >= leadSentences {
			break
		}
		if ids, how := compound(s); len(ids) >= 2 {
			p.IDs, p.How = ids, how
			met = meetingWords(m, s)
			break
		}
		if ids := namedTogether(s); len(ids) >= 2 && (i <= 1 && hasState(ids) || joint || meetingWords(m, s)) && !(i == 0 && joint && aboutInTitle(s, ids)) {
			p.IDs, p.How = ids, "named together in sentence "+itoa(i+1)
			met = meetingWords(m, s)
			if i == 0 && !joint && statementBy(s, ids) {
				// "Statement of A, B and C": the parties the title names issue it together
				joint = true
				p.How += ", the authors of the statement"
			}
			break
		}
		if ids := meeting(m, s); len(ids) >= 2 {
			p.IDs, p.How = ids, "the sides of the meeting in sentence "+itoa(i+1)
			met = true
			break
		}
	}
	if len(p.IDs) == 0 && len(sents) > 0 && headline(sents[0]) && !salutation(sents[0]) {
		// "G7 statement": a text headed by one organisation speaks as it
		var ids []string
		for _, m := range sents[0].Mentions {
			if m.Kind == mention.Actor && len(m.IDs) == 1 && !m.Venue && !addressedIn(sents[0], &m) && (sents[0].Lang != "en" || issuedBy(sents[0], &m)) {
				ids = append(ids, m.IDs[0])
			}
		}
		if ids = uniq(ids); len(ids) == 1 && strings.HasPrefix(ids[0], "org:") {
			p.IDs, p.How = ids, "the organisation the title names"
			p.Joint = true
			return p
		}
	}
	p.Joint = joint && len(p.IDs) >= 2
	p.Met = met
	p.Issuer, p.IssuerHow = issuer(sents)
	if p.Joint && strings.HasPrefix(p.IssuerHow, "the state a first-person") && !slices.Contains(p.IDs, p.Issuer) {
		// a joint statement's "we" are its parties: the state it names most is what it speaks of
		p.Issuer, p.IssuerHow = "", ""
	}
	p.Speech = strings.HasPrefix(p.IssuerHow, "a speech") || strings.HasPrefix(p.IssuerHow, "the state a first-person")
	if p.Issuer != "" && !p.Speech && len(p.IDs) == 0 && len(sents) > 0 && headline(sents[0]) {
		p.Addressee = titleState(sents[0], p.Issuer)
		p.AddresseeHow = "the one state the title of the issuer's message names"
	}
	if met && p.Issuer != "" && !p.Speech && len(p.IDs) >= 2 && !slices.Contains(p.IDs, p.Issuer) {
		// "Deputy Secretary Sherman spoke with her French, German, Italian
		// and UK counterparts": the issuer's official took part in the call
		p.IDs = append([]string{p.Issuer}, p.IDs...)
		p.How += ", with the issuer"
	}
	if ids, i := signatories(m, sents); len(ids) >= 2 {
		// "We are joined by Austria, Brazil, …": the issuer and those who joined it
		first := p.host()
		if first == "" {
			first = firstState(sents)
		}
		p.IDs, p.How, p.Joint = withHost(first, ids), "the states that joined the statement, sentence "+itoa(i+1), true
	}
	if ids, i := attendees(m, sents); len(ids) >= 2 {
		// "Participants joining the United States included A, B and C": the
		// host and those it lists took part, and "we", "participants" are all of them
		p.IDs, p.How, p.Joint, p.Met = withHost(p.host(), ids), "the participants the text lists, sentence "+itoa(i+1), true, true
	}
	if joint {
		if ids, i := members(m, sents); len(ids) >= 3 {
			// "The Friends of the Mekong includes: A, B, … and C": the group
			// the statement speaks for, its members all of it
			p.IDs, p.How, p.Joint = ids, "the members of the group the statement speaks for, sentence "+itoa(i+1), true
		}
	}
	if !p.Joint && len(p.IDs) >= 2 && p.Issuer == "" && strings.HasPrefix(p.How, "the sides of the meeting") {
		// a meeting reported by a third party: the parties speak together
		p.Joint = true
	}
	return p
}

// host is who a list of those who joined a text or a meeting joins: the
// issuer, else the first party found so far; "" when none.
func (p Participants) host() string {
	if p.Issuer != "" {
		return p.Issuer
	}
	if len(p.IDs) > 0 {
		return p.IDs[0]
	}
	return ""
}

// withHost puts host first among ids, once.
func withHost(host string, ids []string) []string {
	if host == "" {
		return ids
	}
	return uniq(append([]string{host}, ids...))
}

// signatories finds a list of states that joined a statement ("joined by
// A, B and C", 联署), anywhere in the text.
func signatories(m *frame.Matcher, sents []*clause.Sentence) ([]string, int) {
	for i, s := range sents {
		if !headOrFoot(i, len(sents)) {
			continue // a statement names who joined it at its head or its foot, not in the middle of a transcript
		}
		at := -1
		for k := range s.Tokens {
			if m.WordAt(s.Sentence, "signatories", k) && !treatySignatories(s, k) {
				at = k
				break
			}
		}
		if at < 0 {
			continue
		}
		ids, _ := partiesAfter(s, at)
		if len(ids) >= 2 && signatoryList(ids) {
			return ids, i
		}
	}
	return nil, -1
}

// attendees finds, at a text's head or foot, the sentence that lists who
// took part in a meeting ("Participants included A, B and C", 与会的有): two
// or more states or organisations named after the words that open the list,
// a state among them.
func attendees(m *frame.Matcher, sents []*clause.Sentence) ([]string, int) {
	for i, s := range sents {
		if !headOrFoot(i, len(sents)) {
			continue
		}
		at := openingWord(m, s, "attendees", 3) // the list opens its sentence
		if at < 0 || !partyNext(m, s, at) {
			continue
		}
		if ids, _ := partiesAfter(s, at); len(ids) >= 2 && hasState(ids) {
			return ids, i
		}
	}
	return nil, -1
}

// openingWord returns the first of a sentence's first limit+1 tokens where
// a phrase of the word class kind starts, or -1.
func openingWord(m *frame.Matcher, s *clause.Sentence, kind string, limit int) int {
	for k := range s.Tokens {
		if k > limit {
			break
		}
		if m.WordAt(s.Sentence, kind, k) {
			return k
		}
	}
	return -1
}

// partyNext reports a state or organisation named right after the attendees
// phrase that starts at token at (past "the" or a colon): "participants
// include mayors from A and B" lists people, not parties.
func partyNext(m *frame.Matcher, s *clause.Sentence, at int) bool {
	k := at + 1
	for k < len(s.Tokens) && !m.WordEndingAt(s.Sentence, "attendees", k) {
		k++
	}
	for k < len(s.Tokens) && (s.Tokens[k].Lower == "the" || s.Tokens[k].Text == ":" || s.Tokens[k].Text == "：") {
		k++
	}
	for _, mm := range s.Mentions {
		if mm.Tok == k && mm.Kind == mention.Actor && len(mm.IDs) > 0 && !mm.Attr {
			return true
		}
	}
	return false
}

// members finds, at a joint statement's head or foot, the sentence that
// lists the group's members ("The Group includes: A, B and C", 成员包括):
// three or more states or organisations, the sentence nothing else.
func members(m *frame.Matcher, sents []*clause.Sentence) ([]string, int) {
	for i, s := range sents {
		if !headOrFoot(i, len(sents)) {
			continue
		}
		at := openingWord(m, s, "members", 12) // the group is named first, in a few words
		if at <= 0 {
			continue
		}
		ids, covered := partiesAfter(s, at)
		// the list is the rest of the sentence: few words outside its names
		other := 0
		for k := at + 1; k < len(s.Tokens); k++ {
			if !covered[k] && s.Tokens[k].POS != token.Punct && !listGlue[s.Tokens[k].Lower] {
				other++
			}
		}
		if len(ids) >= 3 && other <= len(ids)/3 {
			return ids, i
		}
	}
	return nil, -1
}

// headOrFoot reports sentence i of n among the first twelve or the last
// five: where a statement names who joined it or who its members are.
func headOrFoot(i, n int) bool { return i < 12 || i >= n-5 }

// partiesAfter collects the states and organisations named after token at
// (no "Chinese", no modifier), once each, and marks the tokens they cover.
func partiesAfter(s *clause.Sentence, at int) ([]string, []bool) {
	var ids []string
	covered := make([]bool, len(s.Tokens))
	for _, mm := range s.Mentions {
		if mm.Tok > at && mm.Kind == mention.Actor && len(mm.IDs) > 0 && !mm.Attr {
			ids = append(ids, mm.IDs...)
			for k := mm.Tok; k < mm.TokEnd; k++ {
				covered[k] = true
			}
		}
	}
	return uniq(ids), covered
}

// listGlue are the words between the names of a list.
var listGlue = map[string]bool{"the": true, "and": true, "of": true, "as": true, "well": true, "和": true, "及": true, "以及": true, "与": true,
	"includes": true, "include": true, "comprises": true, "consists": true}

// signatoryList reports a list that states (and the EU or NATO) sign: a party or
// a body among them (中共, 国际奥委会) says the sentence tells of something
// else than who joined a statement.
func signatoryList(ids []string) bool {
	states := 0
	for _, id := range ids {
		switch {
		case !strings.Contains(id, ":"):
			states++
		case id != "org:eu" && id != "org:nato":
			return false
		}
	}
	return states >= 3 // (two states "signed" are most often a treaty's sides: the Minsk agreements)
}

// treatySignatories reports the signatories of a treaty, not of the
// text: 协议的原始签署国, "the signatories of the JCPOA", "signatories to".
func treatySignatories(s *clause.Sentence, k int) bool {
	j := k - 1
	for j >= 0 && j >= k-2 && (s.Tokens[j].POS == token.Adj || s.Tokens[j].Text == "原始" || s.Tokens[j].Text == "原") {
		j--
	}
	if j >= 0 && (s.Tokens[j].Text == "的" || s.Tokens[j].Text == "'s" || s.Tokens[j].Text == "’s") {
		return true
	}
	e := k + 1
	for e < len(s.Tokens) && e <= k+3 && !strings.EqualFold(s.Tokens[e].Text, "of") && !strings.EqualFold(s.Tokens[e].Text, "to") {
		e++
	}
	return e < len(s.Tokens) && e <= k+3 && strings.HasPrefix(strings.ToLower(s.Tokens[k].Text), "signator")
}

// firstState is the first state a text names as a party.
func firstState(sents []*clause.Sentence) string {
	for _, s := range sents {
		for _, m := range s.Mentions {
			if m.Kind == mention.Actor && len(m.IDs) == 1 && !strings.Contains(m.IDs[0], ":") && !m.Attr && !m.Venue {
				return m.IDs[0]
			}
		}
	}
	return ""
}

// salutation reports a first line that addresses someone ("Mr. President",
// "Excellencies", 尊敬的…): a speech's opening, not a title.
func salutation(s *clause.Sentence) bool {
	if len(s.Tokens) == 0 {
		return false
	}
	switch strings.ToLower(strings.TrimSuffix(s.Tokens[0].Text, ".")) {
	case "mr", "mrs", "ms", "madam", "madame", "excellencies", "excellency", "your", "distinguished", "dear", "尊敬的", "女士们", "先生们":
		return true
	}
	return false
}

// headline reports a first line that reads as a title: short, with no verb
// in the first or second person.
func headline(s *clause.Sentence) bool {
	if len(s.Tokens) > 15 || len(s.Tokens) > 0 && (s.Tokens[len(s.Tokens)-1].Text == "。" || s.Tokens[len(s.Tokens)-1].Text == ".") {
		return false // a title has no full stop
	}
	if len(s.Tokens) > 0 && (s.Tokens[len(s.Tokens)-1].Text == "," || salutations[strings.ToLower(strings.TrimSuffix(s.Tokens[0].Text, "."))]) {
		return false // "Mr. President,": a speech addresses the chair; no one heads it
	}
	for _, t := range s.Tokens {
		switch strings.ToLower(t.Text) {
		case "i", "we", "my", "our", "you", "我", "我们":
			return false
		}
	}
	return true
}

// titleState is the one state a title names other than the issuer
// ("Ghana's National Day"), or "" when it names none, several, or any
// other party.
func titleState(s *clause.Sentence, issuer string) string {
	found := ""
	for _, m := range s.Mentions {
		if !m.IsParty() || m.Venue || len(m.IDs) == 0 {
			continue
		}
		for _, id := range m.IDs {
			switch {
			case id == issuer:
			case strings.Contains(id, ":") || found != "" && found != id:
				return ""
			default:
				found = id
			}
		}
	}
	return found
}

// salutations open a line that addresses someone (Mr. President, Madam
// Chair, Excellencies).
var salutations = map[string]bool{"mr": true, "mister": true, "madam": true, "madame": true, "mrs": true, "ms": true,
	"excellencies": true, "excellency": true, "distinguished": true, "dear": true}

func hasState(ids []string) bool {
	for _, id := range ids {
		if !strings.Contains(id, ":") {
			return true
		}
	}
	return false
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// compound finds a mention that names several states at once (日英, 中美).
func compound(s *clause.Sentence) ([]string, string) {
	for _, m := range s.Mentions {
		if m.Kind == mention.Actor && len(m.IDs) >= 2 {
			return m.IDs, "compound " + m.Text
		}
	}
	return nil, ""
}

// namedTogether returns the longest run of parties joined by "and", "-",
// 与, 和, 、 or commas (Japan-UK, "Canada, France and Germany").
func namedTogether(s *clause.Sentence) []string {
	var best []string
	ms := s.Mentions
	for i := 0; i < len(ms); i++ {
		if !isNamed(&ms[i]) {
			continue
		}
		ids := slices.Clone(ms[i].IDs)
		prev := i
		for k := i + 1; k < len(ms); k++ {
			if !isNamed(&ms[k]) {
				if ms[k].Attr || ms[k].Kind == mention.Person && len(ms[k].IDs) == 0 {
					continue
				}
				break
			}
			if inBrackets(s, &ms[k]) {
				continue // Japan (JPN): the same party again
			}
			if s.Lang == "zh" && spacedApart(s, ms[prev].TokEnd, ms[k].Tok) {
				break // 澳大利亚告诉美国 与中国的关系…: a headline's space parts its phrases
			}
			gap := strings.TrimSpace(stripBrackets(gapText(s, ms[prev].TokEnd, ms[k].Tok)))
			gap = strings.TrimSpace(strings.TrimSuffix(gap, "the"))
			switch gap {
			case "-", "–", "—", "and", "&", "与", "和", "同", "/", ", and", "及", ",", "、", "，", "以及", "and the",
				"和 盟友", "和 亲密 盟友", "与 盟友", "与 亲密 盟友", "和 其 盟友", "与 其 盟友", "and its ally", "and its close ally":
				// 美国和亲密盟友澳大利亚: the ally is the other side
			default:
				k = len(ms)
				continue
			}
			ids = append(ids, ms[k].IDs...)
			prev = k
		}
		ids = uniq(ids)
		if len(ids) >= 2 && len(ids) > len(best) {
			best = ids
		}
	}
	return best
}

// spacedApart reports white space in the text between tokens from and to
// (Chinese writes none inside a phrase).
func spacedApart(s *clause.Sentence, from, to int) bool {
	if from <= 0 || to >= len(s.Tokens) || from > to {
		return false
	}
	n := 0
	for k := from; k < to; k++ {
		n += len(s.Tokens[k].Text)
	}
	return s.Tokens[to].Start-s.Tokens[from-1].End > n
}

// inBrackets reports a mention right after an opening bracket.
func inBrackets(s *clause.Sentence, m *mention.Mention) bool {
	return m.Tok > 0 && (s.Tokens[m.Tok-1].Text == "(" || s.Tokens[m.Tok-1].Text == "（")
}

// meetingWords reports a sentence with a meeting verb or a joint-statement word.
func meetingWords(m *frame.Matcher, s *clause.Sentence) bool {
	for i := range s.Tokens {
		if m.WordAt(s.Sentence, "meet", i) || m.WordAt(s.Sentence, "joint", i) || meetingNouns[s.Tokens[i].Lemma] {
			return true
		}
	}
	return false
}

// meetingNouns name a meeting in a title or a lead ("Japan-UK talks", 中美峰会).
var meetingNouns = map[string]bool{"talk": true, "talks": true, "summit": true, "meeting": true, "consultation": true, "dialogue": true,
	"会谈": true, "会晤": true, "峰会": true, "对话": true, "磋商": true, "通话": true}

// talksTopic reports a party named as what talks are about (就中国问题举行会谈,
// "talks on Iran"), not as a side.
func talksTopic(s *clause.Sentence, m *mention.Mention) bool {
	if m.Tok == 0 {
		return false
	}
	switch s.Tokens[m.Tok-1].Lower {
	case "就", "关于", "围绕", "针对", "on", "about", "regarding", "concerning", "over":
		return true
	}
	return false
}

func isNamed(m *mention.Mention) bool {
	return (m.Kind == mention.Actor || m.Kind == mention.Person) && len(m.IDs) > 0 && !m.Venue
}

// meeting finds the two sides of a meeting: a party, a meeting verb, and a
// party after it ("Blinken met with Holness", 王毅会见布林肯, A与B举行会谈).
func meeting(m *frame.Matcher, s *clause.Sentence) []string {
	toks := s.Tokens
	for i := range toks {
		if !m.WordAt(s.Sentence, "meet", i) {
			continue
		}
		var first, before, after []string
		for k := range s.Mentions {
			mm := &s.Mentions[k]
			if !isNamed(mm) || talksTopic(s, mm) {
				continue
			}
			if mm.TokEnd <= i && first == nil {
				first = mm.IDs
			}
			if mm.TokEnd <= i && len(before) == 0 || mm.TokEnd <= i && mm.Tok > 0 {
				before = mm.IDs
			} else if mm.Tok > i && after == nil {
				after = mm.IDs
			}
		}
		// A与B举行会谈: both before the verb
		if after == nil {
			var all []string
			for k := range s.Mentions {
				if mm := &s.Mentions[k]; isNamed(mm) && mm.TokEnd <= i && !talksTopic(s, mm) {
					all = append(all, mm.IDs...)
				}
			}
			if all = uniq(all); len(all) >= 2 {
				return all[len(all)-2:]
			}
			continue
		}
		if ids := uniq(append(slices.Clone(before), after...)); len(ids) >= 2 {
			return ids
		}
		// "Blinken traveled to Beijing for meetings with Xi": the place
		// gone to is the other side's; the side that went is the subject
		if ids := uniq(append(slices.Clone(first), after...)); len(ids) >= 2 {
			return ids
		}
	}
	return nil
}

// regimeAfter reports a ruler named as the label of a regime ("the
// Lukashenka regime", 卢卡申科政权): the text is about the regime, not
// issued by its head.
func regimeAfter(s *clause.Sentence, m *mention.Mention) bool {
	if m.TokEnd >= len(s.Tokens) {
		return false
	}
	switch strings.ToLower(s.Tokens[m.TokEnd].Text) {
	case "regime", "regime's", "regime’s", "政权", "当局":
		return true
	}
	return false
}

// issuer finds who issued the text: the state of a ministry spokesperson or
// press office named in its first lines, or the state a speech is given on
// behalf of ("on behalf of X", "my country, X", "my Government").
func issuer(sents []*clause.Sentence) (string, string) {
	for i, s := range sents {
		if i >= 4 {
			break
		}
		for _, m := range s.Mentions {
			if m.Kind == mention.Person && len(m.IDs) > 0 && (m.Role == "spokesperson" || m.Role == "press-secretary") {
				return m.IDs[0], m.Text
			}
			if m.Kind == mention.Actor && len(m.IDs) == 1 && !strings.HasPrefix(m.IDs[0], "org:") && strings.Contains(strings.ToLower(m.Text), "spokes") {
				return m.IDs[0], m.Text
			}
		}
		low := strings.ToLower(sentenceText(s))
		if strings.Contains(low, "office of the spokesperson") || strings.Contains(low, "department press briefing") {
			return "USA", "a State Department release"
		}
	}
	// a statement or a speech headed by one official (Antony J. Blinken,
	// Secretary of State): the official's state speaks in it; a byline of
	// a name and a title alone first, before a title that names an official
	// it speaks of ("Welcoming Israel's Prime Minister Yair Lapid")
	for i, s := range sents {
		if i >= 3 {
			break
		}
		if id := byline(s); id != "" {
			return id, headingOfficial
		}
	}
	for i, s := range sents {
		if i >= 3 {
			break
		}
		if !headline(s) {
			continue
		}
		var ids []string
		for _, m := range s.Mentions {
			if m.Kind == mention.Person && len(m.IDs) > 0 && m.Role != "" && !regimeAfter(s, &m) {
				ids = append(ids, m.IDs[0])
			}
		}
		if ids = uniq(ids); len(ids) == 1 && !strings.Contains(ids[0], ":") {
			return ids[0], headingOfficial
		}
	}
	for _, s := range sents {
		if k := speaksFor(s); k >= 0 {
			return s.Mentions[k].IDs[0], "a speech for " + s.Mentions[k].Text
		}
	}
	for _, s := range sents {
		if k := selfTitled(s); k >= 0 {
			return s.Mentions[k].IDs[0], "the state the speaker says they speak as or come from: " + s.Mentions[k].Text
		}
	}
	// a speech in the first person: the state it names most, by far
	first, counts, self, hostile := 0, map[string]int{}, map[string]int{}, map[string]int{}
	for _, s := range sents {
		ours := false   // the sentence speaks of "our" or "my" outside quotations
		firsts := false // the sentence has "I" or "we" as a subject
		for k, t := range s.Tokens {
			if s.QuoteOf(k) >= 0 {
				continue // a report quoting someone's "we" is no speech
			}
			switch strings.ToLower(t.Text) {
			case "my", "our":
				ours = true
				first++
			case "i", "we", "我", "我们", "我国":
				firsts = true
				first++
			}
		}
		for _, m := range s.Mentions {
			// the noun the state's name owns ("Cameroon's congratulations"), or ""
			owns := ""
			if m.TokEnd+1 < len(s.Tokens) && token.PossessiveMark(s.Tokens[m.TokEnd].Text) {
				owns = s.Tokens[m.TokEnd+1].Lemma
			}
			if m.Kind == mention.Actor && len(m.IDs) == 1 && !strings.HasPrefix(m.IDs[0], "org:") && weIn(s, m) {
				counts[m.IDs[0]] += 10 // "We in the Islamic Republic of Mauritania have …": the speaker's own
				self[m.IDs[0]]++
				continue
			}
			if m.Kind != mention.Actor || len(m.IDs) != 1 || strings.HasPrefix(m.IDs[0], "org:") || m.Venue {
				continue
			}
			if blamed(s, &m) {
				hostile[m.IDs[0]]++ // "Russian aggression", "the occupation by Israel", "Russia has launched …": what the speech speaks against
				continue
			}
			if ours && !m.Attr && owns != "" && !wrongNouns[owns] {
				counts[m.IDs[0]] += 6 // "Venezuela's sovereign rights over our territory": the speaker's own state
				continue
			}
			if urgedBySpeaker(s, m) {
				continue // "I urge the United States Government to …": the state the speech calls on, not its speaker
			}
			if aidedBySpeaker(s, m) {
				continue // "our support for Ukraine", "we will keep helping Ukraine": the state the speaker aids, not the speaker
			}
			if owned(s, m) || delegationOf(s, m) || pledgedBy(s, m) {
				counts[m.IDs[0]] += 10 // "our Palestinian people", "my country, Albania", "the Guinean delegation", "I renew Cameroon's support": the speaker's own
				self[m.IDs[0]]++
			} else if !m.Attr && opensOnItsStand(s, &m, firsts) {
				counts[m.IDs[0]] += 6 // "Norway stands by …", "The Dominican Republic is firmly committed": a speech names its own state taking its stand
				self[m.IDs[0]]++
			} else if m.Tok > 0 && !m.Attr && clauseOpen(s, m.Tok) && m.TokEnd+1 < len(s.Tokens) &&
				(selfVerbs[s.Tokens[m.TokEnd].Lemma] || selfVerbs[s.Tokens[afterAdverbs(s, m.TokEnd)].Lemma]) {
				counts[m.IDs[0]] += 6 // "suffice it to say that the Bahamas stands ready": the same, later in the sentence
				self[m.IDs[0]]++
			} else if greetingWords[owns] {
				counts[m.IDs[0]] += 6 // "extend Cameroon's warm congratulations": the speaker's own state greets
				self[m.IDs[0]]++
			} else if wrongNouns[owns] {
				counts[m.IDs[0]] -= 4 // "Russia's aggression": what the speech is about, not who gives it
				hostile[m.IDs[0]]++
			} else if !m.Attr && m.Tok > 0 && s.Tokens[m.Tok-1].POS == token.Adp {
				counts[m.IDs[0]]++ // "the people of Haiti", "the war in Ukraine": half, as likely what the speech speaks of
			} else if !m.Attr {
				counts[m.IDs[0]] += 2
			}
		}
	}
	for id, n := range hostile {
		if n >= 2 {
			// a state the speech twice charges with aggression, war or
			// occupation is what it speaks against, never who gives it
			delete(counts, id)
			delete(self, id)
		}
	}
	best, bestN, second := most(counts)
	// by far: twice the next, or, in a long speech that names its own state
	// again and again, half as often again as the state it speaks against
	if first >= 5 && bestN >= 6 && (bestN >= 2*second || bestN >= 60 && 2*bestN >= 3*second) {
		return best, "the state a first-person text names most"
	}
	// else the state the speech names as its own, taking its stand or as
	// ours, at least twice and twice as often as any other (a speech that
	// speaks much of a war elsewhere: "Finland supports …", "Finland works …")
	lead, leadN, next := best, bestN, second
	best, bestN, second = most(self)
	if first >= 5 && bestN >= 2 && bestN >= 2*second {
		return best, "the state a first-person text names as its own"
	}
	// else the state it names most, clearly if not by far (seven to five),
	// when it is named as its own at least once and no other state more often
	if first >= 5 && leadN >= 6 && 5*leadN >= 7*next && self[lead] >= 1 && self[lead] >= bestN {
		return lead, "the state a first-person text names most, clearly"
	}
	return "", ""
}

// byline returns the state of the one official a sentence of a name and a
// title alone names ("Antony J. Blinken, Secretary of State"), or "".
func byline(s *clause.Sentence) string {
	id := ""
	covered := make([]bool, len(s.Tokens))
	for _, m := range s.Mentions {
		if m.Kind != mention.Person || len(m.IDs) != 1 || strings.Contains(m.IDs[0], ":") || id != "" && m.IDs[0] != id {
			return ""
		}
		id = m.IDs[0]
		for k := m.Tok; k < m.TokEnd && k < len(covered); k++ {
			covered[k] = true
		}
	}
	for k, t := range s.Tokens {
		if !covered[k] && t.Text != "," && t.Text != "，" {
			return ""
		}
	}
	return id
}

// headingOfficial says where an issuer came from when an official's name
// and title head the text (Antony J. Blinken, Secretary of State).
const headingOfficial = "the official heading the text"

// aboutInTitle reports an English joint statement's headline that names
// the states after "Statement on" ("G7 Foreign Ministers' Statement on
// Russia and Ukraine"): what it is about, not who issues it.
func aboutInTitle(s *clause.Sentence, ids []string) bool {
	k := statementNoun(s)
	if k < 0 || k+1 >= len(s.Tokens) {
		return false
	}
	switch s.Tokens[k+1].Lower {
	case "on", "about", "regarding":
	default:
		return false // "Joint statement by the United States and the Philippines": its authors
	}
	for mk := range s.Mentions {
		if m := &s.Mentions[mk]; m.Tok > k && len(m.IDs) > 0 && slices.Contains(ids, m.IDs[0]) {
			return true
		}
	}
	return false
}

// statementBy reports an English title that names the parties as the
// authors of a statement, a declaration or a communiqué: right after "of",
// "by" or "from" ("Trilateral Statement of A, B and C", "Declaration by
// the Governments of A and B").
func statementBy(s *clause.Sentence, ids []string) bool {
	k := statementNoun(s)
	if k < 0 || k+1 >= len(s.Tokens) {
		return false
	}
	switch s.Tokens[k+1].Lower {
	case "of", "by", "from":
	default:
		return false
	}
	for mk := range s.Mentions {
		if m := &s.Mentions[mk]; m.Tok > k+1 {
			return m.Tok <= k+5 && len(m.IDs) > 0 && slices.Contains(ids, m.IDs[0])
		}
	}
	return false
}

// statementNoun returns the first "statement", "communiqué" or
// "declaration" of an English sentence, or -1.
func statementNoun(s *clause.Sentence) int {
	if s.Lang != "en" {
		return -1
	}
	for k, t := range s.Tokens {
		switch t.Lower {
		case "statement", "communiqué", "communique", "declaration":
			return k
		}
	}
	return -1
}

// issuedBy reports an English headline that names the organisation as the
// author of what follows: before "Statement", "Communiqué", "Declaration"
// ("G7 Foreign Ministers' Statement on …") or right after "by" ("Statement
// by NATO"). A headline that only names it as a subject ("On the ECOWAS
// Summit", "Sanctioning Hizballah Financiers") is the issuer's text about it.
func issuedBy(s *clause.Sentence, m *mention.Mention) bool {
	for k := m.TokEnd; k < len(s.Tokens); k++ {
		switch strings.ToLower(s.Tokens[k].Text) {
		case "statement", "communiqué", "communique", "declaration", "readout", "chair's", "chair’s":
			return true
		}
	}
	j := m.Tok - 1
	if j >= 0 && s.Tokens[j].Lower == "the" {
		j--
	}
	return j >= 0 && s.Tokens[j].Lower == "by"
}

// selfTitled finds the state the speaker says they speak as ("I appear
// before this forum as the President of Honduras", "as Türkiye, we …") or
// come from ("I come from Finland"): the mention index, or -1.
func selfTitled(s *clause.Sentence) int {
	if s.Lang != "en" {
		return -1
	}
	toks := s.Tokens
	first := false
	for k := range toks {
		if toks[k].Text == "I" || toks[k].Lower == "we" {
			first = true
		}
		if toks[k].Text == "I" && k+3 < len(toks) && (toks[k+1].Lemma == "come" || toks[k+1].Lower == "am") && toks[k+2].Lower == "from" {
			// "I come from Finland": where the speaker comes from speaks
			j := k + 3
			if toks[j].Lower == "the" && j+1 < len(toks) {
				j++
			}
			if mk := s.MentionAt(j); mk >= 0 && stateMention(s, mk, j) {
				return mk
			}
		}
		if !first || toks[k].Lower != "as" || s.QuoteOf(k) >= 0 || k > 0 && toks[k-1].Lower == "well" {
			continue // ("as well as the State of X")
		}
		j := k + 1
		if mk := s.MentionAt(j); mk >= 0 && stateMention(s, mk, j) {
			// "as Türkiye, we have been providing …": the speaker's own state
			if e := s.Mentions[mk].TokEnd; e+1 < len(toks) && toks[e].Text == "," && (toks[e+1].Text == "I" || toks[e+1].Lower == "we") {
				return mk
			}
		}
		if j < len(toks) && toks[j].Lower == "the" {
			j++
		}
		// up to three capitalised title words, then "of" and the state
		n := 0
		for j < len(toks) && n < 4 && capitalisedWord(toks[j].Text) && toks[j].Lower != "of" {
			j++
			n++
		}
		if n == 0 || n > 3 || j >= len(toks) || toks[j].Lower != "of" {
			continue
		}
		if !officeWords[toks[j-1].Lower] {
			continue
		}
		j++
		if j < len(toks) && toks[j].Lower == "the" {
			j++
		}
		if mk := s.MentionAt(j); mk >= 0 && stateMention(s, mk, j) {
			return mk
		}
	}
	return -1
}

// stateMention reports a state's mention that starts at token j.
func stateMention(s *clause.Sentence, mk, j int) bool {
	m := &s.Mentions[mk]
	return m.Kind == mention.Actor && m.Tok == j && len(m.IDs) == 1 && !strings.Contains(m.IDs[0], ":")
}

// officeWords end the titles of those who speak for a state.
var officeWords = map[string]bool{"president": true, "minister": true, "state": true, "government": true, "chancellor": true,
	"king": true, "queen": true, "emir": true, "sultan": true, "premier": true, "affairs": true, "representative": true,
	"ambassador": true, "leader": true, "monarch": true, "prince": true, "delegation": true}

// most returns the id counted most (the first in order on a tie), its
// count and the next highest count.
func most(counts map[string]int) (best string, bestN, second int) {
	for id, n := range counts {
		if n > bestN || n == bestN && id < best {
			best, bestN, second = id, n, bestN
		} else if n > second {
			second = n
		}
	}
	return best, bestN, second
}

// speaksFor finds the state a speech says it is given for: the one named
// right after "on behalf of" (the Government of, the people of), or set
// beside "my country", "my delegation", "my Government" (my country,
// Albania; Albania, my country; 我国…), or -1. A state named further off
// in such a sentence is what the speech is about ("my country joins the
// call for the withdrawal of Russian forces").
func speaksFor(s *clause.Sentence) int {
	toks := s.Tokens
	state := func(k int) bool {
		m := &s.Mentions[k]
		return m.Kind == mention.Actor && len(m.IDs) == 1 && !strings.HasPrefix(m.IDs[0], "org:") && !m.Venue && !m.Attr
	}
	for i := range toks {
		lo := toks[i].Lower
		var from int // where the state may begin
		switch {
		case lo == "behalf" && i+1 < len(toks) && toks[i+1].Lower == "of" && hasWord(s, firstPersonWords, speakingWords),
			lo == "message" && i+1 < len(toks) && (toks[i+1].Lower == "of" || toks[i+1].Lower == "from") && hasWord(s, firstPersonWords, nil) && conveyedBefore(toks, i):
			// "I am honoured to convey the message of President X": the state he heads
			from = i + 2
			// "on behalf of His Excellency President Patrice Talon": the state he heads
			for k := range s.Mentions {
				if m := &s.Mentions[k]; m.Kind == mention.Person && len(m.IDs) == 1 && m.Tok >= from && m.Tok <= from+4 &&
					(m.Role == "head-of-state" || m.Role == "head-of-government") {
					return k
				}
			}
		case (lo == "country" || lo == "delegation" || lo == "government") && i > 0 && toks[i-1].Lower == "my":
			from = i + 1
			// "Albania, my country": the state just before
			for k := range s.Mentions {
				if m := &s.Mentions[k]; state(k) && m.TokEnd+1 == i-1 && toks[m.TokEnd].Text == "," {
					return k
				}
			}
		case toks[i].Text == "我国" && s.Lang == "zh":
			for k := range s.Mentions {
				if m := &s.Mentions[k]; m.Kind == mention.Actor && len(m.IDs) == 1 && !strings.HasPrefix(m.IDs[0], "org:") && !m.Venue {
					return k // 立法院…我国: the state the sentence names
				}
			}
			continue
		default:
			continue
		}
		for k := range s.Mentions {
			m := &s.Mentions[k]
			if m.Tok < from || m.Tok > from+5 || !state(k) {
				continue
			}
			ok := true
			for j := from; j < m.Tok; j++ {
				switch toks[j].Lower {
				case ",", "the", "government", "people", "peoples", "citizens", "nation", "republic", "kingdom", "state", "of", "and", "my", "our",
					"delegation", "country", "entire", "whole", "，", "、":
				default:
					ok = false
				}
			}
			if ok {
				return k
			}
		}
	}
	return -1
}

// firstPersonWords make a sentence speak in the first person, as a speaker
// saying whom a speech is for does; speakingWords make it a sentence about
// speaking itself ("it is an honour to speak on behalf of …").
var (
	firstPersonWords = map[string]bool{"i": true, "we": true, "my": true, "our": true, "me": true, "myself": true, "us": true}
	conveyWords      = map[string]bool{"convey": true, "deliver": true, "read": true, "transmit": true, "bring": true}
	speakingWords    = map[string]bool{"speak": true, "address": true, "honour": true, "honor": true, "privilege": true, "greet": true, "greeting": true}
)

// hasWord reports a token of s whose lower-cased form is in forms or whose
// lemma is in lemmas.
func hasWord(s *clause.Sentence, forms, lemmas map[string]bool) bool {
	for _, t := range s.Tokens {
		if forms[t.Lower] || lemmas[t.Lemma] {
			return true
		}
	}
	return false
}

// conveyedBefore reports a verb of conveying a few words before the noun at
// i ("convey to the Assembly the message of"), not a message received.
func conveyedBefore(toks []token.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if conveyWords[toks[k].Lemma] && toks[k].IsVerbal() {
			return true
		}
	}
	return false
}

// selfVerbs, right after a state's name opening a sentence of a speech,
// show the speaker's own state taking its stand ("Norway stands by",
// "Estonia supports", "Ghana will").
var selfVerbs = map[string]bool{"support": true, "stand": true, "will": true, "remain": true, "continue": true, "call": true,
	"condemn": true, "welcome": true, "believe": true, "reaffirm": true, "reiterate": true, "join": true, "contribute": true,
	"reject": true, "urge": true, "strongly": true, "fully": true, "firmly": true, "also": true, "therefore": true,
	"commend": true, "attach": true, "recognize": true, "recognise": true, "share": true, "advocate": true, "seek": true, "acknowledge": true}

// wrongNouns, after a state's possessive, name what it is blamed for.
// greetingWords, after a state's possessive, are what the speaker's own
// state offers ("Cameroon's congratulations", "Malta's gratitude").
var greetingWords = map[string]bool{"congratulation": true, "congratulations": true, "gratitude": true, "appreciation": true,
	"condolence": true, "condolences": true, "thanks": true, "warm": true, "warmest": true, "sincere": true, "heartfelt": true, "deep": true, "deepest": true}

// clauseOpen reports token i opening a clause after "that", "and", "but",
// a comma or a semicolon (the determiner "the" may stand between).
func clauseOpen(s *clause.Sentence, i int) bool {
	k := i - 1
	if k >= 0 && s.Tokens[k].Lower == "the" {
		k--
	}
	if k < 0 {
		return true
	}
	switch s.Tokens[k].Lower {
	case "that", "and", "but", ",", ";", "so", "therefore", "thus", "why":
		return true
	}
	return false
}

// blamed reports a state named as the doer of a wrong: its adjective
// before a wrong or a weapon used on others ("Russian aggression", "Russian
// missiles"), after "by" following a wrong ("the occupation of our land by
// Israel"), or opening its sentence with a verb of harm ("Russia has
// attacked …", "Azerbaijan continues to shell …").
func blamed(s *clause.Sentence, m *mention.Mention) bool {
	if m.Attr && m.TokEnd < len(s.Tokens) && (wrongNouns[s.Tokens[m.TokEnd].Lemma] || forceNouns[s.Tokens[m.TokEnd].Lemma]) {
		return true
	}
	if m.Tok >= 2 && s.Tokens[m.Tok-1].Lower == "by" {
		for k := m.Tok - 2; k >= 0 && k >= m.Tok-5; k-- {
			if t := s.Tokens[k]; wrongNouns[t.Lemma] || harmVerbs[t.Lemma] {
				return true
			}
		}
	}
	if m.Tok == 0 && !m.Attr {
		for k := m.TokEnd; k < len(s.Tokens) && k < m.TokEnd+4; k++ {
			t := s.Tokens[k]
			if harmVerbs[t.Lemma] {
				return true
			}
			if t.POS != token.Aux && t.Lemma != "have" && t.Lemma != "continue" && t.Lemma != "to" && t.POS != token.Adv {
				break
			}
		}
	}
	return false
}

// forceNouns are what a state's adjective names as the doer of a wrong
// ("Russian missiles", "the Israeli occupiers"): weapons used on others
// and words for an aggressor, not a state's forces as such.
var forceNouns = map[string]bool{"missile": true, "drone": true, "bombing": true, "shelling": true, "artillery": true,
	"aggressor": true, "occupier": true, "invader": true, "terror": true}

// harmVerbs are verbs of harm done to others.
var harmVerbs = map[string]bool{"attack": true, "invade": true, "occupy": true, "bomb": true, "shell": true, "kill": true,
	"destroy": true, "annex": true, "violate": true, "deport": true, "massacre": true, "wage": true, "besiege": true,
	"starve": true, "murder": true, "torture": true, "abduct": true, "kidnap": true, "weaponize": true, "weaponise": true,
	"undermine": true, "block": true, "seize": true, "displace": true, "threaten": true}

// WrongNoun reports a noun naming a wrong done to others (war, aggression).
func WrongNoun(lemma string) bool { return wrongNouns[lemma] }

var wrongNouns = map[string]bool{"aggression": true, "war": true, "invasion": true, "occupation": true, "crime": true,
	"attack": true, "violation": true, "annexation": true, "blockade": true, "atrocity": true}

// owned reports a state named with a first-person possessive right before
// it ("our Palestinian people", "my Government of Albania").
func owned(s *clause.Sentence, m mention.Mention) bool {
	if m.TokEnd < len(s.Tokens) && kinWords[s.Tokens[m.TokEnd].Lemma] {
		return false // "our Malian brothers", "our Haitian friends": others the speaker stands by
	}
	for k := m.Tok - 1; k >= 0 && k >= m.Tok-2; k-- {
		switch strings.ToLower(s.Tokens[k].Text) {
		case "our", "my", "我们", "我国":
			return true
		}
	}
	return false
}

// delegationOf reports a state whose delegation speaks: "the Guinean
// delegation", "the delegation of Guinea" (a speech names only its own).
func delegationOf(s *clause.Sentence, m mention.Mention) bool {
	if m.TokEnd < len(s.Tokens) && s.Tokens[m.TokEnd].Lemma == "delegation" {
		return true
	}
	k := m.Tok - 1
	if k >= 0 && s.Tokens[k].Lower == "the" {
		k--
	}
	return k >= 1 && s.Tokens[k].Lower == "of" && s.Tokens[k-1].Lemma == "delegation"
}

// pledgedBy reports a state whose support the speaker renews in the first
// person: "I renew Cameroon's full support", "we reaffirm Chile's commitment".
func pledgedBy(s *clause.Sentence, m mention.Mention) bool {
	e := m.TokEnd
	if e >= len(s.Tokens) || !token.PossessiveMark(s.Tokens[e].Text) {
		return false
	}
	noun := false
	for k := e + 1; k < len(s.Tokens) && k <= e+3; k++ {
		if pledgeNouns[s.Tokens[k].Lemma] {
			noun = true
			break
		}
	}
	if !noun {
		return false
	}
	for k := m.Tok - 1; k >= 0 && k >= m.Tok-4; k-- {
		if pledgeVerbs[s.Tokens[k].Lemma] && wordBefore(s, k, 3, "i", "we") {
			return true
		}
	}
	return false
}

var pledgeNouns = map[string]bool{"support": true, "solidarity": true, "commitment": true, "readiness": true, "determination": true}
var pledgeVerbs = map[string]bool{"renew": true, "reiterate": true, "reaffirm": true, "express": true, "convey": true, "extend": true, "assure": true, "pledge": true, "confirm": true}

// weIn reports "we in X" (we in Mauritania, we in the Republic of X).
func weIn(s *clause.Sentence, m mention.Mention) bool {
	k := m.Tok - 1
	if k >= 0 && s.Tokens[k].Lower == "the" {
		k--
	}
	if k < 0 || s.Tokens[k].Lower != "in" || s.QuoteOf(k) >= 0 {
		return false
	}
	if k >= 1 && (s.Tokens[k-1].Lower == "we" || s.Tokens[k-1].Lower == "us") {
		return true
	}
	// "In Luxembourg, we decided …", "In Chile, and in line with that
	// pledge, we have …": a sentence that opens on the state and goes on in
	// the first person, before any other party, speaks from it
	e := m.TokEnd
	if k != 0 || e+1 >= len(s.Tokens) || s.Tokens[e].Text != "," {
		return false
	}
	for j := e + 1; j < len(s.Tokens) && j <= e+12; j++ {
		if s.Tokens[j].Lower == "we" {
			return true
		}
		if s.Tokens[j].POS == token.Verb || s.Tokens[j].POS == token.Aux || s.Tokens[j].POS == token.Propn {
			return false // "In Sudan, fighting goes on", "In Gaza, Israel …"
		}
	}
	return false
}

// opensOnItsStand reports a state that opens the sentence before its verb:
// "Norway stands by …", "Norway will continue" (any verb but a passive the
// state undergoes); with its article, "The Dominican Republic is firmly
// committed", only on a stance verb or, in a sentence that goes on with
// "we" or "I", any verb ("The Russian Federation has launched …" alone is
// what others do).
func opensOnItsStand(s *clause.Sentence, m *mention.Mention, firsts bool) bool {
	v := m.TokEnd
	if v+1 >= len(s.Tokens) {
		return false
	}
	verb := (s.Tokens[v].POS == token.Verb || s.Tokens[v].POS == token.Aux) && !undergoes(s, v)
	switch {
	case m.Tok == 0:
		return verb || selfVerbs[s.Tokens[v].Lemma] && !undergoes(s, v)
	case m.Tok == 1 && s.Tokens[0].Lower == "the" && v+2 < len(s.Tokens):
		return standsBy(s, v) || firsts && verb
	}
	return false
}

// afterAdverbs returns the first token from k on that is no adverb
// ("immediately acknowledged"), or k when only adverbs follow.
func afterAdverbs(s *clause.Sentence, k int) int {
	for j := k; j < len(s.Tokens); j++ {
		if s.Tokens[j].POS != token.Adv {
			return j
		}
	}
	return k
}

// standsBy reports a verb at k by which a state states its own stand: a
// verb of selfVerbs, or "is" before one of them or before committed,
// determined, convinced, ready.
func standsBy(s *clause.Sentence, k int) bool {
	if selfVerbs[s.Tokens[k].Lemma] {
		return true
	}
	if s.Tokens[k].Lemma != "be" || k+1 >= len(s.Tokens) {
		return false
	}
	switch n := s.Tokens[k+1]; n.Lower {
	case "committed", "determined", "convinced", "ready":
		return true
	default:
		return selfVerbs[n.Lemma]
	}
}

// undergoes reports a passive at k that the state before it undergoes
// ("Moldova was hit hardest", "the Israeli government has been accused of
// …"), not one that states its stand ("Iceland is committed to …", "is
// convinced that …", "is recognized as …").
func undergoes(s *clause.Sentence, k int) bool {
	if k < len(s.Tokens) && s.Tokens[k].Lemma == "have" {
		k++
	}
	if k >= len(s.Tokens) || s.Tokens[k].Lemma != "be" {
		return false
	}
	k++
	for k < len(s.Tokens) && s.Tokens[k].POS == token.Adv {
		k++
	}
	if k >= len(s.Tokens) || s.Tokens[k].Tag != "VBN" {
		return false
	}
	if k+1 >= len(s.Tokens) {
		return true
	}
	switch s.Tokens[k+1].Lower {
	case "to", "that", "as":
		return false // "is committed to", "is convinced that", "is recognized as a contributor"
	}
	return true
}

// kinWords after "our" and a demonym name others the speaker feels for.
var kinWords = map[string]bool{"brother": true, "sister": true, "brothers": true, "sisters": true, "friend": true, "friends": true,
	"neighbour": true, "neighbor": true, "neighbours": true, "neighbors": true, "brethren": true, "partner": true, "partners": true, "ally": true, "allies": true}

func sentenceText(s *clause.Sentence) string {
	var b strings.Builder
	for i, t := range s.Tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// urgedBySpeaker reports a state the speaker calls on in the first person
// ("I urge the Government of X", "we appeal to the people of X", "I call on
// X"): a few words after the call verb, with "I" or "we" right before it.
func urgedBySpeaker(s *clause.Sentence, m mention.Mention) bool {
	for k := m.Tok - 1; k >= 1 && k >= m.Tok-6; k-- {
		t := &s.Tokens[k]
		if !speakerCalls[t.Lemma] {
			continue
		}
		j := k - 1
		if j >= 1 && s.Tokens[j].POS == token.Adv { // "I once again urge"
			j--
		}
		return s.Tokens[j].Lower == "i" || s.Tokens[j].Lower == "we"
	}
	return false
}

// aidedBySpeaker reports a state the speaker says they aid: after a noun
// of aid that "our" or "my" owns ("our unwavering support for X", "our
// solidarity with the people of X") or after a verb of aid with "we" or "I"
// a few words before it ("we will continue to help X", "we stand with X").
func aidedBySpeaker(s *clause.Sentence, m mention.Mention) bool {
	k := m.Tok - 1
	for k >= 0 && (s.Tokens[k].Lower == "the" || s.Tokens[k].Lower == "people" || s.Tokens[k].Lower == "of" || s.Tokens[k].Lower == "government") {
		k-- // "with the people of X", "to the Government of X"
	}
	if k < 1 {
		return false
	}
	switch s.Tokens[k].Lower {
	case "for", "to", "with":
		// a noun of aid the speaker owns: "our (continued) support for"
		n := k - 1
		if aidNouns[s.Tokens[n].Lemma] {
			return wordBefore(s, n, 3, "our", "my")
		}
		if s.Tokens[k].Lower != "with" || s.Tokens[n].Lemma != "stand" {
			return false
		}
		k = n // "we stand with X"
	default:
		if !aidVerbs[s.Tokens[k].Lemma] {
			return false
		}
	}
	return wordBefore(s, k, 5, "we", "i")
}

var (
	aidNouns = map[string]bool{"support": true, "aid": true, "assistance": true, "help": true, "solidarity": true, "commitment": true}
	aidVerbs = map[string]bool{"support": true, "help": true, "assist": true, "aid": true, "back": true, "rebuild": true, "arm": true}
)

// wordBefore reports one of words (lower case) among the n tokens before
// token k: the speaker's "we" or "our" a few words before a verb or a noun.
func wordBefore(s *clause.Sentence, k, n int, words ...string) bool {
	for j := k - 1; j >= 0 && j >= k-n; j-- {
		if slices.Contains(words, s.Tokens[j].Lower) {
			return true
		}
	}
	return false
}

var speakerCalls = map[string]bool{"urge": true, "appeal": true, "call": true, "implore": true, "exhort": true, "invite": true, "encourage": true, "ask": true}

// addressedIn reports an organisation a title names as where or to whom
// the text is spoken ("Remarks at the 79th Session of the General
// Assembly", "Statement to the Security Council"), not as its speaker.
func addressedIn(s *clause.Sentence, m *mention.Mention) bool {
	if !strings.HasPrefix(m.IDs[0], "org:") {
		return false
	}
	for k := m.Tok - 1; k >= 0 && k >= m.Tok-9; k-- {
		switch s.Tokens[k].Lower {
		case "at", "to", "before", "during":
			return true
		case "by", "from":
			return false
		}
	}
	return false
}

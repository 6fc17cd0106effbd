package mention

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/services/extractor/token"
)

// people joins role titles with the names after them — a known person, or
// one the gazetteer lacks, who speaks for the title's state — and finds
// later mentions of the people the text introduced.
func (d *Doc) people(text string, s *Sentence, ms []Mention, titles []Mention) []Mention {
	sort.SliceStable(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
	for ti := range titles {
		t := &titles[ti]
		if s.Lang == "zh" && !hasHan(t.Text) && (strings.HasSuffix(text[:t.Start], "（") || strings.HasSuffix(text[:t.Start], "(")) {
			continue // 通用原子公司（General Atomics）: a name in Latin letters, no title
		}
		of := t.ID // the state the title implies ("Foreign Secretary": GBR)
		// the state named right before it: 英国外交大臣, Japan's Foreign Minister, Jamaican Prime Minister,
		// 东部战区新闻发言人
		before := -1
		for i := range ms {
			if s.Lang == "zh" && ms[i].End <= t.Start && (ms[i].Kind == Place || ms[i].Kind == Topic || ms[i].Kind == Actor && len(ms[i].IDs) == 1 && strings.HasPrefix(ms[i].IDs[0], "org:")) &&
				portfolioGap(strings.TrimSpace(text[ms[i].Start:t.Start])) {
				continue // 外交部亚太事务副部长: the region is the portfolio's, the organ before it names the state
			}
			if ms[i].End <= t.Start && (before < 0 || ms[i].End > ms[before].End || s.Lang == "zh" && ms[i].End == ms[before].End) {
				before = i // the nearest (people found for earlier titles come after the rest in ms: 智利外长和秘鲁外长)
			}
		}
		if before >= 0 && s.Lang == "zh" && strings.HasSuffix(text[:ms[before].Start], "驻") {
			// 巴西驻日本大使: the envoy is of the state before 驻, not of the host
			if by := sentBy(text, ms, &ms[before]); by != "" && strings.TrimSpace(text[ms[before].End:t.Start]) == "" {
				of = by
			}
			before = -1
		}
		if before >= 0 && s.Lang == "en" && portfolioBefore(text[:ms[before].Start]) {
			// "Special Envoy for Yemen Ambassador X": the state is the envoy's
			// brief, not the state the envoy serves, which stands before the
			// first title if anywhere ("U.S. Special Representative for the DPRK")
			brief := before
			before = -1
			for i := range ms {
				if ms[i].Kind == Actor && len(ms[i].IDs) == 1 && ms[i].End <= ms[brief].Start && briefTitle(text[ms[i].End:ms[brief].Start]) {
					of = ms[i].IDs[0]
				}
			}
		}
		if before >= 0 {
			p := &ms[before]
			gap := strings.TrimSpace(text[p.End:t.Start])
			if p.Kind == Actor && len(p.IDs) == 1 && (gap == "" || gap == "'s" || gap == "’s" || gap == "新闻" || s.Lang == "zh" && gap == "的" || s.Lang == "en" && (otherTitleAnd(gap) || rankGap(gap)) || s.Lang == "zh" && !strings.HasPrefix(p.IDs[0], "org:") && portfolioGap(gap)) {
				of = p.IDs[0] // 沙特外交大臣: Saudi Arabia's, though 外交大臣 alone is Britain's
				p.Attr = true
			}
		}
		if t.Role == "private" {
			of = "" // 美国学者, an American lawyer: a nationality, not an office
		}
		if of == "" && s.Lang == "zh" && (strings.Contains(t.Text, "外交部") || strings.Contains(t.Text, "国防部") || strings.Contains(t.Text, "国务院")) {
			of = "CHN" // a bare 外交部发言人 in Chinese text is China's, as a bare 外交部 is
		}
		if of == "" && t.Context != "" && d.partiesNamed[t.Context] {
			of = t.Context // "the Secretary-General" in a text about the United Nations, "the new Chief Executive" in one about Hong Kong
		}
		end, otherState := t.End, false
		// the state named after it: "Minister for Foreign Affairs of Japan"
		if s.Lang == "en" {
			for i := range ms {
				p := &ms[i]
				if p.Start < end || p.Kind != Actor || len(p.IDs) != 1 {
					continue
				}
				gap := strings.TrimSpace(text[end:p.Start])
				if gap == "of" || gap == "of the" {
					if of == "" {
						of = p.IDs[0]
					} else if p.IDs[0] != of && !strings.HasPrefix(p.IDs[0], "org:") {
						otherState = true // "the high representative of Trinidad and Tobago": no EU office
					}
					p.Attr = true
					end = p.End
				}
				break
			}
		}
		// a known person right after the title (a comma may stand between in English)
		done, listedAfter := false, -1
		for i := range ms {
			p := &ms[i]
			if p.Start < end {
				continue
			}
			gap := strings.TrimSpace(text[end:p.Start])
			if p.Kind == Person && (gap == "" || (s.Lang == "en" && gap == ",")) {
				titleOf := of
				if usSecretary(s, t, titleOf) && (p.Role == "" || p.Role == "head-of-state" || p.Role == "head-of-government") {
					titleOf = "USA" // "(Under) Secretary X" is no president: a US title
				}
				if titleOf != "" && len(p.IDs) > 0 && p.IDs[0] != titleOf && !strings.ContainsAny(p.Text, " ·") && !hasHan(p.Text) {
					// "Under Secretary Fernandez": a family name the gazetteer
					// gives to another state's leader is someone of the title's state
					p.How = p.Text + " → " + titleOf + " (one of that name, not " + p.Person + ")"
					p.Person, p.IDs, p.Role = personSlug(p.Text), []string{titleOf}, t.Role
				}
				if alt := d.holderOf(p.Text, t.Role); alt != nil && alt.Person != p.Person && d.introduced[strings.ToLower(p.Text)] == nil {
					// "President Francis": the Francis who held that office then
					alt.Start, alt.End, alt.Text, alt.Tok, alt.TokEnd, alt.How = p.Start, p.End, p.Text, p.Tok, p.TokEnd, p.Text+" → "+alt.Person+" (the one of that name holding the office)"
					*p = *alt
				}
				if len(p.IDs) == 0 && titleOf != "" {
					p.IDs = []string{titleOf} // "Deputy Secretary McKeon": someone the gazetteer lacks, of the title's state
				}
				if p.Role == "" {
					p.Role = t.Role
				}
				p.How = t.Text + " " + p.How
				d.introduce(p)
				c := *p // not a pointer into ms, which later stages rewrite
				d.rememberTitle(t, &c)
				done = true
				listedAfter = p.End
			}
			break
		}
		if done {
			if s.Lang == "zh" && listedAfter >= 0 {
				ms = d.zhNamesListed(text, s, ms, titles, listedAfter, of, t)
			}
			continue
		}
		var name string
		var nameStart int
		var byFamily *Mention
		if s.Lang == "zh" {
			name, nameStart = zhNameAfter(text, end, ms, s.Tokens)
			if name == "" || !d.knownName(name) {
				if p, fam := d.zhFamilyAfter(text[end:s.End], of, t.Role); p != nil {
					// 印度国防部长辛格: the Singh who holds the title's office
					// (辛格 is a word of the segmenter's, no name it reads)
					name, nameStart, byFamily = fam, end, p
				}
			}
			if dot := strings.Index(name, "·"); dot >= 0 {
				// and begins where they do (妻子|穿着|拉夫·劳伦: a verb before it)
				if k := d.nameStartBefore(text, nameStart, s.Tokens, ms, nameStart+dot); k > nameStart && k < nameStart+dot {
					name, nameStart = text[k:nameStart+len(name)], k
				}
			}
			if dot := strings.LastIndex(name, "·"); dot >= 0 {
				// a transliterated name ends where its characters do (比尔·比尔特|被驱逐)
				from := nameStart + dot + len("·")
				e := d.nameEndAfter(text, s.End, s.Tokens, ms, from)
				if e > from && e < nameStart+len(name) && latinAfter(text[nameStart+len(name):]) == "" {
					name = text[nameStart:e]
				}
				for _, w := range zhNameStops {
					// or at a verb the characters did not tell (詹姆斯·李维斯|表示)
					if k := strings.Index(name[dot:], w); k > len("·") && len(w) > len("的") {
						name = name[:dot+k]
					}
				}
			}
		} else {
			name, nameStart = enNameAfter(text, end, s.Tokens, ms)
			if name == "" {
				name, nameStart = d.enNameAfterPortfolio(text, end, s.Tokens, ms)
				if name != "" && t.Role == "foreign-minister" {
					t.Role = "minister" // "Secretary of Energy": another portfolio than foreign affairs
				}
			}
		}
		if name == "" && s.Lang == "zh" {
			// a Latin name right after a Chinese title (发言人Layla Moran, 秘书长 Ivan Jdanov)
			if m := zhLatinAfterTitle.FindStringSubmatchIndex(text[end:s.End]); m != nil && (plausibleLatinName(text[end+m[2]:end+m[3]]) || d.f.givenNames[strings.Fields(text[end+m[2] : end+m[3]])[0]]) {
				name, nameStart = text[end+m[2]:end+m[3]], end+m[2]
			}
		}
		if name == "" && s.Lang == "en" && compoundTitle(text[end:]) {
			continue // "Permanent Secretary and Foreign Minister Amina Odinga": one person's two titles
		}
		if name != "" && !hasHan(name) && (titleAt(titles, nameStart) || manyHold(t.Role) && !d.enNamePlausible(name)) {
			continue // "Chairman Lieutenant General X": the next title takes the name; "General Elections": no name
		}
		if name != "" && byFamily == nil && s.Lang == "zh" && hasHan(name) && latinAfter(text[nameStart+len(name):]) == "" && !d.knownName(name) && zhCommonWord(s.Tokens, nameStart, nameStart+len(name)) && !foreignNameSpan(s.Tokens, nameStart, nameStart+len(name)) {
			continue // 参议员公开信: a word of the dictionary, no name
		}
		if name != "" && s.Lang == "zh" && manyHold(t.Role) && t.Role != "private" && utf8.RuneCountInString(name) == 2 && !d.knownName(name) && !startsNameToken(s.Tokens, nameStart) {
			continue // 议员来了, 议员连署: a verb after the title, no two-character name
		}
		if name == "" && manyHold(t.Role) {
			// "the senators", 议员们, a general: many hold the title, so a bare
			// one names no person met before; the state it names, if any
			m := Mention{Kind: Person, Start: t.Start, End: t.End, Text: t.Text, Role: t.Role, How: t.Text + " → no one named (a title many hold)"}
			if of != "" {
				m.IDs, m.How = []string{of}, t.Text+" → "+of+" (title)"
			}
			ms = append(ms, m)
			continue
		}
		if name == "" {
			// a title alone: "the Secretary", "the Foreign Minister", 外长 —
			// the person with that role the text introduced, else whoever
			// holds it for the state the title names
			p, ok := d.byTitle[strings.ToLower(t.Text)]
			if ok && of != "" && !slices.Contains(p.IDs, of) {
				ok = false // 印度外长苏杰生… 德国外长表示: another state's minister
			}
			bareSecretary := usSecretary(s, t, of)
			if ok && bareSecretary && !slices.Contains(p.IDs, "USA") {
				if q, found := d.byRole[t.Role+"|USA"]; found {
					p = q // Secretary Blinken met Secretary Manalo … The Secretary: the US one
				}
			}
			switch {
			case ok:
			case of != "":
				p, ok = d.byRole[t.Role+"|"+of]
			case bareSecretary:
				// a bare "the Secretary" is the US Secretary's title, not a
				// Foreign Secretary of another state named before
				if p, ok = d.byRole[t.Role+"|USA"]; !ok {
					ms = append(ms, Mention{Kind: Person, Start: t.Start, End: t.End, Text: t.Text, IDs: []string{"USA"}, Role: t.Role,
						How: t.Text + " → USA (the title of the US Secretary)"})
					continue
				}
			default:
				p, ok = d.byRole[t.Role]
			}
			if ok {
				m := *p
				m.Start, m.End, m.Text = t.Start, t.End, t.Text
				m.How = t.Text + " → " + m.Person + " (named before)" + d.stateNote(&m)
				ms = append(ms, m)
			} else if h := d.orgHead(t.Role, of); h != nil && !otherState {
				ms = append(ms, Mention{Kind: Person, Start: t.Start, End: t.End, Text: t.Text, IDs: []string{of}, Role: t.Role, Person: h.ID,
					How: t.Text + " → " + h.ID + " (who held it" + d.onDate() + ") → " + of})
			} else if of != "" && t.Role != "" {
				ms = append(ms, Mention{Kind: Person, Start: t.Start, End: t.End, Text: t.Text, IDs: []string{of}, Role: t.Role,
					How: t.Text + " → " + of + " (title)"})
			}
			continue
		}
		latin := ""
		if s.Lang == "zh" {
			latin = latinAfter(text[nameStart+len(name):])
		}
		if s.Lang == "zh" && latin == "" && byFamily == nil && !d.knownName(name) && !d.privateName(name) {
			continue // 学生受教权, 副总统做准备: words after a title must look like a name
		}
		var p *Mention
		if byFamily != nil {
			p = byFamily
		} else if latin != "" {
			p = d.personByLatin(latin, of, t.Role) // 卫生部长施潘（Jens Spahn）
		} else {
			nameOf := of
			if usSecretary(s, t, of) {
				nameOf = "USA" // "Deputy Secretary McKeon": a US title, as for a name the gazetteer knows
			}
			p = d.personNamed(name, nameOf, t.Role)
		}
		if p == nil {
			continue
		}
		p.Start, p.End, p.Text = nameStart, nameStart+len(name), name
		p.How = t.Text + " " + name + " → " + p.Person + d.stateNote(p)
		ms = append(ms, *p)
		d.introduce(p)
		d.rememberTitle(t, p)
		if s.Lang == "zh" && latin == "" {
			ms = d.zhNamesListed(text, s, ms, titles, p.End, of, t)
		}
	}
	for i := range ms {
		if ms[i].Kind == Person && ms[i].Person != "" && ms[i].Role != "" {
			c := ms[i]
			d.byRole[c.Role] = &c
			if len(c.IDs) > 0 {
				d.byRole[c.Role+"|"+c.IDs[0]] = &c
			}
		}
	}
	if s.Lang == "en" {
		ms = d.appositives(text, s, ms, titles)
		ms = d.roleAppositives(text, s, ms)
		ms = d.familyNames(text, s, ms)
		ms = d.fullNames(text, s, ms, titles)
		ms = d.turnLabel(text, s, ms)
	}
	if s.Lang == "zh" {
		ms = d.zhKnownNames(text, s, ms)
	}
	return ms
}

// zhNamesListed reads the names listed after the first a title introduced
// (参议员克鲁兹、卢比奥和霍利): each after 、 or 和, a name the title's
// holders may bear, holds the same title.
func (d *Doc) zhNamesListed(text string, s *Sentence, ms, titles []Mention, end int, of string, t *Mention) []Mention {
	for k := 0; k < 8 && end < s.End; k++ {
		rest := text[end:s.End]
		sep := ""
		for _, c := range []string{"、", "和", "及"} {
			if strings.HasPrefix(rest, c) {
				sep = c
			}
		}
		if sep == "" {
			break
		}
		name, at := zhNameAfter(text, end+len(sep), ms, s.Tokens)
		if i := strings.Index(name, "和"); i > 0 && strings.Contains(name[:i], "·") {
			name = name[:i] // 乔希·霍利|和特德·克鲁兹: two dotted names
		}
		if name == "" || titleAt(titles, at) || !d.knownName(name) && !d.privateName(name) {
			break
		}
		p := d.personNamed(name, of, t.Role)
		if p == nil {
			break
		}
		p.Start, p.End, p.Text = at, at+len(name), name
		p.How = t.Text + " … " + name + " → " + p.Person + d.stateNote(p) + " (listed after the title's first name)"
		ms = append(ms, *p)
		d.introduce(p)
		end = p.End
	}
	return ms
}

// enNameAfterPortfolio reads a name after a title's portfolio ("Minister
// of Justice Grigor Minasyan", "Secretary of Homeland Security Alejandro
// Mayorkas"): the run of capitalised words and of, for, the, and after the
// title, whose last two words are no words of the language, no
// institution's and no mention's.
func (d *Doc) enNameAfterPortfolio(text string, off int, toks []token.Token, ms []Mention) (string, int) {
	i := tokenFrom(toks, off)
	if i >= len(toks) || toks[i].Text != "of" && toks[i].Text != "for" {
		return "", 0
	}
	k := i
	for k < len(toks) && k < i+12 && (capitalised(toks[k].Text) && isNameWord(toks[k].Text) || portfolioGlue[toks[k].Text]) &&
		(k == i || !overlapsAny(ms, toks[k].Start, toks[k].End)) {
		k++ // (a mention ends the run: "… of Energy Jennifer Granholm and Armenian Minister …")
	}
	if k-i < 4 || portfolioGlue[toks[k-1].Text] || portfolioGlue[toks[k-2].Text] || k < len(toks) && toks[k].Text == "-" {
		return "", 0
	}
	a, b := toks[k-2], toks[k-1]
	for _, w := range []string{a.Text, b.Text} {
		if token.UsualWord(w) || d.f.lx.CommonWord(strings.ToLower(w)) || notNames[strings.ToLower(w)] || slices.Contains(enOrgWords, w) ||
			institutionWords[w] || placeWords[w] || strings.ToUpper(w) == w {
			return "", 0
		}
	}
	if overlapsAny(ms, a.Start, b.End) || text[a.End:b.Start] != " " {
		return "", 0
	}
	return text[a.Start:b.End], a.Start
}

var portfolioGlue = map[string]bool{"of": true, "for": true, "the": true}

// NoVoice reports a role whose holder speaks for no state unless the text
// names one: a private title (学者, lawyer) or a legislator's (参议员,
// Senator). Officials many hold (envoys, generals, governors) do speak for
// theirs, though the text may leave it unnamed.
func NoVoice(role string) bool { return role == "private" || role == "legislator" }

// officialUnnamed are the roles of officials whose state the text may leave
// to the reader (Special Representative Kim in a State Department release).
var officialUnnamed = map[string]bool{"governor": true, "mayor": true, "envoy": true, "military": true}

// manyHold reports a role many people hold at once in a state (its
// legislators, governors, mayors, envoys, generals) or none does (private
// titles): a bare title names none of them.
func manyHold(role string) bool { return NoVoice(role) || officialUnnamed[role] }

// startsNameToken reports a token the segmenter tags as a name (nr) that
// starts at byte off: a two-character name after a title must be one.
func startsNameToken(toks []token.Token, off int) bool {
	i := tokenAt(toks, off)
	return i >= 0 && toks[i].Start == off && strings.HasPrefix(toks[i].Tag, "nr")
}

// tokenFrom returns the index of the first token starting at byte off or
// after it (len(toks) when none does).
func tokenFrom(toks []token.Token, off int) int {
	return sort.Search(len(toks), func(i int) bool { return toks[i].Start >= off })
}

// titleAt reports a title that starts at byte off.
func titleAt(titles []Mention, off int) bool {
	for i := range titles {
		if titles[i].Start == off {
			return true
		}
	}
	return false
}

// enNamePlausible reports capitalised words after an English title many
// hold (General, Governor) that can be a name: not an institution's
// ("General Services Administration") nor a word of the language
// ("General Elections"). After a minister's title a family name may be a
// word too (Minister Stern).
func (d *Doc) enNamePlausible(name string) bool {
	f := strings.Fields(name)
	last := strings.Trim(f[len(f)-1], ".")
	if slices.Contains(enOrgWords, last) || placeWords[last] || institutionWords[last] {
		return false
	}
	for _, w := range f {
		w = strings.Trim(w, ".")
		if !token.UsualWord(w) && !d.f.lx.CommonWord(strings.ToLower(w)) {
			return true
		}
	}
	return false
}

// institutionWords end the name of a government body.
var institutionWords = map[string]bool{"Administration": true, "Department": true, "Ministry": true, "Office": true, "Service": true,
	"Services": true, "Bureau": true, "Directorate": true, "Authority": true, "Staff": true, "Command": true, "Assembly": true}

// personByLatin names a person by the Latin form a Chinese text gives in
// brackets after the name (施潘（Jens Spahn）): the id comes from that form, and
// the form, written later on its own, names the same person.
func (d *Doc) personByLatin(latin, of, role string) *Mention {
	p := d.personNamed(latin, of, role)
	if p == nil {
		return nil
	}
	q := *p
	q.Text = latin
	d.introduced[strings.ToLower(latin)] = &q
	return p
}

// latinAfter returns the Latin name in brackets right at the start of
// rest, two to four capitalised words (（Jens Spahn）), or "".
func latinAfter(rest string) string {
	m := zhLatinName.FindStringSubmatch(rest)
	if m == nil {
		return ""
	}
	words := strings.Fields(m[1])
	if len(words) < 2 || len(words) > 4 {
		return ""
	}
	for _, w := range words {
		if r := []rune(w)[0]; r < 'A' || r > 'Z' {
			return ""
		}
	}
	return m[1]
}

// zhLatinAfterTitle matches a Latin full name of two or three capitalised
// words right after a title in Chinese text.
var zhLatinAfterTitle = regexp.MustCompile(`^ ?([A-Z][\p{Ll}'’\-]+(?: [A-Z][\p{Ll}'’\-]+){1,2})(?:[^\p{Latin}]|$)`)

var zhLatinName = regexp.MustCompile(`^[（(]([A-Z][A-Za-z.'’\- ]{1,50})[）)]`)

// holderOf returns, for a bare family name after "President" ("President
// Francis"), the one person of that name who presided over a body on the
// text's date (the General Assembly's, not the Pope); nil when none or
// several did.
func (d *Doc) holderOf(name, role string) *Mention {
	if role != "head-of-state" || len(strings.Fields(name)) != 1 || hasHan(name) {
		return nil
	}
	var found *Mention
	for _, e := range d.f.personByFamily[strings.ToLower(name)] {
		c, r := d.personState(e)
		if r != "president" || found != nil && found.Person == e.ID {
			continue // (an assembly's president before a pope or a king)
		}
		if found != nil {
			return nil
		}
		found = &Mention{Kind: Person, Person: e.ID, Entity: true, EntityType: lexicon.KindPerson, Role: r}
		if c != "" {
			found.IDs = []string{c}
		}
	}
	return found
}

// zhFamilyHolder finds, for the last part of a Chinese transliteration
// read after a title (国防部长辛格), the one person of the gazetteer who
// bears it and serves the title's state on the text's date, preferring
// the title's own role when several do; nil when none or no state is known.
func (d *Doc) zhFamilyHolder(name, of, role string) *Mention {
	if of == "" {
		return nil
	}
	var found, sameRole []*Mention
	for _, e := range d.f.personByZhFamily[name] {
		c, r := d.personState(e)
		if c != of {
			continue
		}
		m := &Mention{Kind: Person, Person: e.ID, Entity: true, EntityType: lexicon.KindPerson, Role: r, IDs: []string{c}}
		found = append(found, m)
		if r == role {
			sameRole = append(sameRole, m)
		}
	}
	switch {
	case len(sameRole) == 1:
		return sameRole[0]
	case len(found) == 1:
		return found[0]
	}
	return nil
}

// zhFamilyAfter reads, right after a Chinese title, the last part of a
// transliterated name the gazetteer knows (辛格 of 拉杰纳特·辛格) whose
// bearer serves the title's state: the person and the part read.
func (d *Doc) zhFamilyAfter(rest, of, role string) (*Mention, string) {
	var ends []int // the byte ends of the first two to four characters
	for i := range rest {
		if len(ends) == 4 {
			break
		}
		if i > 0 {
			ends = append(ends, i)
		}
	}
	if len(ends) < 4 {
		ends = append(ends, len(rest))
	}
	for k := len(ends) - 1; k >= 1; k-- {
		if fam := rest[:ends[k]]; hasHan(fam) {
			if p := d.zhFamilyHolder(fam, of, role); p != nil {
				return p, fam
			}
		}
	}
	return nil, ""
}

// personNamed returns a person mention for a name read after a title: a
// known person, one introduced earlier in the text, or a new one; nil for
// Latin words that cannot be a name.
func (d *Doc) personNamed(name, of, role string) *Mention {
	for _, e := range d.f.lx.Lookup(name) {
		if e.Kind == lexicon.KindPerson {
			m := &Mention{Kind: Person, Person: e.ID, Entity: true, EntityType: lexicon.KindPerson, Role: role}
			if c, r := d.personState(e); c != "" {
				m.IDs, m.Role = []string{c}, r
			} else if of != "" {
				m.IDs = []string{of}
			}
			return m
		}
	}
	if p, ok := d.introduced[strings.ToLower(name)]; ok {
		m := *p
		if len(m.IDs) == 0 && of != "" {
			m.IDs = []string{of}
		}
		return &m
	}
	if m := d.holderOf(name, role); m != nil {
		return m
	}
	words := strings.Fields(name)
	if len(words) == 1 && !hasHan(name) {
		fam := strings.ToLower(name)
		if p, ok := d.introduced[fam]; ok {
			m := *p
			return &m
		}
		if es := d.f.personByFamily[fam]; len(es) == 1 && (len(es[0].Roles) > 0 || es[0].Country != "") {
			// (a title before a family name means who holds an office: not
			// someone the gazetteer knows with none, "Vice Minister Mori"
			// is not Yoshiro Mori)
			e := es[0]
			m := &Mention{Kind: Person, Person: e.ID, Entity: true, EntityType: lexicon.KindPerson, Role: role}
			if c, r := d.personState(e); c != "" {
				m.IDs, m.Role = []string{c}, r
			} else if of != "" {
				m.IDs = []string{of}
			}
			return m
		}
		if m := d.familyInRole(fam, of, role); m != nil {
			return m // "Foreign Minister Wang" in 2022: the one Wang who was a foreign minister then
		}
	}
	if !hasHan(name) && !plausibleLatinName(name) {
		return nil // "the General Debate, President …", "Distinguished Delegates": words, no name
	}
	m := &Mention{Kind: Person, Person: personSlug(name), Entity: true, EntityType: lexicon.KindPerson, Role: role, Inferred: true}
	if of != "" {
		m.IDs = []string{of}
	}
	return m
}

// familyInRole returns the one person of a family name who, on the text's
// date, holds the role the title before the name gives (and serves the
// title's state, when it names one); nil when none or several do.
func (d *Doc) familyInRole(fam, of, role string) *Mention {
	if role == "" || NoVoice(role) || manyHold(role) {
		return nil
	}
	var found *Mention
	for _, e := range d.f.familyFirst[fam] {
		c, r := d.personState(e)
		if r != role || of != "" && c != of {
			continue
		}
		if found != nil && found.Person != e.ID {
			return nil
		}
		found = &Mention{Kind: Person, Person: e.ID, Entity: true, EntityType: lexicon.KindPerson, Role: r}
		if c != "" {
			found.IDs = []string{c}
		}
	}
	return found
}

// introduce remembers a person by the forms a later sentence may use.
func (d *Doc) introduce(m *Mention) {
	name := strings.TrimSpace(m.Text)
	if name == "" {
		return
	}
	c := *m // a copy: m may point into a sentence's mentions, which later stages rewrite
	p := &c
	d.introduced[strings.ToLower(name)] = p
	if p.Role != "" && p.Person != "" {
		d.byRole[p.Role] = p
		if len(p.IDs) > 0 {
			d.byRole[p.Role+"|"+p.IDs[0]] = p
		}
	}
	if hasHan(name) {
		d.noteZhName(name)
		if i := strings.LastIndex(name, "·"); i >= 0 {
			d.introduced[name[i+len("·"):]] = p // 马克·扎克伯格 → 扎克伯格
			d.noteZhName(name[i+len("·"):])
		}
		return
	}
	w := strings.Fields(name)
	if len(w) >= 2 {
		fam := w[len(w)-1]
		if p.Person != "" && strings.HasPrefix(p.Person, "person:") {
			// "Hayashi Yoshimasa": the id says which word is the family name
			slug := strings.TrimPrefix(p.Person, "person:")
			for _, x := range w {
				if strings.HasPrefix(slug, strings.ToLower(x)+"-") {
					fam = x
				}
			}
		}
		if len(fam) >= 3 {
			d.introduced[strings.ToLower(fam)] = p
		}
		if len(w) == 2 && len(p.IDs) == 1 && familyFirst[p.IDs[0]] && len(w[0]) >= 3 && d.introduced[strings.ToLower(w[0])] == nil {
			// "Mori Takeo … Vice Foreign Minister Mori": a name of a state
			// that writes the family name first, whatever order the id guessed
			d.introduced[strings.ToLower(w[0])] = p
		}
	}
}

// init adds the days and months to notNames: no name is one.
func init() {
	for w := range weekdays {
		notNames[w] = true
	}
	for w := range months {
		notNames[w] = true
	}
}

// familyFirst are the states whose people's names are often written
// family name first in English texts.
var familyFirst = map[string]bool{"JPN": true, "KOR": true, "PRK": true, "CHN": true, "TWN": true, "HKG": true, "MAC": true, "VNM": true, "MNG": true}

var (
	enNameParticles = map[string]bool{"de": true, "von": true, "van": true, "der": true, "bin": true, "al": true, "el": true, "da": true,
		"dos": true, "di": true, "le": true, "la": true, "du": true, "ibn": true, "bint": true, "del": true, "ben": true}
	// notNames are words no name is, the days and months too (notNames' init)
	notNames = map[string]bool{"the": true, "and": true, "of": true, "said": true, "says": true, "on": true, "in": true, "at": true,
		"minister": true, "secretary": true, "president": true,
		"ambassador": true, "spokesperson": true, "office": true, "department": true, "ministry": true, "government": true,
		"his": true, "her": true, "their": true, "today": true, "yesterday": true, "mr": true, "mrs": true, "ms": true, "dr": true,
		// words that open a turn or a clause, capitalised by position: no name
		"people": true, "please": true, "first": true, "second": true, "third": true, "fourth": true, "finally": true, "lastly": true,
		"foreign": true, "new": true, "year": true, "thank": true, "thanks": true, "yes": true, "no": true, "okay": true, "ok": true,
		"well": true, "question": true, "answer": true, "sir": true, "madam": true, "excellency": true, "excellencies": true,
		"ladies": true, "gentlemen": true, "colleagues": true, "friends": true, "let": true, "also": true, "now": true, "next": true,
		"again": true, "so": true, "here": true, "there": true, "good": true, "morning": true, "afternoon": true, "evening": true,
		"dear": true, "deputy": true, "vice": true, "prime": true, "chairman": true, "chair": true, "republic": true, "democratic": true,
		"united": true, "national": true, "state": true, "states": true, "international": true, "general": true, "assembly": true,
		"council": true, "union": true, "security": true, "moderator": true, "operator": true, "staff": true, "senior": true, "official": true,
		// conjunctions that open a sentence, capitalised by position
		"when": true, "while": true, "after": true, "before": true, "if": true, "although": true, "though": true, "since": true,
		"because": true, "as": true, "but": true, "yet": true, "once": true, "unless": true, "until": true, "where": true,
		// what a leader's name qualifies: the Biden-Harris Administration, the Obama Presidency
		"administration": true, "administrations": true, "transition": true, "presidency": true, "campaign": true, "era": true}
)

// nameWord matches a capitalised word that can end a Latin name (Corona,
// Cohen, Núñez).
var nameWord = regexp.MustCompile(`^ [A-ZÁÉÍÓÚÑÖÜ][a-záéíóúñöüç]+(-[A-Z][a-z]+)?`)

// FullNameEnd extends a person's name found in the gazetteer, ending at
// end, by the family names written after it (Luis Abinader Corona of …,
// Laurentino Cortizo Cohen, …): the entity keeps the name as the text
// writes it. Only where a name ends next: a comma, a full stop, "of",
// "and" or a bracket.
func FullNameEnd(text string, end int) int {
	e := end
	for k := 0; k < 2; k++ {
		w := nameWord.FindString(text[e:])
		if w == "" || notNames[strings.ToLower(w[1:])] {
			break
		}
		e += len(w)
	}
	if e == end {
		return end
	}
	rest := text[e:]
	for _, f := range []string{",", ".", " of ", " and ", ")", ";"} {
		if strings.HasPrefix(rest, f) {
			return e
		}
	}
	return end
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// nameHonorifics are words of address that may stand between a title and
// a name ("President, Comandante Daniel Ortega", "Vice-President, Compañera
// Rosario Murillo").
var nameHonorifics = map[string]bool{"comandante": true, "compañera": true, "compañero": true, "comrade": true,
	"hermano": true, "hermana": true, "don": true, "doña": true}

// enNameAfter reads an English name starting at byte off: one to four
// capitalised words (with initials and particles such as "bin", "de", and
// an honorific before them skipped), stopping at anything else or at a
// mention of another kind.
func enNameAfter(text string, off int, toks []token.Token, ms []Mention) (string, int) {
	i := tokenFrom(toks, off)
	if i < len(toks) && toks[i].Text == "," {
		i++ // "Foreign Minister, Hayashi Yoshimasa"
	}
	for i+1 < len(toks) && nameHonorifics[strings.ToLower(toks[i].Text)] && capitalised(toks[i+1].Text) {
		i++ // "our President, Comandante Daniel Ortega": the honorific is no part of the name
	}
	if i >= len(toks) {
		return "", 0
	}
	start := toks[i].Start
	for _, m := range ms {
		if m.Start == start && m.Kind != Person {
			return "", 0 // a state or a topic, not a name
		}
	}
	end := start
	words := 0
	for k := i; k < len(toks) && words < 5; k++ {
		t := toks[k]
		w := t.Text
		lw := strings.ToLower(strings.TrimSuffix(w, "."))
		switch {
		case t.Start != end && k > i && text[end:t.Start] != " ":
			k = len(toks)
			continue
		case notNames[lw]:
			k = len(toks)
			continue
		case len(w) == 2 && w[1] == '.' && capitalised(w): // an initial: Antony J. Blinken
		case enNameParticles[lw] && k+1 < len(toks) && capitalised(toks[k+1].Text):
		case enNameParticles[lw] && k+2 < len(toks) && toks[k+1].Text == "-" && toks[k+1].Start == t.End && capitalised(toks[k+2].Text):
			// al-Utmi: the particle joined to the name by a hyphen
		case w == "-" && k > i && k+1 < len(toks) && capitalised(toks[k+1].Text) && toks[k+1].Start == t.End:
		case capitalised(w) && utf8.RuneCountInString(w) >= 2 && isNameWord(w) && !(words > 0 && token.CommonWord(w)):
			words++
		default:
			k = len(toks)
			continue
		}
		end = t.End
	}
	if words == 0 {
		return "", 0
	}
	name := strings.TrimRight(text[start:end], " -")
	common := true
	for _, w := range strings.Fields(name) {
		if !token.CommonWord(strings.TrimSuffix(w, ".")) {
			common = false
		}
	}
	if common {
		return "", 0 // "the President New Year", "Minister People": words, not a name
	}
	return name, start
}

func isNameWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' {
			return false
		}
	}
	// an acronym is not a name (the UN, NATO)
	return strings.ToUpper(w) != w || utf8.RuneCountInString(w) > 5 || utf8.RuneCountInString(w) <= 3 && false
}

var (
	zhNameRun = regexp.MustCompile(`^(?:[\p{Han}]{1,6}(?:·[\p{Han}]{1,8}){1,3}|[\p{Han}]{2,4})`)
	// zhNameStops end a name read after a title: a verb or a preposition follows it.
	zhNameStops = []string{"表示", "说", "在", "与", "和", "会见", "指出", "称", "强调", "同", "时", "就", "对", "向", "的", "也", "还", "将",
		"出席", "发表", "访问", "举行", "主持", "会晤", "通电话", "应约", "为", "于", "当天", "日前", "今天", "此前", "说明", "会谈", "谴责",
		"呼吁", "敦促", "认为", "宣布", "欢迎", "支持", "反对", "回应", "答问", "答记者问", "一行", "等", "是", "已", "曾", "则", "并",
		"都", "阁下", "近日", "昨天", "周", "星期", "上午", "下午", "晚", "早", "反问", "问道", "质问", "介绍", "透露", "坦言",
		"告诉", "声称", "宣称", "指责", "批评", "抨击", "表态", "重申", "警告", "提醒"}
	// zhNameFollowers are what may follow a name in running text.
	zhNameFollowers = []string{"表示", "说", "在", "与", "和", "会见", "指出", "称", "强调", "同", "就", "对", "向", "也", "还", "将", "出席",
		"发表", "访问", "举行", "主持", "会晤", "通电话", "应约", "于", "当天", "日前", "今天", "此前", "会谈", "谴责", "呼吁", "敦促",
		"认为", "宣布", "欢迎", "支持", "反对", "回应", "答", "一行", "是", "已", "曾", "则", "并", "都", "近日", "昨天", "周", "星期",
		"（", "(", "，", "。", "、", "：", "”", "说", "告诉", "透露", "坦言", "警告", "重申", "发文", "发推", "上午", "下午", "晚", "早", "的",
		// a rank or an honorific after the name (发言人张春晖大校表示)
		"大校", "上校", "中校", "少校", "少将", "中将", "上将", "先生", "女士", "博士",
		// a verb of going (议员许某赴丹麦后…)
		"赴", "前往", "抵达", "离开", "返回", "出访", "来到",
		// a time or an adverb before the verb (大使某某接受采访, 部长某某目前也在伦敦)
		"接受", "最近", "目前", "昨日", "今日", "早前", "随后", "随即", "一直", "曾经", "亦", "仍", "又", "却", "今年", "去年", "本周", "上周",
		// a modal or a preposition before the verb (大使某某会到台湾, 发言人某某针对…表示)
		"会", "针对"}
)

// zhNameAfter reads a Chinese name right after a title (外长王毅表示).
func zhNameAfter(text string, off int, ms []Mention, toks []token.Token) (string, int) {
	for _, m := range ms {
		if m.Start == off && m.Kind != Person {
			return "", 0
		}
	}
	rest := text[off:]
	run := zhNameRun.FindString(rest)
	if run == "" {
		return "", 0
	}
	if r, _ := utf8.DecodeRuneInString(run); zhNoNameStart[r] {
		return "", 0 // 记者们讲话, 编剧和主演…: a particle, no name
	}
	if strings.Contains(run, "·") {
		if zhFollowed(rest[len(run):]) {
			return run, off
		}
		return "", 0
	}
	// the longest name of two to four characters that a verb, a
	// preposition or punctuation follows (马晓光指责…: not 马晓光指)
	rs := []rune(run)
	if zhNoNameStart[rs[0]] {
		return "", 0 // 记者们讲话, 学者中尤其: a particle, no name
	}
	for n := len(rs); n >= 2; n-- {
		name := string(rs[:n])
		stop := false
		for _, w := range zhNameStops {
			if strings.Contains(name, w) {
				stop = true
				break
			}
		}
		if n == 4 && zhWordInside(toks, off+len(string(rs[:2])), off+len(name)) {
			continue // 方方专访: a name and a word after it
		}
		if !stop && (zhFollowed(rest[len(name):]) || nameTokensBeforeVerb(toks, off, off+len(name)) || familyNameBeforeVerb(toks, name, off+len(name))) && (!zhCommonWord(toks, off, off+len(name)) || foreignNameSpan(toks, off, off+len(name))) && !overlapsMention(ms, off, off+len(name)) {
			return name, off
		}
	}
	return "", 0
}

// nameTokensBeforeVerb reports a span the segmenter read as one name (nr)
// with a verb of two characters or more next (助理国务卿史迪威谈及…): a verb
// the list of followers does not hold. Names it pieced together from
// single characters (哈/蒂/布, then 扎) are no such reading.
func nameTokensBeforeVerb(toks []token.Token, start, end int) bool {
	if !startsNameToken(toks, start) {
		return false
	}
	i := tokenAt(toks, start)
	if i+1 >= len(toks) || toks[i].End != end {
		return false
	}
	next := toks[i+1]
	return next.POS == token.Verb && utf8.RuneCountInString(next.Text) >= 2
}

// familyNameBeforeVerb reports a name of three characters that opens
// with a common family name and ends where a verb of two characters or
// more begins (副部长孙力军抓捕…): the segmenter may cut
// such a name into single characters, but the verb still ends it.
func familyNameBeforeVerb(toks []token.Token, name string, end int) bool {
	if utf8.RuneCountInString(name) != 3 || zhPersonSlug(name) == "" {
		return false // (大律师来港处理: two characters are too often a word)
	}
	i := tokenAt(toks, end)
	if i < 1 || toks[i].Start != end || toks[i].POS != token.Verb || utf8.RuneCountInString(toks[i].Text) < 2 {
		return false
	}
	// no part of it is a verb, an adverb or a position word (部长罗斯来确定, 初选中避免)
	for k := i - 1; k >= 0 && toks[k].End > end-len(name); k-- {
		if t := toks[k]; t.POS == token.Verb || t.POS == token.Adv || t.POS == token.Adp || t.POS == token.Part || strings.HasPrefix(t.Tag, "f") {
			return false
		}
	}
	return true
}

// foreignNameSpan reports a span spelt only with the characters of foreign
// names that is one word the segmenter read as a place name (司法部长巴尔:
// 巴尔 read as a place), or three characters or more ending where a word
// does (总裁拉加德: 拉加 read as a verb): after a title, a name the
// gazetteer lacks.
func foreignNameSpan(toks []token.Token, start, end int) bool {
	runes, place := 0, false
	for _, t := range toks {
		if t.Start < end && end < t.End {
			return false // it ends inside a word
		}
		if t.Start < start || t.End > end {
			continue
		}
		for _, r := range t.Text {
			if !strings.ContainsRune(transliterationChars, r) {
				return false
			}
			runes++
		}
		place = t.Start == start && t.End == end && t.Tag == "ns"
	}
	return runes >= 3 || place
}

// zhCommonWord reports a span that opens with a word the segmenter read
// as two characters or more and not as a name (发言人关切…: 关切 is a
// word, not a person), or that ends inside a word.
// plausibleLatinName reports a name of which at least one word is no
// common English word (Jane Whitfield; not "Future Summit", "Distinguished
// Delegates").
func plausibleLatinName(name string) bool {
	for _, w := range strings.Fields(name) {
		w = strings.Trim(w, ".,'’")
		if len(w) >= 2 && !token.UsualWord(w) {
			return true
		}
	}
	return false
}

// zhNoNameStart are characters no name read after a title begins with:
// particles, plural and position words, adverbs (们, 中, 级, 仅).
var zhNoNameStart = map[rune]bool{'们': true, '中': true, '级': true, '仅': true, '也': true, '都': true, '还': true, '就': true,
	'在': true, '对': true, '与': true, '和': true, '等': true, '是': true, '的': true, '了': true, '将': true, '会': true, '已': true,
	'曾': true, '则': true, '却': true, '又': true, '并': true, '称': true, '说': true, '向': true, '被': true, '把': true, '从': true,
	'于': true, '及': true, '或': true, '而': true, '但': true, '更': true, '最': true, '很': true, '所': true, '其': true, '该': true,
	'此': true, '这': true, '那': true, '每': true, '各': true, '兼': true, '之': true, '为': true}

// zhWordInside reports a common word of two or more characters lying
// within text[start:end].
func zhWordInside(toks []token.Token, start, end int) bool {
	for _, t := range toks {
		if t.Start >= start && t.End <= end && utf8.RuneCountInString(t.Text) >= 2 && !strings.HasPrefix(t.Tag, "nr") {
			return true
		}
	}
	return false
}

func zhCommonWord(toks []token.Token, start, end int) bool {
	for _, t := range toks {
		if t.Start == start && t.End <= end && utf8.RuneCountInString(t.Text) >= 2 && !strings.HasPrefix(t.Tag, "nr") {
			return true
		}
		if t.Start < end && end < t.End {
			return true
		}
	}
	return false
}

// overlapsMention reports a mention other than a person's inside start..end.
func overlapsMention(ms []Mention, start, end int) bool {
	for i := range ms {
		if ms[i].Kind != Person && ms[i].Start < end && start < ms[i].End {
			return true
		}
	}
	return false
}

// zhFollowed reports text that may follow a Chinese name: nothing, a
// verb or preposition that ends it, or punctuation.
func zhFollowed(after string) bool {
	if after == "" {
		return true
	}
	for _, f := range zhNameFollowers {
		if strings.HasPrefix(after, f) {
			return true
		}
	}
	for _, f := range zhNameStops {
		if strings.HasPrefix(after, f) {
			return true
		}
	}
	return false
}

// appositives finds "Name, Title of State" and "Name, the State's Title":
// a person introduced before the title that describes them.
func (d *Doc) appositives(text string, s *Sentence, ms []Mention, titles []Mention) []Mention {
	for ti := range titles {
		t := &titles[ti]
		comma := strings.LastIndex(strings.TrimRight(text[s.Start:t.Start], " "), ",")
		if comma < 0 {
			continue
		}
		comma += s.Start
		between := strings.TrimSpace(text[comma+1 : t.Start])
		of := t.ID
		attr := -1
		for i := range ms {
			p := &ms[i]
			if p.Start > comma && p.End <= t.Start && p.Kind == Actor && len(p.IDs) == 1 {
				pre, post := strings.TrimSpace(text[comma+1:p.Start]), strings.TrimSpace(text[p.End:t.Start])
				if (pre == "" || pre == "the") && (post == "" || post == "'s" || post == "’s") {
					of, attr = p.IDs[0], i // Name, Japan's Foreign Minister; Name, the Israeli Prime Minister
				}
			}
		}
		if attr < 0 && between != "" && between != "the" {
			continue
		}
		if of == "" {
			// Name, Prime Minister of Jamaica
			for i := range ms {
				p := &ms[i]
				if p.Start >= t.End && p.Kind == Actor && len(p.IDs) == 1 {
					if g := strings.TrimSpace(text[t.End:p.Start]); g == "of" || g == "of the" {
						of = p.IDs[0]
						p.Attr = true
					}
					break
				}
			}
		}
		if of == "" {
			continue
		}
		if attr >= 0 {
			ms[attr].Attr = true
		}
		// a known person right before the comma
		found := false
		for i := range ms {
			p := &ms[i]
			if p.Kind == Person && p.End <= comma && strings.TrimSpace(text[p.End:comma]) == "" {
				if len(p.IDs) == 0 {
					p.IDs = []string{of}
					p.How += " → " + of + " (" + t.Text + ")"
				}
				found = true
			}
		}
		if found {
			continue
		}
		// an unknown name: capitalised words right before the comma
		k := 0
		for k < len(s.Tokens) && s.Tokens[k].End <= comma {
			k++
		}
		first := k
		for j := k - 1; j >= 0 && k-j <= 4; j-- {
			w := s.Tokens[j].Text
			if !(capitalised(w) && isNameWord(w) && !notNames[strings.ToLower(w)]) && !(len(w) == 2 && w[1] == '.') {
				break
			}
			first = j
		}
		if first >= k || first == 0 && k-first == 1 {
			continue // nothing, or one word opening the sentence
		}
		start, end := s.Tokens[first].Start, s.Tokens[k-1].End
		clash := false
		for i := range ms {
			if ms[i].Start < end && start < ms[i].End {
				clash = true
			}
		}
		if clash {
			continue
		}
		name := text[start:end]
		p := d.personNamed(name, of, t.Role)
		if p == nil {
			continue
		}
		p.Start, p.End, p.Text = start, end, name
		p.How = name + ", " + t.Text + " → " + p.Person + d.stateNote(p)
		ms = append(ms, *p)
		d.introduce(p)
	}
	return ms
}

// roleNouns are what an appositive after a name says a private or public
// person is ("Ann Roe, a steel magnate", "Bo Lee, the head of …").
var roleNouns = map[string]bool{"oligarch": true, "businessman": true, "businesswoman": true, "entrepreneur": true,
	"executive": true, "official": true, "officer": true, "head": true, "chief": true, "director": true, "chairman": true,
	"chairwoman": true, "chair": true, "founder": true, "co-founder": true, "owner": true, "ceo": true, "member": true,
	"leader": true, "commander": true, "deputy": true, "activist": true, "journalist": true, "lawyer": true, "politician": true,
	"lawmaker": true, "legislator": true, "senator": true, "dissident": true, "banker": true, "investor": true, "tycoon": true,
	"billionaire": true, "magnate": true, "shareholder": true, "wife": true, "husband": true, "son": true, "daughter": true,
	"brother": true, "sister": true, "associate": true, "governor": true, "mayor": true, "judge": true, "professor": true,
	"researcher": true, "scholar": true, "economist": true, "spokesman": true, "spokeswoman": true, "envoy": true,
	"diplomat": true, "adviser": true, "advisor": true}

// roleAppositives finds "Name Surname, a|the … ROLE" and "ROLE Name
// Surname": a person the gazetteer lacks, named with what they are. The
// person speaks for no state (an oligarch is not Russia); they are an
// entity and can be a target.
func (d *Doc) roleAppositives(text string, s *Sentence, ms []Mention) []Mention {
	toks := s.Tokens
	for k := 2; k < len(toks)-1; k++ {
		if toks[k].Text != "," {
			continue
		}
		// a role within a few words after the comma
		role := ""
		for j := k + 1; j < len(toks) && j <= k+6; j++ {
			w := toks[j].Lower
			if w == "," || w == "." || toks[j].POS == token.Verb || toks[j].POS == token.Aux {
				break
			}
			if roleNouns[w] {
				role = w
				break
			}
		}
		if role == "" {
			continue
		}
		first := k
		for j := k - 1; j >= 0 && k-j <= 4; j-- {
			w := toks[j].Text
			if !capitalised(w) || !isNameWord(w) || notNames[strings.ToLower(w)] {
				break
			}
			first = j
		}
		if k-first < 2 {
			continue // a name is two words or more
		}
		if first > 0 && capitalised(toks[first-1].Text) && isNameWord(toks[first-1].Text) {
			continue // part of a longer capitalised run: not clearly a name
		}
		start, end := toks[first].Start, toks[k-1].End
		clash := false
		for i := range ms {
			if ms[i].Start < end && start < ms[i].End {
				clash = true
			}
		}
		if clash {
			continue
		}
		name := text[start:end]
		p := d.personNamed(name, "", "")
		if p == nil {
			continue
		}
		p.Start, p.End, p.Text = start, end, name
		p.How = name + ", a " + role + " → " + p.Person
		ms = append(ms, *p)
		d.introduce(p)
	}
	// "journalist Ben Hall", "opposition politician Boris Nemtsov": a
	// role noun in lower case right before a capitalised name
	for k := 0; k+2 < len(toks); k++ {
		if !roleNouns[toks[k].Lower] || toks[k].Text != toks[k].Lower || relativeRoles[toks[k].Lower] {
			continue
		}
		end := k + 1
		for end < len(toks) && end-k <= 3 {
			w := toks[end].Text
			if !capitalised(w) || !isNameWord(w) || notNames[strings.ToLower(w)] {
				break
			}
			end++
		}
		if end-(k+1) < 2 {
			continue // a name is two words or more
		}
		if end < len(toks) && capitalised(toks[end].Text) && isNameWord(toks[end].Text) {
			continue // a longer capitalised run: an organisation's name, not clearly a person
		}
		start, stop := toks[k+1].Start, toks[end-1].End
		clash := false
		for i := range ms {
			if ms[i].Start < stop && start < ms[i].End {
				clash = true
			}
		}
		if clash {
			continue
		}
		name := text[start:stop]
		p := d.personNamed(name, "", "")
		if p == nil {
			continue
		}
		p.Start, p.End, p.Text = start, stop, name
		p.How = toks[k].Text + " " + name + " → " + p.Person
		ms = append(ms, *p)
		d.introduce(p)
	}
	sort.SliceStable(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
	return ms
}

// relativeRoles name a person only by their relation to another ("his
// wife", "the son"): before a name they still introduce one, but "wife
// Marina" may be a first name alone, so they are left to appositives.
var relativeRoles = map[string]bool{"wife": true, "husband": true, "son": true, "daughter": true, "brother": true, "sister": true}

// rememberTitle keeps the person a title introduced, for the bare title
// later ("the Foreign Minister"), and under the title's first word ("the
// Minister" after "Foreign Minister X") unless that word is a title of its own
// for another office: after "Secretary General X", a bare "the Secretary" is
// not the Secretary General.
func (d *Doc) rememberTitle(t *Mention, p *Mention) {
	full := strings.ToLower(t.Text)
	d.byTitle[full] = p
	first := strings.ToLower(strings.Fields(t.Text)[0])
	if first == full {
		return
	}
	for _, key := range d.f.enTitleKeys[first] {
		if key != t.Role {
			return
		}
	}
	d.byTitle[first] = p
}

// usSecretary reports an English "Secretary" with no state named for it:
// the US Secretary's title ("Secretary Blinken", "Under Secretary X").
func usSecretary(s *Sentence, t *Mention, of string) bool {
	return s.Lang == "en" && of == "" && t.Text == "Secretary"
}

// familyNames finds later mentions of people the text introduced, by the
// name forms remembered (full name, family name).
func (d *Doc) familyNames(text string, s *Sentence, ms []Mention) []Mention {
	if len(d.introduced) == 0 {
		return ms
	}
	for i := 0; i < len(s.Tokens); i++ {
		t := s.Tokens[i]
		if !capitalised(t.Text) || overlapsAny(ms, t.Start, t.End) {
			continue
		}
		// the longest run of capitalised tokens that names an introduced person
		best, bestEnd := (*Mention)(nil), 0
		end := t.End
		for k := i; k < len(s.Tokens) && k < i+4; k++ {
			if k > i {
				if !capitalised(s.Tokens[k].Text) || text[s.Tokens[k-1].End:s.Tokens[k].Start] != " " {
					break
				}
				end = s.Tokens[k].End
			}
			if p, ok := d.introduced[strings.ToLower(text[t.Start:end])]; ok {
				best, bestEnd = p, end
			}
		}
		if best != nil {
			m := *best
			m.Start, m.End, m.Text = t.Start, bestEnd, text[t.Start:bestEnd]
			m.How = m.Text + " → " + m.Person + " (named before)" + d.stateNote(&m)
			ms = append(ms, m)
		}
	}
	return ms
}

// honorifics open a transcript's turn label that names its speaker by
// family name in capitals ("MR PRICE:", "MS. PORTER:").
var honorifics = map[string]bool{"MR": true, "MR.": true, "MS": true, "MS.": true, "MRS": true, "MRS.": true, "DR": true, "DR.": true}

// turnLabel reads the speaker a transcript's turn label names by honorific
// and family name in capitals ("MR PRICE:  We'll now turn to questions"):
// the person of that name the gazetteer or the text knows, else someone
// the text introduces by it.
func (d *Doc) turnLabel(text string, s *Sentence, ms []Mention) []Mention {
	toks := s.Tokens
	k := TurnColon(toks)
	if k < 2 || !honorifics[toks[0].Text] {
		return ms
	}
	start := 1
	if toks[start].Text == "." {
		start++ // "MR . PRICE" as the tokenizer may cut it
	}
	if k == start || overlapsAny(ms, toks[start].Start, toks[k-1].End) {
		return ms
	}
	for _, t := range toks[start:k] {
		if utf8.RuneCountInString(t.Text) < 2 || strings.Contains(t.Text, ".") {
			return ms // "MS A:", "DR J.T. ICE:": no family name to look up
		}
	}
	words := strings.Fields(text[toks[start].Start:toks[k-1].End])
	for i, w := range words {
		words[i] = w[:1] + strings.ToLower(w[1:])
	}
	name := strings.Join(words, " ")
	p := d.personNamed(name, "", "")
	if (p == nil || p.Inferred) && len(words) == 1 {
		// "MS PORTER:" after "Deputy Spokesperson Jalina Porter": the
		// person the text names in full, not one known by a family name alone
		if full := d.fullNameIn(text, name); full != "" {
			if q := d.personNamed(full, "", ""); q != nil {
				p = q
			}
		}
	}
	if p == nil {
		return ms
	}
	p.Start, p.End, p.Text = toks[start].Start, toks[k-1].End, text[toks[start].Start:toks[k-1].End]
	p.How = text[toks[0].Start:toks[k-1].End] + " → " + p.Person + " (a transcript's turn)" + d.stateNote(p)
	d.introduce(p)
	return append(ms, *p)
}

// fullNameIn finds one of the given names people bear and the family name
// together in the text ("David Greene" for Greene); "" when the text has none.
func (d *Doc) fullNameIn(text, family string) string {
	if full, ok := d.fullNameOf[family]; ok {
		return full // (a transcript labels the same speaker turn after turn)
	}
	if d.fullNameOf == nil {
		d.fullNameOf = map[string]string{}
	}
	full := ""
	re := regexp.MustCompile(`\b[A-Z][a-z]+(?: [A-Z]\.)? ` + regexp.QuoteMeta(family) + `\b`)
	for _, m := range re.FindAllString(text, 8) {
		if given := strings.Fields(m)[0]; d.f.lx.GivenName(given) {
			full = m
			break
		}
	}
	d.fullNameOf[family] = full
	return full
}

// TurnColon finds the colon that ends a transcript's turn label: one to
// four words in capitals and nothing else before it ("MR PRICE:",
// "SECRETARY BLINKEN:", "QUESTION:"); -1 when the sentence opens no turn.
func TurnColon(toks []token.Token) int {
	for k := 0; k < len(toks) && k <= 4; k++ {
		t := toks[k].Text
		if t == ":" {
			if k == 0 {
				return -1
			}
			return k
		}
		if strings.ToUpper(t) != t || strings.IndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' && r != '-' }) >= 0 || t == "" {
			return -1
		}
	}
	return -1
}

// zhKnownNames finds later mentions of people a Chinese text introduced
// (the full name, or the part after · of a transliterated name).
func (d *Doc) zhKnownNames(text string, s *Sentence, ms []Mention) []Mention {
	if len(d.introduced) == 0 {
		return ms
	}
	for _, name := range d.zhNames {
		p := d.introduced[name]
		for _, sp := range occurrences(text, s, name) {
			if overlapsAny(ms, sp[0], sp[1]) {
				continue
			}
			m := *p
			m.Start, m.End, m.Text = sp[0], sp[1], name
			m.How = name + " → " + m.Person + " (named before)" + d.stateNote(&m)
			ms = append(ms, m)
		}
	}
	return ms
}

// MaxZhNames bounds the Chinese names a text introduces that are looked
// for again in each later sentence: a text naming more people than this
// finds the later ones only where a title or the gazetteer names them.
const MaxZhNames = 256

func (d *Doc) noteZhName(name string) {
	if len(d.zhNames) < MaxZhNames && !slices.Contains(d.zhNames, name) {
		d.zhNames = append(d.zhNames, name)
	}
}

// personSlug makes a person id for a name the gazetteer lacks: family name
// first, as the vocabulary writes them (person:holness-andrew); for a
// Chinese-script name, a short hash.
// givenName reports a word that can serve as a given name to look for:
// a capitalised word of letters, three or more, and no common word
// (Will, Hope, Rose, Mark).
func givenName(w string) bool {
	if len(w) < 3 || !capitalised(w) || token.CommonWord(w) {
		return false
	}
	for i, r := range w {
		if !unicode.IsLetter(r) || i > 0 && unicode.IsUpper(r) {
			return false // KIHARA, McDonald: not a plain given name
		}
	}
	return true
}

// photoCredit reports text that ends as a photo credit does before the
// photographer's name: an agency and a slash ("REUTERS/", "AP Photo/"),
// or "Photo by" / "摄影".
func photoCredit(before string) bool {
	b := strings.TrimRight(before, " \u00a0")
	if strings.HasSuffix(b, "/") {
		return true
	}
	low := strings.ToLower(b)
	return strings.HasSuffix(low, "photo by") || strings.HasSuffix(low, "photo:") || strings.HasSuffix(b, "摄影：") || strings.HasSuffix(b, "摄影:")
}

// fullNames finds people the text names in full with no title before them
// ("Kirill Mordashov", "Laura J. Richardson"): a given name the gazetteer's
// people bear, then one or two more capitalised words, the last no usual
// word, the whole run no longer. They speak for no state.
func (d *Doc) fullNames(text string, s *Sentence, ms []Mention, titles []Mention) []Mention {
	toks := s.Tokens
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if !d.f.givenNames[t.Text] || i > 0 && capitalised(toks[i-1].Text) && text[toks[i-1].End:t.Start] == " " && !titleEnd(toks[i-1].Text, ms, toks[i-1]) &&
			!titledRun(toks, i, titles) && !d.roleNoun(toks[i-1].Text) {
			continue
		}
		k := i + 1
		for k < len(toks) && k < i+4 && text[toks[k-1].End:toks[k].Start] == " " && (capitalised(toks[k].Text) || enNameParticles[toks[k].Text]) {
			k++
		}
		for k+1 < len(toks) && k > i && toks[k].Text == "-" && toks[k].Start == toks[k-1].End && toks[k+1].Start == toks[k].End && capitalised(toks[k+1].Text) {
			k += 2 // a hyphenated family name (Bogdan-Martin, al-Utmi)
		}
		if k == i+1 || k < len(toks) && capitalised(toks[k].Text) && text[toks[k-1].End:toks[k].Start] == " " {
			continue // no family name, or a longer run: an organisation's name
		}
		fam := strings.Trim(toks[k-1].Text, ".")
		hyphened := k-2 > i && toks[k-2].Text == "-" // Bogdan-Martin: the pair is the name, whatever its last part means alone
		// a family name that is also a word (Brink, Green, Bitter) names the
		// person when the given name is no word itself (Bridget, not Grace)
		wordy := token.UsualWord(fam) || d.f.lx.CommonWord(strings.ToLower(fam))
		plainGiven := !token.UsualWord(t.Text) && !d.f.lx.CommonWord(strings.ToLower(t.Text)) && k == i+2 && !namedThings[strings.ToLower(fam)]
		if len(fam) < 2 || !hyphened && wordy && !plainGiven || notNames[strings.ToLower(fam)] || slices.Contains(enOrgWords, fam) || placeWords[fam] ||
			overlapsAny(ms, t.Start, toks[k-1].End) {
			continue
		}
		if photoCredit(text[:t.Start]) {
			continue // "REUTERS/Rick Wilking", "(AP Photo/Andy Wong)": a photographer's credit, no one the text is about
		}
		if d.f.placeGiven[t.Text] && k-i >= 3 {
			t = &toks[i+1] // "Administrator for Asia Anjali Kaur": the place ends the title
		}
		name := text[t.Start:toks[k-1].End]
		p := &Mention{Kind: Person, Start: t.Start, End: toks[k-1].End, Text: name, Person: personSlug(name), Entity: true,
			EntityType: lexicon.KindPerson, Inferred: true, How: name + " → a person named in full (given name " + t.Text + ")"}
		if q, ok := d.introduced[strings.ToLower(name)]; ok {
			p.Person, p.IDs, p.Role = q.Person, q.IDs, q.Role
		}
		ms = append(ms, *p)
		d.introduce(p)
		i = k - 1
	}
	return ms
}

// roleNoun reports a capitalised common noun that names what a person
// does (Counselor, Senior Advisor, Coordinator, Spokesperson): a name
// after it is a person's, not part of a longer name.
func (d *Doc) roleNoun(w string) bool {
	l := strings.ToLower(w)
	if d.f.givenNames[w] || placeWords[w] || namedThings[l] {
		return false
	}
	usual := token.UsualWord(l)
	for _, suf := range []string{"or", "er", "ist", "ant", "ent", "ary", "person", "man", "woman"} {
		if strings.HasSuffix(l, suf) && len(l) > len(suf)+3 && (usual || suf == "or" || suf == "ist" || suf == "person") {
			return true
		}
	}
	return false
}

// namedThings end the names of agreements, meetings, offices and places
// that open with a person's or a city's name (the Abraham Accords, the
// Geneva Convention, the Harris Administration, the Carver Fellowship).
var namedThings = map[string]bool{"accord": true, "accords": true, "convention": true, "conventions": true, "agreement": true,
	"agreements": true, "conference": true, "conferences": true, "fellowship": true, "administration": true, "declaration": true,
	"treaty": true, "protocol": true, "initiative": true, "summit": true, "process": true, "plan": true, "program": true,
	"programme": true, "act": true, "doctrine": true, "strategy": true, "award": true, "prize": true, "airport": true,
	"square": true, "street": true, "road": true, "bridge": true, "hall": true, "house": true, "island": true, "islands": true,
	"river": true, "lake": true, "bay": true, "park": true, "hospital": true, "school": true, "college": true, "format": true,
	"group": true, "line": true, "talks": true, "dialogue": true, "framework": true, "report": true, "principles": true}

// titledRun reports a run of capitalised words before token i that opens
// with a title, through "of", "for", "and" and "the" ("Assistant Secretary
// of Commerce for Export Enforcement", "Administrator of the Food Agency"):
// the given name at i begins the holder's name.
func titledRun(toks []token.Token, i int, titles []Mention) bool {
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		w := toks[k].Text
		for ti := range titles {
			if titles[ti].Start <= toks[k].Start && toks[k].End <= titles[ti].End {
				return k < i-1 // a title right before is the title path's to read
			}
		}
		if !capitalised(w) && w != "of" && w != "for" && w != "and" && w != "the" && w != "on" {
			return false
		}
	}
	return false
}

// titleEnd reports a capitalised word that ends a title's "for" phrase
// before a full name ("Assistant Secretary for African Affairs Molly
// Phee", "Envoy for Ethiopia Ana Ruiz"): Affairs, or a state or place named.
func titleEnd(w string, ms []Mention, t token.Token) bool {
	if w == "Affairs" {
		return true
	}
	for i := range ms {
		if m := &ms[i]; m.Start < t.End && t.Start < m.End && m.End == t.End && (m.Kind == Place || m.Kind == Actor && m.Entity && len(m.IDs) == 1 && !strings.Contains(m.IDs[0], ":")) {
			return true
		}
	}
	return false
}

// placeWords end the name of a place or a thing named after a person
// (Patrick Henry College, Martin Luther King Avenue).
var placeWords = map[string]bool{"College": true, "School": true, "Street": true, "Avenue": true, "Road": true, "Square": true,
	"Park": true, "Airport": true, "Station": true, "Bridge": true, "Hospital": true, "Museum": true, "Prize": true, "Award": true,
	"Act": true, "Church": true, "Cathedral": true, "Mosque": true, "Island": true, "Islands": true, "River": true, "Lake": true,
	"County": true, "City": true, "Hall": true, "Building": true, "Center": true, "Doctrine": true, "Plan": true, "Day": true}

func personSlug(name string) string {
	if hasHan(name) {
		if id := zhPersonSlug(name); id != "" {
			return id
		}
		sum := sha256.Sum256([]byte(name))
		return "person:zh-" + hex.EncodeToString(sum[:4])
	}
	words := strings.Fields(strings.NewReplacer("’", "", "'", "", ".", " ").Replace(name))
	var keep []string
	for _, w := range words {
		if len(w) == 1 {
			continue // an initial
		}
		keep = append(keep, w)
	}
	if len(keep) == 0 {
		return "person:unknown"
	}
	// family name first: an all-caps word is the family name (KAMIKAWA Yoko),
	// otherwise the last word is
	fam := len(keep) - 1
	for i, w := range keep {
		if len(w) > 1 && strings.ToUpper(w) == w {
			fam = i
			break
		}
	}
	if fam == len(keep)-1 {
		// a family name with a particle: von der Leyen, Rebelo de Sousa,
		// Roux de Bézieux (a Romance particle after two names or more joins
		// the name before it)
		for i := 1; i < len(keep)-1; i++ {
			w := keep[i]
			if germanicParticles[w] {
				fam = i
				break
			}
			if romanceParticles[w] {
				fam = i
				if i >= 2 {
					fam = i - 1
				}
				break
			}
		}
		if fam != len(keep)-1 {
			order := append(append([]string{}, keep[fam:]...), keep[:fam]...)
			return "person:" + Slug(strings.Join(order, " "))
		}
	}
	order := append([]string{keep[fam]}, append(append([]string{}, keep[:fam]...), keep[fam+1:]...)...)
	return "person:" + Slug(strings.Join(order, " "))
}

// germanicParticles and romanceParticles are the lower-case words inside a
// family name (personSlug).
var germanicParticles = map[string]bool{"van": true, "von": true, "der": true, "den": true, "ter": true, "zu": true}
var romanceParticles = map[string]bool{"de": true, "da": true, "do": true, "dos": true, "das": true, "del": true, "della": true, "di": true, "du": true, "la": true, "le": true}

// Slug is the lower-case ASCII form of a name for an id: letters and digits,
// words joined by hyphens, accents dropped ("Jean-Luc Mélenchon" →
// jean-luc-melenchon).
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if a, ok := deaccent[r]; ok {
			r = a
		}
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		case r == '\'' || r == '’':
		default:
			dash = true
		}
	}
	return b.String()
}

var deaccent = map[rune]rune{'á': 'a', 'à': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a', 'å': 'a', 'ā': 'a', 'ç': 'c', 'č': 'c', 'ć': 'c',
	'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e', 'ē': 'e', 'ě': 'e', 'í': 'i', 'ì': 'i', 'î': 'i', 'ï': 'i', 'ī': 'i', 'ñ': 'n', 'ń': 'n',
	'ó': 'o', 'ò': 'o', 'ô': 'o', 'ö': 'o', 'õ': 'o', 'ø': 'o', 'ō': 'o', 'ş': 's', 'š': 's', 'ś': 's', 'ú': 'u', 'ù': 'u', 'û': 'u',
	'ü': 'u', 'ū': 'u', 'ý': 'y', 'ž': 'z', 'ź': 'z', 'ż': 'z', 'ł': 'l', 'ř': 'r', 'ğ': 'g', 'ı': 'i', 'đ': 'd', 'ß': 's'}

// portfolioGap reports what may stand in Chinese between a state or its
// organ and an office: 副 (外交部副部长), a portfolio (外交部亚太事务副部长,
// 国务院台湾事务办公室主任 is an organ of its own) or 常务.
func portfolioGap(gap string) bool {
	gap = strings.TrimSuffix(strings.TrimPrefix(gap, "常务"), "副")
	if gap == "" {
		return true
	}
	n := utf8.RuneCountInString(gap)
	return strings.HasSuffix(gap, "事务") && n <= 10 && hasHan(gap) && !strings.ContainsAny(gap, "，、 ")
}

// portfolioBefore reports text that ends with a title and the preposition of
// its brief ("Special Representative for (the)", "Coordinator for"): a state
// named right after it is what the title deals with.
func portfolioBefore(text string) bool {
	// only the last words matter: read the tail, not the whole text before
	// (dropping the first field, which the cut may have split)
	cut := max(0, len(text)-120)
	f := strings.Fields(text[cut:])
	if cut > 0 && len(f) > 0 {
		f = f[1:]
	}
	if n := len(f); n > 0 && f[n-1] == "the" {
		f = f[:n-1]
	}
	n := len(f)
	return n >= 2 && f[n-1] == "for" && capitalised(f[n-2])
}

// briefTitle reports a gap of capitalised title words ending with the
// preposition of a brief: " Special Representative for the ".
func briefTitle(gap string) bool {
	f := strings.Fields(gap)
	if !portfolioBefore(gap) || len(f) > 7 {
		return false
	}
	for _, w := range f {
		if w != "for" && w != "the" && !capitalised(w) {
			return false
		}
	}
	return len(f) >= 2
}

// otherTitleAnd reports a gap that is another title joined by "and": the
// state before both ("Kenyan Prime Cabinet Secretary and Foreign Minister").
func otherTitleAnd(gap string) bool {
	f := strings.Fields(gap)
	if len(f) < 2 || len(f) > 6 || f[len(f)-1] != "and" {
		return false
	}
	for _, w := range f[:len(f)-1] {
		if !capitalised(w) {
			return false
		}
	}
	return true
}

// compoundTitle reports text that goes on with "and" and another
// capitalised word: the title before it and the next are one person's.
func compoundTitle(after string) bool {
	rest, ok := strings.CutPrefix(after, " and ")
	if !ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(r) {
		return false
	}
	named := false
	for _, w := range strings.Fields(rest) {
		if !capitalised(w) {
			break
		}
		lw := strings.ToLower(strings.Trim(w, ",.;:"))
		if pluralTitles[lw] {
			return false // "the Secretary and Foreign Ministers": other people, the title of many
		}
		if !notNames[lw] {
			named = true
		}
		if strings.ContainsAny(w, ",.;:") {
			break
		}
	}
	// "The Deputy Secretary and Vice Foreign Minister discussed": two
	// people's titles, with no name after the second
	return named
}

// rankGap reports English words of rank between a state and a title
// ("Japanese Vice Foreign Minister", "Indian Deputy National Security
// Adviser"): the title is still the state's.
func rankGap(gap string) bool {
	ws := strings.Fields(gap)
	for _, w := range ws {
		switch strings.ToLower(w) {
		case "vice", "deputy", "first", "senior", "acting", "former", "assistant", "under", "chief", "principal":
		default:
			return false
		}
	}
	return len(ws) > 0
}

// pluralTitles are titles of many people, which no one person holds.
var pluralTitles = map[string]bool{"ministers": true, "leaders": true, "secretaries": true, "presidents": true, "counterparts": true, "delegations": true}

// orgHead is the one person who held an organisation's title on the
// document's date ("the Secretary-General" of the United Nations); in an
// undated text, who holds it now, if they have held it for five years of
// the gazetteer's data (a president of the General Assembly serves one
// year: an undated speech may be from another). Nil for a state's office,
// which a text names its holder for, or when the gazetteer knows no one.
func (d *Doc) orgHead(role, of string) *lexicon.Entity {
	if role == "" || !strings.HasPrefix(of, "org:") {
		return nil
	}
	if d.date.IsZero() {
		h, from := d.f.lx.HolderNow(role, of)
		if h == nil || from.IsZero() || from.AddDate(5, 0, 0).After(d.f.lx.DataDate()) {
			return nil
		}
		return h
	}
	if hs := d.f.lx.HoldersOf(role, of, d.date); len(hs) == 1 {
		return hs[0]
	}
	return nil
}

// onDate tells the date a holder was looked up for.
func (d *Doc) onDate() string {
	if d.date.IsZero() {
		return ", undated text: the holder now"
	}
	return " on " + d.date.Format("2006-01-02")
}

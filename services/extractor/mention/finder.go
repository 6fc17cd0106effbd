package mention

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/services/extractor/token"
)

// Payload kinds of the phrase matcher.
const (
	pEntity uint8 = iota + 1
	pTitle
	pOrgan
)

// TopicPhrases are further phrases that name a topic (rules/topics.tsv).
type TopicPhrases struct {
	Topic   string
	Phrases []string
}

// PartyWord is a word that stands for parties without naming them.
type PartyWord struct {
	Lang   string
	Kind   Kind // Collective, Self, Pronoun, AllParties
	Phrase string
}

// Options configure a Finder.
type Options struct {
	Lexicon *lexicon.Lexicon
	Topics  []TopicPhrases
	Parties []PartyWord
	// Verbs are words that, right after a state's name, make it the
	// subject of a verb rather than a qualifier (意大利计划…: 计划 is "plans",
	// not "plan"): the rules' Chinese cue words.
	Verbs map[string]bool
}

// Finder finds mentions. It is read-only after New and safe for concurrent
// use; Doc returns the per-document state.
type Finder struct {
	lx     *lexicon.Lexicon
	ents   []*lexicon.Entity
	titles []lexicon.Title
	// enTitleKeys are the role keys of the English titles, by lower-cased phrase.
	enTitleKeys map[string][]string
	organs      []lexicon.Organ
	abbrevs     map[rune][]string
	matcher     *Matcher
	parties     map[string]*token.Patterns
	pkinds      []Kind
	// partiesBare holds the English collectives without their "the", found
	// only after "the <title> and"
	partiesBare *token.Patterns
	// topicEnts are topics named only by the rules, not the gazetteer.
	topicEnts map[string]*lexicon.Entity
	// words are the Chinese names, titles and organs, for the segmenter.
	words []token.Word
	// personBySurface finds a person by the family name the text uses.
	personByFamily map[string][]*lexicon.Entity
	// personByZhFamily finds a foreign person by the last part of the
	// Chinese transliteration of their name (辛格 of 拉杰纳特·辛格).
	personByZhFamily map[string][]*lexicon.Entity
	// givenNames are the given names of the gazetteer's people (Kirill,
	// Tomasz, Adela): a full name that opens with one names a person even
	// with no title before it.
	givenNames map[string]bool
	// placeGiven are given names that are also a place's or a state's name.
	placeGiven map[string]bool
	// translit are the Han characters the gazetteer's foreign names are
	// written with (亚, 当, 辛, 格 …: the names with a name dot, and those
	// of people of states that write no names in Han characters).
	translit map[rune]bool
	// fuzzyEn, fuzzyZh index topic aliases by their first word (topics.go).
	fuzzyEn, fuzzyZh map[string][]topicPhrase
	// familyFirst indexes the people whose English name puts the family
	// name first (Wang Yi), by that name, for a title before it.
	familyFirst map[string][]*lexicon.Entity
	// fuzzyZhFirst is, for each rune a first word of fuzzyZh opens with,
	// the most runes of such a word: other runes open none.
	fuzzyZhFirst map[rune]int
	// extraTopics are the rule files' topic phrases, by topic and language.
	extraTopics map[string]map[string][]string
	verbs       map[string]bool

	// zhOrganStates are, per Chinese organ phrase, the states its organs
	// of the gazetteer belong to, in the gazetteer's order ("" for a
	// generic one: 外交部)
	zhOrganStates map[string][]string
}

// nameVariants are the other ways a text writes a multi-word English name:
// "UN" spelt out or abbreviated (UN Framework Convention, United Nations
// Framework Convention), a curly apostrophe for a straight one (Da’esh).
func nameVariants(n string) []string {
	var out []string
	if hasHan(n) || !strings.Contains(n, " ") && !strings.Contains(n, "'") {
		return nil
	}
	if rest, ok := strings.CutPrefix(n, "UN "); ok {
		out = append(out, "United Nations "+rest)
	} else if rest, ok := strings.CutPrefix(n, "United Nations "); ok {
		out = append(out, "UN "+rest)
	}
	if strings.Contains(n, "'") {
		out = append(out, strings.ReplaceAll(n, "'", "’"))
	}
	return out
}

// Outlet reports a news outlet of the gazetteer (orgs.tsv type "outlet").
func (f *Finder) Outlet(id string) bool {
	e, ok := f.lx.Get(id)
	return ok && e.Outlet
}

// Academic reports a university or think tank of the gazetteer (orgs.tsv
// type "academic").
func (f *Finder) Academic(id string) bool {
	e, ok := f.lx.Get(id)
	return ok && e.Academic
}

// New builds a Finder from the gazetteer and the rules' words.
func New(opts Options) (*Finder, error) {
	lx := opts.Lexicon
	f := &Finder{lx: lx, titles: lx.Titles(), organs: lx.Organs(), abbrevs: map[rune][]string{}, verbs: opts.Verbs,
		parties: map[string]*token.Patterns{}, partiesBare: token.NewPatterns(), topicEnts: map[string]*lexicon.Entity{}, personByFamily: map[string][]*lexicon.Entity{}, familyFirst: map[string][]*lexicon.Entity{}, personByZhFamily: map[string][]*lexicon.Entity{}, givenNames: map[string]bool{}, translit: map[rune]bool{}}
	b := NewBuilder()
	addGiven := func(n string) {
		if givenName(n) && !lx.CommonWord(strings.ToLower(n)) {
			f.givenNames[n] = true
		}
	}
	addWord := func(phrase, tag string) {
		if hasHan(phrase) {
			f.words = append(f.words, token.Word{Text: phrase, Tag: tag})
		}
	}
	add := func(phrase string, ref int32, ent *lexicon.Entity) {
		b.Add(phrase, Payload{Kind: pEntity, Ref: ref})
		switch ent.Kind {
		case lexicon.KindCountry, lexicon.KindPlace:
			addWord(phrase, "ns")
		case lexicon.KindOrg:
			addWord(phrase, "nt")
		case lexicon.KindPerson:
			addWord(phrase, "nr")
		default:
			addWord(phrase, "n")
		}
	}
	for _, ent := range lx.Entities() {
		ref := int32(len(f.ents))
		f.ents = append(f.ents, ent)
		for lang, names := range ent.Names {
			for _, n := range names {
				if utf8.RuneCountInString(n) < 2 && (lang == "en" || hasHan(n)) && ent.Kind != lexicon.KindTopic {
					continue // 英, 美: only inside compounds (日英, 中美)
				}
				if ent.Kind == lexicon.KindPerson && lang == "en" && !strings.Contains(n, " ") && !hasHan(n) {
					if !token.CommonWord(n) {
						b.AddCased(n, Payload{Kind: pEntity, Ref: ref}) // a one-word name matches as written
					}
					continue
				}
				if ent.Kind == lexicon.KindOrg && lang == "en" && !strings.Contains(n, " ") && !hasHan(n) && n != strings.ToUpper(n) {
					b.AddCased(n, Payload{Kind: pEntity, Ref: ref}) // "Amnesty", not "a blanket amnesty"
					continue
				}
				if w, ok := strings.CutPrefix(n, "the "); ok && lang == "en" && !strings.Contains(w, " ") && lx.CommonWord(strings.ToLower(w)) {
					b.AddCased(n, Payload{Kind: pEntity, Ref: ref}) // "the Alliance" is NATO; "strengthen the alliance" may be any
					b.AddCased("The "+w, Payload{Kind: pEntity, Ref: ref})
					continue
				}
				add(n, ref, ent)
				for _, v := range nameVariants(n) {
					add(v, ref, ent)
				}
			}
		}
		for _, n := range ent.Label {
			if utf8.RuneCountInString(n) >= 2 {
				add(n, ref, ent)
			}
		}
		if ent.Kind == lexicon.KindPerson {
			for _, n := range ent.Names["zh"] {
				if k := strings.LastIndexAny(n, "·•・-."); k > 0 {
					if fam := n[k+utf8.RuneLen([]rune(n[k:])[0]):]; utf8.RuneCountInString(fam) >= 2 && hasHan(fam) && !slices.Contains(f.personByZhFamily[fam], ent) {
						f.personByZhFamily[fam] = append(f.personByZhFamily[fam], ent)
					}
				}
			}
			for lang, names := range ent.Names {
				for _, n := range names {
					if hasHan(n) && (strings.Contains(n, "·") || !hanNamed[ent.Country] && n == ent.Label[lang]) {
						for _, r := range n {
							if unicode.Is(unicode.Han, r) {
								f.translit[r] = true
							}
						}
					}
				}
			}
			for _, n := range personVariants(ent.Names["en"]) {
				if !strings.Contains(n, " ") {
					// a family name alone: as written, and never a common word (Long,
					// Young, Said); a word of common-words.tsv or a given name only
					// for an office holder, whom a title names (President Moon), not
					// for anyone else (Hall, George)
					if !token.CommonWord(n) && (len(ent.Roles) > 0 || !lx.CommonWord(strings.ToLower(n)) && !lx.GivenName(n)) {
						b.AddCased(n, Payload{Kind: pEntity, Ref: ref})
					}
					continue
				}
				add(n, ref, ent)
			}
			for _, n := range ent.Names["en"] {
				if w := strings.Fields(n); len(w) >= 2 {
					fam := strings.ToLower(w[len(w)-1])
					f.personByFamily[fam] = append(f.personByFamily[fam], ent)
					if first := strings.ToLower(w[0]); first != fam && strings.HasPrefix(ent.ID, "person:"+first+"-") {
						// a name written family name first (Wang Yi, Kim Jong Un), as its id is
						f.familyFirst[first] = append(f.familyFirst[first], ent)
					}
					addGiven(w[0])
				}
			}
		}
	}
	for _, n := range lx.GivenNames() {
		addGiven(n)
	}
	for _, n := range wordGivenNames {
		f.givenNames[n] = true // (their family names must still be no word: "Peter Stano", not "Frank Talks")
	}
	f.placeGiven = map[string]bool{"Asia": true, "Africa": true, "Europe": true, "America": true, "Oceania": true}
	for n := range f.givenNames {
		for _, e := range lx.Lookup(n) {
			if e.Kind != lexicon.KindPerson {
				f.placeGiven[n] = true // Asia, Georgia, Jordan: also a place's or a state's name
			}
		}
	}
	f.extraTopics = map[string]map[string][]string{}
	for _, tp := range opts.Topics {
		if f.extraTopics[tp.Topic] == nil {
			f.extraTopics[tp.Topic] = map[string][]string{}
		}
		for _, p := range tp.Phrases {
			lang := "en"
			if hasHan(p) {
				lang = "zh"
			}
			f.extraTopics[tp.Topic][lang] = append(f.extraTopics[tp.Topic][lang], p)
		}
		ent, ok := lx.Get(tp.Topic)
		if !ok {
			ent = f.topicEnts[tp.Topic]
			if ent == nil {
				ent = &lexicon.Entity{ID: tp.Topic, Kind: lexicon.KindTopic, Label: map[string]string{"en": tp.Topic}}
				f.topicEnts[tp.Topic] = ent
			}
		}
		ref := int32(len(f.ents))
		f.ents = append(f.ents, ent)
		for _, p := range tp.Phrases {
			add(p, ref, ent)
		}
	}
	f.enTitleKeys = map[string][]string{}
	for i, t := range f.titles {
		b.Add(t.Phrase, Payload{Kind: pTitle, Ref: int32(i)})
		addWord(t.Phrase, "n")
		if t.Lang == "en" {
			f.enTitleKeys[strings.ToLower(t.Phrase)] = append(f.enTitleKeys[strings.ToLower(t.Phrase)], t.Key)
		}
	}
	f.zhOrganStates = map[string][]string{}
	for i, o := range f.organs {
		b.Add(o.Phrase, Payload{Kind: pOrgan, Ref: int32(i)})
		addWord(o.Phrase, "nt")
		if o.Lang == "zh" {
			f.zhOrganStates[o.Phrase] = append(f.zhOrganStates[o.Phrase], o.Country)
		}
	}
	for _, a := range lx.Abbrevs() {
		r, _ := utf8.DecodeRuneInString(a.Char)
		f.abbrevs[r] = append(f.abbrevs[r], a.ID)
	}
	for _, pw := range opts.Parties {
		ps := f.parties[pw.Lang]
		if ps == nil {
			ps = token.NewPatterns()
			f.parties[pw.Lang] = ps
		}
		if err := ps.Add(pw.Phrase, int32(len(f.pkinds))); err != nil {
			return nil, err
		}
		f.pkinds = append(f.pkinds, pw.Kind)
		if bare, ok := strings.CutPrefix(pw.Phrase, "the "); ok && pw.Lang == "en" && pw.Kind == Collective {
			// "the Secretary and Foreign Ministers": one "the" for both nouns
			if err := f.partiesBare.Add(bare, int32(len(f.pkinds)-1)); err != nil {
				return nil, err
			}
		}
		if pw.Lang == "zh" {
			addWord(pw.Phrase, "r")
		}
	}
	var err error
	if f.matcher, err = b.Build(); err != nil {
		return nil, err
	}
	f.matcher.Later = f.topicAfterName
	return f, nil
}

// topicAfterName prefers a topic's phrase to a name it begins with ("the
// UN Charter", "the EU acquis"): the English head comes last; and a longer
// name of the same entity to a shorter one.
func (f *Finder) topicAfterName(first, second []Payload) bool {
	isTopic := func(ps []Payload) bool {
		for _, p := range ps {
			if p.Kind == pEntity && f.ents[p.Ref].Kind == lexicon.KindTopic {
				return true
			}
		}
		return false
	}
	for _, a := range first {
		for _, b := range second {
			if a == b {
				return true // "the United Kingdom of Great Britain and …": a longer name of the same
			}
		}
	}
	return !isTopic(first) && isTopic(second)
}

// Words returns the Chinese names, titles, organs and party words, for the
// segmenter's dictionary.
func (f *Finder) Words() []token.Word { return f.words }

// Lexicon returns the gazetteer the finder reads.
func (f *Finder) Lexicon() *lexicon.Lexicon { return f.lx }

// Entity returns a gazetteer entity or a rules-only topic by id.
func (f *Finder) Entity(id string) (*lexicon.Entity, bool) {
	if e, ok := f.lx.Get(id); ok {
		return e, true
	}
	e, ok := f.topicEnts[id]
	return e, ok
}

// Doc is the mention state of one document: its date (for roles) and the
// people it has introduced, so that a later "Holness" or "the Prime
// Minister" is the person named before.
type Doc struct {
	f    *Finder
	date time.Time
	// people introduced by the text, by lower-cased family name and by
	// full name as written
	introduced map[string]*Mention
	// namedInFull are the gazetteer's people the text has named by more
	// than one word, so that a later lone family name is one of them
	namedInFull map[string]bool
	// orgNames are the organisations the text has named by more than one
	// word, lower-cased name → id, so that "the Alliance" after "the
	// Alliance for Development in Democracy" is that alliance
	orgNames map[string]string
	// fullNameOf caches, per family name of a transcript's turn label, the
	// full name the text gives it ("" when none)
	fullNameOf map[string]string
	// zhNames are the introduced names in Chinese script, in the order
	// the text introduced them.
	zhNames []string
	// placeNames caches, for the first MaxPlaceScans dotted names, whether
	// the text writes them anywhere as a place's or an organisation's name.
	placeNames map[string]bool
	// byRole is the last person introduced with each role key (and
	// "key|state"); byTitle by the title they were introduced with.
	byRole  map[string]*Mention
	byTitle map[string]*Mention
	// presiding is the president of the General Assembly on the date of a
	// speech to it, for the "you" it greets; presidingKnown, once looked up.
	presiding      *lexicon.Entity
	presidingKnown bool
	// partiesNamed are the parties the text has named so far, with org:un for
	// any organ of the United Nations: a title's context ("the
	// Secretary-General" is then the UN's, "the Chief Executive" Hong Kong's)
	partiesNamed map[string]bool
	// initials maps the first character of each state the text named in
	// Chinese to the state ("" when two states share it), for 爱方, 菲方.
	initials map[rune]string
	// text is the whole document as matched; named caches whether it names
	// a state.
	text  string
	named map[string]bool
	// lastOrg is the organisation the text named last (for 该公司), and
	// the name it was named by; lastStates the states the last sentence
	// naming two or more named (for 这些国家).
	lastOrg, lastOrgText string
	lastStates           []string
	// lastState is the state the text named last (for "the regime")
	lastState string
	// coup is 1 once the text is known to tell of a state its army rules
	// or seized, -1 once known not to
	coup int8
	// taiwanOrgans are the roles of the organs the text named as Taiwan's
	// (台湾外交部): a bare 外交部 after is Taiwan's too, not China's.
	taiwanOrgans map[string]bool
	// organOf is, for an organ the gazetteer gives a state by default
	// (商务部), the other state the text named it with (美国商务部); ""
	// when it named it with two
	organOf map[string]string
}

// TimeClauseAfter reports a verb after token from, then 之后, 之前, 以后,
// 以前, 时 or 之际 before any punctuation: the 在 before opened a clause of
// time (在X宣布…之后), whose subject the party is.
func TimeClauseAfter(s *Sentence, from int) bool {
	verb := false
	for k := from; k < len(s.Tokens); k++ {
		t := &s.Tokens[k]
		if t.POS == token.Punct {
			return false
		}
		switch t.Text {
		case "之后", "之前", "以后", "以前", "时", "之际", "后":
			return verb
		}
		if t.IsVerbal() {
			verb = true
		}
	}
	return false
}

// newsStates are the states whose leaders Chinese news names without
// naming the state (拜登表示…): their short names need no context.
var newsStates = map[string]bool{"USA": true, "CHN": true, "RUS": true, "GBR": true, "FRA": true, "DEU": true, "JPN": true,
	"IND": true, "KOR": true, "PRK": true, "TWN": true, "UKR": true, "ISR": true, "IRN": true, "TUR": true, "HKG": true}

// stateNamed reports a state (or organisation) the document names by one of
// its Chinese names.
func (d *Doc) stateNamed(id string) bool {
	if v, ok := d.named[id]; ok {
		return v
	}
	if d.named == nil {
		d.named = map[string]bool{}
	}
	found := false
	if e, ok := d.f.lx.Get(id); ok {
		found = slices.ContainsFunc(e.Names["zh"], d.names) || d.names(e.Label["zh"]) ||
			slices.ContainsFunc(e.Names["en"], func(n string) bool { return len(n) >= 4 && strings.Contains(d.text, n) })
	}
	d.named[id] = found
	return found
}

// titledBefore reports a title word right before start ("Under
// Secretary Fernandez", "President Ruto"): the title stage decides whose
// name that is.
func titledBefore(text string, start int) bool {
	w := strings.TrimRight(text[:start], " ")
	if len(w) == len(text[:start]) {
		return false
	}
	if i := strings.LastIndexAny(w, " \n\t"); i >= 0 {
		w = w[i+1:]
	}
	return titleWords[strings.TrimSuffix(w, ".")]
}

// titleWords end a title before a family name.
var titleWords = map[string]bool{"Secretary": true, "Minister": true, "President": true, "Premier": true, "Chancellor": true,
	"Ambassador": true, "Senator": true, "Governor": true, "Spokesperson": true, "Spokesman": true, "Envoy": true,
	"Administrator": true, "Director": true, "General": true, "Mr": true, "Ms": true, "Mrs": true, "Dr": true, "Representative": true,
	"Commissioner": true, "Chairman": true, "Chair": true, "Speaker": true, "Leader": true, "King": true, "Queen": true, "Prince": true}

// names reports a Chinese name of two characters or more in the document
// (an English name of four letters or more counts too, in stateNamed).
func (d *Doc) names(n string) bool {
	return utf8.RuneCountInString(n) >= 2 && strings.Contains(d.text, n)
}

// Doc starts a document dated date (zero when unknown).
func (f *Finder) Doc(date time.Time) *Doc {
	return &Doc{f: f, date: date, introduced: map[string]*Mention{}, partiesNamed: map[string]bool{}, namedInFull: map[string]bool{}, orgNames: map[string]string{}, byRole: map[string]*Mention{}, byTitle: map[string]*Mention{},
		initials: map[rune]string{}}
}

// Find fills s.Mentions. text is the whole document (as matched: Chinese
// read through simplified characters); s.Tokens must be set.
func (d *Doc) Find(text string, s *Sentence) {
	f := d.f
	d.text = text
	st := text[s.Start:s.End]
	var out []Mention
	var titles []Mention
	var ok func(a, b int) bool
	if s.Lang == "zh" {
		// token boundaries, by byte offset in the sentence
		starts, ends := make([]bool, len(st)+1), make([]bool, len(st)+1)
		for _, t := range s.Tokens {
			if a, b := t.Start-s.Start, t.End-s.Start; a >= 0 && b <= len(st) {
				starts[a], ends[b] = true, true
			}
		}
		ok = func(a, b int) bool {
			if strings.HasPrefix(st[b:], "长") && (strings.HasSuffix(st[a:b], "部") || strings.HasSuffix(st[a:b], "院")) {
				return false // 巴西外交部长: the minister (部长), not the ministry
			}
			return alignedAt(starts[a], ends[b], st[a:b])
		}
	}
	for _, mt := range f.matcher.FindFunc(st, ok) {
		m, isTitle := d.fromMatch(st, mt, s)
		if m == nil {
			continue
		}
		m.Start += s.Start
		m.End += s.Start
		if isTitle {
			titles = append(titles, *m)
			continue
		}
		if m.Kind == Topic && mt.Start > 0 && st[mt.Start-1] == '-' {
			continue // "Saudi-Iran deal": part of a compound, not the topic "Iran deal"
		}
		out = append(out, *m)
	}
	if s.Lang == "zh" {
		d.hongKongDemocrats(out)
		out = d.compounds(text, s, out)
		out = d.visits(text, s, out)
		out = taiwanAfterVerb(text, s, out)
		out = d.sides(text, s, out)
		out = d.stateOrgans(text, s, out)
	}
	out = d.organs(text, s, out)
	d.leaders(out)
	out = d.people(text, s, out, titles)
	for _, t := range titles {
		if strings.HasPrefix(t.ID, "org:") {
			s.nameOrg(t.ID)
		}
	}
	out = append(out, d.partyWords(s, out)...)
	out = d.inferred(text, s, out)
	out = d.fuzzyTopics(text, s, out)
	if s.Lang == "zh" {
		out = d.thisOrg(text, s, out)
		out = d.theseStates(text, s, out)
	}
	out = d.theRegime(text, s, out)
	if s.Lang == "en" {
		out = seasJoined(text, s, out)
		out = d.assemblyPresident(text, s, out)
		out = d.thisAssembly(text, s, out)
	}
	if s.Lang == "zh" {
		out = dropGlossedNames(text, out)
		out = dropCutNames(text, s, out)
	}
	if strings.Contains(text[s.Start:s.End], "&") {
		out = dropFirmNames(text, out)
	}
	if s.Lang == "en" && strings.Contains(text[s.Start:s.End], "America") {
		out = dropRegionAmerica(text, out)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	if s.Lang == "en" && strings.Contains(text[s.Start:s.End], "(") {
		out = glossedNames(text, out)
	}
	out = dropOverlaps(out)
	if s.Lang == "zh" {
		s.Tokens = splitAt(s.Tokens, out)
	}
	for i := range out {
		align(&out[i], s.Tokens)
	}
	d.venues(text, s, out)
	d.attributive(s, out)
	s.Mentions = out
	for i := range out {
		if m := &out[i]; m.Kind == Actor && len(m.IDs) > 0 {
			m.Outlet = d.f.Outlet(m.IDs[0])
		}
		if len(out[i].IDs) != 1 {
			continue
		}
		if id := out[i].IDs[0]; strings.HasPrefix(id, "org:un") {
			d.partiesNamed["org:un"] = true
		} else if out[i].Kind == Actor {
			d.partiesNamed[id] = true
		}
	}
	if s.Lang == "zh" {
		d.noteInitials(out)
	}
	var states []string
	for i := range out {
		m := &out[i]
		if m.Kind == Actor && m.Entity && len(m.IDs) == 1 && !strings.Contains(m.IDs[0], ":") && !strings.Contains(m.How, "named before)") {
			d.lastState = m.IDs[0] // (a venue too: "protests in Burma … the regime")
		}
		if m.Kind != Actor || !m.Entity || m.Venue || len(m.IDs) != 1 || strings.Contains(m.How, "named before)") {
			continue // (a 该公司 or 这些国家 found here names nothing new)
		}
		switch id := m.IDs[0]; {
		case strings.HasPrefix(id, "org:"):
			d.lastOrg, d.lastOrgText = id, m.Text
		case !strings.Contains(id, ":") && !m.Attr && !slices.Contains(states, id) && id != "HKG" && id != "MAC":
			// (Hong Kong and Macao have codes of their own but are no
			// states: 这些国家 does not name them again)
			states = append(states, id)
		}
	}
	if len(states) >= 2 {
		d.lastStates = states
	}
}

// hongKongDemocrats reads a bare Chinese 民主党 as Hong Kong's Democratic
// Party in a text that names that party in full (香港民主党) or with Hong
// Kong's Civic Party (公民党), and not the US party (美国民主党).
func (d *Doc) hongKongDemocrats(ms []Mention) {
	for i := range ms {
		m := &ms[i]
		if m.Text != "民主党" || len(m.IDs) != 1 || m.IDs[0] != "org:democratic-party" {
			continue
		}
		if (d.stateNamed("org:democratic-party-hk") || d.names("公民党")) && !d.names("美国民主党") {
			m.IDs = []string{"org:democratic-party-hk"}
			m.How = "民主党 → org:democratic-party-hk (Hong Kong's party, named in full or with 公民党 in the text)"
		}
	}
}

// hanNamed are the states whose people's names are Han characters of
// their own, not transliterations.
var hanNamed = map[string]bool{"CHN": true, "TWN": true, "HKG": true, "MAC": true, "JPN": true, "KOR": true, "PRK": true, "SGP": true, "VNM": true, "": true}

// leaders notes the person an administration a mention names is named
// after (特朗普政府, "Biden administration").
func (d *Doc) leaders(ms []Mention) {
	for i := range ms {
		m := &ms[i]
		if m.Kind != Actor {
			continue
		}
		for _, suf := range []string{"政府", " administration", " Administration"} {
			name, ok := strings.CutSuffix(m.Text, suf)
			if !ok || name == "" {
				continue
			}
			for _, e := range d.f.lx.Lookup(name) {
				if e.Kind == lexicon.KindPerson {
					m.Leader, m.LeaderName = e.ID, name
					break
				}
			}
		}
	}
}

// occurrences returns the byte spans, in the document, of each place the
// sentence holds phrase.
func occurrences(text string, s *Sentence, phrase string) [][2]int {
	var out [][2]int
	st := text[s.Start:s.End]
	for off := 0; ; {
		i := strings.Index(st[off:], phrase)
		if i < 0 {
			return out
		}
		start := s.Start + off + i
		out = append(out, [2]int{start, start + len(phrase)})
		off += i + len(phrase)
	}
}

// regimeAnaphors name a state's rulers without naming the state: the state
// named last, or the one named right after ("the junta in Burma").
var regimeAnaphors = map[string][]string{
	"en": {"the regime", "the military regime", "the junta", "the military junta", "the ruling junta", "the military"},
	"zh": {"该政权", "这个政权", "这一政权", "军政府"},
}

// coupWords tell a text about a state its army rules or seized: there,
// "the military" is that state's rulers, not anyone's armed forces.
var coupWords = []string{"military regime", "military junta", "military coup", "military takeover", "the junta", "coup d"}

// militaryRules reports, once per text, whether it tells of a state its
// army rules or seized.
func (d *Doc) militaryRules() bool {
	if d.coup == 0 {
		d.coup = -1
		low := strings.ToLower(d.text)
		for _, w := range coupWords {
			if strings.Contains(low, w) {
				d.coup = 1
				break
			}
		}
	}
	return d.coup > 0
}

// theRegime finds "the regime", "the junta", 该政权: the state whose rulers
// they are, named just after (in/of X) or named last.
func (d *Doc) theRegime(text string, s *Sentence, ms []Mention) []Mention {
	st := text[s.Start:s.End]
	if s.Lang == "en" {
		st = strings.ToLower(st)
	}
	for _, a := range regimeAnaphors[s.Lang] {
		if a == "the military" && !d.militaryRules() {
			continue
		}
		for off := 0; ; {
			i := strings.Index(st[off:], a)
			if i < 0 {
				break
			}
			start := s.Start + off + i
			end := start + len(a)
			off += i + len(a)
			if r, _ := utf8.DecodeRuneInString(text[end:s.End]); end < s.End && isWordRune(r) {
				continue // "the regimes"
			}
			if a == "the military" && nounAfter(s, end) {
				continue // "the military option", "the military situation"
			}
			// (a bare organ word inside gives way: "the military junta")
			ms = slices.DeleteFunc(ms, func(m Mention) bool { return m.Kind == Organ && len(m.IDs) == 0 && m.Start < end && start < m.End })
			if overlapsAny(ms, start, end) {
				continue // (缅甸军政府: named)
			}
			ref, at := d.lastState, -1
			verb := len(text) // the subject before the sentence's first verb speaks of the regime, it is not it
			for _, t := range s.Tokens {
				if t.POS == token.Verb {
					verb = t.Start
					break
				}
			}
			for k := range ms {
				m := &ms[k]
				if m.Kind != Actor || !m.Entity || len(m.IDs) != 1 || strings.Contains(m.IDs[0], ":") {
					continue
				}
				if m.End <= start && m.Start > at && m.Start > verb {
					ref, at = m.IDs[0], m.Start
				}
				if m.Start >= end && m.Start <= end+4 && (strings.EqualFold(text[end:m.Start], " in ") || strings.EqualFold(text[end:m.Start], " of ")) {
					ref, at = m.IDs[0], len(text) // "the junta in Burma"
				}
			}
			if ref == "" {
				continue
			}
			ms = append(ms, Mention{Kind: Actor, Start: start, End: end, Text: text[start:end], IDs: []string{ref}, Entity: true,
				EntityType: lexicon.KindCountry, How: text[start:end] + " → " + ref + " (the state whose rulers they are, named before)"})
		}
	}
	return ms
}

// statesAnaphors name again the states named together before (这些国家).
var statesAnaphors = []string{"这些国家", "上述国家", "这几个国家", "这些西方国家", "该等国家"}

// theseStates finds 这些国家 and the like: the states the last sentence
// naming two or more of them named.
func (d *Doc) theseStates(text string, s *Sentence, ms []Mention) []Mention {
	if len(d.lastStates) < 2 {
		return ms
	}
	for _, a := range statesAnaphors {
		for _, sp := range occurrences(text, s, a) {
			if overlapsAny(ms, sp[0], sp[1]) {
				continue
			}
			ms = append(ms, Mention{Kind: Actor, Start: sp[0], End: sp[1], Text: a, IDs: slices.Clone(d.lastStates), Entity: true,
				EntityType: lexicon.KindCountry, How: a + " → " + strings.Join(d.lastStates, ", ") + " (the states named together before)"})
		}
	}
	return ms
}

// institutionEnds end the Chinese names of bodies that are no company (法院,
// 组织, 委员会): 该公司 does not name them again.
var institutionEnds = []string{"法院", "组织", "委员会", "联盟", "理事会", "大会", "机构", "基金", "论坛", "党", "署", "局", "议会", "联合国", "欧盟", "北约", "政府"}

func companyLike(name string) bool {
	for _, e := range institutionEnds {
		if strings.HasSuffix(name, e) {
			return false
		}
	}
	return true
}

// orgAnaphors name again an organisation the text named before (该公司).
var orgAnaphors = []string{"该公司", "这家公司", "该组织", "该机构", "该集团", "该银行", "这家银行", "该企业", "这家企业"}

// thisOrg finds 该公司, 该组织 and the like: the organisation named last,
// in this sentence before it or in the sentences before.
func (d *Doc) thisOrg(text string, s *Sentence, ms []Mention) []Mention {
	for _, a := range orgAnaphors {
		company := strings.Contains(a, "公司") || strings.Contains(a, "企业") || strings.Contains(a, "集团") || strings.Contains(a, "银行")
		for _, sp := range occurrences(text, s, a) {
			if overlapsAny(ms, sp[0], sp[1]) {
				continue
			}
			ref, refText, at := d.lastOrg, d.lastOrgText, -1
			for k := range ms {
				if m := &ms[k]; m.Kind == Actor && m.Entity && !m.Venue && len(m.IDs) == 1 && strings.HasPrefix(m.IDs[0], "org:") && m.End <= sp[0] && m.Start > at {
					ref, refText, at = m.IDs[0], m.Text, m.Start
				}
			}
			if ref == "" || company && !companyLike(refText) {
				continue // (the court named last is no company)
			}
			ms = append(ms, Mention{Kind: Actor, Start: sp[0], End: sp[1], Text: a, IDs: []string{ref}, Entity: true,
				EntityType: lexicon.KindOrg, How: a + " → " + ref + " (the organisation named before)"})
		}
	}
	return ms
}

// sides finds "X方" for a state the text named before whose name begins
// with X (爱尔兰 … 爱方, 菲律宾 … 菲方): the state's side.
func (d *Doc) sides(text string, s *Sentence, ms []Mention) []Mention {
	if len(d.initials) == 0 {
		return ms
	}
	for i, t := range s.Tokens {
		start, end := t.Start, t.End
		switch {
		case utf8.RuneCountInString(t.Text) == 2 && strings.HasSuffix(t.Text, "方"):
		case utf8.RuneCountInString(t.Text) == 1 && i+1 < len(s.Tokens) && s.Tokens[i+1].Text == "方" && s.Tokens[i+1].Start == t.End:
			end = s.Tokens[i+1].End
		default:
			continue
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		id := d.initials[r]
		if id == "" || overlapsAny(ms, start, end) {
			continue
		}
		ms = append(ms, Mention{Kind: Actor, Start: start, End: end, Text: text[start:end], IDs: []string{id}, Entity: true,
			EntityType: lexicon.KindCountry, How: text[start:end] + " → " + id + " (the side of a state named before)"})
	}
	return ms
}

// zhOrganEnds end the Chinese name of a government body.
var zhOrganEnds = []string{"部", "省", "院", "署", "局", "厅", "委员会", "办公室", "办", "委"}

// stateOrgans finds a state's organ the segmenter keeps as one word and the
// gazetteer does not know (韩国统一部, 日本防卫省): the state speaks by it.
func (d *Doc) stateOrgans(text string, s *Sentence, ms []Mention) []Mention {
	for _, t := range s.Tokens {
		n := utf8.RuneCountInString(t.Text)
		if n < 3 || n > 12 || overlapsAny(ms, t.Start, t.End) {
			continue
		}
		organ := false
		for _, e := range zhOrganEnds {
			if strings.HasSuffix(t.Text, e) {
				organ = true
			}
		}
		if !organ {
			continue
		}
		// the longest state name the word begins with, leaving the organ's name
		for k := len(t.Text) - len("部"); k > 0; k-- {
			if !utf8.RuneStart(t.Text[k]) {
				continue
			}
			es := d.f.lx.Lookup(t.Text[:k])
			if len(es) == 0 || es[0].Kind != lexicon.KindCountry || utf8.RuneCountInString(t.Text[k:]) < 2 {
				continue
			}
			ms = append(ms, Mention{Kind: Actor, Start: t.Start, End: t.End, Text: t.Text, IDs: []string{es[0].ID}, Entity: true,
				EntityType: lexicon.KindCountry, How: t.Text + " (organ) → " + es[0].ID}) // (organs notes a Taiwanese one)
			break
		}
	}
	return ms
}

// eraOf reports a former state named only for its time: 后 before it
// (后苏联国家), or 时代, 时期, "-era" or " era" after it.
func eraOf(before, after string) bool {
	return strings.HasSuffix(before, "后") || startsWithAny(strings.ToLower(after), "时代", "时期", "-era", " era")
}

// partyGovernment reports a ruling party's name followed by the word for
// its government (中共当局, 中共政权, "CCP regime", "CCP authorities").
func partyGovernment(after string) bool {
	return startsWithAny(after, "当局", "政府", "政权", " regime", " authorities", " government")
}

// startsWithAny reports s opening with one of words.
func startsWithAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// noteInitials records the first characters of the states a sentence
// names in Chinese.
func (d *Doc) noteInitials(ms []Mention) {
	for _, m := range ms {
		if m.Kind != Actor || len(m.IDs) != 1 || strings.Contains(m.IDs[0], ":") || utf8.RuneCountInString(m.Text) < 2 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(m.Text)
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		if prev, ok := d.initials[r]; ok && prev != m.IDs[0] {
			d.initials[r] = "" // two states begin alike: 印度, 印尼
			continue
		}
		d.initials[r] = m.IDs[0]
	}
}

// partyNouns are the nouns after a state's name that still make a party
// ("Chinese officials", 美国官员): after any other noun ("Russian
// aggression", 中国企业) the state only qualifies it.
var partyNouns = map[string]bool{"official": true, "minister": true, "authority": true, "government": true, "side": true, "diplomat": true,
	"leader": true, "leadership": true, "spokesman": true, "spokesperson": true, "spokeswoman": true, "ministry": true,
	"embassy": true, "delegation": true, "administration": true, "negotiator": true, "envoy": true, "counterpart": true,
	"military": true, "force": true, "army": true, "navy": true, "regime": true, "people": true, "state": true, "cabinet": true,
	"lawmaker": true, "legislator": true, "parliament": true, "team": true, "statement": true, "source": true,
	"官员": true, "政府": true, "当局": true, "方面": true, "外交官": true, "领导人": true, "领导层": true, "发言人": true,
	"代表团": true, "军方": true, "军队": true, "使馆": true, "大使馆": true, "人民": true, "政权": true, "高官": true,
	"议员": true, "国会": true, "议会": true, "内阁": true, "声明": true, "国家": true, "一方": true,
	"长官": true, "部长": true, "大使": true, "代表": true, "负责人": true, "领导": true, "官方": true, "副部长": true, "次长": true, "人士": true}

// memberNouns are members of a legislature: after a state's name they make
// a party (美国参议员); after a political party's (共和党参议员卢比奥) the
// person named speaks for the state.
var memberNouns = map[string]bool{"senator": true, "congressman": true, "congresswoman": true, "parliamentarian": true,
	"mp": true, "参议员": true, "众议员": true, "国会议员": true, "政要": true, "立法者": true}

// Attributive marks again the states of a sentence that only qualify the
// noun after them, after its words were tagged again.
func (d *Doc) Attributive(s *Sentence) {
	for i := range s.Mentions {
		m := &s.Mentions[i]
		if m.Kind == Actor && m.Attr && m.TokEnd < len(s.Tokens) && s.Tokens[m.TokEnd].IsVerbal() {
			m.Attr = false // "UK pledge": the word after the name is its verb after all
		}
	}
	d.attributive(s, s.Mentions)
}

// attributive marks states that only qualify the noun after them.
func (d *Doc) attributive(s *Sentence, ms []Mention) {
	for i := range ms {
		m := &ms[i]
		if m.Kind != Actor || m.Attr || m.TokEnd <= 0 || m.TokEnd >= len(s.Tokens) {
			continue
		}
		if m.Tok > 0 && (s.Tokens[m.Tok-1].Text == "驻" || strings.HasSuffix(s.Tokens[m.Tok-1].Text, "驻")) {
			m.Venue = true // 中国驻喀布尔使馆: the host of an embassy is where it is
			continue
		}
		if i+1 < len(ms) && ms[i+1].Tok == m.TokEnd && ms[i+1].Kind != Topic {
			continue // another name follows: a title, a person, an organ
		}
		n := &s.Tokens[m.TokEnd]
		if n.POS != token.Noun || n.Start != s.Tokens[m.TokEnd-1].End && s.Lang == "zh" || d.f.verbs[n.Text] || timeNoun(n) {
			continue
		}
		member := (memberNouns[strings.ToLower(n.Lemma)] || memberNouns[n.Text]) && len(m.IDs) == 1 && !strings.Contains(m.IDs[0], ":")
		if !partyNouns[strings.ToLower(n.Lemma)] && !partyNouns[n.Text] && !member {
			m.Attr = true
		}
	}
}

// timeNoun reports a word of time (上周, 今天, 近日, yesterday): after a
// state it begins the predicate, it is not what the state qualifies.
func timeNoun(t *token.Token) bool {
	if t.Tag == "t" || t.Tag == "tg" {
		return true
	}
	switch t.Text {
	case "上周", "本周", "下周", "今天", "昨天", "明天", "今日", "昨日", "近日", "日前", "此前", "目前", "当天", "今年", "去年", "明年", "上月", "本月", "当地时间", "周一", "周二", "周三", "周四", "周五", "周六", "周日":
		return true
	}
	switch l := strings.ToLower(t.Text); l {
	case "today", "yesterday", "tomorrow", "now":
		return true
	default:
		return weekdays[l]
	}
}

// fromMatch turns a phrase match into a mention, or reports a title.
func (d *Doc) fromMatch(st string, mt Match, s *Sentence) (*Mention, bool) {
	f := d.f
	m := &Mention{Start: mt.Start, End: mt.End, Text: st[mt.Start:mt.End]}
	var best *lexicon.Entity
	var topics []string
	title, organ := int32(-1), int32(-1)
	for _, p := range mt.Payloads {
		switch p.Kind {
		case pEntity:
			ent := f.ents[p.Ref]
			if ent.Kind == lexicon.KindTopic {
				topics = append(topics, ent.ID)
			}
			if best == nil || kindRank(ent.Kind) < kindRank(best.Kind) ||
				ent.Kind == lexicon.KindPerson && best.Kind == lexicon.KindPerson && d.namedInFull[ent.ID] && !d.namedInFull[best.ID] {
				// "Fuad Hussein … Foreign Minister Hussein": the Hussein the
				// text named, not the first of that family the gazetteer lists
				best = ent
			}
		case pTitle:
			title = p.Ref
		case pOrgan:
			if organ < 0 {
				organ = p.Ref
			}
		}
	}

	switch {
	case best != nil:
		switch best.Kind {
		case lexicon.KindCountry, lexicon.KindOrg:
			m.Kind, m.IDs, m.Entity, m.EntityType = Actor, []string{best.ID}, true, best.Kind
			m.How = m.Text + " → " + best.ID
			if best.Kind == lexicon.KindOrg {
				if id := d.namedWithHead(m.Text, best.ID); id != "" {
					m.IDs = []string{id}
					m.How = m.Text + " → " + id + " (the one of that name the text named)"
				} else if strings.Contains(m.Text, " ") {
					d.orgNames[strings.ToLower(m.Text)] = best.ID
				}
			}
		case lexicon.KindPerson:
			if p, ok := d.introduced[strings.ToLower(m.Text)]; ok && p.Kind == Person && p.Person != "" && p.Person != best.ID && !strings.Contains(m.Text, " ") {
				// "Saak Karapetyan … Karapetyan": the person the text introduced, not
				// another of that family name in the gazetteer
				c := *p
				c.Start, c.End, c.Text, c.Tok, c.TokEnd = m.Start, m.End, m.Text, m.Tok, m.TokEnd
				c.How = m.Text + " → " + p.Person + " (named before)"
				return &c, false
			}
			if !strings.Contains(m.Text, " ") && (besideAnotherName(st, mt.Start, mt.End) || mt.Start > 0 && st[mt.Start-1] == '-' && !hasHan(m.Text) && !d.familyBeforeHyphen(st, mt.Start-1)) {
				return nil, false // "Paul Whelan", "Roger Federer", "Al-Sharif": a given name of someone else, or part of a longer name, not a family name of the gazetteer
			}
			c, role := d.personState(best)
			if c != "" && !newsStates[c] && hasHan(m.Text) && utf8.RuneCountInString(m.Text) <= 3 && !strings.Contains(m.Text, "·") && !d.stateNamed(c) {
				// 杰拉德 in a text that never names Algeria: a transliteration
				// as likely to be someone else's (Gerard, Fitzgerald)
				return nil, false
			}
			if len(c) == 3 && !newsStates[c] && role != "head-of-state" && role != "head-of-government" && !strings.Contains(m.Text, " ") && !hasHan(m.Text) && !titledBefore(st, mt.Start) && !d.stateNamed(c) {
				// "Hill", "Wong" alone in a text that never names El Salvador or
				// Australia: someone else of that family name (a head of state or government stays)
				return nil, false
			}
			if role != "head-of-state" && role != "head-of-government" && !newsStates[c] && !strings.Contains(m.Text, " ") && !hasHan(m.Text) && d.f.givenNames[m.Text] && !titledBefore(st, mt.Start) && (c == "" || !d.stateNamed(c)) {
				// "Michel, final question", "following up on Michel's question": a
				// family name that is also a given name, alone, with no title and
				// nothing of the office holder's state or body named, is someone else
				return nil, false
			}
			m.Kind, m.Person, m.Entity, m.EntityType = Person, best.ID, true, lexicon.KindPerson
			if c != "" {
				m.IDs, m.Role = []string{c}, role
			}
			if strings.ContainsAny(m.Text, " ·") {
				d.namedInFull[best.ID] = true
			}
			m.How = m.Text + " → " + best.ID + d.stateNote(m)
		case lexicon.KindPlace:
			m.Kind, m.ID = Place, best.ID
		case lexicon.KindTopic:
			m.Kind, m.ID = Topic, best.ID
			for _, t := range topics {
				if t != best.ID {
					m.More = append(m.More, t)
				}
			}
		}
		return m, false
	case organ >= 0:
		o := f.organs[organ]
		m.Kind = Organ
		if o.Country != "" {
			m.Kind, m.IDs, m.Entity, m.EntityType = Actor, []string{o.Country}, true, lexicon.KindCountry
			m.How = m.Text + " (organ) → " + o.Country
			m.OrganID = o.ID
		}
		m.Role = o.Type
		return m, false
	case title >= 0:
		m.Role = f.titles[title].Key
		m.ID, m.Context = f.titles[title].Of, f.titles[title].Context
		m.How = f.titles[title].Phrase
		return m, true
	}
	return nil, false
}

func (d *Doc) stateNote(m *Mention) string {
	if len(m.IDs) == 0 {
		return ""
	}
	if m.Role != "" {
		return " → " + m.IDs[0] + " (" + m.Role + ")"
	}
	return " → " + m.IDs[0]
}

// personState is the state (or organisation) a known person speaks for on
// the document's date, and the role; with no date, their latest role.
func (d *Doc) personState(p *lexicon.Entity) (string, string) {
	var roles []lexicon.Role
	if d.date.IsZero() {
		roles = latest(p.Roles)
	} else {
		roles = d.f.lx.RolesOn(p.ID, d.date)
	}
	for _, r := range roles {
		if len(r.Of) == 3 && !strings.Contains(r.Of, ":") {
			return r.Of, r.Key // a state before an organisation (Xi Jinping: CHN, not the party)
		}
	}
	if len(roles) > 0 {
		return roles[0].Of, roles[0].Key
	}
	if p.Country != "" {
		return p.Country, ""
	}
	return "", ""
}

// latest returns the roles that started last (those still held first).
func latest(roles []lexicon.Role) []lexicon.Role {
	var out []lexicon.Role
	for _, r := range roles {
		if r.To.IsZero() {
			out = append(out, r)
		}
	}
	if len(out) > 0 {
		return out
	}
	var best lexicon.Role
	for i, r := range roles {
		if i == 0 || r.To.After(best.To) {
			best = r
		}
	}
	if len(roles) > 0 {
		return []lexicon.Role{best}
	}
	return nil
}

// familyBeforeHyphen reports a family name of the gazetteer's right before
// the hyphen at i: "the Biden-Harris administration" names two people,
// where "Al-Sharif" is one name.
func (d *Doc) familyBeforeHyphen(text string, i int) bool {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsLetter(r) {
			break
		}
		j -= n
	}
	return i-j >= 3 && len(d.f.personByFamily[strings.ToLower(text[j:i])]) > 0
}

func kindRank(k string) int {
	switch k {
	case lexicon.KindCountry:
		return 1
	case lexicon.KindOrg:
		return 2
	case lexicon.KindPerson:
		return 3
	case lexicon.KindPlace:
		return 4
	}
	return 5
}

// alignedAt reports a Chinese match that starts and ends on token
// boundaries; a long name (three characters or more) may cut through a
// token that gse joined to a neighbour.
func alignedAt(startOK, endOK bool, text string) bool {
	if startOK && endOK {
		return true
	}
	return utf8.RuneCountInString(text) >= 3 && (startOK || endOK)
}

// compounds finds runs of one-character abbreviations that gse keeps as one
// word or that a relation word follows (中美, 日英意, 中美关系).
func (d *Doc) compounds(text string, s *Sentence, ms []Mention) []Mention {
	f := d.f
	covered := func(off int) bool {
		for i := range ms {
			if ms[i].Start <= off && off < ms[i].End {
				return true
			}
		}
		return false
	}
	for ti := 0; ti < len(s.Tokens); ti++ {
		t := s.Tokens[ti]
		if strings.HasPrefix(t.Text, "日") && dayBefore(text[:t.Start]) {
			continue // 9日以…, 近日以…: the day of a date, not Japan
		}
		// a token made only of abbreviations (中美), or a run of one-character tokens
		var ids []string
		end := t.Start
		k := ti
		for ; k < len(s.Tokens); k++ {
			tk := s.Tokens[k]
			if tk.Start != end {
				break
			}
			all := true
			var tids []string
			for _, r := range tk.Text {
				id, ok := f.abbrevs[r]
				if !ok {
					all = false
					break
				}
				tids = append(tids, id[0])
			}
			if !all || (k > ti && utf8.RuneCountInString(tk.Text) > 1) || covered(tk.Start) {
				break
			}
			ids = append(ids, tids...)
			end = tk.End
			// a word of abbreviations may go on with single ones: 中日 韩
		}
		if len(ids) == 0 {
			continue // no abbreviation opens here
		}
		ids = uniq(ids)
		hkm := strings.HasPrefix(text[t.Start:end], "港澳")
		if hkm {
			// 港澳, 港澳台: Hong Kong (and Taiwan), not Australia; the news
			// that says 港澳 (港澳办, 港澳居民) is about Hong Kong and rarely
			// names Macao as a party of its own
			ids = []string{"HKG"}
			if strings.HasPrefix(text[t.Start:end], "港澳台") {
				ids = append(ids, "TWN")
			}
		}
		if k > ti+1 && s.Tokens[k-1].Text == "以" && !compoundFollows(text[end:]) {
			// 美台以任何借口: 以 after the pair is "by", not Israel
			k--
			end = s.Tokens[k-1].End
			ids = slices.DeleteFunc(ids, func(id string) bool { return id == "ISR" })
		}
		if len(ids) >= 2 && !hkm && determinerBefore(text[:t.Start]) {
			ti = k - 1
			continue // 该法中: "in this law", no pair of states
		}
		if k == ti+1 && len(ids) >= 2 && !hkm && !compoundFollows(text[end:]) && !d.allNamed(ids) {
			ti = k - 1
			continue // 传统美德 is a virtue: one word of abbreviations names states only in a text that names them
		}
		solo := k == ti+1 && len(ids) == 1 && soloAbbrev(s, ti)
		if k == ti+1 && t.POS == token.Verb && !solo || !compoundFollows(text[end:]) && rareAbbrev(text[t.Start:end]) {
			ti = k - 1
			continue // 加以 is a verb; 埃德加 and 荷马 are names, unless a relation word follows (中缅边境, 中泰关系)
		}
		if solo {
			// 美指责中国, 中方敦促美停止…: a state's one-character name standing alone as subject or object
			ms = append(ms, Mention{Kind: Actor, Start: t.Start, End: end, Text: text[t.Start:end], IDs: ids, Entity: true,
				EntityType: lexicon.KindCountry, How: text[t.Start:end] + " → " + ids[0] + " (one-character name)"})
			continue
		}
		if len(ids) >= 2 && (k > ti+1 || compoundFollows(text[end:])) || len(ids) >= 2 && utf8.RuneCountInString(t.Text) >= 2 {
			ms = append(ms, Mention{Kind: Actor, Start: t.Start, End: end, Text: text[t.Start:end], IDs: ids, Entity: true,
				EntityType: lexicon.KindCountry, How: text[t.Start:end] + " → " + strings.Join(ids, ", ")})
			ti = k - 1
		}
	}
	return ms
}

// visitVerbs are the Chinese verbs of a visit that take a state's
// one-character name as their destination (访华, 出访美国 spelt 访美, 窜访台).
var visitVerbs = map[string]bool{"访": true, "访问": true, "出访": true, "到访": true, "窜访": true, "回访": true, "赴": true, "来": true, "抵": true}

// visits finds the destination of a visit written with a state's
// one-character name (访华, 访美, 访台, 窜访 台): the state visited, which a
// plan or commitment to visit is towards. 华 names China here.
func (d *Doc) visits(text string, s *Sentence, ms []Mention) []Mention {
	dest := func(r rune) string {
		if r == '华' {
			return "CHN"
		}
		if ids := d.f.abbrevs[r]; len(ids) == 1 {
			return ids[0]
		}
		return ""
	}
	for ti := range s.Tokens {
		t := &s.Tokens[ti]
		start := -1
		if _, n := utf8.DecodeRuneInString(t.Text); utf8.RuneCountInString(t.Text) == 2 && visitVerbs[t.Text[:n]] {
			start = t.Start + n // 访华, 赴美, 来台 as one word
		} else if visitVerbs[t.Text] && ti+1 < len(s.Tokens) && s.Tokens[ti+1].Start == t.End && utf8.RuneCountInString(s.Tokens[ti+1].Text) == 1 {
			start = t.End // 访 美
		}
		if start < 0 {
			continue
		}
		r, size := utf8.DecodeRuneInString(text[start:])
		id := dest(r)
		if id == "" || overlapsAny(ms, start, start+size) {
			continue
		}
		ms = append(ms, Mention{Kind: Actor, Start: start, End: start + size, Text: text[start : start+size], IDs: []string{id}, Entity: true,
			EntityType: lexicon.KindCountry, How: text[t.Start:start+size] + " → " + id + " (the state a visit goes to)"})
	}
	return ms
}

// taiwanAfterVerb finds Taiwan written 台 after 对, 售 or 援, the way the
// news names the party of arms sales and policy (对台军售, 对台政策, 售台武器,
// 援台): 台 there is the island, not a stage or a platform. A topic phrase
// that began with the preposition (对台军售) keeps the words after 台, so
// that the party and the topic are read apart.
func taiwanAfterVerb(text string, s *Sentence, ms []Mention) []Mention {
	st := text[s.Start:s.End]
	for i := 0; ; {
		j := strings.Index(st[i:], "台")
		if j < 0 {
			return ms
		}
		at := s.Start + i + j
		i += j + len("台")
		before, _ := utf8.DecodeLastRuneInString(text[s.Start:at])
		after, _ := utf8.DecodeRuneInString(text[at+len("台"):])
		if !strings.ContainsRune("对售援", before) || strings.ContainsRune("湾灣海北独獨胞商企办辦词上下阶风面前后中南东", after) {
			continue
		}
		if before == '对' {
			if p, _ := utf8.DecodeLastRuneInString(text[s.Start : at-len("对")]); strings.ContainsRune("面针应相绝", p) {
				continue // 面对台…, 针对台…: the preposition belongs to a word of its own
			}
			if w := text[s.Start : at-len("对")]; strings.HasSuffix(w, "参与") || strings.HasSuffix(w, "涉") || strings.HasSuffix(w, "涉及") {
				continue // 参与对台军售的企业: the sales only describe who is meant
			}
		}
		end := at + len("台")
		clash := false
		for k := range ms {
			m := &ms[k]
			if m.Start >= end || m.End <= at {
				continue
			}
			if m.Kind == Topic && m.Start < at && m.End-end >= len("军售") {
				m.Text = text[end:m.End]
				m.Start = end // 对台军售: the topic is the arms sales
				continue
			}
			clash = true
		}
		if clash {
			continue
		}
		ms = append(ms, Mention{Kind: Actor, Start: at, End: end, Text: "台", IDs: []string{"TWN"}, Entity: true,
			EntityType: lexicon.KindCountry, How: text[at-len("对"):end] + " → TWN (台 after a verb or preposition)"})
	}
}

// glossedNames reads a long English name that an organisation's known
// acronym glosses as that organisation, where the name opens with another
// one ("the UN Integrated Transition Assistance Mission to Sudan (UNITAMS)"
// is UNITAMS, not the UN): the mention that opens the name becomes the
// acronym's, over the whole name, and the names inside it are dropped
// with the acronym's own mention (by dropOverlaps, after). ms is sorted.
func glossedNames(text string, ms []Mention) []Mention {
	for i := range ms {
		a := &ms[i]
		if a.Kind != Actor || a.EntityType != lexicon.KindOrg || len(a.IDs) != 1 || a.Start < 3 || a.End >= len(text) ||
			text[a.Start-1] != '(' || text[a.End] != ')' || text[a.Start-2] != ' ' {
			continue
		}
		open := a.Start - 2 // the space before "("
		for j := i - 1; j >= 0; j-- {
			b := &ms[j]
			if b.End > open || open-b.Start > 120 {
				continue
			}
			if slices.Equal(b.IDs, a.IDs) {
				break // the name is known already ("the African Union (AU)")
			}
			if b.Kind != Actor || b.EntityType != lexicon.KindOrg || !nameRun(text[b.End:open]) {
				continue
			}
			long := *a
			long.Start, long.End, long.Text = b.Start, a.End+1, text[b.Start:a.End+1]
			long.How = a.How + " (the name it glosses)"
			ms = append(ms, long)
			break
		}
	}
	sort.SliceStable(ms, func(x, y int) bool { return ms[x].Start < ms[y].Start })
	return ms
}

// nameRun reports words that may go on an organisation's name: each
// capitalised or a joining word, the first not "and" (the UN and ECOWAS
// are two bodies) and the last capitalised.
func nameRun(rest string) bool {
	ws := strings.Fields(rest)
	if len(ws) == 0 || len(ws) > 10 || ws[0] == "and" || ws[0] == "&" {
		return false
	}
	for i, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
		case i < len(ws)-1 && (w == "of" || w == "for" || w == "to" || w == "in" || w == "on" || w == "and" || w == "the"):
		default:
			return false
		}
	}
	return true
}

// thisAssemblyRe finds "this Assembly" and "the Assembly" said to the UN
// General Assembly.
var thisAssemblyRe = regexp.MustCompile(`\b(?:[Tt]his|[Tt]he) Assembly\b`)

// thisAssembly reads "this Assembly" and "the Assembly" as the UN General
// Assembly in a text that names the United Nations (a speech to it), unless
// another assembly is named ("the National Assembly", "the Assembly of
// States Parties").
func (d *Doc) thisAssembly(text string, s *Sentence, ms []Mention) []Mention {
	st := text[s.Start:s.End]
	if !strings.Contains(st, "Assembly") || !d.partiesNamed["org:un"] && !strings.Contains(text, "United Nations") {
		return ms
	}
	e, ok := d.f.lx.Get("org:un-general-assembly")
	if !ok {
		return ms
	}
	for _, loc := range thisAssemblyRe.FindAllStringIndex(st, -1) {
		start, end := s.Start+loc[0], s.Start+loc[1]
		if strings.HasPrefix(text[end:], " of") || overlapsAny(ms, start, end) {
			continue
		}
		ms = append(ms, Mention{Kind: Actor, Start: start, End: end, Text: text[start:end], IDs: []string{e.ID},
			Entity: true, EntityType: e.Kind, Venue: true, How: text[start:end] + " → org:un-general-assembly (the assembly a speech at the UN addresses)"})
	}
	return ms
}

// dropRegionAmerica drops "America" read as the United States where it
// names a region ("Latin America", "North America", "South American
// countries", "the Americas").
func dropRegionAmerica(text string, ms []Mention) []Mention {
	return slices.DeleteFunc(ms, func(m Mention) bool {
		if m.Kind != Actor || len(m.IDs) != 1 || m.IDs[0] != "USA" || !strings.HasPrefix(m.Text, "America") {
			return false
		}
		if m.Text == "Americas" {
			return true
		}
		before := strings.TrimRight(text[max(0, m.Start-12):m.Start], " -")
		for _, w := range []string{"Latin", "South", "North", "Central", "Pan", "Ibero", "Afro", "Meso", "Hispanic"} {
			if strings.HasSuffix(before, w) {
				return true
			}
		}
		return false
	})
}

// dropGlossedNames drops a state named in Latin letters inside the
// parentheses that gloss a Chinese transliteration with the original
// name: 沃夫（Chad Wolf） is a person, not Chad; 乔丹（Michael Jordan）.
// So is a state's Chinese name that only opens or ends a transliterated
// name: 马里诺夫斯基（Tom Malinowski）, 卢卡·马里内利.
func dropGlossedNames(text string, ms []Mention) []Mention {
	return slices.DeleteFunc(ms, func(m Mention) bool {
		if m.Kind != Actor || m.EntityType != lexicon.KindCountry || m.Text == "" {
			return false
		}
		if m.Text[0] >= utf8.RuneSelf {
			return insideTransliteration(text, m.Start, m.End)
		}
		open := strings.LastIndexAny(text[:m.Start], "（(")
		if open < 0 || m.Start-open > 40 || strings.ContainsAny(text[open:m.Start], "）)，。") {
			return false
		}
		closeAt := strings.IndexAny(text[m.End:], "）)")
		if closeAt < 0 || closeAt > 40 {
			return false
		}
		inside := strings.Fields(strings.Trim(text[open:m.End+closeAt], "（()"))
		if len(inside) < 2 || len(inside) > 4 {
			return false
		}
		for _, w := range inside {
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
				return false // (Republic of Chad), (the Chad Basin): a name of a place
			}
		}
		before, _ := utf8.DecodeLastRuneInString(text[:open])
		return unicode.Is(unicode.Han, before) && !strings.Contains(text[open:m.End+closeAt], "Republic")
	})
}

// dropCutNames drops a person the gazetteer knows by a transliteration
// that the segmenter cut from a longer one: one more sound of a name, a
// character alone, right after it (格拉斯 利: 格拉斯利 is Grassley, not
// George Glass), or more of a name across a name dot.
func dropCutNames(text string, s *Sentence, ms []Mention) []Mention {
	return slices.DeleteFunc(ms, func(m Mention) bool {
		if m.Kind != Person || m.Inferred {
			return false
		}
		if dotJoined(text, m.Start, m.End) {
			return true // 亨特‧拜登: Hunter Biden, not Jeremy Hunt
		}
		k := tokenFrom(s.Tokens, m.End)
		if k >= len(s.Tokens) || s.Tokens[k].Start != m.End {
			return false
		}
		if t := &s.Tokens[k]; utf8.RuneCountInString(t.Text) != 1 || !strings.Contains(transliterationChars, t.Text) {
			return false
		}
		for _, r := range m.Text {
			if !strings.ContainsRune(transliterationChars, r) {
				return false // a name of words (习近平), not of sounds
			}
		}
		return true
	})
}

// dotJoined reports a name at text[start:end] that a name dot other than
// "·" (which zhDotted reads) joins to more Han characters: part of a
// longer transliterated name (克里斯‧克里斯蒂, 汤姆•图根哈特).
func dotJoined(text string, start, end int) bool {
	if r, n := utf8.DecodeRuneInString(text[end:]); r != '·' && nameDot(r) && hanAround(text, end, n) {
		return true
	}
	r, n := utf8.DecodeLastRuneInString(text[:start])
	return r != '·' && nameDot(r) && hanAround(text, start-n, n)
}

// insideTransliteration reports a Chinese name at text[start:end] that a
// middle dot joins to more of a name (卢卡·马里内利), or that more Han
// characters follow straight into the Latin gloss of the whole name
// (马里诺夫斯基（Tom Malinowski）, 马里奇 (Riyad al-Maliki)).
func insideTransliteration(text string, start, end int) bool {
	// (美国国务院（State Department）: words, not the sounds of a name)
	if r, _ := utf8.DecodeLastRuneInString(text[:start]); r == '·' || r == '•' || r == '・' {
		return true
	}
	rest := text[end:min(len(text), end+24)]
	n := 0
	for i, r := range rest {
		switch {
		case strings.ContainsRune(transliterationChars, r):
			n++
			if n > 4 {
				return false
			}
			continue
		case (r == '（' || r == '(' || r == ' ') && n > 0:
			after := strings.TrimLeft(rest[i:], " （(")
			c, _ := utf8.DecodeRuneInString(after)
			return c < utf8.RuneSelf && unicode.IsUpper(c)
		}
		return false
	}
	return false
}

// transliterationChars are the characters Chinese spells foreign names
// with (诺夫斯基, 马里奇); words (总统, 国务院) use others.
const transliterationChars = "夫尔茨赛蒙柏阿埃艾安昂奥巴拜班邦鲍贝本比彼宾波伯博布查达戴丹德迪蒂丁杜多厄恩法范菲费芬弗福盖甘戈格贡古哈海汉豪赫亨胡霍基吉加贾杰金卡凯坎康柯科克肯库奎拉莱赖兰朗劳勒雷里利林卢鲁伦罗洛迈麦曼梅门米缪莫默姆穆纳奈南内尼宁纽努诺欧帕潘佩彭皮普奇齐恰乔切钦萨塞桑瑟森沙舍什施斯苏索塔泰坦特提汀图托瓦旺威韦维温沃乌西希谢辛休许亚扬耶伊因尤泽扎詹兹佐"

// soloAbbrev reports token i as a state's one-character name on its own:
// 美, 俄, 英, 韩, 澳, 越 or 菲, tagged a place name or an abbreviation, that
// opens its clause or follows a preposition or a verb, with a verb right
// after it (美指责中国, 中方敦促美停止…) or one of its organs (美国务院).
// 中, 日, 法, 德 and 印 are too often words of their own, except right
// before a minister's or leader's title at the head of a clause (德外长,
// 印防长, 加外长), where those of abbrevTitles' states but 中 name their state.
func soloAbbrev(s *Sentence, i int) bool {
	t := &s.Tokens[i]
	if utf8.RuneCountInString(t.Text) == 1 && strings.Contains("美俄英韩澳越菲德法日印加意朝", t.Text) && i+1 < len(s.Tokens) && abbrevTitles[s.Tokens[i+1].Text] &&
		(i == 0 || s.Tokens[i-1].POS == token.Punct) {
		return true // 德外长呼吁…, 印防长：…: a headline's minister of the state, at the head of a clause
	}
	if !strings.Contains("美俄英韩澳越菲", t.Text) || utf8.RuneCountInString(t.Text) != 1 || t.Tag != "ns" && t.Tag != "j" {
		return false
	}
	if i+1 < len(s.Tokens) && abbrevOrgans[s.Tokens[i+1].Text] {
		return true // 美国务院 (美 国务院), 美国防部: the organ is that state's
	}
	if i+1 >= len(s.Tokens) || s.Tokens[i+1].POS != token.Verb || utf8.RuneCountInString(s.Tokens[i+1].Text) < 2 {
		return false // (俄/勒冈州: a one-character verb is more often the rest of a name)
	}
	if i == 0 {
		return true
	}
	p := &s.Tokens[i-1]
	return p.POS == token.Punct || p.POS == token.Verb || p.Text == "对" || p.Text == "向" || p.Text == "与" || p.Text == "和" || p.Text == "同" || p.Text == "跟"
}

// abbrevOrgans are the organs news writes right after a state's
// one-character name (美国务院, 美国防部, 英外交部, 俄国防部).
var abbrevOrgans = map[string]bool{"国务院": true, "国防部": true, "外交部": true, "财政部": true, "商务部": true, "司法部": true,
	"国会": true, "众议院": true, "参议院": true, "国土安全部": true, "贸易代表": true, "驻华大使": true, "驻华使馆": true}

// abbrevTitles are the offices news writes right after a state's
// one-character name at the head of a clause (德外长, 印防长, 法总统).
var abbrevTitles = map[string]bool{"外长": true, "外相": true, "防长": true, "总统": true, "总理": true, "首相": true, "国务卿": true,
	"外交部长": true, "国防部长": true, "外交大臣": true, "国防大臣": true, "副总统": true, "副总理": true}

// determinerBefore reports text that ends in a determiner (该, 此, 本, 这):
// 该法中 is "in this law", no pair of states.
func determinerBefore(text string) bool {
	r, _ := utf8.DecodeLastRuneInString(text)
	return strings.ContainsRune("该此本这其", r)
}

// allNamed reports states the text names, each, by one of their Chinese
// names.
func (d *Doc) allNamed(ids []string) bool {
	for _, id := range ids {
		if !d.stateNamed(id) {
			return false
		}
	}
	return true
}

// dayBefore reports text that ends in a number or a word that makes 日
// after it a day (9日, 二十日, 近日, 同日, 周日).
func dayBefore(text string) bool {
	r, _ := utf8.DecodeLastRuneInString(text)
	return r >= '0' && r <= '9' || r >= '０' && r <= '９' || strings.ContainsRune("一二三四五六七八九十廿卅今近昨当次同每前翌某该节生周期末逐连终整半多", r)
}

// commonAbbrevs are the one-character abbreviations that make up most
// compounds (中美, 美日印, 中欧); a compound with any other (埃, 荷, 马)
// is more often a transliterated name (埃德加, 荷马) and needs a relation
// word after it, and so does one with 以, more often "by" or "with" than
// Israel (以台制华, 以港人治港; 以巴冲突 has its relation word).
const commonAbbrevs = "中美日俄英法德韩朝印澳欧加意台港越菲乌伊"

func rareAbbrev(w string) bool {
	for _, r := range w {
		if !strings.ContainsRune(commonAbbrevs, r) {
			return true
		}
	}
	return false
}

// compoundFollows reports words that typically follow a compound of
// abbreviations (中美关系, 日英两国).
func compoundFollows(rest string) bool {
	for _, w := range []string{"关系", "两国", "三国", "双方", "会谈", "外长", "联合", "战略", "合作", "领导人", "首脑", "峰会", "对话", "磋商", "外相", "防长", "贸易", "之间", "边境", "边界",
		"经贸", "经济", "军事", "外交", "友好", "争端", "冲突", "紧张", "摩擦", "协议", "协定", "声明", "共同", "高层", "两军", "竞争", "博弈", "对抗", "同盟", "联盟", "建交"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// organs gives an organ without a state the state the text names next to
// it ("日本外务省", "China's Foreign Ministry", "中国驻加拿大使馆"), or, in
// Chinese text, China for a bare 外交部, 国防部 or 驻…使馆.
func (d *Doc) organs(text string, s *Sentence, ms []Mention) []Mention {
	sort.SliceStable(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
	for i := range ms {
		m := &ms[i]
		if s.Lang == "zh" && m.Kind == Actor && len(m.IDs) == 1 && m.IDs[0] == "TWN" && strings.Contains(m.How, "(organ)") {
			d.noteTaiwanOrgan(m.Text) // 台湾外交部
		}
		if m.Kind != Organ {
			continue
		}
		c := ""
		if i > 0 {
			p := &ms[i-1]
			gap := strings.TrimSpace(text[p.End:m.Start])
			switch {
			case p.Kind == Actor && len(p.IDs) == 1 && (gap == "" || gap == "'s" || gap == "’s"):
				c = p.IDs[0]
				if strings.HasSuffix(text[:p.Start], "驻") {
					// 中国驻加拿大使馆: the embassy of the state before 驻 (China's when none is named)
					c = "CHN"
					if by := sentBy(text, ms, p); by != "" {
						c = by
					}
				}
			}
		}
		if c == "" && i+1 < len(ms) {
			// the Ministry of Foreign Affairs of Japan
			n := &ms[i+1]
			gap := strings.TrimSpace(text[m.End:n.Start])
			if n.Kind == Actor && len(n.IDs) == 1 && (gap == "of" || gap == "of the" || peopleOfGap(gap)) {
				c = n.IDs[0] // (the Government and people of Ghana)
			}
		}
		if c == "TWN" && s.Lang == "zh" {
			d.noteTaiwanOrgan(m.Text)
		}
		if c == "" && s.Lang == "zh" && (m.Role == "foreign-ministry" || m.Role == "defence-ministry" || m.Role == "embassy") {
			c = "CHN"
			if d.taiwanOrgans[m.Role] {
				c = "TWN" // 台湾外交部… 外交部表示: a text from Taiwan names its own ministry bare
			} else if !d.stateNamed("CHN") && !strings.Contains(d.text, "我国") {
				c = "" // 抗议者攻占外交部大楼 in a story about Beirut: not China's, in a text that never names China
			}
		}
		if c != "" {
			m.Kind, m.IDs, m.Entity, m.EntityType = Actor, []string{c}, true, lexicon.KindCountry
			m.How = m.Text + " (organ) → " + c
		}
	}
	// an organ the gazetteer gives a state by default (参议院: the US
	// Senate) right after another state or that state's organ is that
	// state's (捷克议会参议院: the Czech Senate)
	for i := range ms {
		m := &ms[i]
		if m.Kind != Actor || len(m.IDs) != 1 || !strings.Contains(m.How, "(organ)") || strings.Contains(m.How, "(the state before it)") {
			continue
		}
		if s.Lang == "zh" && !strings.Contains(m.IDs[0], ":") {
			for i := range m.Text {
				if i == 0 {
					continue
				}
				if slices.ContainsFunc(d.f.zhOrganStates[m.Text[i:]], func(c string) bool { return c != "" && c != m.IDs[0] }) {
					d.noteOrganOf(m.Text[i:], m.IDs[0]) // 美国商务部 as one word: the United States' 商务部
				}
			}
		}
		if i > 0 {
			if p := &ms[i-1]; p.Kind == Actor && len(p.IDs) == 1 && !strings.Contains(p.IDs[0], ":") && p.End == m.Start {
				if p.IDs[0] != m.IDs[0] {
					m.IDs = []string{p.IDs[0]}
					m.How = m.Text + " (organ) → " + p.IDs[0] + " (the state before it)"
				}
				d.noteOrganOf(m.Text, p.IDs[0])
				continue
			}
		}
		if c := d.organOf[m.Text]; s.Lang == "zh" && c != "" && c != m.IDs[0] && d.stateOrgan(m.Text) {
			// 美国商务部… 商务部今天宣布: the organ the text named as another state's
			m.IDs = []string{c}
			m.How = m.Text + " (organ) → " + c + " (the state the text named it with)"
		}
	}
	return ms
}

// stateOrgan reports a Chinese organ word the gazetteer gives one state
// by default (商务部), not a role any state's organ has (外交部).
func (d *Doc) stateOrgan(word string) bool {
	cs := d.f.zhOrganStates[word]
	return len(cs) > 0 && cs[0] != ""
}

// noteOrganOf remembers the state a text named an organ with (a state of
// its own: 香港中联办 is in Hong Kong, not Hong Kong's).
func (d *Doc) noteOrganOf(organ, state string) {
	if state == "HKG" || state == "MAC" {
		return
	}
	if d.organOf == nil {
		d.organOf = map[string]string{}
	}
	if prev, ok := d.organOf[organ]; ok && prev != state {
		d.organOf[organ] = "" // two states' organs of that name: a bare one is unsure
		return
	}
	d.organOf[organ] = state
}

// peopleOfGap tells whether the words between an organ and the state after
// it join the organ and that state's people: "and people of", "and the
// peoples of the".
func peopleOfGap(gap string) bool {
	rest, ok := strings.CutPrefix(gap, "and ")
	if !ok {
		return false
	}
	rest = strings.TrimPrefix(rest, "the ")
	for _, w := range []string{"people", "peoples", "citizens"} {
		if r, ok := strings.CutPrefix(rest, w+" of"); ok && (r == "" || r == " the") {
			return true
		}
	}
	return false
}

// dropFirmNames drops the people named next to an ampersand: "Johnson &
// Johnson", "Smith & Wesson" name firms, not the persons the gazetteer or
// the text knows by those names.
func dropFirmNames(text string, ms []Mention) []Mention {
	out := ms[:0]
	for _, m := range ms {
		if m.Kind == Person && (strings.HasSuffix(strings.TrimRight(text[:m.Start], " "), "&") || strings.HasPrefix(strings.TrimLeft(text[m.End:], " "), "&")) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// partyWords finds the words that stand for parties (双方, we, he).
func (d *Doc) partyWords(s *Sentence, ms []Mention) []Mention {
	ps := d.f.parties[s.Lang]
	if ps == nil {
		return nil
	}
	var out []Mention
	found := ps.Find(s.Tokens)
	if s.Lang == "en" {
		for _, pm := range d.f.partiesBare.Find(s.Tokens) {
			if k := pm.Start; k >= 3 && s.Tokens[k-1].Lower == "and" && s.Tokens[k-3].Lower == "the" && s.Tokens[k-2].POS == token.Propn {
				found = append(found, pm) // "the Secretary and Foreign Ministers"
			}
		}
	}
	for _, pm := range found {
		start, end := s.Tokens[pm.Start].Start, s.Tokens[pm.End-1].End
		overlap := false
		for i := range ms {
			if ms[i].Start < end && start < ms[i].End {
				overlap = true
				break
			}
		}
		if overlap {
			continue
		}
		k := d.f.pkinds[pm.Ref]
		txt := ""
		for i := pm.Start; i < pm.End; i++ {
			if i > pm.Start {
				txt += " "
			}
			txt += s.Tokens[i].Text
		}
		out = append(out, Mention{Kind: k, Start: start, End: end, Tok: pm.Start, TokEnd: pm.End, Text: txt})
	}
	return out
}

// seasJoined reads "the East and South China Seas" (and "the South and
// East China Seas"), two seas named with one noun, as the two places: the
// "China" inside is no mention of the state.
func seasJoined(text string, s *Sentence, ms []Mention) []Mention {
	st := text[s.Start:s.End]
	for _, form := range []struct{ phrase, first, second string }{
		{"East and South China Seas", "place:east-china-sea", "place:south-china-sea"},
		{"South and East China Seas", "place:south-china-sea", "place:east-china-sea"},
	} {
		i := strings.Index(st, form.phrase)
		if i < 0 {
			continue
		}
		a, b := s.Start+i, s.Start+i+len(form.phrase)
		kept := ms[:0]
		for _, m := range ms {
			if m.Start >= a && m.End <= b {
				continue // the state inside the seas' name
			}
			kept = append(kept, m)
		}
		ms = kept
		w := strings.Index(form.phrase, " and ")
		ms = append(ms,
			Mention{Kind: Place, Start: a, End: a + w, Text: text[a : a+w], ID: form.first, Entity: true, How: form.phrase + " → " + form.first},
			Mention{Kind: Place, Start: a + w + 5, End: b, Text: text[a+w+5 : b], ID: form.second, Entity: true, How: form.phrase + " → " + form.second})
	}
	return ms
}

// dropOverlaps keeps the first of overlapping mentions (they are sorted by
// start; a longer one wins ties).
func dropOverlaps(ms []Mention) []Mention {
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 0 && m.Start < out[n-1].End {
			p := &out[n-1]
			switch {
			case m.End-m.Start > p.End-p.Start && m.Start == p.Start:
				out[n-1] = m
			case m.Kind == Topic && p.Kind == Actor && m.End > p.End:
				out[n-1] = m // "the UN Charter": a name inside a topic's phrase is part of it
			}
			continue
		}
		out = append(out, m)
	}
	return out
}

// splitAt splits the Chinese tokens that a mention's edge cuts through
// (发言 人称 around 发言人: 发言 人 称), so that the words after a name are
// read on their own.
func splitAt(toks []token.Token, ms []Mention) []token.Token {
	cuts := map[int]bool{}
	for _, m := range ms {
		cuts[m.Start], cuts[m.End] = true, true
	}
	n := 0 // the tokens a cut goes through
	for _, t := range toks {
		for off := t.Start + 1; off < t.End; off++ {
			if cuts[off] && utf8.RuneStart(t.Text[off-t.Start]) {
				n++
			}
		}
	}
	if n == 0 {
		return toks
	}
	out := make([]token.Token, 0, len(toks)+n)
	for _, t := range toks {
		last := t.Start
		for off := t.Start + 1; off < t.End; off++ {
			if cuts[off] && utf8.RuneStart(t.Text[off-t.Start]) {
				out = append(out, piece(t, last, off))
				last = off
			}
		}
		if last == t.Start {
			out = append(out, t)
		} else {
			out = append(out, piece(t, last, t.End))
		}
	}
	return out
}

// piece is part of a token, with the part of speech the dictionary gives it.
func piece(t token.Token, a, b int) token.Token {
	w := t.Text[a-t.Start : b-t.Start]
	p := token.Token{Start: a, End: b, Text: w, Lower: w, Lemma: w, Tag: token.DictTag(w)}
	p.POS = token.ChinesePOS(w, p.Tag)
	return p
}

// align sets a mention's token range: the tokens it overlaps.
func align(m *Mention, toks []token.Token) {
	m.Tok, m.TokEnd = -1, -1
	// tokens are in order: the first that ends after the mention starts,
	// then those that start before it ends
	for i := sort.Search(len(toks), func(i int) bool { return toks[i].End > m.Start }); i < len(toks) && toks[i].Start < m.End; i++ {
		if toks[i].End > m.Start {
			if m.Tok < 0 {
				m.Tok = i
			}
			m.TokEnd = i + 1
		}
	}
	if m.Tok < 0 {
		// between tokens (cannot happen with the tokenizers here): the next one
		m.Tok, m.TokEnd = len(toks), len(toks)
		for i, t := range toks {
			if t.Start >= m.End {
				m.Tok, m.TokEnd = i, i
				break
			}
		}
	}
}

// namedAfterPerson reports what follows a Chinese name when the words are a
// thing named after the person: a line, a doctrine, a thought, a ship.
func namedAfterPerson(after string) bool {
	if startsWithAny(after, "线", "主义", "思想", "理论", "路线") {
		return true
	}
	// 里根号航母: a ship (not 号召, a call)
	return strings.HasPrefix(after, "号") && !strings.HasPrefix(after, "号召")
}

// shipBefore reports a ship's prefix right before an English name ("the
// USS Ronald Reagan", "HMS Queen Elizabeth").
func shipBefore(text string, start int) bool {
	before := text[max(0, start-8):start]
	return strings.HasSuffix(before, "USS ") || strings.HasSuffix(before, "U.S.S. ") || strings.HasSuffix(before, "HMS ")
}

// venues marks states named only as where something happens ("in the
// Japanese city of Sapporo", "在日本召开", "新加坡时间").
func (d *Doc) venues(text string, s *Sentence, ms []Mention) {
	for i := range ms {
		m := &ms[i]
		if m.Kind == Person && (hasHan(m.Text) && namedAfterPerson(text[m.End:min(len(text), m.End+12)]) || !hasHan(m.Text) && shipBefore(text, m.Start)) {
			// 麦克马洪线, 毛泽东思想, 里根号, "USS Ronald Reagan": a line, a doctrine
			// or a ship named after the person, no party and no entity
			m.Person = ""
			m.noParty()
			continue
		}
		if m.Kind != Actor {
			continue
		}
		if len(m.IDs) == 1 && m.IDs[0] == "org:cpc" && m.Text == "共产党" && i > 0 && ms[i-1].End == m.Start && ms[i-1].Kind == Actor &&
			len(ms[i-1].IDs) == 1 && ms[i-1].IDs[0] != "CHN" && !strings.Contains(ms[i-1].IDs[0], ":") {
			// 越南共产党, 日本共产党: another state's communist party, not China's
			m.noParty()
			continue
		}
		if len(m.IDs) == 1 && m.IDs[0] == "org:cpc" && partyGovernment(text[m.End:min(len(text), m.End+16)]) {
			// 中共当局, 中共政权, "the CCP regime": the party as the state's
			// government is the state (the party stays an entity of the text)
			m.IDs = []string{"CHN"}
			m.How += "; its government → CHN"
			s.nameOrg("org:cpc")
			continue
		}
		if len(m.IDs) == 1 && (m.IDs[0] == "SDN" && sultan(text, m) || m.IDs[0] == "GEO" && usGeorgia(text, m)) {
			// 马来西亚苏丹国王: a sultan, no Sudan; "run-off elections in Georgia
			// for Senate seats", 佐治亚州（Georgia）: the US state, no Georgia
			m.noParty()
			continue
		}
		after := text[m.End:min(len(text), m.End+24)]
		if len(m.IDs) == 1 && (m.IDs[0] == "org:un" || m.IDs[0] == "org:eu" || m.IDs[0] == "org:nato" || m.IDs[0] == "org:asean" || m.IDs[0] == "org:au") && memberStates(after) {
			// "UN Member States", 联合国会员国, "EU member states": the states, not the
			// organisation, hold what follows (the organisation is still named)
			m.Venue, m.Entity = true, false
			s.nameOrg(m.IDs[0])
			continue
		}
		if m.Tok >= 2 && s.Lang == "en" && s.Tokens[m.Tok-1].Text == "," && len(m.IDs) == 1 && i > 0 {
			// "a visit to Santiago, Chile, announced": the state after its city names the same place
			if c := &ms[i-1]; c.TokEnd == m.Tok-1 && c.Kind == Actor && len(c.IDs) == 1 && c.IDs[0] == m.IDs[0] && d.f.lx.Seat(c.Text) &&
				m.TokEnd+1 < len(s.Tokens) && s.Tokens[m.TokEnd].Text == "," && s.Tokens[m.TokEnd+1].IsVerbal() {
				m.Venue = true
				continue
			}
			if !strings.Contains(m.IDs[0], ":") && (m.TokEnd == len(s.Tokens) || s.Tokens[m.TokEnd].Text == "," || s.Tokens[m.TokEnd].POS == token.Punct) && d.cityIn(s, ms[:i], m.Tok-2) {
				// "In Lisbon, Portugal, Doe will meet …": the state of the city
				// where something happens is named as where, too
				m.Venue = true
				continue
			}
		}
		if m.Tok > 0 && m.Tok < len(s.Tokens) {
			// "at a conference in Paris", 在日本召开: a state named as where something happens
			prev := m.Tok - 1
			for prev > 0 && s.Tokens[prev].POS == token.Det {
				prev--
			}
			switch strings.ToLower(s.Tokens[prev].Text) {
			case "in", "at", "在", "于", "位于", "设在", "based", "headquartered":
				if s.Tokens[prev].Text == "在" && TimeClauseAfter(s, m.TokEnd) {
					break // 在澳大利亚呼吁调查之后: the subject of a clause of time, no place
				}
				m.Venue = true // also 总部位于维也纳的…, "Vienna-based", "headquartered in Geneva"
				if d.f.lx.Seat(m.Text) {
					m.Entity = false // "talks in Vienna", 在东京举行: a city only named as where, no party
				}
			case "from", "自", "从":
				if d.f.lx.Seat(m.Text) {
					m.Venue, m.Entity = true, false // 自柏林出发, "flew in from Minsk": where the trip starts
				}
			case "to", "visit", "visiting", "visits", "visited", "前往", "到", "抵达", "访问", "赴", "飞往", "去", "出访", "到访", "来到":
				if d.f.lx.Seat(m.Text) && len(m.IDs) == 1 {
					// "travel to Brussels", 前往布鲁塞尔, "return to Vienna": a city gone to
					// is where the trip goes, not the organisation or the state it is the seat of
					m.Venue, m.Entity = true, false
				}
			}
			if m.TokEnd < len(s.Tokens) && s.Tokens[m.TokEnd].Text == "-" && m.TokEnd+1 < len(s.Tokens) && strings.EqualFold(s.Tokens[m.TokEnd+1].Text, "based") && d.f.lx.Seat(m.Text) {
				m.Venue, m.Entity = true, false // "a Vienna-based agency"
			}
			if len(m.IDs) == 1 && platforms[m.IDs[0]] && (platformBefore[strings.ToLower(s.Tokens[prev].Text)] || platformAfter(after)) {
				// 在推特上, 在推特贴文, "said on Twitter", its Twitter account: the
				// medium, no party (在联合国大会上 names the assembly: still an entity)
				m.Venue, m.Entity = true, false
				continue
			}
		}
		if (m.Tok == 0 && d.f.lx.Seat(m.Text) || agencyBefore(s, m.Tok)) && dateline(m.Text, text[m.End:min(len(text), m.End+48)]) {
			// "WASHINGTON (Reuters) -", "LONDON, March 3 —": where the story was filed
			m.Venue, m.Entity = true, false
			continue
		}
		if (m.Text == "罗马" || m.Text == "羅馬") && (strings.HasPrefix(after, "天主教") || strings.HasPrefix(after, "公教")) {
			m.Venue, m.Entity = true, false // 罗马天主教: Roman Catholic, a church, not Italy
			continue
		}
		if len(m.IDs) == 1 && m.IDs[0] == "SUN" && eraOf(text[max(0, m.Start-3):m.Start], after) {
			m.Venue, m.Entity = true, false // 后苏联, 苏联时代, "Soviet-era weapons": a time, not the state
			continue
		}
		if before := strings.ToLower(text[max(0, m.Start-5):m.Start]); strings.HasSuffix(before, "post-") {
			m.Venue, m.Entity = true, false // "post-Soviet states": a time after it, not the Soviet Union
			continue
		}
		if strings.HasPrefix(after, "时间") || strings.HasPrefix(strings.ToLower(after), " time") || namePart(text, m.Start, after) {
			// 新加坡时间; 德国之声, 法国国际广播电台, Voice of America: a broadcaster's
			// name; 巴黎气候协定, the Paris Agreement: a treaty's
			m.Venue = true
			m.Entity = false
			continue
		}
		if m.Text != "" && m.Text[0] >= utf8.RuneSelf && pressAfter(after) {
			m.Venue, m.Entity = true, false // 法国报纸摘要, 法国世界报: the press of a state, no act of it
			continue
		}
		if strings.HasPrefix(strings.ToLower(after), " city") {
			m.Venue = true
		}
		if d.f.lx.Seat(m.Text) && strings.HasPrefix(after, "《") {
			m.Venue, m.Entity = true, false // 柏林《每日镜报》: the city of a newspaper, whose name follows
			continue
		}
		if d.f.lx.Seat(m.Text) && strings.HasSuffix(text[max(0, m.Start-3):m.Start], "《") && !strings.HasPrefix(after, "》") {
			m.Venue, m.Entity = true, false // 《罗马规约》, 《维也纳公约》: a city that opens a treaty's title
			continue
		}
		if d.f.lx.Seat(m.Text) && cityNamePart(after) {
			m.Venue, m.Entity = true, false // 海牙常设仲裁法院, 明斯克集团: a city in another name
		}
		if d.f.lx.Seat(m.Text) && len(m.IDs) == 1 && !strings.Contains(m.IDs[0], ":") && !actsAfter(s, m.TokEnd) {
			// 曼谷股市收低, 现驻首尔, 杰克·伦敦, "Seoul's stock market": a capital
			// stands for its state only where the state acts through it, and
			// then it holds or receives a claim, which lists the state (as
			// a mere mention it was the gold's state 11 times in 56 on b1-b58)
			m.Entity = false
		}
	}
}

// actsAfter reports a verb, or a word for a state's government, right
// after token k: the name before it stands for the state that acts
// ("Moscow condemned", 北京表示, 北京当局).
func actsAfter(s *Sentence, k int) bool {
	for k < len(s.Tokens) && s.Tokens[k].POS == token.Adv {
		k++ // "Moscow strongly condemned", 北京随即宣布
	}
	if k >= len(s.Tokens) {
		return false
	}
	return s.Tokens[k].POS == token.Verb || governmentWords[s.Tokens[k].Text]
}

var governmentWords = map[string]bool{"方面": true, "当局": true, "政府": true, "官方": true, "方": true}

// cityIn reports a proper name ending at token k (inclusive) right after
// "in" or "at": a city named as where something happens. A state or a
// place named there, other than a capital, starts a list ("offices in
// Chile, Peru and Bolivia", "in Gaza and Lebanon"), no city.
func (d *Doc) cityIn(s *Sentence, before []Mention, k int) bool {
	j := k
	for j >= 0 && j > k-4 && s.Tokens[j].POS == token.Propn {
		j--
	}
	if j >= k || j < 0 || s.Tokens[j].Lower != "in" && s.Tokens[j].Lower != "at" {
		return false
	}
	for i := range before {
		if c := &before[i]; c.TokEnd == k+1 && c.Tok > j && !d.f.lx.Seat(c.Text) {
			return false
		}
	}
	return true
}

// dateline reports a place in capitals that opens a news story, followed
// by the date, the agency or the dash before the first sentence
// ("WASHINGTON (Reuters) -", "LONDON, March 3 —", "BEIJING —").
func dateline(name, after string) bool {
	if hasHan(name) {
		return zhDateline.MatchString(zhDatelineCities.ReplaceAllString(after, "")) // 北京12月8日 - …, 华盛顿15日电, 纽约/华盛顿/香港1月5日
	}
	if strings.ToUpper(name) != name || strings.ToLower(name) == name {
		return false
	}
	if i := strings.IndexAny(after, "-—–"); i > 0 {
		head := after[:i]
		if head[len(head)-1] != ' ' {
			return false // "EU-Japan": a joined pair, not a dateline's dash
		}
		if strings.TrimSpace(head) == "" {
			return true
		}
		if h := strings.TrimSpace(head); strings.HasPrefix(h, ",") || strings.HasPrefix(h, "(") {
			return !strings.ContainsAny(h, ".;") || strings.Contains(h, "(")
		}
	}
	return false
}

// agencyBefore reports only a news agency's name before token i, which
// opens the sentence (路透北京12月8日 -, 法新社华盛顿15日电).
func agencyBefore(s *Sentence, i int) bool {
	agency := false
	for k := 0; k < i; k++ {
		switch t := &s.Tokens[k]; {
		case zhAgencies[t.Text]:
			agency = true
		case t.Text == "（" || t.Text == "(":
		case agency && (t.Text == "/" || t.POS == token.Propn):
			// 路透纽约/华盛顿/香港1月5日: the cities of one dateline
		case !agency && (t.POS == token.Num || t.Text == ":"):
			// 16:05 （法新社布鲁塞尔22日电）: the time the item was posted
		default:
			return false
		}
	}
	return agency
}

var zhAgencies = map[string]bool{"路透": true, "路透社": true, "法新社": true, "美联社": true, "新华社": true, "中新社": true, "中央社": true,
	"彭博": true, "彭博社": true, "共同社": true, "韩联社": true, "塔斯社": true, "德新社": true}

// zhDatelineCities are the further cities of one dateline (/华盛顿/香港).
var zhDatelineCities = regexp.MustCompile(`^(?:/\p{Han}{1,6})+`)

// zhDateline is what follows a city opening a Chinese dateline: a day,
// then a dash, 电 or a bracket.
var zhDateline = regexp.MustCompile(`^\s*(?:\d{1,2}月)?\d{1,2}日\s*(?:电|[-—–]|（|\()`)

// memberStates reports text that opens with "member states" (or 会员国,
// 成员国) after an organisation's name.
func memberStates(after string) bool {
	a := strings.ToLower(after)
	for _, p := range []string{" member states", " member state", " members", " member countries", "会员国", "成员国", "各成员国", "各会员国"} {
		if strings.HasPrefix(a, p) {
			return true
		}
	}
	return false
}

// pressAfter reports the press named right after a state's Chinese name
// (法国报纸, 法国世界报): the state only qualifies it (its media, 日本媒体,
// may still be what a text is about).
func pressAfter(after string) bool {
	return startsWithAny(strings.TrimLeft(after, "“《\"「"), "报纸", "各大报", "世界报", "费加罗报", "回声报", "解放报", "十字架报", "日报", "晚报",
		"每日邮报", "金融时报", "卫报", "泰晤士报", "独立报", "每日电讯报", "电讯报", "镜报", "太阳报", "观察家报", "路透社",
		"各报", "报章", "报刊", "绝大多数日报", "周末版", "周末各大报纸")
}

// nameSuffixes turn a state or city before them into part of another name:
// a broadcaster, a news agency, a treaty.
var nameSuffixes = []string{"之声", "之音", "国际广播电台", "國際廣播電台", "广播公司", "廣播公司", "通讯社", "通訊社", "卫星通讯社", "国际电视台",
	"气候协定", "协定", "協定", "Agreement", "Agreements", "Accords", "Accord", "Protocol", "Process", "Format", "24",
	"Action Agenda", "Agenda", "Declaration", "Convention", "Consensus", "Framework", "Round", "Programme of Action", "Plan of Action"}

// institutionSuffixes end the Chinese names of institutions that may open
// with a state's name: the state is part of the name.
var institutionSuffixes = []string{"基金会", "研究所", "研究中心", "研究院", "大学", "学院", "智库"}

// cityNamePart reports the text after a city that makes the city part of
// a court's, a group's, an accord's or a place's name (海牙常设仲裁法院,
// 明斯克集团, 伦敦海德公园), or an English accord, process or meeting named
// after it, in any case ("the Minsk agreements", "the Astana process", "the
// Budapest Memorandum", "the Vienna talks"; a state before "talks" names a
// party: "Japan-UK talks").
func cityNamePart(after string) bool {
	if suffixWithin(after, []string{"法院", "法庭", "集团", "协议", "进程", "公园", "机场", "广场", "大学", "对话", "峰会", "公约", "条约", "宣言", "分社", "俱乐部", "论坛"}, 0) {
		return true
	}
	if startsWithAny(after, "式", "盘") {
		return true // 罗马式建筑 is Romanesque; 伦敦盘 is the London trading session
	}
	return startsWithAny(strings.ToLower(after), " agreement", " agreements", " accord", " accords", " protocol", " protocols", " process", " format", " group", " declaration", " convention", " consensus",
		" memorandum", " final act", " document", " talks", " treaty", " communiqué", " communique", " club", " summit", " climate", " statute",
		" conference", " forum", " pact", " bureau")
}

// suffixWithin reports one of sufs within the first six characters of the
// word that opens after (up to a punctuation mark or a space), at least min
// bytes in: the head of a name that begins before after.
func suffixWithin(after string, sufs []string, min int) bool {
	head := after
	if i := strings.IndexAny(head, "，。、；：（(“”\" "); i >= 0 {
		head = head[:i]
	}
	for _, suf := range sufs {
		if i := strings.Index(head, suf); i >= min && utf8.RuneCountInString(head[:i]) <= 6 {
			return true
		}
	}
	return false
}

// namePart reports a state or city named as part of another name: the
// text after it begins with a name suffix (德国之声, the Paris Agreement), or
// "Voice of" stands before it.
func namePart(text string, start int, after string) bool {
	// 德国马歇尔基金会, 美国战略与国际研究中心: a state in an institution's name
	if suffixWithin(after, institutionSuffixes, 1) {
		return true
	}
	for _, suf := range nameSuffixes {
		if isLatinSuffix(suf) {
			if len(after) > len(suf) && after[0] == ' ' && strings.HasPrefix(after[1:], suf) {
				return true // "the Paris Agreement", "France 24"
			}
		} else if strings.HasPrefix(after, suf) {
			return true // 德国之声, 巴黎协定
		}
	}
	before := text[max(0, start-16):start]
	for _, p := range []string{"Voice of ", "Charter of ", "Treaty of ", "Congress of ", "Peace of ", "Protocol of "} {
		if strings.HasSuffix(before, p) {
			return true // "the Charter of Paris", "the Treaty of Rome"
		}
	}
	return false
}

func isLatinSuffix(s string) bool { return s != "" && s[0] < 0x80 }

// personVariants adds the forms English texts use for a person named
// "Given Family": the family name alone (when long enough to be safe),
// "FAMILY Given" and "Family Given".
func personVariants(names []string) []string {
	var out []string
	for _, n := range names {
		w := strings.Fields(n)
		if len(w) < 2 {
			continue
		}
		fam := w[len(w)-1]
		given := strings.Join(w[:len(w)-1], " ")
		if len(fam) >= 4 {
			out = append(out, fam)
		}
		out = append(out, strings.ToUpper(fam)+" "+given, fam+" "+given)
	}
	return out
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func uniq(ids []string) []string {
	out := ids[:0:0]
	for _, id := range ids {
		dup := false
		for _, o := range out {
			if o == id {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, id)
		}
	}
	return out
}

// besideAnotherName reports a capitalised name word right before or after
// st[start:end] (one space between), which is then part of a longer name.
func besideAnotherName(st string, start, end int) bool {
	notLetter := func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' }
	var after, before string
	if end+1 < len(st) && st[end] == ' ' {
		after = st[end+1:]
		if i := strings.IndexFunc(after, notLetter); i >= 0 {
			after = after[:i]
		}
	}
	if start >= 4 && st[start-1] == ' ' && st[start-2] == '.' && st[start-3] >= 'A' && st[start-3] <= 'Z' && (st[start-4] == ' ' || st[start-4] == '.') {
		return true // "Jose W. Fernandez": a middle initial, the name of someone else
	}
	if start >= 2 && st[start-1] == ' ' {
		before = st[:start-1]
		if i := strings.LastIndexFunc(before, notLetter); i >= 0 {
			before = before[i+1:]
		}
	}
	return otherNameWord(after) || otherNameWord(before)
}

// otherNameWord reports a word that can be part of a person's name.
func otherNameWord(w string) bool {
	return len(w) >= 2 && capitalised(w) && isNameWord(w) && !notNames[strings.ToLower(w)] && !token.CommonWord(w)
}

// platforms are the social networks a party speaks through: named as the
// medium (on Twitter, 在推特贴文, its Facebook page) they are no party.
var platforms = map[string]bool{"org:twitter": true, "org:facebook": true, "org:youtube": true, "org:instagram": true,
	"org:weibo": true, "org:telegram": true, "org:x": true}

var platformBefore = map[string]bool{"在": true, "通过": true, "透过": true, "于": true, "on": true, "via": true, "through": true}

func platformAfter(after string) bool {
	for _, p := range []string{"上", "帐", "账", "贴文", "发文", "发推", "推文", "页面", "主页", " account", " post", " page", " feed", " video"} {
		if strings.HasPrefix(strings.ToLower(after), p) {
			return true
		}
	}
	return false
}

// addressYou matches "you" after a verb of greeting, thanks or assurance
// ("congratulate you", "assure you", "to you"), where a speaker speaks to
// the one presiding; its first group is "thank".
var addressYou = regexp.MustCompile(`(?i)\b(?:congratulat\w*|(thank)\w*|commend\w*|felicitat\w*|salut\w*|assur\w*|to)\s+(you)\b`)

// courtesyThanks is what "thank you" is for when it only opens or closes a
// speech: no praise of the one presiding.
var courtesyThanks = regexp.MustCompile(`(?i)^[\s,]*(?:(?:mr\.?|madam|madame)\s+president|sir|your excellency)?[\s,]*(?:$|[.!;]|and\b|very much|for (?:your attention|listening|this opportunity|the opportunity|giving me the floor|the floor))`)

// presidentWords tell a sentence that speaks to the presiding officer.
var presidentWords = []string{"President", "Presidency", "presidency", "Sir", "your election", "your assumption", "your leadership"}

// assemblyPresident reads "you" in a speech to the General Assembly
// ("I congratulate you, Mr. President, on your election") as the person
// presiding over the session on the speech's date: the gazetteer's
// president of the General Assembly then. Undated speeches are left
// alone: a president serves one year.
func (d *Doc) assemblyPresident(text string, s *Sentence, ms []Mention) []Mention {
	if !d.presidingKnown {
		// once a document: its whole text is searched for the Assembly
		d.presidingKnown = true
		if !d.date.IsZero() && strings.Contains(text, "General Assembly") {
			if hs := d.f.lx.HoldersOf("president", "org:un-general-assembly", d.date); len(hs) == 1 {
				d.presiding = hs[0]
			}
		}
	}
	if d.presiding == nil {
		return ms
	}
	st := text[s.Start:s.End]
	hit := false
	for _, w := range presidentWords {
		if strings.Contains(st, w) {
			hit = true
			break
		}
	}
	if !hit {
		return ms
	}
	p := d.presiding
	for _, m := range addressYou.FindAllStringSubmatchIndex(st, -1) {
		start, end := s.Start+m[4], s.Start+m[5]
		if m[2] >= 0 && courtesyThanks.MatchString(text[end:s.End]) {
			continue // "Thank you, Mr. President", "I thank you and yield the floor"
		}
		if overlapsAny(ms, start, end) {
			continue
		}
		ms = append(ms, Mention{Kind: Person, Start: start, End: end, Text: text[start:end], IDs: []string{"org:un-general-assembly"},
			Person: p.ID, Role: "president", Entity: true,
			How: "you → " + p.ID + " (who presided over the General Assembly on " + d.date.Format("2006-01-02") + ")"})
	}
	return ms
}

// wordGivenNames are common given names that are English words too, and so
// left out of given-names.tsv (Peter, Martin, Mark): a full name still opens
// with one. "Will", "May" and "Hope" stay out: they open sentences.
var wordGivenNames = []string{"Peter", "Martin", "Mark", "Victor", "Frank", "Jack", "Bill", "Max", "Ray", "Roy", "Warren",
	"Grant", "Dean", "Rose", "Grace", "Carol", "Nick", "Drew", "Lance", "Wade", "Miles", "Rob", "Gene", "Ken", "Guy"}

// sentBy returns the state named right before 驻 and the host after it
// (中国驻加拿大使馆, 巴西驻日本大使): the one that sends the mission, not
// the host; "" when the host has no 驻 before it or no state stands there.
func sentBy(text string, ms []Mention, host *Mention) string {
	if !strings.HasSuffix(text[:host.Start], "驻") {
		return ""
	}
	for i := range ms {
		if q := &ms[i]; q.Kind == Actor && len(q.IDs) == 1 && q.End == host.Start-len("驻") {
			return q.IDs[0]
		}
	}
	return ""
}

// sultan reports 苏丹 as a ruler's title: after a state or a palace
// (马来西亚苏丹, 王宫苏丹) or before his title or name (苏丹国王, 苏丹·阿卜杜拉).
func sultan(text string, m *Mention) bool {
	if m.Text != "苏丹" {
		return false
	}
	before, after := text[max(0, m.Start-12):m.Start], text[m.End:min(len(text), m.End+9)]
	for _, w := range []string{"国王", "宫", "陛下", "·", "王朝"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	for _, w := range []string{"马来西亚", "文莱", "柔佛", "阿曼", "王宫", "州"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// usGeorgia reports "Georgia" as the US state: glossing a Chinese state
// name (佐治亚州（Georgia）), part of a place name (North Georgia), or with
// the words of a US election or county around it.
func usGeorgia(text string, m *Mention) bool {
	before, after := text[max(0, m.Start-60):m.Start], text[m.End:min(len(text), m.End+40)]
	if i := strings.LastIndexAny(before, ".!?。！？\n"); i >= 0 {
		before = before[i+1:] // the sentence's own words
	}
	if i := strings.IndexAny(after, ".!?。！？\n"); i >= 0 {
		after = after[:i]
	}
	if strings.HasSuffix(before, "州（") || strings.HasSuffix(before, "州(") || strings.HasSuffix(before, "North ") || strings.HasSuffix(before, "South ") {
		return true
	}
	near := before + " " + after
	for _, w := range []string{"Senate", "run-off", "runoff", "Atlanta", "County", "county", "Republican", "Democrats", "Democratic Party"} {
		if strings.Contains(near, w) {
			return true
		}
	}
	return false
}

// noteTaiwanOrgan records the role of an organ word (外交部) named as
// Taiwan's, for a bare one after, when the text's first such organ is
// Taiwan's (a text from Taiwan), not a bare one (外交部发言人…台湾外交部:
// China's ministry speaking of Taiwan's).
func (d *Doc) noteTaiwanOrgan(word string) {
	for _, o := range d.f.organs {
		if o.Lang == "zh" && o.Country == "" && o.Type != "" && strings.HasSuffix(word, o.Phrase) && taiwanFirst(d.text, o.Phrase) {
			if d.taiwanOrgans == nil {
				d.taiwanOrgans = map[string]bool{}
			}
			d.taiwanOrgans[o.Type] = true
		}
	}
}

// taiwanFirst reports the first organ word in text named as Taiwan's
// (台湾外交部, 中华民国外交部; not 我国外交部, which in a text from Beijing
// is China's).
func taiwanFirst(text, organ string) bool {
	i := strings.Index(text, organ)
	if i < 0 {
		return false
	}
	before := text[:i]
	return strings.HasSuffix(before, "台湾") || strings.HasSuffix(before, "臺灣") || strings.HasSuffix(before, "中华民国")
}

// nounAfter reports a noun as the first token starting at or after byte
// offset at: the phrase before it qualifies that noun ("the military
// option"), it names no one.
func nounAfter(s *Sentence, at int) bool {
	k := tokenFrom(s.Tokens, at)
	return k < len(s.Tokens) && s.Tokens[k].POS == token.Noun
}

// namedWithHead returns, for "the Alliance" or "the Commission" (a common
// word the gazetteer gives one organisation as a short name), another
// organisation the text has named in full with that word in its name;
// "" when none, or when that is the gazetteer's own.
func (d *Doc) namedWithHead(text, id string) string {
	w, ok := strings.CutPrefix(strings.ToLower(text), "the ")
	if !ok || strings.Contains(w, " ") || !d.f.lx.CommonWord(w) {
		return ""
	}
	found := ""
	for name, other := range d.orgNames {
		if other == id {
			return ""
		}
		for _, x := range strings.Fields(name) {
			if x == w {
				if found != "" && found != other {
					return "" // two such: which one is unsure
				}
				found = other
			}
		}
	}
	return found
}

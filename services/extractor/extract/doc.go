package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/services/extractor/internal/rules"
	gazetteer "github.com/diplograph/diplograph/services/extractor/mention"
	"github.com/diplograph/diplograph/services/extractor/sentence"
)

// Mention kinds.
const (
	mActor      = iota + 1 // a country or organisation (or several: 日英)
	mPerson                // a person (speaks for a state)
	mPlace                 // a place without ISO code
	mTopic                 // a topic cue phrase
	mCollective            // the parties (双方, both sides)
	mSelf                  // we / 我们
	mPronoun               // he / she / 他
	mCue                   // a predicate cue
	mMod                   // a modifier only
	mAll                   // all parties (各方)
)

// mention is one recognised phrase in the clean text.
type mention struct {
	start, end int
	text       string
	kind       int
	ids        []string // actors it stands for
	person     string   // person id, for mPerson
	entID      string   // place or topic id
	alsoTopics []string // further topics the same phrase names (food and energy security)
	cue        *rules.Cue
	mods       []*rules.Modifier
	how        string // how it was resolved, for explanations (explain mode)
	title      int32  // index into Engine.titles, or -1
	organ      int32  // index into Engine.organs, or -1
	entity     bool   // counts as an entity of the text
	entType    string
	sent       int
}

func (m *mention) hasMod(kind string) *rules.Modifier {
	for _, md := range m.mods {
		if md.Kind == kind {
			return md
		}
	}
	return nil
}

func (m *mention) isActorish() bool {
	switch m.kind {
	case mActor, mPerson, mCollective, mSelf, mPronoun:
		return true
	}
	return false
}

// doc is the working state for one article.
type doc struct {
	e        *Engine
	text     string
	lang     string
	date     time.Time
	sents    []sentence.Span
	ments    []*mention
	parties  []string
	partyHow string
	// pairParties are the first two actors of the lead, for "both sides"
	// when fewer than two parties were found.
	pairParties []string
	explain     bool
	// lastSubject is the last subject named for a claim.
	lastSubject *subject
	// lastSpeaker is the last person who was a claim's subject.
	lastSpeaker *mention
}

func (e *Engine) newDoc(text, lang, title string, date time.Time, explain bool) *doc {
	d := &doc{e: e, text: text, lang: lang, date: date, explain: explain}
	d.sents = sentence.Split(text)

	d.ments = d.findMentions(text, 0, true)
	d.parties, d.partyHow = d.findParties(title)
	return d
}

// sentenceOf returns the index of the sentence holding byte offset off.
func (d *doc) sentenceOf(off int) int {
	i := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].End > off })
	if i == len(d.sents) {
		return len(d.sents) - 1
	}
	return i
}

// boundary reports whether off is a word boundary in the zh text.
func (d *doc) boundary(text string, off int, base int) bool {
	if d.lang != "zh" || off <= 0 || off >= len(text) {
		return true
	}
	// punctuation and non-Han neighbours are boundaries
	r1, _ := utf8.DecodeLastRuneInString(text[:off])
	r2, _ := utf8.DecodeRuneInString(text[off:])
	if !unicode.Is(unicode.Han, r1) || !unicode.Is(unicode.Han, r2) {
		return true
	}

	// segment a window around off with gse; its shortest path decides
	lo, hi := off, off
	for k := 0; k < 6 && lo > 0; k++ {
		r, size := utf8.DecodeLastRuneInString(text[:lo])
		if !unicode.Is(unicode.Han, r) {
			break
		}
		lo -= size
	}
	for k := 0; k < 6 && hi < len(text); k++ {
		r, size := utf8.DecodeRuneInString(text[hi:])
		if !unicode.Is(unicode.Han, r) {
			break
		}
		hi += size
	}
	for _, sg := range d.e.seg.Segment([]byte(text[lo:hi])) {
		if lo+sg.Start() == off || lo+sg.End() == off {
			return true
		}
	}
	return false
}

// findMentions turns phrase matches into mentions. main is false for the
// title, which is read only to find the parties.
func (d *doc) findMentions(text string, base int, main bool) []*mention {
	e := d.e
	matches := e.matcher.Find(text)
	out := make([]*mention, 0, len(matches))
	var blocked []gazetteer.Match // plain words: no abbreviation compound inside them
	for _, mt := range matches {
		m := d.toMention(text, mt, base)
		if m == nil {
			blocked = append(blocked, mt)
			continue
		}
		out = append(out, m)
	}
	if d.lang == "zh" {
		out = d.addCompounds(text, out, blocked, base)
	}
	out = d.resolveOrgans(text, out)
	out = d.resolveTitles(text, out)
	if main {
		for _, m := range out {
			m.sent = d.sentenceOf(m.start)
		}
	}
	return out
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

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// toMention builds a mention from a match, or nil when the match is not a
// word in context.
func (d *doc) toMention(text string, mt gazetteer.Match, base int) *mention {
	e := d.e
	surface := text[mt.Start:mt.End]
	// word boundaries inside Chinese text come from the blocker words (see
	// addBlockers); gse confirms only abbreviation compounds
	startOK, endOK := true, true
	m := &mention{start: mt.Start, end: mt.End, text: surface, title: -1, organ: -1}
	var best *lexicon.Entity
	for _, p := range mt.Payloads {
		switch p.Kind {
		case pEntity:
			ent := e.ents[p.Ref]
			if best == nil || kindRank(ent.Kind) < kindRank(best.Kind) {
				best = ent
			}
		case pCue:
			if m.cue == nil {
				m.cue = &e.rules.Cues[p.Ref]
			}
		case pMod:
			m.mods = append(m.mods, &e.rules.Modifiers[p.Ref])
		case pTitle:
			m.title = p.Ref
		case pOrgan:
			if m.organ < 0 {
				m.organ = p.Ref
			}
		case pBlock:
			// a plain word
		}
	}
	switch {
	case best != nil:
		if !startOK || !endOK {
			return nil
		}
		switch best.Kind {
		case lexicon.KindCountry, lexicon.KindOrg:
			m.kind, m.ids, m.entity, m.entType = mActor, []string{best.ID}, true, best.Kind
			if d.explain {
				m.how = surface + " → " + best.ID
			}
		case lexicon.KindPerson:
			m.kind, m.person, m.entity, m.entType = mPerson, best.ID, true, lexicon.KindPerson
			if c := d.personCountry(best); c != "" {
				m.ids = []string{c}
			}
			if d.explain {
				m.how = surface + " → " + best.ID + " → " + strings.Join(m.ids, ",") + d.roleNote(best.ID)
			}
		case lexicon.KindPlace:
			m.kind, m.entID = mPlace, best.ID
		case lexicon.KindTopic:
			m.kind, m.entID = mTopic, best.ID
			for _, p := range mt.Payloads {
				if p.Kind == pEntity {
					if t := e.ents[p.Ref]; t.Kind == lexicon.KindTopic && t.ID != best.ID {
						m.alsoTopics = append(m.alsoTopics, t.ID)
					}
				}
			}
		}
		if m.cue != nil && m.kind == mTopic {
			m.kind = mCue // 粗暴干涉: the cue names its own topic
		}
	case m.organ >= 0:
		if !startOK || !endOK {
			return nil
		}
		c := e.organs[m.organ].Country
		m.kind = mActor
		if c != "" {
			m.ids, m.entity, m.entType = []string{c}, true, lexicon.KindCountry
			m.how = surface + " (organ) → " + c
		} else {
			m.how = surface + " (organ)"
		}
	case m.title >= 0:
		if !startOK || !endOK {
			return nil
		}
		m.kind = mMod // resolved with the following name in resolveTitles
	case m.cue != nil:
		if !endOK || (runeLen(surface) == 1 && !startOK) {
			return nil
		}
		m.kind = mCue
	case len(m.mods) > 0:
		if !startOK || !endOK {
			return nil
		}
		m.kind = mMod
		for _, md := range m.mods {
			switch md.Kind {
			case "collective":
				m.kind = mCollective
			case "self":
				m.kind = mSelf
			case "person":
				m.kind = mPronoun
			case "all":
				m.kind = mAll
			}
		}
	default:
		return nil
	}
	if m.kind != mCue && m.cue != nil && m.kind != mActor && m.kind != mPerson {
		m.cue = nil
	}
	return m
}

// roleNote describes a person's role on the document's date for
// explanations: " (foreign-minister 2023)".
func (d *doc) roleNote(personID string) string {
	roles := d.e.lex.RolesOn(personID, d.date)
	if len(roles) == 0 {
		return ""
	}
	r := roles[0]
	year := ""
	if !d.date.IsZero() {
		year = " " + strconv.Itoa(d.date.Year())
	}
	return " (" + r.Key + " of " + r.Of + year + ")"
}

// personCountry is the state or organisation a person speaks for on the
// document's date.
func (d *doc) personCountry(p *lexicon.Entity) string {
	if roles := d.e.lex.RolesOn(p.ID, d.date); len(roles) > 0 {
		for _, r := range roles {
			if len(r.Of) == 3 && !strings.Contains(r.Of, ":") {
				return r.Of // a state before an organisation (Xi Jinping: CHN, not the party)
			}
		}
		return roles[0].Of
	}
	if p.Country != "" {
		return p.Country
	}
	for _, r := range p.Roles {
		if r.Of != "" {
			return r.Of
		}
	}
	return ""
}

// addCompounds finds runs of single-character abbreviations (中美, 日英意)
// that gse confirms as words.
func (d *doc) addCompounds(text string, ms []*mention, blocked []gazetteer.Match, base int) []*mention {
	if len(d.e.abbrevs) == 0 {
		return ms
	}
	covered := func(off int) bool {
		i := sort.Search(len(ms), func(i int) bool { return ms[i].end > off })
		if i < len(ms) && ms[i].start <= off {
			return true
		}
		j := sort.Search(len(blocked), func(j int) bool { return blocked[j].End > off })
		return j < len(blocked) && blocked[j].Start <= off
	}
	var add []*mention
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if _, ok := d.e.abbrevs[r]; !ok || covered(i) {
			i += size
			continue
		}
		j := i
		var ids []string
		for j < len(text) {
			r2, sz := utf8.DecodeRuneInString(text[j:])
			id, ok := d.e.abbrevs[r2]
			if !ok || covered(j) {
				break
			}
			ids = append(ids, id[0])
			j += sz
		}
		if len(ids) >= 2 && d.boundary(text, i, base) && d.compoundEnd(text, j, base) {
			ids = uniq(ids)
			if len(ids) >= 2 {
				add = append(add, &mention{start: i, end: j, text: text[i:j], kind: mActor, ids: ids, entity: true, entType: lexicon.KindCountry,
					how: text[i:j] + " → " + strings.Join(ids, ", ")})
			}
		}
		if j == i {
			j = i + size
		}
		i = j
	}
	if len(add) == 0 {
		return ms
	}
	ms = append(ms, add...)
	sort.SliceStable(ms, func(a, b int) bool { return ms[a].start < ms[b].start })
	return ms
}

// compoundEnd accepts the end of an abbreviation run at a gse boundary or
// before words that typically follow one (中美关系, 日英两国).
func (d *doc) compoundEnd(text string, off, base int) bool {
	if d.boundary(text, off, base) {
		return true
	}
	for _, w := range []string{"关系", "两国", "三国", "双方", "会谈", "外长", "联合", "战略", "合作", "领导人", "首脑", "峰会", "对话", "磋商", "意", "外相"} {
		if strings.HasPrefix(text[off:], w) {
			return true
		}
	}
	return false
}

var (
	enNameWord = regexp.MustCompile(`^(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?((?:[A-Z][A-Za-z'’\-]+\s?){1,3})`)
	zhNameRun  = regexp.MustCompile(`^[\p{Han}·]{2,4}`)
)

var zhNameStops = []string{"表示", "说", "在", "与", "和", "会见", "指出", "称", "强调", "同", "时", "就", "对", "向", "的", "也", "还", "将", "出席", "发表", "访问", "举行", "主持", "会晤", "通电话", "应约", "为", "于", "当天", "日前", "今天", "此前", "说明", "会谈", "谴责", "呼吁", "敦促", "认为", "宣布", "欢迎", "支持", "反对", "回应", "答问", "答记者问", "一行", "等", "是", "已", "曾", "则", "并", "都", "阁下"}

// zhNameFollowers are what may follow a person's name in running text.
var zhNameFollowers = []string{"表示", "说", "在", "与", "和", "会见", "指出", "称", "强调", "同", "就", "对", "向", "也", "还", "将", "出席", "发表", "访问", "举行", "主持", "会晤", "通电话", "应约", "于", "当天", "日前", "今天", "此前", "会谈", "谴责", "呼吁", "敦促", "认为", "宣布", "欢迎", "支持", "反对", "回应", "答", "一行", "是", "已", "曾", "则", "并", "都", "（", "(", "，", "。", "、", "：", "”"}

// resolveTitles joins a role title with the name after it: a known person,
// or an unknown one who still speaks for the title's state.
func (d *doc) resolveTitles(text string, ms []*mention) []*mention {
	out := ms[:0]
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if m.title < 0 || m.kind != mMod {
			out = append(out, m)
			continue
		}
		title := d.e.titles[m.title]
		of := title.Of
		if of == "" {
			// the state named right before the title (英国外交大臣, Japan's Foreign Minister)
			for k := len(out) - 1; k >= 0; k-- {
				p := out[k]
				gap := strings.TrimSpace(text[p.end:m.start])
				if p.kind == mActor && len(p.ids) == 1 && (gap == "" || gap == "'s" || gap == "’s" || gap == "of") {
					of = p.ids[0]
				}
				break
			}
		}
		// a known person right after the title
		if i+1 < len(ms) && ms[i+1].kind == mPerson && strings.TrimSpace(text[m.end:ms[i+1].start]) == "" {
			p := ms[i+1]
			if len(p.ids) == 0 && of != "" {
				p.ids = []string{of}
			}
			p.how = m.text + " " + p.how
			p.start = m.start
			out = append(out, p)
			i++
			continue
		}
		rest := text[m.end:]
		var name string
		if d.lang == "zh" {
			name = zhNameRun.FindString(rest)
			for _, s := range zhNameStops {
				if k := strings.Index(name, s); k >= 0 {
					name = name[:k]
				}
			}
			if runeLen(name) < 2 || (i+1 < len(ms) && ms[i+1].start < m.end+len(name)) {
				name = ""
			}
			if name != "" {
				after := rest[len(name):]
				ok := after == ""
				for _, f := range zhNameFollowers {
					if strings.HasPrefix(after, f) {
						ok = true
						break
					}
				}
				if !ok {
					name = ""
				}
			}
		} else {
			rest = strings.TrimLeft(rest, " ")
			if mm := enNameWord.FindStringSubmatch(rest); mm != nil {
				name = strings.TrimSpace(mm[1])
			}
		}
		if name == "" || of == "" {
			continue
		}
		off := strings.Index(text[m.end:], name) + m.end
		pid := personSlug(name)
		out = append(out, &mention{start: m.start, end: off + len(name), text: name, kind: mPerson, person: pid, ids: []string{of},
			entity: true, entType: lexicon.KindPerson, how: m.text + " " + name + " → " + pid + " → " + of + " (" + title.Key + ")"})
		for i+1 < len(ms) && ms[i+1].start < off+len(name) {
			i++
		}
	}
	return out
}

// resolveOrgans gives a generic organ (外交部, the Foreign Ministry) its
// state: the state named right before it ("日本外务省", "China's Foreign
// Ministry"), the sending state of an embassy ("中国驻加拿大使馆"), or, in
// Chinese text, China for a bare 外交部 or 驻…使馆.
func (d *doc) resolveOrgans(text string, ms []*mention) []*mention {
	for i, m := range ms {
		if m.organ < 0 || m.kind != mActor || len(m.ids) > 0 {
			continue
		}
		o := d.e.organs[m.organ]
		c := ""
		if i > 0 {
			p := ms[i-1]
			gap := strings.TrimSpace(text[p.end:m.start])
			switch {
			case p.kind == mActor && len(p.ids) == 1 && (gap == "" || gap == "'s" || gap == "’s"):
				c = p.ids[0]
			case p.kind == mActor && len(p.ids) == 1 && strings.HasSuffix(text[:p.start], "驻"):
				// 中国驻加拿大使馆: the embassy belongs to the state before 驻
				c = "CHN"
				if i > 1 && ms[i-2].kind == mActor && len(ms[i-2].ids) == 1 && ms[i-2].end == p.start-len("驻") {
					c = ms[i-2].ids[0]
				}
			}
		}
		if c == "" && d.lang == "zh" && (o.Type == "foreign-ministry" || o.Type == "defence-ministry" || o.Type == "embassy") {
			c = "CHN"
		}
		if c != "" {
			m.ids, m.entity, m.entType = []string{c}, true, lexicon.KindCountry
			if d.explain {
				m.how = m.text + " (organ) → " + c
			}
		}
	}
	return ms
}

// personSlug makes a person id for a name the gazetteer lacks.
func personSlug(name string) string {
	if hasHan(name) {
		sum := sha256.Sum256([]byte(name))
		return "person:zh-" + hex.EncodeToString(sum[:4])
	}
	words := strings.Fields(strings.NewReplacer("’", "", "'", "", ".", " ").Replace(name))
	if len(words) == 0 {
		return "person:unknown"
	}
	// family name first: an all-caps word is the family name (KAMIKAWA Yoko),
	// otherwise the last word is
	fam := len(words) - 1
	for i, w := range words {
		if len(w) > 1 && strings.ToUpper(w) == w {
			fam = i
			break
		}
	}
	order := append([]string{words[fam]}, append(append([]string{}, words[:fam]...), words[fam+1:]...)...)
	var b strings.Builder
	for _, w := range order {
		for _, r := range strings.ToLower(w) {
			if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
				b.WriteRune(r)
			} else if r == '-' {
				b.WriteByte('-')
			}
		}
		b.WriteByte('-')
	}
	s := strings.Trim(b.String(), "-")
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "-")
	}
	if s == "" {
		return "person:unknown"
	}
	return "person:" + s
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

// findParties decides whose meeting or statement the text reports: a
// compound in the title (日英, Japan-UK), else the first sentence with two
// or more actors.
func (d *doc) findParties(title string) ([]string, string) {
	if title != "" {
		tms := d.findMentions(title, 1, false)
		for _, m := range tms {
			if m.kind == mActor && len(m.ids) >= 2 {
				return m.ids, "title compound " + m.text
			}
		}
		if ids := pairIn(title, tms); len(ids) >= 2 {
			return ids, "title pair"
		}
		var ids []string
		for _, m := range tms {
			if m.kind == mActor && len(m.ids) > 0 && !strings.HasPrefix(title[m.end:], "时间") {
				ids = append(ids, m.ids...)
			}
		}
		if ids = uniq(ids); len(ids) == 1 && strings.HasPrefix(ids[0], "org:") {
			return ids, "title organisation"
		}
	}
	limit := 8
	for si := 0; si < len(d.sents) && si < limit; si++ {
		sm := d.mentionsIn(si)
		for _, m := range sm {
			if m.kind == mActor && len(m.ids) >= 2 {
				return m.ids, "compound " + m.text
			}
		}
		s := d.sents[si]
		if ids := pairIn(d.text[s.Start:s.End], shift(sm, -s.Start)); len(ids) >= 2 {
			return ids, "pair in lead"
		}
	}
	// the actors of the lead, in order: loosely (any actor named) for
	// "both sides", strictly (actors that act, not venues or objects) else
	var loose []string
	for _, m := range d.ments {
		if m.sent >= limit {
			break
		}
		if (m.kind == mActor || m.kind == mPerson) && len(m.ids) > 0 && m.hasMod("reporter") == nil {
			loose = append(loose, m.ids...)
		}
	}
	if loose = uniq(loose); len(loose) > 2 {
		loose = loose[:2]
	}
	d.pairParties = loose
	var ids []string
	for si := 0; si < len(d.sents) && si < limit; si++ {
		sm := d.mentionsIn(si)
		for k, m := range sm {
			if (m.kind == mActor || m.kind == mPerson) && len(m.ids) > 0 && !d.isObject(sm, k, d.sents[si].Start) && !d.venue(m) {
				ids = append(ids, m.ids...)
			}
		}
	}
	ids = uniq(ids)
	if len(ids) > 0 && strings.HasPrefix(ids[0], "org:") {
		// a multilateral body's ministers or leaders speak as the body
		return ids[:1], "organisation leading the text"
	}
	if len(ids) > 2 {
		ids = ids[:2]
	}
	return ids, "actors of the lead"
}

// venue reports a state named as where something happens ("in the Japanese
// city of Sapporo", "在日本召开").
func (d *doc) venue(m *mention) bool {
	start := max(0, m.start-12)
	for start < m.start && !utf8.RuneStart(d.text[start]) {
		start++
	}
	before := strings.ToLower(d.text[start:m.start])
	before = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(before), "the"))
	if strings.HasSuffix(before, " in") || strings.HasSuffix(before, "在") || strings.HasSuffix(before, "于") || strings.HasSuffix(before, " at") {
		return true
	}
	after := strings.ToLower(d.text[m.end:min(len(d.text), m.end+8)])
	return strings.HasPrefix(after, " city") || strings.HasPrefix(after, "时间")
}

func shift(ms []*mention, by int) []*mention {
	out := make([]*mention, len(ms))
	for i, m := range ms {
		c := *m
		c.start += by
		c.end += by
		out[i] = &c
	}
	return out
}

// pairIn finds actors named together: "Japan-UK", "X and Y", "X与Y",
// "Canada, France, Germany and Italy"; it returns the longest such run.
func pairIn(text string, ms []*mention) []string {
	var acts []*mention
	for _, m := range ms {
		if (m.kind == mActor || m.kind == mPerson) && len(m.ids) > 0 {
			before := strings.TrimRight(text[:m.start], " ")
			if strings.HasSuffix(before, "(") || strings.HasSuffix(before, "（") {
				continue // an abbreviation in brackets repeats the name before it
			}
			acts = append(acts, m)
		}
	}
	var best []string
	for i := 0; i+1 < len(acts); i++ {
		ids := append([]string{}, acts[i].ids...)
		commas := 0
		for k := i + 1; k < len(acts); k++ {
			if acts[k].start < acts[k-1].end {
				break
			}
			gap := parenthetical.ReplaceAllString(text[acts[k-1].end:acts[k].start], "")
			gap = strings.TrimSpace(gap)
			gap = strings.TrimSpace(strings.TrimSuffix(gap, "the"))
			if officeOf.MatchString(gap) {
				gap = "and"
			}
			ok := false
			switch gap {
			case "-", "–", "—", "and", "&", "与", "和", "同", "/", ", and", "及":
				ok = true
			case ",", "、", "，":
				ok = true
				commas++
			}
			if !ok {
				break
			}
			ids = append(ids, acts[k].ids...)
		}
		ids = uniq(ids)
		if len(ids) >= 2 && len(ids) > len(best) {
			best = ids
		}
	}
	return best
}

var (
	parenthetical = regexp.MustCompile(`\([^()]{0,30}\)|（[^（）]{0,30}）`)
	officeOf      = regexp.MustCompile(`^,?\s*and\s+(the\s+)?([A-Z][a-z]+\s+){1,3}of(\s+the)?$`)
	zhYear        = regexp.MustCompile(`((?:19|20)\d{2})\s*年(前|之前|以前|底|内|初|年底)?`)
	zhDate        = regexp.MustCompile(`((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日`)
	enDate1       = regexp.MustCompile(`\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),?\s+((?:19|20)\d{2})\b`)
	enDate2       = regexp.MustCompile(`\b(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+((?:19|20)\d{2})\b`)
	numDate       = regexp.MustCompile(`\b((?:19|20)\d{2})[/.-](\d{1,2})[/.-](\d{1,2})\b`)
	urlDate       = regexp.MustCompile(`/((?:19|20)\d{2})(\d{2})(\d{2})[-/_]`)
	zhMD          = regexp.MustCompile(`(\d{1,2})月(\d{1,2})日`)
	anyYear       = regexp.MustCompile(`(?:19|20)\d{2}`)
	monthIdx      = map[string]int{"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}
)

// dateInText finds the first full date the text gives.
func dateInText(text string) (time.Time, bool) {
	if len(text) > 1500 {
		text = text[:1500]
	}
	hasZh := strings.Contains(text, "月") && strings.Contains(text, "日")
	hasEn := false
	for _, m := range []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"} {
		if strings.Contains(text, m) {
			hasEn = true
			break
		}
	}
	best := -1
	var t time.Time
	try := func(idx []int, y, mo, dd int) {
		if idx == nil || (best >= 0 && idx[0] >= best) || mo < 1 || mo > 12 || dd < 1 || dd > 31 {
			return
		}
		best = idx[0]
		t = time.Date(y, time.Month(mo), dd, 0, 0, 0, 0, time.UTC)
	}
	if !hasZh {
		// skip
	} else if m := zhDate.FindStringSubmatchIndex(text); m != nil {
		y, _ := strconv.Atoi(text[m[2]:m[3]])
		mo, _ := strconv.Atoi(text[m[4]:m[5]])
		dd, _ := strconv.Atoi(text[m[6]:m[7]])
		try(m, y, mo, dd)
	}
	for _, re := range []*regexp.Regexp{numDate, urlDate} {
		if m := re.FindStringSubmatchIndex(text); m != nil {
			y, _ := strconv.Atoi(text[m[2]:m[3]])
			mo, _ := strconv.Atoi(text[m[4]:m[5]])
			dd, _ := strconv.Atoi(text[m[6]:m[7]])
			try(m, y, mo, dd)
		}
	}
	if best < 0 && hasZh {
		// 2月18日 with the year given elsewhere in the text
		if m := zhMD.FindStringSubmatchIndex(text); m != nil {
			if y := anyYear.FindString(text); y != "" {
				yy, _ := strconv.Atoi(y)
				mo, _ := strconv.Atoi(text[m[2]:m[3]])
				dd, _ := strconv.Atoi(text[m[4]:m[5]])
				try(m, yy, mo, dd)
			}
		}
	}
	if !hasEn {
		return t, best >= 0
	}
	if m := enDate1.FindStringSubmatchIndex(text); m != nil {
		y, _ := strconv.Atoi(text[m[6]:m[7]])
		dd, _ := strconv.Atoi(text[m[4]:m[5]])
		try(m, y, monthIdx[text[m[2]:m[3]]], dd)
	}
	if m := enDate2.FindStringSubmatchIndex(text); m != nil {
		y, _ := strconv.Atoi(text[m[6]:m[7]])
		dd, _ := strconv.Atoi(text[m[2]:m[3]])
		try(m, y, monthIdx[text[m[4]:m[5]]], dd)
	}
	return t, best >= 0
}

// mentionsIn returns the mentions of sentence si, in text order.
func (d *doc) mentionsIn(si int) []*mention {
	var sm []*mention
	for _, m := range d.ments {
		if m.sent == si {
			sm = append(sm, m)
		}
	}
	return sm
}

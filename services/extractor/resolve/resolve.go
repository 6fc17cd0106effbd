// Package resolve is the extractor's eighth stage: it decides who holds each
// frame's claim. It finds the parties of the document (the two sides of a
// meeting, the signatories of a statement, the issuer of a press release),
// resolves the words that stand for them (双方, "the Ministers", "we",
// "he"), turns people into the states they speak for, and applies the
// guidelines on reported positions: a position reported as the party's own
// is its claim; an allegation or a characterisation by another party is
// not; a denied, refused, supposed or questioned stance is no claim.
package resolve

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/diplograph/diplograph/services/extractor/clause"
	"github.com/diplograph/diplograph/services/extractor/frame"
	"github.com/diplograph/diplograph/services/extractor/mention"
	"github.com/diplograph/diplograph/services/extractor/token"
)

// Holder is who holds a claim: the actors, the people who said it, and how
// they were found.
type Holder struct {
	IDs      []string
	Speakers []string
	How      string
	// Tok is the first token of the subject in the frame's sentence, or -1
	// when it was inherited from elsewhere.
	Tok int
}

// Participants are the parties of the document.
type Participants struct {
	IDs []string
	How string
	// Joint marks a document the parties speak in together (a joint
	// statement, a meeting readout), where "we" is all of them.
	Joint bool
	// Issuer is who issued the text (a ministry's press release), the
	// default speaker of "we" when the parties do not speak together.
	Issuer, IssuerHow string
	// Speech marks a text in the first person by the issuer's delegate (a
	// speech): "I" and "we" are the issuer.
	Speech bool
	// Met marks parties found in a sentence that tells a meeting or a call.
	Met bool
	// Addressee is the one state an issuer's message is to: the only
	// state its title names ("Ghana's National Day"), for "you" outside
	// a transcript; AddresseeHow says where it came from.
	Addressee, AddresseeHow string
}

// Doc is the resolution state of one document.
type Doc struct {
	m     *frame.Matcher
	Parts Participants
	// last is the last subject named, for clauses and sentences without one
	last *Holder
	// partyless counts the sentences in a row that named no party.
	partyless int
	// official is the holder of the last sentence whose subject names a
	// spokesperson (中国驻英国使馆发言人…): "the spokesperson" later is it
	official *Holder
	// officialAt is the last sentence that spokesperson spoke in: named,
	// or opening a sentence by role alone (发言人还指出…, "The spokesperson added").
	officialAt int
	// plural is the last holder of two or more parties and the sentence it
	// held in: "they" a little later are them ("X and Y discussed … The
	// Secretary stressed … They also agreed …").
	plural   *Holder
	pluralAt int
	// pair is the last two states a sentence named together ("Armenia and
	// Azerbaijan", 刚果（金）和卢旺达) and the sentence it named them in:
	// "both sides" a call is made on, when no two parties held a claim.
	pair   []string
	pairAt int
	// lastPerson is the last person who spoke, for "he", "she".
	lastPerson *mention.Mention
	// lastPersonSent is the sentence lastPerson was named in.
	lastPersonSent int
	// turn is who speaks in a transcript's current turn ("MR PRICE: …",
	// "QUESTION: …"): turnOfficial, turnQuestion, or turnNone.
	turn int
	// turnSpeaker is the person the label of the current turn names
	// ("FOREIGN MINISTER ALBARES:"), nil when it names no one known.
	turnSpeaker *mention.Mention
	sentence    int
	// semiSpeaker is who speaks in the report that ran to the semicolon
	// closing the sentence before (发言人回应称，…；敦促美方…): this sentence
	// may go on saying what they said. semiNext is the same for the
	// current sentence, kept for the next one.
	semiSpeaker, semiNext *Holder
	// openQuote is who speaks a quotation that runs on past its sentence,
	// when the mention that says it has no state of its own before it is
	// resolved (他说道，“…。我们将…。”: "we" in a later sentence are his).
	openQuote *Holder
	// coordDepth counts nested coordinated calls: a "we" coordinated with
	// the speaker it stands for ("the Minister and we …") refers back to
	// that speaker, and would again without end.
	coordDepth int
	// LastTarget is the last party a claim targeted: what "this move" (此举)
	// refers back to. The claim stage sets it.
	LastTarget string
	// LastTargetPred is the predicate of the claim that set LastTarget.
	LastTargetPred string
	// LastActor is the state or organisation that opened the sentence
	// before as its subject: whose act 对此 may refer to.
	LastActor string
	// LastTargetAt, LastActorAt are the sentences that set them.
	LastTargetAt, LastActorAt int
}

// New starts a document with its participants.
func New(m *frame.Matcher, parts Participants) *Doc { return &Doc{m: m, Parts: parts} }

// Outcome says what became of a frame.
type Outcome struct {
	Holder *Holder
	// Drop gives the reason a frame states no claim ("allegation", "denied",
	// "condition", "question", "hypothetical", "no subject"), or "".
	Drop string
	// Target is the party a "X should" or an accusation names, when that
	// is not the holder.
	Target []string
	// Passive is the subject of a passive (受到X的反对, "was condemned by X"):
	// the holder is X, the subject the target.
	Passive []string
	// AllParties marks "all parties should" (各方应): a call on no one
	// party, still a call.
	AllParties bool
	// Pred, when set, is the predicate the construction states instead of
	// the rule's ("it is critical for X to …": a call on X).
	Pred string
}

// Sentence notes a new sentence: the people it names become the ones "he"
// refers to.
func (d *Doc) Sentence(s *clause.Sentence) {
	d.sentence = s.Index
	if two := statesTogether(s); two != nil {
		d.pair, d.pairAt = two, s.Index
	}
	d.semiSpeaker, d.semiNext = d.semiNext, d.semiReport(s)
	if len(s.Quotes) == 0 || s.Quotes[0].From == nil {
		d.openQuote = nil
	}
	if s.Open && len(s.Quotes) > 0 {
		if q := s.Quotes[len(s.Quotes)-1]; q.From == nil && q.Speaker >= 0 {
			d.openQuote = d.coordinated(s, q.Speaker)
		}
	}
	if t, colon := turnOf(s); t != turnNone {
		d.turn, d.turnSpeaker = t, nil
		if t == turnOfficial {
			d.turnSpeaker = labelSpeaker(s, colon)
		}
	}
	if s.NewPara && d.Parts.Issuer == "" && !d.Parts.Joint && len(d.Parts.IDs) == 0 {
		d.last = nil // a news text's new paragraph may tell another story: no subject carries over
	}
	if o := d.officialOf(s); o != nil {
		d.official, d.officialAt = o, s.Index
	} else if d.official != nil && d.opensWithRole(s) {
		d.officialAt = s.Index
	}
	if len(s.Clauses) > 0 && peopleSubject(s, s.Clauses[0]) {
		d.last = nil // 抗议活动的领导者要求…。他们呼吁…: "they" are those people, not the state before
	}
}

// semiReport is the speaker of a state's report that governs the end of
// a Chinese sentence closed by a semicolon, or nil.
func (d *Doc) semiReport(s *clause.Sentence) *Holder {
	n := len(s.Tokens)
	if s.Lang != "zh" || n == 0 || s.Tokens[n-1].Text != "；" && s.Tokens[n-1].Text != ";" {
		return nil
	}
	for i := len(s.Reports) - 1; i >= 0; i-- {
		r := s.Reports[i]
		if r.Speaker < 0 || r.To < n-1 || r.Class != clause.Say || s.FromOutlet(r) || privateSpeaker(s, r) {
			continue
		}
		if h := d.coordinated(s, r.Speaker); h != nil {
			h.Tok = -1
			h.How = "the speaker before the semicolon: " + h.How
			return h
		}
	}
	return nil
}

// turnHolder is the state of the person who has the floor.
func turnHolder(p *mention.Mention, lead string) *Holder {
	h := &Holder{IDs: slices.Clone(p.IDs), Tok: -1, How: lead + "the official who has the floor: " + p.How}
	if p.Person != "" {
		h.Speakers = []string{p.Person}
	}
	return h
}

// Addressee is the party "you" names: in a transcript's turn, when an
// official of one of a meeting's two parties has the floor, the other
// party ("I want to thank you for your leadership"); outside one, the
// state an issuer's message is to ("as you celebrate your National Day").
// It also says how.
func (d *Doc) Addressee() ([]string, string) {
	if d.turn == turnNone && d.Parts.Addressee != "" {
		return []string{d.Parts.Addressee}, "you → " + d.Parts.AddresseeHow
	}
	p := d.turnSpeaker
	if d.turn != turnOfficial || p == nil || len(p.IDs) != 1 || len(d.Parts.IDs) != 2 {
		return nil, ""
	}
	other := ""
	switch a, b := d.Parts.IDs[0], d.Parts.IDs[1]; p.IDs[0] {
	case a:
		other = b
	case b:
		other = a
	default:
		return nil, ""
	}
	return []string{other}, "you → the other party of the meeting (" + d.Parts.How + "), " + p.Text + " having the floor"
}

// labelSpeaker is the person a turn's label names, before its colon.
func labelSpeaker(s *clause.Sentence, colon int) *mention.Mention {
	for k := range s.Mentions {
		m := &s.Mentions[k]
		if m.TokEnd <= colon && m.Kind == mention.Person && len(m.IDs) > 0 {
			c := *m
			return &c
		}
	}
	return nil
}

const (
	turnNone = iota
	turnOfficial
	turnQuestion
)

// turnOf reads the label that opens a transcript's turn: words in capitals
// and a colon ("MR PRICE:", "SECRETARY BLINKEN:", "QUESTION:", "Q:"). It
// also returns the colon's token.
func turnOf(s *clause.Sentence) (int, int) {
	if s.Lang != "en" {
		return turnNone, -1
	}
	k := mention.TurnColon(s.Tokens)
	if k < 0 {
		return turnNone, -1
	}
	switch strings.ToUpper(s.Tokens[0].Text) {
	case "QUESTION", "Q", "QUESTIONER", "REPORTER", "JOURNALIST":
		return turnQuestion, k
	}
	return turnOfficial, k
}

// NotePerson remembers the last person who spoke.
func (d *Doc) NotePerson(m *mention.Mention) {
	if m.Kind == mention.Person && len(m.IDs) > 0 {
		c := *m
		d.lastPerson = &c
		d.lastPersonSent = d.sentence
	}
}

// NoteSubject remembers a person who opens a sentence as its subject
// ("Blinken met Wang Yi. He called on …"): "he" refers to them next,
// unless someone speaks.
func (d *Doc) NoteSubject(s *clause.Sentence) {
	// a sentence naming no party tells no new party's act: the doer of the
	// one before stays "this move"'s doer over one such sentence, no more
	d.partyless++
	for k := range s.Mentions {
		if s.Mentions[k].IsParty() {
			d.partyless = 0
			break
		}
	}
	if d.partyless != 1 {
		d.LastActor = ""
	}
	verb := len(s.Tokens) // (当地时间7月24日下午，美方…: a time before the subject)
	for k := range s.Tokens {
		if s.Tokens[k].POS == token.Verb {
			verb = k
			break
		}
	}
	for k := range s.Mentions {
		m := &s.Mentions[k]
		if m.Tok > 2 && m.TokEnd > verb {
			break
		}
		agents := m.Attr && m.TokEnd < len(s.Tokens) && stateAgents[s.Tokens[m.TokEnd].Text] // 美方人员强行进入…
		if m.Kind == mention.Actor && len(m.IDs) == 1 && (!m.Attr || agents) && !m.Venue {
			d.LastActor, d.LastActorAt = m.IDs[0], s.Index // 欧盟延长了制裁。俄方对此…: whose act "this" is
			break
		}
	}
	for k := range s.Mentions {
		m := &s.Mentions[k]
		if m.Tok > 2 {
			return
		}
		if m.Kind == mention.Person && len(m.IDs) > 0 && !m.Attr && !(m.TokEnd < len(s.Tokens) && personModified[s.Tokens[m.TokEnd].Lemma]) {
			d.NotePerson(m)
			return
		}
		if m.Kind == mention.Pronoun && d.lastPerson != nil {
			d.lastPersonSent = d.sentence // 他强调，…。“我们…”: the same person still speaks
			return
		}
	}
}

// personModified are the nouns a person's name modifies when the sentence
// is about them, not the person ("the Assad regime met …", "the Biden
// administration announced …"): no one speaks.
var personModified = map[string]bool{"regime": true, "government": true, "administration": true, "force": true, "family": true,
	"era": true, "crony": true, "loyalist": true, "supporter": true, "camp": true, "campaign": true, "政权": true, "政府": true}

// formerPlan reports a commitment told as what was once meant
// (原本计划, 原计划于, 本来会, "had planned to", "was originally scheduled
// to"): mostly one given up since.
func formerPlan(s *clause.Sentence, f *frame.Frame) bool {
	c := s.Clauses[f.Clause]
	for k := max(c.Start, f.CueStart-4); k <= f.CueStart && k < len(s.Tokens); k++ {
		switch t := s.Tokens[k].Text; {
		case t == "原本" || t == "原先" || t == "本来" || t == "原定" || t == "原计划" || strings.HasPrefix(t, "原本"):
			return true
		case t == "原" && k+1 < len(s.Tokens) && k+1 >= f.CueStart:
			return true // 原|计划
		case s.Lang == "en" && (s.Tokens[k].Lower == "originally" || s.Tokens[k].Lower == "had" && k+1 < len(s.Tokens) && (s.Tokens[k+1].Lemma == "plan" || s.Tokens[k+1].Lemma == "intend") && k+1 == f.CueStart):
			return true
		}
	}
	return false
}

// consequent reports a frame whose clause depends on a condition right
// before or after it ("if talks fail, X will …", "X will …, unless …",
// 除非…，X将…).
func (d *Doc) consequent(s *clause.Sentence, f *frame.Frame) bool {
	if f.Cond || f.Report >= 0 && s.Reports[f.Report].From > s.Clauses[f.Clause].Start {
		return false
	}
	for _, ci := range []int{f.Clause - 1, f.Clause + 1} {
		if ci >= 0 && ci < len(s.Clauses) && s.Clauses[ci].Cond && s.Clauses[ci].Opener != "whether" && s.Clauses[ci].Opener != "是否" {
			return true
		}
	}
	return false
}

// Resolve decides who holds frame f of sentence s.
func (d *Doc) Resolve(s *clause.Sentence, fs []frame.Frame, fi int) Outcome {
	f := &fs[fi]
	switch {
	case f.Question && f.Rule.Kind != "accuse":
		return Outcome{Drop: "question"} // a rhetorical question that denounces is still a condemnation
	case f.Hypothetical:
		return Outcome{Drop: "hypothetical"}
	case f.Rule.Predicate != "call_on" && f.Rule.Kind != "accuse" && d.consequent(s, f):
		// "unless talks fail, Brazil will support …": a stance on a condition is only supposed
		return Outcome{Drop: "condition"}
	case f.Cond && f.Rule.Predicate != "call_on":
		return Outcome{Drop: "condition"}
	case f.Rule.Kind == "purpose" && s.Lang == "zh" && s.Tokens[f.CueStart].Text == "为了" && !frame.Preposed(s, f) && f.Report < 0 && f.Quote < 0:
		// 为了X，Y做了Z: the aim a report gives for an act, where the act is
		// the news; the party's own words (他说，为了X…) or the formal 为了X而Z
		// state the aim as a position
		return Outcome{Drop: "a purpose the report gives for an act (为了X，…), not a stance"}
	case s.InvertedShould(f.CueStart):
		return Outcome{Drop: "condition (should X …: if X …)"}
	case f.Rule.Kind == "should" && s.Lang == "en" && s.Tokens[f.CueStart].Lower == "had":
		return Outcome{Drop: "a past necessity (had to flee, had to deal with), no call"}
	}
	if f.Rule.Modality == "act" && participle(s, f) {
		return Outcome{Drop: "a participle describing a noun (the aid sent by …), not an act"}
	}
	if f.Rule.Predicate == "commit" && formerPlan(s, f) {
		return Outcome{Drop: "a plan that was, not one that is (原本计划, had planned to)"}
	}
	announced := false
	if f.Rule.Modality == "act" && !f.Modal && !d.Parts.Joint && f.Report < 0 && f.Quote < 0 {
		if d.Parts.Issuer == "" || !d.announced(s, f) {
			return Outcome{Drop: "an action reported as a fact, not a commitment"}
		}
		// a release announcing its issuer's act ("the Department is designating …")
		announced = true
		if o, ok := d.announcedPassive(s, f); ok {
			return o
		}
	}
	if s.Lang == "zh" && f.CueStart >= 2 {
		// 逮捕使西方震惊, 此举令日本不满: the one the cause made feel it holds it
		switch s.Tokens[f.CueStart-2].Text {
		case "使", "令", "让", "使得":
			if k := s.MentionAt(f.CueStart - 1); k >= 0 && s.Mentions[k].TokEnd == f.CueStart {
				if h := d.party(s, k); h != nil && s.Mentions[k].Kind == mention.Actor {
					h.Tok = -1
					h.How = "the one made to feel it: " + h.How
					o := Outcome{Holder: h}
					c := s.Clauses[f.Clause]
					for j := range s.Mentions {
						// 美国的决定令日本不满: the cause's owner, at the clause's start, is the target
						if m := &s.Mentions[j]; m.Tok >= c.Start && m.TokEnd <= f.CueStart-2 && m.Kind == mention.Actor && len(m.IDs) > 0 && !slices.Equal(m.IDs, h.IDs) {
							o.Target = slices.Clone(m.IDs)
							break
						}
					}
					return o
				}
			}
			if s.Tokens[f.CueStart-1].POS == token.Noun || s.Tokens[f.CueStart-1].POS == token.Pron {
				return Outcome{Drop: "the feeling of someone the cause affected, who is no party (使西方震惊, 令他们不满)"}
			}
		}
	}
	if d.evaluative(s, f) {
		// 梵蒂冈与北京的关系一直令人担忧: the worry is the speaker's, not the subject's
		if sp := d.speaker(s, f); sp != nil && f.Report >= 0 {
			return Outcome{Holder: sp}
		}
		return Outcome{Drop: "an evaluation (令人担忧), not the subject's position"}
	}
	if d.unnamedSpeaker(s, f) {
		return Outcome{Drop: "said by someone who speaks for no party"}
	}
	if undergoesWill(s, f) {
		return Outcome{Drop: "what the subject will undergo (将被允许, will be barred), not its commitment"}
	}
	if thingWill(s, f) {
		return Outcome{Drop: "a forecast about a thing (制裁将…), no party's commitment"}
	}
	if nonPartySubject(s, f) {
		return Outcome{Drop: "the subject named before is no party (组织者…，他们呼吁)"}
	}
	if privateSubject(s, f) {
		return Outcome{Drop: "its subject is a person who speaks for no party (议员许某宣布…)"}
	}
	if d.indefiniteSubject(s, f) {
		return Outcome{Drop: "an indefinite subject (有人, analysts): no party holds it"}
	}
	if o, ok := d.necessaryFor(s, fs, fi); ok {
		return o
	}
	switch f.Rule.Kind {
	case "should", "accuse":
		o := d.spoken(s, fs, fi)
		if r := f.Report; f.Rule.Kind == "accuse" && r >= 0 && s.Reports[r].Class == clause.Deny && o.Holder != nil && d.sameAsSpeaker(s, s.Reports[r], o.Holder) {
			// 伊朗否认干涉伊拉克内政: the denier's own wrong, as with any stance
			// denied ("X is still denying the atrocities" stays the writer's charge)
			return Outcome{Drop: "denied"}
		}
		return o
	case "right":
		return d.right(s, fs, fi)
	}
	if o, ok := d.passive(s, fs, fi); ok {
		return o
	}
	if agentlessPassive(s, f) {
		// "Ardern has been praised for her handling", "the move was widely
		// condemned": the subject undergoes the stance; no one is named holding it
		return Outcome{Drop: "a passive with no one named as its agent"}
	}
	if o, ok := d.gerundOfAnObject(s, f); ok {
		return o
	}
	o, ok, owner := d.ownerOfStanceNoun(s, f)
	if ok {
		return o
	}
	h := d.subject(s, fs, fi)
	if owner != nil && h != nil && !slices.ContainsFunc(h.IDs, func(id string) bool { return slices.Contains(owner, id) }) {
		// "we have seen Iran's support for proxies": another party's stance
		// as the writer tells it, neither the writer's nor (unaffirmed) its owner's
		return Outcome{Drop: "another party's stance, as told (" + strings.Join(owner, ", ") + ")"}
	}
	if f.Rule.Kind == "pre" && f.Rule.Predicate != "support" && h != nil && h.Tok >= 0 && f.PreStart >= 0 && h.Tok >= f.PreStart && h.Tok < f.CueStart {
		// "North Korea is a grave threat", "X is unacceptable": the party
		// before the cue is what is judged; the judge is who says so
		h.How = "the speaker, judging " + h.How
		if sp := d.speaker(s, f); sp != nil && !slices.Equal(sp.IDs, h.IDs) {
			return Outcome{Holder: sp}
		}
		return Outcome{Drop: "no one named as judging"}
	}
	if h != nil {
		if o, ok := d.recipient(s, f, h); ok {
			return o
		}
	}
	if s.Lang == "en" && calledUntrue(s, f.CueEnd) {
		return Outcome{Drop: "denied"} // "declaring that Cuba promotes terrorism is false", "…, that is simply not true"
	}
	if f.Report >= 0 {
		r := s.Reports[f.Report]
		switch r.Class {
		case clause.Deny, clause.Refuse:
			if h == nil || d.sameAsSpeaker(s, r, h) || h.Tok < 0 {
				return Outcome{Drop: "denied"}
			}
		case clause.Allege:
			if h == nil || !d.sameAsSpeaker(s, r, h) {
				return Outcome{Drop: "allegation"}
			}
		case clause.Accuse:
			if h == nil || !d.sameAsSpeaker(s, r, h) {
				return Outcome{Drop: "allegation"}
			}
		case clause.Say, clause.Believe:
			if h != nil && h.Tok >= 0 && r.Speaker >= 0 && !d.sameAsSpeaker(s, r, h) && d.speaksForAState(s, r) && !praisedStance(fs, f) {
				// "Mao Ning said the United States opposes …": China's characterisation
				return Outcome{Drop: "characterisation"}
			}
		}
	}
	if h == nil && d.bareSpeaker(s, f) {
		// 发言人还敦促…, "the spokesperson added": the official named before
		var sp *Holder
		if d.official != nil {
			c := *d.official
			c.Tok = -1
			sp = &c
		} else if d.Parts.Issuer != "" {
			sp = &Holder{IDs: []string{d.Parts.Issuer}, Tok: -1, How: "the issuer (" + d.Parts.IssuerHow + ")"}
		}
		if sp != nil {
			sp.How = "a spokesperson named by role alone: " + sp.How
			h = sp
		}
	}
	if h == nil || len(h.IDs) == 0 {
		return Outcome{Drop: "no subject"}
	}
	if announced && !slices.Contains(h.IDs, d.Parts.Issuer) {
		return Outcome{Drop: "an action reported as a fact, not a commitment"} // a third party's act
	}
	d.saidBy(s, f, h)
	if h.Tok >= 0 {
		c := *h
		d.last = &c
		if len(c.IDs) >= 2 {
			d.plural, d.pluralAt = &c, d.sentence
		}
		if k := s.MentionAt(h.Tok); k >= 0 && s.Mentions[k].Kind == mention.Person {
			d.NotePerson(&s.Mentions[k])
		}
	}
	return Outcome{Holder: h}
}

// spoken resolves the frames whose subject is not the holder: "X should…"
// is the speaker's call on X; "X violates…" (粗暴干涉) the speaker's
// condemnation of X; "X has the right to…" the speaker's support of X.
func (d *Doc) spoken(s *clause.Sentence, fs []frame.Frame, fi int) Outcome {
	f := &fs[fi]
	c := s.Clauses[f.Clause]
	start := c.Start
	if f.Report >= 0 {
		// "Wang Yi said the US move violates …": the subject is inside what was said
		if r := s.Reports[f.Report]; r.From > start && r.From <= f.CueStart {
			start = r.From
		}
	}
	var x *Holder
	for k := range s.Mentions {
		if m := &s.Mentions[k]; m.Kind == mention.AllParties && m.Tok >= start && m.TokEnd <= f.CueStart && f.Rule.Kind == "should" && f.PreStart < 0 {
			x = &Holder{How: "all parties"} // 各方应, "all sides should"
		}
	}
	nounWrong := f.Rule.Kind == "accuse" && s.Lang == "en" && (s.Tokens[f.CueStart].POS == token.Noun || s.Tokens[f.CueEnd-1].POS == token.Noun || s.Tokens[f.CueStart].Tag == "IN") // "in gross violations of", "unjustified attack"
	if nounWrong {
		// "discussed their response to Putin's continued assault": a wrong
		// named as a noun is done by whoever owns it, not by the clause's subject
		if k := d.possessor(s, f.CueStart); k >= 0 {
			x = d.party(s, k) // "holding Russia accountable for its brutal war": its is the party named last before it
		} else if k := d.owner(s, f.CueStart, start); k >= 0 {
			x = d.party(s, k)
		}
	}
	if x == nil && f.Rule.Kind == "accuse" && s.Lang == "zh" {
		// 坐视白俄罗斯当局践踏人权, 纵容X干涉: the one let act (or watched acting) does the wrong
		for k := range s.Mentions {
			m := &s.Mentions[k]
			if m.Tok <= start || m.TokEnd > f.CueStart || m.Kind != mention.Actor || len(m.IDs) == 0 || m.Attr && !stateAgentAfter(s, m) {
				continue
			}
			if permitVerbs[s.Tokens[m.Tok-1].Text] && !d.verbBetween(s, m.TokEnd, f.CueStart, nil) {
				x = d.party(s, k)
			}
			if passiveAgent[s.Tokens[m.Tok-1].Text] && onlyAdverbs(s, m.TokEnd, f.CueStart) {
				x = d.party(s, k) // 台湾老是被中国打压: the agent after 被 does the wrong, the subject suffers it
			}
		}
	}
	if k := d.subjectBefore(s, f.CueStart, start, nil); k >= 0 && x == nil && !(nounWrong && (d.verbBetween(s, s.Mentions[k].TokEnd, f.CueStart, nil) || progressive(s, s.Mentions[k].TokEnd, f.CueStart))) {
		if s.Mentions[k].Kind == mention.Self && f.Rule.Kind == "should" && s.QuoteOf(s.Mentions[k].Tok) < 0 {
			// "we must prevent the virus spreading", 我们必须…: no call on
			// anyone; like an impersonal obligation, it supports its aim
			h := d.coordinated(s, k)
			if h == nil {
				h = d.speaker(s, f)
			}
			if h == nil {
				return Outcome{Drop: "no speaker"}
			}
			h.Tok = -1
			h.How = "own obligation: " + h.How
			return Outcome{Holder: h}
		}
		if s.Mentions[k].Kind == mention.AllParties {
			x = &Holder{How: "all parties"}
		} else {
			x = d.coordinated(s, k)
		}
	}
	if x == nil && s.Lang == "en" && (f.Rule.Kind == "should" || f.Rule.Kind == "accuse" && finiteVerb(&s.Tokens[f.CueStart])) {
		// "Iran bears responsibility for the escalation and must stop its
		// attacks", "Russia shelled the port and violated the deal": the
		// second predicate is the subject's too
		for k := range s.Mentions {
			if m := &s.Mentions[k]; m.Kind == mention.Actor && len(m.IDs) > 0 && !m.Attr && sharedSubject(s, m, f, start) {
				x = d.coordinated(s, k)
				break
			}
		}
	}
	if x == nil && f.Rule.Kind == "accuse" && s.Lang == "zh" && f.Clause > 0 && f.Report < 0 && s.QuoteOf(f.CueStart) < 0 {
		// 欧方罔顾事实，…，严重干涉中国内政: a clause without a subject goes on
		// with the subject of the nearest clause before that has one, when
		// that clause accuses it of a wrong too (a chain of charges)
		for ci := f.Clause - 1; ci >= 0; ci-- {
			pc := s.Clauses[ci]
			if pc.Cond || pc.Relative {
				break
			}
			k := d.subjectBefore(s, pc.End, pc.Start, nil)
			if k < 0 {
				continue
			}
			for fj := range fs {
				if fj != fi && fs[fj].Clause == ci && fs[fj].Rule.Kind == "accuse" && fs[fj].CueStart > s.Mentions[k].Tok {
					x = d.coordinated(s, k)
				}
			}
			break
		}
	}
	if x == nil && f.Rule.Kind == "accuse" && s.Lang == "zh" && f.Clause > 0 && s.QuoteOf(f.CueStart) < 0 && degreeOnly(s, s.Clauses[f.Clause].Start, f.CueStart) {
		// 美国向台湾出售武器，严重违反…: a charge that opens its clause judges
		// the act the clause before tells, done by that clause's subject
		pc := s.Clauses[f.Clause-1]
		if !pc.Cond && !pc.Relative && (f.Report < 0 || s.Reports[f.Report].From <= pc.Start) {
			if k := d.subjectBefore(s, pc.End, pc.Start, nil); k >= 0 && s.Mentions[k].Kind == mention.Actor && len(s.Mentions[k].IDs) > 0 &&
				(d.verbBetween(s, s.Mentions[k].TokEnd, pc.End, nil) || actNamed(s, s.Mentions[k].TokEnd, pc.End)) &&
				!slices.ContainsFunc(fs, func(g frame.Frame) bool { return g.Clause == f.Clause-1 }) {
				// (台湾谴责解放军逾越中线，侵犯…: an act inside a stance is that stance's object)
				x = d.coordinated(s, k)
			}
		}
	}
	if x == nil && f.Rule.Kind == "accuse" && s.Lang == "zh" && f.Clause > 0 && copulaOpens(s, s.Clauses[f.Clause].Start, f.CueStart) {
		// 美方有关做法毫无依据，完全是恶意抹黑: a clause that only says what
		// the subject before is (完全是, 纯属) charges that subject
		pc := s.Clauses[f.Clause-1]
		if !pc.Cond && !pc.Relative && (f.Report < 0 || s.Reports[f.Report].From <= pc.Start) {
			if k := d.owner(s, pc.End, pc.Start); k >= 0 {
				x = d.party(s, k)
			} else if k := d.subjectBefore(s, pc.End, pc.Start, nil); k >= 0 && s.Mentions[k].Kind == mention.Actor {
				x = d.coordinated(s, k)
			}
		}
	}
	if x == nil && f.Rule.Kind == "accuse" {
		// "the US move violates …", 中国气球侵犯…: whose act the subject is
		if k := d.owner(s, f.CueStart, start); k >= 0 {
			x = d.party(s, k)
		}
		// "Who gave the United States the right to interfere …", 允许X干涉: the one let do it
		for k := range s.Mentions {
			m := &s.Mentions[k]
			if x != nil || m.Tok < start || m.TokEnd > f.CueStart || m.Kind != mention.Actor || len(m.IDs) == 0 || m.Tok == 0 {
				continue
			}
			p := m.Tok - 1
			for p > start && s.Tokens[p].POS == token.Det {
				p--
			}
			if permitVerbs[s.Tokens[p].Lemma] {
				x = d.party(s, k)
			}
		}
	}
	if x == nil && f.Rule.Kind == "accuse" && s.Lang == "en" {
		// "atrocities committed by Russian forces": the agent after a
		// participle and "by" does the wrong the noun names; else, "hold
		// Russia accountable for its war of aggression": its is the party
		// named last before it
		if k := agentAfter(s, f.CueEnd); k >= 0 {
			x = d.party(s, k)
		}
		if k := d.possessor(s, f.CueStart); x == nil && k >= 0 {
			x = d.party(s, k)
		}
	}
	if x == nil && f.Rule.Kind == "right" {
		// the right-holder right before 有权 / "has the right"
		for k := range s.Mentions {
			if m := &s.Mentions[k]; m.IsParty() && m.TokEnd <= f.CueStart && m.TokEnd >= f.CueStart-2 {
				x = d.party(s, k)
			}
		}
	}
	sp := d.speaker(s, f)
	if h := d.frontedJudge(s, f); h != nil {
		sp = h // 对于这一公开挑衅…，中国政府决不会坐视不管: the subject after the fronted clause judges it
	}
	if sp == nil {
		if x != nil && len(x.IDs) > 0 && f.Rule.Kind == "should" && d.Parts.Joint && SameSet(x.IDs, d.Parts.IDs) {
			return Outcome{Drop: "the parties' own obligation"}
		}
		return Outcome{Drop: "no speaker"}
	}
	if x != nil && x.How == "all parties" {
		return Outcome{Holder: sp, AllParties: true}
	}
	if x == nil {
		if f.Rule.Kind == "accuse" && d.refersBack(s, f) {
			// 美方指手画脚，这难道不是粗暴干涉…: "this" is the act just told, its doer the target
			if k := d.earlierSubject(s, f); k >= 0 && !slices.Contains(sp.IDs, s.Mentions[k].IDs[0]) {
				sp.How += "; accusing the doer of what was just told: " + s.Mentions[k].Text
				return Outcome{Holder: sp, Target: slices.Clone(s.Mentions[k].IDs)}
			}
			if d.LastTarget != "" && !slices.Contains(sp.IDs, d.LastTarget) && (s.Lang == "zh" || hostile[d.LastTargetPred] && !namedIn(s, f.ObjStart, f.ObjEnd, d.LastTarget)) {
				// (in English only a party a hostile claim just targeted, and
				// not the victim the object names: "this war against Ukraine")
				sp.How += "; accusing what was just named: " + d.LastTarget
				return Outcome{Holder: sp, Target: []string{d.LastTarget}}
			}
			if d.LastActor != "" && !slices.Contains(sp.IDs, d.LastActor) {
				sp.How += "; accusing whose act was just told: " + d.LastActor
				return Outcome{Holder: sp, Target: []string{d.LastActor}}
			}
		}
		// 有关国家粗暴干涉…: the speaker condemns the act; the doer names no known party
		return Outcome{Holder: sp}
	}
	var target []string
	for _, id := range x.IDs {
		if !slices.Contains(sp.IDs, id) {
			target = append(target, id)
		}
	}
	if len(target) == 0 && len(x.IDs) > 0 {
		if f.Rule.Kind == "should" {
			return Outcome{Drop: "the speaker's own obligation"}
		}
		return Outcome{Drop: "the speaker accuses itself"}
	}
	sp.How += "; " + f.Rule.Kind + " of: " + x.How
	return Outcome{Holder: sp, Target: target}
}

// calledUntrue reports an English sentence that, after token from, says
// what came before is false ("…, that is simply not true", "the claim that
// X supports Y is false"): what it states is denied, no one's position.
func calledUntrue(s *clause.Sentence, from int) bool {
	toks := s.Tokens
	for k := from; k < len(toks); k++ {
		switch toks[k].Lower {
		case "is", "are", "was", "were", "'s", "’s":
		default:
			continue
		}
		j := k + 1
		for j < len(toks) && (toks[j].POS == token.Adv && toks[j].Lower != "not") {
			j++ // "simply", "patently", "absolutely"
		}
		if j >= len(toks) {
			return false
		}
		switch w := toks[j].Lower; {
		case w == "false" || w == "untrue" || w == "baseless" || w == "nonsense":
			return j+1 == len(toks) || toks[j+1].POS == token.Punct
		case w == "not" && j+1 < len(toks) && toks[j+1].Lower == "true":
			return j+2 == len(toks) || toks[j+2].POS == token.Punct
		case w == "a" && j+1 < len(toks) && toks[j+1].Lower == "lie":
			return true
		}
	}
	return false
}

// modalBetween reports "must", "should", "ought" or "need(s) to" between
// tokens from and to: the subject before is called on, it does not act.
func modalBetween(s *clause.Sentence, from, to int) bool {
	for k := from; k < to && k < len(s.Tokens); k++ {
		switch s.Tokens[k].Lower {
		case "must", "should", "ought":
			return true
		case "need", "needs":
			return k+1 < to && s.Tokens[k+1].Lower == "to"
		}
	}
	return false
}

// someStates reports 国家 at token k counted but not named (几个阿拉伯国家,
// 越来越多的国家, 一些国家): states the text does not say which.
func someStates(s *clause.Sentence, k int) bool {
	if s.Tokens[k].Text != "国家" || k+1 < len(s.Tokens) && zhAfterStates[s.Tokens[k+1].Text] {
		return false // 与其他国家的冲突中, 一些国家之间: not the subject
	}
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		t := s.Tokens[j].Text
		if zhPrepositions[t] || zhGatherVerbs[t] {
			return false
		}
		if strings.HasSuffix(t, "个") || zhSomeWords[t] {
			for i := j - 1; i >= 0 && i >= j-4; i-- {
				if w := strings.TrimSuffix(s.Tokens[i].Text, "了"); zhPrepositions[w] || zhGatherVerbs[w] {
					return false // 召集了约60个国家, 在与其他国家…: an object or a setting
				}
			}
			return true
		}
		if s.MentionAt(j) >= 0 && s.Mentions[s.MentionAt(j)].IsParty() {
			return false
		}
	}
	return false
}

// praisedStance reports a stance named as a noun with its holder (Doer)
// inside what another frame of the sentence welcomes or thanks for
// ("noted …, and thanked her counterpart for Peru's support for
// Ukraine"): the speaker acknowledges it as the holder's own, which a mere
// characterisation does not.
func praisedStance(fs []frame.Frame, f *frame.Frame) bool {
	if f.Doer < 0 {
		return false
	}
	for i := range fs {
		g := &fs[i]
		if g != f && g.Rule.Predicate == "welcome" && g.CueEnd <= f.CueStart && g.ObjEnd >= f.CueEnd {
			return true
		}
	}
	return false
}

// zhAfterStates after 国家 make it no subject: a possessive, a setting.
var zhAfterStates = map[string]bool{"的": true, "之间": true, "间": true, "中": true, "里": true}

// zhGatherVerbs before a counted 国家, as a preposition would, make it an
// object (召集了约60个国家, 率领多国).
var zhGatherVerbs = map[string]bool{"召集": true, "联合": true, "带领": true, "率领": true, "让": true, "使": true, "令": true}

// zhSomeWords count without naming: some, many, more and more, other.
var zhSomeWords = map[string]bool{"一些": true, "许多": true, "很多": true, "不少": true, "多个": true, "若干": true, "部分": true,
	"越来越多": true, "更多": true, "其他": true, "其它": true, "有些": true, "某些": true, "少数": true, "多数": true, "大多数": true,
	"个别": true, "有的": true}

// westPeople after 西方 opening a clause name unnamed states' people (西方领导人表示).
var westPeople = map[string]bool{"领导人": true, "官员": true, "国家": true, "政府": true, "外交官": true, "各国": true, "政要": true}

// indefiniteWords are subjects that name no party: someone, analysts, critics.
var indefiniteWords = map[string]bool{"有人": true, "人们": true, "一些人": true, "不少人": true, "外界": true, "分析人士": true,
	"观察人士": true, "批评者": true, "批评人士": true, "专家": true, "学者": true, "网友": true, "民众": true, "舆论": true,
	"受访者": true, "受访民众": true, "respondents": true,
	"analysts": true, "critics": true, "observers": true, "experts": true, "commentators": true,
	// people of no state's office: consumers, residents, investors
	"消费者": true, "网民": true, "用户": true, "评论人士": true, "反对者": true, "支持者": true, "许多人": true, "投资者": true,
	"居民": true, "市民": true, "家长": true, "商家": true, "业者": true, "抗议者": true, "示威者": true, "选民": true,
	"consumers": true, "residents": true, "investors": true, "protesters": true, "demonstrators": true, "voters": true,
	"users": true, "activists": true, "scholars": true, "economists": true}

// indefiniteSubject reports a frame whose subject, right before the cue in
// its clause, names no party (还有人担心…, analysts warn …).
func (d *Doc) indefiniteSubject(s *clause.Sentence, f *frame.Frame) bool {
	c := s.Clauses[f.Clause]
	start := c.Start
	if f.Report >= 0 {
		if r := s.Reports[f.Report]; r.From > start && r.From <= f.CueStart {
			start = r.From
		}
	}
	found := -1
	for k := start; k < f.CueStart; k++ {
		t := &s.Tokens[k]
		if indefiniteWords[t.Lower] || indefiniteWords[t.Text] || s.Lang == "zh" && someStates(s, k) ||
			t.Text == "西方" && k+1 < f.CueStart && westPeople[s.Tokens[k+1].Text] && (k == start || s.Tokens[k-1].POS == token.Punct) {
			found = k
		}
	}
	if found < 0 {
		return false
	}
	for k := range s.Mentions {
		m := &s.Mentions[k]
		if m.Tok > found && m.TokEnd <= f.CueStart && (m.IsParty() || m.Kind == mention.Self) {
			return false // "analysts said Japan supports …": Japan is the subject
		}
		if m.Tok < found && m.TokEnd > found {
			return false // inside a name
		}
	}
	if s.Lang == "en" && found+1 < f.CueStart && (s.Tokens[found+1].Lower == "of" || s.Tokens[found+1].POS == token.Noun) {
		return false // "some of the states", "many countries"
	}
	return true
}

// enSomeWords and enStateGroups name states without naming one: "some
// countries", "certain governments".
var (
	enSomeWords   = map[string]bool{"some": true, "certain": true, "several": true, "other": true, "few": true}
	enStateGroups = map[string]bool{"countries": true, "states": true, "nations": true, "governments": true, "actors": true, "regimes": true}
)

// unnamedStates reports an English clause with no party as its subject
// whose subject, before its first verb and the cue, names states without
// naming one ("Some countries continue to supply …", "others will"): no
// party holds what they do. (Chinese 一些国家, 个别国家: someStates.)
func unnamedStates(s *clause.Sentence, from, cue int) bool {
	if s.Lang != "en" {
		return false
	}
	end := cue
	if v := firstVerb(s, from, cue); v >= 0 {
		end = v
	}
	for k := from; k < end; k++ {
		if k > from && s.Tokens[k-1].Tag == "IN" {
			continue // "in some countries": a setting, not the subject
		}
		if s.Tokens[k].Lower == "others" || enSomeWords[s.Tokens[k].Lower] && k+1 < end && enStateGroups[s.Tokens[k+1].Lower] {
			return true
		}
	}
	return false
}

// necessaryFor reads "it is critical (important, essential) for X to …":
// the speaker calls on X, or on all parties.
func (d *Doc) necessaryFor(s *clause.Sentence, fs []frame.Frame, fi int) (Outcome, bool) {
	f := &fs[fi]
	if f.Rule.Kind != "need" || s.Lang != "en" || f.CueEnd+1 >= len(s.Tokens) {
		return Outcome{}, false
	}
	at := f.CueEnd // "the need for X to", "time for X to": the cue holds "for"
	// "they discussed the need for X to …": the need is the subject's, not
	// the speaker's, as "it is time for X to …" is
	noun := f.CueEnd >= 2 && (s.Tokens[f.CueEnd-2].Lemma == "need" || s.Tokens[f.CueEnd-2].Lemma == "necessity")
	if s.Tokens[f.CueEnd-1].Lower != "for" {
		noun = false
		if s.Tokens[f.CueEnd].Lower != "for" {
			return Outcome{}, false
		}
		at++ // "it is critical for X to"
	}
	k := s.MentionAt(at)
	if k < 0 || s.Mentions[k].Tok != at {
		return Outcome{}, false
	}
	m := &s.Mentions[k]
	if m.TokEnd >= len(s.Tokens) || s.Tokens[m.TokEnd].Lower != "to" {
		return Outcome{}, false
	}
	sp := d.speaker(s, f)
	if noun {
		if h := d.subject(s, fs, fi); h != nil {
			sp = h
		}
	}
	if sp == nil {
		return Outcome{Drop: "no speaker"}, true
	}
	switch {
	case m.Kind == mention.AllParties:
		return Outcome{Holder: sp, AllParties: true, Pred: "call_on"}, true
	case m.IsParty() && len(m.IDs) > 0:
		return Outcome{Holder: sp, Target: slices.Clone(m.IDs), Pred: "call_on"}, true
	}
	return Outcome{}, false
}

// receiveVerbs have a recipient as subject.
var receiveVerbs = map[string]bool{"receive": true, "get": true, "obtain": true, "获得": true, "收到": true, "得到": true, "接收": true}

// recipient reads a commitment whose subject only receives ("Ukraine will
// receive jets, Frederiksen said"): the speaker's state commits, towards
// the subject, when another state speaks.
func (d *Doc) recipient(s *clause.Sentence, f *frame.Frame, h *Holder) (Outcome, bool) {
	if f.Rule.Kind != "commit" || f.Report < 0 || h.Tok < 0 {
		return Outcome{}, false
	}
	v := f.CueEnd
	for v < f.ObjEnd && v < len(s.Tokens) && (s.Tokens[v].POS == token.Adv || s.Tokens[v].POS == token.Aux) {
		v++
	}
	if v >= len(s.Tokens) || !receiveVerbs[s.Tokens[v].Lemma] {
		return Outcome{}, false
	}
	sp := d.speaker(s, f)
	if sp == nil || len(sp.IDs) == 0 || SameSet(sp.IDs, h.IDs) {
		return Outcome{}, false
	}
	sp.How += "; the giver, towards the recipient " + strings.Join(h.IDs, ", ")
	return Outcome{Holder: sp, Target: slices.Clone(h.IDs)}, true
}

// saidBy adds the person who said it to a claim held by that person's
// state (上川阳子表示，日本反对…: Japan holds it, Kamikawa said it).
func (d *Doc) saidBy(s *clause.Sentence, f *frame.Frame, h *Holder) {
	if len(h.Speakers) > 0 {
		return
	}
	var p *mention.Mention
	if f.Report >= 0 && s.Reports[f.Report].Speaker >= 0 {
		p = &s.Mentions[s.Reports[f.Report].Speaker]
	} else if f.Quote >= 0 && s.Quotes[f.Quote].Speaker >= 0 {
		p = &s.Mentions[s.Quotes[f.Quote].Speaker]
	} else if f.Quote >= 0 && s.Quotes[f.Quote].From != nil {
		p = s.Quotes[f.Quote].From
	}
	if p == nil || p.Kind != mention.Person || p.Person == "" || len(p.IDs) == 0 || !slices.Contains(h.IDs, p.IDs[0]) {
		return
	}
	h.Speakers = []string{p.Person}
	h.How += " (said by " + p.How + ")"
}

// possessedCue reports a Chinese cue that 的 and a word before it, after
// the verb of meeting with, mark as someone's (受到国际社会的反对).
func possessedCue(s *clause.Sentence, by, cue int) bool {
	k := cue - 1
	for k > by && (s.Tokens[k].POS == token.Adv || s.Tokens[k].POS == token.Adj) {
		k--
	}
	return k > by && s.Tokens[k].Text == "的"
}

// agentWords reads the words between a Chinese passive or causing verb and
// the cue: ok when they are only nouns, adverbs and adjectives (and 了,
// 着), named when a noun names someone among them (引发邻国强烈不满,
// 遭到民众抗议); none named is 遭到了严厉批评, 引发广泛谴责.
func agentWords(s *clause.Sentence, by, cue int) (named, ok bool) {
	for k := by; k < cue; k++ {
		switch t := &s.Tokens[k]; {
		case t.POS == token.Noun || t.POS == token.Propn || t.POS == token.Pron:
			named = true
		case t.POS == token.Adv || t.POS == token.Adj || t.POS == token.Num || t.Text == "了" || t.Text == "着":
			// (受到多方批评: a count of critics names none of them)
		default:
			return false, false
		}
	}
	return named, true
}

// passive reads 受到/遭到X的反对 and "was condemned by X": X holds the
// claim, and the clause's subject is its target.
func (d *Doc) passive(s *clause.Sentence, fs []frame.Frame, fi int) (Outcome, bool) {
	f := &fs[fi]
	c := s.Clauses[f.Clause]
	toks := s.Tokens
	by := -1     // the agent's first token
	met := false // by follows a verb of meeting with or causing (遭到, 引发), not 被
	if s.Lang == "zh" {
		for k := f.CueStart - 1; k >= c.Start && k >= f.CueStart-20; k-- {
			switch toks[k].Text {
			case "受到", "遭到", "遭", "被", "受", "得到", "获得", "赢得", "获":
				by = k + 1 // 受到中国的反对, 得到美国的承认 (of its support, recognition)
				met = toks[k].Text == "受到" || toks[k].Text == "遭到"
			default:
				if Causing[toks[k].Text] && k+1 < f.CueStart {
					// 此举引发北京的不满: who is displeased is named after the verb
					by, met = k+1, true
				}
			}
			if by >= 0 {
				break
			}
		}
	} else if psych[toks[f.CueStart].Lemma] || f.Rule.Predicate == "concern" {
		return Outcome{}, false // "alarmed by", "pleased by": by gives the cause, not the agent
	} else if toks[f.CueStart].Tag == "VBN" && f.CueStart > c.Start && toks[f.CueStart-1].Lemma == "be" || f.CueStart >= c.Start+2 && toks[f.CueStart].Tag == "VBN" && toks[f.CueStart-2].Lemma == "be" {
		for k := f.CueEnd; k < f.ObjEnd && k < f.CueEnd+3; k++ {
			if toks[k].Lemma == "by" {
				by = k + 1
				break
			}
		}
	}
	if by < 0 {
		return Outcome{}, false
	}
	var agent *Holder
	for k := range s.Mentions {
		m := &s.Mentions[k]
		if s.Lang == "zh" && m.TokEnd < f.CueStart && zhModifier(s, m) {
			continue // 受到伊朗协定签约国中国、法国…的反对: 伊朗 describes the signatories
		}
		if s.Lang == "zh" && m.Tok > by && (toks[m.Tok-1].Text == "对" || toks[m.Tok-1].Text == "针对" || toks[m.Tok-1].Text == "向") {
			continue // 引发拉美对中国的不满: what the displeasure is at, not whose
		}
		if m.Tok >= by && m.IsParty() && !m.Attr && (s.Lang == "zh" && m.TokEnd <= f.CueStart || s.Lang == "en" && m.Tok <= by+2) {
			agent = d.coordinated(s, k)
			break
		}
	}
	if agent == nil {
		named, only := agentWords(s, by, f.CueStart)
		if s.Lang == "zh" && (possessedCue(s, by, f.CueStart) || met && f.Rule.Kind == "stance" && only && named) {
			// 引起国际社会的强烈反对, 引发了整个非洲大陆的不满, 引发邻国强烈不满:
			// whose it is is named, and is no party; not the subject's position
			return Outcome{Drop: "the position of someone named who is no party (引起国际社会的反对)"}, true
		}
		if s.Lang == "zh" && f.Rule.Predicate != "commit" && only && !named {
			// 该做法遭到批评, 此举引发广泛谴责: the subject is criticised, by no one named
			return Outcome{Drop: "a passive that names no one who holds the position (遭到批评, 引发广泛谴责)"}, true
		}
		return Outcome{}, false
	}
	var patient *Holder
	if k := d.subjectBefore(s, by-1, c.Start, nil); k >= 0 {
		patient = d.coordinated(s, k)
	} else if k := d.owner(s, by-1, c.Start); k >= 0 {
		patient = d.coordinated(s, k) // 日本的新规定受到中国的反对: the owner of what is opposed
	}
	if patient == nil && s.Lang == "zh" && by-1 == c.Start && c.Start > 0 && passiveAgent[toks[c.Start].Text] && toks[c.Start].Text != "被" && f.Rule.Kind == "stance" {
		// 摩洛哥恢复外交关系，遭到阿尔及利亚谴责: a clause that opens on the passive
		// shares the subject of the clause before (not on 被, which also opens
		// what someone is seen as: 被视为…计划)
		if k := d.subjectBefore(s, c.Start-1, 0, nil); k >= 0 {
			patient = d.coordinated(s, k)
			if m := &s.Mentions[k]; m.TokEnd < len(toks) && zhPartnerMarkers[toks[m.TokEnd].Text] {
				patient = &Holder{IDs: m.IDs} // (摩洛哥与以色列恢复关系: Israel is the partner, not the subject)
			}
		}
	}
	if patient == nil && s.Lang == "zh" && referBackStart(toks[c.Start].Text) {
		// 欧盟宣布制裁，此举引发北京的不满: the doer of "this move" is the
		// subject of the clause before, or of the sentence before
		if k := d.subjectBefore(s, c.Start-1, 0, nil); k >= 0 && c.Start > 0 {
			patient = d.coordinated(s, k)
		} else if d.LastActor != "" {
			patient = &Holder{IDs: []string{d.LastActor}}
		}
	}
	if patient != nil && slices.Equal(patient.IDs, agent.IDs) {
		patient = nil
	}
	agent.Tok = -1
	agent.How = "the agent of a passive: " + agent.How
	o := Outcome{Holder: agent}
	if patient != nil {
		o.Passive = patient.IDs
	}
	return o, true
}

// zhPartnerMarkers after a subject name its partner in what it does (与, 同, 跟).
var zhPartnerMarkers = map[string]bool{"与": true, "同": true, "跟": true}

// referBackStart reports a clause that opens on a word pointing back at
// what was just told (此举, 这一决定, 该做法).
func referBackStart(w string) bool {
	return strings.HasPrefix(w, "此") || strings.HasPrefix(w, "这") || strings.HasPrefix(w, "该")
}

// evaluative reports a cue that describes its subject (令人担忧, 令人遗憾,
// "is worrying"): the subject does not hold the stance.
func (d *Doc) evaluative(s *clause.Sentence, f *frame.Frame) bool {
	if f.CueStart == 0 {
		return false
	}
	switch s.Tokens[f.CueStart-1].Text {
	case "令人", "让人", "使人", "令", "叫人":
		return true
	}
	return false
}

// psych are the verbs whose "by" names a cause: "alarmed by", "pleased by".
var psych = map[string]bool{"alarm": true, "concern": true, "worry": true, "disturb": true, "trouble": true, "dismay": true,
	"please": true, "encourage": true, "satisfy": true, "alarmed": true, "concerned": true, "pleased": true, "encouraged": true,
	"appal": true, "appall": true, "appalled": true, "horrify": true, "horrified": true, "shock": true, "shocked": true,
	"outrage": true, "outraged": true, "hearten": true, "heartened": true, "gratify": true, "gratified": true}

// right resolves "X has the right to…": X (the subject before the cue) is
// the target, and the holder is who says so — the speaker, else the
// subject the text was speaking of.
func (d *Doc) right(s *clause.Sentence, fs []frame.Frame, fi int) Outcome {
	f := &fs[fi]
	c := s.Clauses[f.Clause]
	var x []string
	if k := d.subjectBefore(s, f.CueStart, c.Start, nil); k >= 0 {
		if p := d.coordinated(s, k); p != nil {
			x = p.IDs
		}
	}
	if x == nil {
		for k := range s.Mentions {
			if m := &s.Mentions[k]; m.IsParty() && m.TokEnd <= f.CueStart && m.TokEnd >= f.CueStart-2 {
				if p := d.party(s, k); p != nil {
					x = p.IDs
				}
			}
		}
	}
	h := d.speaker(s, f)
	if h == nil || len(x) > 0 && SameSet(h.IDs, x) && f.Report < 0 && f.Quote < 0 {
		if h == nil {
			return Outcome{Drop: "no speaker"}
		}
	}
	var target []string
	for _, id := range x {
		if !slices.Contains(h.IDs, id) {
			target = append(target, id)
		}
	}
	return Outcome{Holder: h, Target: target}
}

// privateSpeaker reports a report whose speaker is a person who speaks
// for no state (学者罗森伯格表示, "analyst Jane Roe said"): the speaker
// found, or a person right before the verb.
func privateSpeaker(s *clause.Sentence, r clause.Report) bool {
	if r.Class == clause.Media {
		return false
	}
	for k := range s.Mentions {
		m := &s.Mentions[k]
		if !m.Private() {
			continue
		}
		if k == r.Speaker || r.Speaker < 0 && m.TokEnd <= r.Verb && m.TokEnd >= r.Verb-1 {
			return true
		}
	}
	return false
}

// speaker is who states a frame: the speaker of its quotation or report,
// else the person who spoke last, else the subject before, else the issuer.
func (d *Doc) speaker(s *clause.Sentence, f *frame.Frame) *Holder {
	if f.Quote >= 0 {
		if h := d.quoteSpeaker(s, f.Quote); h != nil {
			return h
		}
	}
	if f.Report >= 0 && s.Reports[f.Report].Speaker >= 0 && !s.FromOutlet(s.Reports[f.Report]) {
		if h := d.coordinated(s, s.Reports[f.Report].Speaker); h != nil {
			h.Tok = -1
			return h
		}
	}
	if f.Report >= 0 && privateSpeaker(s, s.Reports[f.Report]) {
		return nil // a scholar, a lawyer says it: no state's position, and not the last state's either
	}
	switch {
	case d.turn == turnQuestion:
		return nil // a journalist asks: no state holds what the question says
	case d.turn == turnOfficial && d.turnSpeaker != nil:
		return turnHolder(d.turnSpeaker, "")
	case d.turn == turnOfficial && d.Parts.Issuer != "":
		return &Holder{IDs: []string{d.Parts.Issuer}, Tok: -1, How: "the issuer, whose official has the floor (" + d.Parts.IssuerHow + ")"}
	case d.Parts.Speech && d.Parts.Issuer != "":
		// a speech: what no one is named as saying, the speaker says
		return &Holder{IDs: []string{d.Parts.Issuer}, Tok: -1, How: "the speaker (" + d.Parts.IssuerHow + ")"}
	}
	if s.Lang == "en" && d.Parts.Joint && len(d.Parts.IDs) >= 2 && d.lastPerson == nil {
		// a joint statement: what no one is named as saying, its parties say
		return &Holder{IDs: slices.Clone(d.Parts.IDs), Tok: -1, How: "the statement's parties (" + d.Parts.How + ")"}
	}
	if p := d.lastPerson; p != nil && d.sentence-d.lastPersonSent <= lastSpeakerReach {
		h := &Holder{IDs: slices.Clone(p.IDs), Tok: -1, How: "the last speaker: " + p.How}
		if p.Person != "" {
			h.Speakers = []string{p.Person}
		}
		return h
	}
	if o := d.official; o != nil && d.sentence-d.officialAt <= lastSpeakerReach && (d.lastPerson == nil || d.officialAt > d.lastPersonSent) {
		// 发言人还反指…。加拿大…罔顾事实，…: the spokesperson who spoke last still speaks
		h := *o
		h.Tok = -1
		h.How = "the spokesperson who spoke last: " + o.How
		return &h
	}
	if d.lastPerson != nil && (s.Lang == "zh" || d.Parts.Issuer == "") {
		return nil // a news story's last speaker is too far back, and the subject before it is no better
	}
	if d.last != nil {
		h := *d.last
		h.Tok = -1
		h.How = "inherited: " + d.last.How
		return &h
	}
	if d.Parts.Issuer != "" {
		return &Holder{IDs: []string{d.Parts.Issuer}, Tok: -1, How: "the document's issuer (" + d.Parts.IssuerHow + ")"}
	}
	return nil
}

// copulaOpens reports a Chinese clause that opens, before its cue, with
// a copula (是, 纯属, 无异于) after nothing but adverbs that do not hedge
// it (完全是恶意抹黑, 是赤裸裸的霸凌; not 不仅仅是, 也是).
func copulaOpens(s *clause.Sentence, from, cue int) bool {
	for k := from; k < cue; k++ {
		t := s.Tokens[k].Text
		switch {
		case hedges[t]:
			return false
		case chargingCopulas[t]:
			return k+1 >= cue || !reasonWords[s.Tokens[k+1].Text] // 是为了防止…: a purpose, no charge
		case s.Tokens[k].POS != token.Adv && s.Tokens[k].POS != token.Adj:
			return false
		}
	}
	return false
}

var chargingCopulas = map[string]bool{"是": true, "纯属": true, "实属": true, "无异于": true, "完全是": true, "纯粹是": true, "分明是": true, "就是": true}

var reasonWords = map[string]bool{"为了": true, "为": true, "因为": true, "由于": true, "出于": true}

var hedges = map[string]bool{"不": true, "不仅": true, "不仅仅": true, "不只": true, "并非": true, "也": true, "还": true, "或许": true, "可能": true, "未必": true}

// lastSpeakerReach is how many sentences on a stance with no subject is
// still the last speaker's: further on, a news story has moved to other
// voices (its own narration, an analyst).
const lastSpeakerReach = 3

// quoteSpeaker is who says quotation q.
func (d *Doc) quoteSpeaker(s *clause.Sentence, q int) *Holder {
	qu := s.Quotes[q]
	if qu.Speaker >= 0 {
		if h := d.coordinated(s, qu.Speaker); h != nil {
			h.Tok = -1
			h.How = "the quotation's speaker: " + h.How
			return h
		}
	}
	if p := qu.From; p != nil && len(p.IDs) > 0 {
		h := &Holder{IDs: slices.Clone(p.IDs), Tok: -1, How: "the quotation's speaker: " + p.How}
		if p.Person != "" {
			h.Speakers = []string{p.Person}
		}
		return h
	}
	if qu.From != nil && d.openQuote != nil {
		h := *d.openQuote
		h.Tok, h.How = -1, "the quotation's speaker, sentences before: "+d.openQuote.How
		return &h
	}
	return nil
}

// bareSpeaker reports a sentence whose subject is an official named by
// role alone (发言人强调…, "The spokesperson added …"): its first words
// before the cue, with no party among them.
func (d *Doc) bareSpeaker(s *clause.Sentence, f *frame.Frame) bool {
	k := d.roleFirst(s)
	return k >= 0 && k < f.CueStart && noneNamedBefore(s, f.CueStart)
}

// opensWithRole reports a sentence whose subject is a spokesperson named
// by role alone (发言人还指出…, "The spokesperson added").
func (d *Doc) opensWithRole(s *clause.Sentence) bool {
	k := d.roleFirst(s)
	return k >= 0 && noneNamedBefore(s, k+1)
}

// roleFirst returns the word for a spokesperson that opens the sentence,
// after "the" (发言人…, "The spokesperson …"), or -1.
func (d *Doc) roleFirst(s *clause.Sentence) int {
	k := 0
	if k < len(s.Tokens) && s.Tokens[k].POS == token.Det {
		k++
	}
	if k < len(s.Tokens) && d.m.WordAt(s.Sentence, "speaker", k) {
		return k
	}
	return -1
}

// noneNamedBefore reports that no party or person is named before token end.
func noneNamedBefore(s *clause.Sentence, end int) bool {
	for i := range s.Mentions {
		if m := &s.Mentions[i]; m.Tok < end && (m.IsParty() || m.Kind == mention.Person) {
			return false
		}
	}
	return true
}

// officialOf is the state of a spokesperson a sentence's subject names
// (中国驻英国使馆发言人…, "A Japanese foreign ministry spokesperson said"):
// the first state named before the word, before what it says. nil when none.
func (d *Doc) officialOf(s *clause.Sentence) *Holder {
	if len(s.Clauses) == 0 {
		return nil
	}
	end := s.Clauses[0].End
	for k := 0; k < end; k++ {
		if d.m.WordAt(s.Sentence, "say", k) {
			return nil // the subject ends at what it says
		}
		if !d.m.WordAt(s.Sentence, "speaker", k) {
			continue
		}
		for i := range s.Mentions {
			if m := &s.Mentions[i]; m.Tok < k && m.Kind == mention.Actor && len(m.IDs) > 0 && !m.Venue {
				return &Holder{IDs: slices.Clone(m.IDs), Tok: -1, How: "the spokesperson of " + m.Text}
			}
		}
		return nil
	}
	return nil
}

// LastPlural is the last holder of two or more parties, or nil.
func (d *Doc) LastPlural() []string {
	if d.plural == nil {
		return nil
	}
	return slices.Clone(d.plural.IDs)
}

// RecentPlural is LastPlural when told within the last three sentences.
func (d *Doc) RecentPlural() []string {
	if d.plural == nil || d.sentence-d.pluralAt > 3 {
		return nil
	}
	return slices.Clone(d.plural.IDs)
}

// RecentPair is the last two states a sentence named together, if that
// was no more than three sentences ago; nil otherwise.
func (d *Doc) RecentPair() []string {
	if d.pair == nil || d.sentence-d.pairAt > 3 {
		return nil
	}
	return slices.Clone(d.pair)
}

// statesTogether finds the last two states a sentence names joined by a
// conjunction ("Armenia and Azerbaijan", 阿塞拜疆和亚美尼亚), or nil.
func statesTogether(s *clause.Sentence) []string {
	var two []string
	for k := 0; k+1 < len(s.Mentions); k++ {
		a, b := &s.Mentions[k], &s.Mentions[k+1]
		if a.Kind != mention.Actor || b.Kind != mention.Actor || len(a.IDs) != 1 || len(b.IDs) != 1 || a.Venue || b.Venue ||
			strings.Contains(a.IDs[0], ":") || strings.Contains(b.IDs[0], ":") || a.IDs[0] == b.IDs[0] || b.Tok != a.TokEnd+1 {
			continue
		}
		switch s.Tokens[a.TokEnd].Lower {
		case "and", "和", "与", "及", "同", "、":
			two = []string{a.IDs[0], b.IDs[0]}
		}
	}
	return two
}

// possessor finds the party a possessive pronoun before the cue stands
// for ("its brutal war", "their aggression"): the party mention nearest
// before it in the sentence; for "his" or "her", the official nearest
// before it ("Putin launched his unprovoked invasion"). -1 when there is
// none.
func (d *Doc) possessor(s *clause.Sentence, cue int) int {
	p := cue - 1
	for p >= 0 && (s.Tokens[p].POS == token.Adj || s.Tokens[p].Text == "," || s.Tokens[p].Lower == "and") {
		p-- // "its unprovoked, unjustified, and brutal war": adjectives, in a list or not
	}
	if p < 0 {
		return -1
	}
	want := mention.Actor
	switch s.Tokens[p].Lower {
	case "its", "their":
	case "his", "her":
		want = mention.Person
	default:
		return -1
	}
	for k := len(s.Mentions) - 1; k >= 0; k-- {
		m := &s.Mentions[k]
		if m.TokEnd > p || m.Venue {
			continue
		}
		switch {
		case want == mention.Actor && m.Kind == mention.Actor && len(m.IDs) > 0:
			return k
		case want == mention.Person && m.Kind == mention.Person:
			if len(m.IDs) == 0 {
				return -1
			}
			return k
		case want == mention.Person && m.Kind == mention.Actor:
			return -1 // a state named after the person: "his" is not the state's
		}
	}
	return -1
}

// refersBack reports an accusation whose subject points back (此举, this move).
func (d *Doc) refersBack(s *clause.Sentence, f *frame.Frame) bool {
	c := s.Clauses[f.Clause]
	for k := c.Start; k < f.CueStart; k++ {
		if d.m.WordAt(s.Sentence, "refer", k) {
			return true
		}
		if f.Rule.Kind == "accuse" {
			switch strings.ToLower(s.Tokens[k].Text) {
			case "this", "that":
				// "this" alone or "this move": an act just told; "this
				// conflict", "this crisis" name a state of affairs, no act
				if k+1 < f.CueStart && strings.HasPrefix(s.Tokens[k+1].Tag, "NN") && !actNouns[s.Tokens[k+1].Lemma] {
					continue
				}
				return true
			case "这", "这是", "此", "这种", "这样":
				return true // "Is this not a violation …?", 这难道不是干涉…: what was just told
			}
		}
	}
	return false
}

// hostile are the predicates whose target is a party's adversary, not its
// partner: what "this act" may refer back to.
var hostile = map[string]bool{"condemn": true, "oppose": true, "concern": true, "call_on": true}

// namedIn reports the party id named among tokens [from, to) as what a
// wrong is done to: "against Ukraine", "the invasion of Ukraine", "attacks
// on Ukraine" (not "atrocities committed in Syria", where it is done).
func namedIn(s *clause.Sentence, from, to int, id string) bool {
	for k := range s.Mentions {
		m := &s.Mentions[k]
		if m.Tok < from || m.TokEnd > to || !slices.Contains(m.IDs, id) || m.Tok == 0 {
			continue
		}
		p := m.Tok - 1
		if s.Tokens[p].POS == token.Det && p > 0 {
			p--
		}
		switch s.Tokens[p].Lower {
		case "against", "of", "on", "upon", "into", "over", "to":
			return true
		}
	}
	return false
}

// actNouns name what a party does, so that "this move" refers back to the
// act just told and to its doer.
var actNouns = map[string]bool{"move": true, "act": true, "action": true, "step": true, "decision": true, "behavior": true,
	"behaviour": true, "policy": true, "practice": true, "measure": true, "attack": true, "statement": true, "remark": true,
	"announcement": true, "law": true, "legislation": true, "sale": true, "deployment": true, "visit": true, "test": true,
	"launch": true, "provocation": true, "conduct": true, "approach": true, "interference": true}

// agentAfter returns the party after "by" right after a noun of a wrong,
// straight ("the attack by Russia's forces on Ukraine") or over a past
// participle ("abuses committed by", "attacks carried out by the forces
// of"), over a determiner, a demonym's forces or "the government of"; -1
// when there is none.
func agentAfter(s *clause.Sentence, end int) int {
	k := end
	if k < len(s.Tokens) && s.Tokens[k].Lower != "by" {
		if s.Tokens[k].Tag == "RB" {
			k++
		}
		if k >= len(s.Tokens) || s.Tokens[k].Tag != "VBN" {
			return -1
		}
		k++
		if k < len(s.Tokens) && s.Tokens[k].Tag == "RP" { // carried out
			k++
		}
	}
	if k >= len(s.Tokens) || s.Tokens[k].Lower != "by" || k == end && s.Tokens[end-1].POS != token.Noun {
		return -1
	}
	for j := k + 1; j < len(s.Tokens) && j <= k+4; j++ {
		if m := s.MentionAt(j); m >= 0 && s.Mentions[m].Tok == j {
			if s.Mentions[m].IsParty() && !s.Mentions[m].Venue {
				return m
			}
			return -1
		}
		switch s.Tokens[j].Lower {
		case "the", "its", "their", "government", "of", "regime":
			continue
		}
		return -1
	}
	return -1
}

// earlierSubject finds, for a frame whose "this" refers back, the doer
// of what the sentence told before: the party opening an earlier clause
// (美方…，这难道不是…), or a state owning the act the speaker asked of
// ("asked of Russia's annexation"). -1 when there is none.
func (d *Doc) earlierSubject(s *clause.Sentence, f *frame.Frame) int {
	for ci := 0; ci < f.Clause; ci++ {
		c := s.Clauses[ci]
		for k := range s.Mentions {
			m := &s.Mentions[k]
			if m.Tok >= c.Start && m.Tok <= c.Start+1 && m.Kind == mention.Actor && len(m.IDs) > 0 && !m.Attr && !m.Venue {
				return k
			}
		}
	}
	if f.Report >= 0 && s.Reports[f.Report].From == 0 {
		v := s.Reports[f.Report].Verb
		for k := range s.Mentions {
			m := &s.Mentions[k]
			if m.Tok > v && m.Tok <= v+4 && m.Kind == mention.Actor && len(m.IDs) > 0 && !m.Venue && m.TokEnd < len(s.Tokens) &&
				(s.Tokens[m.TokEnd].Text == "'s" || s.Tokens[m.TokEnd].Text == "’s") {
				return k
			}
		}
	}
	return -1
}

// SameSet reports two lists of the same ids.
func SameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// sameAsSpeaker reports that the holder is the report's speaker (or his state).
func (d *Doc) sameAsSpeaker(s *clause.Sentence, r clause.Report, h *Holder) bool {
	if r.Speaker < 0 {
		return false
	}
	sp := d.party(s, r.Speaker)
	if sp == nil || len(sp.IDs) == 0 {
		return false
	}
	for _, id := range h.IDs {
		if slices.Contains(sp.IDs, id) {
			return true
		}
	}
	return false
}

// speaksForAState reports that a report's speaker is a state or someone
// who speaks for one (not an outlet, an analyst or an unknown person).
func (d *Doc) speaksForAState(s *clause.Sentence, r clause.Report) bool {
	m := &s.Mentions[r.Speaker]
	switch m.Kind {
	case mention.Actor:
		return len(m.IDs) > 0 && !m.Outlet // (环球时报说，美国要求…: the news, not a characterisation)
	case mention.Person:
		return len(m.IDs) > 0 && m.Role != ""
	case mention.Self:
		// "We believe that Russia will …" in a state's text: that state's
		// view of another's act, not the other's commitment
		h := d.party(s, r.Speaker)
		return h != nil && len(h.IDs) > 0
	}
	return false
}

// subject finds who holds frame fi: a party before the cue in its clause;
// else the speaker of the report or quotation it stands in; else the
// subject of the clause before (one subject, several predicates); else the
// subject the text was speaking of; else the document's parties.
func (d *Doc) subject(s *clause.Sentence, fs []frame.Frame, fi int) *Holder {
	f := &fs[fi]
	for pi := range fs {
		if fs[pi].Inner == fi {
			// reaffirmed its opposition, will continue to support: the
			// subject of the frame that governs this one
			return d.subject(s, fs, pi)
		}
	}
	if f.Doer >= 0 {
		// 赞同德国对俄罗斯的谴责: the party before 对 holds the stance the noun names
		if h := d.coordinated(s, f.Doer); h != nil {
			h.How = "the party whose stance the noun names: " + h.How
			return h
		}
	}
	c := s.Clauses[f.Clause]
	start := c.Start
	if f.Report >= 0 {
		// "Iranian officials said Saudi Arabia supports …": the subject is
		// looked for in what the speaker said
		if r := s.Reports[f.Report]; r.From > start && r.From <= f.CueStart && !s.FromOutlet(r) {
			start = r.From
		}
	}
	if start == c.Start {
		start = afterOpeningParticiple(s, start, f.CueStart)
	}
	if h := d.includedSubject(s, f.CueStart); h != nil {
		return h // "MSP partners – including A, B and C – are committed to …"
	}
	if k := ownerBefore(s, f.CueStart, start); k >= 0 {
		// "as far away as Mali, and our commitment to …": "our" holds the
		// noun, not a party named before it
		if h := d.coordinated(s, k); h != nil {
			if j := d.subjectBefore(s, s.Mentions[k].Tok, start, f); j >= 0 {
				h.Tok = s.Mentions[j].Tok // the evidence keeps the clause from its first party
			}
			h.How = "the possessive before the noun: " + h.How
			return h
		}
		start = s.Mentions[k].TokEnd // no party named before "our" holds it
	}
	end := f.CueStart
	if s.Lang == "en" && f.Rule.Kind == "pre" && f.PreStart >= start && f.PreStart < end {
		end = f.PreStart // "strengthening the UN is essential": the parties before the cue are what is judged, not who judges
	}
	if f.Conj || f.Rule.Kind == "purpose" || conjoinedVerbBefore(s, start, f.CueStart) {
		// "condemned X and reaffirmed Y": the subject of the clause's first predicate
		if v := firstVerb(s, start, f.CueStart); v >= 0 && v < f.CueStart-1 {
			end = v
		}
	}
	if k := d.subjectBefore(s, end, start, f); k >= 0 {
		if f.Rule.Kind == "purpose" && s.Lang == "en" && s.Mentions[k].Kind != mention.Self && modalBetween(s, s.Mentions[k].TokEnd, f.CueStart) {
			// "the WTO must be reformed to ensure fairer trade": the
			// purpose is the one who calls for the reform, not the WTO's
			if h := d.speaker(s, f); h != nil {
				h.How = "the speaker, whose call the purpose is part of: " + h.How
				return h
			}
			return nil
		}
		if h := d.coordinated(s, k); h != nil {
			return h
		}
	}
	if unnamedStates(s, start, f.CueStart) {
		return nil // "some countries continue to supply arms": others, whom the text does not name, act
	}
	if s.Lang == "zh" && (unknownNamed(s, c.Start, f.CueStart) || f.Report >= 0 && s.Reports[f.Report].Speaker < 0 &&
		unknownNamed(s, s.Clauses[s.ClauseOf(s.Reports[f.Report].Verb)].Start, s.Reports[f.Report].Verb)) {
		return nil // 傅莹重申…, 李明表示，…: a person the text names but no list knows holds it, not the state spoken of before
	}
	if v := participleAdjunct(s, f, start); v >= 0 {
		// "China issued a statement urging the US to …": a participle after
		// the main verb's object has that verb's subject
		if k := d.subjectBefore(s, v, start, f); k >= 0 {
			if h := d.coordinated(s, k); h != nil {
				h.How = "the subject of the main verb: " + h.How
				return h
			}
		}
	}
	if f.Quote >= 0 {
		if h := d.quoteSpeaker(s, f.Quote); h != nil {
			return h
		}
	}
	if f.Report >= 0 {
		if r := s.Reports[f.Report]; r.Speaker >= 0 && !s.FromOutlet(r) {
			if h := d.coordinated(s, r.Speaker); h != nil {
				h.Tok = -1
				h.How = "the speaker: " + h.How
				return h
			}
		}
		if privateSpeaker(s, s.Reports[f.Report]) {
			return nil // a scholar, a lawyer says it: no state's position, and not the last state's either
		}
	}
	// "Reaffirming its support for X, the Norwegian government …": the
	// subject of the main clause after a participle that opens the sentence
	if s.Lang == "en" && len(s.Tokens) > 0 && s.Tokens[0].Tag == "VBG" {
		for k := 1; k < len(s.Tokens); k++ {
			if s.Tokens[k].Text != "," {
				continue
			}
			if k < f.CueStart {
				break
			}
			end := len(s.Tokens)
			if v := firstVerb(s, k+1, len(s.Tokens)); v >= 0 {
				end = v
			}
			if m := d.subjectBefore(s, end, k+1, nil); m >= 0 {
				if h := d.coordinated(s, m); h != nil {
					h.Tok = -1
					h.How = "the main clause: " + h.How
					return h
				}
			}
			break
		}
	}
	// the clause before in the sentence, or an earlier frame's subject
	for ci := f.Clause - 1; ci >= 0; ci-- {
		pc := s.Clauses[ci]
		if pc.Cond || pc.Relative || pc.Quote >= 0 && pc.Quote != f.Quote {
			continue // (“中国政府应感到羞耻”，要求中国道歉: the quotation's subject is not the speaker)
		}
		if reportOpens(s, pc) {
			continue // 发言人表示谴责，指日本…，并敦促: the party after 指 is what was said, not who urges
		}
		if k := d.subjectBefore(s, subjectEnd(s, pc), pc.Start, nil); k >= 0 {
			h := d.coordinated(s, k)
			if h == nil {
				continue
			}
			h.Tok = -1
			h.How = "the clause before: " + h.How
			return h
		}
	}
	if d.turn == turnQuestion {
		return nil // a journalist asks: no state holds what the question says
	}
	if d.Parts.Speech && d.Parts.Issuer != "" {
		return &Holder{IDs: []string{d.Parts.Issuer}, Tok: -1, How: "the speaker (" + d.Parts.IssuerHow + ")"}
	}
	if h := d.semiSpeaker; h != nil && f.Clause == 0 && f.CueStart <= 1 {
		c := *h
		return &c // …；敦促美方…: the sentence opens with the speaker's next verb
	}
	if d.last != nil {
		h := *d.last
		h.Tok = -1
		h.How = "inherited: " + d.last.How
		return &h
	}
	if len(d.Parts.IDs) > 0 && d.Parts.Joint {
		return &Holder{IDs: slices.Clone(d.Parts.IDs), Tok: -1, How: "the document's parties (" + d.Parts.How + ")"}
	}
	if d.Parts.Issuer != "" {
		return &Holder{IDs: []string{d.Parts.Issuer}, Tok: -1, How: "the document's issuer (" + d.Parts.IssuerHow + ")"}
	}
	return nil
}

// conjoinedVerbBefore reports an English noun cue that is the object of a
// verb joined by "and" to an earlier predicate ("Sherman thanked Minister
// Onal for … and discussed the need for …"): the subject is the first
// predicate's.
func conjoinedVerbBefore(s *clause.Sentence, start, cue int) bool {
	if s.Lang != "en" || cue >= len(s.Tokens) || s.Tokens[cue].IsVerbal() {
		return false
	}
	k := cue - 1
	for k > start && (s.Tokens[k].POS == token.Det || s.Tokens[k].POS == token.Adj) {
		k--
	}
	if k <= start {
		return false
	}
	switch s.Tokens[k].Tag {
	case "VBD", "VBZ", "VBP":
	default:
		return false
	}
	k--
	for k > start && s.Tokens[k].POS == token.Adv {
		k-- // "and also discussed"
	}
	return k > start && s.Tokens[k].Lower == "and"
}

// includedSubject reads an English subject that names its members in an
// aside ("MSP partners – including Australia, Canada and the European
// Commission – are committed to …", "Members, including A and B, agreed
// …"): the members listed hold the claim. Nil when the cue's verb does not
// follow the aside or fewer than two parties are listed.
func (d *Doc) includedSubject(s *clause.Sentence, cue int) *Holder {
	if s.Lang != "en" {
		return nil
	}
	toks := s.Tokens
	for k := 1; k < cue; k++ {
		if toks[k].Lower != "including" {
			continue
		}
		j := k - 1
		for j > 0 && (toks[j].Text == "–" || toks[j].Text == "—" || toks[j].Text == "," || toks[j].Text == "(") {
			j--
		}
		for j > 0 && toks[j].Tag != "NNS" && toks[j].Tag != "NNPS" && !toks[j].IsVerbal() {
			j-- // "Partners of the initiative, including"
		}
		if toks[j].Tag != "NNS" && toks[j].Tag != "NNPS" || s.MentionAt(j) >= 0 || j != 0 && toks[j-1].POS == token.Adp {
			continue // "partners – including": a plural head that opens the clause, not an object
		}
		if h := j - 1; h >= 0 && (toks[h].Lower == "our" || toks[h].Lower == "my" || h > 0 && (toks[h-1].Lower == "our" || toks[h-1].Lower == "my")) {
			continue // "our partners, including A and B, have praised …": the speaker tells of them
		}
		// the aside closes right before the verb group of the cue
		e := cue - 1
		for e > k && (toks[e].POS == token.Aux || toks[e].POS == token.Adv || toks[e].Lemma == "be" || toks[e].Lemma == "have") {
			e--
		}
		if e <= k || toks[e].Text != "–" && toks[e].Text != "—" && toks[e].Text != "," && toks[e].Text != ")" {
			continue
		}
		if t := toks[e+1].Tag; t != "VBD" && t != "VBZ" && t != "VBP" && t != "MD" {
			continue // "priorities, including A and B, preserving …": no finite verb after the aside
		}
		var ids []string
		how := ""
		for mk := range s.Mentions {
			m := &s.Mentions[mk]
			if m.Tok <= k || m.TokEnd > e || m.Attr || len(m.IDs) == 0 || m.Kind != mention.Actor && m.Kind != mention.Person {
				continue
			}
			ids = append(ids, m.IDs...)
			if how != "" {
				how += ", "
			}
			how += m.Text
		}
		if ids = uniq(ids); len(ids) >= 2 {
			return &Holder{IDs: ids, Tok: j, How: "the members the subject lists (including " + how + ")"}
		}
	}
	return nil
}

// afterOpeningParticiple skips an English participle phrase that opens the
// clause ("Building on last month's summit with Japan, the ministers
// discussed …") when the cue is in the main clause after it: its parties
// are what the phrase speaks of, not the subject. The phrase ends at the
// last comma before the main clause's first finite verb.
func afterOpeningParticiple(s *clause.Sentence, start, cue int) int {
	if s.Lang != "en" || start >= len(s.Tokens) || s.Tokens[start].Tag != "VBG" {
		return start
	}
	comma := -1
	for k := start + 1; k < cue; k++ {
		switch t := &s.Tokens[k]; {
		case t.Text == ",":
			comma = k
		case comma >= 0 && (t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD"):
			return comma + 1
		}
	}
	if comma >= 0 && cue < len(s.Tokens) && cue > comma && s.Tokens[cue].IsVerbal() {
		return comma + 1 // the cue is the main clause's verb
	}
	return start
}

// ownerBefore returns the mention of a first-person possessive ("our",
// "my") that determines an English noun cue, over the adjectives and adverbs
// between ("our continued strong commitment"), when it is not the object
// of a preposition or verb in a phrase of its own ("with our support").
func ownerBefore(s *clause.Sentence, cue, start int) int {
	if s.Lang != "en" {
		return -1
	}
	for k := cue - 1; k >= start && k >= cue-4; k-- {
		t := &s.Tokens[k]
		if t.Tag == "PRP$" {
			if t.Lower != "our" && t.Lower != "my" || k > start && s.Tokens[k-1].Tag == "IN" || k > start && s.Tokens[k-1].POS == token.Verb {
				return -1
			}
			if m := s.MentionAt(k); m >= 0 && s.Mentions[m].Kind == mention.Self {
				return m
			}
			return -1
		}
		if !strings.HasPrefix(t.Tag, "JJ") && !strings.HasPrefix(t.Tag, "RB") && t.Tag != "VBN" && t.Tag != "CC" && t.Text != "," {
			return -1
		}
	}
	return -1
}

// subjectBefore returns the mention index of the party that opens the
// predicate at token end: the first party of the clause that is not an
// object (after a preposition, a possessive, a verb) — an appositive after
// it ("We, the Foreign Ministers of A and B, …") does not replace it.
func (d *Doc) subjectBefore(s *clause.Sentence, end, start int, f *frame.Frame) int {
	if k := causeSubject(s, end, start); k >= 0 && (s.Mentions[k].Kind == mention.Actor || s.Mentions[k].Kind == mention.Person) {
		return k // 中国因澳大利亚呼吁调查而…: the party after 因 does what the cue says
	}
	for k := range s.Mentions {
		m := &s.Mentions[k]
		if m.Tok < start {
			continue
		}
		if m.TokEnd > end {
			break
		}
		if !m.IsParty() || m.Attr || m.Venue {
			continue
		}
		if d.isObject(s, k, start) {
			continue
		}
		if f != nil && f.Rule.Kind == "right" && m.TokEnd == f.CueStart {
			continue // the right-holder of 有权 is the target
		}
		if m.Kind != mention.Actor && m.Kind != mention.Person && d.party(s, k) == nil {
			continue // a "we" or 双方 the document gives no parties for
		}
		if s.Lang == "zh" && d.verbBefore(s, m.Tok, start) && !officialBeforeCall(f, m, end) {
			continue // a Chinese subject opens its clause; a party after a verb is its object
		}
		if s.Lang == "en" && d.verbBetween(s, m.TokEnd, end, readoutVerbsFor(s, f)) {
			continue // "Japan urged China to …": China is the object of urged
		}
		if s.Lang == "en" && relativeBetween(s, m.TokEnd, end) {
			continue // "travel to Lima, Peru, where he will meet": the subject is after "where"
		}
		if v := lastVerb(s, start, m.Tok); s.Lang == "en" && f != nil && v >= 0 && infinitiveAfter(s, m.TokEnd, f.CueStart) && d.verbBetween(s, start, m.Tok, nil) {
			if j := partyBefore(s, start, v); j >= 0 && !d.isObject(s, j, start) {
				// "Blinken called Minister Wang to condemn …": Wang is what
				// called governs; the purpose is the caller's ("urged Wang
				// to condemn": a call, nobody's condemnation yet)
				if !controlVerb(s, v) && d.party(s, j) != nil {
					return j
				}
			}
			continue
		}
		return k
	}
	return -1
}

// sharedSubject reports an English party that opens the clause and whose
// own finite verb follows it, when the cue opens a second predicate after
// "and" ("Iran bears responsibility for the escalation and must stop its
// attacks"): the two predicates share that subject.
func sharedSubject(s *clause.Sentence, m *mention.Mention, f *frame.Frame, start int) bool {
	if !f.Conj || m.Tok != start && !(m.Tok == start+1 && s.Tokens[start].POS == token.Det) || m.TokEnd >= f.CueStart {
		return false
	}
	if t := &s.Tokens[m.TokEnd]; t.POS != token.Verb && t.POS != token.Aux || t.Tag == "VBN" || t.Tag == "VBG" {
		return false // "Iran's attacks on shipping and …", "Iran, backed by …": not its verb
	}
	k := f.CueStart - 1
	for k > m.TokEnd && s.Tokens[k].POS == token.Adv {
		k--
	}
	if s.Tokens[k].Lower != "and" {
		return false
	}
	for j := m.TokEnd; j < k; j++ {
		if t := &s.Tokens[j]; t.Text == "," || t.Text == ";" || t.Lower == "that" || t.Lower == "which" || t.Lower == "who" || s.MentionAt(j) >= 0 && s.Mentions[s.MentionAt(j)].IsParty() {
			return false // another clause or another party in between: whose "must" is unclear
		}
	}
	return true
}

// finiteVerb reports an English verb in a finite form (violated, violates).
func finiteVerb(t *token.Token) bool {
	return t.POS == token.Verb && (t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP")
}

// causeSubject finds, in Chinese, a party right before the cue at end
// (adverbs between) that 因, 因为 or 由于 introduces: the cause clause's
// own subject (中国因澳大利亚呼吁调查而不满: Australia calls); -1 when none.
func causeSubject(s *clause.Sentence, end, start int) int {
	if s.Lang != "zh" || end <= start {
		return -1
	}
	k := end - 1
	for k > start && s.Tokens[k].POS == token.Adv && s.MentionAt(k) < 0 {
		k--
	}
	mi := s.MentionAt(k)
	if mi < 0 || s.Mentions[mi].TokEnd != k+1 || !s.Mentions[mi].IsParty() {
		return -1
	}
	if b := s.Mentions[mi].Tok - 1; b >= start {
		switch s.Tokens[b].Text {
		case "因", "因为", "由于":
			return mi
		}
	}
	return -1
}

// frontedJudge returns, for a Chinese wrong named in a clause that 对于 or
// 对 opens, the party that opens one of the next two clauses: what it says
// or does about the wrong is its judgement of it; nil when none.
func (d *Doc) frontedJudge(s *clause.Sentence, f *frame.Frame) *Holder {
	if s.Lang != "zh" || f.Rule.Kind != "accuse" {
		return nil
	}
	c := s.Clauses[f.Clause]
	if w := s.Tokens[c.Start].Text; w != "对于" && w != "对" && w != "针对" {
		return nil
	}
	for ci := f.Clause + 1; ci < len(s.Clauses) && ci <= f.Clause+2; ci++ {
		nc := s.Clauses[ci]
		if mk := s.MentionAt(nc.Start); mk >= 0 && s.Mentions[mk].Tok == nc.Start && s.Mentions[mk].IsParty() {
			if h := d.coordinated(s, mk); h != nil {
				h.Tok = -1
				h.How = "the subject after the fronted 对于 clause: " + h.How
				return h
			}
		}
	}
	return nil
}

// passiveAgent are the Chinese words that bring in a passive's doer.
var passiveAgent = map[string]bool{"被": true, "遭": true, "遭到": true, "受到": true, "遭受": true}

// onlyAdverbs reports that tokens from..to are adverbs and nothing else.
func onlyAdverbs(s *clause.Sentence, from, to int) bool { return onlyPOS(s, from, to, token.Adv) }

// degreeOnly reports that tokens from..to are adverbs or adjectives
// (严重, 公然, 粗暴) and nothing else.
func degreeOnly(s *clause.Sentence, from, to int) bool {
	return onlyPOS(s, from, to, token.Adv, token.Adj)
}

// onlyPOS reports that every token from..to has one of the parts of speech.
func onlyPOS(s *clause.Sentence, from, to int, pos ...token.POS) bool {
	for k := from; k < to; k++ {
		if !slices.Contains(pos, s.Tokens[k].POS) {
			return false
		}
	}
	return true
}

// actNamed reports a topic mention between from and to that names an act
// (出售武器, 制裁): what a subject did, told as a noun.
func actNamed(s *clause.Sentence, from, to int) bool {
	for k := range s.Mentions {
		if m := &s.Mentions[k]; m.Kind == mention.Topic && m.Tok >= from && m.TokEnd <= to {
			return true
		}
	}
	return false
}

// unknownNamed reports a Chinese clause that opens with a person's name
// the segmenter tags (nr) and no mention covers, followed up to the cue
// (or the verb of saying) by adverbs only: its subject is that person.
func unknownNamed(s *clause.Sentence, start, cue int) bool {
	k := start
	if mi := s.MentionAt(k); mi >= 0 && s.Mentions[mi].Tok == k && s.Mentions[mi].Kind == mention.Person && len(s.Mentions[mi].IDs) == 0 {
		k = s.Mentions[mi].TokEnd // a person of no known state (张晓明)
	} else {
		for k < cue && s.Tokens[k].Tag == "nr" && s.MentionAt(k) < 0 {
			k++
		}
		if k-start > 3 {
			return false
		}
	}
	if k == start {
		return false
	}
	for ; k < cue; k++ {
		if t := &s.Tokens[k]; t.POS != token.Adv && t.POS != token.Conj {
			return false
		}
	}
	return true
}

// relativeBetween reports "where" opening a clause with a
// subject of its own between tokens from and to.
func relativeBetween(s *clause.Sentence, from, to int) bool {
	for k := from; k+1 < to; k++ {
		if s.Tokens[k].Lower == "where" && s.MentionAt(k+1) >= 0 {
			return true
		}
	}
	return false
}

// infinitiveAfter reports only "to" between a mention's end and the cue
// (Wang Yi to condemn).
func infinitiveAfter(s *clause.Sentence, from, cue int) bool {
	return cue == from+1 && s.Tokens[from].Lower == "to"
}

// partyBefore returns the first person or actor mention of tokens
// [start, v) that can be a subject (no "Chinese", no venue), or -1.
func partyBefore(s *clause.Sentence, start, v int) int {
	for j := range s.Mentions {
		m := &s.Mentions[j]
		if m.Tok >= start && m.TokEnd <= v && (m.Kind == mention.Person || m.Kind == mention.Actor) && !m.Attr && !m.Venue {
			return j
		}
	}
	return -1
}

// lastVerb returns the last finite verb of tokens [from, to) outside
// mentions, or -1.
func lastVerb(s *clause.Sentence, from, to int) int {
	for k := to - 1; k >= from; k-- {
		if t := &s.Tokens[k]; t.POS == token.Verb && t.Tag != "VBN" && t.Tag != "VBG" && s.MentionAt(k) < 0 {
			return k
		}
	}
	return -1
}

// controlVerb reports a verb whose object does what the infinitive after
// it says (urge X to, ask X to, call on X to): the object is that doer.
func controlVerb(s *clause.Sentence, v int) bool {
	t := &s.Tokens[v]
	if t.Lemma == "call" || t.Lemma == "appeal" {
		return v+1 < len(s.Tokens) && (s.Tokens[v+1].Lower == "on" || s.Tokens[v+1].Lower == "upon" || s.Tokens[v+1].Lower == "to")
	}
	return controlVerbs[t.Lemma]
}

var controlVerbs = map[string]bool{"urge": true, "ask": true, "encourage": true, "press": true, "invite": true, "tell": true,
	"request": true, "persuade": true, "push": true, "help": true, "allow": true, "permit": true, "enable": true, "force": true,
	"compel": true, "instruct": true, "direct": true, "order": true, "advise": true, "remind": true, "warn": true, "challenge": true,
	"implore": true, "beg": true, "want": true, "expect": true, "need": true, "require": true, "authorize": true, "authorise": true,
	"pressure": true, "lobby": true, "exhort": true, "task": true, "appoint": true, "elect": true}

// owner finds, in a clause's subject before token end, a state that
// qualifies the subject noun ("the US move", "Russia's strikes", 美国的做法,
// 中国气球) and is governed by no preposition: whose act the subject is.
func (d *Doc) owner(s *clause.Sentence, end, start int) int {
	toks := s.Tokens
	found := -1
	for k := range s.Mentions {
		m := &s.Mentions[k]
		if m.Tok < start {
			continue
		}
		if m.TokEnd > end {
			break
		}
		if m.Kind != mention.Actor && !(m.Kind == mention.Person && m.Role != "") || len(m.IDs) == 0 || m.Venue {
			continue // a state, or an official who stands for one (Putin's war)
		}
		possessive := m.TokEnd < len(toks) && (toks[m.TokEnd].Text == "'s" || toks[m.TokEnd].Text == "’s" || toks[m.TokEnd].Text == "的")
		if !m.Attr && !possessive {
			continue
		}
		if m.Tok > start && !(m.Attr && onlyModifiers(s, m.TokEnd, end)) {
			p := m.Tok - 1
			for s.Lang == "en" && p > start && (toks[p].POS == token.Adj || toks[p].POS == token.Det || toks[p].POS == token.Num) {
				p-- // "in violation of multiple UN Security Council resolutions": still after "of"
			}
			prev := &toks[p]
			if prev.POS == token.Adp && !(s.Lang == "en" && possessive) || s.Lang == "zh" && zhPrepositions[prev.Text] ||
				prev.POS == token.Verb && !(s.Lang == "en" && possessive) && !d.m.WordAt(s.Sentence, "say", m.Tok-1) && !d.m.WordAt(s.Sentence, "believe", m.Tok-1) {
				continue // "sanctions on China", 对中国的制裁: China is not the doer ("responding to Russia's invasion": Russia is)
			}
		}
		e := end
		for e-1 > m.TokEnd && (toks[e-1].Tag == "VBN" || toks[e-1].Tag == "VBG" || toks[e-1].POS == token.Adj) {
			e-- // "Putin's continued assault": a participle before the noun modifies it
		}
		if s.Lang == "en" && d.verbBetween(s, m.TokEnd, e, nil) || s.Lang == "zh" && d.verbBefore(s, m.Tok, start) {
			continue
		}
		if s.Lang == "en" && end < len(toks) && toks[end].POS == token.Noun && !onlyModifiers(s, m.TokEnd+1, e) && !(m.Attr && onlyModifiers(s, m.TokEnd, e)) {
			continue // "Ukraine's borders, … before the invasion": a wrong named as a noun is owned right before it
		}
		found = k // the nearest before the cue: "U.S. support in the face of Russia's invasion"
	}
	return found
}

// onlyModifiers reports tokens [from, to) that are all adjectives or
// participles, with commas and "and" between: an attribute or possessive
// right before the word it modifies ("against Russian aggression").
func onlyModifiers(s *clause.Sentence, from, to int) bool {
	for k := from; k < to; k++ {
		t := &s.Tokens[k]
		if t.POS != token.Adj && t.Tag != "VBN" && t.Tag != "VBG" && t.Text != "," && t.Lower != "and" {
			return false // ("unprovoked, premeditated", "brutal and unjustified")
		}
	}
	return true
}

var zhPrepositions = map[string]bool{"对": true, "向": true, "与": true, "和": true, "同": true, "在": true, "从": true, "于": true,
	"给": true, "把": true, "被": true, "跟": true, "针对": true, "对于": true, "关于": true}

// zhTimeOpener reports 继 opening a Chinese clause at its start: a clause
// of time (继中方宣布…之后) whose subject follows it.
func zhTimeOpener(s *clause.Sentence, k, start int) bool {
	return s.Lang == "zh" && k == start && k < len(s.Tokens) && s.Tokens[k].Text == "继"
}

// zhAttributive reports a Chinese verb with 的 after it at k: it describes
// the noun that follows (愤怒的澳大利亚总理, 新当选的总统), it is no predicate.
func zhAttributive(s *clause.Sentence, k int) bool {
	return s.Lang == "zh" && k+1 < len(s.Tokens) && s.Tokens[k].IsVerbal() && s.Tokens[k+1].Text == "的"
}

// subjectEnd is where a clause's subject can end: its first verb, else its end.
func subjectEnd(s *clause.Sentence, c clause.Clause) int {
	from := c.Start
	if zhTimeOpener(s, from, c.Start) {
		from++
	}
	if from+1 < c.End && zhAttributive(s, from) {
		from += 2
	}
	if v := firstVerb(s, from, c.End); v >= 0 {
		return v
	}
	return c.End
}

// firstVerb returns the first verb or auxiliary of tokens [from, to), or -1.
func firstVerb(s *clause.Sentence, from, to int) int {
	for k := from; k < to && k < len(s.Tokens); k++ {
		if s.Tokens[k].IsVerbal() && s.MentionAt(k) < 0 {
			return k
		}
	}
	return -1
}

// isObject reports a party mention governed by a preposition or that
// modifies a noun after it ("Russia's aggression", 中国的发展, "U.S.-Japan").
func (d *Doc) isObject(s *clause.Sentence, k, start int) bool {
	m := &s.Mentions[k]
	toks := s.Tokens
	if m.TokEnd < len(toks) {
		next := toks[m.TokEnd].Text
		if next == "'s" || next == "’s" || next == "的" || next == "-" || next == "'" || next == "’" {
			return true
		}
	}
	if m.Tok > start {
		prev := m.Tok - 1
		for prev > start && (toks[prev].POS == token.Det || toks[prev].POS == token.Adj) {
			prev--
		}
		if s.Lang == "en" && toks[prev].Tag == "VBG" && (toks[prev].Lemma == "regard" || toks[prev].Lemma == "concern") {
			return true // "regarding North Korea, we …": what the sentence is about
		}
		if s.Lang == "en" && toks[prev].POS == token.Verb && !d.m.WordAt(s.Sentence, "say", prev) && !d.m.WordAt(s.Sentence, "believe", prev) {
			return true // "help Ukraine defend itself": the object of help
		}
		if s.Lang == "zh" && m.Kind == mention.Actor {
			// 在周日巴黎一场谈话中: a place after 在 and a time is where, no subject (在目前普京…: a person is)
			j := m.Tok - 1
			for j > start && (toks[j].Tag == "t" || toks[j].Tag == "m" || toks[j].POS == token.Num) {
				j--
			}
			if j < m.Tok-1 {
				switch toks[j].Text {
				case "在", "于", "从", "自", "到", "赴":
					return true
				}
			}
		}
		if s.Lang == "zh" && toks[prev].Text == "在" && mention.TimeClauseAfter(s.Sentence, m.TokEnd) {
			return false // 在澳大利亚呼吁调查之后: the subject of a clause of time, not a place
		}
		if d.m.WordEndingAt(s.Sentence, "object", prev+1) || d.m.WordEndingAt(s.Sentence, "setting", prev+1) || toks[prev].Text == "-" && toks[prev].End == toks[m.Tok].Start {
			// "U.S.-Japan": the second of a joined pair (a spaced dash opens the story: "WASHINGTON - China …")
			// "and" joins subjects: between Japan and the UK the first decides
			return true
		}
		if toks[prev].Lemma == "and" || toks[prev].Text == "和" || toks[prev].Text == "与" || toks[prev].Text == "、" {
			// "between Japan and the UK": a party joined to an object is one too
			for j := k - 1; j >= 0; j-- {
				p := &s.Mentions[j]
				if p.TokEnd == prev && p.Tok >= start && p.IsParty() || p.TokEnd == prev-1 && toks[prev-1].Text == "," && p.Tok >= start && p.IsParty() && toks[prev].Lemma == "and" {
					return d.isObject(s, j, start)
				}
			}
		}
	}
	return false
}

// verbBefore reports a verb between the clause start and token i (Chinese).
func (d *Doc) verbBefore(s *clause.Sentence, i, start int) bool {
	for k := start; k < i; k++ {
		t := &s.Tokens[k]
		if t.POS == token.Verb && !d.m.WordAt(s.Sentence, "say", k) && !d.m.WordAt(s.Sentence, "object", k) {
			if s.MentionAt(k) >= 0 || zhTimeOpener(s, k, start) {
				continue
			}
			if k+1 < i && zhAttributive(s, k) && (k == start || s.Tokens[k-1].POS == token.Adv || k-1 == start) {
				continue
			}
			return true
		}
	}
	return false
}

// catenative verbs take the next verb's subject as theirs (continue to, try
// to, "we want to thank", "I would like to commend").
var catenative = map[string]bool{"continue": true, "try": true, "begin": true, "start": true, "attempt": true, "appear": true, "seem": true,
	"want": true, "wish": true, "like": true, "love": true}

// verbBetween reports a main verb between a mention and the cue (English):
// the mention is then the object of that verb. Verbs in also do not count.
func (d *Doc) verbBetween(s *clause.Sentence, from, to int, also map[string]bool) bool {
	for k := from; k < to; k++ {
		t := &s.Tokens[k]
		if catenative[t.Lemma] && k+1 < to && s.Tokens[k+1].Lower == "to" {
			continue // "Iran continues to expand": the subject is expand's
		}
		if t.POS == token.Verb && t.Tag != "VBN" && t.Tag != "VBG" && t.Lemma != "be" && t.Lemma != "have" && t.Lemma != "do" && !lightVerbs[t.Lemma] && !also[t.Lemma] &&
			!linkingVerbs[t.Lemma] &&
			!d.m.WordAt(s.Sentence, "say", k) && s.MentionAt(k) < 0 {
			return true
		}
	}
	return false
}

// progressive reports a verb in the progressive in [from, to): "is
// sanctioning two companies for their role in the invasion" — the wrong
// named after it is not the subject's.
func progressive(s *clause.Sentence, from, to int) bool {
	for k := from + 1; k < to; k++ {
		if t := &s.Tokens[k]; t.Tag == "VBG" && s.Tokens[k-1].Lemma == "be" && t.Lemma != "be" && !lightVerbs[t.Lemma] {
			return true
		}
	}
	return false
}

// permitVerbs give another the leave to act: the one they let act is the
// doer of what follows.
var permitVerbs = map[string]bool{"give": true, "allow": true, "let": true, "permit": true, "authorize": true, "authorise": true,
	"entitle": true, "grant": true, "允许": true, "让": true, "纵容": true, "授权": true, "坐视": true, "放任": true, "听任": true}

// stateAgentAfter reports a state named before a word for its agents
// (白俄罗斯当局, 美方人员): the agents act for it.
func stateAgentAfter(s *clause.Sentence, m *mention.Mention) bool {
	return m.TokEnd < len(s.Tokens) && stateAgents[s.Tokens[m.TokEnd].Text]
}

// zhModifier reports a Chinese name that modifies the noun after it
// (伊朗协定, 美国企业) rather than naming a party: a common noun follows
// that is no word for the state's own organs or people.
func zhModifier(s *clause.Sentence, m *mention.Mention) bool {
	if m.TokEnd >= len(s.Tokens) {
		return false
	}
	t := &s.Tokens[m.TokEnd]
	if t.POS != token.Noun && t.POS != token.Verb || s.MentionAt(m.TokEnd) >= 0 || stateAgents[t.Text] {
		return false
	}
	switch t.Text {
	case "政府", "方面", "官方", "外交部", "国防部", "领导人", "总统", "总理", "议会", "国会", "人民", "民众":
		return false
	}
	return true
}

// stateAgents, after a state's name, are the people or forces who act for it.
var stateAgents = map[string]bool{"人员": true, "官员": true, "执法人员": true, "外交官": true, "部队": true, "军队": true, "军方": true,
	"军机": true, "军舰": true, "当局": true, "海警": true}

// linkingVerbs join a subject to the state a cue describes as "be" does
// ("remains deeply concerned", "stays committed", "became alarmed").
var linkingVerbs = map[string]bool{"remain": true, "stay": true, "become": true, "seem": true, "appear": true, "feel": true, "grow": true}

// lightVerbs carry a stance noun without being a predicate of their own
// (expressed "严重关切", voiced concern).
var lightVerbs = map[string]bool{"express": true, "voice": true, "convey": true, "register": true, "reiterate": true, "reaffirm": true,
	"renew": true, "repeat": true, "restate": true, "echo": true, "join": true, "issue": true}

// readoutVerbs before "the need for", "the importance of" or a stance named
// as a noun leave the subject's stance its own ("X and Y discussed the need
// for …", "discussed intensifying support for …").
// readoutVerbsFor returns readoutVerbs for the frames they apply to.
func readoutVerbsFor(s *clause.Sentence, f *frame.Frame) map[string]bool {
	if f != nil && (f.Rule.Kind == "need" || f.Rule.Kind == "importance" || f.Rule.Kind == "stance" && s.Tokens[f.CueStart].POS == token.Noun && !ownedByOther(s, f.CueStart)) {
		return readoutVerbs // "the two discussed their support for …": a stance named as a noun
	}
	return nil
}

// ownedByOther reports an English noun at i owned by a name before it, over
// adjectives ("the international community's humanitarian support"): the
// stance is that owner's, not the subject's who discusses it.
func ownedByOther(s *clause.Sentence, i int) bool {
	k := i - 1
	for k >= 0 && (s.Tokens[k].POS == token.Adj || s.Tokens[k].Tag == "VBN" || s.Tokens[k].Tag == "VBG") {
		k--
	}
	return k >= 0 && (token.PossessiveMark(s.Tokens[k].Text) || s.Tokens[k].Text == "'" || s.Tokens[k].Text == "’")
}

var readoutVerbs = map[string]bool{"discuss": true, "stress": true, "underscore": true, "underline": true, "emphasize": true,
	"emphasise": true, "highlight": true}

// coordinated returns the holder for subject mention k together with the
// parties coordinated with it after it (X and Y, X、Y和Z, "X, Y and Z").
func (d *Doc) coordinated(s *clause.Sentence, k int) *Holder {
	if d.coordDepth >= 4 {
		return nil
	}
	d.coordDepth++
	defer func() { d.coordDepth-- }()
	h := d.party(s, k)
	if h == nil {
		return nil
	}
	h.Tok = s.Mentions[k].Tok
	prev := k
	for j := k + 1; j < len(s.Mentions); j++ {
		p := &s.Mentions[j]
		if p.Attr && p.Kind == mention.Actor && j+1 < len(s.Mentions) && s.Mentions[j+1].Kind == mention.Person && s.Mentions[j+1].Tok == p.TokEnd &&
			coordGap(strings.TrimSpace(gapText(s, s.Mentions[prev].TokEnd, p.Tok))) {
			// 法国、德国和英国外长: the list's last state stands fused with the title after it
			if ph := d.party(s, j+1); ph != nil {
				h.join(ph)
				prev = j + 1
				j++
				continue
			}
		}
		if p.Kind == mention.Person && len(p.IDs) == 0 && p.Tok == s.Mentions[prev].TokEnd {
			prev = j // 智利外长阿尔韦托·范克拉韦伦和…: the name after the title
			continue
		}
		if p.Kind == mention.Pronoun && j > k && counterpartsAfter(s, p.TokEnd) && coordGap(strings.TrimSpace(gapText(s, s.Mentions[prev].TokEnd, p.Tok))) {
			// "Deputy Secretary Sherman and her counterparts condemned …":
			// the others are the state named with "counterparts" (his
			// Vietnamese counterparts), else the other sides of the meeting
			var ids []string
			if j+1 < len(s.Mentions) && s.Mentions[j+1].Attr && s.Mentions[j+1].Tok == p.TokEnd && len(s.Mentions[j+1].IDs) > 0 {
				ids = s.Mentions[j+1].IDs
			} else if d.Parts.Met {
				ids = d.Parts.IDs
			}
			if len(ids) > 0 {
				h.join(&Holder{IDs: ids, How: p.Text + " counterparts → " + strings.Join(ids, ", ")})
			}
			break
		}
		if p.Attr || p.Kind == mention.Person && len(p.IDs) == 0 {
			continue
		}
		if !p.IsParty() || p.Kind == mention.Self && s.Tokens[p.Tok].Tag == "PRP$" {
			break // "the United States and our partners": the partners are not "we"
		}
		gap := strings.TrimSpace(stripBrackets(gapText(s, s.Mentions[prev].TokEnd, p.Tok)))
		gap = strings.TrimSpace(strings.TrimSuffix(gap, " the"))
		if p.Kind == mention.Person && s.Lang == "en" {
			// "Secretary Rubio and Foreign Minister Odinga": the title before the person
			e := p.Tok
			for e-1 > s.Mentions[prev].TokEnd && capitalisedWord(s.Tokens[e-1].Text) {
				e--
			}
			if e < p.Tok {
				gap = strings.TrimSpace(gapText(s, s.Mentions[prev].TokEnd, e))
			}
		}
		if p.Kind == mention.Person && s.Lang == "zh" {
			// 中国外长王毅和俄罗斯外长拉夫罗夫: the state and the title before the person
			e := p.Tok
			for e-1 > s.Mentions[prev].TokEnd && (s.Tokens[e-1].POS == token.Noun || attrAt(s, e-1)) {
				e--
			}
			if e < p.Tok {
				gap = strings.TrimSpace(gapText(s, s.Mentions[prev].TokEnd, e))
			}
		}
		if !coordGap(gap) {
			return h
		}
		if s.Lang == "zh" && (gap == "与" || gap == "同" || gap == "跟" || gap == "和") && standsWith(s, p.TokEnd) {
			return h // 英国与乌克兰站在一起: the one stood with, not a second subject
		}
		ph := d.party(s, j)
		if ph == nil {
			break
		}
		h.join(ph)
		prev = j
	}
	return h
}

// counterpartsAfter reports "counterpart(s)" at token i, or after one
// state's adjective there ("her counterparts", "his Vietnamese counterparts").
func counterpartsAfter(s *clause.Sentence, i int) bool {
	if i < len(s.Tokens) && s.Tokens[i].POS == token.Propn && attrAt(s, i) {
		i++
	}
	return i < len(s.Tokens) && s.Tokens[i].Lemma == "counterpart"
}

// attrAt reports token i inside a state or organisation that only
// qualifies what follows it (俄罗斯 in 俄罗斯外长).
func attrAt(s *clause.Sentence, i int) bool {
	for _, m := range s.Mentions {
		if m.Attr && m.Kind == mention.Actor && m.Tok <= i && i < m.TokEnd {
			return true
		}
	}
	return false
}

// join adds the parties, speakers and reading of a party coordinated
// with the holder.
func (h *Holder) join(ph *Holder) {
	h.IDs = uniq(append(h.IDs, ph.IDs...))
	h.Speakers = uniq(append(h.Speakers, ph.Speakers...))
	h.How = h.How + " + " + ph.How
}

// StatePeople are the Chinese nouns after a state that stand for it
// (乌克兰人民, 乌克兰政府).
var StatePeople = map[string]bool{"人民": true, "政府": true, "民众": true, "一方": true}

// standsWith reports 站在…一起 right after a party (and a word for its
// people): the party is the one stood with.
func standsWith(s *clause.Sentence, i int) bool {
	if i < len(s.Tokens) && StatePeople[s.Tokens[i].Text] {
		i++
	}
	return i+1 < len(s.Tokens) && s.Tokens[i].Text == "站在" && s.Tokens[i+1].Text == "一起"
}

// coordGap reports the words that join two parties of one list.
func coordGap(gap string) bool {
	switch gap {
	case "and", "和", "与", "及", "、", ",", ", and", "同", "以及", "as well as", "and the", "跟":
		return true
	}
	return false
}

// stripBrackets removes bracketed asides from a gap: "(U.K.) and".
func stripBrackets(g string) string {
	for {
		a := strings.IndexAny(g, "(（")
		if a < 0 {
			return g
		}
		b := strings.IndexAny(g[a:], ")）")
		if b < 0 {
			return g
		}
		_, size := utf8.DecodeRuneInString(g[a+b:])
		g = g[:a] + g[a+b+size:]
	}
}

func gapText(s *clause.Sentence, from, to int) string {
	var b strings.Builder
	for k := from; k < to && k < len(s.Tokens); k++ {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(s.Tokens[k].Text))
	}
	return b.String()
}

// party turns a mention into the actors it stands for.
func (d *Doc) party(s *clause.Sentence, k int) *Holder {
	m := &s.Mentions[k]
	switch m.Kind {
	case mention.Actor:
		if len(m.IDs) == 0 {
			return nil
		}
		return &Holder{IDs: slices.Clone(m.IDs), How: m.How}
	case mention.Person:
		if len(m.IDs) == 0 {
			return nil
		}
		h := &Holder{IDs: slices.Clone(m.IDs), How: m.How}
		if m.Person != "" {
			h.Speakers = []string{m.Person}
		}
		return h
	case mention.Collective:
		if strings.EqualFold(m.Text, "they") || strings.EqualFold(m.Text, "their") || m.Text == "他们" || m.Text == "她们" {
			if d.last != nil && len(d.last.IDs) >= 2 {
				return &Holder{IDs: slices.Clone(d.last.IDs), How: m.Text + " → " + strings.Join(d.last.IDs, ", ") + " (named before)"}
			}
			if d.plural != nil && d.sentence-d.pluralAt <= 3 && len(d.Parts.IDs) < 2 {
				return &Holder{IDs: slices.Clone(d.plural.IDs), How: m.Text + " → " + strings.Join(d.plural.IDs, ", ") + " (named together a little before)"}
			}
			if !d.Parts.Joint && !d.Parts.Met {
				// a news story's "they" are most often people it told of (lawmakers,
				// protesters), not the states it named together at the start
				return nil
			}
		}
		if (strings.EqualFold(m.Text, "the two") || m.Text == "两人" || m.Text == "二人") && len(d.Parts.IDs) != 2 {
			return nil // "the two discussed …" after a meeting of three: not known which two
		}
		if len(d.Parts.IDs) >= 2 {
			return &Holder{IDs: slices.Clone(d.Parts.IDs), How: m.Text + " → the parties: " + strings.Join(d.Parts.IDs, ", ") + " (" + d.Parts.How + ")"}
		}
		if d.last != nil && len(d.last.IDs) >= 2 {
			return &Holder{IDs: slices.Clone(d.last.IDs), How: m.Text + " → " + strings.Join(d.last.IDs, ", ") + " (named before)"}
		}
	case mention.Self:
		// we inside a quotation: its speaker (and those named with it)
		if q := s.QuoteOf(m.Tok); q >= 0 && s.Quotes[q].Speaker >= 0 && s.Quotes[q].Speaker != k {
			if h := d.coordinated(s, s.Quotes[q].Speaker); h != nil {
				h.How = m.Text + " → the quotation's speaker: " + h.How
				return h
			}
		} else if q >= 0 && s.Quotes[q].From != nil && len(s.Quotes[q].From.IDs) > 0 {
			p := s.Quotes[q].From
			h := &Holder{IDs: slices.Clone(p.IDs), How: m.Text + " → the quotation's speaker: " + p.How}
			if p.Person != "" {
				h.Speakers = []string{p.Person}
			}
			return h
		} else if q >= 0 && s.Quotes[q].From != nil && d.openQuote != nil {
			h := *d.openQuote
			h.How = m.Text + " → the quotation's speaker, sentences before: " + d.openQuote.How
			return &h
		}
		if r := s.ReportOver(m.Tok); r >= 0 && s.Reports[r].Speaker >= 0 && s.Reports[r].Speaker != k {
			if h := d.coordinated(s, s.Reports[r].Speaker); h != nil {
				h.How = m.Text + " → the speaker: " + h.How
				return h
			}
		}
		if d.Parts.Joint && d.Parts.Issuer != "" && singularSelf[strings.ToLower(m.Text)] {
			// "Today I convened …" in a meeting's text that lists its participants: the host who writes
			return &Holder{IDs: []string{d.Parts.Issuer}, How: m.Text + " → the issuer, who writes in the first person (" + d.Parts.IssuerHow + ")"}
		}
		if d.Parts.Joint && len(d.Parts.IDs) > 0 {
			return &Holder{IDs: slices.Clone(d.Parts.IDs), How: m.Text + " → the parties: " + strings.Join(d.Parts.IDs, ", ") + " (" + d.Parts.How + ")"}
		}
		switch {
		case d.turn == turnQuestion:
			return nil // a journalist's "I" and "we" in a transcript speak for no state
		case d.turn == turnOfficial && d.turnSpeaker != nil:
			return turnHolder(d.turnSpeaker, m.Text+" → ")
		case d.turn == turnOfficial && d.Parts.Issuer != "":
			return &Holder{IDs: []string{d.Parts.Issuer}, How: m.Text + " → the issuer, whose official has the floor (" + d.Parts.IssuerHow + ")"}
		}
		if d.Parts.Issuer != "" && (d.Parts.Speech || d.Parts.IssuerHow == headingOfficial && s.Lang == "en") {
			// a speech, or an English statement an official heads: "I" and
			// "we" are the speaker's or the official's state, whoever was named last
			return &Holder{IDs: []string{d.Parts.Issuer}, How: m.Text + " → the issuer (" + d.Parts.IssuerHow + ")"}
		}
		if d.lastPerson != nil && d.sentence-1 <= d.lastPersonSent {
			p := d.lastPerson
			h := &Holder{IDs: slices.Clone(p.IDs), How: m.Text + " → the speaker: " + p.How}
			if p.Person != "" {
				h.Speakers = []string{p.Person}
			}
			return h
		}
		if d.Parts.Issuer != "" {
			return &Holder{IDs: []string{d.Parts.Issuer}, How: m.Text + " → the issuer (" + d.Parts.IssuerHow + ")"}
		}
		if len(d.Parts.IDs) > 0 {
			return &Holder{IDs: slices.Clone(d.Parts.IDs), How: m.Text + " → the parties: " + strings.Join(d.Parts.IDs, ", ")}
		}
	case mention.Pronoun:
		for _, r := range s.Reports {
			if r.Speaker >= 0 && r.Speaker < k && r.From <= m.Tok && m.Tok < r.To && s.Mentions[r.Speaker].Kind == mention.Person {
				// 文在寅表示，他愿意…, "Lavrov said he would …": the one
				// who says so, not the person a sentence before named
				return d.party(s, r.Speaker)
			}
		}
		if p := d.lastPerson; p != nil {
			h := &Holder{IDs: slices.Clone(p.IDs), How: m.Text + " → " + p.How}
			if p.Person != "" {
				h.Speakers = []string{p.Person}
			}
			return h
		}
	}
	return nil
}

// Causing are the Chinese verbs by which an act stirs a stance in someone
// (此举引发北京的不满, 引起中国强烈不满).
var Causing = map[string]bool{"引发": true, "引起": true, "招致": true, "激起": true, "招来": true, "引来": true, "触发": true, "惹来": true, "惹怒": true}

// singularSelf are the words of a speaker in the first person singular.
var singularSelf = map[string]bool{"i": true, "me": true, "my": true, "myself": true, "我": true}

func uniq(ids []string) []string {
	var out []string
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// announced reports an act stated as done now, in the present or with
// "today" ("the Department is designating …", "X is being sanctioned",
// "today imposed", 今天宣布, 正在): in a text with an issuer, an
// announcement of the issuer's own act, which commits it.
func (d *Doc) announced(s *clause.Sentence, f *frame.Frame) bool {
	c := s.Clauses[f.Clause]
	toks := s.Tokens
	for k := c.Start; k < c.End && k < len(toks); k++ {
		switch toks[k].Lower {
		case "today", "今天", "今日", "正在", "即日起":
			return true
		}
	}
	if s.Lang != "en" {
		return false
	}
	switch toks[f.CueStart].Tag {
	case "VBZ", "VBP":
		return true
	case "VBG":
		// "is designating", not a gerund ("stop sending weapons")
		for k := f.CueStart - 1; k >= c.Start && k >= f.CueStart-2; k-- {
			if toks[k].Lemma == "be" {
				return toks[k].Tag == "VBZ" || toks[k].Tag == "VBP"
			}
		}
		return false
	case "VBN":
		// "is designated", "are being designated": a present passive
		for k := f.CueStart - 1; k >= c.Start && k >= f.CueStart-2; k-- {
			if toks[k].Lemma == "be" {
				return toks[k].Tag == "VBZ" || toks[k].Tag == "VBP" || toks[k].Tag == "VBG" && k > c.Start && (toks[k-1].Tag == "VBZ" || toks[k-1].Tag == "VBP")
			}
		}
	}
	return false
}

// announcedPassive resolves an announced act in the passive with no agent
// ("X is being designated", "Y was sanctioned today"): the issuer acts,
// the subject is its target.
func (d *Doc) announcedPassive(s *clause.Sentence, f *frame.Frame) (Outcome, bool) {
	if s.Lang != "en" || s.Tokens[f.CueStart].Tag != "VBN" {
		return Outcome{}, false
	}
	c := s.Clauses[f.Clause]
	toks := s.Tokens
	be := -1
	for k := f.CueStart - 1; k >= c.Start && k >= f.CueStart-2; k-- {
		if toks[k].Lemma == "be" {
			be = k
			break
		}
	}
	if be < 0 {
		return Outcome{}, false
	}
	for k := f.CueEnd; k < f.ObjEnd && k < f.CueEnd+3; k++ {
		if toks[k].Lemma == "by" {
			return Outcome{}, false // the agent is named
		}
	}
	// the subject: the mention opening the clause, and those coordinated
	// with it ("X and Y are designated"), not an appositive's words
	var patient []string
	next := c.Start
	for k := range s.Mentions {
		m := &s.Mentions[k]
		if m.Tok < c.Start {
			continue
		}
		if m.TokEnd > be || !d.onlyJoiners(s, next, m.Tok) {
			break
		}
		switch {
		case m.Kind == mention.Person && m.Person != "":
			patient = append(patient, m.Person)
		case m.Kind == mention.Actor && len(m.IDs) > 0 && !m.Attr:
			patient = append(patient, m.IDs...)
		default:
			return Outcome{}, false
		}
		next = m.TokEnd
	}
	if len(patient) == 0 {
		return Outcome{}, false
	}
	h := &Holder{IDs: []string{d.Parts.Issuer}, Tok: -1, How: "the document's issuer announces its act (" + d.Parts.IssuerHow + ")"}
	return Outcome{Holder: h, Passive: patient}, true
}

// onlyJoiners reports tokens from..to that hold nothing but determiners,
// commas and "and".
func (d *Doc) onlyJoiners(s *clause.Sentence, from, to int) bool {
	for k := from; k < to; k++ {
		t := &s.Tokens[k]
		if t.POS != token.Det && t.Text != "," && t.Lower != "and" {
			return false
		}
	}
	return true
}

// participle reports an English act verb in the past participle with no
// auxiliary before it: a reduced relative describing a noun ("the letter
// sent by his office", "troops deployed there"), not an act of its own.
func participle(s *clause.Sentence, f *frame.Frame) bool {
	if s.Lang != "en" || s.Tokens[f.CueStart].Tag != "VBN" || f.CueStart == 0 {
		return false
	}
	for k := f.CueStart - 1; k >= 0 && k >= f.CueStart-3; k-- {
		t := &s.Tokens[k]
		switch {
		case t.Lemma == "be" || t.Lemma == "have" || t.Lemma == "get":
			return false
		case t.POS == token.Adv || t.Lower == "not":
			continue
		}
		return t.IsNominal() // "the letter sent": a noun right before
	}
	return false
}

// participleAdjunct returns the main verb of the clause when the cue is an
// English present participle that follows that verb's object or a comma
// ("issued a statement urging …", "summoned the envoy, condemning …"), or -1.
func participleAdjunct(s *clause.Sentence, f *frame.Frame, start int) int {
	if s.Lang != "en" || f.CueStart <= start+1 || s.Tokens[f.CueStart].Tag != "VBG" {
		return -1
	}
	switch f.Rule.Kind {
	case "stance", "call":
	default:
		return -1
	}
	if prev := &s.Tokens[f.CueStart-1]; prev.Text != "," && !utterances[prev.Lemma] && !utterances[prev.Lower] {
		return -1 // "arrested activists opposing the war": the activists oppose
	}
	v := firstVerb(s, start, f.CueStart)
	if v <= start || v >= f.CueStart-1 {
		return -1
	}
	return v
}

// utterances are the nouns of what a party issues, whose participle speaks
// for the issuer: "a statement urging", "a note protesting".
var utterances = map[string]bool{"statement": true, "report": true, "letter": true, "resolution": true, "communique": true,
	"communiqué": true, "declaration": true, "note": true, "message": true, "release": true, "readout": true, "tweet": true,
	"post": true, "video": true, "speech": true, "protest": true, "notice": true, "memorandum": true, "document": true, "paper": true,
	"op-ed": true, "editorial": true, "article": true, "address": true, "appeal": true, "petition": true, "motion": true, "bill": true}

// capitalisedWord reports an English word that opens with a capital.
func capitalisedWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// gerundOfAnObject reads "designated three entities for supporting Iran",
// "thanked Kenya for supporting the mission", "their role in backing X": a
// gerund after for (or a role in) tells what the main verb's object did.
// The object holds it when it is a party; else no party does.
func (d *Doc) gerundOfAnObject(s *clause.Sentence, f *frame.Frame) (Outcome, bool) {
	toks := s.Tokens
	i := f.CueStart
	if s.Lang != "en" || i < 3 || toks[i].Tag != "VBG" {
		return Outcome{}, false
	}
	prev := toks[i-1].Lower
	role := prev == "in" && (toks[i-2].Lemma == "role" || toks[i-2].Lemma == "part" || toks[i-2].Lemma == "involvement")
	if prev != "for" && !role {
		return Outcome{}, false
	}
	c := s.Clauses[f.Clause]
	v := -1
	for k := c.Start; k < i-1; k++ {
		if toks[k].POS == token.Verb && toks[k].Tag != "VBG" {
			v = k // the main verb, even one that also names a topic (sanctioned)
			break
		}
	}
	if v < 0 {
		return Outcome{}, false
	}
	hasObject := false
	for k := v + 1; k < i-1; k++ {
		if toks[k].POS == token.Noun || toks[k].POS == token.Propn || toks[k].POS == token.Pron {
			hasObject = true
		}
	}
	if !hasObject {
		return Outcome{}, false // "committed for supporting" is not this
	}
	for k := range s.Mentions {
		m := &s.Mentions[k]
		if m.Tok > v && m.TokEnd < i && m.IsParty() && !m.Venue {
			if h := d.coordinated(s, k); h != nil {
				h.How = "the object of the main verb, who did it: " + h.How
				return Outcome{Holder: h}, true
			}
		}
	}
	return Outcome{Drop: "a gerund telling what the main verb's object did"}, true
}

// unnamedSpeaker reports a frame in what someone said (…表示，应…) where the
// sayer is named by words that are no party (a think tank's director, a
// professor) and the said clause has no subject of its own: what they say
// is nobody's position, not the last state's.
func (d *Doc) unnamedSpeaker(s *clause.Sentence, f *frame.Frame) bool {
	if f.Report < 0 || f.Quote >= 0 || s.Lang != "zh" {
		return false // English names its organs by common nouns ("the council reiterated")
	}
	r := s.Reports[f.Report]
	if r.Speaker >= 0 || r.Class == clause.Media || r.Verb <= 0 {
		return false
	}
	c := s.Clauses[s.ClauseOf(r.Verb)]
	words := 0
	for k := c.Start; k < r.Verb; k++ {
		if s.MentionAt(k) >= 0 {
			m := &s.Mentions[s.MentionAt(k)]
			if m.IsParty() && !m.Venue || m.Kind == mention.Self || m.Kind == mention.Collective || m.Kind == mention.Pronoun || m.Kind == mention.Person {
				return false
			}
		}
		if t := &s.Tokens[k]; t.POS == token.Noun || t.POS == token.Propn {
			words++
		}
	}
	if words < 2 {
		return false // "…, he said": a pronoun or nothing, resolved elsewhere
	}
	for k := range s.Mentions {
		m := &s.Mentions[k]
		if m.Tok >= r.From && m.TokEnd <= f.CueStart && (m.IsParty() || m.Kind == mention.Self || m.Kind == mention.Collective) {
			return false // the said clause names its own subject
		}
	}
	return true
}

// nonPartySubject reports a Chinese frame whose clause has no subject but a
// third-person pronoun, after a clause of the same sentence whose subject
// names people who are no party (抗议活动的组织者发表声明，他们呼吁…): the
// pronoun is those people, not the last state named.
func nonPartySubject(s *clause.Sentence, f *frame.Frame) bool {
	if s.Lang != "zh" || f.Report >= 0 || f.Quote >= 0 || f.Clause == 0 {
		return false
	}
	c := s.Clauses[f.Clause]
	pronoun := false
	for k := c.Start; k < f.CueStart; k++ {
		switch t := &s.Tokens[k]; {
		case t.Text == "他们" || t.Text == "她们" || t.Text == "他" || t.Text == "她":
			pronoun = true
		case t.POS == token.Noun || t.POS == token.Propn || s.MentionAt(k) >= 0:
			return false
		}
	}
	if !pronoun {
		return false
	}
	return peopleSubject(s, s.Clauses[f.Clause-1])
}

// privateSubject reports a frame whose clause opens with a person of no
// state: named with a role that is no office (a former legislator, a
// scholar, 律师), or a title many hold with no state named (参议员, "the
// senators"), with no party named between that person and the cue.
func privateSubject(s *clause.Sentence, f *frame.Frame) bool {
	if f.Quote >= 0 {
		return false
	}
	c := s.Clauses[f.Clause]
	for k := range s.Mentions {
		m := &s.Mentions[k]
		if m.Tok < c.Start || m.TokEnd > f.CueStart {
			continue
		}
		if m.Attr || m.Venue {
			continue // 香港前立法会议员…: the place qualifies the person
		}
		return m.Kind == mention.Person && len(m.IDs) == 0 && mention.NoVoice(m.Role) && !laterParty(s, k, f.CueStart)
	}
	return false
}

// laterParty reports a party mention after mention k and before token end
// that can be a subject: not the object of a verb or a preposition (赴英国).
func laterParty(s *clause.Sentence, k, end int) bool {
	for j := k + 1; j < len(s.Mentions); j++ {
		m := &s.Mentions[j]
		if m.TokEnd > end || !m.IsParty() || len(m.IDs) == 0 {
			continue
		}
		if m.Tok > 0 && (s.Tokens[m.Tok-1].POS == token.Verb || s.Tokens[m.Tok-1].POS == token.Adp) {
			continue
		}
		return true
	}
	return false
}

// undergoesWill reports a will-commitment whose verb is passive: the subject
// is what others will do something to (外交官将不再被允许…, "diplomats will be
// barred from …").
func undergoesWill(s *clause.Sentence, f *frame.Frame) bool {
	if f.Rule.Modality != "will" {
		return false
	}
	for k := f.CueEnd; k < len(s.Tokens) && k < f.CueEnd+4; k++ {
		t := &s.Tokens[k]
		switch {
		case t.Text == "被" || t.Text == "受到" || t.Text == "遭到":
			return true
		case t.Lower == "be" && k+1 < len(s.Tokens) && barredVerbs[s.Tokens[k+1].Lemma]:
			return true
		case s.Lang == "en" && t.POS == token.Verb && undergoneVerbs[t.Lemma]:
			return true // "will inherit a trade war", "will need more ammunition", "I will say that"
		case s.Lang == "en" && t.Lower == "have" && k+1 < len(s.Tokens) && s.Tokens[k+1].Lower == "just":
			return true // "will have just concluded his visit"
		case t.POS == token.Adv || t.Text == "不再" || t.Text == "不" || t.Lower == "no" || t.Lower == "longer" || t.Lower == "not":
			continue
		default:
			return false
		}
	}
	return false
}

// undergoneVerbs after "will" tell what will befall the subject or what it
// will say, not an act it commits to (will inherit, will face, will need,
// will affect, "I will say that …").
var undergoneVerbs = map[string]bool{"inherit": true, "face": true, "need": true, "suffer": true, "affect": true,
	"impact": true, "lose": true, "cost": true, "mean": true, "depend": true, "say": true, "include": true, "require": true}

// barredVerbs, passive after "will be", are done to the subject.
var barredVerbs = map[string]bool{"allow": true, "require": true, "bar": true, "ban": true, "prohibit": true, "force": true,
	"permit": true, "forbid": true, "restrict": true, "deny": true, "expel": true, "deport": true, "subject": true}

// thingWill reports a Chinese 将 or 会 whose clause puts only common nouns
// before it (制裁将对…产生影响, 这项协议会…): a forecast about what those
// nouns name, not a commitment of the speaker or of the last party.
func thingWill(s *clause.Sentence, f *frame.Frame) bool {
	if s.Lang == "en" {
		return f.Rule.Modality == "will" && (enThingWill(s, f) || thingRightBefore(s, f))
	}
	if s.Lang != "zh" || f.Rule.Modality != "will" || f.Quote >= 0 {
		return false
	}
	switch s.Tokens[f.CueStart].Text {
	case "将", "会", "将会":
	default:
		return false
	}
	start := s.Clauses[f.Clause].Start
	if f.Report >= 0 {
		if r := s.Reports[f.Report]; r.From > start && r.From <= f.CueStart {
			start = r.From
		}
	}
	thing, subject := thingSubject(s, start, f.CueStart)
	if subject || f.Report >= 0 && s.Reports[f.Report].From >= start {
		return thing
	}
	// 此举严重阻碍…，还会削弱…: a clause with no subject shares the one before
	for ci := f.Clause - 1; ci >= 0; ci-- {
		c := s.Clauses[ci]
		if c.Cond || c.Relative {
			continue
		}
		if thing, subject := thingSubject(s, c.Start, subjectEnd(s, c)); subject {
			return thing
		}
	}
	return false
}

// unnamedParties are nouns that name parties without naming them ("African
// nations will fight …"). The list is narrower than the frame stage's
// party heads: a mission, an office or a team that will act is more often
// another body's ("the mission will prepare a report") than the speaker's.
var unnamedParties = map[string]bool{"nation": true, "country": true, "state": true, "government": true, "partner": true, "ally": true,
	"member": true, "leader": true, "people": true, "side": true, "party": true, "community": true, "administration": true}

// thingRightBefore reports an English cue of the will modality (will,
// shall, continue to, would) whose subject, right before it, is a noun or a
// pronoun of a thing ("the harm will worsen", "it will be possible", "as
// the world continues to warm"), in a clause that names no party, person or
// speaker before the cue: what enThingWill misses when the noun phrase
// holds a verb or a name, or the cue is not "will".
func thingRightBefore(s *clause.Sentence, f *frame.Frame) bool {
	c := s.Clauses[f.Clause]
	k := f.CueStart - 1
	for k > c.Start && s.Tokens[k].POS == token.Adv {
		k--
	}
	if k < c.Start {
		return false
	}
	t := &s.Tokens[k]
	switch t.Lower {
	case "it", "this", "that", "which":
	default:
		if t.POS != token.Noun || s.MentionAt(k) >= 0 || unnamedParties[t.Lemma] {
			return false // ("African nations will fight …": parties, unnamed)
		}
	}
	for j := range s.Mentions {
		if m := &s.Mentions[j]; m.Tok >= c.Start && m.TokEnd <= f.CueStart && m.Kind != mention.Topic && m.Kind != mention.Place {
			return false
		}
	}
	return true
}

// enThingWill reports an English "will" whose clause opens with a noun
// phrase that names no party, person or pronoun ("The funding will enable
// …", "This dialogue will include …", "Finland's accession will make the
// Alliance stronger"): a forecast about a thing, no party's commitment.
func enThingWill(s *clause.Sentence, f *frame.Frame) bool {
	if f.Rule.Modality != "will" || f.Quote >= 0 || s.Tokens[f.CueStart].Lower != "will" {
		return false
	}
	start := s.Clauses[f.Clause].Start
	if f.Report >= 0 {
		if r := s.Reports[f.Report]; r.From > start && r.From <= f.CueStart {
			start = r.From
		}
	}
	nouns := 0
	for k := start; k < f.CueStart; k++ {
		if mk := s.MentionAt(k); mk >= 0 {
			m := &s.Mentions[mk]
			owner := m.TokEnd < f.CueStart && (s.Tokens[m.TokEnd].Text == "'s" || s.Tokens[m.TokEnd].Text == "’s")
			after := m.Tok > start && s.Tokens[m.Tok-1].POS == token.Adp && s.Tokens[m.Tok-1].Lower != "that" && s.Tokens[m.Tok-1].Lower != "whether" && s.Tokens[m.Tok-1].Lower != "if"
			if m.Kind != mention.Topic && !after && !owner {
				return false // "Japan will", "the two sides will", "U.S. diplomats will"
			}
			nouns++ // "the dialogue with Thailand will", "Finland's accession will": the thing is the subject
			k = m.TokEnd - 1
			if owner {
				k++
			}
			continue
		}
		switch t := &s.Tokens[k]; {
		case t.POS == token.Pron || t.POS == token.Propn:
			return false // "we will", "Fernandez will"
		case t.POS == token.Noun:
			if personNouns[t.Lemma] {
				return false
			}
			nouns++
		case t.POS == token.Verb:
			return false // "said it will": the subject is told elsewhere
		}
	}
	return nouns > 0
}

// personNouns are English nouns for those who act for a party: a clause
// they open is theirs ("the Secretary will travel", "officials will meet").
var personNouns = map[string]bool{"secretary": true, "minister": true, "president": true, "official": true, "delegation": true,
	"diplomat": true, "ambassador": true, "envoy": true, "government": true, "administration": true, "leader": true,
	"department": true, "side": true, "party": true, "partner": true, "ally": true, "country": true, "nation": true,
	"state": true, "embassy": true, "mission": true, "team": true, "representative": true, "spokesperson": true,
	"coordinator": true, "counselor": true, "advisor": true, "adviser": true, "deputy": true, "undersecretary": true,
	"participant": true, "member": true, "people": true, "we": true, "agency": true, "staff": true, "office": true,
	"bureau": true, "military": true, "force": true, "troop": true, "navy": true, "army": true, "council": true}

// thingSubject reads the Chinese tokens [from, to) as a subject: whether
// it names a thing (制裁, 此举, 该法案) and whether it names anything at all
// (only adverbs and times: no subject).
func thingSubject(s *clause.Sentence, from, to int) (thing, subject bool) {
	nouns := 0
	for k := from; k < to; k++ {
		if mk := s.MentionAt(k); mk >= 0 {
			if s.Mentions[mk].Kind != mention.Topic {
				return false, true
			}
			nouns++ // 制裁将…: a topic is a thing
			continue
		}
		switch t := &s.Tokens[k]; t.POS {
		case token.Noun:
			if personNoun(t.Text) {
				return false, true
			}
			if !timeNoun(t.Text) {
				nouns++ // 周三将采取…: a time, the subject is understood
			}
		case token.Pron:
			if t.Text == "此举" || t.Text == "这" || t.Text == "此" || t.Text == "这些" || t.Text == "该举" {
				nouns++ // 此举将…: the move
				continue
			}
			return false, true
		case token.Propn, token.Verb:
			return false, true
		}
	}
	return nouns > 0, nouns > 0
}

// timeNoun reports a Chinese word for a time (周三, 明年, 届时, 未来).
func timeNoun(w string) bool {
	return strings.ContainsAny(w, "年月日周天时晚早今明昨") || w == "届时" || w == "未来" || w == "此后" || w == "目前"
}

// personNoun reports a Chinese noun that can name who acts: people, a
// government, a side (政府, 官员, 双方).
func personNoun(w string) bool {
	if frame.PeopleNoun(w) {
		return true
	}
	for _, h := range []string{"政府", "方", "国", "局", "部", "院", "会", "党", "军", "人"} {
		if strings.HasSuffix(w, h) {
			return true
		}
	}
	return false
}

// peopleSubject reports a Chinese clause whose subject names people who are
// no party: no state, organisation or known person before its predicate,
// and a noun for people (抗议活动的组织者, 示威者, 反对派人士).
func peopleSubject(s *clause.Sentence, p clause.Clause) bool {
	if s.Lang != "zh" || p.Quote >= 0 {
		return false
	}
	head := false
	for k := p.Start; k < p.End; k++ {
		if s.Tokens[k].IsVerbal() && s.MentionAt(k) < 0 && (k+1 >= p.End || s.Tokens[k+1].Text != "的") {
			break // the predicate: its subject is what came before (抗议活动的组织者 发表)
		}
		if mk := s.MentionAt(k); mk >= 0 && (s.Mentions[mk].IsParty() || s.Mentions[mk].Kind == mention.Person) {
			return false
		}
		if t := &s.Tokens[k]; (t.POS == token.Noun || t.POS == token.Propn) && frame.PeopleNoun(t.Text) {
			head = true
		}
	}
	return head
}

// agentlessPassive reports an English stance cue in the passive (was
// praised, has been condemned) with no "by" after it in its clause.
func agentlessPassive(s *clause.Sentence, f *frame.Frame) bool {
	toks := s.Tokens
	if s.Lang != "en" || toks[f.CueStart].Tag != "VBN" || f.Rule.Kind != "stance" {
		return false
	}
	if psych[toks[f.CueStart].Lemma] || psych[toks[f.CueStart].Lower] || f.Rule.Predicate == "concern" {
		return false // "deeply concerned", "pleased with": the subject's own state of mind
	}
	be := false
	for k := f.CueStart - 1; k >= 0 && k >= f.CueStart-3; k-- {
		if toks[k].Lemma == "be" {
			be = true
			break
		}
		if toks[k].POS != token.Adv {
			break
		}
	}
	if !be {
		return false
	}
	c := s.Clauses[f.Clause]
	for k := f.CueEnd; k < c.End; k++ {
		if toks[k].Lower == "by" {
			return false
		}
	}
	return true
}

// welcomeLemmas welcome or praise what follows them.
var welcomeLemmas = map[string]bool{"welcome": true, "applaud": true, "appreciate": true, "commend": true, "praise": true, "salute": true, "hail": true}

// stanceOwnedNouns are English stance nouns whose owner, named right before
// them, holds the stance whoever states it: "he reaffirmed the U.S.
// commitment to …", "underscore Japan's support for …", "announced Kenya's
// readiness to lead …".
var stanceOwnedNouns = map[string]bool{"commitment": true, "support": true, "pledge": true, "position": true, "opposition": true,
	"condemnation": true, "rejection": true, "readiness": true, "willingness": true, "determination": true, "intention": true}

// ownerOfStanceNoun returns the party that owns an English stance noun cue
// ("the U.S. commitment to", "Japan's support for"), or the promise noun
// before a cue ("Saudi Arabia's pledge to provide"): the state named right
// before it, adjectival or possessive. The owner holds the stance when it is
// affirmed, welcomed or opens the clause (ok); otherwise its ids are returned
// alone, for the caller to drop the claim when the subject is someone else.
func (d *Doc) ownerOfStanceNoun(s *clause.Sentence, f *frame.Frame) (Outcome, bool, []string) {
	at := f.CueStart
	if n := frame.PromiseAt(s, at); n >= 0 {
		at = n // "Saudi Arabia's pledge to provide": the act is promised by the noun's owner
	} else if s.Lang != "en" || !stanceOwnedNouns[s.Tokens[at].Lower] || s.Tokens[at].POS != token.Noun {
		return Outcome{}, false, nil
	}
	mk, _ := frame.OwnerBefore(s, at)
	if mk < 0 {
		return Outcome{}, false, nil
	}
	m := &s.Mentions[mk]
	ids, first := slices.Clone(m.IDs), m.Tok
	// "the U.S. and Belgian commitment", "U.S., Japanese and Korean support": every owner
	// (the first step back must be "and": in "the United States and Israel,
	// U.S. support for", the comma ends a list of the sentence's own)
	for k := first - 1; k > 0 && (s.Tokens[k].Lower == "and" || s.Tokens[k].Text == "," && len(ids) > 1); {
		j := k - 1
		if s.Tokens[j].Text == "," {
			j--
		}
		pk := s.MentionAt(j)
		if pk < 0 || s.Mentions[pk].TokEnd != j+1 || s.Mentions[pk].Kind != mention.Actor || len(s.Mentions[pk].IDs) != 1 {
			break
		}
		if slices.Contains(ids, s.Mentions[pk].IDs[0]) {
			break
		}
		ids = append(s.Mentions[pk].IDs[:1:1], ids...)
		first = s.Mentions[pk].Tok
		k = first - 1
	}
	// only as what someone affirms: "we have seen Iran's support for
	// proxies" characterises Iran, it is no claim of Iran's
	v := first - 1
	for v > 0 && (s.Tokens[v].POS == token.Det || s.Tokens[v].POS == token.Adj || s.Tokens[v].POS == token.Adv) {
		v--
	}
	holder := Outcome{Holder: &Holder{IDs: ids, Tok: first, How: "whose " + s.Tokens[at].Lower + " it is: " + strings.Join(ids, ", ")}}
	switch {
	case v >= 0 && d.m.WordAt(s.Sentence, "affirm", v):
		return holder, true, nil
	case v >= 0 && welcomeLemmas[s.Tokens[v].Lemma]:
		// "welcomed Saudi Arabia's pledge to provide …": the welcome is the
		// writer's, the pledge its owner's
		return holder, true, nil
	case v < s.Clauses[f.Clause].Start || v >= 0 && s.Tokens[v].POS == token.Punct:
		// "Nepal's commitment to human rights is total": the stance
		// noun opens the clause, told as its owner's own
		return holder, true, nil
	}
	return Outcome{}, false, ids
}

// reportOpeners, opening a Chinese clause with no subject of its own, go on
// with what the subject before says (……，指日本没有资格……). Not the rules'
// "say" class: that one lacks 指 and the verbs of blame (批评, 指责), and
// widening it would change what every other reader of it decides.
var reportOpeners = map[string]bool{"指": true, "称": true, "指出": true, "说": true, "表示": true, "强调": true,
	"认为": true, "批评": true, "指责": true, "声称": true, "坚称": true, "直言": true, "重申": true, "直指": true, "痛批": true}

// reportOpens reports a Chinese clause that opens on a verb of saying: its
// subject is the one before, and a party in it is what was said.
func reportOpens(s *clause.Sentence, c clause.Clause) bool {
	if s.Lang != "zh" {
		return false
	}
	k := c.Start
	for k < c.End && (s.Tokens[k].POS == token.Punct || s.Tokens[k].POS == token.Conj || s.Tokens[k].Text == "并" || s.Tokens[k].Text == "还" || s.Tokens[k].Text == "也") {
		k++
	}
	return k < c.End && reportOpeners[s.Tokens[k].Text]
}

// officialBeforeCall reports an official named right before a call's cue,
// where the subject search ends: though a verb stands before the name, the
// name opens the clause the call is in (……试图阻止美国总统特朗普要求字节跳动……).
func officialBeforeCall(f *frame.Frame, m *mention.Mention, end int) bool {
	return f != nil && f.Rule.Kind == "call" && m.Kind == mention.Person && m.TokEnd == f.CueStart && end == f.CueStart
}

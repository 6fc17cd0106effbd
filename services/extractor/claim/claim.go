// Package claim is the extractor's last stage: it turns resolved frames
// into claims — the target and topic from the frame's object, the year a
// commitment is due, the evidence span — merges repeated statements of one
// claim, and keeps what it could not map (a stance whose object names no
// known topic or party) for the lexicon to grow from.
package claim

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/extractor/clause"
	"github.com/diplograph/diplograph/services/extractor/frame"
	"github.com/diplograph/diplograph/services/extractor/mention"
	"github.com/diplograph/diplograph/services/extractor/resolve"
	"github.com/diplograph/diplograph/services/extractor/token"
)

// MaxTopicsPerFrame bounds the claims one frame can make from a list of topics.
const MaxTopicsPerFrame = 8

// Explanation says why a claim was made.
type Explanation struct {
	Rule, Kind, Cue string
	Actor           string // how the holder was found
	Target          string // how the target was chosen
	Object          string // the object slot as it stands
	Negated         bool
}

// String renders the explanation for people.
func (x Explanation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "rule %s (%s), cue %q; actor: %s", x.Rule, x.Kind, x.Cue, x.Actor)
	if x.Target != "" {
		fmt.Fprintf(&b, "; target: %s", x.Target)
	}
	if x.Object != "" {
		fmt.Fprintf(&b, "; object: %q", x.Object)
	}
	if x.Negated {
		b.WriteString("; negated")
	}
	return b.String()
}

// Draft is a claim with its explanation.
type Draft struct {
	Claim schemas.Claim
	Why   Explanation
}

// Unmapped is a stance whose object names nothing known: kept so the
// lexicon can grow from real text (diplograph lexicon gaps).
type Unmapped struct {
	Predicate, Rule, Actor string
	Object                 string // the object's words
	Start, End             int
}

// Dropped is a frame that made no claim, and why (for --explain).
type Dropped struct {
	Rule, Cue, Reason string
	Start, End        int
}

// Builder builds claims. Safe for concurrent use.
type Builder struct {
	m        *frame.Matcher
	negative map[string]bool
	harm     map[string]bool
	// relational topics name what one party does to or for another
	// (aggression, self-defence): a claim on one names that party
	relational map[string]bool
	// principles are norms a party upholds (the UN Charter, international
	// law): committing to one with no party named is supporting it
	principle map[string]bool
	// imposed topics are measures taken against a party (sanctions):
	// imposing, backing or deploring one names that party, or is none
	imposed map[string]bool
	orgIn   func(string) string
}

// SetOrgs gives the builder a look-up of the organisation a phrase names
// inside it ("reform of the Security Council" → org:un-security-council).
func (b *Builder) SetOrgs(orgIn func(string) string) { b.orgIn = orgIn }

// reformedBody is the organisation whose reform a topic of the object
// names: the reform of a body is a stance towards that body.
func (d *Doc) reformedBody(s *clause.Sentence, objs []int) string {
	for _, k := range objs {
		if m := &s.Mentions[k]; m.Kind == mention.Topic && strings.HasSuffix(m.ID, "-reform") {
			end := min(m.TokEnd+2, len(s.Tokens)) // ("reform of the United Nations Security Council")
			return d.b.orgIn(d.text[s.Tokens[m.Tok].Start:s.Tokens[end-1].End])
		}
	}
	return ""
}

// NewBuilder prepares the claim stage for a rule set.
func NewBuilder(m *frame.Matcher, set *frame.Set) *Builder {
	b := &Builder{m: m, negative: map[string]bool{}, harm: map[string]bool{}, relational: map[string]bool{}, principle: map[string]bool{},
		imposed: map[string]bool{}}
	for _, w := range set.Words {
		switch w.Kind {
		case "negative":
			b.negative[w.Phrase] = true
		case "harm":
			b.harm[w.Phrase] = true
		case "relational":
			b.relational[w.Phrase] = true
		case "principle":
			b.principle[w.Phrase] = true
		case "imposed":
			b.imposed[w.Phrase] = true
		}
	}
	return b
}

// Doc is the claim state of one document.
type Doc struct {
	b        *Builder
	text     string // the original clean text: evidence is copied from it
	date     time.Time
	res      *resolve.Doc
	explain  bool
	Drafts   []Draft
	Unmapped []Unmapped
	Dropped  []Dropped
	// lastTopic is the topic of the claim before, for "the agreement", 该…;
	// seenTopic the last topic the text named (in a claim or not), for a
	// stance with no object at all (北京表示坚决反对).
	lastTopic, seenTopic string
	// lastTopicAt, seenTopicAt are the sentences they were named in: a
	// stance that refers back reaches two sentences at most.
	lastTopicAt, seenTopicAt int
}

// Doc starts a document.
func (b *Builder) Doc(text string, date time.Time, res *resolve.Doc, explain bool) *Doc {
	return &Doc{b: b, text: text, date: date, res: res, explain: explain}
}

// Sentence turns the frames of one sentence into claims.
func (d *Doc) Sentence(s *clause.Sentence, fs []frame.Frame) {
	for i := range fs {
		f := &fs[i]
		if f.Absorbed {
			continue
		}
		out := d.res.Resolve(s, fs, i)
		if out.Holder != nil && out.Passive != nil {
			// 受到X的反对, "was condemned by X": X holds it, the subject is its target
			out.Target = out.Passive
		}
		if out.Drop != "" {
			d.drop(s, f, out.Drop)
			continue
		}
		d.build(s, f, out)
	}
}

func cueText(s *clause.Sentence, f *frame.Frame) string {
	return joinTokens(s.Tokens[f.CueStart:f.CueEnd])
}

func joinTokens(ts []token.Token) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 && !(t.Start == ts[i-1].End) {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// objectMentions are the mentions of the frame's object slot, in order.
func objectMentions(s *clause.Sentence, f *frame.Frame) []int {
	var out []int
	for k := range s.Mentions {
		m := &s.Mentions[k]
		in := m.Tok >= f.ObjStart && m.TokEnd <= f.ObjEnd
		pre := f.PreStart >= 0 && m.Tok >= f.PreStart && m.TokEnd <= f.CueStart
		if f.Fronted && m.TokEnd > s.Clauses[f.Clause-1].End {
			pre = false // 对于X，Y表示反对: X, not Y
		}
		if in || pre {
			out = append(out, k)
		}
	}
	return out
}

func (d *Doc) build(s *clause.Sentence, f *frame.Frame, out resolve.Outcome) {
	h := out.Holder
	pred := f.Rule.Predicate
	if out.Pred != "" {
		pred = out.Pred
	}
	objs := objectMentions(s, f)
	if pred == "commit" && principleCommitment(s, f) {
		pred = "support" // "our commitment to press freedom", "to Ukraine's sovereignty": a stance, not an act
	}
	if strings.HasSuffix(f.Rule.ID, ".agree.sign") {
		if ps := d.signedWith(s, objs); len(ps) > 0 {
			// "signed a memorandum with Palau": the party signed with signs too
			h = &resolve.Holder{IDs: append(slices.Clone(h.IDs), minus(ps, h.IDs)...), Speakers: h.Speakers,
				How: h.How + " + signed with " + strings.Join(ps, ", "), Tok: h.Tok}
		}
	}
	if two := d.res.Parts.IDs; d.res.Parts.Met && len(two) == 2 && len(h.IDs) == 1 && slices.Contains(two, h.IDs[0]) && sharedStance(s, f) {
		// "the Secretary reaffirmed our shared commitment to …", "discussed
		// mutual concerns about …" in a readout of a meeting of two: the
		// stance is both sides'
		h = &resolve.Holder{IDs: slices.Clone(two), Speakers: h.Speakers, How: h.How + " + the other side of the meeting (a shared stance)", Tok: h.Tok}
	}
	var targets []string
	how := ""
	var condIDs, condTopics []string
	greeted := false
	if f.Rule.Kind == "call" {
		condIDs, condTopics = d.condSubject(s, f, h.IDs)
	}
	if pred == "oppose" && refusedAct(s, f) {
		// 拒绝让记者参观, 拒绝与西藏领袖进行对话: a refusal to do something,
		// an act told, no stance (拒绝接受 still opposes)
		d.drop(s, f, "a refusal to act, told")
		return
	}
	if pred == "agree" && agreedElsewhere(s, f) {
		// "the fund, as agreed at COP27", "the road map agreed through the
		// political process": what was agreed before, told, no agreement now
		d.drop(s, f, "a past agreement named, no agreement made")
		return
	}
	if f.Rule.Kind == "hope" && thingHoped(s, f) {
		// 希望中国的疫苗可能会成功, "hopes China's economy recovers": a hope about a thing, no call on its owner
		d.drop(s, f, "a hope about a thing, asked of no one")
		return
	}
	switch {
	case out.Target != nil:
		targets, how = out.Target, "the party "+f.Rule.Kind+" names"
	case f.Rule.Kind == "call" && condIDs != nil:
		// "warned that if China supplies weapons, …": the party the condition names
		targets, how = condIDs, "the party of the condition warned about"
	case f.Rule.Kind == "hope" && wellWish(s, f):
		// 希望特朗普早日康复, "wished him a speedy recovery": a wish for a person's health, no call
		d.drop(s, f, "a wish for someone's health")
		return
	case f.Rule.Kind == "hope":
		if k := d.adjacent(s, f, objs); k >= 0 {
			targets, how = s.Mentions[k].IDs, "the party hoped of"
			if greeting(s, f) {
				pred, how, greeted = "welcome", "the party greeted", true
			}
		} else if k, apart := hopedMention(s, f); k >= 0 && apart && s.Lang == "zh" && hopedParty(&s.Mentions[k]) {
			targets, how = s.Mentions[k].IDs, "the party hoped of (希望，X能…; 希望看到X…)"
		} else if k >= 0 && s.Mentions[k].Kind == mention.AllParties {
			// "we hope that all parties will …", "expects all states to …": a
			// call on no one in particular, as "all parties should" is
			how = "all parties hoped of (we hope all parties will …): a call on no one in particular"
		} else {
			// 希望与挪威尽快达成协定, "hopes to conclude": a wish of its own,
			// which the guidelines do not count as a commitment (will, plan,
			// pledge, be willing to)
			d.drop(s, f, "a hope of the holder's own, no commitment")
			return
		}
	default:
		targets, how = d.targets(s, f, objs, h.IDs)
		if pred == "support" && len(targets) == 0 && s.Lang == "en" && recognizeVerbs[s.Tokens[f.CueStart].Lemma] && virtueOpens(s, f.ObjStart) {
			if ids := d.deedOf(s, objs, h.IDs, f.ObjStart, f.ObjStart+4); len(ids) > 0 {
				// "we recognize the courage of the Cuban people": praise of that people, a welcome
				pred, targets, how = "welcome", ids, "the party whose quality is recognised (the courage of X)"
			}
		}
		if len(targets) == 0 {
			if p := issuePlace(s, f, objs); p != "" {
				targets, how = []string{p}, "the place the issue is of (the stability of the Horn of Africa)"
			}
		}
		if len(targets) == 0 && s.Lang == "en" {
			if ids := d.includedParties(s, f, h.IDs); len(ids) > 0 {
				targets, how = ids, "the parties the object names after including or such as (the efforts of other countries, including A and B)"
			}
		}
		if len(targets) == 0 && (pred == "welcome" || pred == "support") && addressed(s, f) {
			if ids, why := d.res.Addressee(); len(minus(ids, h.IDs)) > 0 {
				targets, how = ids, why
			}
		}
	}
	if len(targets) == 0 && pred == "call_on" {
		if t := d.between(s, f); len(t) > 0 {
			targets, how = t, "the parties between whom the call is (dialogue between X and Y)"
		}
	}
	if pred == "condemn" || pred == "oppose" {
		// (对乌克兰的侵略: the state the act is against is no target)
		if t, victims := d.aggressor(s, f); t != "" && !slices.Contains(h.IDs, t) && (len(targets) == 0 || len(minus(targets, victims)) == 0) {
			targets, how = []string{t}, "whose act against the state named goes without saying (the aggression against Ukraine)"
		}
	}
	if h.Tok < 0 && how == "named right after the cue" && len(targets) > 0 && len(minus(targets, h.IDs)) == 0 &&
		(pred == "condemn" || pred == "call_on" || pred == "oppose" || pred == "concern") && d.selfNamed(s, f, objs) {
		// (…，指责中国行动迟缓 after a sentence about China): no one urges or
		// accuses itself; the holder taken from elsewhere is not the one
		d.drop(s, f, "the party the cue names is the holder taken from elsewhere: no party calls on or accuses itself")
		return
	}
	targets = minus(targets, h.IDs)
	if len(targets) > 0 && (pred == "support" || pred == "welcome") && d.counteredParty(s, f, objs, targets) {
		pred = "oppose" // "a vital interest in deterring the DPRK", 支持遏制俄罗斯: against the party acted against
	}
	if pred == "concern" && illnessTold(s, f) && slices.ContainsFunc(objs, func(k int) bool { return s.Mentions[k].Kind == mention.Person }) {
		// 对感染新冠病毒的特朗普表示很担忧: sympathy with someone ill, no position
		d.drop(s, f, "concern for a person's health")
		return
	}
	if pred == "concern" && fearOfWhatMayCome(s, f) {
		// 担心此举会导致…, 担忧局势可能恶化: a fear of what may happen, told
		// of a party, is a forecast read into it, not a concern it voiced
		// (on b1–b49 such claims were right once in 16)
		d.drop(s, f, "a fear of what may come")
		return
	}
	if len(targets) == 0 && pred == "condemn" {
		if p := d.ownOfficial(s, f, objs, h); p != "" {
			// 彭斯抨击贺锦丽, 拜登批评特朗普: a quarrel among one state's own
			// politicians is no position of that state towards anyone
			d.drop(s, f, "the one criticised is the holder's own official: a quarrel at home")
			return
		}
	}
	var topics []string
	if !greeted {
		topics = d.topics(s, f, objs) // (a greeting wishes health or prosperity: no issue)
	}
	if len(targets) == 0 && len(topics) > 0 && d.b.orgIn != nil {
		if t := d.reformedBody(s, objs); t != "" && !slices.Contains(h.IDs, t) {
			targets, how = []string{t}, "the body whose reform the object names (reform of the Security Council)"
		}
	}
	if len(targets) == 0 && len(topics) > 0 && pred == "call_on" {
		if t := minus(d.topicIn(s, objs), h.IDs); len(t) > 0 {
			targets, how = t, "the state the issue called for is in (a ceasefire in Sudan)"
		}
	}
	if len(targets) == 0 && len(topics) > 0 && (pred == "support" || pred == "commit") {
		if t := d.ownerOfTopic(s, objs, h.IDs); t != nil {
			targets, how = t, "whose good the object names (Poland's democracy)"
		}
	}
	if len(targets) == 0 && pred != "agree" && pred != "support" && pred != "welcome" {
		// 批评两国…, "the two countries" in the object: the two parties that last
		// held a claim together, else the two the text names together
		for _, k := range objs {
			m := &s.Mentions[k]
			sides := pred == "call_on" && twoSides[strings.ToLower(m.Text)] && !d.possessive(s, m)
			if m.Kind != mention.Collective || !twoStates[strings.ToLower(m.Text)] && !sides {
				continue
			}
			two := d.res.LastPlural()
			if sides {
				two = d.res.RecentPlural()
				if len(minus(two, h.IDs)) != 2 {
					two = d.res.RecentPair() // "clashes between Armenia and Azerbaijan … we urge both sides"
				}
			}
			if len(two) != 2 {
				two = d.res.Parts.IDs // the two the text names together
			}
			if len(two) == 2 && len(minus(two, h.IDs)) == 2 {
				targets, how = slices.Clone(two), "the two parties told of together before ("+m.Text+")"
			}
			break
		}
	}
	if len(targets) == 0 && (pred == "support" || pred == "commit") {
		for _, k := range objs {
			if m := &s.Mentions[k]; m.Kind == mention.Actor && len(m.IDs) > 0 && !m.Attr && kinIn(s, m) {
				targets, how = minus(d.coordinatedTargets(s, k), h.IDs), "the people of the party helped (the people of Somalia)"
				break
			}
		}
	}
	if len(targets) == 0 && pred == "commit" && s.Lang == "en" && giveVerbs[s.Tokens[f.CueStart].Lemma] {
		// "provide food, safe drinking water, sanitation and hygiene services
		// to people across Somalia": the party given to, named after a long
		// list of what is given
		if k := recipientAfter(s, f); k >= 0 && len(minus(s.Mentions[k].IDs, h.IDs)) > 0 {
			targets, how = minus(s.Mentions[k].IDs, h.IDs), "the party given to (provide … to X)"
		}
	}
	if len(topics) == 0 && len(condTopics) > 0 && slices.Equal(targets, condIDs) {
		topics = condTopics
	}
	if len(targets) == 0 && len(topics) == 0 && f.Rule.Kind == "stance" && !strings.HasSuffix(f.Rule.ID, ".accuse") && (pred == "condemn" || pred == "oppose" || pred == "concern") && saysNext(s, f) {
		topics = d.topicsAfter(s, f.ObjEnd) // 批评说，…: what the criticism says, in the clauses after
	}
	if len(targets) == 0 && s.Lang == "zh" && f.Rule.Kind == "stance" && (pred == "condemn" || pred == "oppose" || pred == "concern") && f.Clause > 0 && (d.refersBackBefore(s, f) || givenTo(s, f)) {
		// 美方宣布制裁古巴，古巴外长对此予以谴责: "this" is the act the
		// sentence's first clause told, its doer the target
		if k := sentenceDoer(s, h.IDs, f.Clause); k >= 0 {
			targets, how = slices.Clone(s.Mentions[k].IDs), "whose act the clause before told (对此)"
			if t := d.recentTopic(s); len(topics) == 0 && t != "" {
				topics = []string{t} // and what the act was about, as for any "this"
			}
		}
	}
	if len(targets) == 0 && (pred == "support" || pred == "commit" || pred == "welcome") {
		if t := bilateralPartner(s, objs, h.IDs); len(t) > 0 {
			targets, how = t, "the other side of a bilateral bond the holder names (the U.S.-Thailand alliance)"
		}
	}
	if len(targets) == 0 && len(topics) > 0 && (pred == "condemn" || pred == "oppose") && d.refersBack(s, f) {
		// 谴责此举违反国际法, "condemned this move as a violation of …": the doer of the move told before
		if t, w := d.toldBefore(h.IDs, true, true); t != nil {
			targets, how = t, w
		}
	}
	if len(targets) == 0 && len(topics) == 0 {
		back := d.refersBack(s, f) || d.refersBackBefore(s, f)
		if back {
			if t, w := d.toldBefore(h.IDs, f.Rule.Predicate != "commit" || s.Lang == "zh", f.Rule.Kind == "stance" || f.Rule.Kind == "pre" || pred == "commit"); t != nil {
				targets, how = t, w
			}
		} else if t := causedBy(s, f, h.IDs); len(t) > 0 && d.emptyObject(s, f) {
			// 土耳其派船前往争议水域，引发希腊强烈反对: the stance the act stirred is against its doer
			targets, how = t, "the doer of the act that stirred the stance (…，引发X反对)"
		} else if s.Lang == "zh" && d.res.LastActor != "" && !slices.Contains(h.IDs, d.res.LastActor) && f.Rule.Kind == "stance" &&
			(pred == "oppose" || pred == "condemn") && d.emptyObject(s, f) {
			// 日本宣布向台湾出售导弹。中方坚决反对，…: a stance with nothing after it
			// answers the act the sentence before told
			targets, how = []string{d.res.LastActor}, "whose act the sentence before told"
		}
		if t := d.recentTopic(s); back && t != "" {
			topics = []string{t}
		} else if d.emptyObject(s, f) && d.seenTopic != "" && s.Index-d.seenTopicAt <= 2 && f.Rule.Kind == "stance" && (pred == "oppose" || pred == "condemn") {
			topics = []string{d.seenTopic} // 北京表示坚决反对: what the text was speaking of
		}
		if len(targets) == 0 && len(topics) == 0 && pred == "commit" && s.Lang == "en" {
			// "impose severe costs on Russia", "will meet President Yoon": an
			// English commitment whose object maps to nothing else is towards
			// the first party it names (in Chinese news this made more wrong
			// claims than right ones)
			for _, k := range objs {
				m := &s.Mentions[k]
				against := s.Lang == "en" && m.Tok > 0 && s.Tokens[m.Tok-1].Lower == "against"
				if s.ClauseOf(m.Tok) != f.Clause || m.Venue || m.Attr && !hostileAct(s, m) && !partnerAfter(s, m) || against || d.setting(s, k, objs) ||
					m.Kind != mention.Actor && m.Kind != mention.Person || regardedAs(s, m.TokEnd, f.ObjEnd) {
					continue // (俄罗斯外交官: whose diplomats, no party acted on; 把北京视为竞争者: a view; "actions against Ukraine": whom they harm)
				}
				if t := minus(targetIDs(m), h.IDs); len(t) > 0 {
					targets, how = t, "the first party the commitment's object names"
					break
				}
			}
		}
		if len(targets) == 0 && len(topics) == 0 && !(len(h.IDs) == 2 && d.reciprocal(s, f)) {
			// (要求对方让步: each of the two calls on the other, even with nothing more known)
			if obj := d.objectWords(s, f); obj != "" {
				d.Unmapped = append(d.Unmapped, Unmapped{Predicate: pred, Rule: f.Rule.ID, Actor: strings.Join(h.IDs, ","), Object: obj,
					Start: s.Tokens[f.CueStart].Start, End: s.Tokens[max(f.CueEnd, f.ObjEnd)-1].End})
			}
			return
		}
	}
	if pred == "commit" && len(targets) == 0 && len(topics) > 0 && !slices.ContainsFunc(topics, func(t string) bool { return !d.b.principle[t] }) {
		// "we will continue to uphold the UN Charter", 将继续坚持多边主义: a
		// norm held to is supported, not a deed promised (the annotated
		// texts give such norms support 980 times, commitment 89)
		pred = "support"
	}
	if len(targets) == 0 {
		var left bool
		// "stand firm against aggression", "the need to defend itself": an
		// aggression or a defence with no party named as doing or
		// receiving it is read wrong (the party lost, or a general truth);
		// right 6 times in 86 on b1–b67, where with a party named it is
		// right more than 8 times in 10
		if topics, left = withoutTopics(topics, d.b.relational); !left {
			d.drop(s, f, "an aggression or a defence with no party named as doing or receiving it")
			return
		}
		// sanctions are imposed on someone: imposing, backing or deploring
		// them with no party named as sanctioned is read wrong (the party
		// lost, or someone else's sanctions told); right 17 times in 125 on
		// b1–b67. A call for sanctions, opposition to them and a stance
		// denied (has never supported sanctions) stand alone.
		if pred != "call_on" && pred != "oppose" && !f.Negated {
			if topics, left = withoutTopics(topics, d.b.imposed); !left {
				d.drop(s, f, "sanctions with no one named as sanctioned")
				return
			}
		}
	}
	if strings.HasSuffix(f.Rule.ID, ".accuse") && len(targets) == 0 && !(len(h.IDs) == 2 && d.reciprocal(s, f)) {
		// 指控…舞弊, "blamed others for …": an accusation states a stance
		// towards the one accused; with no one named, its topic alone is
		// none (on b1–b67 such claims were right once in 24)
		d.drop(s, f, "an accusation that names no one accused")
		return
	}
	if f.Rule.Kind == "accuse" && len(targets) == 0 && (s.Lang == "en" && s.Tokens[f.CueStart].POS != token.Verb || !unnamedWrongdoers(s, f)) {
		// "… in violation of the Charter", "violations of the law", "this
		// undermines stability": a wrong with no one named as doing it
		// denounces no one (on b1–b47 such claims were right 8 times in
		// 109); "certain countries interfere …", 有关国家粗暴干涉… still
		// denounces the ones it will not name
		d.drop(s, f, "a wrong with no one named as doing it")
		return
	}
	if f.Rule.Kind == "should" && (len(out.Target) == 0 && len(targets) == 0 && !out.AllParties || f.PreStart >= 0) {
		// "X should be respected": X is what the speaker supports, not whom it calls on
		pred = "support" // "必须在两国方案基础上实现和平": an impersonal obligation supports its aim
		if stoppedParty(s, f) && len(targets) > 0 {
			pred = "oppose" // "Israel must be stopped", "Russia must be held accountable": against the party
		}
	}
	if pred == "agree" && d.res.Parts.Speech && len(h.IDs) == 1 && h.IDs[0] == d.res.Parts.Issuer {
		// a speech has one party: "we agreed on the Pact", "we can all agree
		// that …" is agreement among the assembly, no agreement between
		// parties; what the speaker holds is support of it, and a treaty
		// it signed is its commitment
		pred = "support"
		if f.Rule.ID == "en.agree.sign" {
			pred = "commit"
		}
	}
	whens := d.whens(s, f, pred)
	if (f.Rule.Kind == "importance" || f.Rule.Kind == "pre" && pred == "support") && len(whens) > 0 {
		// "doubling X by 2030 is crucial": a target with a date is a commitment
		pred = "commit"
	}
	if pred != "commit" && pred != "agree" {
		whens = deadlines(whens)
	}
	whens = d.plausible(uniqWhens(whens))
	if len(topics) > 0 {
		d.lastTopic, d.lastTopicAt = topics[0], s.Index
	}
	if len(targets) > 0 && (!strings.Contains(targets[0], ":") || strings.HasPrefix(targets[0], "org:")) {
		d.res.LastTarget, d.res.LastTargetAt, d.res.LastTargetPred = targets[0], s.Index, pred
	}
	if pred == "commit" && len(targets) == 0 && (len(h.IDs) < 2 || s.Lang == "zh") && talksOnly(s, f) {
		// "will also discuss the impact of the war", 将讨论气候问题: what talks
		// will touch on, with no one named to hold them with, is no commitment
		// ("X and Y will discuss" names both: their talks are, but not the
		// topics of 双方将就…进行讨论, a Chinese agenda of talks)
		d.drop(s, f, "talks on an issue with no one named to hold them with")
		return
	}
	if pred == "commit" && s.Lang == "en" && itineraryStop(s, f) && !slices.ContainsFunc(targets, isStateOrPlace) {
		// "he will tour the exhibit", "will speak at the University of Miami":
		// a stop on a programme, not a commitment towards anyone
		d.drop(s, f, "a stop on a programme (visit, tour, speak at) with no state or place to go to")
		return
	}
	span, ok := d.evidence(s, f, h)
	if !ok {
		return
	}
	actors := h.IDs
	if st, ok := partyStates(h.IDs); ok {
		actors = st
		targets = minus(targets, actors) // (中共……对中国: the party is its state, not a party towards it)
	}
	counter := (pred == "support" || pred == "welcome") && countered(s, f) // (the same for every claim of the frame)
	mk := func(target, topic, when string) {
		if f.Rule.Kind == "report" && target == "" && d.b.negative[topic] {
			return // "stressed … threats, including aggression" is no support of aggression
		}
		pred := pred
		if pred == "support" && target == "" && d.b.negative[topic] && counter {
			pred = "oppose" // "supports efforts to counter terrorism", 支持打击恐怖主义: against what the topic names
		}
		if (pred == "support" || pred == "welcome") && target == "" && d.b.harm[topic] && !f.Negated && !counter {
			return // "the regime that supported terrorism", "support for terrorism", 支持侵略: someone's wrong told, not the holder's aim
		}
		c := schemas.Claim{Predicate: pred, Actors: slices.Clone(actors), Speakers: slices.Clone(h.Speakers), Evidence: span,
			Confidence: f.Rule.Confidence, Rule: f.Rule.ID, Cue: cueText(s, f), Negated: f.Negated, Intensity: f.Intensity}
		if c.Speakers == nil {
			c.Speakers = []string{}
		}
		if target != "" {
			c.Target = &target
		}
		if topic != "" {
			c.Topic = &topic
		}
		if when != "" {
			c.When = &when
		}
		if pred == "commit" {
			c.Modality = f.Rule.Modality
			if c.Modality == "" {
				c.Modality = "will"
			}
		}
		if h.Tok < 0 {
			c.Confidence *= 0.85
		}
		dr := Draft{Claim: c}
		if d.explain {
			th := how
			if target != "" {
				th = target + " (" + how + ")"
			}
			if topic != "" {
				th = strings.TrimPrefix(th+"; topic "+topic, "; ")
			}
			if when != "" {
				th += "; when " + when
			}
			dr.Why = Explanation{Rule: f.Rule.ID, Kind: f.Rule.Kind, Cue: c.Cue, Actor: h.How, Target: th, Object: d.objectWords(s, f), Negated: f.Negated}
		}
		d.Drafts = append(d.Drafts, dr)
	}
	if len(whens) == 0 {
		whens = []string{""}
	}
	if len(h.IDs) == 2 && len(targets) == 0 && d.reciprocal(s, f) {
		// 双方都指责对方…, "accused each other of …": each holds it towards the other
		topic := ""
		if len(topics) > 0 {
			topic = topics[0]
		}
		pair := slices.Clone(h.IDs)
		how = "the other of the two (对方, each other)"
		for i := range pair {
			actors = []string{pair[i]}
			mk(pair[1-i], topic, whens[0])
		}
		return
	}
	var owners map[string][]string
	if len(targets) == 0 && len(topics) > 1 && (pred == "support" || pred == "commit") {
		owners = d.goodOwners(s, objs, actors)
	}
	base := how
	for _, w := range whens {
		if len(targets) > 0 {
			topic := ""
			if len(topics) > 0 {
				topic = topics[0]
			}
			for _, t := range targets {
				mk(t, topic, w)
			}
			continue
		}
		for i, t := range topics {
			if i >= MaxTopicsPerFrame {
				break
			}
			if o := owners[t]; len(o) > 0 {
				// "supports the Charter, the territorial integrity of Ukraine": each good of the list is its owner's
				how = "whose good the object names (Poland's democracy)"
				for _, id := range o {
					mk(id, t, w)
				}
				how = base
				continue
			}
			mk("", t, w)
		}
	}
}

// goodOwners maps each good a party holds, listed in an object with other
// issues, to that party named after it with "of" (the Charter and the
// territorial integrity of Ukraine: Ukraine's, and the Charter no one's).
func (d *Doc) goodOwners(s *clause.Sentence, objs []int, holders []string) map[string][]string {
	out := map[string][]string{}
	for _, k := range objs {
		m := &s.Mentions[k]
		if m.Kind != mention.Topic || !ownedGoods[m.ID] {
			continue
		}
		if o := d.goodOf(s, m.TokEnd); o >= 0 {
			if ids := minus(targetIDs(&s.Mentions[o]), holders); len(ids) > 0 && out[m.ID] == nil {
				out[m.ID] = ids
			}
		}
	}
	return out
}

// condSubject is the party that opens a condition inside a call's object
// (a warning: "if China supplies weapons, there will be consequences").
func (d *Doc) condSubject(s *clause.Sentence, f *frame.Frame, holders []string) ([]string, []string) {
	for ci := f.Clause; ci < len(s.Clauses); ci++ {
		c := s.Clauses[ci]
		if c.Start >= f.ObjEnd && ci > f.Clause+1 || !c.Cond || c.Start < f.CueEnd && ci != f.Clause {
			continue
		}
		var ids, topics []string
		for k := range s.Mentions {
			m := &s.Mentions[k]
			if m.Tok < c.Start || m.TokEnd > c.End || m.Tok <= f.CueStart {
				continue
			}
			// the condition's subject: its first party that qualifies no noun,
			// or the one right after "if", 如果 (whatever the tagger made of its verb)
			if (m.Kind == mention.Actor || m.Kind == mention.Person) && len(m.IDs) > 0 && (!m.Attr || m.Tok <= c.Start+1) && ids == nil {
				ids = minus(m.IDs, holders)
			}
			if m.Kind == mention.Topic && ids != nil {
				topics = append(topics, m.ID) // what the party is warned against doing
			}
		}
		if len(ids) > 0 {
			return ids, uniq(topics)
		}
	}
	return nil, nil
}

// objectWords is the object slot's text, at most a dozen words.
func (d *Doc) objectWords(s *clause.Sentence, f *frame.Frame) string {
	from, to := f.ObjStart, f.ObjEnd
	if l := s.Tokens[f.CueEnd-1].Lower; f.PreStart >= 0 && !(s.Lang == "en" && f.Rule.Kind == "need" && (l == "for" || l == "to") && to > from) {
		// ("the need for X": what is needed is named after the cue)
		from, to = f.PreStart, f.CueStart
		if f.Fronted {
			to = s.Clauses[f.Clause-1].End
		}
		for to > from && (s.Tokens[to-1].Text == "表示" || s.Tokens[to-1].Text == "表达" || s.Tokens[to-1].Text == "感到") {
			to-- // 对南海局势表示关切: the light verb is no part of the object
		}
	}
	for to > from && s.Tokens[to-1].POS == token.Punct {
		to--
	}
	for from < to && (s.Tokens[from].POS == token.Punct || s.Tokens[from].POS == token.Part) {
		from++
	}
	if to-from > 12 {
		to = from + 12
	}
	if to <= from {
		return ""
	}
	return strings.TrimSpace(d.text[s.Tokens[from].Start:s.Tokens[to-1].End])
}

// evidence is the span from the subject (when it stands in the frame's
// clause) or the cue to the end of the object.
func (d *Doc) evidence(s *clause.Sentence, f *frame.Frame, h *resolve.Holder) (schemas.Span, bool) {
	c := s.Clauses[f.Clause]
	from := f.CueStart
	if f.PreStart >= 0 {
		from = max(c.Start, f.PreStart-1)
		if f.Fronted {
			from = f.PreStart - 1 // 对于…，X表示反对: from 对于
		}
	}
	if h.Tok >= c.Start && h.Tok < from {
		from = h.Tok
	}
	if f.Rule.Kind == "pre" || f.Rule.Kind == "importance" && s.Lang == "zh" {
		from = c.Start
	}
	to := max(f.ObjEnd, f.CueEnd)
	for to > from+1 && s.Tokens[to-1].POS == token.Punct && !isQuoteClose(s.Tokens[to-1].Text) {
		to--
	}
	for from < to-1 && s.Tokens[from].POS == token.Punct {
		from++
	}
	a, b := s.Tokens[from].Start, s.Tokens[to-1].End
	if b <= a {
		return schemas.Span{}, false
	}
	if short(d.text[a:b]) {
		// "挑衅”, a quoted word: the evidence is the clause that says it, or the sentence
		a, b = s.Tokens[c.Start].Start, s.Tokens[c.End-1].End
		if short(d.text[a:b]) || c.End-c.Start <= to-from {
			a, b = s.Tokens[0].Start, s.Tokens[len(s.Tokens)-1].End
		}
		a, b = trimSpan(d.text, a, b)
	}
	return schemas.Span{Text: d.text[a:b], Start: a, End: b}, true
}

// short reports evidence too short to show a claim: a word or two.
func short(t string) bool {
	t = strings.TrimSpace(t)
	if utf8.RuneCountInString(t) <= 4 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t)
	return r < 0x2E80 && !strings.Contains(t, " ") // one English word
}

// trimSpan drops the punctuation and spaces at both ends of text[a:b].
func trimSpan(text string, a, b int) (int, int) {
	for a < b {
		r, n := utf8.DecodeRuneInString(text[a:b])
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) || r == '”' || r == '」' {
			break
		}
		b -= n
	}
	return a, b
}

func isQuoteClose(t string) bool { return t == "”" || t == "」" || t == ")" || t == "）" }

// adjacent is the party right after the cue (call on X, 敦促X, hope X will):
// only determiners, adverbs and "on"/"for" may stand between.
func (d *Doc) adjacent(s *clause.Sentence, f *frame.Frame, objs []int) int {
	for _, k := range objs {
		m := &s.Mentions[k]
		if m.Tok < f.CueEnd || (m.Kind == mention.Self || m.Kind == mention.Pronoun) && s.Tokens[m.Tok].Tag == "PRP$" {
			continue // "stand with our Ghanaian partners": the possessive is no target
		}
		if m.Venue && !m.Entity && m.Kind == mention.Actor {
			continue // "the Minsk Agreements", 德国之声: a state inside another name
		}
		if m.Kind == mention.Collective && m.TokEnd+1 < len(s.Tokens) && s.Tokens[m.TokEnd].Text == "," && s.MentionAt(m.TokEnd+1) >= 0 {
			continue // "both sides, Israelis and Palestinians,": the parties in apposition
		}
		for j := f.CueEnd; j < m.Tok; j++ {
			t := &s.Tokens[j]
			if n := peopleOf(s, j, m.Tok); n > 0 {
				j += n - 1 // "the people of Ukraine", "our partners, including Poland": the party
				continue
			}
			if (t.POS == token.Adj || t.POS == token.Noun) && (f.Rule.Predicate == "welcome" || f.Rule.Predicate == "support") && j+1 < m.Tok && actOfParty(s, j+1, m.Tok) > 0 {
				continue // "the tireless efforts of", "the mediation efforts of"
			}
			if (t.POS == token.Adj || t.POS == token.Noun) && j+1 < m.Tok && peopleOf(s, j+1, m.Tok) > 0 {
				continue // "the transition governments of Mali and Guinea", "the interim authorities of"
			}
			if n := rightOfParty(s, j, m.Tok); n > 0 && f.Rule.Predicate == "support" {
				j += n - 1 // supporting "the right of Palestine to …" supports Palestine
				continue
			}
			if t.POS == token.Adj && f.Rule.Predicate == "support" && j+1 < m.Tok && rightOfParty(s, j+1, m.Tok) > 0 {
				continue // "the legitimate right of"
			}
			if n := actOfParty(s, j, m.Tok); n > 0 && (f.Rule.Predicate == "welcome" || f.Rule.Predicate == "support") {
				j += n - 1 // commending "the efforts of Ghana" commends Ghana, as "Ghana's efforts" would
				continue
			}
			switch {
			case t.POS == token.Det, t.POS == token.Adv, t.Tag == "PRP$":
			case t.Tag == "CD" && s.Lang == "en", s.Lang == "zh" && zhCount(t):
				// "sanctioning three Iranian officials", 制裁11名中港官员: the state of those acted on
			case m.Kind == mention.Person && honorific(s, j, m.Tok):
				// "thank His Excellency Mr. Dennis Francis", "congratulated Secretary Manalo"
			case m.Kind == mention.Person && m.Tok == j+1 && officeAdj[t.Lower]:
				// "urge the new Chief Executive", "the incoming President"
			case m.Kind == mention.Person && t.POS == token.Adj && j+1 < m.Tok && honorific(s, j+1, m.Tok):
				// "thank the distinguished Mr. Dennis Francis"
			case f.Rule.Predicate == "welcome" && (greetingNouns[t.Lemma] || t.Lemma == "and" && j+1 < m.Tok && greetingNouns[s.Tokens[j+1].Lemma]):
				// "extend best wishes and congratulations to"
			case peopleNouns[t.Lemma] && j+1 < m.Tok && s.Tokens[j+1].Lemma == "and":
				j++ // "the people and the government of Zambia"
			case t.Lemma == "on" || t.Lemma == "for" || t.Lemma == "upon" || t.Lemma == "that" || t.Lemma == "to" || t.Text == "了" || t.Text == "“" || t.Text == "\"" || t.Text == "``":
			case f.Rule.Kind == "call" && j == f.CueEnd && (t.Text == "与" || t.Text == "同"):
				// 呼吁与美国和平共处: a call for relations with the party names it, as dialogue with it does
			case f.Rule.Kind == "call" && j == f.CueEnd && s.Lang == "zh" && causative[t.Text]:
				// 要求限中国72小时内关闭领馆, 敦促让朝鲜重返谈判: the one made to act is called on
			default:
				return -1
			}
		}
		if m.IsParty() && m.Kind != mention.Self && m.Kind != mention.Pronoun && len(m.IDs) > 0 || privatePerson(m) {
			return k
		}
		if m.Kind == mention.Place && m.TokEnd < len(s.Tokens) && (s.Tokens[m.TokEnd].Text == "’s" || s.Tokens[m.TokEnd].Text == "'s") {
			return k // "call on Northern Ireland's leaders": the place's people
		}
		if m.Kind == mention.Collective || m.Kind == mention.AllParties {
			return -1
		}
		return -1
	}
	return -1
}

// causative words put the party after them to act (限, 令, 让): what a call
// makes that party do is still a call on it.
var causative = map[string]bool{"限": true, "令": true, "让": true, "使": true, "责令": true, "促使": true}

// peopleNouns stand for a state before "of" ("the people of Ukraine") or
// for the parties a list after them names ("our partners, including …").
var peopleNouns = map[string]bool{"people": true, "peoples": true, "citizen": true, "government": true, "nation": true, "side": true, "party": true,
	"partner": true, "ally": true, "friend": true, "regime": true, "authority": true, "leadership": true, "junta": true,
	"colleague": true, "counterpart": true, "delegation": true}

// fromNouns name people by where they come from ("my colleagues from
// Canada, Chile and Peru", "the delegation from Kenya").
var fromNouns = map[string]bool{"colleague": true, "counterpart": true, "delegation": true, "friend": true, "partner": true}

// sideNouns name the parties a list in apposition after them names ("both
// sides, Israel and the Palestinians").
var sideNouns = map[string]bool{"side": true, "party": true}

// seatNouns stand for the state whose capital follows "in" ("the regime in Minsk").
var seatNouns = map[string]bool{"government": true, "regime": true, "authority": true, "leadership": true, "junta": true}

// peopleOf returns how many tokens from j, up to the party at end, only
// stand for that party: a people noun then "of", or a people noun then
// "including", "such as", "like" (with a comma). 0: none.
func peopleOf(s *clause.Sentence, j, end int) int {
	if !peopleNouns[s.Tokens[j].Lemma] || s.Lang != "en" {
		return 0
	}
	k := j + 1
	if k+1 < end && s.Tokens[k].Lower == "and" {
		// "the people and the government of Zambia"
		n := k + 1
		for n < end && s.Tokens[n].POS == token.Det {
			n++
		}
		if n < end && peopleNouns[s.Tokens[n].Lemma] {
			k = n + 1
		}
	}
	if k < end && (s.Tokens[k].Text == "," || s.Tokens[k].Text == "–" || s.Tokens[k].Text == "—") {
		k++ // "our partners, including …", "our partners – Serbia and Kosovo –"
		if (s.Tokens[k-1].Text != "," || sideNouns[s.Tokens[j].Lemma]) && k == end {
			return k - j // also "both sides, Israelis and Palestinians,"
		}
	}
	switch {
	case k < end && (s.Tokens[k].Lower == "of" || s.Tokens[k].Lower == "including" || s.Tokens[k].Lower == "like" || s.Tokens[k].Lower == "in" && seatNouns[s.Tokens[j].Lemma] || s.Tokens[k].Lower == "from" && fromNouns[s.Tokens[j].Lemma]):
		k++
	case k+1 < end && s.Tokens[k].Lower == "such" && s.Tokens[k+1].Lower == "as":
		k += 2
	default:
		return 0
	}
	for k < end && s.Tokens[k].POS == token.Det {
		k++
	}
	if k != end {
		return 0
	}
	return k - j
}

// actOfParty returns how many tokens from j, up to the party at end, name
// an act of that party: an act noun then "of" or "by", or a participle and
// "by" ("the efforts of", "the leadership of", "efforts by the UN", "the
// role played by"). 0: none.
func actOfParty(s *clause.Sentence, j, end int) int {
	if s.Lang != "en" || !actNouns[s.Tokens[j].Lemma] || j+1 >= end {
		return 0
	}
	k := j + 1
	if s.Tokens[k].Tag == "VBN" && k+1 < end && s.Tokens[k+1].Lower == "by" {
		k++ // "the efforts made by", "the role played by"
	}
	if s.Tokens[k].Lower != "of" && s.Tokens[k].Lower != "by" {
		return 0
	}
	k++
	for k < end && (s.Tokens[k].POS == token.Det || s.Tokens[k].Tag == "PRP$") {
		k++ // "the efforts of our Turkish allies"
	}
	if k != end {
		return 0
	}
	return k - j
}

// rightOfParty is actOfParty for a right: "the right(s) of [the] X", which
// names whose right it is.
func rightOfParty(s *clause.Sentence, j, end int) int {
	if s.Lang != "en" || s.Tokens[j].Lemma != "right" || j+1 >= end || s.Tokens[j+1].Lower != "of" {
		return 0
	}
	k := j + 2
	for k < end && (s.Tokens[k].POS == token.Det || s.Tokens[k].Tag == "PRP$") {
		k++
	}
	if k != end {
		return 0
	}
	return k - j
}

// withoutTopics removes the topics of a class from a claim's topics; left
// is false when the claim had some and none is left.
func withoutTopics(topics []string, class map[string]bool) (rest []string, left bool) {
	if !slices.ContainsFunc(topics, func(t string) bool { return class[t] }) {
		return topics, true
	}
	rest = slices.DeleteFunc(slices.Clone(topics), func(t string) bool { return class[t] })
	return rest, len(rest) > 0
}

// bilateralPartner finds, in an English object, a bond the holder's party
// forms with another, written as a compound before a word for the bond
// ("the U.S.-Thailand alliance", "strong U.S.-Israel relations"): the other
// side, or nil.
func bilateralPartner(s *clause.Sentence, objs []int, holders []string) []string {
	if s.Lang != "en" {
		return nil
	}
	for _, k := range objs {
		a := &s.Mentions[k]
		if a.TokEnd+1 >= len(s.Tokens) || s.Tokens[a.TokEnd].Text != "-" && s.Tokens[a.TokEnd].Text != "–" {
			continue
		}
		for _, j := range objs {
			b := &s.Mentions[j]
			if b.Tok != a.TokEnd+1 || !bondAfter(s, b.TokEnd) {
				continue
			}
			switch {
			case len(a.IDs) > 0 && resolve.SameSet(a.IDs, holders) && len(minus(b.IDs, holders)) > 0:
				return minus(b.IDs, holders)
			case len(b.IDs) > 0 && resolve.SameSet(b.IDs, holders) && len(minus(a.IDs, holders)) > 0:
				return minus(a.IDs, holders) // (a bond between two others, "Israeli-Palestinian relations", is neither)
			}
		}
	}
	return nil
}

// bondAfter reports a word for a bond at token i, past up to three
// qualifiers ("Comprehensive and Global Strategic Partnership").
func bondAfter(s *clause.Sentence, i int) bool {
	for n := 0; i < len(s.Tokens) && n <= 3; i, n = i+1, n+1 {
		if w := strings.ToLower(s.Tokens[i].Text); bondWords[w] || bondWords[s.Tokens[i].Lemma] {
			// a capitalised bond before "for" is a body's name (the U.S.-India
			// Alliance for Women's Economic Empowerment), not the bond
			named := w != s.Tokens[i].Text && i+1 < len(s.Tokens) && s.Tokens[i+1].Lower == "for"
			return !named
		}
		if t := s.Tokens[i]; t.POS != token.Adj && t.Lower != "and" && t.POS != token.Propn {
			return false
		}
	}
	return false
}

var bondWords = map[string]bool{"alliance": true, "relationship": true, "relation": true, "relations": true, "partnership": true, "tie": true, "ties": true, "friendship": true, "bond": true, "bonds": true}

// partnerAfter reports a demonym before a word for a partner: "our Saudi
// partners", "our Afghan allies" name the party itself.
func partnerAfter(s *clause.Sentence, m *mention.Mention) bool {
	return s.Lang == "en" && m.TokEnd < len(s.Tokens) && partnerWords[s.Tokens[m.TokEnd].Lemma]
}

var partnerWords = map[string]bool{"partner": true, "ally": true, "friend": true, "counterpart": true, "colleague": true}

// measures are the topics a party takes against another: the party they
// are on is the target (unlike an act's victim, "aggression against X").
var measures = map[string]bool{"topic:sanctions": true, "topic:export-controls": true, "topic:tariffs": true}

// wordBefore is the token before token i past determiners and adjectives
// ("against the Ukrainian people": against), or -1.
func wordBefore(s *clause.Sentence, i int) int {
	k := i - 1
	for k >= 0 && (s.Tokens[k].POS == token.Det || s.Tokens[k].POS == token.Adj) {
		k--
	}
	return k
}

// measureIn is the token of the first sanction, tariff or export control
// an object names, or -1.
func measureIn(s *clause.Sentence, objs []int) int {
	for _, k := range objs {
		if m := &s.Mentions[k]; m.Kind == mention.Topic && measures[m.ID] {
			return m.Tok
		}
	}
	return -1
}

// measurePrep reports "on", "against" or "targeting" before token i,
// through determiners and adjectives ("pressure on the Russian economy").
func measurePrep(s *clause.Sentence, i int) bool {
	k := wordBefore(s, i)
	if k < 0 {
		return false
	}
	switch s.Tokens[k].Lower {
	case "on", "against", "targeting", "target", "targets", "upon":
		return true
	}
	return false
}

// zhCount reports a Chinese count before a noun (11名, 3家, 多个).
func zhCount(t *token.Token) bool {
	if t.POS == token.Num {
		return true
	}
	r := []rune(t.Text)
	if len(r) == 1 {
		return strings.ContainsRune("名家个位艘架批", r[0]) // (after its number: 11 名)
	}
	switch r[len(r)-1] {
	case '名', '家', '个', '位', '艘', '架', '批':
		return unicode.IsDigit(r[0]) || strings.ContainsRune("一二三四五六七八九十两几多数", r[0])
	}
	return false
}

// afterDui reports 对 before token i, with at most a count between (对14名
// 中国官员, 对多家美国企业).
func afterDui(s *clause.Sentence, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		t := s.Tokens[k].Text
		if t == "对" || t == "对于" {
			return true
		}
		if t == "的" {
			// 对在涉港问题上表现恶劣的11名美方人员: a modifier between
			for j := k - 1; j >= 0 && j >= k-15; j-- {
				switch s.Tokens[j].Text {
				case "对", "对于":
					return true
				case "，", ",", "。", "；":
					return false
				}
			}
			return false
		}
		if !(zhCount(&s.Tokens[k]) || t == "多" || t == "数" || t == "名" || t == "家") {
			return false
		}
	}
	return false
}

// coordinatedTargets is the parties of mention k and those coordinated
// with it after it ("urge Israel and Hamas", 呼吁以色列和哈马斯).
func (d *Doc) coordinatedTargets(s *clause.Sentence, k int) []string {
	out := slices.Clone(targetIDs(&s.Mentions[k]))
	prev := k
	for j := k + 1; j < len(s.Mentions); j++ {
		p := &s.Mentions[j]
		if (p.Kind != mention.Actor && p.Kind != mention.Person) || len(targetIDs(p)) == 0 || p.Venue || p.Attr && !zhListEnd(s, p) {
			break
		}
		gap := strings.TrimSpace(strings.TrimSuffix(strings.ToLower(gapText(s, s.Mentions[prev].TokEnd, p.Tok)), " the"))
		switch gap {
		case "and", "和", "与", "及", "、", ",", ", and", "以及", "as well as", "and the", "or", "或":
		default:
			return uniq(out)
		}
		out = append(out, targetIDs(p)...)
		prev = j
	}
	return uniq(out)
}

// zhListEnd reports the last state of a Chinese list that the segmenter
// made a modifier of the word after it (指责波兰和立陶宛策划…), not a
// people or group named after the state (亚美尼亚族分离主义者).
func zhListEnd(s *clause.Sentence, p *mention.Mention) bool {
	if s.Lang != "zh" || p.TokEnd >= len(s.Tokens) {
		return false
	}
	t := &s.Tokens[p.TokEnd]
	return t.Tag != "ng" && t.POS != token.Other && utf8.RuneCountInString(t.Text) >= 2
}

// towards reports the words between the party after 对 (ending at token
// from) and a Chinese cue at token cue as leaving the stance directed at
// the party: no verb but a light one (对台湾的支持, 对X表示支持) — not the
// party's own act (对美国要求…作出回应: the US demands), nor a 对 that
// governs another verb (对中国更强硬并不代表…去支持).
func towards(s *clause.Sentence, from, cue int) bool {
	if from >= cue || s.Tokens[cue].Text == "要求" {
		return false // 对欧盟的要求: the EU's demands, or those made of it
	}
	for k := from; k < cue; k++ {
		if s.Tokens[k].POS == token.Verb && !zhLightVerbs[s.Tokens[k].Text] && !modifierVerb(s, k, cue) {
			return false
		}
	}
	return true
}

// modifierVerb reports a verb at token k inside a modifier that a 的
// before the cue closes (对法国在反恐上的努力的支持: 反恐 names the efforts).
func modifierVerb(s *clause.Sentence, k, cue int) bool {
	for j := k + 1; j < cue; j++ {
		if s.Tokens[j].Text == "的" {
			return true
		}
	}
	return false
}

// zhLightVerbs carry a stance noun towards the party after 对.
var zhLightVerbs = map[string]bool{"表示": true, "表达": true, "发出": true, "给予": true, "提出": true, "予以": true, "作出": true,
	"做出": true, "进行": true, "重申": true, "展现": true, "显示": true, "提供": true}

// privatePerson reports a person who speaks for no state the text names:
// as a target, the person is the entity; an official stands for their state.
func privatePerson(m *mention.Mention) bool { return m.Private() }

// officeAdj are adjectives of a holder's time in office, which may stand
// between a cue and the title it names ("the new Chief Executive").
var officeAdj = map[string]bool{"new": true, "incoming": true, "next": true, "current": true, "interim": true, "newly-elected": true}

// targetIDs is what a party mention names as a target.
func targetIDs(m *mention.Mention) []string {
	if privatePerson(m) {
		return []string{m.Person}
	}
	return m.IDs
}

// targets picks a claim's targets by the rule's target mode.
func (d *Doc) targets(s *clause.Sentence, f *frame.Frame, objs []int, holders []string) ([]string, string) {
	var out []string
	if f.Doer >= 0 && f.PreStart >= 0 {
		// 俄罗斯对中方的支持: what the noun's stance is towards follows 对
		for _, k := range objs {
			if m := &s.Mentions[k]; m.Tok >= f.PreStart && m.TokEnd <= f.CueStart && isParty(m) && len(minus(m.IDs, holders)) > 0 {
				return d.coordinatedTargets(s, k), "what the stance the noun names is towards (对…)"
			}
		}
	}
	if f.Rule.Predicate == "welcome" && (f.Rule.Target == "none" || s.Lang == "zh" && f.About) {
		// 欢迎美国总统的访问, "welcomed Qatar's decision", 对越南的经济成就表示赞赏:
		// the party whose act or deed is welcomed
		from, to := f.ObjStart, f.ObjStart+4
		if f.About && f.PreStart >= 0 {
			from, to = f.PreStart, f.CueStart // 对…的访问表示欢迎
		}
		if ids := d.deedOf(s, objs, holders, from, to); ids != nil {
			return ids, "the party whose act is welcomed"
		}
	}
	switch f.Rule.Target {
	case "adjacent":
		if s.Lang == "zh" && s.Tokens[f.CueStart].Text == "站在" && f.CueEnd < len(s.Tokens) && s.Tokens[f.CueEnd].Text == "一起" {
			// 与乌克兰站在一起: the party stood with is before the cue, after 与, 同, 和
			for k := range s.Mentions {
				m := &s.Mentions[k]
				end := m.TokEnd
				if end < f.CueStart && resolve.StatePeople[s.Tokens[end].Text] {
					end++ // 与乌克兰人民站在一起
				}
				if isParty(m) && end == f.CueStart && m.Tok > 0 {
					switch s.Tokens[m.Tok-1].Text {
					case "与", "同", "和", "跟":
						return m.IDs, "the party stood with"
					}
				}
			}
		}
		if f.Rule.Kind == "advance" && speakTo[s.Tokens[f.CueStart].Lemma] {
			break // "address the General Assembly", "counter China": no support of a party
		}
		if s.Lang == "zh" && f.About && f.PreStart >= 0 && f.PreStart < f.CueStart {
			// 对法国在反恐上的努力表示支持, 表达了对乌克兰的支持: the party right after 对
			if k := s.MentionAt(f.PreStart); k >= 0 && s.Mentions[k].Tok == f.PreStart && slices.Contains(objs, k) {
				if m := &s.Mentions[k]; isParty(m) && !m.Attr && len(minus(m.IDs, holders)) > 0 && towards(s, m.TokEnd, f.CueStart) {
					return d.coordinatedTargets(s, k), "the party 对 names"
				}
			}
		}
		if k := d.adjacent(s, f, objs); k >= 0 {
			m := &s.Mentions[k]
			if d.actOf(s, f, m, objs) {
				return nil, ""
			}
			if m.Kind == mention.Place {
				return []string{m.ID}, "the place whose people the cue names"
			}
			if f.Rule.Predicate == "welcome" && m.Kind == mention.Person && m.Person != "" && s.Lang == "en" && m.Role != "head-of-state" && m.Role != "head-of-government" {
				// not the state the person serves; a head of state or government stands for it
				if m.TokEnd+1 < len(s.Tokens) && s.Tokens[m.TokEnd].Lower == "for" && !ownDeed[s.Tokens[m.TokEnd+1].Lower] {
					// "thanked Minister Al-Thani for the role Qatar has played", "for
					// the EU's commitment": the party whose deed the thanks are for
					if ids := d.deedOf(s, objs, holders, m.TokEnd+1, m.TokEnd+5); len(ids) > 0 && !slices.Contains(ids, m.Person) {
						return ids, "the party whose deed the person is thanked for"
					}
				}
				return []string{m.Person}, "the person thanked or congratulated"
			}
			return d.coordinatedTargets(s, k), "named right after the cue"
		}
		if f.Rule.Predicate == "welcome" && s.Lang == "en" {
			// "applaud the reforms that Angola is pursuing": no one named
			// right after the cue, the party whose deed is praised
			if ids := d.deedOf(s, objs, holders, f.ObjStart, f.ObjStart+4); ids != nil {
				return ids, "the party whose act is welcomed"
			}
		}
		if strings.HasSuffix(f.Rule.ID, ".accuse") {
			// 指控毒杀事件是由俄罗斯策划的, "accused … of being carried out by Russia": the doer named
			for _, k := range objs {
				m := &s.Mentions[k]
				if m.Tok > f.ObjStart && isParty(m) && !m.Attr {
					switch s.Tokens[m.Tok-1].Lower {
					case "由", "被", "by":
						return d.coordinatedTargets(s, k), "the doer the accusation names (由…)"
					}
				}
			}
		}
		if f.Rule.Predicate == "support" && f.Rule.Kind == "stance" {
			// "supports dialogue with Seoul", 重视与印度的关系: relations, dialogue
			// or cooperation with a party, or aid to it, make it the target
			for _, k := range objs {
				m := &s.Mentions[k]
				if m.Tok < f.ObjStart {
					continue // (向英国寻求支持: whom support is sought from)
				}
				if m.Tok > f.ObjStart+12 || s.ClauseOf(m.Tok) != f.Clause {
					break // (far into the object, the party is some other act's)
				}
				if s.Lang == "zh" && !zhPartner(s, m, f.ObjEnd) && !paired(s, m) {
					continue // (对中国的强硬政策, 与中国抗衡: no relations with it; 中美关系 is)
				}
				if isParty(m) && !d.setting(s, k, objs) && len(minus(m.IDs, holders)) > 0 && d.related(s, k) && !wrongdoer(s, m) && !d.victim(s, m) {
					out = append(out, d.coordinatedTargets(s, k)...)
				}
			}
			if len(out) > 0 {
				return uniq(out), "the partner or recipient the object names (dialogue with X, aid to X)"
			}
		}
	case "object":
		for _, k := range objs {
			m := &s.Mentions[k]
			if f.Rule.Predicate == "concern" && m.Venue && m.Kind == mention.Actor && len(m.IDs) > 0 && placeItIsAbout(s, m) && len(minus(m.IDs, holders)) > 0 {
				return m.IDs, "the place the situation is in (the conflict in Sudan is of concern)"
			}
			// "condemn Russian aggression", 反对美方制裁: the state behind the act is the target
			kin := f.Rule.Predicate == "support" && kinIn(s, m)
			if !kin && (d.setting(s, k, objs) || m.Attr && !d.possessive(s, m) && f.Rule.Predicate == "welcome" || d.victim(s, m)) {
				continue
			}
			if (f.Rule.Predicate == "condemn" || f.Rule.Predicate == "oppose") && undergoesAct(s, m) {
				continue // "condemn the blockade of Cuba", "the detention of Chile's journalists": Cuba suffers it
			}
			if (isParty(m) || kin && len(m.IDs) > 0) && len(minus(m.IDs, holders)) > 0 {
				if d.actOf(s, f, m, objs) {
					return nil, ""
				}
				if kin {
					return d.coordinatedTargets(s, k), "the peoples named (our brothers and sisters in …)"
				}
				if len(m.IDs) > 1 && slices.Contains(holders, "CHN") && slices.Contains(m.IDs, "TWN") {
					// 反对美台官方往来: to China, Taiwan is no party to relations; the other state is
					return minus(m.IDs, []string{"TWN"}), "first party in the object (Taiwan no party to China)"
				}
				if t := d.coordinatedTargets(s, k); len(t) > len(m.IDs) {
					return minus(t, holders), "the parties named together first in the object"
				}
				return m.IDs, "first party in the object"
			}
			if m.Kind == mention.Place && f.Rule.Predicate != "condemn" && f.Rule.Predicate != "oppose" && f.Rule.Predicate != "agree" {
				if s.Lang == "en" && m.TokEnd < len(s.Tokens) && s.Tokens[m.TokEnd].POS == token.Noun && partyAfter(s, m, objs, holders) {
					continue // "the Euro-Atlantic aspirations of Ukraine": the place describes what the party named after has
				}
				return []string{m.ID}, "first place in the object"
			}
			against := f.Rule.Predicate == "condemn" || f.Rule.Predicate == "oppose"
			if privatePerson(m) && !d.setting(s, k, objs) && !slices.Contains(holders, m.Person) && (!against || m.Tok == f.ObjStart) {
				// (谴责对黎智英的判决: the person the verdict is on is no one condemned)
				return d.coordinatedTargets(s, k), "a person who speaks for no state (释放黄之锋, condemn the activist)"
			}
		}
	case "all":
		owner := false // the first party named owns what the object tells ("China's alignment with Russia")
		doerVerb := -1 // 对中国采用新规则取消香港议员资格表示关切: the verb of the party that does what the object tells
		for _, k := range objs {
			m := &s.Mentions[k]
			if d.setting(s, k, objs) || m.Venue && !placeItIsAbout(s, m) {
				continue // "concern about China's human-rights violations": China is what it is about
			}
			if doerVerb >= 0 && m.Tok > doerVerb && s.Tokens[m.Tok-1].Text != "的" {
				continue // what the doer's act is on or where, not what the stance is about (中国加强活动的南海局势: the act describes the sea)
			}
			if len(out) > 0 && harmed(s, m) {
				continue // "concern over Russia's attacks on Ukraine": the doer named first, not whom it harms
			}
			if owner && !d.possessive(s, m) {
				continue // "concern about China's alignment with Russia", "Saied's calls to dissolve the Council": the owner's act
			}
			if len(out) == 0 && s.Lang == "en" && d.possessive(s, m) && isParty(m) {
				owner = true
			}
			if m.Kind == mention.Place {
				out = append(out, m.ID)
			} else if privatePerson(m) {
				out = append(out, m.Person)
			} else if isParty(m) || m.Venue && m.Kind == mention.Actor && len(m.IDs) > 0 {
				out = append(out, m.IDs...) // a venue here is the place it is about (kept above)
				if s.Lang == "zh" && m.Kind == mention.Actor && doerVerb < 0 {
					doerVerb = verbAfterDoer(s, m.TokEnd)
				}
			}
		}
		return uniq(out), "named in the object"
	case "relation":
		direct := d.adjacent(s, f, objs)
		if direct < 0 {
			direct = d.actedOn(s, f)
		}
		if direct >= 0 && compared(s, &s.Mentions[direct]) {
			direct = -1
		}
		if direct >= 0 {
			out = append(out, d.coordinatedTargets(s, direct)...) // 制裁俄罗斯, deploy to X: the direct object
		}
		for _, k := range objs {
			m := &s.Mentions[k]
			if !(isParty(m) || m.Kind == mention.Place) || d.setting(s, k, objs) {
				continue
			}
			if d.related(s, k) {
				if m.Kind == mention.Place {
					out = append(out, m.ID)
				} else {
					out = append(out, d.coordinatedTargets(s, k)...) // "with Chile, Peru and Ecuador"
				}
			}
		}
		// "impose new sanctions on Russia": the party a measure is on
		for _, k := range objs {
			m := &s.Mentions[k]
			if !isParty(m) && !privatePerson(m) || m.Tok < 2 || direct >= 0 {
				continue
			}
			if l := s.Tokens[m.Tok-1].Lemma; (l == "on" || l == "against") && s.MentionAt(m.Tok-2) >= 0 && measures[s.Mentions[s.MentionAt(m.Tok-2)].ID] {
				out = append(out, targetIDs(m)...)
			}
		}
		if s.Lang == "en" && direct < 0 && len(out) == 0 {
			// "imposing sanctions on entities including Russia's largest
			// conglomerate", "sanctions on the DPRK", "pressure on Russia through
			// sanctions": the party a measure is on, after "on", "against",
			// "targeting" or after the measure itself
			if at := measureIn(s, objs); at >= 0 {
				for _, k := range objs {
					m := &s.Mentions[k]
					if m.Kind != mention.Actor && m.Kind != mention.Person || len(targetIDs(m)) == 0 || m.Venue || len(minus(targetIDs(m), holders)) == 0 || d.setting(s, k, objs) {
						continue
					}
					if m.Tok > at || measurePrep(s, m.Tok) {
						out = append(out, minus(targetIDs(m), holders)...)
						break
					}
				}
			}
		}
		if s.Lang == "zh" && direct < 0 {
			// 对14名中国官员实施制裁, 对美国加征关税: the party a measure is on follows 对
			for i, k := range objs {
				m := &s.Mentions[k]
				if !isParty(m) && !privatePerson(m) || !afterDui(s, m.Tok) {
					continue
				}
				for _, k2 := range objs[i+1:] {
					if n := &s.Mentions[k2]; n.Kind == mention.Topic && measures[n.ID] && s.ClauseOf(n.Tok) == s.ClauseOf(m.Tok) {
						out = append(out, targetIDs(m)...)
						break
					}
				}
				break
			}
		}
		if s.Lang == "zh" {
			// 同美方加强对话: the partner stands before the verb, after 同, 与
			for k := range s.Mentions {
				m := &s.Mentions[k]
				if isParty(m) && m.TokEnd <= f.CueStart && m.TokEnd >= f.CueStart-2 && m.Tok > s.Clauses[f.Clause].Start && d.related(s, k) {
					out = append(out, m.IDs...)
				}
			}
		}
		return uniq(out), "with, to or between the party"
	case "none":
		// "the importance of U.S.-Chile collaboration", "the urgency of
		// assistance to Sudan": the partner or recipient of what is stressed
		// or needed is the target, as cooperation with a party makes it one
		// (a purpose or a welcomed development keeps its partners out)
		if f.Rule.Kind != "importance" && f.Rule.Kind != "need" && f.Rule.Kind != "purpose" {
			break
		}
		for _, k := range objs {
			m := &s.Mentions[k]
			if f.Rule.Kind == "purpose" && !paired(s, m) {
				continue // "to deepen U.S.-Laos cooperation" aims at the pair; "to uphold peace with X" does not
			}
			if isParty(m) && !d.setting(s, k, objs) && len(minus(m.IDs, holders)) > 0 && d.related(s, k) && !wrongdoer(s, m) {
				out = append(out, d.coordinatedTargets(s, k)...)
			}
		}
		return uniq(out), "the partner or recipient the object names (cooperation with X, aid to X)"
	case "before":
		for k := len(s.Mentions) - 1; k >= 0; k-- {
			m := &s.Mentions[k]
			if m.TokEnd <= f.CueStart && m.TokEnd >= f.CueStart-2 && isParty(m) {
				return m.IDs, "the party right before the cue"
			}
		}
	}
	return out, ""
}

// fearOfWhatMayCome reports a Chinese cue of worry (担心, 担忧, 忧心)
// whose object says what may or will happen (会, 可能, 将, 恐), told of a
// party rather than voiced by it (in the first person, or quoted).
func fearOfWhatMayCome(s *clause.Sentence, f *frame.Frame) bool {
	if s.Lang != "zh" {
		return false
	}
	switch s.Tokens[f.CueStart].Text {
	case "担心", "担忧", "忧心":
	default:
		return false
	}
	if s.QuoteOf(f.CueStart) >= 0 {
		return false // voiced in the party's own words
	}
	for k := s.Clauses[f.Clause].Start; k < f.CueStart; k++ {
		if t := s.Tokens[k].Text; t == "我们" || t == "我" || t == "我方" {
			return false // 我们担心中国会…: a concern voiced in the first person
		}
	}
	for k := f.CueEnd; k < f.ObjEnd && k < f.CueEnd+12; k++ {
		switch s.Tokens[k].Text {
		case "会", "可能", "将", "恐", "将会", "可能会", "或将", "恐怕", "恐将":
			return true
		}
	}
	return false
}

// issuePlace returns the place an English object's issue is of ("the
// stability of the Horn of Africa", "the recovery of Africa"),
// the target when the rule's own mode found none; a condemnation is of
// the doer, a welcome of the act.
func issuePlace(s *clause.Sentence, f *frame.Frame, objs []int) string {
	switch f.Rule.Predicate {
	case "condemn", "oppose", "welcome", "agree":
		return "" // (what the parties agree on stays their topic)
	}
	for _, k := range objs {
		if m := &s.Mentions[k]; m.Kind == mention.Place && topicOf(s, m) && s.ClauseOf(m.Tok) == f.Clause {
			return m.ID
		}
	}
	return ""
}

// includedParties are the parties an English welcome or support names as
// examples of what its object speaks of in general
// ("appreciate the efforts of other countries, including France and
// Turkey", "thank the countries of the region, such as Jordan"): no party
// is named before the list in the object.
func (d *Doc) includedParties(s *clause.Sentence, f *frame.Frame, holders []string) []string {
	if f.Rule.Predicate != "welcome" && !(f.Rule.Predicate == "support" && f.Rule.Kind == "stance") && !(f.Rule.Predicate == "call_on" && allPartiesFirst(s, f)) {
		return nil // (a condemnation's, a concern's examples are as often the victims: "aggression against countries, including Ukraine")
	}
	end := min(f.ObjEnd, len(s.Tokens))
	if open := end - 1; end < len(s.Tokens) && dashes[s.Tokens[end].Text] || open > f.ObjStart && dashes[s.Tokens[open].Text] {
		// "all parties – including Iran – to …": the dashes enclose part of the object
		for k := end + 1; k < len(s.Tokens) && k <= end+12; k++ {
			if dashes[s.Tokens[k].Text] {
				end = k
				break
			}
		}
	}
	for k := f.ObjStart; k >= 0 && k < end && k < f.ObjStart+10; k++ {
		if j := s.MentionAt(k); j >= 0 && s.Mentions[j].Tok == k && isParty(&s.Mentions[j]) && len(minus(s.Mentions[j].IDs, holders)) > 0 {
			return nil // a party named first is the object's own (the efforts of Qatar, including …)
		}
		at := -1
		switch s.Tokens[k].Lower {
		case "including", "especially", "notably", "particularly":
			at = k + 1
		case "such", "like":
			if s.Tokens[k].Lower == "like" && k > 0 && s.Tokens[k-1].POS == token.Noun || s.Tokens[k].Lower == "such" && k+1 < end && s.Tokens[k+1].Lower == "as" {
				at = k + 1
				if s.Tokens[k].Lower == "such" {
					at = k + 2
				}
			}
		}
		if at < 0 || k == f.ObjStart {
			continue
		}
		if at < end && s.Tokens[at].Lower == "the" {
			at++
		}
		if j := s.MentionAt(at); j >= 0 && s.Mentions[j].Tok == at && isParty(&s.Mentions[j]) && !s.Mentions[j].Attr && !nameModifies(s, &s.Mentions[j]) {
			if ids := minus(d.coordinatedTargets(s, j), holders); len(ids) > 0 {
				return ids
			}
		}
		return nil
	}
	return nil
}

// dashes set off a parenthesis.
var dashes = map[string]bool{"–": true, "—": true, "--": true}

// allPartiesFirst reports a call whose object opens with all parties
// ("calls on all parties, especially Syria, to …", "urged all sides –
// including Iran – to …"): the parties it then names are those called on.
func allPartiesFirst(s *clause.Sentence, f *frame.Frame) bool {
	for k := f.ObjStart; k >= 0 && k < f.ObjEnd && k < len(s.Tokens) && k <= f.ObjStart+2; k++ {
		if j := s.MentionAt(k); j >= 0 {
			return s.Mentions[j].Kind == mention.AllParties
		}
	}
	return false
}

// nameModifies reports an English name followed by a noun it qualifies
// ("the ASEAN Comprehensive Recovery Framework", "the Houthi terrorist
// militia", "Venezuela's regime").
func nameModifies(s *clause.Sentence, m *mention.Mention) bool {
	if m.TokEnd >= len(s.Tokens) {
		return false
	}
	t := &s.Tokens[m.TokEnd]
	return t.POS == token.Noun || t.POS == token.Propn || t.POS == token.Adj || t.Text == "'s" || t.Text == "’s"
}

// talksOnly reports a plain future ("will", 将) whose act is a verb of
// talks (discuss, meet with, engage, 讨论, 会谈): the first verb from the
// cue on. A readiness to talk ("willing to engage in dialogue") is a
// commitment of its own, and "meet a target" no talks.
func talksOnly(s *clause.Sentence, f *frame.Frame) bool {
	if !strings.HasSuffix(f.Rule.ID, ".commit.will") {
		return false
	}
	if s.Lang == "zh" && f.CueEnd < len(s.Tokens) {
		// 双方将就X问题进行讨论, 将围绕X举行会谈, 将讨论…: talks and what they are on
		switch t := s.Tokens[f.CueEnd].Text; {
		case talkVerbs[t]:
			return true // 将讨论如何应对…
		case t == "就" || t == "围绕" || t == "针对":
			for k := f.CueEnd + 1; k < s.Clauses[f.Clause].End; k++ {
				if talkVerbs[s.Tokens[k].Text] {
					return true
				}
			}
		}
		return false
	}
	for k := f.CueStart; k < len(s.Tokens) && k < f.CueEnd+3; k++ {
		t := &s.Tokens[k]
		if t.POS != token.Verb || t.Lemma == "will" || t.Lemma == "be" || t.Text == "将" || t.Text == "会" {
			continue
		}
		if t.Lemma == "meet" {
			return k+1 < len(s.Tokens) && s.Tokens[k+1].Lower == "with"
		}
		return talkVerbs[t.Lemma]
	}
	return false
}

var talkVerbs = map[string]bool{"discuss": true, "meet": true, "engage": true, "talk": true, "consult": true,
	"讨论": true, "会谈": true, "会晤": true, "磋商": true, "商讨": true, "探讨": true, "交换意见": true}

// addressed reports an English object that opens on "you" or "your", or
// on a thing "you" do ("thank you for your leadership", "support your
// efforts", "the work that you're doing"), and says more than a courtesy
// ("thank you", "thank you all", "thank you very much").
func addressed(s *clause.Sentence, f *frame.Frame) bool {
	if s.Lang != "en" || f.ObjStart < 0 {
		return false
	}
	for k := s.Clauses[f.Clause].Start; k < f.CueStart; k++ {
		if s.Tokens[k].Lower == "you" {
			return false // "as you celebrate your National Day": "you" act, no one addresses them
		}
	}
	end := min(f.ObjEnd, len(s.Tokens))
	for k := f.ObjStart; k < end && k < f.ObjStart+5; k++ {
		switch s.Tokens[k].Lower {
		case "you", "your":
			rest := 0
			for j := k + 1; j < end; j++ {
				if s.Tokens[j].Lower == "for" && j+2 < len(s.Tokens) && (s.Tokens[j+2].Lemma == "question" || s.Tokens[j+1].Lower == "asking") {
					return false // "thank you for your question": a journalist is thanked
				}
				switch s.Tokens[j].Lower {
				case "all", "very", "much", "so", "everyone", "again", "both", ",", ".", "!":
				default:
					rest++
				}
			}
			return rest > 0
		case ",", ";", ":", "and", "or":
			return false
		}
	}
	return false
}

// regardedAs reports 视为, 看作, 当作 or "as" right after a party (把北京视为
// 竞争者, "treat China as a rival"): a view of it, no act towards it.
func regardedAs(s *clause.Sentence, from, end int) bool {
	for k := from; k < end && k < from+2; k++ {
		switch s.Tokens[k].Lower {
		case "视为", "看作", "当作", "视作", "as":
			return true
		}
	}
	return false
}

// thingHoped reports a hope whose object opens with a party's possessive
// (中国的疫苗, "China's economy"): the hope is about that thing, which no
// one is called on to do.
func thingHoped(s *clause.Sentence, f *frame.Frame) bool {
	k := s.MentionAt(f.CueEnd)
	if k < 0 || !s.Mentions[k].IsParty() {
		return false
	}
	e := s.Mentions[k].TokEnd
	if e+1 >= len(s.Tokens) || s.Tokens[e].Text != "的" && s.Tokens[e].Text != "'s" && s.Tokens[e].Text != "’s" || s.Tokens[e+1].POS != token.Noun {
		return false
	}
	if j := s.MentionAt(e + 1); j >= 0 && s.Mentions[j].IsParty() || agentNouns[s.Tokens[e+1].Lemma] {
		return false // "Russia's leaders will choose peace", 中国政府: those who act for it
	}
	return true
}

// agentNouns, after a state's possessive, name those who act for it.
var agentNouns = map[string]bool{"leader": true, "leadership": true, "government": true, "people": true, "authority": true,
	"official": true, "president": true, "minister": true, "army": true, "force": true, "领导人": true, "政府": true, "人民": true,
	"当局": true, "领导层": true, "官员": true, "军队": true, "方面": true}

// ownOfficial is the person a condemnation is about when that person
// speaks for the holder's own state (Congress criticised the President):
// the first person named in the object, or before the cue after 对, who
// is no speaker of the claim; "" when there is none.
func (d *Doc) ownOfficial(s *clause.Sentence, f *frame.Frame, objs []int, h *resolve.Holder) string {
	for _, k := range objs {
		m := &s.Mentions[k]
		if m.Kind != mention.Person || m.Person == "" || len(m.IDs) == 0 || len(minus(m.IDs, h.IDs)) > 0 || slices.Contains(h.Speakers, m.Person) {
			continue
		}
		if m.Tok >= f.CueEnd && m.Tok <= f.CueEnd+1 || f.PreStart >= 0 && m.Tok >= f.PreStart && m.Tok <= f.PreStart+1 {
			return m.Person
		}
	}
	return ""
}

// commitActNouns, after "commitment to", name an act committed to
// ("commitment to collective action", "to the defense of"); any other noun
// there is a principle or a party stood by.
var commitActNouns = map[string]bool{"action": true, "collaboration": true, "cooperation": true, "coordination": true,
	"defense": true, "defence": true, "work": true, "effort": true, "engagement": true, "partnership": true,
	"implementation": true, "investment": true, "assistance": true, "aid": true, "contribution": true, "deployment": true,
	"provision": true, "delivery": true, "step": true, "measure": true, "talk": true, "negotiation": true,
	"agreement": true, "accord": true, "deal": true, "plan": true, "agenda": true, "target": true, "goal": true, "return": true, "dialogue": true}

// principleCommitment reports the English noun "commitment to" (singular:
// "commitments to" are acts promised), or "committed to", followed by
// a principle or a party rather than an act: "commitment to press freedom",
// "to the UN Charter", "to Ukraine's sovereignty" (support), unlike
// "commitment to strengthening ties", "to deliver", "to collective action".
func principleCommitment(s *clause.Sentence, f *frame.Frame) bool {
	if s.Lang != "en" {
		return false
	}
	from := -1
	switch {
	case s.Tokens[f.CueEnd-1].Lower == "commitment" && f.CueEnd+1 < f.ObjEnd && s.Tokens[f.CueEnd].Lower == "to":
		from = f.CueEnd + 1
	case f.CueEnd-f.CueStart >= 2 && s.Tokens[f.CueEnd-1].Lower == "to" && s.Tokens[f.CueEnd-2].Lower == "committed":
		from = f.CueEnd // "remains committed to the principles of the Charter"
	default:
		return false
	}
	for k := from; k < f.ObjEnd; k++ {
		t := &s.Tokens[k]
		if m := s.MentionAt(k); m >= 0 {
			if s.Mentions[m].Kind == mention.Topic {
				first, last := &s.Tokens[s.Mentions[m].Tok], &s.Tokens[s.Mentions[m].TokEnd-1]
				if (first.Tag == "VBG" || first.POS == token.Verb) && !keepVerbs[first.Lemma] {
					return false // "committed to reducing poverty": an act
				}
				return !commitActNouns[last.Lemma] && !commitActNouns[strings.TrimSuffix(last.Lower, "s")]
			}
			k = s.Mentions[m].TokEnd - 1
			continue // "to Ukraine's sovereignty", "to the Ukrainian people"
		}
		switch {
		case k == from && keepVerbs[t.Lemma] && (t.Tag == "VBG" || t.Tag == "VB"):
			// "commitment to maintaining peace", "to upholding the Charter": keeping
			// a state of things is a stance on it, not an act
		case t.POS == token.Det || t.POS == token.Adj || t.Tag == "PRP$" || t.Text == "’s" || t.Text == "'s" || t.POS == token.Adv || t.POS == token.Conj || t.Text == ",": // "a just and comprehensive peace"
		case t.POS == token.Noun || t.POS == token.Propn:
			return !commitActNouns[t.Lemma] && !commitActNouns[strings.TrimSuffix(t.Lower, "s")] // "the Minsk Agreements"
		default:
			return false // a verb: "to deliver", "to strengthening"
		}
	}
	return false
}

// keepVerbs keep a state of things as it is: a commitment to doing so is a
// stance on that state ("committed to maintaining peace and stability").
var keepVerbs = map[string]bool{"maintain": true, "uphold": true, "preserve": true, "respect": true, "safeguard": true}

// itineraryVerbs, right after "will", make a stop on a programme.
var itineraryVerbs = map[string]bool{"visit": true, "tour": true, "speak": true, "deliver": true, "attend": true, "mark": true,
	"give": true, "participate": true, "travel": true, "view": true, "lay": true, "hold": true}

// itineraryStop reports "will" followed by a verb of a programme (he will
// visit, will then speak at, will deliver remarks).
func itineraryStop(s *clause.Sentence, f *frame.Frame) bool {
	if f.Rule.Modality != "will" {
		return false
	}
	for k := f.CueEnd; k < f.ObjEnd && k < f.CueEnd+3; k++ {
		t := &s.Tokens[k]
		if t.POS == token.Adv {
			continue // "will then", "will also"
		}
		return t.POS == token.Verb && itineraryVerbs[t.Lemma]
	}
	return false
}

func isStateOrPlace(id string) bool {
	return !strings.Contains(id, ":") || strings.HasPrefix(id, "place:")
}

// toldBefore is the party "this move" or 对此 points back to: the target
// of the claim before, when named allows it, else the doer of the act the
// text told last, when actor allows it; nil when neither is known or both
// are among the holders.
func (d *Doc) toldBefore(holders []string, named, actor bool) ([]string, string) {
	if t := d.res.LastActor; actor && t != "" && !slices.Contains(holders, t) && d.res.LastActorAt >= d.res.LastTargetAt {
		// 日方此举…。中方对此表示严重关切: the act told since the last claim's
		// target, or with it (日本向菲律宾出售雷达。中方对此…: the seller, not the buyer)
		return []string{t}, "whose act was just told (对此, 此举, 将就此作出反应)"
	}
	if t := d.res.LastTarget; named && t != "" && !slices.Contains(holders, t) {
		return []string{t}, "what was just named (对此, 此举, this move)"
	}
	if t := d.res.LastActor; actor && t != "" && !slices.Contains(holders, t) {
		return []string{t}, "whose act was just told (对此, 此举, 将就此作出反应)"
	}
	return nil, ""
}

// causedBy returns, for a Chinese stance that an act stirred (…，引发希腊强烈反对,
// 引起中国不满), the party that opens the clause of the verb of causing or one
// of the two before it: who did the act. Nil when no such verb stands before
// the cue or no party opens those clauses.
func causedBy(s *clause.Sentence, f *frame.Frame, holders []string) []string {
	if s.Lang != "zh" || f.Rule.Kind != "stance" {
		return nil
	}
	switch f.Rule.Predicate {
	case "oppose", "condemn", "concern":
	default:
		return nil
	}
	at := -1
	for k := f.CueStart - 1; k >= 0 && k >= f.CueStart-8; k-- {
		if resolve.Causing[s.Tokens[k].Text] {
			at = k
			break
		}
	}
	if at <= 0 {
		return nil
	}
	// the doer opens the verb's clause or one of the two before it
	c := s.ClauseOf(at)
	for ci := c; ci >= 0 && ci >= c-2; ci-- {
		start := s.Clauses[ci].Start
		for _, m := range s.Mentions {
			if m.Tok >= start && m.Tok <= start+2 && m.TokEnd <= at && m.Kind == mention.Actor && len(m.IDs) > 0 && !m.Attr && !m.Venue {
				return minus(targetIDs(&m), holders)
			}
		}
	}
	return nil
}

// signedWith is the parties an English object names after "with" (a
// memorandum with Palau, road maps with Azerbaijan and Kazakhstan).
func (d *Doc) signedWith(s *clause.Sentence, objs []int) []string {
	var out []string
	next := -1 // the token where the next party of the list may start
	for _, k := range objs {
		m := &s.Mentions[k]
		if !m.IsParty() || len(m.IDs) == 0 || m.Attr {
			continue
		}
		p := m.Tok - 1
		for p >= 0 && s.Tokens[p].POS == token.Det {
			p--
		}
		switch {
		case p >= 0 && s.Tokens[p].Lower == "with":
		case next >= 0 && p >= next-1 && p <= next && (s.Tokens[p].Lower == "and" || s.Tokens[p].Text == ","):
		default:
			continue
		}
		out = append(out, m.IDs...)
		next = m.TokEnd
	}
	return out
}

// aggressor is the doer of an act the object names against a state when
// that doer goes without saying (words.tsv, aggressor).
// It also returns the states named inside the matched words (the victims).
func (d *Doc) aggressor(s *clause.Sentence, f *frame.Frame) (string, []string) {
	ps := d.b.m.Words(s.Lang, "aggressor")
	if ps == nil || f.ObjStart < 0 || f.ObjEnd > len(s.Tokens) || f.ObjStart >= f.ObjEnd {
		return "", nil
	}
	from := f.ObjStart
	if f.Rule.Kind == "accuse" && f.CueEnd-f.CueStart > 1 {
		// "the unprovoked war" + "against Ukraine": the wrong is the cue, and
		// its words judge it (a bare "the invasion of Ukraine" names an event)
		from = f.CueStart
	}
	for _, pm := range ps.Find(s.Tokens[from:f.ObjEnd]) {
		var victims []string
		for k := range s.Mentions {
			if m := &s.Mentions[k]; m.Tok >= from+pm.Start && m.TokEnd <= from+pm.End {
				victims = append(victims, m.IDs...)
			}
		}
		return d.b.m.WordValue(pm.Ref), victims
	}
	return "", nil
}

// actNouns name an act of a party: supporting or welcoming "X's efforts",
// "X's decision" is about the act, and X is no target (the guidelines:
// welcoming an act leaves the target null and puts the act in the topic).
var actNouns = map[string]bool{"effort": true, "progress": true, "achievement": true, "initiative": true, "proposal": true, "plan": true, "decision": true,
	"commitment": true, "leadership": true, "announcement": true, "step": true, "move": true, "work": true, "contribution": true,
	"call": true, "appeal": true, "agenda": true, "vision": true, "recommendation": true, "role": true, "呼吁": true, "号召": true,
	"努力": true, "倡议": true, "建议": true, "决定": true, "举措": true, "承诺": true, "贡献": true, "工作": true, "主张": true}

// selfNamed reports the party right after the cue named as a state or an
// organisation, not as a person (特朗普) or its own people (美国公民,
// 香港市民), whom a government does call on.
func (d *Doc) selfNamed(s *clause.Sentence, f *frame.Frame, objs []int) bool {
	k := d.adjacent(s, f, objs)
	if k < 0 {
		return false
	}
	m := &s.Mentions[k]
	if m.Kind == mention.Person || m.TokEnd < len(s.Tokens) && ownPeople[s.Tokens[m.TokEnd].Lower] {
		return false
	}
	// 美国人, "Americans": the people by their demonym
	return !strings.HasSuffix(m.Text, "人") && !strings.HasSuffix(m.Text, "ans") && !strings.HasSuffix(m.Text, "ese")
}

// ownPeople name a state's people after its name.
var ownPeople = map[string]bool{"人": true, "公民": true, "市民": true, "民众": true, "国民": true, "人民": true, "居民": true, "citizens": true,
	"people": true, "nationals": true, "residents": true}

// actOf reports a party named as the doer of an act that a support or
// welcome claim is about, when the object also names a topic.
func (d *Doc) actOf(s *clause.Sentence, f *frame.Frame, m *mention.Mention, objs []int) bool {
	if f.Rule.Target == "adjacent" && f.Rule.Predicate == "welcome" || f.Rule.Predicate != "support" && f.Rule.Predicate != "welcome" {
		return false // commending "X's efforts" makes X the target
	}
	from, to := m.TokEnd+1, m.TokEnd+4 // "X's efforts", X的努力: the act a few words on
	switch {
	case s.Lang == "zh" && m.TokEnd < len(s.Tokens) && (s.Tokens[m.TokEnd].Text == "关于" || s.Tokens[m.TokEnd].Text == "有关"):
		// 支持秘鲁关于地区停火的倡议: X's call about …, the word right after its 的
		de := slices.IndexFunc(s.Tokens[m.TokEnd:min(len(s.Tokens), m.TokEnd+13)], func(t token.Token) bool { return t.Text == "的" })
		if de < 0 {
			return false
		}
		from, to = m.TokEnd+de+1, m.TokEnd+de+1
	case !d.possessive(s, m):
		return false
	}
	for k := from; k < len(s.Tokens) && k <= to; k++ {
		if actNouns[s.Tokens[k].Lemma] || actNouns[s.Tokens[k].Text] {
			if m.Kind != mention.Person && partyActs[s.Tokens[k].Lemma] {
				return false // "support the EU's efforts": a state's or a body's efforts make it the target
			}
			return d.hasTopic(s, objs)
		}
	}
	return false
}

// partyActs are the acts whose doer, a state or an organisation, is what
// supporting or commending them is directed at (the gold: "supporting
// Ukraine's efforts" → Ukraine); a person's are about the act.
var partyActs = map[string]bool{"effort": true, "contribution": true, "leadership": true, "work": true}

// victim reports a party named after "against", "on", "towards" (aggression
// against Ukraine, attacks on the embassy): the one the act is done to, not
// the one a condemnation or opposition is directed at.
func (d *Doc) victim(s *clause.Sentence, m *mention.Mention) bool {
	k := wordBefore(s, m.Tok)
	if k < 0 {
		return false
	}
	switch s.Tokens[k].Lemma {
	case "against", "on", "upon", "towards", "toward", "at", "into", "over", "in", "within", "across":
		return true
	case "干涉", "干预", "插手", "侵犯", "粗暴干涉":
		return true // 反对任何国家干涉中国内政: China is whose affairs are interfered in
	}
	return false
}

// doneToNouns name acts done to someone: the party after "the … of" is
// who undergoes them, not who is condemned for them.
var doneToNouns = map[string]bool{"inclusion": true, "listing": true, "designation": true, "blockade": true, "detention": true,
	"arrest": true, "imprisonment": true, "jailing": true, "killing": true, "murder": true, "assassination": true, "occupation": true,
	"annexation": true, "bombing": true, "shelling": true, "persecution": true, "treatment": true, "expulsion": true,
	"isolation": true, "exclusion": true, "harassment": true, "intimidation": true, "targeting": true, "abduction": true,
	"kidnapping": true, "deportation": true, "execution": true, "sentencing": true, "poisoning": true, "mistreatment": true,
	"encirclement": true, "siege": true, "starvation": true, "oppression": true, "repression": true, "suppression": true}

// undergoesAct reports a party named as the one an act noun is done to
// ("the blockade of Cuba", "the detention of Chile's journalists").
func undergoesAct(s *clause.Sentence, m *mention.Mention) bool {
	k := m.Tok - 1
	for k >= 0 && s.Tokens[k].POS == token.Det {
		k--
	}
	return k >= 1 && s.Tokens[k].Lower == "of" && doneToNouns[s.Tokens[k-1].Lemma]
}

// hostileAct reports an English party word that qualifies a hostile act
// ("to counter Russian aggression", "Chinese actions"): the doer of the act
// a commitment answers.
func hostileAct(s *clause.Sentence, m *mention.Mention) bool {
	if s.Lang != "en" || m.TokEnd >= len(s.Tokens) || m.Tok > 0 && s.Tokens[m.Tok-1].Lower == "from" {
		return false // ("refuge from Russian aggression": what someone flees)
	}
	switch s.Tokens[m.TokEnd].Lemma {
	case "aggression", "action", "attack", "invasion", "provocation", "threat", "coercion", "interference", "disinformation":
		return true
	}
	return false
}

// harmed reports a party that an act told just before it harms ("attacks
// against Ukraine", 杀死阿富汗平民): after the doer, it is no target.
func harmed(s *clause.Sentence, m *mention.Mention) bool {
	k := wordBefore(s, m.Tok)
	if k < 0 || m.Kind == mention.Place {
		return false
	}
	switch s.Tokens[k].Lemma {
	case "against", "on", "upon", "干涉", "干预", "插手", "侵犯", "粗暴干涉", "杀死", "杀害", "袭击", "攻击", "轰炸", "入侵", "侵略", "占领",
		"迫害", "镇压", "打压", "驱逐", "逮捕", "拘押", "绑架":
		return true
	}
	return false
}

// possessive reports a party followed by 's or 的.
// ownedGoods are the issues a party holds that another can support or
// commit to: its democracy, sovereignty, recovery, membership.
var ownedGoods = map[string]bool{"topic:democracy": true, "topic:sovereignty-territorial-integrity": true,
	"topic:human-rights": true, "topic:economic-recovery": true, "topic:sustainable-development": true,
	"topic:economic-growth": true, "topic:energy-security": true, "topic:food-security": true, "topic:global-health": true,
	"topic:self-defense": true, "topic:eu-membership": true, "topic:nato-membership": true, "topic:maritime-rights": true,
	"topic:right-to-development": true, "topic:security-guarantees": true, "topic:taiwan-international-participation": true,
	"topic:hong-kong-autonomy": true, "topic:anti-corruption": true, "topic:disability-rights": true,
	"topic:religious-freedom": true, "topic:press-freedom": true, "topic:self-determination": true}

// unnamedWrongdoers reports a clause whose subject, before the cue, is
// states or forces left unnamed (有关国家, 个别国家, 反华势力, "certain
// countries", "some politicians"): the wrong is denounced all the same.
func unnamedWrongdoers(s *clause.Sentence, f *frame.Frame) bool {
	for k := s.Clauses[f.Clause].Start; k < f.CueStart; k++ {
		switch s.Tokens[k].Lemma {
		case "国家", "势力", "政客", "国", "country", "state", "nation", "force", "politician", "actor":
			return s.Tokens[k].IsNominal()
		}
	}
	return false
}

// wrongAfter reports a noun at token k that makes the good before it a
// wrong done to it ("human rights abuses", 人权侵犯).
func wrongAfter(s *clause.Sentence, k int) bool {
	if k >= len(s.Tokens) {
		return false
	}
	switch s.Tokens[k].Lemma {
	case "abuse", "violation", "violator", "abuser", "crackdown", "situation", "record", "侵犯", "问题", "状况":
		return true
	}
	return false
}

// ownerOfTopic finds, in an object that names a topic, the party whose
// issue it is: a possessive party right before a good it holds
// ("strengthen Poland's democratic institutions", 缅甸的民主进程); nil
// when there is none, or more than one.
func (d *Doc) ownerOfTopic(s *clause.Sentence, objs []int, holders []string) []string {
	var out []string
	for i, k := range objs {
		m := &s.Mentions[k]
		if m.Kind == mention.Topic {
			if ownedGoods[m.ID] {
				// "the sovereignty and territorial integrity of Ukraine": the party after "of"
				if o := d.goodOf(s, m.TokEnd); o >= 0 {
					return minus(targetIDs(&s.Mentions[o]), holders)
				}
			}
			break // the object's first topic is what it is about: "accountability for X's abuses" is not X's good
		}
		ids := targetIDs(m)
		if m.Kind == mention.Place && m.ID != "" && (d.possessive(s, m) || peoplesOf(s, m)) {
			ids = []string{m.ID} // 西藏人民的宗教自由, "Tibet's religious freedom": a place's good
		} else if m.Venue || m.Kind != mention.Actor && m.Kind != mention.Person || len(ids) == 0 || !d.possessive(s, m) {
			continue
		}
		// the possessed issue follows within a few words and is a good the
		// party holds ("Russia's war" is not supported, nor is Russia)
		if i+1 < len(objs) {
			n := &s.Mentions[objs[i+1]]
			if n.Kind == mention.Topic && ownedGoods[n.ID] && n.Tok-m.TokEnd <= 5 && !wrongAfter(s, n.TokEnd) {
				out = append(out, minus(ids, holders)...)
			}
		}
	}
	if out = uniq(out); len(out) != 1 {
		return nil
	}
	return out
}

// twoStates name two states told of before (两国, the two countries).
var twoStates = map[string]bool{"两国": true, "两国政府": true, "the two countries": true, "both countries": true, "the two governments": true}

// twoSides name the two sides of a conflict or a quarrel told of just
// before (呼吁冲突双方停火, "urged both sides to exercise restraint"): a call
// on them is a call on each.
var twoSides = map[string]bool{"双方": true, "冲突双方": true, "交战双方": true, "the two sides": true, "both sides": true,
	"the warring parties": true, "both parties": true}

// goodOf finds the party whose good a topic ending at token from names
// with "of" after it, over a list of further goods ("the independence,
// sovereignty, and territorial integrity of Ukraine"): the mention index,
// or -1.
func (d *Doc) goodOf(s *clause.Sentence, from int) int {
	for k := from; k < len(s.Tokens) && k < from+8; k++ {
		t := &s.Tokens[k]
		if t.Lower == "of" {
			j := k + 1
			for j < len(s.Tokens) && s.Tokens[j].POS == token.Det {
				j++
			}
			j = pastDescriptor(s, j)
			if mk := s.MentionAt(j); mk >= 0 && s.Mentions[mk].Tok == j {
				if m := &s.Mentions[mk]; !m.Venue && !m.Attr && len(targetIDs(m)) > 0 && (m.Kind == mention.Actor || m.Kind == mention.Person) {
					return mk
				}
			}
			return -1
		}
		if t.POS == token.Verb || t.POS == token.Punct && t.Text != "," {
			return -1
		}
	}
	return -1
}

// descriptorNouns describe the party named right after them ("our close
// neighbour Montenegro", "our friend and partner Moldova").
var descriptorNouns = map[string]bool{"neighbour": true, "neighbor": true, "friend": true, "partner": true, "ally": true}

// pastDescriptor returns the token after a descriptor at j that names a
// party by its relation to the speaker (our close neighbour, our friends and
// allies): possessive, adjectives, relation nouns joined by "and", and an
// optional comma. It returns j when there is none.
func pastDescriptor(s *clause.Sentence, j int) int {
	k := j
	if k >= len(s.Tokens) || s.Tokens[k].Tag != "PRP$" {
		return j
	}
	k++
	for k < len(s.Tokens) && s.Tokens[k].POS == token.Adj {
		k++
	}
	n := 0
	for k < len(s.Tokens) && descriptorNouns[s.Tokens[k].Lemma] {
		n++
		k++
		if k+1 < len(s.Tokens) && s.Tokens[k].Lower == "and" && descriptorNouns[s.Tokens[k+1].Lemma] {
			k++
		}
	}
	if n == 0 {
		return j
	}
	if k < len(s.Tokens) && s.Tokens[k].Text == "," {
		k++
	}
	return k
}

func (d *Doc) possessive(s *clause.Sentence, m *mention.Mention) bool {
	if m.TokEnd >= len(s.Tokens) {
		return false
	}
	t := s.Tokens[m.TokEnd].Text
	return t == "'s" || t == "’s" || t == "的" || t == "'" || t == "’"
}

// topicIn returns the states named right after a topic and "in" in the
// object (a ceasefire in Sudan and Yemen): where the issue called for is
// to happen.
func (d *Doc) topicIn(s *clause.Sentence, objs []int) []string {
	for i, k := range objs {
		m := &s.Mentions[k]
		if m.Kind != mention.Actor || len(m.IDs) != 1 || strings.Contains(m.IDs[0], ":") || m.Tok < 2 || s.Tokens[m.Tok-1].Lower != "in" {
			continue
		}
		if i == 0 || s.Mentions[objs[i-1]].Kind != mention.Topic || s.Mentions[objs[i-1]].TokEnd != m.Tok-1 {
			continue
		}
		return d.coordinatedTargets(s, k)
	}
	return nil
}

func (d *Doc) hasTopic(s *clause.Sentence, objs []int) bool {
	for _, k := range objs {
		if s.Mentions[k].Kind == mention.Topic {
			return true
		}
	}
	return false
}

// related reports a party after a relation word (with, to, between, 与, 同, 赴)
// or inside "X-Y relations", 中美关系.
func (d *Doc) related(s *clause.Sentence, k int) bool {
	m := &s.Mentions[k]
	for j := m.Tok - 1; j >= 0 && j >= m.Tok-5; j-- {
		if d.b.m.WordAt(s.Sentence, "relation", j) {
			return true
		}
		t := &s.Tokens[j]
		if t.Lower == "of" && j > 0 && guardNouns[s.Tokens[j-1].Lemma] {
			j-- // "commitment to the defense of the Philippines": the party defended
			continue
		}
		if t.Lower == "for" && j > 0 && aidNouns[s.Tokens[j-1].Lemma] {
			return true // "$5 million in assistance for Thailand": the party helped
		}
		if t.Lower == "of" && j > 1 && peopleNouns[s.Tokens[j-1].Lemma] && s.Tokens[j-2].Lower == "the" && j > 2 && s.Tokens[j-3].Lower == "for" && aidNouns[s.Tokens[j-4].Lemma] {
			return true // "assistance for the people of Burma"
		}
		if !(t.POS == token.Det || t.POS == token.Adj || t.Tag == "PRP$" || t.Lemma == "and" || t.Text == "和" || t.Text == "、" || t.Text == "," || s.MentionAt(j) >= 0) {
			break
		}
	}
	// "meet with senior officials from Chile": the state the people with it speak for
	if j := m.Tok - 1; s.Lang == "en" && j > 1 && (s.Tokens[j].Lower == "from" || s.Tokens[j].Lower == "of") && envoyNouns[s.Tokens[j-1].Lemma] {
		for j -= 2; j >= 0 && j >= m.Tok-6; j-- {
			if d.b.m.WordAt(s.Sentence, "relation", j) {
				return true
			}
			if t := &s.Tokens[j]; !(t.POS == token.Det || t.POS == token.Adj || t.POS == token.Noun || t.Tag == "PRP$") {
				break
			}
		}
	}
	return paired(s, m)
}

// compared reports a Chinese party named only to compare with: 像乌克兰一样,
// 如同X那样.
func compared(s *clause.Sentence, m *mention.Mention) bool {
	if s.Lang != "zh" || m.Tok == 0 {
		return false // ("groups like ISIS-K": English "like" gives examples as often as it compares)
	}
	switch s.Tokens[m.Tok-1].Text {
	case "像", "如同", "好像", "正如", "犹如":
	default:
		return false
	}
	for k := m.TokEnd; k < len(s.Tokens) && k <= m.TokEnd+5; k++ {
		if t := s.Tokens[k].Text; t == "一样" || t == "那样" || t == "这样" || t == "一般" {
			return true
		}
	}
	return false
}

// wrongdoer reports an English party named as the doer of a wrong
// ("to respond to Russia's unprovoked war"): no partner or recipient.
func wrongdoer(s *clause.Sentence, m *mention.Mention) bool {
	j := m.TokEnd
	if s.Lang != "en" || j >= len(s.Tokens) || s.Tokens[j].Text != "'s" && s.Tokens[j].Text != "’s" {
		return false
	}
	for j++; j < len(s.Tokens) && j <= m.TokEnd+8; j++ {
		t := &s.Tokens[j]
		if resolve.WrongNoun(t.Lemma) {
			return true
		}
		if !(t.POS == token.Adj || t.POS == token.Adv || t.Tag == "VBN" || t.Text == "," || t.Lower == "and") {
			return false
		}
	}
	return false
}

// paired reports a party named as one of a pair before what the two do
// together: "X-Y relations", 中美关系, "Japan-UK ties".
func paired(s *clause.Sentence, m *mention.Mention) bool {
	for j := m.TokEnd; j < len(s.Tokens) && j <= m.TokEnd+3; j++ {
		l := strings.ToLower(s.Tokens[j].Text)
		if pairNouns[l] {
			return true
		}
		if !(l == "-" || l == "–" || s.MentionAt(j) >= 0 || l == "bilateral" || l == "两国") {
			break
		}
	}
	return false
}

// pairNouns, after "X-Y" or 中美, name what the two parties do together:
// the party other than the holder is its partner.
var pairNouns = map[string]bool{"relations": true, "relationship": true, "ties": true, "cooperation": true,
	"collaboration": true, "partnership": true, "consultations": true, "dialogue": true,
	"关系": true, "合作": true, "伙伴关系": true, "对话": true, "磋商": true}

// topicOf reports an English place right after a topic and "of"
// ("the stability of the Horn of Africa", "the security of the
// Sahel"): what the issue is of, not only where it is.
func topicOf(s *clause.Sentence, m *mention.Mention) bool {
	k := beforeDets(s, m.Tok-1)
	if s.Lang != "en" || k < 1 || s.Tokens[k].Lower != "of" {
		return false
	}
	if m.TokEnd < len(s.Tokens) && (s.Tokens[m.TokEnd].POS == token.Noun || s.Tokens[m.TokEnd].POS == token.Propn) {
		return false // "the resolution of the Nagorno-Karabakh conflict": the place only names the conflict
	}
	t := s.MentionAt(k - 1)
	return t >= 0 && s.Mentions[t].Kind == mention.Topic && s.Mentions[t].TokEnd == k
}

// hopedMention returns the mention right after a hope's cue, past 看到
// and a separator (that, a comma, a colon: 我们希望，中国能…; 希望看到英国…;
// "hope that all parties …"), and whether anything stood between; or -1.
func hopedMention(s *clause.Sentence, f *frame.Frame) (int, bool) {
	j := f.CueEnd
	if j < len(s.Tokens) && (s.Tokens[j].Text == "看到" || s.Tokens[j].Text == "看见" || s.Tokens[j].Text == "见到") {
		j++
	}
	if j < len(s.Tokens) && (s.Tokens[j].Lower == "that" || s.Tokens[j].Text == "，" || s.Tokens[j].Text == "：") {
		j++
	}
	if k := s.MentionAt(j); k >= 0 && s.Mentions[k].Tok == j {
		return k, j > f.CueEnd
	}
	return -1, false
}

// hopedParty reports a mention a hope can ask something of: a state or a
// person who speaks for one, not a venue or a word qualifying a noun.
func hopedParty(m *mention.Mention) bool {
	return (m.Kind == mention.Actor || m.Kind == mention.Person) && len(m.IDs) > 0 && !m.Venue && !m.Attr
}

// zhPartner reports a Chinese party after 与, 同 or 跟 whose relations,
// cooperation or dialogue the object then names (与老挝的全面合作).
func zhPartner(s *clause.Sentence, m *mention.Mention, end int) bool {
	if m.Tok == 0 {
		return false
	}
	switch s.Tokens[m.Tok-1].Text {
	case "与", "同", "跟":
	default:
		return false
	}
	for j := m.TokEnd; j < end && j < m.TokEnd+5; j++ {
		if w := s.Tokens[j].Text; pairNouns[w] || strings.HasSuffix(w, "关系") || strings.HasSuffix(w, "合作") || strings.HasSuffix(w, "对话") {
			return true // (战略伙伴关系, 务实合作, 战略对话)
		}
	}
	return false
}

// actedOn returns the party a commitment's verb acts on directly, when no
// party stands right after the cue: "will remove Sudan from the list", 将帮助
// 乌克兰 (the verb after a will-cue and its object), 将把苏丹从名单中移除
// (what 把 takes, unless it is only regarded as something: 把北京视为), or -1.
func (d *Doc) actedOn(s *clause.Sentence, f *frame.Frame) int {
	if f.ObjStart+1 >= f.ObjEnd {
		return -1
	}
	first := &s.Tokens[f.ObjStart]
	party := func(mk int) bool { // as targets' isParty reads it
		if mk < 0 {
			return false
		}
		m := &s.Mentions[mk]
		return (m.Kind == mention.Actor || m.Kind == mention.Person) && len(m.IDs) > 0 && !m.Venue
	}
	switch {
	case s.Lang == "zh" && first.Text == "把":
		if mk := s.MentionAt(f.ObjStart + 1); party(mk) && !regardAs(s, s.Mentions[mk].TokEnd, f.ObjEnd) {
			return mk
		}
	case f.Rule.Modality != "will" && f.Rule.Modality != "plan" || first.POS != token.Verb:
	case s.Lang == "en":
		j := f.ObjStart + 1
		for j < f.ObjEnd && s.Tokens[j].POS == token.Det {
			j++
		}
		if mk := s.MentionAt(j); party(mk) && s.Mentions[mk].Tok <= j && s.Mentions[mk].Tok > f.ObjStart && !s.Mentions[mk].Attr {
			return mk
		}
	case s.MentionAt(f.ObjStart) < 0:
		m := s.MentionAt(f.ObjStart + 1)
		if party(m) && s.Mentions[m].Tok == f.ObjStart+1 && !s.Mentions[m].Attr &&
			!(s.Mentions[m].TokEnd < len(s.Tokens) && s.Tokens[s.Mentions[m].TokEnd].Text == "的") {
			return m
		}
	}
	return -1
}

// giveVerbs give something to a party named after "to" or "for".
var giveVerbs = map[string]bool{"provide": true, "deliver": true, "send": true, "give": true, "donate": true, "allocate": true, "supply": true}

// recipientNear are the words that may stand between "to" or "for" and the
// party given to ("to the people of Ukraine", "to displaced people across
// Somalia", "to help Zimbabweans").
var recipientNear = map[string]bool{"the": true, "our": true, "people": true, "of": true, "across": true, "in": true, "throughout": true,
	"help": true, "support": true, "assist": true, "displaced": true, "vulnerable": true, "affected": true, "partner": true, "friend": true,
	"family": true, "community": true, "refugee": true, "child": true}

// recipientAfter finds, in the clause of an English verb of giving, the
// party after "to" or "for" that the thing given goes to, or -1.
func recipientAfter(s *clause.Sentence, f *frame.Frame) int {
	c := s.Clauses[f.Clause]
	for k := f.CueEnd; k < c.End-1; k++ {
		if l := s.Tokens[k].Lower; l != "to" && l != "for" {
			continue
		}
		for j := k + 1; j < c.End && j <= k+5; j++ {
			if mi := s.MentionAt(j); mi >= 0 {
				if m := &s.Mentions[mi]; m.Tok == j && m.Kind == mention.Actor && len(m.IDs) > 0 && !m.Attr {
					return mi
				}
				break
			}
			if t := &s.Tokens[j]; !recipientNear[t.Lemma] && !recipientNear[t.Lower] && t.POS != token.Adj && t.POS != token.Det {
				break
			}
		}
	}
	return -1
}

// aidNouns, before "for", name help for the party after it.
var aidNouns = map[string]bool{"assistance": true, "aid": true, "support": true, "funding": true, "help": true, "relief": true,
	"grant": true, "loan": true, "vaccine": true, "donation": true}

// guardNouns, before "of", name the party a commitment is towards.
var guardNouns = map[string]bool{"defense": true, "defence": true, "security": true, "protection": true,
	"people": true, "citizens": true, "population": true, "government": true} // "to the people of Sudan": the state they are

// speakTo are advance verbs whose object is an issue: with a party as object
// they mean something else (address an assembly, counter a rival).
var speakTo = map[string]bool{"address": true, "tackle": true, "combat": true, "counter": true,
	"应对": true, "应付": true, "对付": true} // 应对中国的挑战: facing China, not supporting it

// greeting reports "wish X a happy new year", "wish X a joyous Independence
// Day": good wishes for an occasion, not a hope that X acts.
func greeting(s *clause.Sentence, f *frame.Frame) bool {
	if s.Lang != "en" || s.Tokens[f.CueStart].Lemma != "wish" {
		return false
	}
	for k := f.ObjStart; k < f.ObjEnd; k++ {
		if goodWishes[s.Tokens[k].Lemma] || s.Tokens[k].Lemma == "occasion" {
			return true // "wish the people of Iceland peace and prosperity", "best wishes … on this momentous occasion"
		}
		if l := s.Tokens[k].Lower; l == "a" || l == "an" {
			for j := k + 1; j < f.ObjEnd && j <= k+4; j++ {
				if occasions[strings.ToLower(s.Tokens[j].Lemma)] {
					return true
				}
			}
		}
	}
	return false
}

// wellWish reports a hope whose object wishes someone health (早日康复,
// a speedy recovery).
func wellWish(s *clause.Sentence, f *frame.Frame) bool {
	for k := f.ObjStart; k < f.ObjEnd && k < len(s.Tokens); k++ {
		t := &s.Tokens[k]
		if healthWords[t.Lemma] || strings.Contains(t.Text, "康复") || strings.Contains(t.Text, "痊愈") {
			return true // (早日康复)
		}
	}
	return false
}

var healthWords = map[string]bool{"recovery": true, "recover": true, "well-being": true}

// illnessTold reports an illness named in a frame's objects (感染, 确诊,
// 住院, "infected", "hospitalized").
func illnessTold(s *clause.Sentence, f *frame.Frame) bool {
	from := f.ObjStart
	if f.PreStart >= 0 {
		from = f.PreStart
	}
	for k := from; k < f.ObjEnd && k < len(s.Tokens); k++ {
		t := &s.Tokens[k]
		for _, w := range []string{"感染", "确诊", "住院", "病情", "患病", "染疫"} {
			if strings.Contains(t.Text, w) {
				return true
			}
		}
		switch t.Lemma {
		case "infect", "infected", "illness", "hospitalize", "hospitalise", "diagnose", "sick":
			return true
		}
	}
	return false
}

// goodWishes are what a greeting wishes a people or a person.
var goodWishes = map[string]bool{"prosperity": true, "happiness": true, "success": true, "health": true, "well-being": true, "wellbeing": true}

var occasions = map[string]bool{"day": true, "holiday": true, "anniversary": true, "year": true, "celebration": true,
	"festival": true, "season": true, "birthday": true, "independence": true, "christmas": true, "eid": true}

// honorific reports a token between a cue and the person after it that only
// titles the person: His/Her Excellency, Mr., Mrs., Ms., Dr., a capitalised
// office (Secretary, President, Minister).
func honorific(s *clause.Sentence, j, person int) bool {
	if person-j > 6 {
		return false
	}
	t := &s.Tokens[j]
	switch strings.TrimSuffix(t.Lower, ".") {
	case "his", "her", "excellency", "mr", "mrs", "ms", "dr", "madam", "sir", "h.e", ".", "honourable", "honorable",
		"-", "–", ",", "predecessor", "successor", "colleague", "counterpart", "outgoing", "out-going", "esteemed", "dear", "our", "your":
		return true // "Secretary-General, Mr. Antonio Guterres", "your predecessor, His Excellency"
	}
	r := []rune(t.Text)
	return len(r) > 1 && unicode.IsUpper(r[0]) && t.POS != token.Verb && s.MentionAt(j) < 0
}

// greetingNouns are what a party sends to another it commends.
var greetingNouns = map[string]bool{"wish": true, "congratulation": true, "greeting": true, "regard": true, "felicitation": true,
	"esteem": true, "admiration": true, "gratitude": true, "appreciation": true, "thanks": true, "respect": true, "recognition": true}

// envoyNouns are people who speak for the state after "from" or "of".
var envoyNouns = map[string]bool{"official": true, "counterpart": true, "leader": true, "representative": true, "delegation": true,
	"minister": true, "diplomat": true, "envoy": true, "authority": true, "government": true}

// setting reports a place or party named only as where something happens
// (in X, 在X), unless the situation there is what the claim is about.
func (d *Doc) setting(s *clause.Sentence, k int, objs []int) bool {
	m := &s.Mentions[k]
	if m.Tok == 0 {
		return false
	}
	if compared(s, m) {
		return true // 将像乌克兰一样跪下来, "like Ukraine": a comparison names no one acted on
	}
	prev := beforeDets(s, m.Tok-1)
	// "the border between Armenia and Azerbaijan": where it happens
	if prev > 0 && s.Tokens[prev].Lower == "between" && borderNouns[s.Tokens[prev-1].Lemma] {
		return true
	}
	if prev > 1 && s.Tokens[prev].Lower == "and" && s.MentionAt(prev-1) >= 0 {
		mk := s.MentionAt(prev - 1)
		if b := s.Mentions[mk].Tok - 1; b > 0 && s.Tokens[b].Lower == "between" && borderNouns[s.Tokens[b-1].Lemma] {
			return true
		}
	}
	if !d.b.m.WordAt(s.Sentence, "setting", prev) {
		return false
	}
	// "the situation in", "human rights in Xinjiang": the place is what it is about
	if prev > 0 {
		if mk := s.MentionAt(prev - 1); mk >= 0 && s.Mentions[mk].Kind == mention.Topic {
			return false
		}
		if aboutNouns[s.Tokens[prev-1].Lemma] {
			return false
		}
		if s.Lang == "en" && topicShortlyBefore(s, prev) {
			return false // "restrictions on human rights and fundamental freedoms in Cambodia": the rights there
		}
	}
	// 在印太地区部署: where forces go
	if m.TokEnd < len(s.Tokens) {
		if l := s.Tokens[m.TokEnd].Text; l == "部署" || l == "派遣" || l == "驻扎" || l == "巡航" {
			return false
		}
	}
	return true
}

// topicShortlyBefore reports a topic that ends a few words
// before the token at i, with no clause break or other party between.
func topicShortlyBefore(s *clause.Sentence, i int) bool {
	for k := range s.Mentions {
		m := &s.Mentions[k]
		if m.Kind != mention.Topic || m.TokEnd > i || i-m.TokEnd > 4 {
			continue
		}
		clean := true
		for t := m.TokEnd; t < i; t++ {
			if s.Tokens[t].POS == token.Punct || s.MentionAt(t) >= 0 || s.Tokens[t].POS == token.Verb {
				clean = false
				break
			}
		}
		if clean {
			return true
		}
	}
	return false
}

// topics returns the first topic of the object and those coordinated with
// it (经济安全、信息战和…, maritime security, cybersecurity and …).
func (d *Doc) topics(s *clause.Sentence, f *frame.Frame, objs []int) []string {
	var out []string
	prev := -1
	for i, k := range objs {
		m := &s.Mentions[k]
		if m.Kind != mention.Topic {
			continue
		}
		if freedFrom(s, m) {
			continue // 在不受胁迫的方式下和平解决, "free from coercion": a harm the aim is free of
		}
		if prev < 0 && d.adverbial(s, m) && laterTopic(s, objs[i+1:]) {
			continue // 根据《联合国宪章》的原则实现和平: the charter is the manner, peace the aim
		}
		if prev < 0 && s.Lang == "zh" && i+1 < len(objs) && s.Mentions[objs[i+1]].Kind == mention.Topic && s.Mentions[objs[i+1]].Tok == m.TokEnd &&
			!genericTopics[s.Mentions[objs[i+1]].ID] {
			continue // 元首会晤达成的共识: two topics run together, the second is the head (经贸对话: a bare dialogue says less)
		}
		if prev < 0 && s.Lang == "zh" && headTopicAfter(s, m, objs[i+1:]) {
			continue // 旨在限制核计划的伊朗核协议: the agreement is the head, the programme describes it
		}
		if prev < 0 && s.Lang == "zh" && d.undergoer(s, m) && laterTopic(s, objs[i+1:]) {
			continue // 对其核设施实施军事打击: the strikes are the act, the facilities what they hit
		}
		if prev >= 0 {
			gap := strings.ToLower(gapText(s, s.Mentions[prev].TokEnd, m.Tok))
			switch {
			case len(out) == 1 && introducesList(gap):
				out = out[:0] // an umbrella topic gives way to what it includes
			case len(out) == 1 && genericTopics[out[0]] && (gap == "on" || gap == "about" || gap == "over" || gap == "regarding" || gap == "concerning"):
				out = out[:0] // "a summit on food security", "dialogue on trade": what it is on
			case colonList(gap):
				// "deepen their defence ties in these fields: • space • …",
				// "issues of common interest: health, energy, …": the list
				// after the colon is what the object covers
			case !coordinated(gap) || len(strings.Fields(gap)) > 8:
				return uniq(out)
			}
		}
		out = append(out, m.ID)
		out = append(out, m.More...)
		prev = k
	}
	if len(out) == 0 {
		// a cue that names its own topic (粗暴干涉: non-interference)
		for k := range s.Mentions {
			m := &s.Mentions[k]
			if m.Kind == mention.Topic && m.Tok < f.CueEnd && m.TokEnd > f.CueStart {
				return []string{m.ID}
			}
		}
	}
	return uniq(out)
}

// freedFrom reports a topic right after words that keep it away (不受胁迫,
// 免受, "free from", "without").
func freedFrom(s *clause.Sentence, m *mention.Mention) bool {
	k := m.Tok
	if k > 0 {
		switch s.Tokens[k-1].Lower {
		case "不受", "免受", "免于", "without", "摆脱":
			return true
		case "受", "于":
			if k > 1 && (s.Tokens[k-2].Text == "不" || s.Tokens[k-2].Text == "免") {
				return true
			}
		}
	}
	if k > 1 && s.Tokens[k-2].Lower == "free" && (s.Tokens[k-1].Lower == "from" || s.Tokens[k-1].Lower == "of") {
		return true
	}
	return false
}

// undergoer reports a Chinese topic inside a 对/向/针对 phrase before its
// verb (对其核设施实施…): what an act is done to, not the act.
func (d *Doc) undergoer(s *clause.Sentence, m *mention.Mention) bool {
	for k := m.Tok - 1; k >= 0 && k >= m.Tok-3; k-- {
		switch s.Tokens[k].Text {
		case "对", "向", "针对", "对于":
			return true
		case "其", "的":
			continue
		}
		if s.MentionAt(k) < 0 {
			return false
		}
	}
	return false
}

// headTopicAfter reports a later topic of the object that m's phrase
// describes: the words between end in 的, with no punctuation but a title's
// marks (…核计划的名为《…》的伊朗核协议).
func headTopicAfter(s *clause.Sentence, m *mention.Mention, rest []int) bool {
	for _, k := range rest {
		n := &s.Mentions[k]
		if n.Kind != mention.Topic {
			continue
		}
		before := m.Tok - 1
		for before >= 0 && s.MentionAt(before) >= 0 && s.Mentions[s.MentionAt(before)].Kind == mention.Actor {
			before-- // 限制伊朗核计划
		}
		if n.Tok == 0 || s.Tokens[n.Tok-1].Text != "的" || n.Tok-m.TokEnd < 2 && (before < 0 || s.Tokens[before].POS != token.Verb) {
			return false // 限制核计划的协议 (a verb before it), not 人权的保障
		}
		for j := m.TokEnd; j < n.Tok; j++ {
			if t := &s.Tokens[j]; t.POS == token.Punct && t.Text != "《" && t.Text != "》" {
				return false
			}
		}
		return true
	}
	return false
}

// genericTopics name a form of dealing rather than an issue: after a
// topic that names the issue (经贸对话), the issue is the topic.
var genericTopics = map[string]bool{"topic:dialogue": true, "topic:partner-coordination": true, "topic:high-level-exchanges": true}

func laterTopic(s *clause.Sentence, objs []int) bool {
	for _, k := range objs {
		if s.Mentions[k].Kind == mention.Topic {
			return true
		}
	}
	return false
}

func gapText(s *clause.Sentence, from, to int) string {
	var b strings.Builder
	for k := from; k < to && k < len(s.Tokens); k++ {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s.Tokens[k].Text)
	}
	return b.String()
}

// adverbial reports a topic introduced as a manner or basis (根据, in line
// with) rather than as what the claim is about.
func (d *Doc) adverbial(s *clause.Sentence, m *mention.Mention) bool {
	before := strings.ToLower(gapText(s, max(0, m.Tok-4), m.Tok))
	for _, w := range []string{"根据", "按照", "依照", "依据", "遵照", "in accordance with", "in line with", "consistent with", "based on"} {
		if strings.HasSuffix(strings.TrimRight(before, " 《“"), w) {
			return true
		}
	}
	// 以武力或胁迫, "by force or coercion": the means, nouns joined after 以, by
	for k := m.Tok - 1; k >= 0 && k >= m.Tok-4; k-- {
		t := &s.Tokens[k]
		switch strings.ToLower(t.Text) {
		case "以", "通过", "凭借", "借", "借助", "利用", "by", "through":
			return true
		case "或", "和", "与", "or", "and", "、":
			continue
		}
		if t.POS != token.Noun && t.POS != token.Adj {
			return false
		}
	}
	return false
}

// introducesList reports a gap that opens an enumeration of examples.
func introducesList(gap string) bool {
	for _, w := range []string{"including", "such as", "包括", "特别是", "in particular", "notably"} {
		if i := strings.Index(gap, w); i >= 0 {
			// only marks and a determiner beside it (", including the", "，特别是"):
			// "供应链，在生产包括防疫用品" lists what production covers, not the supply chains
			rest := strings.Trim(gap[:i]+" "+gap[i+len(w):], " ,，、:：;；—-")
			return rest == "" || rest == "the" || rest == "in" || rest == "在内"
		}
	}
	return false
}

// colonList reports a gap between topics that ends with a colon, bullets
// aside: what follows lists what came before.
func colonList(gap string) bool {
	g := strings.TrimRight(gap, " •-–*\n\t")
	return strings.HasSuffix(g, ":") || strings.HasSuffix(g, "：")
}

func coordinated(gap string) bool {
	g := strings.TrimSpace(gap)
	if g == "" {
		return false
	}
	for _, c := range []string{"、", "和", "及", "与", "以及", ",", "，", "and", "or", "as well as", "•", "或"} {
		if strings.Contains(g, c) {
			return true
		}
	}
	return false
}

// emptyObject reports a frame whose object holds no word (表示坚决反对。).
func (d *Doc) emptyObject(s *clause.Sentence, f *frame.Frame) bool {
	if f.PreStart >= 0 && f.PreStart < f.CueStart {
		return false
	}
	for k := f.ObjStart; k < f.ObjEnd; k++ {
		if t := &s.Tokens[k]; t.POS != token.Punct && t.POS != token.Part {
			return false
		}
	}
	return true
}

// recentTopic is the topic the last claims were about, when they were made
// at most two sentences before s: what "this" may still speak of; "" else.
func (d *Doc) recentTopic(s *clause.Sentence) string {
	if s.Index-d.lastTopicAt > 2 {
		return ""
	}
	return d.lastTopic
}

// givenTo reports 予以 right before a Chinese cue (予以强烈谴责): the stance is
// given to what was just told, as with 对此.
func givenTo(s *clause.Sentence, f *frame.Frame) bool {
	k := f.CueStart - 1
	for k >= 0 && s.Tokens[k].POS == token.Adv {
		k-- // 予以坚决反对 (the degree word may be tagged apart)
	}
	return k >= 0 && s.Tokens[k].Text == "予以"
}

// refersBackBefore reports 对此, "to this" between the subject and the cue.
func (d *Doc) refersBackBefore(s *clause.Sentence, f *frame.Frame) bool {
	return d.referIn(s, s.Clauses[f.Clause].Start, f.CueStart)
}

// referIn reports a word that refers back (此举, this move) starting
// within tokens [from, to).
func (d *Doc) referIn(s *clause.Sentence, from, to int) bool {
	for k := from; k < to; k++ {
		if d.b.m.WordAt(s.Sentence, "refer", k) {
			return true
		}
	}
	return false
}

// sentenceDoer is the state or organisation that opens a clause of the
// sentence before clause upto as its subject, when it is none of the holders
// (中国驻捷克大使馆发言人称，捷克参议长执意访台，中方予以谴责: the clause after
// the holder's own opens on the doer, here by the state of its title); -1 if
// there is none.
func sentenceDoer(s *clause.Sentence, holders []string, upto int) int {
	if len(s.Clauses) < 2 {
		return -1
	}
	for ci := 0; ci < upto && ci < len(s.Clauses); ci++ {
		c := s.Clauses[ci]
		for k := range s.Mentions {
			m := &s.Mentions[k]
			if m.Tok < c.Start {
				continue
			}
			if m.Tok > c.Start+2 || m.Tok >= c.End {
				break
			}
			if (m.Kind == mention.Actor || m.Kind == mention.Person && ci > 0) && len(m.IDs) == 1 && (!m.Attr || ci > 0 && m.Tok == c.Start) && !m.Venue {
				if slices.Contains(holders, m.IDs[0]) {
					break // the holder's own clause: the doer may open the next
				}
				return k
			}
		}
	}
	return -1
}

// Seen notes the topics a sentence named, after its claims are made.
func (d *Doc) Seen(s *clause.Sentence) {
	for k := range s.Mentions {
		if s.Mentions[k].Kind == mention.Topic {
			d.seenTopic, d.seenTopicAt = s.Mentions[k].ID, s.Index
		}
	}
}

// refersBack reports an object that points back (该…, this agreement).
func (d *Doc) refersBack(s *clause.Sentence, f *frame.Frame) bool {
	if d.referIn(s, f.ObjStart, min(f.ObjEnd, f.ObjStart+4)) {
		return true
	}
	// 上述行动是不可接受的, "this move is unacceptable": the object before the cue
	return f.Rule.Kind == "pre" && f.PreStart >= 0 && d.referIn(s, f.PreStart, min(f.CueStart, f.PreStart+4))
}

// whens finds the years a frame's clause fixes for a commitment: "in
// 2025", "2035年前", "next year" (the publication year + 1).
func (d *Doc) whens(s *clause.Sentence, f *frame.Frame, pred string) []string {
	c := s.Clauses[f.Clause]
	var out []string
	from, to := c.Start, max(c.End, f.ObjEnd)
	for k := from; k < to; k++ {
		t := s.Tokens[k].Text
		if len(t) == 4 && (strings.HasPrefix(t, "19") || strings.HasPrefix(t, "20")) && isDigits(t) {
			tag := ""
			if k > 0 {
				switch strings.ToLower(s.Tokens[k-1].Text) {
				case "by", "before", "until":
					tag = "!"
				}
			}
			if k+1 < to {
				nx := s.Tokens[k+1].Text
				if nx == "年" && k+2 < to {
					switch s.Tokens[k+2].Text {
					case "前", "之前", "以前", "底", "年底":
						tag = "!"
					}
				}
				if strings.HasPrefix(nx, "年前") || strings.HasPrefix(nx, "年底") {
					tag = "!"
				}
			}
			if full := fullDate(s, k); full != "" {
				t = full // "on 8 July 2024", 2024年7月8日: the day the text fixes
			}
			out = append(out, t+tag)
		} else if y, ok := zhYear(t); ok {
			out = append(out, y)
		}
	}
	if !d.date.IsZero() {
		if ps := d.b.m.Words(s.Lang, "year"); ps != nil {
			for _, pm := range ps.Find(s.Tokens[from:min(to, len(s.Tokens))]) {
				w := d.b.m.WordValue(pm.Ref)
				if n, err := strconv.Atoi(w); err == nil {
					out = append(out, strconv.Itoa(d.date.Year()+n))
				}
			}
		}
	}
	return out
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// zhYear reads a Chinese token holding a year: 2025年, 2035年前.
func zhYear(t string) (string, bool) {
	if len(t) < 7 || !isDigits(t[:4]) || !(strings.HasPrefix(t, "19") || strings.HasPrefix(t, "20")) || !strings.HasPrefix(t[4:], "年") {
		return "", false
	}
	rest := t[4+len("年"):]
	if rest == "前" || rest == "之前" || rest == "底" || rest == "以前" {
		return t[:4] + "!", true
	}
	return t[:4], true
}

// plausible drops years before the statement's year: a commitment's date
// lies ahead (同1990年相比 is a baseline).
func (d *Doc) plausible(ws []string) []string {
	floor := 2000
	if !d.date.IsZero() {
		floor = d.date.Year()
	}
	out := ws[:0]
	for _, w := range ws {
		if y, err := strconv.Atoi(w[:min(4, len(w))]); err == nil && y < floor {
			continue
		}
		out = append(out, w)
	}
	return out
}

var months = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
	"jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}

// fullDate reads a whole date around the year at token k: "8 July 2024",
// "July 8, 2024", 2024年7月8日. It returns YYYY-MM-DD, or "".
func fullDate(s *clause.Sentence, k int) string {
	toks := s.Tokens
	year := toks[k].Text
	day := func(w string) int {
		w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "st"), "nd"), "rd"), "th")
		n, err := strconv.Atoi(w)
		if err != nil || n < 1 || n > 31 {
			return 0
		}
		return n
	}
	format := func(m, d int) string { return fmt.Sprintf("%s-%02d-%02d", year, m, d) }
	if k >= 2 {
		if m := months[strings.ToLower(toks[k-1].Text)]; m > 0 && day(toks[k-2].Text) > 0 {
			return format(m, day(toks[k-2].Text)) // 8 July 2024
		}
	}
	if k >= 3 && toks[k-1].Text == "," {
		if m := months[strings.ToLower(toks[k-3].Text)]; m > 0 && day(toks[k-2].Text) > 0 {
			return format(m, day(toks[k-2].Text)) // July 8, 2024
		}
	}
	// 2024年7月8日, whatever the segmenter made of it
	var rest strings.Builder
	for j := k + 1; j < len(toks) && j <= k+6; j++ {
		rest.WriteString(toks[j].Text)
	}
	r := rest.String()
	if strings.HasPrefix(r, "年") {
		var m, d int
		if n, _ := fmt.Sscanf(strings.TrimPrefix(r, "年"), "%d月%d日", &m, &d); n == 2 && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			return format(m, d)
		}
	}
	return ""
}

func deadlines(ws []string) []string {
	var out []string
	for _, w := range ws {
		if strings.HasSuffix(w, "!") {
			out = append(out, w)
		}
	}
	return out
}

func uniqWhens(ws []string) []string {
	var out []string
	for _, w := range ws {
		w = strings.TrimSuffix(w, "!")
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

func uniq(ids []string) []string {
	var out []string
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// counterVerbs act against what follows them.
var counterVerbs = map[string]bool{"counter": true, "combat": true, "fight": true, "deter": true, "prevent": true, "stop": true,
	"end": true, "tackle": true, "resist": true, "curb": true, "defeat": true, "eradicate": true, "eliminate": true, "confront": true,
	"address": true, "reduce": true, "halt": true, "ban": true, "against": true, "应对": true, "减少": true, "禁止": true, "取缔": true, "铲除": true, "惩治": true,
	"打击": true, "遏制": true, "防止": true, "制止": true, "抵制": true, "反对": true, "对抗": true, "抵御": true, "消除": true, "根除": true,
	"降低": true, "免遭": true, "免受": true, "避免": true, "拒绝": true, "终止": true, "停止": true, "结束": true,
	"protect": true, "反恐": true, "counterterrorism": true, "counter-terrorism": true, "elimination": true, "eradication": true, "prevention": true}

// countered reports a verb acting against its object inside a frame's
// object (efforts to counter …, 打击…): what the object names is opposed.
func countered(s *clause.Sentence, f *frame.Frame) bool {
	from := f.CueStart
	if f.PreStart >= 0 && f.PreStart < from {
		from = f.PreStart // 打击恐怖主义需要团结: what is needed stands before the cue
	}
	for k := from; k < max(f.ObjEnd, f.CueEnd) && k < len(s.Tokens); k++ { // (the cue itself: "address the DPRK's provocations")
		if t := &s.Tokens[k]; counterVerbs[t.Lemma] || counterVerbs[t.Text] {
			return true
		}
	}
	return false
}

// counteredParty reports a target that a counter verb in the object
// governs ("deterring the DPRK", "efforts to counter Russia", 遏制俄罗斯):
// supporting that is opposing the party.
func (d *Doc) counteredParty(s *clause.Sentence, f *frame.Frame, objs []int, targets []string) bool {
	for _, k := range objs {
		m := &s.Mentions[k]
		if len(m.IDs) == 0 || !slices.Contains(targets, m.IDs[0]) {
			continue
		}
		if d.possessive(s, m) {
			return false // "to end Ukraine's sovereignty": what is acted against is its good
		}
		j := m.Tok - 1
		for j > f.CueEnd && (s.Tokens[j].POS == token.Det || s.Tokens[j].POS == token.Adj) {
			j--
		}
		if j >= f.CueEnd && j < len(s.Tokens) && (counterVerbs[s.Tokens[j].Lemma] || counterVerbs[s.Tokens[j].Text]) && s.Tokens[j].POS == token.Verb {
			return true
		}
		return deniedAbility(s, m.TokEnd)
	}
	return false
}

// stoppedParty reports an English "X must be stopped / defeated / held
// accountable": the passive verb after the cue acts against X.
func stoppedParty(s *clause.Sentence, f *frame.Frame) bool {
	if s.Lang != "en" {
		return false
	}
	for k := f.CueEnd; k < len(s.Tokens) && k < f.CueEnd+4; k++ {
		t := &s.Tokens[k]
		if t.Lemma == "be" || t.POS == token.Adv {
			continue
		}
		return t.Tag == "VBN" && (counterVerbs[t.Lemma] || t.Lemma == "hold" || t.Lemma == "punish" || t.Lemma == "isolate" || t.Lemma == "sanction")
	}
	return false
}

// deniedAbility reports an English party followed by what it must not be
// able to do ("ensure that Iran is never able to acquire", "Iran cannot
// obtain", "so that Russia does not"): the stance is against it.
func deniedAbility(s *clause.Sentence, at int) bool {
	if s.Lang != "en" {
		return false
	}
	neg, can := false, false
	for k := at; k < len(s.Tokens) && k < at+4; k++ {
		switch s.Tokens[k].Lower {
		case "not", "never", "n't", "n’t":
			neg = true
		case "cannot", "can't", "can’t":
			neg, can = true, true
		case "is", "are", "will", "be", "should", "would", "may", "ever":
		case "can":
			can = true
		case "able", "allowed", "permitted":
			return neg
		default:
			return neg && can && s.Tokens[k].POS == token.Verb // "Russia cannot use New Zealand to circumvent sanctions"
		}
	}
	return false
}

// between returns the parties coordinated right after "between" in an
// English call's object ("encouraged dialogue between the UK and the EU"):
// each of them is called on.
func (d *Doc) between(s *clause.Sentence, f *frame.Frame) []string {
	if s.Lang != "en" {
		return nil
	}
	for k := f.ObjStart; k+1 < f.ObjEnd && k < f.ObjStart+6; k++ {
		if s.Tokens[k].Lower != "between" {
			continue
		}
		j := k + 1
		for j < f.ObjEnd && s.Tokens[j].POS == token.Det {
			j++
		}
		if mk := s.MentionAt(j); mk >= 0 && s.Mentions[mk].Tok <= j && s.Mentions[mk].Tok > k && len(s.Mentions[mk].IDs) > 0 && !s.Mentions[mk].Attr {
			if t := d.coordinatedTargets(s, mk); len(t) >= 2 {
				return t
			}
		}
		return nil
	}
	return nil
}

// regardAs reports 视为, 看作 or 当作 among the tokens [i, end): what 把
// takes is regarded as something, not acted on.
func regardAs(s *clause.Sentence, i, end int) bool {
	for k := i; k < end && k < i+3; k++ {
		switch s.Tokens[k].Text {
		case "视为", "看作", "视作", "当作", "当成", "看成", "视", "看待":
			return true
		}
	}
	return false
}

// saysNext reports a Chinese stance whose object is only a verb of saying
// (批评说，谴责称): what it says follows in the next clauses.
func saysNext(s *clause.Sentence, f *frame.Frame) bool {
	if s.Lang != "zh" || f.ObjStart >= f.ObjEnd {
		return false
	}
	for k := f.ObjStart + 1; k < f.ObjEnd; k++ {
		if s.Tokens[k].POS != token.Punct {
			return false
		}
	}
	switch s.Tokens[f.ObjStart].Text {
	case "说", "称", "道", "指出":
		return true
	}
	return false
}

// topicsAfter returns the first topic named from token i to the end of the
// sentence.
func (d *Doc) topicsAfter(s *clause.Sentence, i int) []string {
	for k := range s.Mentions {
		if m := &s.Mentions[k]; m.Tok >= i && m.Kind == mention.Topic && m.ID != "" {
			return []string{m.ID}
		}
	}
	return nil
}

// reciprocal reports an object that opens with 对方, 彼此, "each other" or
// "one another": the two holders direct it at each other.
func (d *Doc) reciprocal(s *clause.Sentence, f *frame.Frame) bool {
	toks := s.Tokens
	if s.Lang == "zh" && f.CueStart > 0 && (toks[f.CueStart-1].Text == "互相" || toks[f.CueStart-1].Text == "相互" || toks[f.CueStart-1].Text == "彼此") && (f.ObjStart >= f.ObjEnd || toks[f.ObjStart].POS == token.Punct) {
		return true // 双方互相指责: each the other, with no object named (相互尊重主权: the principle)
	}
	if f.ObjStart >= f.ObjEnd || f.ObjStart >= len(toks) {
		return false
	}
	switch t := toks[f.ObjStart].Lower; {
	case t == "对方" || t == "彼此" || t == "相互":
		return true
	case (t == "each" || t == "one") && f.ObjStart+1 < len(toks):
		n := toks[f.ObjStart+1].Lower
		return t == "each" && n == "other" || t == "one" && n == "another"
	}
	return false
}

// aboutNouns name a state of affairs: the place after "in" is what it is
// about ("the situation in", "the conflict in Sudan").
var aboutNouns = map[string]bool{"situation": true, "tension": true, "stability": true, "peace": true, "escalation": true,
	"conflict": true, "crisis": true, "war": true, "violence": true, "fighting": true, "hostilities": true, "unrest": true}

// placeItIsAbout reports a place named after "in" that follows a noun of
// aboutNouns (optionally with an adjective), "the continued conflict in
// Sudan", or a topic, "human rights and fundamental freedoms in Cambodia".
func placeItIsAbout(s *clause.Sentence, m *mention.Mention) bool {
	k := beforeDets(s, m.Tok-1)
	// "in Tibet, Hong Kong and Xinjiang": the places coordinated with the first
	for k > 1 && (s.Tokens[k].Lower == "," || s.Tokens[k].Lower == "and" || s.Tokens[k].Lower == "or") {
		k--
		if s.Tokens[k].Lower == "," {
			k--
		}
		mk := s.MentionAt(k)
		if mk < 0 || s.Mentions[mk].TokEnd != k+1 || s.Mentions[mk].Kind == mention.Topic {
			return false
		}
		k = beforeDets(s, s.Mentions[mk].Tok-1)
	}
	if k < 1 || s.Tokens[k].Lower != "in" {
		return false
	}
	return aboutNouns[s.Tokens[k-1].Lemma] || s.Lang == "en" && topicShortlyBefore(s, k)
}

// beforeDets returns the token at i, or the first before it that is no
// determiner ("in the Sahel": "in").
func beforeDets(s *clause.Sentence, i int) int {
	for i > 0 && s.Tokens[i].POS == token.Det {
		i--
	}
	return i
}

// deedOf returns the party of objs, starting within tokens [from, to), that
// owns what follows it (X的…, X's …): whose deed or act a welcome is about.
func (d *Doc) deedOf(s *clause.Sentence, objs []int, holders []string, from, to int) []string {
	for j := from; j < to+2 && j < len(s.Tokens); j++ {
		if s.Lang == "en" && frame.VirtueNouns[s.Tokens[j].Lemma] {
			to = max(to, j+5) // "the bravery and determination of the Ukrainian people"
			break
		}
	}
	for _, k := range objs {
		m := &s.Mentions[k]
		if m.Tok < from {
			continue
		}
		rel := relativeDoer(s, m, from, to)
		if m.Tok >= to+2 && rel == nil {
			break // "the efforts by the African Union" reaches a little further
		}
		if (m.Kind != mention.Actor && m.Kind != mention.Person) || len(m.IDs) == 0 || m.TokEnd >= len(s.Tokens) {
			continue
		}
		if next := s.Tokens[m.TokEnd].Text; m.Tok < to && (next == "的" || next == "'s" || next == "’s") && len(minus(m.IDs, holders)) > 0 {
			return m.IDs
		}
		if s.Lang == "zh" && m.Tok == from && !m.Attr && (s.Tokens[m.TokEnd].Text == "对" || s.Tokens[m.TokEnd].Text == "对于") && len(minus(m.IDs, holders)) > 0 {
			return m.IDs // 赞同德国对俄罗斯的谴责: the party before 对 is whose deed it is
		}
		if m.Tok == from && !m.Attr && s.Tokens[m.TokEnd].POS == token.Verb && (s.Lang == "zh" || s.Tokens[m.TokEnd].Tag == "VBG") && len(minus(m.IDs, holders)) > 0 {
			return m.IDs // 欢迎巴西加入亚投行, "welcomed Brazil joining": the party whose act it is
		}
		if rel != nil && len(minus(rel, holders)) > 0 {
			return rel // "the reforms that Angola is pursuing", "the support that the Government of Japan has provided"
		}
		if s.Lang == "en" && m.Tok > from && actNouns[s.Tokens[m.Tok-1].Lemma] &&
			(s.Tokens[m.TokEnd].POS == token.Verb || s.Tokens[m.TokEnd].POS == token.Aux) && len(minus(m.IDs, holders)) > 0 {
			return m.IDs // "welcome the progress North Macedonia has made": the party whose deed it is
		}
		for j := from; j < m.Tok; j++ {
			if (actOfParty(s, j, m.Tok) > 0 || virtueOfParty(s, j, m.Tok) && !m.Attr) && len(minus(m.IDs, holders)) > 0 {
				return m.IDs // "welcomed the efforts by the UN", "the decision of Japan"
			}
		}
	}
	return nil
}

// relativeDoer reads the doer of a deed a relative clause tells, right
// after the noun that names it: "the support that the Government of Japan
// has provided", "the assistance which Norway gave". The noun stands within
// the window [from, to]; nil when the mention is no such doer.
func relativeDoer(s *clause.Sentence, m *mention.Mention, from, to int) []string {
	if s.Lang != "en" || !isParty(m) || m.Attr || m.TokEnd >= len(s.Tokens) {
		return nil
	}
	start := m.Tok
	for j := max(from, m.Tok-4); j < m.Tok; j++ {
		if s.Tokens[j].POS == token.Det {
			continue
		}
		if n := peopleOf(s, j, m.Tok); n > 0 && j+n == m.Tok {
			start = j // "the Government of Japan"
			break
		}
	}
	if start > from && s.Tokens[start-1].POS == token.Det && !relativeWord(&s.Tokens[start-1]) {
		start-- // "the Government of Japan", "the U.S."
	}
	rel := start - 1
	if rel-1 < from || rel-1 > to || !relativeWord(&s.Tokens[rel]) {
		return nil
	}
	if n := &s.Tokens[rel-1]; n.POS != token.Noun || contentNouns[n.Lemma] {
		return nil
	}
	next := &s.Tokens[m.TokEnd]
	if next.POS != token.Verb && next.POS != token.Aux {
		return nil
	}
	return m.IDs
}

// relativeWord reports "that" or "which" opening a relative clause (the
// tagger may call "that" a determiner).
func relativeWord(t *token.Token) bool { return t.Lemma == "that" || t.Lemma == "which" }

// ownDeed are the possessives that make what a person is thanked for the
// person's own ("for his leadership of the Assembly").
var ownDeed = map[string]bool{"his": true, "her": true, "their": true, "your": true}

// recognizeVerbs, before a quality of a party, praise it.
var recognizeVerbs = map[string]bool{"recognize": true, "recognise": true, "salute": true, "honor": true, "honour": true, "acknowledge": true}

// virtueOpens reports a quality that opens the object at i, after a
// determiner or a possessive at most ("the courage of", "their resilience").
func virtueOpens(s *clause.Sentence, i int) bool {
	for k := i; k >= 0 && k < len(s.Tokens) && k <= i+1; k++ {
		if frame.VirtueNouns[s.Tokens[k].Lemma] {
			return true
		}
		if s.Tokens[k].POS != token.Det && s.Tokens[k].Tag != "PRP$" {
			return false
		}
	}
	return false
}

// virtueOfParty reports "the courage of [the] X", "the bravery and
// heroism of X" from j to the party at end.
func virtueOfParty(s *clause.Sentence, j, end int) bool {
	if s.Lang != "en" || !frame.VirtueNouns[s.Tokens[j].Lemma] {
		return false
	}
	k := j + 1
	if k+1 < end && (s.Tokens[k].Lower == "and" || s.Tokens[k].Text == ",") && frame.VirtueNouns[s.Tokens[k+1].Lemma] {
		k += 2
	}
	if k >= end || s.Tokens[k].Lower != "of" {
		return false
	}
	k++
	for k < end && (s.Tokens[k].POS == token.Det || s.Tokens[k].Tag == "PRP$") {
		k++
	}
	if k+1 < end && peopleNouns[s.Tokens[k].Lemma] && s.Tokens[k+1].Lower == "of" {
		k += 2 // "the resilience of the people of Somalia"
		for k < end && s.Tokens[k].POS == token.Det {
			k++
		}
	}
	return k == end
}

// contentNouns take a that-clause that tells what they say, not a deed of
// its subject ("welcome the news that Iran has released …": the release is
// welcomed, Iran is not commended).
var contentNouns = map[string]bool{"news": true, "fact": true, "report": true, "announcement": true, "statement": true,
	"claim": true, "view": true, "idea": true, "notion": true, "hope": true, "belief": true, "assurance": true,
	"confirmation": true, "assessment": true, "understanding": true, "message": true, "sign": true, "signal": true,
	"indication": true, "expectation": true, "recognition": true, "word": true}

// kinIn reports a party after "brothers and sisters in", "the peoples of":
// solidarity with a people is support of its state, not of a setting.
func kinIn(s *clause.Sentence, m *mention.Mention) bool {
	k := m.Tok - 1
	if k < 1 || (s.Tokens[k].Lower != "in" && s.Tokens[k].Lower != "of") {
		return false
	}
	switch s.Tokens[k-1].Lemma {
	case "brother", "sister", "people", "peoples", "friend":
		return true
	}
	return false
}

// borderNouns before "between X and Y" make X and Y where something happens.
var borderNouns = map[string]bool{"border": true, "boundary": true, "frontier": true, "line": true}

// drop records, for --explain, a frame that states no claim and why.
func (d *Doc) drop(s *clause.Sentence, f *frame.Frame, reason string) {
	if d.explain {
		d.Dropped = append(d.Dropped, Dropped{Rule: f.Rule.ID, Cue: cueText(s, f), Reason: reason,
			Start: s.Tokens[f.CueStart].Start, End: s.Tokens[f.CueEnd-1].End})
	}
}

// isParty reports a mention of a state, an organisation or a person who
// stands for one, not named as a venue.
func isParty(m *mention.Mention) bool {
	return (m.Kind == mention.Actor || m.Kind == mention.Person) && len(m.IDs) > 0 && !m.Venue
}

// partyAfter reports a party among the object's mentions after m that is
// none of the holders.
func partyAfter(s *clause.Sentence, m *mention.Mention, objs []int, holders []string) bool {
	for _, k := range objs {
		if o := &s.Mentions[k]; o.Tok >= m.TokEnd && isParty(o) && len(minus(o.IDs, holders)) > 0 {
			return true
		}
	}
	return false
}

// verbAfterDoer returns the verb right after a Chinese party in a stance's
// object (adverbs between), when the party is the subject of what the
// object tells (中国采用新规则…, 俄罗斯继续攻击…); -1 when none.
func verbAfterDoer(s *clause.Sentence, i int) int {
	for i < len(s.Tokens) && s.Tokens[i].POS == token.Adv {
		i++
	}
	if i < len(s.Tokens) && s.Tokens[i].POS == token.Verb && s.MentionAt(i) < 0 {
		return i
	}
	return -1
}

// organsOfState are the organisations whose bodies hold claims for their
// state, as the guidelines have it: a ruling party ("the Communist Party's
// bodies → the state") and the state's own bodies that texts name as
// organisations (the National People's Congress, the CPPCC). As a holder
// each is its state (中共中央表示, 全国人大常委会决定); as a target or an
// entity it stays the organisation.
var organsOfState = map[string]string{"org:cpc": "CHN", "org:npc": "CHN", "org:cppcc": "CHN"}

// partyStates puts the state for an organ of state among a claim's holders;
// false (and no copy) when no holder is one, as for nearly every claim.
func partyStates(ids []string) ([]string, bool) {
	if !slices.ContainsFunc(ids, func(id string) bool { return organsOfState[id] != "" }) {
		return nil, false
	}
	var out []string
	for _, id := range ids {
		if st, ok := organsOfState[id]; ok {
			id = st
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, true
}

// peoplesOf reports a place followed by 人民的 (西藏人民的宗教自由): the good
// that follows is its people's, so the place's.
func peoplesOf(s *clause.Sentence, m *mention.Mention) bool {
	k := m.TokEnd
	return k+1 < len(s.Tokens) && s.Tokens[k].Text == "人民" && s.Tokens[k+1].Text == "的"
}

// sharedStance reports an English stance noun that the words right before
// it give to both sides ("our shared commitment", "mutual concerns", "our
// two countries' common support").
func sharedStance(s *clause.Sentence, f *frame.Frame) bool {
	if s.Lang != "en" || f.CueStart == 0 || s.Tokens[f.CueStart].POS == token.Verb {
		return false
	}
	switch s.Tokens[f.CueStart-1].Lower {
	case "shared", "mutual", "common", "joint":
		return true
	}
	return false
}

// agreedElsewhere reports an English "agreed" that names a past agreement:
// "as agreed at …", or a participle after the noun it qualifies and before
// where it was agreed ("the plan agreed upon at the summit").
func agreedElsewhere(s *clause.Sentence, f *frame.Frame) bool {
	c := f.CueStart
	if s.Lang != "en" || s.Tokens[c].Lemma != "agree" || c == 0 || c+1 >= len(s.Tokens) {
		return false
	}
	switch s.Tokens[c+1].Lower {
	case "at", "upon", "through", "by", "under", "during":
	default:
		return false
	}
	prev := &s.Tokens[c-1]
	participle := s.Tokens[c].Tag == "VBN" || s.Tokens[c+1].Lower == "through" || s.Tokens[c+1].Lower == "upon"
	return prev.Lower == "as" || prev.Lower == "previously" || participle && (prev.POS == token.Noun || prev.Text == ",")
}

// refusedAct reports 拒绝 followed by a verb other than one of accepting,
// joining or using something: the refusal of an act (拒绝让…, 拒绝考虑),
// not of the thing.
func refusedAct(s *clause.Sentence, f *frame.Frame) bool {
	if s.Lang != "zh" || s.Tokens[f.CueStart].Text != "拒绝" || f.CueStart+1 >= len(s.Tokens) {
		return false
	}
	next := &s.Tokens[f.CueStart+1]
	switch next.Text {
	case "接受", "承认", "认可", "同意", "加入", "参与", "参加", "卷入", "签署", "使用", "采用":
		return false // 拒绝接受, 拒绝加入, 拒绝使用华为: refusing the thing itself
	}
	return next.POS == token.Verb
}

package frame

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/diplograph/diplograph/services/extractor/clause"
	"github.com/diplograph/diplograph/services/extractor/mention"
	"github.com/diplograph/diplograph/services/extractor/token"
)

// Frame is one cue in its sentence, with its slots and scopes.
type Frame struct {
	Rule *Rule
	// CueStart, CueEnd are the cue's tokens; Clause its clause.
	CueStart, CueEnd int
	Clause           int
	// ObjStart, ObjEnd are the tokens of the object after the cue; PreStart
	// is where an object before the cue begins (对…表示关切), or -1.
	ObjStart, ObjEnd int
	PreStart         int
	// About marks a PreStart opened by 对, 就 (对…表示关切): cues inside
	// that object are part of it. Fronted marks one that opens an earlier
	// clause (对于X，Y表示反对).
	About, Fronted bool
	// Inner is the frame inside this one's object that states the claim
	// instead of it (reaffirmed their support, 将继续支持), or -1.
	Inner int
	// Absorbed marks a frame that is part of an enclosing frame's claim
	// (a stance inside what the parties agreed or a call), or that yields
	// its claim to Inner.
	Absorbed bool
	// Negated: a negation before the cue (does not support). Hypothetical:
	// only supposed (could, might). Cond: inside a condition. Question:
	// the sentence asks.
	Negated, Hypothetical, Cond, Question bool
	Intensity                             string
	// Report is the reported speech that governs the cue, Quote the
	// quotation it stands in (-1: none).
	Report, Quote int
	// Conj marks a cue that opens a new predicate of the clause's subject
	// ("reaffirmed … and called for …", "，并…").
	Conj bool
	// Modal marks a cue with a modal or an infinitive before it in its
	// clause (will, to, 将, 要, 愿): an action verb there is a commitment,
	// where alone it may only report a fact.
	Modal bool
	// Doer is the mention of the party whose stance a noun phrase names
	// inside another verb's object (赞同德国对俄罗斯的谴责, "praised Chile's
	// condemnation of the coup": Germany's, Chile's), or -1.
	Doer int
}

// Matcher finds frames. Safe for concurrent use.
type Matcher struct {
	set   *Set
	cues  map[string]*token.Patterns // by language
	words map[string]map[string]*token.Patterns
	// plan is the rule of an English plan (en.commit.plan), for headlines
	// that state one with a bare infinitive ("Germany to raise …"); -1: none.
	plan int
	// violation is each language's rule of a denounced act (X violates …),
	// for rhetorical questions that name a wrong (这难道不是经济胁迫吗);
	// oppose its rule of opposition, for a refusal of recognition.
	violation, oppose map[string]int
}

// NewMatcher compiles a rule set.
func NewMatcher(set *Set) (*Matcher, error) {
	m := &Matcher{set: set, cues: map[string]*token.Patterns{}, words: map[string]map[string]*token.Patterns{}, plan: -1, violation: map[string]int{}, oppose: map[string]int{}}
	for i := range set.Rules {
		if set.Rules[i].ID == "en.commit.plan" {
			m.plan = i
		}
		if strings.HasSuffix(set.Rules[i].ID, ".condemn.violation") {
			m.violation[set.Rules[i].Lang] = i
		}
		if strings.HasSuffix(set.Rules[i].ID, ".oppose.verb") {
			m.oppose[set.Rules[i].Lang] = i
		}
	}
	for i := range set.Rules {
		r := &set.Rules[i]
		ps := m.cues[r.Lang]
		if ps == nil {
			ps = token.NewPatterns()
			m.cues[r.Lang] = ps
		}
		for _, c := range r.Cues {
			if err := ps.Add(c, int32(i)); err != nil {
				return nil, err
			}
		}
	}
	for i, w := range set.Words {
		langs := []string{w.Lang}
		if w.Lang == "*" {
			langs = []string{"en", "zh"}
		}
		for _, l := range langs {
			if m.words[l] == nil {
				m.words[l] = map[string]*token.Patterns{}
			}
			ps := m.words[l][w.Kind]
			if ps == nil {
				ps = token.NewPatterns()
				m.words[l][w.Kind] = ps
			}
			if err := ps.Add(w.Phrase, int32(i)); err != nil {
				return nil, err
			}
		}
	}
	return m, nil
}

// Words returns the patterns of a word class in a language (nil: none).
func (m *Matcher) Words(lang, kind string) *token.Patterns { return m.words[lang][kind] }

// marks returns, for each token of a sentence, whether a phrase of the
// class starts there (bit 1) or ends there (bit 2); computed once per
// sentence and class.
func (m *Matcher) marks(s *mention.Sentence, kind string) []uint8 {
	if mk, ok := s.Marks[kind]; ok {
		return mk
	}
	var mk []uint8
	if ps := m.words[s.Lang][kind]; ps != nil {
		mk = make([]uint8, len(s.Tokens))
		for _, pm := range ps.FindAll(s.Tokens) {
			mk[pm.Start] |= 1
			mk[pm.End-1] |= 2
		}
	}
	if s.Marks == nil {
		s.Marks = map[string][]uint8{}
	}
	s.Marks[kind] = mk
	return mk
}

// WordAt reports whether a phrase of the class starts at token i.
func (m *Matcher) WordAt(s *mention.Sentence, kind string, i int) bool {
	mk := m.marks(s, kind)
	return i >= 0 && i < len(mk) && mk[i]&1 != 0
}

// WordEndingAt reports whether a phrase of the class ends right before token i.
func (m *Matcher) WordEndingAt(s *mention.Sentence, kind string, i int) bool {
	mk := m.marks(s, kind)
	return i > 0 && i-1 < len(mk) && mk[i-1]&2 != 0
}

// WordValue returns the value column of word ref (a relative year's offset).
func (m *Matcher) WordValue(ref int32) string { return m.set.Words[ref].Value }

// Rule returns rule i of the set.
func (m *Matcher) Rule(i int) *Rule { return &m.set.Rules[i] }

// Frames finds the frames of a sentence.
func (m *Matcher) Frames(s *clause.Sentence) []Frame {
	ps := m.cues[s.Lang]
	if ps == nil {
		return nil
	}
	toks := s.Tokens
	if heading(toks) || furniture(s) {
		return nil // a heading in capitals, a list of links, a table of contents: no position
	}
	var out []Frame
	matches := ps.Find(toks)
	if extra := append(m.headlinePlans(s), m.rhetorical(s)...); len(extra) > 0 {
		matches = append(matches, extra...)
		sort.SliceStable(matches, func(a, b int) bool { return matches[a].Start < matches[b].Start })
	}
	voiceClause := -1 // a clause that tells voices raised (…的声音): its cues state no stance
	forecastTo := -1  // the end of a clause that a warning foretells: its "will" commits no one
	for _, pm := range matches {
		r := &m.set.Rules[pm.Ref]
		if s.Lang == "en" && !m.cueIsWord(r, toks, pm) {
			continue
		}
		if s.Lang == "en" && r.Predicate == "call_on" && pm.End-pm.Start == 2 && toks[pm.Start].Lemma == "call" && toks[pm.Start+1].Lower == "to" && !callToDo(s, pm.Start, pm.End) {
			continue // "a call to Lavrov", "calls to discuss", the "Call to Action": a telephone call or a name, no call on anyone
		}
		if s.Lang == "zh" && pm.End-pm.Start == 1 && (noWill(s, pm.Start, pm.End) ||
			(toks[pm.Start].Text == "继续" || toks[pm.Start].Text == "将继续") && happening(s, pm.End) ||
			toks[pm.Start].Text == "宣布" && !willBefore(s, pm.End)) {
			continue // 将X与Y区分: 将 as 把; 外委会共和党人: 会 ends a name; 将有助于…, 拜登即将就任: a forecast, no one's act;
			// 宣布X为Y, 宣布某人被禁言: a declaration or news, not an announced act
		}
		if s.Lang == "zh" && toks[pm.Start].Text == "肯定" && pm.End < len(toks) && certainlyBefore[toks[pm.End].Text] {
			continue // 肯定会入侵, 肯定不会接受: "certainly", no praise
		}
		if ends, ok := circumfix[toks[pm.Start].Text]; ok && s.Lang == "zh" && !closedBy(s, pm.End, ends) {
			continue // 站在乌克兰一边 is a stance; 站在门口 is not
		}
		if s.Lang == "zh" && r.Kind == "stance" && pm.Start > 0 && underSupport(s, pm.Start, pm.End) {
			continue // 在美国支持下打击…: done with someone's backing, no stance stated
		}
		if s.Lang == "zh" && r.Modality == "will" && pm.Start > 0 && (toks[pm.Start].Text == "会" || toks[pm.Start].Text == "将") && toks[pm.Start-1].Text == "就" {
			continue // 就会牺牲…的机会: a consequence foretold, no one's commitment
		}
		if s.Lang == "zh" && r.Kind == "stance" && verbBeforeList(s, pm.Start) && describesPeople(s, pm.End) {
			continue // 打压反对或对抗中国当局的人物: the people who oppose, not a stance of the subject
		}
		if s.Lang == "zh" && (r.Kind == "stance" || r.Kind == "call") && (voiceClause == s.ClauseOf(pm.Start) || voicesAfter(s, pm.Start, pm.End)) {
			voiceClause = s.ClauseOf(pm.Start)
			continue // 出现了一些反对华为参与5G的声音, 呼吁制裁的呼声: the voices that oppose or call (and what else they say), no stance of the subject
		}
		if s.Lang == "en" && r.Kind == "accuse" && toks[pm.Start].POS == token.Adv && !activeWithObject(toks, pm) {
			continue // "Americans unjustly detained abroad": the victims named, the doer not
		}
		if s.Lang == "en" && r.ID == "en.agree.verb" && notAnAgreement(toks, pm) {
			continue // "I agree with you that …", "the targets agreed upon at COP27", "we need to agree": no agreement between parties stated
		}
		if s.Lang == "zh" && r.Predicate == "concern" && pm.End-pm.Start == 1 && concernNoun(toks, pm.Start) {
			continue // 中方核心利益和重大关切, 尊重中方的合理关切: the concerns named, no concern expressed
		}
		if s.Lang == "zh" && r.Predicate == "commit" && pm.End-pm.Start == 1 && planNoun(toks, pm.Start) {
			continue // 对澳大利亚葡萄酒征收关税的决定, 这一决定, 没有前往中国的计划: the plan or decision named, no one committing
		}
		if r.Predicate == "call_on" && forecastWarned(s, pm) {
			forecastTo = s.Clauses[s.ClauseOf(pm.Start)].End
			continue // 警告世界生产总值将萎缩, "warned that growth will slow": a forecast, no call on anyone
		}
		if r.Modality == "will" && pm.Start < forecastTo {
			continue // (and its 将, "will": part of the forecast)
		}
		if s.Lang == "zh" && r.Kind == "should" && toks[pm.Start].Text == "应" && atInvitation(toks, pm.End) {
			continue // 应美国国防部长邀请访问…: "at the invitation of", no obligation
		}
		if s.Lang == "zh" && r.Predicate == "call_on" && r.Kind == "should" && epistemicShould(toks, pm) {
			continue // 应该是疫情, 应该不会在欧洲销售: what is likely, not what anyone should do
		}
		if s.Lang == "zh" && pm.End+1 < len(toks) && toks[pm.End].Text == "不得" {
			continue // 批评不得的地位: what may not be criticised, no criticism
		}
		if s.Lang == "zh" && knownFor(s, pm.Start) {
			continue // 以捍卫人权捍卫者而闻名: what someone is known for, no stance taken here
		}
		if s.Lang == "zh" && r.Predicate == "commit" && preventedAct(s, pm.Start) {
			continue // 美国试图阻止中国继续扩大…: what another is kept from doing commits no one
		}
		if s.Lang == "en" && r.Kind == "importance" && toks[pm.End-1].Lower == "important" && pm.End < len(toks) && toks[pm.End].POS == token.Noun {
			continue // "is an important driver of migration": a description of a thing, not what matters to the speaker
		}
		if s.Lang == "en" && r.Modality == "will" && toks[pm.Start].Lower == "would" && !m.reportedWould(s, pm.Start) {
			continue // "would" commits only as the future of a report ("Japan said it would send …")
		}
		if s.Lang == "en" && r.Modality == "will" && notAWill(toks, pm) {
			continue // "the will of the people", "the goal will be the first …", "continue to believe": no commitment
		}
		if s.Lang == "en" && r.Modality == "will" && (toks[pm.Start].Lower == "will" || toks[pm.Start].Lower == "shall") && thingWill(s, pm.Start) {
			continue // "the impacts will worsen", "the corridor will bring jobs": a forecast about a thing, no one's commitment
		}
		if s.Lang == "en" && r.Modality == "will" && (toks[pm.Start].Lower == "will" || toks[pm.Start].Lower == "shall") && passiveWill(toks, pm.End) {
			continue // "he will be joined by", "they will be held accountable": what is done to the subject, not its commitment
		}
		if s.Lang == "en" && r.Predicate == "call_on" && pm.End+1 < len(toks) && (toks[pm.End].Lower == "each" && toks[pm.End+1].Lower == "other" || toks[pm.End].Lower == "one" && toks[pm.End+1].Lower == "another") {
			continue // "will work closely, encouraging each other": the parties together, no call on either
		}
		if s.Lang == "en" && r.Predicate == "commit" && pm.End-pm.Start == 1 && floorPassing(toks, pm.Start) {
			continue // "will deliver opening remarks": a speech announced, nothing delivered
		}
		if s.Lang == "en" && r.Kind == "pre" && toks[pm.End-1].Lemma == "concern" && (pm.Start > 0 && toks[pm.Start-1].Lower == "there" ||
			pm.End >= 2 && enDemonstratives[toks[pm.End-2].Lower]) {
			continue // "there are concerns", "it was those concerns that …": concerns told of, none stated about what comes before
		}
		if s.Lang == "en" && r.Kind == "commit" && pm.End-pm.Start == 1 && prenominal(s, pm.Start) {
			continue // "the established government", "an expanded mandate": a participle describing a noun, no act
		}
		if s.Lang == "en" && pm.End-pm.Start == 1 && inCompound(s, pm.Start) {
			continue // "back-to-back elections", "well-backed reforms": a word of a compound modifier, no verb
		}
		if s.Lang == "en" && toks[pm.Start].Lemma == "back" && pm.End-pm.Start == 1 && pm.End < len(toks) && backParticles[toks[pm.End].Lower] {
			continue // "will not back down", "backed away from the deal": retreating, no backing of anyone
		}
		if s.Lang == "en" && toks[pm.Start].Lemma == "address" && addressesAudience(s, pm.End) {
			continue // "to address the General Assembly", "I address you today": speaking to them
		}
		if s.Lang == "zh" && r.Modality == "will" && zhWillModifies(s, pm.Start, pm.End) {
			continue // 即将举行的谈判, 即将到武汉调查之际: a phrase describing a thing or a time, no one commits
		}
		if s.Lang == "zh" && r.Predicate == "commit" && pm.End-pm.Start == 1 && zhNominal(s, pm.Start, pm.End) {
			continue // 此计划, 制裁名单, 决定引发质疑, 在促进民主方面: the word names a thing, no one commits to it here
		}
		if s.Lang == "en" && r.Predicate == "call_on" && toks[pm.Start].Lemma == "press" && pm.End-pm.Start == 1 && !pressesSomeone(s, pm.Start) {
			continue // "pressing global issues", "press forward with", "continues to press this aggression": no call on anyone
		}
		if s.Lang == "en" && toks[pm.Start].Lemma == "contribute" && r.Predicate == "commit" && contributesToHarm(s, pm.End) {
			continue // "we contribute the least to climate change", "policies that contribute to rising tensions": a share in a harm, no commitment
		}
		if s.Lang == "en" && r.Modality == "will" && toks[pm.Start].Lemma == "continue" && toks[pm.Start].Tag != "VB" && !ownVoice(s, pm.Start) {
			continue // "Iran continues to enrich", "she continued to report": a description, no commitment
		}
		if s.Lang == "zh" && r.Kind == "accuse" && chargedWith(s, pm.Start, pm.End) {
			continue // 因违反国安法被捕, 涉嫌违反制裁令: a charge someone is held on, not a denunciation
		}
		if s.Lang == "zh" && toks[pm.Start].Text == "威胁" && pm.End < len(toks) && threatenTo[toks[pm.End].Text] {
			continue // 威胁称, 威胁要制裁: threatening to act, said by the one who threatens
		}
		if s.Lang == "zh" && pm.Start > 0 && undergoVerbs[toks[pm.Start-1].Text] && r.Kind == "stance" {
			continue // 面临批评, 遭到谴责, 引发关切: the subject meets the stance, nobody named holds it
		}
		if s.Lang == "zh" && r.Kind == "stance" && undergoneWith(s, pm.Start) {
			continue // 引起国际社会的强烈反对: met with others' stance, no one's own position here
		}
		if s.Lang == "zh" && pm.End-pm.Start == 1 && pm.End < len(toks) && stanceNounHeads[toks[pm.End].Text] && r.Kind == "stance" {
			continue // 反对声音, 反对派, 支持者: a noun for people or views, not a stance taken
		}
		if s.Lang == "zh" && toks[pm.Start].Text == "拒绝" && pm.End < len(toks) && declineVerbs[toks[pm.End].Text] {
			continue // 拒绝置评, 拒绝证实: declining to comment takes no position
		}
		if s.Lang == "zh" && r.Kind == "purpose" && pm.Start > 0 && toks[pm.Start-1].POS == token.Verb && modifiesNoun(s, pm.End) {
			continue // 重返旨在限制伊朗核计划的协议: the purpose describes the agreement
		}
		if s.Lang == "zh" && r.Kind != "pre" && r.Kind != "importance" && m.objectRelative(s, pm.Start, pm.End) {
			continue // 提出了计划与新政府合作的条件: the cue describes the object noun of another verb
		}
		if s.Lang == "zh" && toks[pm.Start].Text == "对抗" && (pm.End >= len(toks) || s.MentionAt(pm.End) < 0) {
			continue // 对抗 opposes the party right after it; 中美对抗, 避免对抗: a confrontation, no one's stance
		}
		if s.Lang == "zh" && r.Kind == "need" && zhNeedDenied(s, pm.Start) {
			continue // 不需要向北京求助: no need is no position
		}
		if s.Lang == "en" && r.Predicate == "agree" && agreedAttributive(s, pm.Start, pm.End) {
			continue // "an internationally agreed two-State solution": a word describing a noun
		}
		if s.Lang == "en" && r.Kind == "stance" && pm.Start > 1 && enRelative(s, pm.Start) {
			continue // "cronies who support the regime", "groups that oppose the talks": describes them, no one's position
		}
		if s.Lang == "zh" && r.Kind != "pre" && r.Kind != "importance" && relativeClause(s, pm.Start, pm.End, r.Predicate == "call_on") {
			continue // 反对核电站的非政府组织指出…, 应对疫情的方案应…: the cue describes a noun, it states no position
		}
		if s.Lang == "zh" && pm.End-pm.Start == 1 && pm.Start > 0 && toks[pm.Start-1].Text == "的" && r.Kind != "pre" &&
			(nounEnd(s, pm.End) || pm.Start > 1 && toks[pm.Start-2].POS == token.Verb && s.MentionAt(pm.Start-2) < 0) && !duiBefore(s, pm.Start) {
			continue // 华为造成的威胁远大于…, 构成的威胁: the word heads a noun phrase, nobody takes the stance here (X对Y的不满进一步加深: X's, kept)
		}
		if s.Lang == "zh" && toks[pm.Start].Text == "会" && pm.Start > 0 && meetingOf(toks[pm.Start-1].Text) {
			continue // 七国集团外长会无视…: 外长会 is a meeting, not "will"
		}
		if s.Lang == "zh" && pm.Start > 0 && r.Kind == "stance" && nounPrepositions[toks[pm.Start-1].Text] {
			continue // 从支持恐怖主义国家名单中, 对支持台独的势力: the cue is inside the preposition's noun phrase
		}
		if s.Lang == "zh" && pm.End-pm.Start == 1 && planNouns[toks[pm.Start].Text] && pm.Start > 0 && toks[pm.Start-1].POS == token.Verb && s.MentionAt(pm.Start-1) < 0 {
			continue // 管道建设计划, 援助计划, 做出决定: a noun after the verb it names, no plan of anyone's here
		}
		if s.Lang == "zh" && pm.End-pm.Start == 1 && toks[pm.Start].Text == "坚持" && pm.End < len(toks) && toks[pm.End].POS == token.Verb {
			continue // 坚持要求印度撤军: insisting, the verb after states the claim
		}
		if r.Kind == "commit" && obligedBefore(s, pm.Start) && !firstPersonBefore(s, pm.Start) {
			continue // "Iran must cooperate with the IAEA", 日方应停止: an obligation, the speaker's call, not a commitment
		}
		if s.Lang == "en" && r.Predicate == "welcome" && pm.End+1 < len(toks) && toks[pm.End].Lower == "to" && toks[pm.End+1].POS == token.Verb && !perceive[toks[pm.End+1].Lemma] {
			continue // "pleased to stand with X", "pleased to announce": the verb after states the claim
		}
		if s.Lang == "zh" && r.Predicate == "call_on" && toks[pm.Start].Text == "警告" && pm.End < len(toks) && warnSays[toks[pm.End].Text] && !threatAfter(s, pm.End) {
			continue // 警告称经济复苏仍不均衡: a warning told, not a call on anyone
		}
		if s.Lang == "zh" && pm.End-pm.Start == 1 && toks[pm.Start].Text == "继续" && !zhOwnVoice(s, pm.Start) {
			continue // 拜登继续攻击特朗普: what goes on, told by the writer, is no commitment
		}
		if s.Lang == "zh" && whenClause(s, pm.Start, pm.End) {
			continue // 在宣布…时表示: the act tells when the speaker spoke
		}
		if s.Lang == "en" && r.Kind == "hope" && pm.Start > 0 && (toks[pm.Start-1].POS == token.Adj || toks[pm.Start-1].POS == token.Det || toks[pm.Start-1].Tag == "PRP$") {
			continue // "my warmest wishes to", "best wishes": a greeting noun, not a hope
		}
		if s.Lang == "en" && r.Predicate == "support" && (toks[pm.Start].Lemma == "recognize" || toks[pm.Start].Lemma == "recognise" || toks[pm.Start].Lemma == "acknowledge") && !recognizesSomething(s, pm.End) {
			continue // "we have to recognize we are living a historic moment": acknowledging a fact
		}
		if s.Lang == "en" && r.Kind == "should" && pm.End < len(toks) && (cognition[toks[pm.End].Lemma] || acknowledging[toks[pm.End].Lemma]) && !recognizesSomething(s, pm.End+1) {
			continue // "we have to recognize we are living …": an obligation to see a fact
		}
		if s.Lang == "zh" && r.Kind == "stance" && holderNounAfterParty(s, pm.End) {
			continue // 承认台湾的政府, 支持乌克兰的议员: the cue describes those people, it states no one's position
		}
		if r.Predicate == "oppose" && declinedToSay(s, pm.Start, pm.End) {
			continue // 拒绝置评, "declined to comment": saying nothing is no opposition
		}
		if s.Lang == "zh" && toks[pm.Start].Text == "对抗" && fightsIllness(s, pm.End) {
			continue // 对抗新冠肺炎疫情: fighting a disease, not opposing anyone's position
		}
		if s.Lang == "zh" && toks[pm.Start].Text == "承认" && !zhRecognizesSomething(s, pm.End) {
			continue // 他承认犯了错误: admitting, not recognising a state or its sovereignty
		}
		if strings.HasSuffix(r.ID, ".imperative") && !imperative(s, pm.Start) {
			continue // "Stop sending weapons.": only a command that opens its sentence
		}
		if r.Kind == "pre" && unchanging(s, pm.Start, pm.End) && !stanceNounBefore(s, pm.Start) {
			continue // "经济潜力大的特点没有改变": a fact that stays, not a position held
		}
		if s.Lang == "en" && r.Predicate == "welcome" && pm.End < len(toks) && toks[pm.End-1].Lower == "to" && toks[pm.End].Tag == "VB" {
			continue // "grateful to have worked with": to before a verb names no one thanked
		}
		if insideName(s, pm) {
			continue // "the Reciprocal Access Agreement on …": part of a name
		}
		if inTitle(s, pm.Start) {
			continue // 《日本为何支持制裁》, the book "Why Japan Supports Sanctions": a title
		}
		if s.Lang == "zh" && pm.Start > 0 && adjectival(toks[pm.Start-1].Text) && (toks[pm.Start-1].Text == "受" || toks[pm.Start-1].Text == "最" || r.Predicate != "concern" && r.Predicate != "oppose") {
			continue // 受欢迎, 很满意, 最需要: the cue describes, it states no position (十分担忧, 非常不满 state one)
		}
		if s.Lang == "zh" && pm.End < len(toks) && (toks[pm.End].Text == "的" || toks[pm.End].Text == "、" && !stanceFollows(m, s, matches, pm.End+1)) && r.Kind != "pre" && r.Kind != "importance" {
			continue // 北京要求的“九二共识”: the verb qualifies a noun, it states nothing
		}
		if s.Lang == "zh" && r.Kind == "commit" && pm.Start > 0 && (toks[pm.Start-1].Text == "的" || toks[pm.Start-1].POS == token.Noun) && pm.End-pm.Start == 1 && toks[pm.Start].Text == "承诺" {
			continue // 国际承诺, 对…的承诺: commitments as a noun
		}
		if s.Lang == "zh" && r.Modality == "act" && pm.End-pm.Start == 1 && pm.Start > 0 && toks[pm.Start].POS == token.Noun &&
			(toks[pm.Start-1].POS == token.Noun || toks[pm.Start-1].Text == "的") && (pm.End >= len(toks) || s.MentionAt(pm.End) < 0) {
			continue // 对俄经济制裁, 单边制裁: the measure as a noun, not a party's act
		}
		if s.Lang == "zh" && r.Modality == "act" && pm.End-pm.Start == 1 && emptyAfter(s, pm.End, s.Clauses[s.ClauseOf(pm.Start)].End) && !aboutBefore(m, s, pm.Start) {
			continue // 制裁。, a bare act with nothing acted on: a noun or a heading, no commitment
		}
		f := Frame{Rule: r, CueStart: pm.Start, CueEnd: pm.End, Clause: s.ClauseOf(pm.Start), PreStart: -1, Inner: -1,
			Report: s.ReportOver(pm.Start), Quote: s.QuoteOf(pm.Start), Doer: -1}
		if f.Quote >= 0 && s.Quotes[f.Quote].End-s.Quotes[f.Quote].Start <= 3 {
			f.Quote = -1 // a word in quotation marks ("严重关切", so-called "…"): the sentence's own
		}
		c := s.Clauses[f.Clause]
		f.ObjStart, f.ObjEnd = pm.End, c.End
		if s.Lang == "en" {
			// "fosters instability and hinders progress towards the SDGs": a
			// second finite predicate after "and" ends the first one's object
			for k := pm.End + 1; k+1 < c.End; k++ {
				if toks[k].Tag == "CC" && (toks[k+1].Tag == "VBZ" || toks[k+1].Tag == "VBD" && toks[k-1].Text != ",") {
					f.ObjEnd = k
					break
				}
			}
		}
		// "agreed to cooperate in: • X • Y": a colon opens the object's list
		for ci := f.Clause; ci+1 < len(s.Clauses) && f.ObjEnd > 0 && (toks[f.ObjEnd-1].Text == ":" || toks[f.ObjEnd-1].Text == "："); ci++ {
			f.ObjEnd = s.Clauses[ci+1].End
		}
		for ci := f.Clause; s.Lang == "zh" && ci+1 < len(s.Clauses) && s.Clauses[ci+1].Start == f.ObjEnd && toks[f.ObjEnd].Text == "包括"; ci++ {
			f.ObjEnd = s.Clauses[ci+1].End // 将深化务实合作，包括打击恐怖主义: the list after 包括 is the object's
		}
		if r.Kind == "agree" || r.Kind == "commit" || r.Kind == "call" {
			// "agreed to develop their partnership, which will promote cooperation on: …"
			for ci := f.Clause + 1; ci < len(s.Clauses) && s.Clauses[ci].Start == f.ObjEnd && s.Clauses[ci].Relative; ci++ {
				f.ObjEnd = s.Clauses[ci].End
				if ci+1 < len(s.Clauses) && s.Clauses[ci+1].Start == f.ObjEnd && listOpener(s, s.Clauses[ci+1]) {
					ci++ // "a pact, which covers work on, among others: • X • Y"
					f.ObjEnd = s.Clauses[ci].End
				}
				for ci+1 < len(s.Clauses) && f.ObjEnd > 0 && (toks[f.ObjEnd-1].Text == ":" || toks[f.ObjEnd-1].Text == "：") {
					ci++
					f.ObjEnd = s.Clauses[ci].End
				}
			}
		}
		if r.Kind == "need" {
			// "Any escalation must be avoided", 应对气候变化需要…: what is needed may stand before the cue
			f.PreStart = c.Start
		}
		if r.Kind == "should" && s.Lang == "en" && pm.End+1 < len(toks) && toks[pm.End].Lemma == "be" && pm.Start > c.Start {
			// "the sovereignty of all states should be respected", "must be
			// strictly observed": what should be done to is before the cue
			v := pm.End + 1
			for v < len(toks) && toks[v].Tag == "RB" {
				v++
			}
			if v < len(toks) && toks[v].Tag == "VBN" {
				f.PreStart = c.Start
			}
		}
		if r.Kind == "pre" && extraposed(s, pm.Start, pm.End, c) {
			// "it is unacceptable to use food as a weapon": the subject is an
			// empty "it", and what is judged follows the cue
		} else if r.Kind == "pre" || r.Kind == "importance" && s.Lang == "zh" {
			// "X is inseparable", X至关重要, X的重要性: the object stands before the cue
			f.PreStart, f.ObjStart, f.ObjEnd = c.Start, pm.End, pm.End
			for _, rep := range s.Reports {
				if rep.From > f.PreStart && rep.From <= pm.Start && rep.To >= pm.End {
					f.PreStart = rep.From // "Kenya said the fighting was concerning": what is said, not the sayer
				}
			}
		}
		if s.Lang == "zh" && r.Kind != "pre" && r.Kind != "importance" && f.PreStart < 0 {
			// 对…表示关切, 就…表示欢迎: the object stands before the cue; and a
			// stance with nothing after it is towards the party it is addressed
			// to (向中国表达了忧虑, 向美方提出抗议), the nearest 向 before the cue
			addressed, toward := r.Kind == "stance" && emptyAfter(s, pm.End, c.End), -1
			for k := pm.Start - 1; k >= c.Start; k-- {
				if m.WordAt(s.Sentence, "about", k) {
					f.PreStart, f.About = k+1, true
					break
				}
				if addressed && toks[k].Text == "向" {
					addressed = false
					if mk := s.MentionAt(k + 1); mk >= 0 && s.Mentions[mk].Tok == k+1 && s.Mentions[mk].IsParty() {
						toward = k + 1
					}
				}
			}
			if f.PreStart < 0 && toward >= 0 {
				f.PreStart, f.About = toward, true
			}
		}
		if s.Lang == "zh" && f.PreStart < 0 && f.Clause > 0 && r.Kind == "stance" && (emptyAfter(s, pm.End, c.End) || coordinatedCue(s, matches, pm.End, c.End)) {
			// 对于美国的制裁，墨西哥表示坚决反对: the object fronted in the
			// clauses before (对于X…，并Y…，我们表示反对: X and Y); the
			// subject may open that clause (日本对X…，表达遗憾和不满)
			for ci := f.Clause - 1; ci >= 0 && ci >= f.Clause-3; ci-- {
				pc := s.Clauses[ci]
				if pc.End-pc.Start <= 1 || pc.Start > 0 && toks[pc.Start-1].POS != token.Punct {
					continue
				}
				at := pc.Start
				if mi := s.MentionAt(at); mi >= 0 && s.Mentions[mi].Tok == at && subjectlessAt(s, c.Start, pm.Start) {
					at = s.Mentions[mi].TokEnd
				}
				if at+1 < pc.End && m.WordAt(s.Sentence, "about", at) {
					f.PreStart, f.About, f.Fronted = at+1, true, true
					break
				}
			}
		}
		if strings.HasSuffix(r.ID, ".concern.threat") {
			// "poses a threat to peace", 对和平构成威胁: peace is what is threatened, not the concern
			f.ObjEnd, f.PreStart, f.About = f.ObjStart, -1, false
		}
		f.Negated = m.negatedAt(s, f.CueStart, c.Start)
		if f.Negated && r.Predicate == "support" && recognition[toks[f.CueStart].Lemma] && f.CueEnd-f.CueStart == 1 {
			// 不会承认选举结果, "will not recognise the result": a refusal of recognition is opposition
			if o, ok := m.oppose[s.Lang]; ok {
				f.Rule, f.Negated = &m.set.Rules[o], false
			}
		}
		if s.Lang == "en" && r.Modality == "will" && f.CueEnd < len(s.Tokens) && m.WordAt(s.Sentence, "negation", f.CueEnd) {
			// "said it will not send", "would never recognise": the modal's own
			// negation ("will not be easy to mobilise" negates no act)
			k := f.CueEnd + 1
			for k < len(s.Tokens) && s.Tokens[k].POS == token.Adv {
				k++
			}
			if k < len(s.Tokens) && s.Tokens[k].POS == token.Verb && s.Tokens[k].Lemma != "be" {
				f.Negated = true
			}
		}
		f.Hypothetical = m.before(s, "hypothetical", f.CueStart, c.Start, 3) || s.Lang == "zh" && riskOf(s, f.CueEnd, c.End)
		f.Cond = c.Cond
		f.Question = s.Question
		f.Intensity = m.intensity(s, f)
		f.Conj = m.opensPredicate(s, f.CueStart, c.Start)
		f.Modal = modalContext(s, f.CueStart, c.Start)
		if s.Lang == "zh" && r.Kind == "stance" {
			f.Doer = nounStanceDoer(s, f.CueStart, f.CueEnd, c)
		} else if s.Lang == "en" && r.Kind == "stance" && s.Tokens[f.CueStart].POS == token.Noun {
			f.Doer = possessiveStanceDoer(s, f.CueStart, c)
		} else if s.Lang == "en" && r.Kind == "stance" && s.Tokens[f.CueStart].Tag == "VBG" {
			f.Doer = gerundStanceDoer(s, f.CueStart, c)
		}
		out = append(out, f)
	}
	if s.Lang == "zh" {
		for i := range out {
			// 中法并同意深化…: the verb right after another cue is that cue's
			// object, not a new predicate that 并 opens (gse tags 同意 d)
			if f := &out[i]; f.Conj && slices.ContainsFunc(out, func(g Frame) bool { return g.CueEnd == f.CueStart }) {
				f.Conj = false
			}
		}
	}
	m.extend(s, out)
	m.nest(s, out)
	for i := range out {
		// 对于X干涉…，并对Y进行胁迫，我们表示坚决反对: the wrongs told in the
		// fronted object are what the stance is about, not claims of their own
		if n := &out[i]; n.Fronted {
			for j := range out {
				if f := &out[j]; j != i && f.CueStart >= n.PreStart && f.CueEnd <= s.Clauses[n.Clause].Start {
					f.Absorbed = true
				}
			}
		}
	}
	shareObjects(s, out)
	purposeOfNoun(s, out)
	return out
}

// actNouns take an infinitive that says what the act is for: "efforts to
// achieve peace", 为实现…的努力 is one object, not a second claim.
var actNouns = map[string]bool{"effort": true, "initiative": true, "plan": true, "commitment": true, "step": true,
	"measure": true, "attempt": true, "work": true, "bid": true, "push": true, "drive": true, "determination": true,
	"deal": true, "agreement": true, "accord": true, "decision": true, "proposal": true, "move": true, "pledge": true, "resolution": true}

// purposeOfNoun folds a purpose frame that completes an act noun in the
// object of the frame before it ("support for Ukraine's efforts to achieve
// peace") into that frame.
func purposeOfNoun(s *clause.Sentence, fs []Frame) {
	for i := 0; i+1 < len(fs); i++ {
		f, g := &fs[i], &fs[i+1]
		if g.Rule.Kind != "purpose" || f.Clause != g.Clause || f.Absorbed || g.CueStart == 0 || f.ObjEnd != g.CueStart {
			continue
		}
		if actNouns[s.Tokens[g.CueStart-1].Lemma] {
			f.ObjEnd = g.ObjEnd
			g.Absorbed = true
		}
	}
}

// shareObjects gives two coordinated cues one object: "neither supports
// nor opposes the sanctions", "supports and defends the Charter", 支持和
// 维护…: the first cue's object is the second's.
func shareObjects(s *clause.Sentence, fs []Frame) {
	for i := len(fs) - 2; i >= 0; i-- {
		f, g := &fs[i], &fs[i+1]
		if f.Clause != g.Clause || f.Absorbed || g.CueStart < f.CueEnd || f.PreStart >= 0 {
			continue
		}
		joined := g.CueStart > f.CueEnd
		for k := f.CueEnd; k < g.CueStart; k++ {
			t := &s.Tokens[k]
			switch strings.ToLower(t.Text) {
			case "and", "or", "nor", "but", ",", "和", "与", "并", "、", "及", "或":
			default:
				if s.Lang == "zh" && k > f.CueEnd && (t.POS == token.Adv || t.POS == token.Adj) {
					continue // 谴责和坚决反对: the second cue's degree word
				}
				joined = false
			}
		}
		if joined && f.ObjEnd <= g.CueStart+1 {
			f.ObjStart, f.ObjEnd = g.ObjStart, g.ObjEnd
		}
	}
}

// extend carries an agreement's or a call's object over the comma clauses
// that follow it in Chinese (双方同意落实共识，管控分歧，推进对话), until a
// clause names a new subject or opens with 并, 同时, 此外 (a new predicate of
// the same subject).
func (m *Matcher) extend(s *clause.Sentence, fs []Frame) {
	if s.Lang != "zh" {
		return
	}
	for i := range fs {
		f := &fs[i]
		if f.Rule.Kind != "agree" && f.Rule.Kind != "call" && !(f.Rule.Kind == "commit" && (f.Rule.Modality == "plan" || f.Rule.Modality == "pledge") && (s.Tokens[f.CueStart].POS == token.Verb || afterParty(s, f.CueStart)) && f.ObjEnd > f.CueEnd+1) {
			continue // a plan or pledge goes on too: 计划2030年前减排，2045年实现碳中和
		}
		for ci := f.Clause + 1; ci < len(s.Clauses); ci++ {
			c := s.Clauses[ci]
			prev := s.Tokens[c.Start-1].Text
			if prev == "。" || prev == "；" || prev == ";" || c.Opener != "" || c.Cond {
				break
			}
			if m.WordAt(s.Sentence, "sub", c.Start) || startsNew(s, c.Start) || m.subjectOpens(s, c) {
				break
			}
			f.ObjEnd = c.End
		}
	}
}

// circumfix are Chinese cues that hold their object between two words
// (站在X一边): without the closing word they state nothing.
var circumfix = map[string][]string{"站在": {"一边", "一起", "一道", "这边", "同一边"}}

func closedBy(s *clause.Sentence, from int, ends []string) bool {
	for k := from; k < len(s.Tokens) && k <= from+5; k++ {
		if slices.Contains(ends, s.Tokens[k].Text) {
			return true
		}
	}
	return false
}

// headlinePlans finds the plans an English headline states with a bare
// infinitive after its subject ("Germany to raise defence spending"): a
// line with no full stop and no finite verb.
func (m *Matcher) headlinePlans(s *clause.Sentence) []token.PatternMatch {
	toks := s.Tokens
	if m.plan < 0 || s.Lang != "en" || len(toks) == 0 || len(toks) > 20 || toks[len(toks)-1].Text == "." {
		return nil
	}
	for i := range toks {
		if toks[i].IsVerbal() && (i == 0 || toks[i-1].Text != "to") {
			return nil
		}
	}
	for _, mn := range s.Mentions {
		k := mn.TokEnd
		if (mn.Kind == mention.Actor || mn.Kind == mention.Person) && k+1 < len(toks) && toks[k].Text == "to" && toks[k+1].POS == token.Verb && !undergoes[toks[k+1].Lemma] {
			return []token.PatternMatch{{Start: k, End: k + 1, Ref: int32(m.plan), Len: 1}}
		}
	}
	return nil
}

// undergoes are verbs whose subject is not the one acting: "Ukraine to
// receive jets" is someone else's plan.
var undergoes = map[string]bool{"receive": true, "get": true, "obtain": true, "face": true, "see": true, "suffer": true, "undergo": true, "be": true}

// titleNouns announce the title of a work in quotation marks.
var titleNouns = map[string]bool{"book": true, "film": true, "movie": true, "documentary": true, "novel": true, "article": true,
	"essay": true, "report": true, "titled": true, "entitled": true, "called": true, "headlined": true, "series": true, "play": true,
	"song": true, "column": true, "memoir": true, "paper": true, "podcast": true, "show": true}

// inTitle reports a token inside the title of a work: within 《》, or in
// quotation marks after a word like "book" or "titled".
func inTitle(s *clause.Sentence, i int) bool {
	toks := s.Tokens
	for k := i - 1; k >= 0; k-- {
		switch toks[k].Text {
		case "》", "〉":
			return false
		case "《", "〈":
			return true
		}
	}
	q := s.QuoteOf(i)
	if q < 0 {
		return false
	}
	start := s.Quotes[q].Start
	for k := start - 1; k >= 0 && k >= start-3; k-- {
		if titleNouns[toks[k].Lemma] || titleNouns[strings.ToLower(toks[k].Text)] {
			return true
		}
	}
	return false
}

// wrongs are topics that name a wrong: a rhetorical question that calls an
// act one of them denounces it.
var wrongs = map[string]bool{"topic:economic-coercion": true, "topic:coercion": true, "topic:non-interference": true,
	"topic:hegemonism": true, "topic:bullying": true, "topic:double-standards": true, "topic:aggression": true}

// rhetorical finds the wrong a rhetorical question names (这难道不是赤裸裸
// 的经济胁迫吗, "Is this not coercion?"): a denunciation of the act before.
func (m *Matcher) rhetorical(s *clause.Sentence) []token.PatternMatch {
	rule, ok := m.violation[s.Lang]
	if !ok || !s.Question {
		return nil
	}
	at := -1
	for k, t := range s.Tokens {
		l := strings.ToLower(t.Text)
		if l == "难道" || l == "岂" || l == "岂不是" || (l == "not" || l == "n't") && k > 0 && strings.EqualFold(s.Tokens[k-1].Text, "is") {
			at = k
			break
		}
	}
	if at < 0 {
		return nil
	}
	for _, mn := range s.Mentions {
		if mn.Kind == mention.Topic && mn.Tok > at && wrongs[mn.ID] {
			return []token.PatternMatch{{Start: mn.Tok, End: mn.TokEnd, Ref: int32(rule), Len: 1}}
		}
	}
	return nil
}

// afterParty reports a token right after a state or person (德国计划…):
// a word the segmenter tags as a noun is then the verb.
func afterParty(s *clause.Sentence, i int) bool {
	if i == 0 {
		return false
	}
	k := s.MentionAt(i - 1)
	return k >= 0 && (s.Mentions[k].Kind == mention.Actor || s.Mentions[k].Kind == mention.Person)
}

// startsNew reports a clause that opens with a word marking a new predicate.
func startsNew(s *clause.Sentence, i int) bool {
	switch s.Tokens[i].Text {
	case "并", "并且", "同时", "此外", "另外", "还", "也", "而", "但", "但是":
		return true
	}
	return false
}

// subjectOpens reports a clause whose first words name a party (a new subject).
func (m *Matcher) subjectOpens(s *clause.Sentence, c clause.Clause) bool {
	for k := range s.Mentions {
		mm := &s.Mentions[k]
		if mm.Tok >= c.Start && mm.Tok <= c.Start+1 && mm.IsParty() {
			return true
		}
	}
	return false
}

// insideName reports a cue inside a mention of two or more tokens (a
// topic's or an organisation's name).
func insideName(s *clause.Sentence, pm token.PatternMatch) bool {
	for k := range s.Mentions {
		m := &s.Mentions[k]
		if m.TokEnd-m.Tok >= 2 && m.Tok <= pm.Start && pm.End <= m.TokEnd && (m.Kind == mention.Topic && m.TokEnd-m.Tok > pm.End-pm.Start || m.Kind == mention.Actor) {
			return true
		}
		if m.TokEnd-m.Tok >= 2 && m.Tok < pm.Start && pm.Start < m.TokEnd && (m.Kind == mention.Topic || m.Kind == mention.Actor) {
			return true // "the Reciprocal Access Agreement on …": the cue begins inside a name
		}
	}
	return false
}

// willBefore reports that 将 at i-1 reads as "will": a verb, an adverb or a
// preposition follows it (将继续, 将于, 将与, 将把), not a noun.
// threatenTo after 威胁 make it "threaten to" or "threaten, saying".
var threatenTo = map[string]bool{"称": true, "说": true, "要": true, "将": true, "会": true, "表示": true, "对": true}

// undergoVerbs before a Chinese stance cue make it a noun the subject meets.
var undergoVerbs = map[string]bool{"面临": true, "遭到": true, "遭受": true, "受到": true, "招致": true, "引发": true, "引起": true, "招来": true,
	"得到": true, "获得": true, "赢得": true}

// undergoneWith reports a Chinese cue after adverbs or adjectives, 的, and
// a few nouns that follow a verb of meeting with (引起国际社会的强烈反对).
func undergoneWith(s *clause.Sentence, i int) bool {
	k := i - 1
	for k >= 0 && (s.Tokens[k].POS == token.Adv || s.Tokens[k].POS == token.Adj) {
		k--
	}
	if k < 1 || s.Tokens[k].Text != "的" {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if undergoVerbs[s.Tokens[j].Text] {
			return true
		}
		if mk := s.MentionAt(j); mk >= 0 && s.Mentions[mk].IsParty() && len(s.Mentions[mk].IDs) > 0 {
			return false // 受到北京的反驳: Beijing, named, rebuts
		}
		if p := s.Tokens[j].POS; p != token.Noun && p != token.Propn && p != token.Adj {
			return false
		}
	}
	return false
}

// stanceNounHeads after a Chinese stance word make it part of a noun (反对
// 声音, 反对派, 支持者).
var stanceNounHeads = map[string]bool{"声音": true, "派": true, "者": true, "人士": true, "阵营": true, "意见": true, "力量": true, "群体": true,
	"性": true} // (批评性报道: a kind of report)

// chargeBefore and chargeAfter mark a Chinese wrong (违反, 破坏) as the
// charge a person is arrested, tried or suspected on.
var chargeBefore = map[string]bool{"因": true, "涉嫌": true, "涉": true, "因涉嫌": true, "被控": true, "被指": true, "指控其": true}
var chargeAfter = []string{"被捕", "被拘", "被控", "被起诉", "被判", "被定罪", "之虞", "罪", "罪名", "而被"}

// chargedWith reports a wrong named as a charge: 涉嫌违反…, 因违反…被捕,
// 有违反…之虞.
func chargedWith(s *clause.Sentence, start, end int) bool {
	if start > 0 && chargeBefore[s.Tokens[start-1].Text] {
		return true
	}
	c := s.Clauses[s.ClauseOf(start)]
	for k := end; k < c.End && k < end+8; k++ {
		t := s.Tokens[k].Text
		if s.Tokens[k].POS == token.Punct {
			break
		}
		for _, a := range chargeAfter {
			if strings.HasPrefix(t, a) {
				return true
			}
		}
	}
	return false
}

// declineVerbs after 拒绝 decline to speak (拒绝置评).
var declineVerbs = map[string]bool{"置评": true, "评论": true, "透露": true, "证实": true, "回应": true, "回答": true, "说明": true, "发表评论": true}

// modifiesNoun reports a 的 followed by a noun in the clause after i, with no
// punctuation or party before it: what comes before describes that noun.
func modifiesNoun(s *clause.Sentence, i int) bool {
	c := s.Clauses[s.ClauseOf(i)]
	for k := i; k+1 < c.End; k++ {
		t := &s.Tokens[k]
		if t.POS == token.Punct && t.Text != "《" && t.Text != "》" {
			return false
		}
		if t.Text == "的" && (s.MentionAt(k-1) < 0 || s.Mentions[s.MentionAt(k-1)].Kind == mention.Topic) {
			if n := &s.Tokens[k+1]; n.POS == token.Noun || n.POS == token.Propn || n.Text == "《" || n.Text == "“" {
				return true
			}
		}
	}
	return false
}

// relativeClause reports a Chinese cue that opens its clause and ends in
// 的 + noun + verb: the cue and its object describe the noun, the subject
// of the verb after (反对核电站的组织指出, 应对疫情的方案应包含).
func relativeClause(s *clause.Sentence, start, end int, call bool) bool {
	c := s.Clauses[s.ClauseOf(start)]
	if !opensNounPhrase(s, c.Start, start) {
		return false
	}
	if mk := s.MentionAt(end); call && mk >= 0 && s.Mentions[mk].Tok == end && s.Mentions[mk].IsParty() {
		if e := s.Mentions[mk].TokEnd; e < c.End && (s.Tokens[e].POS == token.Verb || s.Tokens[e].POS == token.Adv || zhCoverbs[s.Tokens[e].Text]) {
			return false // 要求中方为解决…的问题作出应对: the party asked, then what it is asked to do
		}
	}
	depth := 0
	for k := end; k+2 < c.End; k++ {
		t := &s.Tokens[k]
		switch t.Text {
		case "（", "(":
			depth++
			continue
		case "）", ")":
			depth--
			continue
		}
		if depth > 0 {
			continue // 谭德塞（Tedros Adhanom Ghebreyesus）
		}
		if t.POS == token.Punct {
			return false
		}
		if t.Text != "的" {
			continue
		}
		if s.MentionAt(k-1) >= 0 && s.Mentions[s.MentionAt(k-1)].Kind != mention.Topic && !saidBy(s, k+1, c.End) && !peopleAfter(s, k+1, c.End) {
			continue // 美国的行为: a party's, not a relative clause (支持X的某某说, 反对X的记者遭到: one)
		}
		if n := &s.Tokens[k+1]; n.POS != token.Noun && n.POS != token.Propn {
			continue
		}
		for j := k + 2; j < c.End; j++ {
			if s.Tokens[j].POS == token.Verb || s.Tokens[j].POS == token.Aux {
				return true
			}
			if s.Tokens[j].POS == token.Punct {
				break
			}
		}
	}
	return false
}

// duiBefore reports 对 earlier in the clause of the Chinese word at i: a
// stance noun with its object (X对Y的不满) is still X's stance on Y.
func duiBefore(s *clause.Sentence, i int) bool {
	for k := s.Clauses[s.ClauseOf(i)].Start; k < i; k++ {
		if s.Tokens[k].Text == "对" {
			return true
		}
	}
	return false
}

// meetingOf reports a word that 会 after it turns into a meeting's name
// (外长会, 部长会, 首脑会).
func meetingOf(w string) bool {
	switch w {
	case "峰", "年", "例", "理事", "董事":
		return true
	}
	for _, suf := range []string{"外长", "部长", "首脑", "领导人", "元首", "防长"} {
		if strings.HasSuffix(w, suf) {
			return true // 七国集团外长会
		}
	}
	return false
}

// nounPrepositions take a noun phrase: a stance cue right after one
// describes a noun in that phrase (从支持恐怖主义国家名单中).
var nounPrepositions = map[string]bool{"从": true, "把": true, "被": true, "对": true, "对于": true, "关于": true, "针对": true, "给": true}

// planNouns are the Chinese plan cues that are nouns as often as verbs.
var planNouns = map[string]bool{"计划": true, "规划": true, "决定": true}

// nounEnd reports a verb after a Chinese word that ends a noun phrase: the
// phrase is that verb's subject (的威胁远大于, 的决定引起), and the word
// governs no object. (促进对人权的尊重。 ends a verb's object: still a stance.)
func nounEnd(s *clause.Sentence, end int) bool {
	if end >= len(s.Tokens) {
		return false
	}
	switch t := &s.Tokens[end]; t.POS {
	case token.Verb, token.Adj, token.Adv, token.Aux:
		return s.MentionAt(end) < 0
	}
	return false
}

// opensNounPhrase reports a Chinese cue at start with nothing before it in
// its clause but adverbs and what opens a noun phrase: a punctuation mark,
// 的, a demonstrative or a number with its measure word (这位长期反对…,
// 一名批评…): where a relative clause on a noun can begin.
func opensNounPhrase(s *clause.Sentence, clauseStart, start int) bool {
	k := start - 1
	for k >= clauseStart && s.Tokens[k].POS == token.Adv {
		k--
	}
	if k < clauseStart {
		return true
	}
	t := &s.Tokens[k]
	switch {
	case t.POS == token.Punct, t.Text == "的", t.POS == token.Num:
		return true
	case t.POS == token.Pron:
		r, _ := utf8.DecodeRuneInString(t.Text)
		return strings.ContainsRune("这那该某各", r)
	}
	return false
}

// zhPersonHeads end the Chinese nouns for a person or group described by a
// relative clause (政治人物, 记者, 抗议者, 活动家).
var zhPersonHeads = []string{"人物", "领袖", "者", "家", "人士", "议员", "官员", "律师", "组织", "团体"}

// PeopleNoun reports a Chinese noun for a person or a group of people
// (政治人物, 抗议者, 组织).
func PeopleNoun(w string) bool {
	for _, h := range zhPersonHeads {
		if strings.HasSuffix(w, h) {
			return true
		}
	}
	return false
}

// verbBeforeList reports a verb right before a Chinese word, or before the
// list it ends (打压反对或对抗…: 对抗 ends a list 打压 governs).
func verbBeforeList(s *clause.Sentence, i int) bool {
	k := i - 1
	for k >= 1 && (s.Tokens[k].Text == "或" || s.Tokens[k].Text == "和" || s.Tokens[k].Text == "、" || s.Tokens[k].Text == "及") {
		k -= 2
	}
	return k >= 0 && s.Tokens[k].POS == token.Verb
}

// describesPeople reports a Chinese stance whose object runs to 的 and a
// word for people that ends the clause (…反对或对抗中国当局的人物。): the
// cue is a relative clause on those people, who hold it, not the subject.
func describesPeople(s *clause.Sentence, i int) bool {
	c := s.Clauses[s.ClauseOf(i)]
	for k := i; k+1 < c.End && k < i+12; k++ {
		t := &s.Tokens[k]
		if t.POS == token.Verb && k > i+1 || t.POS == token.Punct {
			return false
		}
		if t.Text == "的" && PeopleNoun(s.Tokens[k+1].Text) && s.MentionAt(k+1) < 0 {
			e := k + 2
			return e >= c.End || s.Tokens[e].POS == token.Punct
		}
	}
	return false
}

// peopleAfter reports the nouns from i on naming a person or a group, with
// a verb after them in the clause (反对普京的政治人物纳瓦尔尼受到…, 批评政府的
// 记者在伦敦遭到…): the cue before 的 describes those people, it is not
// their object's owner.
func peopleAfter(s *clause.Sentence, i, end int) bool {
	head := false
	for k := i; k < end; k++ {
		t := &s.Tokens[k]
		switch t.POS {
		case token.Noun, token.Propn:
			if mk := s.MentionAt(k); mk >= 0 && s.Mentions[mk].Kind == mention.Person {
				head = true
				continue
			}
			head = head || PeopleNoun(t.Text)
			continue
		case token.Verb, token.Aux:
			return head
		case token.Punct:
			return false
		}
		if !head {
			return false
		}
	}
	return false
}

// perceive are the verbs after "glad to", "pleased to" that leave the
// welcome to what follows them (glad to see X join).
var perceive = map[string]bool{"see": true, "note": true, "hear": true, "learn": true, "welcome": true}

// obligedBefore reports an obligation right before the verb at i, within its
// clause: must, should, has to; 必须, 应, 应当.
func obligedBefore(s *clause.Sentence, i int) bool {
	start := s.Clauses[s.ClauseOf(i)].Start
	for k := i - 1; k >= start && k >= i-3; k-- {
		t := &s.Tokens[k]
		switch t.Lower {
		case "must", "should", "ought", "必须", "应", "应该", "应当", "务必", "须", "理应":
			return true
		case "to":
			if k > start && (s.Tokens[k-1].Lemma == "have" || s.Tokens[k-1].Lemma == "need") && k-1 > start && s.Tokens[k-2].POS != token.Det {
				return true // "has to", "need to" (not "the need to")
			}
		}
		if t.POS != token.Adv && t.Lower != "to" && t.Tag != "MD" {
			return false
		}
	}
	return false
}

// firstPersonBefore reports "we", "I", 我们, 我方 before i in its clause.
func firstPersonBefore(s *clause.Sentence, i int) bool {
	for k := s.Clauses[s.ClauseOf(i)].Start; k < i; k++ {
		switch s.Tokens[k].Lower {
		case "we", "i", "我们", "我方", "我国", "我":
			return true
		}
	}
	return false
}

// reportedWould reports a "would" that is the future of what was said or
// announced: a reporting verb, "that" perhaps, and the subject of "would"
// right before it ("said it would send", "announced that Japan would").
func (m *Matcher) reportedWould(s *clause.Sentence, i int) bool {
	k := i - 1
	for k >= 0 && k >= i-5 && (s.MentionAt(k) >= 0 || s.Tokens[k].Tag == "PRP" || s.Tokens[k].POS == token.Det || s.Tokens[k].POS == token.Propn) {
		k-- // the subject: a name, "it", "they", "the government"
	}
	if k == i-1 {
		return false
	}
	if k >= 0 && s.Tokens[k].Lower == "that" {
		k--
	}
	return k >= 0 && (m.WordAt(s.Sentence, "say", k) || wouldReportVerbs[s.Tokens[k].Lemma])
}

// wouldReportVerbs report an intention whose future "would" states.
var wouldReportVerbs = map[string]bool{"say": true, "announce": true, "pledge": true, "promise": true, "vow": true, "tell": true,
	"confirm": true, "state": true, "declare": true, "add": true, "insist": true, "signal": true, "indicate": true}

// floorPassing reports the phrases of a briefing after "will" that pass
// the floor or the question on, or announce a remark: leave it (that) to X,
// leave it there, turn it over to, defer to, start with, refer you to, (just)
// note, say.
func floorPassing(toks []token.Token, i int) bool {
	w := func(k int) string {
		if k < len(toks) {
			return toks[k].Lower
		}
		return ""
	}
	for i < len(toks)-1 && toks[i].Tag == "RB" {
		i++ // "I will just note"
	}
	switch toks[min(i, len(toks)-1)].Lemma {
	case "leave", "turn":
		switch w(i + 1) {
		case "it", "that", "this", "things", "the":
			switch w(i + 2) {
			case "to", "there", "here", "over", "at":
				return true
			}
		}
	case "defer":
		return w(i+1) == "to"
	case "note", "say", "mention":
		return true // "I will just note that …": a remark announced, no act
	case "deliver", "give", "make":
		for k := i + 1; k <= i+3 && k < len(toks); k++ {
			switch toks[k].Lemma {
			case "remark", "speech", "address", "keynote", "lecture", "statement":
				return true // "will deliver on-camera remarks": a speech announced, no act
			}
		}
	case "refer":
		return w(i+1) == "you" || w(i+1) == "questions"
	case "start", "begin":
		return w(i+1) == "with" && (w(i+2) == "the" || w(i+2) == "a" || w(i+2) == "your")
	}
	return false
}

// notAWill reports a "will" or "continue to" match that commits no one:
// "will" as a noun (the will of, political will), a future copula before a
// noun phrase (the goal will be the first …), or going on believing.
func notAWill(toks []token.Token, pm token.PatternMatch) bool {
	t := &toks[pm.Start]
	next := func(i int) *token.Token {
		if i < len(toks) {
			return &toks[i]
		}
		return nil
	}
	if floorPassing(toks, pm.End) {
		return true // "I'll leave it to the Russians to speak to", "I will turn it over to": a speaker passing the floor
	}
	switch t.Lower {
	case "will":
		if n := next(pm.End); n != nil && n.Lower == "of" {
			return true
		}
		if pm.Start > 0 && (toks[pm.Start-1].POS == token.Det || toks[pm.Start-1].POS == token.Adj || toks[pm.Start-1].Tag == "PRP$") {
			return true
		}
		if n := next(pm.End); n != nil && (n.POS == token.Det || n.POS == token.Propn) {
			// "will a diplomatic solution be on the table", "will Iran comply": an inverted question
			for k := pm.End + 1; k < len(toks) && k < pm.End+6; k++ {
				if toks[k].Lemma == "be" || toks[k].POS == token.Verb && toks[k].Tag == "VB" {
					return true
				}
				if toks[k].POS == token.Punct {
					break
				}
			}
		}
		if n := next(pm.End); n != nil && n.Lemma == "be" && (pm.Start == 0 || toks[pm.Start-1].Lower != "there") {
			// "there will be talks with X" still plans them
			if a := next(pm.End + 1); a != nil && (a.POS == token.Det || a.POS == token.Noun || a.POS == token.Num || a.Tag == "JJS") {
				return true
			}
		}
	case "continue", "continues", "continued", "continuing":
		if n := next(pm.End); n != nil && (cognition[n.Lemma] || undergoing[n.Lemma]) {
			return true // "continue to bear the brunt of": what befalls, not what is pledged
		}
	}
	return false
}

// notAnAgreement reports an English "agree" that states no agreement
// between parties: agreeing with the one spoken to ("I agree with you"), a
// participle naming what was once agreed ("the goals agreed upon at COP27",
// "agreed to in 2015"), or one still needed ("we need to agree", "must
// agree").
func notAnAgreement(toks []token.Token, pm token.PatternMatch) bool {
	i, end := pm.Start, pm.End
	if toks[i].Lemma != "agree" {
		return false
	}
	if end+1 < len(toks) && toks[end].Lower == "with" {
		switch toks[end+1].Lower {
		case "you", "him", "her", "that", "this", "what":
			return true
		}
	}
	if toks[i].Tag == "VBN" && end < len(toks) && (toks[end].Lower == "upon" || toks[end].Lower == "at" || toks[end].Lower == "in" || toks[end].Lower == "by") && i > 0 && toks[i-1].POS == token.Noun {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch toks[k].Lower {
		case "must", "should", "need", "needs", "ought":
			return true
		case "to":
			continue
		}
		if toks[k].POS != token.Adv {
			break
		}
	}
	return false
}

// concernNoun reports 关切 named as a thing one has: after 的, a
// qualifier of interests (重大, 核心, 合理, 正当) or 和 joining it to them,
// with no verb of expressing it before (表示, 表达, 深表).
func concernNoun(toks []token.Token, i int) bool {
	if toks[i].Text != "关切" || i == 0 {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch toks[k].Text {
		case "表示", "表达", "深表", "表明", "引起", "感到":
			return false
		}
	}
	for k := i - 1; k >= 0 && k >= i-14; k-- {
		if toks[k].Text == "对" || toks[k].Text == "对于" {
			return false // 英国对中国人权状况的关切: a stance the noun names, towards what follows 对
		}
		if t := toks[k].Text; t == "，" || t == "。" || t == "；" || t == "," {
			break
		}
	}
	switch toks[i-1].Text {
	case "的", "重大", "核心", "合理", "正当", "和", "主要", "安全":
		return true
	}
	return false
}

// planNoun reports 决定, 计划 or 打算 used as a noun: after 的 or a
// demonstrative (这一决定, 该计划).
func planNoun(toks []token.Token, i int) bool {
	switch toks[i].Text {
	case "决定", "计划", "打算", "决策":
	default:
		return false
	}
	if i == 0 {
		return false
	}
	switch toks[i-1].Text {
	case "的", "这一", "该", "此", "这个", "这项", "此项", "这些", "一项", "一个":
		return true
	}
	return false
}

// activeWithObject reports a verb cue led by an adverb ("unjustly
// detaining", "illegally annexed") that is active: a progressive or a
// present, or a past with an object after it ("illegally annexed Crimea"),
// not a participle telling what was done to someone ("Americans
// unjustly detained abroad", "Palestinians illegally detained.").
func activeWithObject(toks []token.Token, pm token.PatternMatch) bool {
	v := &toks[pm.End-1]
	if strings.HasSuffix(v.Lower, "ing") || v.Tag == "VBZ" || v.Tag == "VBP" {
		return true
	}
	if pm.End >= len(toks) || pm.Start == 0 {
		return false
	}
	subj, obj := &toks[pm.Start-1], &toks[pm.End]
	named := func(t *token.Token) bool {
		return t.POS == token.Noun || t.Tag == "NNP" || t.Tag == "NNPS" || unicode.IsUpper([]rune(t.Text)[0])
	}
	proper := func(t *token.Token) bool {
		return t.Tag == "NNP" || t.Tag == "NNPS" || unicode.IsUpper([]rune(t.Text)[0])
	}
	return (named(subj) || subj.POS == token.Pron) && subj.POS != token.Punct && (proper(obj) || obj.POS == token.Det) && obj.POS != token.Punct
}

// forecastWarned reports a warning ("警告", "warn") whose content opens
// with a thing, not a party, and foretells (将, 会, 可能, will, could):
// a forecast of what will happen calls on no one.
func forecastWarned(s *clause.Sentence, pm token.PatternMatch) bool {
	toks := s.Tokens
	w := toks[pm.Start]
	if !(s.Lang == "zh" && strings.HasPrefix(w.Text, "警告") || s.Lang == "en" && w.Lemma == "warn") || pm.End-pm.Start > 2 {
		return false
	}
	threat := false // 警告美方将付出代价, "warned that Russia will pay": a warning to a party
	for k := pm.End; k < len(toks); k++ {
		if threatWords[toks[k].Lower] || threatWords[toks[k].Lemma] {
			threat = true
		}
		if k < pm.End+4 && (toks[k].Text == "如果" || toks[k].Text == "若" || toks[k].Text == "一旦" || toks[k].Text == "倘若") {
			return false // 警告说，如果台湾走向独立，将…: a warning on a condition is a call (the guidelines)
		}
	}
	for k := pm.End; k < len(toks) && k < pm.End+14; k++ {
		t := &toks[k]
		if s.MentionAt(k) >= 0 {
			m := &s.Mentions[s.MentionAt(k)]
			addressed := m.Tok == pm.End && m.TokEnd < len(toks) && toks[m.TokEnd].POS == token.Punct // 警告台湾，任何…都将…
			if (m.IsParty() && !m.Attr || m.Kind == mention.Self || m.Kind == mention.Pronoun) && (threat || addressed || s.Lang == "en") {
				return false // a party warned, or warned of what it will suffer
			}
		}
		switch t.Lower {
		case "将", "会", "可能", "将会", "will", "could", "would", "may":
			return k > pm.End
		case "。", "；", ";", "!", "?", "不要", "别", "不得", "应", "应该":
			return false // the content ended, or it tells someone what to do or not
		}
	}
	return false
}

// threatWords tell what a warned party will suffer: a warning with them is
// a call on that party (警告美方将付出代价); without them, 警告法国将进入疫情
// 高峰期 foretells.
var threatWords = map[string]bool{"代价": true, "后果": true, "反制": true, "回击": true, "报复": true, "自食其果": true, "承担": true,
	"制裁": true, "惩罚": true, "反击": true, "回应": true, "责任": true, "反制措施": true, "严重后果": true, "沉重代价": true,
	"保留": true, "招致": true, "武力": true}

// epistemicShould reports 应该, 应, 理应 that guess rather than require:
// followed by 是, 会 or 不会 ("it should be", "it should not happen").
// 必须是和平的 still requires.
func epistemicShould(toks []token.Token, pm token.PatternMatch) bool {
	switch toks[pm.Start].Text {
	case "应该", "应", "理应":
	default:
		return false
	}
	if pm.End >= len(toks) {
		return false
	}
	switch toks[pm.End].Text {
	case "是", "会", "不会", "不是", "也是", "就是":
		return true
	}
	return false
}

// atInvitation reports 邀请 or 之邀 closing the words after 应 before any
// punctuation or verb (应德国议会的邀请, 应X之邀): 应 is "at the invitation of".
func atInvitation(toks []token.Token, i int) bool {
	for k := i; k < len(toks) && k < i+10; k++ {
		switch toks[k].Text {
		case "邀请", "之邀", "邀":
			return k > i // (应邀请美方: "should invite")
		}
		if toks[k].POS == token.Punct || toks[k].POS == token.Verb {
			return false
		}
	}
	return false
}

// passiveWill reports "will be" with a past participle after it ("will
// be joined", "will (also) be held"), other than a participle that states
// the subject's own will or readiness ("will be committed", "prepared").
func passiveWill(toks []token.Token, i int) bool {
	for i < len(toks) && toks[i].POS == token.Adv {
		i++
	}
	if i+1 >= len(toks) || toks[i].Lower != "be" {
		return false
	}
	j := i + 1
	for j < len(toks) && toks[j].POS == token.Adv {
		j++
	}
	return j < len(toks) && toks[j].Tag == "VBN" && !strings.HasSuffix(toks[j].Lower, "ing") && !ownReadiness[toks[j].Lower]
}

// ownReadiness are participles that, after "will be", tell the subject's
// own resolve ("we will be committed to", "ready and prepared to"), or
// what the speaker gives ("the jets will be transferred to Ukraine", "the
// funds will be directed to"): the giver's commitment, though unnamed.
var ownReadiness = map[string]bool{"committed": true, "prepared": true, "determined": true, "dedicated": true, "engaged": true, "involved": true, "focused": true, "guided": true,
	"transferred": true, "delivered": true, "provided": true, "sent": true, "supplied": true, "given": true, "allocated": true, "deployed": true,
	"disbursed": true, "directed": true, "donated": true, "shipped": true, "dispatched": true, "made": true, "channelled": true, "channeled": true,
	"invested": true, "contributed": true, "granted": true, "extended": true, "offered": true, "mobilized": true, "mobilised": true}

// thingWill reports "will" whose subject, right before it, is a common
// noun that names no party, person or organ ("the impacts will worsen",
// "this project will bring jobs"): what a thing will do is a forecast.
func thingWill(s *clause.Sentence, i int) bool {
	k := i - 1
	for k >= 0 && s.Tokens[k].POS == token.Adv {
		k-- // "the risks also will"
	}
	if k < 0 || k < s.Clauses[s.ClauseOf(i)].Start {
		return false
	}
	t := &s.Tokens[k]
	if t.POS != token.Noun || s.MentionAt(k) >= 0 || partyHeads[t.Lemma] {
		return false
	}
	// a noun phrase that a party owns or that names a group of people stays theirs
	for j := k - 1; j >= s.Clauses[s.ClauseOf(i)].Start && j >= k-4; j-- {
		if s.MentionAt(j) >= 0 {
			return false // "the U.S. delegation will", "Japan's government will"
		}
		if s.Tokens[j].POS != token.Det && s.Tokens[j].POS != token.Adj && s.Tokens[j].POS != token.Noun && s.Tokens[j].Tag != "PRP$" {
			break
		}
	}
	return true
}

// partyHeads are nouns that stand for a party or its people as a subject
// ("the delegation will", "the ministers will", "our partners will").
var partyHeads = map[string]bool{"delegation": true, "minister": true, "government": true, "administration": true, "leader": true,
	"official": true, "partner": true, "ally": true, "country": true, "nation": true, "state": true, "side": true, "party": true,
	"member": true, "participant": true, "people": true, "team": true, "secretary": true, "president": true, "ambassador": true,
	"envoy": true, "department": true, "ministry": true, "agency": true, "office": true, "group": true, "council": true,
	"committee": true, "commission": true, "bureau": true, "embassy": true, "mission": true, "force": true, "military": true,
	"navy": true, "army": true, "company": true, "organization": true, "organisation": true, "staff": true, "spokesperson": true,
	"representative": true, "counterpart": true, "donor": true, "governor": true, "lawmaker": true, "senator": true, "congress": true,
	"parliament": true, "alliance": true, "coalition": true, "union": true, "community": true, "institution": true, "body": true}

// cognition verbs after "continue to" hold a view, they commit to no act.
var cognition = map[string]bool{"believe": true, "think": true, "feel": true, "hope": true, "see": true, "view": true, "consider": true, "regard": true}

// ownVoice reports a first-person subject or a modal among the words
// before i in its clause (we continue to, will continue to, to continue to).
func ownVoice(s *clause.Sentence, i int) bool {
	start := s.Clauses[s.ClauseOf(i)].Start
	for k := i - 1; k >= start && k >= i-6; k-- {
		t := &s.Tokens[k]
		switch t.Lower {
		case "we", "i", "our", "us", "will", "shall", "would", "'ll", "must", "to":
			return true
		}
		if t.POS == token.Aux && t.Lemma != "be" && t.Lemma != "have" && t.Lemma != "do" {
			return true
		}
	}
	return false
}

// aboutBefore reports 对, 向 or 与 before i in its clause (对俄罗斯实施制裁):
// the act's object stands before it.
func aboutBefore(m *Matcher, s *clause.Sentence, i int) bool {
	for k := s.Clauses[s.ClauseOf(i)].Start; k < i; k++ {
		if m.WordAt(s.Sentence, "about", k) || m.WordAt(s.Sentence, "relation", k) {
			return true
		}
	}
	return false
}

// coordinatedCue reports that what follows a cue up to end is only a
// conjunction and another cue (表达遗憾和强烈不满): the two share one object.
func coordinatedCue(s *clause.Sentence, matches []token.PatternMatch, i, end int) bool {
	toks := s.Tokens
	if i >= end || (toks[i].Text != "和" && toks[i].Text != "与" && toks[i].Text != "及") {
		return false
	}
	for _, pm := range matches {
		if pm.Start > i && pm.Start <= i+2 && pm.End <= end && emptyAfter(s, pm.End, end) {
			return true
		}
	}
	return false
}

// subjectlessAt reports a Chinese clause whose words before the cue only
// express it (表达高度遗憾, 并表示坚决反对): its holder and its object are in
// the clause before.
func subjectlessAt(s *clause.Sentence, start, cue int) bool {
	for k := start; k < cue; k++ {
		t := &s.Tokens[k]
		if t.POS != token.Adv && t.POS != token.Adj && !expressVerbs[t.Text] {
			return false
		}
	}
	return true
}

// expressVerbs say that a stance is expressed (表示反对, 表达不满).
var expressVerbs = map[string]bool{"表示": true, "表达": true, "感到": true, "深感": true, "深表": true, "高度": true, "极度": true, "并": true, "也": true, "则": true, "亦": true}

// emptyAfter reports tokens from i to end that hold no word (表示坚决反对。).
func emptyAfter(s *clause.Sentence, i, end int) bool {
	for ; i < end; i++ {
		if t := &s.Tokens[i]; t.POS != token.Punct && t.POS != token.Part {
			return false
		}
	}
	return true
}

// zhWill are the future auxiliaries that open a commitment on their own.
var zhWill = map[string]bool{"将": true, "会": true, "将会": true}

// zhHappenings are verbs of what comes about rather than what a party does:
// after 将 or 会 they make a forecast, not a commitment.
var zhHappenings = map[string]bool{"有助": true, "有助于": true, "影响": true, "导致": true, "造成": true, "使": true, "使得": true,
	"让": true, "成为": true, "是": true, "面临": true, "带来": true, "更": true, "更加": true, "更具": true, "难以": true, "可能": true,
	"呼应": true, "引发": true, "意味着": true, "出现": true, "产生": true, "变得": true, "受到": true, "遭到": true, "失去": true,
	"引起": true, "激起": true, "招致": true, "加剧": true, "激化": true, "恶化": true, "拖累": true, "波及": true, "促使": true, "迫使": true, "刺激": true,
	"包括": true, "涉及": true, "登场": true, "具有": true, "获得": true, "得到": true}

// likelyBefore are the adverbs of what tends or is likely to happen: 会 or
// 将 after them foretells (往往会引起, 可能会, 势必将), it commits no one.
var likelyBefore = map[string]bool{"往往": true, "通常": true, "一般": true, "总是": true, "可能": true, "也许": true, "或许": true,
	"恐怕": true, "势必": true, "难免": true, "大概": true, "不免": true, "必然": true, "很可能": true, "有可能": true}

// happening reports a verb of what comes about at i, after adverbs.
func happening(s *clause.Sentence, i int) bool {
	for ; i < len(s.Tokens); i++ {
		t := s.Tokens[i].Text
		if zhHappenings[t] {
			return true
		}
		if s.Tokens[i].POS != token.Adv && t != "继续" {
			return false
		}
	}
	return false
}

// coverbHappening reports a preposition's phrase after 将 or 会 and then a
// verb of what happens (将给谷歌带来重负, 会对经济造成冲击): a forecast.
func coverbHappening(s *clause.Sentence, i int) bool {
	if i >= len(s.Tokens) || !zhCoverbs[s.Tokens[i].Text] {
		return false
	}
	c := s.Clauses[s.ClauseOf(i)]
	for k := i + 1; k < c.End && k <= i+10; k++ {
		if s.Tokens[k].POS == token.Verb {
			return zhHappenings[s.Tokens[k].Text]
		}
	}
	return false
}

func willBefore(s *clause.Sentence, i int) bool {
	if i >= len(s.Tokens) {
		return false
	}
	t := &s.Tokens[i]
	if zhCoverbs[t.Text] {
		return true // 将向乌克兰提供: a preposition, whatever tag the segmenter gave it
	}
	switch t.POS {
	case token.Verb, token.Aux, token.Adv, token.Adp:
		return s.MentionAt(i) < 0
	case token.Adj:
		// 将重新加入, 将全面审视: a manner word the segmenter calls an
		// adjective, standing as an adverb before the verb (将完全取决于,
		// 会成功研发 tell what will happen, not what anyone will do)
		return willManner[t.Text] && i+1 < len(s.Tokens) && s.Tokens[i+1].POS == token.Verb && s.MentionAt(i) < 0
	}
	return false
}

// scheduledEvents after 即将 are what is about to happen to someone.
var scheduledEvents = map[string]bool{"就任": true, "上任": true, "卸任": true, "离任": true, "到期": true, "到来": true, "结束": true, "届满": true, "生效": true, "出炉": true}

// existential reports what follows 有 from token i to its clause's end as
// only nouns and verbs of what comes about (会有舞弊现象出现, 还会有军售): what
// there will be; a verb of doing makes 有 part of a manner (将有条件重返).
func existential(s *clause.Sentence, i int) bool {
	end := s.Clauses[s.ClauseOf(i-1)].End
	for k := i; k < end; k++ {
		if t := &s.Tokens[k]; t.POS == token.Verb && t.Tag == "v" && !zhHappenings[t.Text] && s.MentionAt(k) < 0 {
			return false
		}
	}
	return true
}

// takingOffice after 将 or 会 is an office taken or left on a date, no act
// committed to (拜登20日将就任).
var takingOffice = map[string]bool{"就任": true, "上任": true, "卸任": true, "离任": true, "到期": true, "届满": true}

// journeys are the moves of a programme that commit no one to anyone:
// arriving, leaving, setting off, stepping down (当晚将离开, 将抵达, 将辞去).
// A visit announced (将访问) stays a commitment towards the host.
var journeys = map[string]bool{"抵达": true, "离开": true, "辞去": true, "启程": true, "动身": true}

// journeyAhead reports the first verb of the clause from token i, past
// adverbs, times and a preposition's phrase, as one of journeys.
func journeyAhead(s *clause.Sentence, i int) bool {
	end := s.Clauses[s.ClauseOf(i-1)].End
	for k := i; k < end && k < i+8; k++ {
		t := &s.Tokens[k]
		if t.POS == token.Punct {
			return false
		}
		if t.POS == token.Verb && s.MentionAt(k) < 0 {
			return journeys[t.Text]
		}
	}
	return false
}

// underSupport reports 在…支持下 (with X's backing) around a support cue.
func underSupport(s *clause.Sentence, start, end int) bool {
	if end >= len(s.Tokens) || s.Tokens[end].Text != "下" {
		return false
	}
	c := s.Clauses[s.ClauseOf(start)]
	for k := start - 1; k >= c.Start && k >= start-6; k-- {
		if s.Tokens[k].Text == "在" {
			return true
		}
	}
	return false
}

// callToDo reports the noun "call to" that renews a demand: its, our or
// their call, or the call a verb of repeating takes (reiterates the call),
// with a verb after "to" (its call to reform the Council).
func callToDo(s *clause.Sentence, start, end int) bool {
	if start == 0 || s.Tokens[start].Text == "Call" || s.Tokens[start].Text == "Calls" || end >= len(s.Tokens) || s.Tokens[end].Tag != "VB" || s.Tokens[end].Lower == "action" {
		return false
	}
	switch p := s.Tokens[start-1]; p.Lower {
	case "its", "our", "their", "his", "her":
		return true
	case "the":
		if start < 2 {
			return false
		}
		switch s.Tokens[start-2].Lemma {
		case "reiterate", "renew", "repeat", "restate", "echo", "join", "reaffirm", "support", "endorse":
			return true
		}
	}
	return false
}

// recognition are the cues of recognising a state, a government or a
// result, whose negation is opposition.
var recognition = map[string]bool{"承认": true, "recognize": true, "recognise": true}

// voicesAfter reports a Chinese cue whose clause ends in 的 and a noun for
// voices raised (呼声, 声音, 论调, 动议), with no verb between the cue and
// them but inside what the voices say: the cue describes the voices.
func voicesAfter(s *clause.Sentence, start, end int) bool {
	c := s.Clauses[s.ClauseOf(start)]
	e := c.End
	for e > end && s.Tokens[e-1].POS == token.Punct {
		e--
	}
	if e-2 < end || s.Tokens[e-2].Text != "的" {
		return false
	}
	switch s.Tokens[e-1].Text {
	case "呼声", "声音", "论调", "动议":
	default:
		return false
	}
	// something before the cue must take the voices as its object or
	// subject: a verb or a quantifier (出现了一些…, 发出…, 不少…)
	for k := start - 1; k >= c.Start; k-- {
		t := &s.Tokens[k]
		if t.POS == token.Adv || t.Text == "了" || t.Text == "着" || t.Text == "过" {
			continue
		}
		return t.POS == token.Verb || t.POS == token.Num || t.Tag == "m" || t.Tag == "q" || t.Tag == "mq" || t.Text == "的" || t.Text == "一些" || t.Text == "不少"
	}
	return false
}

// noWill reports a one-token 将, 会 or 即将 at i that commits no one: 将 as
// 把 (将X与Y区分, 曾将…), 会 ending a name, a forecast (将有助于…, 会对经济造成冲击),
// an office taken or left on a date (20日将就任, 即将到期), what there will be
// (会有舞弊现象出现), a verb after 即将 that qualifies a noun (即将达成的协定).
func noWill(s *clause.Sentence, i, end int) bool {
	toks := s.Tokens
	switch w := toks[i].Text; {
	case zhWill[w]:
		return !willBefore(s, end) || happening(s, end) || i > 0 && likelyBefore[toks[i-1].Text] || coverbHappening(s, end) || disposalJiang(s, i) ||
			end < len(toks) && takingOffice[toks[end].Text] || end+1 < len(toks) && toks[end].Text == "有" && existential(s, end+1) ||
			journeyAhead(s, end) || w == "会" && end < len(toks) && doneAlready[toks[end].Text]
	case w == "即将":
		return end < len(toks) && scheduledEvents[toks[end].Text] || end+1 < len(toks) && toks[end].POS == token.Verb && toks[end+1].Text == "的"
	}
	return false
}

// disposalJiang reports 将 after a word of what has been done or done
// often (曾将, 已经将, 多次将援助拒之门外): 将 as 把, no "will" — the future 将
// comes before such words (将多次访问).
func disposalJiang(s *clause.Sentence, i int) bool {
	return s.Tokens[i].Text == "将" && i > 0 && doneBefore[s.Tokens[i-1].Text]
}

// doneAlready after 会 tell of what is done: the 会 ends a noun (各部会已…).
var doneAlready = map[string]bool{"已": true, "已经": true, "早已": true, "业已": true, "曾": true, "曾经": true}

var doneBefore = map[string]bool{"曾": true, "曾经": true, "已": true, "已经": true, "早已": true, "业已": true, "一度": true, "多次": true,
	"屡次": true, "一再": true, "屡屡": true, "先后": true, "正": true, "正在": true, "还曾": true, "也曾": true}

// nounStanceDoer finds the holder of a Chinese stance named as a noun in
// another verb's object: a party right before 对, then what the stance is
// towards, 的 and the cue, with nothing after the cue in its clause
// (响应美国对中国的长期不满, 感谢俄罗斯对中方的坚定支持). A verb after the
// cue makes 对 the later predicate's (中国对美方的指责表示不满), and the
// phrase must be a verb's object; -1 when none.
func nounStanceDoer(s *clause.Sentence, start, end int, c clause.Clause) int {
	if end < c.End && s.Tokens[end].POS != token.Punct && s.Tokens[end].Text != "和" && s.Tokens[end].Text != "与" {
		return -1
	}
	k := start - 1
	// (对南海局势的“严重的关切”: a quoted cue with its own degree word)
	for k > c.Start && (s.Tokens[k].POS == token.Adv || s.Tokens[k].POS == token.Adj || openQuotes[s.Tokens[k].Text] ||
		s.Tokens[k].Text == "的" && (s.Tokens[k-1].POS == token.Adv || s.Tokens[k-1].POS == token.Adj)) {
		k--
	}
	if k <= c.Start || s.Tokens[k].Text != "的" {
		return -1
	}
	for j := k - 1; j > c.Start && j >= k-12; j-- {
		t := s.Tokens[j].Text
		if s.Tokens[j].POS == token.Punct {
			return -1
		}
		if t != "对" && t != "对于" {
			continue
		}
		p := j - 1
		if p > c.Start && zhPartyHeads[s.Tokens[p].Text] && s.MentionAt(p) < 0 {
			p-- // 欧盟国家对…的关切: the party with a head noun of its own
		}
		mk := s.MentionAt(p)
		if mk < 0 || !s.Mentions[mk].IsParty() || len(s.Mentions[mk].IDs) == 0 || s.Mentions[mk].TokEnd != p+1 {
			return -1
		}
		return verbObject(s, mk, c)
	}
	return -1
}

// verbObject returns mk when a verb stands before mention mk in clause c,
// so that the noun phrase mk opens is that verb's object, else -1.
func verbObject(s *clause.Sentence, mk int, c clause.Clause) int {
	for v := s.Mentions[mk].Tok - 1; v >= c.Start; v-- {
		if s.Tokens[v].POS == token.Verb && s.MentionAt(v) < 0 {
			return mk
		}
	}
	return -1
}

// possessiveStanceDoer finds the holder of an English stance named as a
// noun with its holder's possessive in the object of a verb of praise or
// thanks ("thanked her counterpart for Peru's firm support for Ukraine",
// "praised Chile's condemnation of the coup"): the party before 's,
// adjectives, adverbs and participles allowed between, or -1. Elsewhere
// ("undermines the Secretary-General's vision of …") the stance is only
// told of its holder.
func possessiveStanceDoer(s *clause.Sentence, start int, c clause.Clause) int {
	k := start - 1
	for k > c.Start && modifier(&s.Tokens[k]) {
		k--
	}
	if k <= c.Start || s.Tokens[k].Text != "'s" && s.Tokens[k].Text != "’s" {
		return -1
	}
	mk := s.MentionAt(k - 1)
	if mk < 0 || !s.Mentions[mk].IsParty() || len(s.Mentions[mk].IDs) == 0 || s.Mentions[mk].TokEnd != k || !praisedIn(s, mk, c) {
		return -1
	}
	return mk
}

// roleNouns name the part a party plays, which "in" and a stance as a
// gerund may follow ("Japan's leadership in supporting Ukraine").
var roleNouns = map[string]bool{"stance": true, "position": true, "leadership": true, "role": true, "effort": true}

// gerundStanceDoer finds the holder of an English stance told as a gerund
// after a party's role in another verb's object ("praised Japan's
// leadership in supporting Ukraine", "thanked Jamaica for its principled
// stance in condemning the invasion"): the possessive party, or the party
// thanked before "for its"; -1 when there is none.
func gerundStanceDoer(s *clause.Sentence, start int, c clause.Clause) int {
	k := start - 1
	if k-1 <= c.Start || s.Tokens[k].Lower != "in" || !roleNouns[s.Tokens[k-1].Lemma] {
		return -1
	}
	k--
	if d := possessiveStanceDoer(s, k, c); d >= 0 {
		return d
	}
	k--
	for k > c.Start && modifier(&s.Tokens[k]) {
		k--
	}
	if k < c.Start+2 || s.Tokens[k].Lower != "its" && s.Tokens[k].Lower != "their" || s.Tokens[k-1].Lower != "for" {
		return -1
	}
	mk := s.MentionAt(k - 2)
	if mk < 0 || !s.Mentions[mk].IsParty() || len(s.Mentions[mk].IDs) == 0 || s.Mentions[mk].TokEnd != k-1 {
		return -1
	}
	if !praisedIn(s, mk, c) {
		return -1
	}
	return mk
}

// modifier reports an adjective, an adverb or a participle used as one
// ("firm", "strongly", "principled", "continued") before a noun.
func modifier(t *token.Token) bool {
	return t.POS == token.Adj || t.POS == token.Adv || t.Tag == "VBN" || t.Tag == "VBD"
}

// praisedIn reports a verb of praise or thanks nearest before mention mk in
// its clause: whose role is praised holds the stance the role is in ("highlight
// NATO's role in preserving security" tells no stance of NATO's).
func praisedIn(s *clause.Sentence, mk int, c clause.Clause) bool {
	for v := s.Mentions[mk].Tok - 1; v >= c.Start; v-- {
		switch s.Tokens[v].Lemma {
		case "appreciation", "gratitude", "thanks", "praise":
			return true // "expressed appreciation for Japan's leadership in …"
		}
		if t := &s.Tokens[v]; t.POS == token.Verb && s.MentionAt(v) < 0 {
			switch t.Lemma {
			case "thank", "praise", "commend", "applaud", "salute", "welcome", "appreciate", "congratulate", "laud", "hail":
				return true
			}
			return false
		}
	}
	return false
}

// openQuotes are the quotation marks that may open a quoted cue.
var openQuotes = map[string]bool{"“": true, "\"": true, "「": true, "『": true, "‘": true}

// zhPartyHeads are nouns that may follow a party's name and still name the
// party (欧盟国家, 美国政府, 中国方面).
var zhPartyHeads = map[string]bool{"国家": true, "政府": true, "方面": true, "当局": true, "成员国": true, "各国": true}

// zhCoverbs are the prepositions that may follow 将 as "will".
var zhCoverbs = map[string]bool{"向": true, "对": true, "与": true, "同": true, "在": true, "于": true, "从": true, "为": true, "给": true, "跟": true, "就": true}

// knownFor reports a Chinese cue between 以 and 而闻名 (或 著称, 出名):
// what someone is known for.
func knownFor(s *clause.Sentence, i int) bool {
	c := s.Clauses[s.ClauseOf(i)]
	open := false
	for k := i - 1; k >= c.Start && k >= i-4; k-- {
		if s.Tokens[k].Text == "以" {
			open = true
			break
		}
	}
	if !open {
		return false
	}
	for k := i + 1; k < c.End && k <= i+12; k++ {
		switch s.Tokens[k].Text {
		case "闻名", "著称", "出名", "而闻名", "而著称", "而出名", "知名":
			return true
		}
	}
	return false
}

// preventedAct reports a Chinese cue after a verb of preventing and the
// party it prevents (阻止中国继续扩大, 防止伊朗发展): the act is the
// other party's, and prevented.
func preventedAct(s *clause.Sentence, i int) bool {
	c := s.Clauses[s.ClauseOf(i)]
	for k := i - 1; k >= c.Start && k >= i-6; k-- {
		if preventVerbs[s.Tokens[k].Text] {
			for j := range s.Mentions {
				if m := &s.Mentions[j]; m.Tok > k && m.TokEnd <= i && m.IsParty() {
					return true
				}
			}
			return false
		}
	}
	return false
}

var preventVerbs = map[string]bool{"阻止": true, "防止": true, "阻挠": true, "遏制": true, "禁止": true, "阻碍": true}

// willManner are the manner words that may stand between 将 and its verb.
var willManner = map[string]bool{"重新": true, "全面": true, "大幅": true, "积极": true, "逐步": true, "正式": true, "共同": true, "切实": true, "尽快": true}

// furniture reports a line of page furniture: a breadcrumb (Home > World >
// …), a table of contents (dotted leaders, 目录), a list of related
// headlines (Related stories: … | …, 相关新闻：…｜…).
func furniture(s *clause.Sentence) bool {
	toks := s.Tokens
	if len(toks) == 0 {
		return false
	}
	gt, bars, dots := 0, 0, 0
	for _, t := range toks {
		switch t.Text {
		case ">", "›", "»", "＞":
			gt++
		case "|", "｜", "丨":
			bars++
		case "…", "……", "...", "．．．", "…..":
			dots++
		}
		if strings.Count(t.Text, ".") >= 3 {
			dots++
		}
	}
	first := strings.ToLower(toks[0].Text)
	if len(toks) > 1 && (toks[1].Text == ":" || toks[1].Text == "：") {
		switch first {
		case "related", "contents", "目录", "相关新闻", "相关阅读", "延伸阅读", "推荐阅读", "相关报道", "更多":
			return true
		}
	}
	switch {
	case first == "related" || first == "read" && len(toks) > 1 && toks[1].Lemma == "more" || first == "see" && len(toks) > 1 && toks[1].Text == "also":
		return true
	case gt >= 2, bars >= 2, dots >= 2:
		return true
	}
	return false
}

// heading reports an English line in capital letters (a section heading).
func heading(toks []token.Token) bool {
	letters, upper := 0, 0
	for _, t := range toks {
		for _, r := range t.Text {
			if r >= 'a' && r <= 'z' {
				letters++
			} else if r >= 'A' && r <= 'Z' {
				letters++
				upper++
			}
		}
	}
	return letters >= 8 && upper*10 >= letters*9
}

// cueIsWord checks an English cue's part of speech where the rule leaves it
// open: a single-word cue must be a verb, a noun or an adjective in use,
// not part of a name ("the Support Group").
func (m *Matcher) cueIsWord(r *Rule, toks []token.Token, pm token.PatternMatch) bool {
	t := toks[pm.Start]
	if t.POS == token.Propn && pm.End-pm.Start == 1 {
		return false
	}
	if pm.End-pm.Start == 1 && participleAdjectives[t.Lower] && pm.End < len(toks) && toks[pm.End].POS == token.Noun {
		return false // "pressing issues", "a promising start": an adjective
	}
	return true
}

// certainlyBefore follow 肯定 when it is the adverb "certainly", not the
// verb "affirm, commend" (肯定会, 肯定不是, 肯定要).
var certainlyBefore = map[string]bool{"会": true, "不会": true, "是": true, "不是": true, "要": true, "能": true, "不能": true,
	"将": true, "不": true, "没有": true, "可以": true, "已经": true, "也": true, "还": true, "就": true}

// participleAdjectives are -ing forms of cue verbs that, before a noun,
// describe it.
var participleAdjectives = map[string]bool{"pressing": true, "promising": true, "encouraging": true, "concerning": true,
	"troubling": true, "supporting": true, "welcoming": true, "lasting": true, "threatening": true, "committed": true}

// zhLightVerbs carry a stance noun after them (做出反驳, 予以谴责, 提出批评).
var zhLightVerbs = map[string]bool{"做出": true, "作出": true, "提出": true, "发出": true, "予以": true, "加以": true, "进行": true, "表示": true, "表达": true}

// negatedAt reports a negation among the few tokens before the cue (does
// not support, 不支持, never accepted), within its clause.
func (m *Matcher) negatedAt(s *clause.Sentence, cue, clauseStart int) bool {
	toks := s.Tokens
	for k := cue - 1; k >= clauseStart && k >= cue-4; k-- {
		if m.WordAt(s.Sentence, "negation", k) {
			// "not only … but also": no negation
			if k+1 < len(toks) && strings.EqualFold(toks[k+1].Text, "only") {
				return false
			}
			return true
		}
		t := &toks[k]
		if s.Lang == "zh" && (zhLightVerbs[t.Text] || t.Text == "继续" || t.Text == "持续") {
			continue // 并未做出反驳, 没有予以谴责: the light verb carries the negation to its noun; 不会继续推动 is no push
		}
		if mi := s.MentionAt(k); s.Lang == "zh" && mi >= 0 && s.Mentions[mi].TokEnd == k+1 {
			if j := s.Mentions[mi].Tok - 1; j >= clauseStart && withWords[toks[j].Text] {
				k = j // 没有与美国站在一起: the partner phrase stands between the negation and the cue
				continue
			}
		}
		if !(t.POS == token.Adv || t.POS == token.Aux || t.POS == token.Part || t.Tag == "ad" || t.Lemma == "be" || t.Lemma == "do" || t.Lemma == "have") {
			return false // (an adjective used as an adverb counts as one: 没有公开赞同)
		}
	}
	return false
}

// withWords bring in the partner of a Chinese stance (与美国站在一起, 同中方合作).
var withWords = map[string]bool{"与": true, "和": true, "同": true, "跟": true}

// before reports a word of kind among the n tokens before token i, in the clause.
func (m *Matcher) before(s *clause.Sentence, kind string, i, clauseStart, n int) bool {
	for k := i - 1; k >= clauseStart && k >= i-n; k-- {
		if m.WordAt(s.Sentence, kind, k) {
			return true
		}
	}
	return false
}

// intensity reads intensifiers right before or inside the cue.
func (m *Matcher) intensity(s *clause.Sentence, f Frame) string {
	c := s.Clauses[f.Clause]
	for k := max(c.Start, f.CueStart-3); k < f.CueEnd; k++ {
		if m.WordAt(s.Sentence, "high", k) {
			return "high"
		}
	}
	for k := max(c.Start, f.CueStart-3); k < f.CueEnd; k++ {
		if m.WordAt(s.Sentence, "low", k) {
			return "low"
		}
	}
	return "normal"
}

// opensPredicate reports a cue joined to what comes before by a
// conjunction or a comma: a new predicate of the same subject.
func (m *Matcher) opensPredicate(s *clause.Sentence, cue, clauseStart int) bool {
	toks := s.Tokens
	if s.Lang == "en" && toks[cue].POS == token.Adj {
		return false // "premeditated, unprovoked, and unjustified war": the last of a noun's adjectives, no predicate
	}
	for k := cue - 1; k >= 0 && k >= cue-4; k-- {
		t := &toks[k]
		switch strings.ToLower(t.Text) {
		case "or", "或", "和", "与", "及":
			// 以武力或胁迫, "by force or coercion": two nouns joined, not two predicates
			if k > 0 && (toks[k-1].POS == token.Noun || toks[k-1].POS == token.Propn) && cue == k+1 && toks[cue].POS != token.Verb {
				return false
			}
			if s.Lang == "zh" && k > 0 && (toks[k-1].POS == token.Noun || toks[k-1].POS == token.Propn) && cue == k+1 {
				return false
			}
			if k > 0 && t.Text == "或" && (toks[k-1].POS == token.Verb || toks[k-1].POS == token.Adv) && cue == k+1 {
				// 暂停或终止, "suspend or end": one act in two words, not a second
				// predicate (gse tags some verbs before 或 as adverbs)
				return false
			}
			if k > 1 && t.Lower == "or" && toks[k-1].POS == token.Verb && toks[k-2].Lower == "to" && cue == k+1 {
				return false // "not to evade or undermine": one act in two infinitives
			}
			return k >= clauseStart-1 && toks[k].Text != "和" && toks[k].Text != "与" && toks[k].Text != "及"
		case "and", "but", "while", "nor", "并", "并且", "同时", "还", "也", "，", ",", "；", ";", "而且", "但", "但是":
			return k < cue-0 && (k >= clauseStart-1)
		}
		if !(t.POS == token.Adv || t.POS == token.Aux || t.Lemma == "also" || t.Lemma == "further") {
			return false
		}
	}
	return false
}

// nest decides which frames yield to others: a stance inside what a call,
// an agreement or an obligation contains is part of it; a reaffirmation or
// a modal commitment gives way to the stance it governs (重申坚决反对, will
// continue to support); a frame's object ends where a new predicate of the
// same clause begins.
func (m *Matcher) nest(s *clause.Sentence, fs []Frame) {
	preposedPurposes(s, fs)
	for i := range fs {
		f := &fs[i]
		for j := i + 1; j < len(fs); j++ {
			n := &fs[j]
			if n.CueStart >= f.CueEnd && n.CueStart < f.ObjStart {
				continue // 将为了维护…而深化合作: what stands between the cue and its object is no part of it
			}
			if n.Rule.Kind == "purpose" && f.Rule.Kind == "commit" && Preposed(s, n) {
				continue // the aim before its action is a claim of its own
			}
			if n.Doer >= 0 && s.Mentions[n.Doer].Tok > f.CueStart {
				continue // 感谢俄罗斯对中方的支持: Russia's support is a claim of its own, not the thanks
			}
			if n.Rule.Kind == "purpose" && n.CueStart <= f.CueEnd+1 && n.CueStart >= f.CueEnd && f.Rule.Modality != "act" {
				n.Absorbed = true // "agreed to uphold", "needed to protect": the complement, not a purpose
				continue
			}
			if n.Rule.Kind == "purpose" && n.CueStart < f.ObjEnd && n.CueStart >= f.CueEnd && f.Rule.Kind == "commit" && s.Lang == "en" && effortOnly(s, f, n.CueStart) {
				// "will work with our partners to protect human rights": the
				// commitment is to what the work is for; the purpose is its object,
				// and so are the verbs coordinated with it ("to protect and promote")
				for j+1 < len(fs) && fs[j+1].Conj && fs[j+1].Clause == n.Clause && fs[j+1].CueStart <= n.ObjEnd+1 && fs[j+1].Rule.Kind != "report" {
					j++
					f.ObjEnd = max(f.ObjEnd, fs[j].ObjEnd)
				}
				continue
			}
			if n.Rule.Kind == "purpose" && n.CueStart < f.ObjEnd && n.CueStart >= f.CueEnd {
				// "strengthen cooperation to realise a Free and Open Indo-Pacific":
				// the purpose is a claim of its own; the action's object ends there
				if f.Rule.Kind != "call" && f.Rule.Kind != "agree" {
					f.ObjEnd = n.CueStart
				} else {
					n.Absorbed = true // "urge all parties to take steps to ensure access": the purpose is what is called for
				}
				continue
			}
			if n.About && f.CueStart >= n.PreStart && f.CueEnd <= n.CueStart && !zhJoinedStances(s, f, n) {
				// 对中国侵犯人权的报道表示关切: f is inside n's object
				f.Absorbed = true
				break
			}
			if n.CueStart >= f.ObjEnd {
				if n.CueStart > f.ObjEnd && allWrongDoerWords(s, f.ObjEnd, n.CueStart) {
					// "refugees affected by Russia's premeditated, unprovoked, and
					// unjustified war": the object ended inside the wrong's adjectives
					deniedWrong(s, f, n)
				}
				break
			}
			if n.Conj && n.Rule.Kind != "report" && n.Clause == f.Clause && (f.Rule.Kind == "call" || f.Rule.Kind == "should" && !firstPersonBefore(s, f.CueStart)) && coordinatedInfinitive(s, f, n) {
				n.Absorbed = true // "urged Iran to meet its obligations and cooperate with the IAEA": still what is called for
				continue
			}
			if n.Conj && n.Rule.Kind != "report" && n.Clause == f.Clause && (s.Tokens[n.CueStart].IsVerbal() || s.Lang == "zh" || possessiveBefore(s, n.CueStart)) {
				f.ObjEnd = n.CueStart // reaffirmed X and called for Y: Y is not X's object
				break
			}
			if m.refusal(s, f, n) {
				f.Absorbed = true // 拒绝谴责, refused to condemn: no claim of the refusal itself
				break
			}
			if f.Rule.Kind == "commit" && strings.HasSuffix(n.Rule.ID, ".agree.sign") {
				n.Absorbed = true // "will sign an agreement": a signing to come is a commitment
				continue
			}
			if f.Rule.Modality == "will" && n.Rule.Kind == "advance" && s.Lang == "en" && upholdVerbs[s.Tokens[n.CueStart].Lemma] && goesOnTo(s, f.CueEnd, n.CueStart) {
				// "will continue to promote accountability", "will uphold the
				// Charter": to go on upholding a principle is the stance, as
				// "will continue to support" is support
				f.Inner, f.Absorbed = j, true
				continue
			}
			if f.Rule.Kind == "commit" && n.Rule.Kind == "advance" {
				// "committed to working together to promote peace": the
				// commitment takes what is promoted as its object
				n.Absorbed = true
				continue
			}
			if f.Rule.Kind == "hope" && s.Lang == "en" && n.Rule.Kind == "stance" && n.Clause == f.Clause && s.Tokens[f.CueEnd].Lower == "to" {
				// "I wish to thank Kenya", "we wish to express our gratitude to
				// Samoa": a wish of one's own is no claim; the stance it leads
				// to is, and the wish's subject is its subject
				f.Inner, f.Absorbed = j, true
				break
			}
			if f.Rule.Kind == "importance" && f.Inner < 0 && n.CueStart == f.CueEnd && (n.Rule.Kind == "stance" || n.Rule.Kind == "accuse" || n.Rule.Kind == "call") && s.Lang == "en" && s.Tokens[n.CueStart].POS == token.Verb {
				// "stressed the importance of condemning Russia's attack": the
				// stance whose importance is stressed is the claim
				f.Inner, f.Absorbed = j, true
				continue
			}
			switch f.Rule.Kind {
			case "should":
				if firstPersonBefore(s, f.CueStart) && n.Clause == f.Clause {
					// "we must strengthen our cooperation with Kenya": the speaker's own acts state the claim
					if f.Inner < 0 {
						f.Inner, f.Absorbed = j, true
					}
					continue
				}
				n.Absorbed = true
			case "need":
				if deniedWrong(s, f, n) {
					break // "the need for a united response to Russia's war": the war is denounced on its own
				}
				n.Absorbed = true
			case "call", "agree", "hope", "right":
				n.Absorbed = true
			case "report", "commit":
				if f.Rule.Kind == "report" && f.Inner < 0 && n.Rule.Kind != "report" && n.Clause == f.Clause {
					// 强调了…的重要性, stressed that both sides oppose …: the inner cue states the claim
					f.Inner, f.Absorbed = j, true
					continue
				}
				if f.Inner < 0 && m.governs(s, f, n) {
					f.Inner = j
					f.Absorbed = true
					n.Modal = n.Modal || f.Rule.Kind == "commit" // 将继续制裁: the action is committed to
				} else if f.Inner < 0 && n.Rule.Kind != "commit" && n.Rule.Kind != "report" {
					// a stance further inside: it is the claim; the modal's own object ends before it
					f.ObjEnd = n.CueStart
				}
			case "stance", "accuse", "importance", "pre", "purpose", "advance":
				if m.modalBefore(s, n) {
					f.ObjEnd = n.CueStart // 维护和平就必须反对…: a new predicate
					break
				}
				if f.Rule.Predicate == "welcome" && n.Rule.Kind == "commit" && ownedPromise(s, n.CueStart) {
					break // "welcomed Saudi Arabia's pledge to provide …": the pledge is Saudi Arabia's own claim too
				}
				if deniedWrong(s, f, n) {
					break // "support for Ukraine in the face of Russia's brutal invasion"
				}
				if zhJoinedStances(s, f, n) {
					if f.PreStart < 0 {
						f.ObjEnd = n.CueStart // 表示强烈谴责和坚决反对: two stances on one object (shareObjects gives it to both)
					}
					break
				}
				if n.Rule.Kind != "report" {
					n.Absorbed = true
				}
			}
		}
	}
}

// stanceFollows reports a stance cue that starts at token i (谴责、反对: a
// list of stances, not a verb qualifying a noun).
func stanceFollows(m *Matcher, s *clause.Sentence, matches []token.PatternMatch, i int) bool {
	for _, pm := range matches {
		if pm.Start >= i && pm.Start <= i+2 && m.set.Rules[pm.Ref].Kind == "stance" && degreeOnly(s, i, pm.Start) {
			return true
		}
	}
	return false
}

// degreeOnly reports tokens from i to end that only grade what follows
// (坚决, 强烈, 严重).
func degreeOnly(s *clause.Sentence, i, end int) bool {
	for ; i < end; i++ {
		if p := s.Tokens[i].POS; p != token.Adv && p != token.Adj {
			return false
		}
	}
	return true
}

// upholdVerbs keep up a principle or a good rather than act on a party:
// willed, they state support of it.
var upholdVerbs = map[string]bool{"promote": true, "uphold": true, "champion": true, "safeguard": true, "preserve": true, "foster": true}

// goesOnTo reports tokens from i to end that are adverbs or "continue to"
// ("will therefore continue to actively promote").
func goesOnTo(s *clause.Sentence, i, end int) bool {
	for ; i < end; i++ {
		t := &s.Tokens[i]
		if t.POS != token.Adv && t.Lemma != "continue" && t.Lower != "to" {
			return false
		}
	}
	return true
}

// listOpener reports a short clause that only opens a list with a colon
// ("inter alia:", "including:", "among others:").
func listOpener(s *clause.Sentence, c clause.Clause) bool {
	return c.End-c.Start <= 4 && c.End > c.Start && (s.Tokens[c.End-1].Text == ":" || s.Tokens[c.End-1].Text == "：")
}

// enDemonstratives point back to what was said before.
var enDemonstratives = map[string]bool{"this": true, "that": true, "these": true, "those": true}

// prenominal reports an English past participle between a determiner (or
// a possessive) and the noun it describes ("the established order").
func prenominal(s *clause.Sentence, i int) bool {
	t := &s.Tokens[i]
	if i == 0 || i+1 >= len(s.Tokens) || !strings.HasSuffix(t.Lower, "ed") {
		return false
	}
	p, n := &s.Tokens[i-1], &s.Tokens[i+1]
	return (p.POS == token.Det || p.Tag == "PRP$") && (n.POS == token.Noun || n.POS == token.Propn || n.POS == token.Adj)
}

// zhJoinedStances reports a Chinese stance cue that follows another one
// with only a conjunction between them (谴责和反对, 不满、反对): two stances
// held at once, not the second inside the first's object.
func zhJoinedStances(s *clause.Sentence, f, n *Frame) bool {
	if s.Lang != "zh" || f.Rule.Kind != "stance" || n.Rule.Kind != "stance" || n.CueStart <= f.CueEnd || n.CueStart > f.CueEnd+3 || n.Clause != f.Clause || !degreeOnly(s, f.CueEnd+1, n.CueStart) {
		return false
	}
	switch s.Tokens[f.CueEnd].Text {
	case "和", "与", "及", "、", "并":
		return true
	}
	return false
}

// preposedPurposes ends the object of a Chinese purpose that comes before
// its action (为了维护…而深化合作) at 而: what follows is the action, a
// predicate of its own, and what a 将 right before the purpose commits to.
func preposedPurposes(s *clause.Sentence, fs []Frame) {
	for i := range fs {
		n := &fs[i]
		if n.Rule.Kind != "purpose" || s.Lang != "zh" || (s.Tokens[n.CueStart].Text != "为了" && s.Tokens[n.CueStart].Text != "为") {
			continue
		}
		end := s.Clauses[n.Clause].End
		for k := n.CueEnd; k < end && k < n.CueEnd+16; k++ {
			if s.Tokens[k].Text == "而" && k+1 < end && (s.Tokens[k+1].POS == token.Verb || s.Tokens[k+1].POS == token.Other) && s.MentionAt(k+1) < 0 {
				n.ObjEnd = k
				for j := range fs[:i] {
					if f := &fs[j]; f.Rule.Kind == "commit" && f.CueEnd == n.CueStart {
						f.ObjStart = k + 1
					}
				}
				break
			}
		}
	}
}

// Preposed reports a purpose that preposedPurposes ended at 而.
func Preposed(s *clause.Sentence, n *Frame) bool {
	return n.Rule.Kind == "purpose" && s.Lang == "zh" && n.ObjEnd < len(s.Tokens) && s.Tokens[n.ObjEnd].Text == "而"
}

// deniedWrong reports a wrong named as a noun inside the object of a
// positive stance or a need ("support for Ukraine in the face of Russia's
// brutal invasion", "the need for a united response to Russia's war"): it is
// denounced on its own, and the stance's object ends before its doer.
func deniedWrong(s *clause.Sentence, f, n *Frame) bool {
	if n.Rule.Kind != "accuse" || n.Rule.Predicate != "condemn" || f.Rule.Predicate != "support" && f.Rule.Predicate != "welcome" && f.Rule.Predicate != "commit" ||
		s.Lang != "en" || s.Tokens[n.CueStart].POS != token.Noun && s.Tokens[n.CueEnd-1].POS != token.Noun {
		return false // (a noun opens or ends the cue: "violations of", "unprovoked war")
	}
	e := n.CueStart
	for e > f.CueEnd && wrongDoerWord(&s.Tokens[e-1]) {
		e--
	}
	f.ObjEnd = e
	return true
}

// coordinatedInfinitive reports an English verb in its base form joined by
// "and" to an infinitive in a call's object ("urged X to heed … and
// cooperate"), where a past-tense call makes a base form no new predicate
// of the caller ("urged X to stop" … "and called on Y" is one).
func coordinatedInfinitive(s *clause.Sentence, f, n *Frame) bool {
	if s.Lang != "en" || n.CueStart == 0 || s.Tokens[n.CueStart-1].Lower != "and" || s.Tokens[n.CueStart].Tag != "VB" {
		return false
	}
	if t := s.Tokens[f.CueStart].Tag; f.Rule.Kind == "call" && t != "VBD" && t != "VBN" && t != "VBZ" && n.Rule.Modality != "act" {
		// "we urge X to … and call on Y": the same form either way; but
		// an act ("we urge Iran to meet its obligations and cooperate with
		// the IAEA") is still what the call asks for
		return false
	}
	for k := f.CueEnd; k < n.CueStart-1; k++ {
		if s.Tokens[k].Lower == "to" && s.Tokens[k+1].POS == token.Verb {
			return true
		}
	}
	return false
}

// riskOf reports 之虞 (a risk of) after a Chinese cue in its clause: 有违反国安法之虞 only supposes the wrong.
func riskOf(s *clause.Sentence, from, to int) bool {
	for k := from; k < to && k < from+12; k++ {
		if s.Tokens[k].Text == "之虞" || s.Tokens[k].Text == "虞" && k > 0 && s.Tokens[k-1].Text == "之" {
			return true
		}
	}
	return false
}

// inCompound reports an English word joined by hyphens to the words around
// it (back-to-back, well-backed, support-based), except after a prefix that
// keeps it a verb (co-sponsor, re-affirm).
func inCompound(s *clause.Sentence, i int) bool {
	toks := s.Tokens
	if i+1 < len(toks) && toks[i+1].Text == "-" && toks[i+1].Start == toks[i].End {
		return true
	}
	if i >= 2 && toks[i-1].Text == "-" && toks[i-1].End == toks[i].Start && toks[i-2].End == toks[i-1].Start {
		switch toks[i-2].Lower {
		case "co", "re", "pre", "non", "anti", "counter", "self":
			return false
		}
		return true
	}
	return false
}

// backParticles turn "back" into retreat: back down, back away, back off, back out.
var backParticles = map[string]bool{"down": true, "away": true, "off": true, "out": true}

// addressesAudience reports who is spoken to after "address": you, this
// Assembly, the General Assembly, the Council, the nation, a session of
// one (the seventy-ninth session of the General Assembly).
func addressesAudience(s *clause.Sentence, i int) bool {
	for k := i; k < len(s.Tokens) && k < i+7; k++ {
		t := &s.Tokens[k]
		if t.Tag == "CD" || t.Text == "-" || t.Tag == "JJ" && (strings.HasSuffix(t.Lower, "th") || strings.HasSuffix(t.Lower, "st") || strings.HasSuffix(t.Lower, "nd") || strings.HasSuffix(t.Lower, "rd")) {
			continue // "the 79th", "the seventy-eighth"
		}
		switch t.Lower {
		case "the", "this", "august", "distinguished", "once", "again", "today", "regular", "annual", "high-level":
			continue
		case "you", "assembly", "general", "council", "nation", "parliament", "congress", "delegates", "forum", "body", "audience", "conference",
			"session", "summit", "debate", "meeting", "gathering":
			return true
		}
		return false
	}
	return false
}

// zhNominal reports a Chinese commitment word used as a noun: after a
// demonstrative (此计划, 该决定, 这项制裁), before a noun it modifies (制裁名单,
// 制裁措施的细节) or a verb it is the subject of (决定引发质疑, 制裁是工具), or
// inside 在…方面.
func zhNominal(s *clause.Sentence, i, end int) bool {
	toks := s.Tokens
	if i > 0 && demonstratives[toks[i-1].Text] && !zhWill[toks[i].Text] {
		return true // (其将…: 其 is "it", the subject)
	}
	if i > 0 && (zhWill[toks[i].Text] || toks[i].Text == "即将") && personDemonstratives[toks[i-1].Text] {
		return true // 这位即将成为总统的…: what the person spoken of is about to be, inside a noun phrase
	}
	if end < len(toks) {
		n := toks[end].Text
		if nominalHeads[n] && !takenBefore(toks, i) {
			return true // 制裁名单; but 采取制裁措施, 通过制裁机制 take the measure
		}
		if zhWill[toks[i].Text] && (causatives[n] || n == "是") || !zhWill[toks[i].Text] && subjectVerbs[n] {
			return true // 决定引发质疑, 会令北京不快; but 计划让美国重新加入 plans it
		}
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if toks[k].Text == "在" {
			for j := end; j < len(toks) && j < end+12; j++ {
				if toks[j].POS == token.Punct || toks[j].IsVerbal() && j > end+1 {
					break
				}
				if toks[j].Text == "方面" || toks[j].Text == "领域" {
					return true
				}
			}
		}
	}
	return false
}

var demonstratives = map[string]bool{"此": true, "该": true, "这": true, "这一": true, "这项": true, "那项": true, "此项": true, "该项": true,
	"上述": true, "这些": true, "此次": true, "这次": true, "其": true, "各项": true, "一项": true, "多项": true}

// zhWillModifies reports a Chinese "will" inside a phrase that describes
// something: after 即将 or 会 its verb takes 的 and a noun (即将于维也纳举行的
// 谈判, 特朗普会连任的), or the phrase closes on 之际 or 前夕 (即将到武汉调查之际).
// 将 with 的 still tells what its party will do (将采取的行动包括…).
func zhWillModifies(s *clause.Sentence, start, end int) bool {
	toks := s.Tokens
	c := s.Clauses[s.ClauseOf(start)]
	verbSeen := false
	for k := end; k < c.End && k < end+12; k++ {
		t := &toks[k]
		if t.POS == token.Punct {
			return false
		}
		switch t.Text {
		case "之际", "前夕":
			return true
		}
		if !verbSeen && t.IsVerbal() {
			verbSeen = true
			if k+1 < c.End && toks[k+1].Text == "的" && k-end <= 2 && t.POS == token.Verb && toks[start].Text != "将" {
				return true // (将采取的行动 still tells what the party will do)
			}
		}
		if t.Text == "的" && verbSeen && k+1 < c.End && partyOpensClause(s, c.Start, start, k+1) {
			return true // 将出访的德国外长…: the party the phrase describes is the clause's subject
		}
	}
	return false
}

// coverbs open a phrase of place, partner or recipient inside a verb
// phrase (在, 与, 对, 向 …).
var coverbs = map[string]bool{"在": true, "与": true, "同": true, "和": true, "跟": true, "于": true, "对": true, "向": true, "给": true}

// partyOpensClause reports a clause whose first party stands at i, after a
// phrase from the clause's start through the cue at cue: the phrase describes
// that party, which is the subject (将卸任的总统表示…, 即将到访的法国总统).
func partyOpensClause(s *clause.Sentence, clauseStart, cue, i int) bool {
	for k := clauseStart; k < cue; k++ {
		if s.Tokens[k].IsNominal() || s.MentionAt(k) >= 0 {
			return false // 下一届政府将…: the clause has its subject
		}
	}
	if s.Tokens[i-2].POS == token.Adj || i-1-cue > 4 {
		return false // 将公布新的朝鲜政策: 的 closes an adjective inside the object
	}
	for k := cue + 1; k < i-1; k++ {
		if coverbs[s.Tokens[k].Text] {
			return false // 将在下周与到访的美国副国务卿会面: the party is the partner
		}
	}
	mk := s.MentionAt(i)
	return mk >= 0 && s.Mentions[mk].Tok == i && s.Mentions[mk].IsParty()
}

// personDemonstratives point at a person a noun phrase goes on to describe
// (这位即将上任的总统).
var personDemonstratives = map[string]bool{"这位": true, "那位": true, "该名": true, "这名": true, "此位": true, "这些": true}

// nominalHeads follow a commitment word that modifies them (制裁名单, 计划细节).
var nominalHeads = map[string]bool{"名单": true, "目标": true, "对象": true, "措施": true, "清单": true, "范围": true, "细节": true,
	"内容": true, "草案": true, "机制": true, "框架": true, "法案": true, "令": true, "案": true}

// takeVerbs adopt the measure a commitment word and its head name.
var takeVerbs = map[string]bool{"采取": true, "实施": true, "宣布": true, "出台": true, "推出": true, "通过": true, "祭出": true,
	"实行": true, "施加": true, "进行": true, "启动": true, "制定": true}

// takenBefore reports a take verb up to three words before i (采取了进一步制裁措施).
func takenBefore(toks []token.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if takeVerbs[toks[k].Text] {
			return true
		}
		if toks[k].POS == token.Punct {
			return false
		}
	}
	return false
}

// causatives after 会 or 将 foretell what a step brings about (会令北京不快);
// after 计划 or 决定 they say what is planned (计划让美国重新加入).
var causatives = map[string]bool{"令": true, "使": true, "让": true}

// subjectVerbs after a commitment word make it their subject (决定引发质疑, 制裁是工具).
var subjectVerbs = map[string]bool{"是": true, "引发": true, "引起": true, "遭到": true, "受到": true, "导致": true, "造成": true,
	"意味着": true, "被": true}

// pressesSomeone reports "press" that presses a party or for something
// ("press Iran to", "pressed China on", "press for a ceasefire"), not the
// adjective ("pressing global issues") or "press forward", "press ahead".
func pressesSomeone(s *clause.Sentence, i int) bool {
	t := &s.Tokens[i]
	if t.Lower == "pressing" && i > 0 {
		if p := &s.Tokens[i-1]; p.POS == token.Det || p.POS == token.Adj || p.Lower == "most" || p.Lower == "more" || p.Lower == "other" || p.Lower == "," {
			return false
		}
	}
	if i+1 >= len(s.Tokens) {
		return false
	}
	n := &s.Tokens[i+1]
	switch n.Lower {
	case "for", "the", "them", "him", "her", "it", "us":
		return n.Lower != "the" || i+2 < len(s.Tokens) && s.MentionAt(i+2) >= 0
	case "forward", "ahead", "on", "home", "conference", "release", "briefing", "statement":
		return false
	}
	return s.MentionAt(i+1) >= 0
}

// contributesToHarm reports what follows "contribute" when it tells a
// share of a harm rather than a gift: an amount (the least, less than 1%,
// very little, a minuscule share) or a harm that grows ("to escalating
// tensions", "to the decline", "to health problems").
func contributesToHarm(s *clause.Sentence, i int) bool {
	for k := i; k < len(s.Tokens) && k < i+4; k++ {
		switch w := s.Tokens[k].Lower; {
		case shareWords[w]:
			return true
		case w == "to" || w == "towards" || w == "the" || w == "this" || w == "a" || w == "its" || w == "their" || w == "very" || w == "only":
			continue
		case harmWords[w] || harmWords[s.Tokens[k].Lemma]:
			return true
		default:
			return false
		}
	}
	return false
}

var shareWords = map[string]bool{"least": true, "less": true, "little": true, "minuscule": true, "negligible": true, "fraction": true,
	"share": true, "%": true, "percent": true, "tiny": true, "insignificant": true}

var harmWords = map[string]bool{"escalating": true, "increasing": true, "rising": true, "growing": true, "worsening": true, "waning": true,
	"decline": true, "deterioration": true, "destabilization": true, "destabilisation": true, "instability": true, "insecurity": true,
	"problem": true, "tension": true, "tensions": true, "irregular": true, "climate": true, "pollution": true, "emissions": true,
	"erosion": true, "spread": true, "proliferation": true, "suffering": true, "violence": true}

// effortVerbs only say that someone works at something ("work to", "strive
// to"): after a commitment, what they work for is what is committed to.
var effortVerbs = map[string]bool{"work": true, "strive": true, "endeavour": true, "endeavor": true, "cooperate": true,
	"collaborate": true, "continue": true, "partner": true, "try": true, "seek": true, "labor": true, "labour": true}

// effortOnly reports the words between a commitment's cue and a purpose at
// to as only effort ("work hard", "continue to work closely with our
// partners", "working together"): no action of their own.
func effortOnly(s *clause.Sentence, f *Frame, to int) bool {
	with := s.Tokens[f.CueEnd-1].Lower == "with" // "look forward to working with"
	effort := with || effortVerbs[s.Tokens[f.CueEnd-1].Lemma]
	for k := f.CueEnd; k < to; k++ {
		t := &s.Tokens[k]
		switch {
		case effortVerbs[t.Lemma] && t.POS == token.Verb:
			effort, with = true, false
		case t.Lemma == "use" && t.POS == token.Verb:
			effort, with = true, true // "will continue to use all of its tools to promote accountability": the means, then the aim
		case t.Lower == "with":
			with = true
		case t.POS == token.Adv || t.Lower == "together" || t.Lower == "hard" || t.Lower == "to" && k+1 < to && effortVerbs[s.Tokens[k+1].Lemma]:
		case with && (t.POS == token.Det || t.POS == token.Adj || t.POS == token.Noun || t.POS == token.Propn || t.Tag == "PRP$" || t.Lower == "and" || t.Lower == "of" || t.Text == "," || s.MentionAt(k) >= 0):
		default:
			return false
		}
	}
	return effort
}

// wrongDoerWord is a word of what names the doer of a wrong before it:
// "Russia's brutal and unprovoked", "Russian".
func wrongDoerWord(t *token.Token) bool {
	switch t.POS {
	case token.Adj, token.Det, token.Propn:
		return true
	}
	switch t.Lower {
	case "'s", "’s", "and", ",":
		return true
	}
	return t.Tag == "VBN" || t.Tag == "VBD" // "premeditated"
}

// allWrongDoerWords reports tokens from..to-1 all words that may stand
// between a wrong's doer and its noun (adjectives, commas, "and").
func allWrongDoerWords(s *clause.Sentence, from, to int) bool {
	for k := from; k < to; k++ {
		if !wrongDoerWord(&s.Tokens[k]) {
			return false
		}
	}
	return true
}

func adjectival(prev string) bool {
	switch prev {
	case "受", "很", "颇", "最", "十分", "非常", "相当", "较":
		return true
	}
	return false
}

// ownedPromise reports an English commitment cue that is a promise noun
// ("Saudi Arabia's pledge", "the EU's generous commitment") or follows one
// ("India's decision to deploy"), whose owner, a state or an organisation, is
// named right before the noun with 's (the bare apostrophe of a plural
// name is left out).
func ownedPromise(s *clause.Sentence, i int) bool {
	n := PromiseAt(s, i)
	if n < 0 {
		return false
	}
	mk, possessive := OwnerBefore(s, n)
	if !possessive {
		return false
	}
	mark := s.Tokens[s.Mentions[mk].TokEnd].Text
	return mark == "'s" || mark == "’s" // not the bare apostrophe of "the United States’"
}

// PromiseNouns name a promise whose owner, named before, holds what it
// promises ("Saudi Arabia's pledge to provide", "the EU's decision to extend").
var PromiseNouns = map[string]bool{"pledge": true, "commitment": true, "decision": true, "announcement": true, "offer": true}

// PromiseAt returns the English promise noun the cue at i is ("pledge") or
// follows ("pledge to provide"), or -1.
func PromiseAt(s *clause.Sentence, i int) int {
	if s.Lang != "en" {
		return -1
	}
	if i >= 2 && s.Tokens[i-1].Lower == "to" && PromiseNouns[s.Tokens[i-2].Lower] {
		i -= 2
	}
	if !PromiseNouns[s.Tokens[i].Lower] || s.Tokens[i].POS != token.Noun {
		return -1
	}
	return i
}

// OwnerBefore returns the state or organisation named right before the noun
// at i, past its adjectives and adverbs, adjectival ("the U.S. ironclad
// commitment") or possessive ("Japan's support"), and whether it is
// possessive; -1 when none is.
func OwnerBefore(s *clause.Sentence, i int) (int, bool) {
	k := i - 1
	for k > 0 && (s.Tokens[k].POS == token.Adj || s.Tokens[k].POS == token.Adv) {
		k--
	}
	possessive := false
	if k > 0 {
		switch s.Tokens[k].Text {
		case "'s", "’s", "’", "'":
			k, possessive = k-1, true
		}
	}
	if k < 0 {
		return -1, false
	}
	mk := s.MentionAt(k)
	if mk < 0 || s.Mentions[mk].TokEnd != k+1 || s.Mentions[mk].Kind != mention.Actor || len(s.Mentions[mk].IDs) != 1 {
		return -1, false
	}
	return mk, possessive
}

// possessiveBefore reports "their", "its", "our" right before a cue: a noun
// cue of its own ("and their opposition to …").
func possessiveBefore(s *clause.Sentence, i int) bool {
	return i > 0 && s.Tokens[i-1].Tag == "PRP$"
}

// modalContext reports a modal, an auxiliary or an infinitive "to" among
// the tokens before a cue in its clause.
func modalContext(s *clause.Sentence, cue, clauseStart int) bool {
	for k := cue - 1; k >= clauseStart && k >= cue-6; k-- {
		t := &s.Tokens[k]
		if t.POS == token.Aux || t.Tag == "TO" || t.Lemma == "to" {
			return true
		}
		switch t.Text {
		case "将", "要", "愿", "愿意", "会", "应", "继续", "同意", "决定", "计划", "准备", "承诺", "致力于", "致力", "将继续", "将会",
			"会继续", "愿同", "愿与", "应该", "必须", "需要", "一致同意", "商定":
			return true
		}
	}
	return false
}

// modalBefore reports a modal or auxiliary right before a cue (必须反对,
// must condemn): the cue opens a predicate of its own.
func (m *Matcher) modalBefore(s *clause.Sentence, n *Frame) bool {
	for k := n.CueStart - 1; k >= 0 && k >= n.CueStart-3; k-- {
		t := &s.Tokens[k]
		if t.POS == token.Aux || t.Text == "就" {
			return true
		}
		if t.POS != token.Adv {
			return false
		}
	}
	return false
}

// refusal reports a refusal that governs the cue right after it (拒绝谴责,
// refused to condemn).
func (m *Matcher) refusal(s *clause.Sentence, f, n *Frame) bool {
	refuse := false
	for k := f.CueStart; k < f.CueEnd; k++ {
		if m.WordAt(s.Sentence, "refuse", k) {
			refuse = true
		}
	}
	if !refuse {
		return false
	}
	gap := 0
	for k := f.CueEnd; k < n.CueStart; k++ {
		if t := &s.Tokens[k]; !(t.POS == token.Adv || t.POS == token.Part || t.Lemma == "to") {
			gap++
		}
	}
	return gap == 0
}

// governs reports that frame f's cue directly governs n's: only adverbs,
// modals, a subject or "to"/"that" stand between them (重申坚决反对, will
// continue to support, reaffirmed their support, stressed that they oppose).
func (m *Matcher) governs(s *clause.Sentence, f, n *Frame) bool {
	if n.Rule.Kind == "report" {
		return false
	}
	gap := 0
	for k := f.CueEnd; k < n.CueStart; k++ {
		t := &s.Tokens[k]
		switch {
		case t.POS == token.Adv, t.POS == token.Aux, t.POS == token.Part, t.POS == token.Det, t.POS == token.Pron:
		case t.Lemma == "that", t.Lemma == "continue", t.Lemma == "to", t.Lemma == "be", t.Text == "，" && s.Lang == "zh":
		default:
			gap++
		}
	}
	limit := 2
	if f.Rule.Kind == "report" {
		limit = 4 // stressed that both sides firmly oppose
	}
	return gap <= limit
}

// extraposed tells "it is unacceptable to …" and "it is unjustifiable that …"
// from "X is unacceptable": the cue's subject is an empty "it" (or "this is
// unacceptable" pointing ahead with to), and a to-infinitive or a that-clause
// follows the cue.
func extraposed(s *clause.Sentence, start, end int, c clause.Clause) bool {
	if s.Lang != "en" || end >= c.End || start == c.Start {
		return false
	}
	toks := s.Tokens
	if next := toks[end].Lower; next != "to" && next != "that" {
		return false
	}
	// the word before the copula ("it is", "it would be", "it remains")
	for k := start - 1; k >= c.Start && k >= start-3; k-- {
		switch toks[k].Lower {
		case "it":
			return true
		case "be", "is", "was", "are", "were", "would", "will", "remains", "remain", "been", "has", "have", "still", "also", "simply", "totally", "completely", "absolutely":
			continue
		}
		return false
	}
	return false
}

// imperative reports an English verb in its base form that opens the
// sentence, after nothing but "please", "so", "and" or an opening quote:
// a command ("Stop the bombing.", "And release the hostages now.").
func imperative(s *clause.Sentence, i int) bool {
	toks := s.Tokens
	if s.Lang != "en" || toks[i].Tag != "VB" {
		return false
	}
	for k := 0; k < i; k++ {
		switch toks[k].Lower {
		case "please", "so", "and", "\"", "“", "'", "‘":
			continue
		}
		return false
	}
	return i+1 < len(toks) && toks[i+1].POS != token.Punct
}

// zhNeedDenied reports a negated Chinese 需要 (不需要): no need is no
// position.
func zhNeedDenied(s *clause.Sentence, i int) bool {
	k := i - 1
	for k >= 0 && s.Tokens[k].POS == token.Adv && !negationWord(s.Tokens[k].Text) {
		k--
	}
	return k >= 0 && negationWord(s.Tokens[k].Text)
}

func negationWord(w string) bool {
	return w == "不" || w == "无" || w == "无需" || w == "并不" || w == "不再"
}

// declinedToSay reports a refusal whose object is a statement (拒绝置评,
// 拒绝就此发表评论, "refused to comment", "declined to say"): within a few
// tokens of the cue, a verb of saying.
func declinedToSay(s *clause.Sentence, start, end int) bool {
	t := s.Tokens[start]
	if t.Text != "拒绝" && t.Lemma != "refuse" && t.Lemma != "decline" {
		return false
	}
	for k := end; k < len(s.Tokens) && k < end+6; k++ {
		switch s.Tokens[k].Text {
		case "，", "。", ",", ".":
			return false
		}
		switch s.Tokens[k].Lemma {
		case "置评", "评论", "回应", "透露", "回答", "证实", "表态", "评价", "comment", "say", "elaborate", "confirm", "answer", "respond", "speculate", "discuss":
			return true
		}
	}
	return false
}

// fightsIllness reports an object that is a disease or an epidemic (对抗疫情,
// 对抗新冠病毒): fought, not opposed.
func fightsIllness(s *clause.Sentence, from int) bool {
	for k := from; k < len(s.Tokens) && k < from+6; k++ {
		w := s.Tokens[k].Text
		if strings.Contains(w, "疫情") || strings.Contains(w, "病毒") || strings.Contains(w, "肺炎") || strings.Contains(w, "疾病") || strings.Contains(w, "新冠") {
			return true
		}
		if w == "，" || w == "。" {
			return false
		}
	}
	return false
}

// agreedAttributive reports "agreed" used before a noun it describes ("the
// agreed framework", "internationally agreed goals").
func agreedAttributive(s *clause.Sentence, start, end int) bool {
	toks := s.Tokens
	if end-start != 1 || toks[start].Lower != "agreed" || start == 0 || end >= len(toks) {
		return false
	}
	p, n := &toks[start-1], &toks[end]
	return (p.POS == token.Adv || p.POS == token.Det || p.Tag == "PRP$") && (n.POS == token.Noun || n.POS == token.Adj || n.POS == token.Propn || n.Tag == "CD")
}

// enRelative reports an English verb cue opening a relative clause on a
// common noun that names no party: "individuals who support", "groups that
// oppose".
func enRelative(s *clause.Sentence, i int) bool {
	toks := s.Tokens
	switch toks[i-1].Lower {
	case "who", "that", "which":
	default:
		return false
	}
	if toks[i].POS != token.Verb {
		return false
	}
	n := &toks[i-2]
	return (n.POS == token.Noun || n.Lower == "those") && s.MentionAt(i-2) < 0
}

// objectRelative reports a Chinese cue right after another verb (not a verb
// of saying) whose clause goes on to 的 and a noun that ends it: the cue is
// inside a relative clause on that verb's object (提出了计划与X合作的条件).
func (m *Matcher) objectRelative(s *clause.Sentence, start, end int) bool {
	toks := s.Tokens
	c := s.Clauses[s.ClauseOf(start)]
	prev := start - 1
	for prev > c.Start && (toks[prev].Text == "了" || toks[prev].Text == "过") {
		prev--
	}
	if prev < c.Start || !zhNounTakers[toks[prev].Text] {
		return false
	}
	for k := end; k+1 < c.End; k++ {
		if toks[k].POS == token.Punct {
			return false
		}
		if toks[k].Text != "的" {
			continue
		}
		rest := true
		for j := k + 1; j < c.End; j++ {
			if t := &toks[j]; t.POS != token.Noun && t.POS != token.Propn && t.POS != token.Punct && t.POS != token.Adj {
				rest = false
				break
			}
		}
		if rest && k+1 < c.End && (toks[k+1].POS == token.Noun || toks[k+1].POS == token.Propn) {
			return true
		}
	}
	return false
}

// zhNounTakers are verbs whose object is a document, a plan or a condition:
// a cue right after them describes that object (提出…的条件, 公布…的计划).
var zhNounTakers = map[string]bool{"提出": true, "制定": true, "公布": true, "发布": true, "拿出": true, "列出": true, "设定": true,
	"讨论": true, "研究": true, "推出": true, "出台": true, "有": true, "没有": true, "存在": true, "提交": true, "起草": true, "审议": true}

// unchanging reports a cue that says something has not changed (没有改变,
// "remains unchanged"): support only of a position or policy.
func unchanging(s *clause.Sentence, start, end int) bool {
	var b strings.Builder
	for k := start; k < end; k++ {
		b.WriteString(s.Tokens[k].Lower)
	}
	t := b.String()
	return strings.Contains(t, "改变") || strings.Contains(t, "unchanged") || strings.Contains(t, "change")
}

// stanceNouns are words for a position held (政策, policy, commitment).
var stanceNouns = []string{"政策", "立场", "原则", "承诺", "态度", "方针", "支持", "policy", "policies", "position", "stance", "commitment",
	"principle", "support", "resolve", "determination"}

// stanceNounBefore reports a word for a position (政策, 立场, policy,
// commitment) in the clause before token i.
func stanceNounBefore(s *clause.Sentence, i int) bool {
	c := s.Clauses[s.ClauseOf(i)]
	for k := c.Start; k < i; k++ {
		t := s.Tokens[k].Lower
		for _, w := range stanceNouns {
			if strings.Contains(t, w) {
				return true
			}
		}
	}
	return false
}

// saidBy reports a Chinese noun or name at i that a verb of saying follows
// (德德钦说, 某某表示): the subject of what is said.
func saidBy(s *clause.Sentence, i, end int) bool {
	for k := i; k < end && k < i+4; k++ {
		switch s.Tokens[k].Text {
		case "说", "表示", "指出", "称", "认为", "强调", "透露", "告诉":
			return k > i
		}
		if p := s.Tokens[k].POS; p != token.Noun && p != token.Propn && p != token.Other {
			return false
		}
	}
	return false
}

// warnSays after 警告 make it a verb of saying: 警告称, 警告说.
var warnSays = map[string]bool{"称": true, "说": true, "指出": true, "道": true, "表示": true}

// threatAfter reports a condition or a consequence in what a warning says
// (警告说如果…将面临后果): the warning is a call; else it is a forecast.
func threatAfter(s *clause.Sentence, i int) bool {
	for k := i; k < len(s.Tokens); k++ {
		switch s.Tokens[k].Text {
		case "如果", "若", "一旦", "假如", "倘若", "不要", "不得", "别", "应", "应该", "必须", "后果", "代价", "否则":
			return true
		}
	}
	return false
}

// whenClause reports a Chinese cue inside 在…时 (之际, 期间, 的时候): a time
// clause that tells when something else happened.
func whenClause(s *clause.Sentence, start, end int) bool {
	toks := s.Tokens
	open := false
	for k := start - 1; k >= 0 && k >= start-8; k-- {
		if toks[k].POS == token.Punct {
			break
		}
		if toks[k].Text == "在" || toks[k].Text == "于" {
			open = true
			break
		}
	}
	if !open {
		return false
	}
	for k := end; k < len(toks) && k < end+20; k++ {
		switch toks[k].Text {
		case "时", "之际", "期间", "的时候", "时候", "之时":
			return true
		}
		if toks[k].POS == token.Punct {
			return false
		}
	}
	return false
}

// zhOwnVoice reports a Chinese cue said by someone (a report or a quotation
// over it) or after a modal (将, 会, 要, 愿, 应): a party's own word about
// what it will keep doing.
func zhOwnVoice(s *clause.Sentence, i int) bool {
	if s.ReportOver(i) >= 0 || s.QuoteOf(i) >= 0 {
		return true
	}
	start := s.Clauses[s.ClauseOf(i)].Start
	for k := i - 1; k >= start && k >= i-4; k-- {
		switch s.Tokens[k].Text {
		case "将", "会", "要", "愿", "愿意", "应", "应该", "必须", "我们", "我", "我国", "决心", "承诺":
			return true
		}
	}
	return false
}

// recognizesSomething reports what a recognition can support after the cue:
// a party or a topic, or a right, a role, an importance ("recognize Kosovo",
// "recognized the importance of", "recognises the right of").
func recognizesSomething(s *clause.Sentence, i int) bool {
	for k := i; k < len(s.Tokens) && k < i+3; k++ {
		t := &s.Tokens[k]
		if mk := s.MentionAt(k); mk >= 0 {
			kind := s.Mentions[mk].Kind
			return kind != mention.Self && kind != mention.Pronoun && kind != mention.Collective
		}
		switch t.Lemma {
		case "right", "importance", "role", "need", "value", "sovereignty", "independence", "legitimacy", "effort", "contribution", "significance", "principle":
			return true
		}
		if VirtueNouns[t.Lemma] {
			return true // "recognize the courage of the Cuban people"
		}
		if t.POS != token.Det && t.POS != token.Adj && t.Tag != "PRP$" {
			return false
		}
	}
	return false
}

// VirtueNouns name a quality a party is praised for: commending or
// recognising "the courage of the Ukrainian people" praises that people's
// state.
var VirtueNouns = map[string]bool{"courage": true, "bravery": true, "resilience": true, "resiliency": true, "determination": true,
	"heroism": true, "generosity": true, "hospitality": true, "steadfastness": true, "perseverance": true, "tenacity": true,
	"dedication": true, "professionalism": true, "fortitude": true, "valor": true, "valour": true}

// acknowledging verbs see a fact: recognize that, acknowledge, admit.
var acknowledging = map[string]bool{"recognize": true, "recognise": true, "acknowledge": true, "admit": true, "understand": true,
	"realize": true, "realise": true, "note": true, "accept": true}

// undergoing verbs tell what befalls the subject: "we continue to suffer".
var undergoing = map[string]bool{"bear": true, "suffer": true, "face": true, "experience": true, "struggle": true, "endure": true,
	"grapple": true, "witness": true, "feel": true, "receive": true, "depend": true, "rely": true, "lag": true, "fall": true}

// zhRecognizesSomething reports what 承认 can recognise right after it: a
// party (承认巴勒斯坦国), or a sovereignty, independence or legitimacy
// (承认新德里对锡金的主权).
func zhRecognizesSomething(s *clause.Sentence, i int) bool {
	if i < len(s.Tokens) {
		if mk := s.MentionAt(i); mk >= 0 && s.Mentions[mk].IsParty() {
			return true
		}
	}
	for k := i; k < len(s.Tokens) && k < i+10; k++ {
		t := s.Tokens[k].Text
		if s.Tokens[k].POS == token.Punct {
			return false
		}
		if strings.Contains(t, "主权") || strings.Contains(t, "独立") || strings.Contains(t, "合法") || strings.Contains(t, "地位") || strings.Contains(t, "国家") {
			return true
		}
	}
	return false
}

// zhHolderNouns end the Chinese nouns for those who hold a position.
var zhHolderNouns = []string{"政府", "国家", "官员", "人士", "议员", "组织", "团体", "企业", "公司", "民众", "人", "势力", "阵营", "政党", "领导人"}

// holderNounAfterParty reports a party right after a Chinese cue, then 的
// and a noun for who holds a position (政府, 国家, 议员): a relative clause
// on those holders (少数承认台湾的政府).
func holderNounAfterParty(s *clause.Sentence, i int) bool {
	if i >= len(s.Tokens) {
		return false
	}
	mk := s.MentionAt(i)
	if mk < 0 || !s.Mentions[mk].IsParty() {
		return false
	}
	k := s.Mentions[mk].TokEnd
	if k+1 >= len(s.Tokens) || s.Tokens[k].Text != "的" {
		return false
	}
	for j := k + 1; j < len(s.Tokens) && j <= k+2; j++ {
		n := s.Tokens[j].Text
		for _, h := range zhHolderNouns {
			if strings.HasSuffix(n, h) {
				return true
			}
		}
		if s.Tokens[j].POS != token.Adj && s.Tokens[j].POS != token.Noun && s.Tokens[j].POS != token.Propn {
			return false
		}
	}
	return false
}

package extract

import (
	"regexp"
	"sort"
	"strconv"

	"github.com/diplograph/diplograph/services/extractor/sentence"
	"strings"
	"unicode/utf8"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/extractor/internal/rules"
)

// draft is a claim under construction, with its explanation.
type draft struct {
	claim schemas.Claim
	expl  Explanation
}

// subject is who holds a claim.
type subject struct {
	ids      []string
	speakers []string
	how      string
	start    int // offset of the subject mention, -1 when inherited
}

// clause delimiters
func (d *doc) isClauseBreak(r rune) bool {
	switch r {
	case '，', '；', '：', ';', ':', '。', '！', '？', '\n':
		return true
	}
	return false
}

// isClauseBreakAt reports a clause break at byte i. In English a comma
// breaks a clause only before a new clause (", while", ", which", ", but").
func (d *doc) isClauseBreakAt(i int) bool {
	r, size := utf8.DecodeRuneInString(d.text[i:])
	if d.isClauseBreak(r) {
		return true
	}
	if r != ',' {
		return false
	}
	if d.lang != "en" {
		return true
	}
	rest := d.text[i+size : min(len(d.text), i+size+12)]
	for _, w := range []string{" while", " but ", " whereas", " saying", " adding", " he ", " she ", " they "} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// clauseStart returns the start of the clause holding off within sentence s.
func (d *doc) clauseStart(s, off int) int {
	i := off
	for i > s {
		_, size := utf8.DecodeLastRuneInString(d.text[:i])
		if d.isClauseBreakAt(i - size) {
			return i
		}
		i -= size
	}
	return s
}

// clauseEnd returns the end of the clause holding off, extending over a
// continuation (包括…, including…).
func (d *doc) clauseEnd(off, e int, ext bool) int {
	i := off
	for i < e {
		r, size := utf8.DecodeRuneInString(d.text[i:])
		if d.isClauseBreakAt(i) {
			if (r == '\n' || r == ':' || r == '：') && d.listFollows(i+size, e) {
				i += size
				continue
			}
			if ext && d.startsExtension(i+size, e) {
				i += size
				continue
			}
			return i
		}
		i += size
	}
	return e
}

// listFollows reports a list item (after spaces and line breaks) at off.
func (d *doc) listFollows(off, e int) bool {
	rest := strings.TrimLeft(d.text[off:e], " \n")
	return sentence.IsBullet(rest)
}

func (d *doc) startsExtension(off, e int) bool {
	rest := strings.TrimLeft(d.text[off:e], " ")
	for _, w := range []string{"包括", "特别是", "尤其是", "including", "in particular", "especially", "notably"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// claims runs the rules over every sentence.
func (d *doc) claims() []draft {
	var out []draft
	var carry *subject // the last subject, for sentences without one
	var lastPerson *mention
	d.lastSpeaker = nil
	lastTopic := ""
	lastTarget, lastTargetSent := "", -1
	bySent := make([][]*mention, len(d.sents))
	for _, m := range d.ments {
		if m.sent >= 0 && m.sent < len(bySent) {
			bySent[m.sent] = append(bySent[m.sent], m)
		}
	}
	for si, s := range d.sents {
		sm := bySent[si]
		if len(sm) == 0 {
			continue
		}
		// reporter's framing: a sentence that is an outlet's report of a
		// source is still read, but the source itself is not a subject
		qs := d.quoteSpeaker(si)
		if qs != nil {
			d.lastSpeaker = qs
		}
		absorbedUntil := -1
		_ = lastTopic
		conjoined := map[*mention]bool{}
		modalUntil := -1 // a commitment's clause: later modal cues are part of it
		var sentSubj *subject
		for ci, m := range sm {
			if m.kind == mPerson {
				lastPerson = m
				if len(m.ids) > 0 && d.firstInClause(sm, ci, s.Start) && !d.isObject(sm, ci, s.Start) {
					d.lastSpeaker = m // the person a later 他 or "he" refers to
				}
			}
			if m.kind != mCue || m.start < absorbedUntil || conjoined[m] {
				continue
			}
			if m.start < modalUntil && (m.cue.Frame == "modal" || m.cue.Frame == "hope") {
				continue
			}
			cue := m.cue
			if cue.Lang != d.lang && !(d.lang == "ja" && cue.Lang == "zh") {
				continue
			}
			cs := d.clauseStart(s.Start, m.start)
			ext := true
			ce := d.clauseEnd(m.end, s.End, ext)
			if ce < s.End && runeLen(strings.TrimSpace(d.text[m.end:ce])) <= 1 && (cue.Frame == "absorb" || cue.Frame == "weak" || cue.Frame == "stance" || cue.Frame == "modal") {
				// 一致认为，…; agreed: … — the content follows the break
				_, size := utf8.DecodeRuneInString(d.text[ce:])
				next := d.clauseEnd(ce+size, s.End, ext)
				opensNew := false
				for _, n := range sm[ci+1:] {
					if n.start >= ce && n.start < next && ((n.kind == mCue && cue.Frame == "stance") || n.isActorish()) && runeLen(strings.TrimSpace(d.text[ce+size:n.start])) <= 1 {
						opensNew = true
						break
					}
				}
				if !opensNew {
					ce = next
				}
			}
			if (cue.Frame == "absorb" || cue.Frame == "modal") && d.lang == "zh" {
				// 双方同意落实共识，管控分歧，推进对话: one agreement over several clauses
				for ce < s.End {
					r, size := utf8.DecodeRuneInString(d.text[ce:])
					if r != '，' && r != ',' {
						break
					}
					next := d.clauseEnd(ce+size, s.End, false)
					if rest := strings.TrimSpace(d.text[ce+size : next]); strings.HasPrefix(rest, "并") || strings.HasPrefix(rest, "同时") || strings.HasPrefix(rest, "此外") {
						break // ，并对…表示关切: a new predicate of the same subject
					}
					newSubject := false
					for _, n := range sm[ci+1:] {
						lead := runeLen(strings.TrimSpace(d.text[ce+size : max(ce+size, n.start)]))
						if n.start >= ce && n.start < next && ((n.isActorish() && lead <= 2) || (n.kind == mCue && n.cue.Frame != "modal" && lead <= 4)) {
							newSubject = true
							break
						}
					}
					if newSubject {
						break
					}
					ce = next
				}
			}
			// object scope: after the cue up to the next cue (unless absorbing)
			scopeStart, scopeEnd := m.end, ce
			var nextCue *mention
			last := m // the cue, or the last cue conjoined with it (维护和加强, uphold and reinforce)
			for _, n := range sm[ci+1:] {
				if n.kind == mCue && n.start >= last.end && n.start < ce {
					if cue.Frame == "stance" && conjunction(d.text[last.end:n.start]) {
						conjoined[n] = true
						last = n
						continue
					}
					// 支持欧洲加强战略自主, reject interference: a modal verb or a
					// denounced act inside a stance's object is part of it
					inner := n.cue.Frame == "modal" && !newVerbPhrase(d.text[max(m.start, n.start-8):n.start])
					inner = inner || (cue.Predicate == "oppose" && n.cue.Predicate == "condemn" && (n.cue.Frame == "stance" || n.cue.Frame == "accuse"))
					inner = inner || (n.cue.Predicate == cue.Predicate && (cue.Predicate == "condemn" || cue.Predicate == "concern") && n.cue.Frame == "stance")
					if cue.Frame == "stance" && inner {
						conjoined[n] = true
						continue
					}
					nextCue = n
					break
				}
			}
			switch cue.Frame {
			case "absorb", "should":
				absorbedUntil = ce
			case "weak", "modal", "hope":
				if cue.Frame == "hope" && d.addressee(sm, m, ce) != nil {
					absorbedUntil = ce
					break
				}
				if nextCue != nil && d.governs(sm, m, nextCue) {
					continue // 重申强烈反对, will continue to support: the inner cue states the claim
				}
				if cue.Frame == "modal" {
					modalUntil = ce
				}
			default:
				if nextCue != nil && nextCue.cue.Frame != "weak" {
					scopeEnd = nextCue.start
				}
			}
			if cue.Frame == "pre" || (cue.Frame == "importance" && d.lang == "zh") {
				scopeStart, scopeEnd = cs, m.start
				for _, n := range sm[:ci] {
					if n.start >= cs && n.kind == mCue && n.cue.Frame == "weak" {
						scopeStart = n.end
					}
				}
			}
			// 对…表示关切: the object precedes the cue
			preStart := -1
			if d.lang == "zh" && cue.Frame != "pre" && cue.Frame != "importance" {
				for _, n := range sm[:ci] {
					if n.start >= cs && n.kind == mMod && (n.text == "对" || n.text == "对于" || n.text == "就") {
						preStart = n.end
					}
				}
			}
			if d.insideDuiObject(sm, ci, cs) {
				continue // 对中国侵犯人权的报道表示关切: the inner verb is part of what concerns
			}
			neg := d.negated(m, cs)
			intensity := d.intensity(m, cs)
			subj := d.subjectOf(sm, ci, s.Start, cs, cue)
			if subj == nil && qs != nil {
				subj = d.resolve(qs)
				if subj != nil {
					subj.start = -1
				}
			}
			if subj == nil {
				if sentSubj != nil {
					subj = sentSubj
				} else if carry != nil {
					c := *carry
					c.start = -1
					c.how = "inherited: " + carry.how
					subj = &c
				}
			}
			if subj == nil || len(subj.ids) == 0 {
				continue
			}
			if subj.start >= 0 {
				sentSubj = subj
			}
			ps := d.postSpeaker(sm, m)
			if ps != nil && len(subj.speakers) == 0 && len(ps.ids) > 0 && contains(subj.ids, ps.ids[0]) {
				c := *subj
				c.speakers = []string{ps.person}
				if d.explain {
					c.how += " (said by " + ps.how + ")"
				}
				subj = &c
			}
			if len(subj.speakers) == 0 && d.lastSpeaker != nil && d.lastSpeaker.sent >= si-1 && len(d.lastSpeaker.ids) > 0 && contains(subj.ids, d.lastSpeaker.ids[0]) {
				// 上川阳子表示，日本反对…: the minister speaks for the state
				c := *subj
				c.speakers = []string{d.lastSpeaker.person}
				if d.explain {
					c.how += " (said by " + d.lastSpeaker.how + ")"
				}
				subj = &c
			}
			pred := cue.Predicate
			var targets []string
			var targetHow []string
			objMents := d.inScope(sm, scopeStart, scopeEnd)
			if preStart >= 0 {
				objMents = append(d.inScope(sm, preStart, m.start), objMents...)
			}
			if cue.Frame == "modal" || cue.Frame == "weak" {
				objMents = d.unclaimed(objMents)
			}
			holders := subj.ids
			switch cue.Frame {
			case "hope":
				if t := d.addressee(sm, m, ce); t != nil && !sameSet(t.ids, holders) {
					targets = append(targets, minus(t.ids, holders)...)
				} else {
					pred = "commit"
				}
			case "should":
				if d.allBefore(sm, ci, cs) {
					// 各方应…, all parties should: the speaker calls on no one in particular
					targets = nil
					break
				}
				speaker := d.speakerBefore(sm, ci, s.Start, lastPerson, carry)
				if speaker == nil || sameSet(speaker.ids, subj.ids) {
					continue
				}
				targets = minus(subj.ids, speaker.ids)
				if subj.how == "all parties" {
					targets = nil
				}
				holders = speaker.ids
				subj = speaker
			}
			if cue.Frame == "accuse" {
				// X粗暴干涉…, 此举违反…: the speaker condemns X, or the party the act refers to
				speaker := d.speakerOf(sm, ci, s.Start, cs, carry)
				accused := d.accusedBefore(sm, ci, cs)
				if qs != nil {
					// “X粗暴干涉…”汪文斌说: the quoted speaker accuses the quote's subject
					speaker = d.resolve(qs)
					if accused == nil && subj != nil && subj.start >= 0 && speaker != nil && !sameSet(subj.ids, speaker.ids) {
						accused = subj
					}
				}
				if speaker != nil && accused != nil && sameSet(accused.ids, speaker.ids) && d.lastSpeaker != nil {
					// 七国集团…打压别国企业: the accused opens the sentence; the speaker is who was speaking
					if ls := d.resolve(d.lastSpeaker); ls != nil && !sameSet(ls.ids, accused.ids) {
						speaker = ls
					}
				}
				if speaker == nil {
					continue
				}
				if accused != nil && !sameSet(accused.ids, speaker.ids) {
					targets = minus(accused.ids, speaker.ids)
				} else if accused == nil && d.refersBack(cs, m.start) {
					// 此举, this move: the act the speaker just opposed, else the party just named
					if lastTarget != "" && lastTargetSent >= si-1 && !contains(speaker.ids, lastTarget) {
						targets = []string{lastTarget}
					} else {
						targets = d.recentOther(m.start, speaker.ids, si)
					}
				}
				holders, subj = speaker.ids, speaker
			}
			if cue.Frame != "should" && cue.Frame != "hope" && cue.Frame != "accuse" {
				targets = d.targetsFor(cue, objMents, sm[:ci], m, holders, cs)
			}
			if ps != nil && len(ps.ids) > 0 && pred == "commit" && len(subj.speakers) == 0 && !contains(subj.ids, ps.ids[0]) {
				// "Ukraine will receive eight jets next year, Frederiksen confirmed":
				// the speaker's state commits, the subject receives
				if len(targets) == 0 {
					targets = append([]string{}, subj.ids...)
				}
				c := *subj
				c.ids, c.speakers = append([]string{}, ps.ids...), []string{ps.person}
				if d.explain {
					c.how = ps.how + " (named after the statement)"
				}
				subj, holders = &c, c.ids
			}
			topics := d.topicsIn(objMents)
			if len(topics) == 0 && m.entID != "" {
				topics = []string{m.entID}
			}
			if len(topics) == 0 && preStart >= 0 {
				topics = d.topicsIn(d.inScope(sm, preStart, m.start))
			}
			if len(targets) == 0 && len(topics) == 0 && lastTopic != "" && d.anaphoric(cs, scopeEnd) {
				topics = []string{lastTopic} // 该战机, the agreement: the topic of the claim before
			}
			if len(targets) == 0 && len(topics) == 0 && lastTarget != "" && lastTargetSent >= si-2 && strings.Contains(d.text[cs:m.start], "对此") && !contains(holders, lastTarget) {
				targets = []string{lastTarget} // 中方对此表示坚决反对: what was just named
				if lastTopic != "" {
					topics = []string{lastTopic}
				}
			}
			if len(targets) == 0 && len(topics) == 0 {
				continue
			}
			if cue.Frame == "should" && len(topics) == 0 {
				continue // 不得擅自使用: an obligation about nothing we know is not a claim
			}
			whens := d.whensIn(cs, scopeEnd, pred)
			if pred == "commit" {
				whens = append(whens, d.scheduleYears(sm, scopeEnd, s.End)...)
			}
			if cue.Frame == "importance" && len(whens) > 0 {
				pred = "commit"
			}
			if pred != "commit" && pred != "agree" {
				whens = deadlineOnly(whens)
			}
			whens = d.plausibleWhens(uniqStr(whens))
			if len(topics) > 0 {
				lastTopic = topics[0]
			}
			if len(targets) > 0 && !strings.Contains(targets[0], ":") || len(targets) > 0 && strings.HasPrefix(targets[0], "org:") {
				lastTarget, lastTargetSent = targets[0], si
			}
			evStart := m.start
			if preStart >= 0 {
				evStart = min(evStart, preStart-len("对"))
			}
			if subj.start >= cs && subj.start >= 0 && subj.start < evStart {
				evStart = subj.start
			}
			if cue.Frame == "pre" || cue.Frame == "importance" {
				evStart = min(evStart, scopeStart)
			}
			evEnd := max(scopeEnd, m.end)
			evText := strings.TrimRight(strings.TrimLeft(d.text[evStart:evEnd], " ，,"), " ，,")
			off := strings.Index(d.text[evStart:evEnd], evText) + evStart
			span := schemas.Span{Text: evText, Start: off, End: off + len(evText)}
			if evText == "" {
				continue
			}
			mk := func(target, topic, when string) {
				if cue.Frame == "weak" && target == "" && d.e.negativeTopics[topic] {
					return // "underline… threats, including the war of aggression" is no support
				}
				c := schemas.Claim{Predicate: pred, Actors: uniq(holders), Speakers: subj.speakers, Evidence: span,
					Confidence: cue.Confidence, Rule: cue.Rule, Cue: m.text, Negated: neg, Intensity: intensity}
				if c.Speakers == nil {
					c.Speakers = []string{}
				}
				if target != "" {
					c.Target = ptr(target)
				}
				if topic != "" {
					c.Topic = ptr(topic)
				}
				if when != "" {
					c.When = ptr(when)
				}
				if pred == "commit" {
					c.Modality = cue.Modality
					if c.Modality == "" {
						c.Modality = "will"
					}
				}
				if subj.start < 0 {
					c.Confidence *= 0.85
				}
				dr := draft{claim: c}
				if d.explain {
					how := targetHow
					if target != "" && len(how) == 0 {
						how = []string{target + " (" + targetMode(cue) + ")"}
					}
					if topic != "" {
						how = append(how, "topic "+topic)
					}
					if when != "" {
						how = append(how, "when "+when)
					}
					dr.expl = Explanation{Rule: cue.Rule, Cue: m.text, Actor: subj.how, Target: strings.Join(how, "; "), Negated: neg}
				}
				out = append(out, dr)
			}
			if len(whens) == 0 {
				whens = []string{""}
			}
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
					if i >= 8 {
						break
					}
					mk("", t, w)
				}
			}
			if subj.start >= 0 {
				carry = subj
				d.lastSubject = subj
			}
		}
	}
	return out
}

func ptr(s string) *string { return &s }

// newVerbPhrase reports text ending in a conjunction that starts a new
// verb phrase (", and committed", "，并将").
func newVerbPhrase(before string) bool {
	b := strings.TrimRight(before, " ")
	for _, c := range []string{" and", ",", "，", "并", "并且", "同时", "；", ";"} {
		if strings.HasSuffix(b, c) {
			return true
		}
	}
	return false
}

// targetMode names how a rule picks its target, for explanations.
func targetMode(c *rules.Cue) string {
	switch c.Frame {
	case "should":
		return "the party called on by \"should\""
	case "accuse":
		return "the party accused"
	case "hope":
		return "the party addressed"
	}
	switch c.Target {
	case "adjacent":
		return "named right after the cue"
	case "first":
		return "first party in the object"
	case "all":
		return "named in the object"
	case "relation":
		return "with/to/between the party"
	case "before":
		return "the right-holder before the cue"
	}
	return c.Target
}

// conjunction reports a gap that only joins two verbs (和, and, or).
func conjunction(gap string) bool {
	switch strings.TrimSpace(gap) {
	case "和", "与", "及", "并", "、", "and", "or", "或":
		return true
	}
	return false
}

// governs reports whether a reporting or modal cue m directly governs the
// next cue n (重申强烈反对, 将继续支持, will continue to support): nothing but
// adverbs and a subject stand between them.
func (d *doc) governs(sm []*mention, m, n *mention) bool {
	if n.cue.Frame == "weak" {
		return false
	}
	if m.cue.Frame == "weak" {
		if d.lang == "zh" && (n.cue.Frame == "importance" || n.cue.Frame == "pre") {
			return true // 强调…的重要性: the later cue reads the text before it
		}
		return d.near(sm, m, n)
	}
	// skip a chain of modal cues (将继续, will continue to) to what they govern
	for n.cue.Frame == "modal" || n.cue.Frame == "hope" {
		if !d.near(sm, m, n) {
			return false
		}
		var next *mention
		for _, x := range sm {
			if x.kind == mCue && x.start >= n.end {
				next = x
				break
			}
		}
		if next == nil || next.cue.Frame == "weak" {
			return false
		}
		m, n = n, next
	}
	return d.near(sm, m, n)
}

// near reports that only adverbs and a subject stand between cues m and n.
func (d *doc) near(sm []*mention, m, n *mention) bool {
	gap := d.text[m.end:n.start]
	for _, x := range sm {
		if x.start >= m.end && x.end <= n.start && (x.kind == mTopic || x.kind == mPlace) {
			return false
		}
	}
	if d.lang == "zh" {
		return runeLen(gap) <= 8
	}
	return len(strings.Fields(gap)) <= 5
}

// unclaimed drops the first topic or place after each inner stance cue: it
// belongs to that cue's claim, not to the modal or reporting cue's.
func (d *doc) unclaimed(ms []*mention) []*mention {
	out := ms[:0:0]
	claimed := false
	for _, x := range ms {
		if x.kind == mCue && x.cue.Frame != "weak" && x.cue.Frame != "modal" {
			claimed = true
			continue
		}
		if claimed && (x.kind == mTopic || x.kind == mPlace) {
			claimed = false
			continue
		}
		out = append(out, x)
	}
	return out
}

func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y {
				found = true
			}
		}
		if !found {
			out = append(out, x)
		}
	}
	return out
}

func sameSet(a, b []string) bool {
	return len(minus(a, b)) == 0 && len(minus(b, a)) == 0
}

func (d *doc) inScope(sm []*mention, start, end int) []*mention {
	var out []*mention
	for _, m := range sm {
		if m.start >= start && m.end <= end {
			out = append(out, m)
		}
	}
	return out
}

// topicsIn returns the first topic in ms and those coordinated with it
// (经济安全、信息战和…, maritime security, cybersecurity and …).
func (d *doc) topicsIn(ms []*mention) []string {
	var out []string
	var prev *mention
	for i, m := range ms {
		if m.kind != mTopic {
			continue
		}
		if prev == nil && d.adverbial(m) && d.laterTopic(ms[i+1:]) {
			continue // 根据《联合国宪章》的原则实现和平: the charter is the manner, peace the aim
		}
		if prev != nil {
			gap := strings.TrimSpace(d.text[prev.end:m.start])
			if strings.Contains(gap, "•") || strings.Contains(gap, "\n") {
				// the next item of a list
			} else if len(out) == 1 && introducesList(gap) {
				out = out[:0] // an umbrella topic gives way to what it includes
			} else if (runeLen(gap) > 12 && !(strings.Contains(gap, ",") && runeLen(gap) <= 24)) || !coordinated(gap) {
				break
			}
		}
		out = append(out, m.entID)
		out = append(out, m.alsoTopics...)
		prev = m
	}
	return uniq(out)
}

// adverbial reports a topic introduced as a manner or basis (根据, in line
// with) rather than as what the claim is about.
func (d *doc) adverbial(m *mention) bool {
	start := max(0, m.start-20)
	for start < m.start && !utf8.RuneStart(d.text[start]) {
		start++
	}
	before := strings.ToLower(strings.TrimRight(d.text[start:m.start], " 《“"))
	for _, w := range []string{"根据", "按照", "依照", "依据", "遵照", "in accordance with", "in line with", "consistent with", "based on"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

func (d *doc) laterTopic(ms []*mention) bool {
	for _, m := range ms {
		if m.kind == mTopic {
			return true
		}
	}
	return false
}

// introducesList reports a gap that opens an enumeration of examples.
func introducesList(gap string) bool {
	low := strings.ToLower(gap)
	for _, w := range []string{"including", "such as", "包括", "特别是", "in particular", "notably"} {
		if strings.Contains(low, w) && runeLen(gap) <= 14 {
			return true
		}
	}
	return false
}

func coordinated(gap string) bool {
	switch strings.TrimSpace(gap) {
	case "":
		return false
	case "and", "or", "和", "或", "与", "及":
		return true
	}
	for _, c := range []string{"、", "和", "及", "与", "以及", ",", "，", " and", "and ", "as well as", "•", "\n"} {
		if strings.Contains(gap, c) {
			return true
		}
	}
	return false
}

// negated reports a negation right before the cue (不支持, does not support).
func (d *doc) negated(m *mention, cs int) bool {
	before := d.text[cs:m.start]
	if d.lang == "zh" {
		before = strings.TrimSpace(before)
		for _, adv := range []string{"坚决", "强烈", "明确", "完全", "再", "也", "还", "会", "能", "愿意", "想"} {
			before = strings.TrimSuffix(before, adv)
		}
		for _, n := range []string{"不", "未", "没有", "并不", "从不", "决不", "绝不", "从未", "无意", "不会", "不再", "拒不"} {
			if strings.HasSuffix(before, n) {
				return true
			}
		}
		return false
	}
	words := strings.Fields(strings.ToLower(before))
	if len(words) > 3 {
		words = words[len(words)-3:]
	}
	for _, w := range words {
		switch w {
		case "not", "never", "cannot", "don't", "doesn't", "didn't", "won't", "no", "neither", "nor":
			return true
		}
		if strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			return true
		}
	}
	return false
}

// intensity reads intensifiers right before or in the cue.
func (d *doc) intensity(m *mention, cs int) string {
	from := max(cs, m.start-18)
	for from < m.start && !utf8.RuneStart(d.text[from]) {
		from++
	}
	window := d.text[from:m.end]
	if d.lang == "en" {
		window = strings.ToLower(window)
	}
	for _, p := range d.e.intensifiers[d.lang+":high"] {
		if strings.Contains(window, p) {
			return "high"
		}
	}
	for _, p := range d.e.intensifiers[d.lang+":low"] {
		if strings.Contains(window, p) {
			return "low"
		}
	}
	return "normal"
}

// isObject reports whether an actor mention is an object (after a
// preposition, possessive) rather than a subject.
func (d *doc) isObject(sm []*mention, i int, sentStart int) bool {
	m := sm[i]
	after := d.text[m.end:min(len(d.text), m.end+8)]
	// Japan-UK partnership: a pair joined by a hyphen modifies a noun
	if strings.HasPrefix(after, "-") || strings.HasPrefix(after, "–") {
		return true
	}
	if b := d.text[max(sentStart, m.start-3):m.start]; strings.HasSuffix(b, "-") || strings.HasSuffix(b, "–") {
		return true
	}
	// inside quotation marks (a document's title): not the speaker
	if d.lang == "en" {
		open := strings.Count(d.text[sentStart:m.start], "“") - strings.Count(d.text[sentStart:m.start], "”")
		if open > 0 {
			return true
		}
	}
	if strings.HasPrefix(after, "的") || strings.HasPrefix(after, "'s") || strings.HasPrefix(after, "’s") ||
		strings.HasPrefix(after, "时间") || strings.HasPrefix(after, "问题") {
		return true
	}
	// the mention just before it
	for k := i - 1; k >= 0; k-- {
		p := sm[k]
		if p.end > m.start {
			continue
		}
		gap := strings.TrimSpace(d.text[p.end:m.start])
		gap = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(gap, "the"), "The"))
		if p.isActorish() && (gap == "and" || gap == "和" || gap == "与" || gap == "、" || gap == "及") {
			return d.isObject(sm, k, sentStart) // between Japan and the UK: both are objects
		}
		if (gap != "" && runeLen(gap) > 2) || strings.ContainsAny(gap, ",，:：;；") {
			break
		}
		if p.kind == mMod && (p.hasMod("object") != nil || p.hasMod("reporter") != nil || p.hasMod("setting") != nil) {
			// 和 / and join subjects; they are not in the object list
			return true
		}
		if (p.kind == mCue && p.cue.Frame != "weak") || p.kind == mTopic {
			return true
		}
		break
	}
	return false
}

// subjectOf finds who holds the claim of the cue at sm[ci].
func (d *doc) subjectOf(sm []*mention, ci int, sentStart, cs int, cue *rules.Cue) *subject {
	var pick = -1
	for k := ci - 1; k >= 0; k-- {
		m := sm[k]
		if !m.isActorish() || (len(m.ids) == 0 && m.kind != mCollective && m.kind != mSelf && m.kind != mPronoun) {
			continue
		}
		if d.isObject(sm, k, sentStart) {
			continue
		}
		if d.lang == "zh" && m.kind != mCollective && m.kind != mSelf && m.kind != mPronoun {
			// a Chinese clause's subject opens it; an actor deeper in is an object
			lead := strings.Trim(d.text[d.clauseStart(sentStart, m.start):m.start], " “”\"《")
			if runeLen(lead) > 6 && !d.coordinatedBefore(sm, k) {
				continue
			}
		}
		// right-holder of 有权 is the target, not the subject
		if cue.Frame == "right" && k == ci-1 {
			continue
		}
		// an actor inside an earlier non-weak cue's object is not a subject
		inObj := false
		for j := k - 1; j >= 0; j-- {
			c := sm[j]
			if c.kind == mCue && c.cue.Frame != "weak" && c.cue.Frame != "modal" && c.cue.Frame != "hope" && d.clauseStart(sentStart, m.start) <= c.start {
				inObj = true
				break
			}
		}
		if inObj {
			continue
		}
		pick = k
		break
	}
	if pick < 0 {
		return nil
	}
	m := sm[pick]
	subj := d.resolve(m)
	if subj == nil {
		return nil
	}
	// coordinated subjects: X和Y, X and Y, X、Y
	for k := pick - 1; k >= 0; k-- {
		p := sm[k]
		if !p.isActorish() || len(p.ids) == 0 {
			break
		}
		gap := strings.TrimSpace(d.text[p.end:sm[k+1].start])
		if gap != "和" && gap != "与" && gap != "及" && gap != "、" && gap != "and" && gap != "," && gap != ", and" && gap != "同" {
			break
		}
		ps := d.resolve(p)
		if ps == nil {
			break
		}
		subj.ids = uniq(append(append([]string{}, ps.ids...), subj.ids...))
		subj.speakers = uniq(append(append([]string{}, ps.speakers...), subj.speakers...))
		subj.how = ps.how + " + " + subj.how
		subj.start = p.start
	}
	return subj
}

// dual reports a collective that names two or more parties (双方, 两国,
// both sides, the two countries).
func dual(s string) bool {
	s = strings.ToLower(s)
	for _, w := range []string{"双", "两", "三", "四", "both", "two", "three", "four"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// coordinatedBefore reports that sm[k] is joined to an actor before it (X和Y).
func (d *doc) coordinatedBefore(sm []*mention, k int) bool {
	if k == 0 {
		return false
	}
	p := sm[k-1]
	if !p.isActorish() {
		return false
	}
	switch strings.TrimSpace(d.text[p.end:sm[k].start]) {
	case "和", "与", "及", "、", "同":
		return true
	}
	return false
}

// resolve turns a subject mention into the actors it stands for.
func (d *doc) resolve(m *mention) *subject {
	switch m.kind {
	case mActor:
		if len(m.ids) == 0 {
			return nil
		}
		return &subject{ids: append([]string{}, m.ids...), how: m.how, start: m.start}
	case mPerson:
		if len(m.ids) == 0 {
			return nil
		}
		d.lastSpeaker = m
		return &subject{ids: append([]string{}, m.ids...), speakers: []string{m.person}, how: m.how, start: m.start}
	case mCollective:
		if len(d.parties) < 2 && len(d.pairParties) >= 2 && dual(m.text) {
			return &subject{ids: append([]string{}, d.pairParties...), how: m.text + " → parties: " + strings.Join(d.pairParties, ", ") + " (first two actors of the lead)", start: m.start}
		}
		if len(d.parties) == 0 {
			return nil
		}
		return &subject{ids: append([]string{}, d.parties...), how: m.text + " → parties: " + strings.Join(d.parties, ", ") + " (" + d.partyHow + ")", start: m.start}
	case mSelf:
		// we: the speaker's state when a person speaks, else the state that
		// was speaking, else the parties
		if p := d.lastSpeaker; p != nil && p.end <= m.start && p.sent >= m.sent-2 {
			return &subject{ids: append([]string{}, p.ids...), speakers: []string{p.person}, how: m.text + " → speaker " + p.how, start: m.start}
		}
		if d.lastSubject != nil && len(d.lastSubject.ids) == 1 && len(d.parties) < 2 {
			return &subject{ids: append([]string{}, d.lastSubject.ids...), speakers: d.lastSubject.speakers, how: m.text + " → the state speaking: " + d.lastSubject.how, start: m.start}
		}
		if len(d.parties) == 0 {
			return nil
		}
		return &subject{ids: append([]string{}, d.parties...), how: m.text + " → parties: " + strings.Join(d.parties, ", "), start: m.start}
	case mPronoun:
		if p := d.lastSpeaker; p != nil && p.end <= m.start {
			return &subject{ids: append([]string{}, p.ids...), speakers: []string{p.person}, how: m.text + " → " + p.how, start: m.start}
		}
		// the last person named before the pronoun, at most a few sentences back
		for i := d.mentionAt(m.start) - 1; i >= 0; i-- {
			p := d.ments[i]
			if p.sent < m.sent-3 {
				break
			}
			if p.end <= m.start && p.kind == mPerson && len(p.ids) > 0 {
				return &subject{ids: append([]string{}, p.ids...), speakers: []string{p.person}, how: m.text + " → " + p.how, start: m.start}
			}
		}
	}
	return nil
}

// mentionAt returns the index of the first mention that starts at or after off.
func (d *doc) mentionAt(off int) int {
	return sort.Search(len(d.ments), func(i int) bool { return d.ments[i].start >= off })
}

// speakerBefore finds who says "X should…": a person or state before X in
// the sentence, else the last person named, else the inherited subject.
func (d *doc) speakerBefore(sm []*mention, ci, sentStart int, lastPerson *mention, carry *subject) *subject {
	// the should-subject is the nearest actor before the cue; the speaker is before it
	seen := 0
	var actor *mention
	for k := ci - 1; k >= 0; k-- {
		m := sm[k]
		if !m.isActorish() {
			continue
		}
		seen++
		if seen == 1 {
			continue
		}
		if m.kind == mPerson && len(m.ids) > 0 {
			return d.resolve(m)
		}
		if m.kind == mActor && len(m.ids) > 0 && d.firstInClause(sm, k, sentStart) && !d.isObject(sm, k, sentStart) {
			actor = m
		}
	}
	if actor != nil && d.lastSpeaker == nil {
		return d.resolve(actor)
	}
	if d.lastSpeaker != nil {
		return d.resolve(d.lastSpeaker)
	}
	if carry != nil && len(carry.ids) == 1 {
		return carry
	}
	if lastPerson != nil {
		return d.resolve(lastPerson)
	}
	return carry
}

// refersBack reports an accusation whose subject points back (此举, 这一做法,
// this move, such actions).
func (d *doc) refersBack(start, end int) bool {
	c := strings.ToLower(d.text[start:end])
	for _, w := range []string{"此举", "这一做法", "这种做法", "这一行为", "上述", "该举动", "this move", "this step", "such actions", "the move", "this decision"} {
		if strings.Contains(c, w) {
			return true
		}
	}
	return false
}

// anaphoric reports a clause that refers back to what was just named (该…).
func (d *doc) anaphoric(start, end int) bool {
	c := d.text[start:end]
	if d.lang == "zh" {
		return strings.Contains(c, "该") || strings.Contains(c, "此项") || strings.Contains(c, "这一")
	}
	return false
}

// speakerOf is who states an accusation: the subject of an earlier clause
// of the sentence, else the last speaker, else the inherited subject.
func (d *doc) speakerOf(sm []*mention, ci, sentStart, cs int, carry *subject) *subject {
	for k := 0; k < ci; k++ {
		m := sm[k]
		if m.start >= cs {
			break
		}
		if m.isActorish() && (len(m.ids) > 0 || m.kind == mCollective || m.kind == mSelf || m.kind == mPronoun) && d.firstInClause(sm, k, sentStart) && !d.isObject(sm, k, sentStart) {
			if s := d.resolve(m); s != nil {
				return s
			}
		}
	}
	if d.lastSpeaker != nil {
		return d.resolve(d.lastSpeaker)
	}
	return carry
}

// accusedBefore is the actor that opens the accusation's own clause.
func (d *doc) accusedBefore(sm []*mention, ci, cs int) *subject {
	for k := ci - 1; k >= 0 && sm[k].start >= cs; k-- {
		m := sm[k]
		if (m.kind == mActor || m.kind == mPerson) && len(m.ids) > 0 && !d.isObject(sm, k, cs) {
			return &subject{ids: append([]string{}, m.ids...), how: m.how, start: m.start}
		}
	}
	return nil
}

// recentOther is the last state or organisation named before off (in this
// or the two sentences before) that is not the speaker: what 此举, "this
// move" refers to.
func (d *doc) recentOther(off int, speaker []string, si int) []string {
	for i := d.mentionAt(off) - 1; i >= 0; i-- {
		m := d.ments[i]
		if m.sent < si-1 {
			break
		}
		if (m.kind == mActor || m.kind == mPerson) && len(m.ids) > 0 && len(minus(m.ids, speaker)) > 0 && !strings.HasPrefix(d.text[m.end:], "时间") {
			return minus(m.ids, speaker)[:1]
		}
	}
	return nil
}

// quoteSpeaker finds who says a quoted Chinese sentence: “……”汪文斌说 /
// “……。”汪文斌表示, the person right after the closing quote.
func (d *doc) quoteSpeaker(si int) *mention {
	if d.lang != "zh" || si < 0 || si >= len(d.sents) {
		return nil
	}
	s := d.sents[si]
	if !strings.HasPrefix(d.text[s.Start:s.End], "“") {
		return nil
	}
	end := s.End
	if i := strings.LastIndex(d.text[s.Start:s.End], "”"); i >= 0 {
		end = s.Start + i + len("”")
	}
	for i := d.mentionAt(end); i < len(d.ments); i++ {
		m := d.ments[i]
		if m.start > end+12 {
			break
		}
		if m.kind != mPerson || len(m.ids) == 0 {
			continue
		}
		gap := strings.Trim(d.text[end:m.start], " ，,\n")
		after := d.text[m.end:min(len(d.text), m.end+9)]
		if runeLen(gap) <= 1 && (strings.HasPrefix(after, "说") || strings.HasPrefix(after, "表示") || strings.HasPrefix(after, "指出") || strings.HasPrefix(after, "强调") || strings.HasPrefix(after, "称")) {
			return m
		}
	}
	return nil
}

// postSpeaker finds a person named after the claim as its source in
// English (", Frederiksen said", ", the prime minister confirmed").
func (d *doc) postSpeaker(sm []*mention, cue *mention) *mention {
	if d.lang != "en" {
		return nil
	}
	for _, m := range sm {
		if m.start < cue.end || m.kind != mPerson || len(m.ids) == 0 {
			continue
		}
		before := strings.TrimRight(d.text[max(0, m.start-3):m.start], " ")
		if !strings.HasSuffix(before, ",") && !strings.HasSuffix(before, "”") && !strings.HasSuffix(before, "\"") {
			continue
		}
		after := strings.TrimLeft(d.text[m.end:min(len(d.text), m.end+16)], " ")
		for _, v := range []string{"said", "confirmed", "announced", "added", "stressed", "noted", "told", "says", "pledged"} {
			if strings.HasPrefix(after, v) {
				return m
			}
		}
	}
	return nil
}

// insideDuiObject reports a cue inside the object of 对…表示X: a 对 opens
// the clause before it and a later cue of the clause follows 表示.
func (d *doc) insideDuiObject(sm []*mention, ci, cs int) bool {
	if d.lang != "zh" {
		return false
	}
	m := sm[ci]
	dui := false
	for _, n := range sm[:ci] {
		if n.start >= cs && n.kind == mMod && (n.text == "对" || n.text == "对于") {
			dui = true
		}
	}
	if !dui {
		return false
	}
	ce := d.clauseEnd(m.end, d.sents[m.sent].End, false)
	for _, n := range sm[ci+1:] {
		if n.start >= ce {
			break
		}
		if n.kind == mCue {
			between := d.text[m.end:n.start]
			return strings.Contains(between, "表示") || strings.Contains(between, "表达") || strings.Contains(between, "感到") || strings.Contains(between, "表明")
		}
	}
	return false
}

// allBefore reports "all parties" as the subject right before the cue.
func (d *doc) allBefore(sm []*mention, ci, cs int) bool {
	for k := ci - 1; k >= 0 && sm[k].start >= cs; k-- {
		if sm[k].kind == mAll {
			return true
		}
		if sm[k].isActorish() {
			return false
		}
	}
	return false
}

// firstInClause reports that sm[k] is the first actor of its clause.
func (d *doc) firstInClause(sm []*mention, k, sentStart int) bool {
	cs := d.clauseStart(sentStart, sm[k].start)
	for j := k - 1; j >= 0 && sm[j].start >= cs; j-- {
		if !sm[j].isActorish() {
			continue
		}
		// 日本外务大臣上川阳子: the state before a title belongs to the person
		gap := strings.TrimSpace(d.text[sm[j].end:sm[k].start])
		if j == k-1 && (gap == "" || gap == "'s" || gap == "’s") && len(sm[j].ids) > 0 && len(sm[k].ids) > 0 && sm[j].ids[0] == sm[k].ids[0] {
			continue
		}
		return false
	}
	return true
}

// addressee is the party right after 希望/hope (希望美方…, hopes the US
// will…): nothing but a space between them.
func (d *doc) addressee(sm []*mention, cue *mention, end int) *mention {
	t := d.adjacentActor(d.inScope(sm, cue.end, end), cue.end)
	if t == nil {
		return nil
	}
	gap := strings.ToLower(strings.TrimSpace(d.text[cue.end:t.start]))
	if gap != "" && gap != "that" && gap != "the" && gap != "that the" {
		return nil
	}
	return t
}

// adjacentActor returns the first actor mention right after off.
func (d *doc) adjacentActor(ms []*mention, off int) *mention {
	for _, m := range ms {
		if m.start < off || m.kind == mMod {
			continue
		}
		gap := strings.ToLower(strings.TrimSpace(d.text[off:m.start]))
		for _, w := range []string{"for", "to", "the", "on", "with", "of", "and", "for the", "to the", "their", "its", "our", "strongly", "also", "further", "all", "其", "了", "着"} {
			gap = strings.TrimSpace(strings.TrimPrefix(gap, w+" "))
			if gap == w {
				gap = ""
			}
		}
		if m.isActorish() && len(m.ids) > 0 && m.kind != mSelf && runeLen(gap) <= 1 {
			return m
		}
		return nil
	}
	return nil
}

// targetsFor picks a claim's targets by the rule's target mode.
func (d *doc) targetsFor(cue *rules.Cue, objs, before []*mention, cueM *mention, holders []string, cs int) []string {
	var out []string
	addIDs := func(ids []string) {
		for _, id := range ids {
			if !contains(holders, id) {
				out = append(out, id)
			}
		}
	}
	isParty := func(m *mention) bool {
		return (m.kind == mActor || m.kind == mPerson) && len(m.ids) > 0
	}
	switch cue.Target {
	case "adjacent":
		if m := d.adjacentActor(objs, cueM.end); m != nil && m.kind != mCollective && m.kind != mPronoun {
			// support for X's efforts: the efforts are the object, X is not a target
			if !(d.possessive(m) && d.topicsIn(objs) != nil && (cue.Predicate == "support" || cue.Predicate == "welcome")) {
				addIDs(m.ids)
			}
		}
	case "first":
		for _, m := range objs {
			if isParty(m) {
				addIDs(m.ids)
				break
			}
			if m.kind == mPlace {
				out = append(out, m.entID)
				break
			}
		}
	case "all":
		for i, m := range objs {
			if m.kind == mPlace && !d.isSetting(objs, i) {
				out = append(out, m.entID)
			} else if isParty(m) && !d.isSetting(objs, i) {
				addIDs(m.ids)
			}
		}
	case "relation":
		relSeen := false
		for i, m := range objs {
			if !(isParty(m) || m.kind == mPlace) {
				continue
			}
			rel := false
			if i > 0 {
				p := objs[i-1]
				gap := strings.TrimSpace(d.text[p.end:m.start])
				gap = strings.TrimSpace(strings.TrimPrefix(gap, "the"))
				if runeLen(gap) <= 1 && (p.hasMod("relation") != nil || p.kind == mTopic || (p.kind == mMod && p.text == "between")) {
					rel = true
				}
				// with Japan and the UK: the second party of a relation
				if (gap == "and" || gap == "和" || gap == "与" || gap == "、") && isParty(p) && relSeen {
					rel = true
				}
			}
			// 日英关系, China-UK relations: relations with the other party
			if d.relationsAfter(objs, i) {
				rel = true
			}
			if rel {
				relSeen = true
				if m.kind == mPlace {
					out = append(out, m.entID)
				} else {
					addIDs(m.ids)
				}
			}
		}
	case "before":
		for k := len(before) - 1; k >= 0; k-- {
			m := before[k]
			if isParty(m) && m.end <= cueM.start && runeLen(strings.TrimSpace(d.text[m.end:cueM.start])) <= 1 {
				addIDs(m.ids)
			}
			break
		}
	}
	return uniq(out)
}

// possessive reports an actor followed by 's or 的.
func (d *doc) possessive(m *mention) bool {
	after := d.text[m.end:min(len(d.text), m.end+4)]
	return strings.HasPrefix(after, "'s") || strings.HasPrefix(after, "’s") || strings.HasPrefix(after, "的")
}

// relationsAfter reports a party named in "X-Y relations", "中美关系".
func (d *doc) relationsAfter(objs []*mention, i int) bool {
	m := objs[i]
	end := m.end
	if len(m.ids) < 2 {
		// Japan-UK / China-UK: a pair joined by a hyphen
		if i+1 < len(objs) && (objs[i+1].kind == mActor) && (d.text[m.end:objs[i+1].start] == "-" || d.text[m.end:objs[i+1].start] == "–") {
			end = objs[i+1].end
		} else if i > 0 && objs[i-1].kind == mActor && (d.text[objs[i-1].end:m.start] == "-" || d.text[objs[i-1].end:m.start] == "–") {
			end = m.end
		} else {
			return false
		}
	}
	rest := strings.ToLower(strings.TrimLeft(d.text[end:min(len(d.text), end+24)], " "))
	for _, w := range []string{"关系", "两国关系", "relations", "relationship", "ties", "bilateral relations"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// isSetting reports a place named only as where something happens (在…, in …),
// unless it is the situation there that is meant.
func (d *doc) isSetting(objs []*mention, i int) bool {
	m := objs[i]
	start := max(0, m.start-24)
	for start < m.start && !utf8.RuneStart(d.text[start]) {
		start++
	}
	before := strings.ToLower(d.text[start:m.start])
	before = strings.TrimSpace(before)
	before = strings.TrimSuffix(before, " the")
	k := i - 1
	for k >= 0 && objs[k].kind == mMod {
		k--
	}
	if k >= 0 && objs[k].kind == mTopic && objs[k].end >= m.start-8 {
		return false // human rights in Xinjiang: the place is what the topic is about
	}
	after := d.text[m.end:min(len(d.text), m.end+12)]
	for _, v := range []string{"部署", "派遣", "驻扎", "巡航", "长期部署"} {
		if strings.HasPrefix(after, v) {
			return false // 在印太地区部署: where the forces go
		}
	}
	if strings.HasSuffix(before, "situation in") || strings.HasSuffix(before, "包括在") || strings.HasSuffix(before, "including in") {
		return false
	}
	if strings.HasSuffix(before, "在") || strings.HasSuffix(before, " in") || strings.HasSuffix(before, " within") || before == "in" {
		return true
	}
	return false
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// whensIn finds the years a clause fixes.
func (d *doc) whensIn(start, end int, pred string) []string {
	seg := d.text[start:end]
	var out []string
	if !hasDigits(seg) {
		// no year
	} else if d.lang == "zh" || d.lang == "ja" {
		if !strings.Contains(seg, "年") {
			goto relative
		}
		for _, m := range zhYear.FindAllStringSubmatch(seg, -1) {
			out = append(out, m[1]+tagDeadline(m[2]))
		}
	} else {
		out = append(out, englishYears(seg)...)
	}
relative:
	if !d.date.IsZero() && len(out) == 0 && hasDigits(seg) {
		// a day without a year (6月22日, on June 22) is in the publication year
		if (strings.Contains(seg, "月") && zhMonthDay.MatchString(seg)) || (d.lang == "en" && enMonthDay.MatchString(seg)) {
			out = append(out, strconv.Itoa(d.date.Year()))
		}
	}
	if !d.date.IsZero() {
		low := seg
		if d.lang == "en" {
			low = strings.ToLower(seg)
		}
		for _, md := range d.e.yearMods[d.lang] {
			if strings.Contains(low, md.Phrase) {
				if n, err := strconv.Atoi(md.Value); err == nil {
					out = append(out, strconv.Itoa(d.date.Year()+n))
				}
			}
		}
	}
	return out
}

var (
	zhMonthDay = regexp.MustCompile(`\d{1,2}月\d{1,2}日`)
	enMonthDay = regexp.MustCompile(`\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b`)
	// scheduleItem is a clause that opens with a year: one more step of a
	// timeline (2025年开始制造原型机).
	scheduleItem = regexp.MustCompile(`^\s*(?:(?:19|20)\d{2}\s*年|(?:in|by) (?:19|20)\d{2}\b)`)
)

// scheduleYears returns the years of timeline clauses that follow end in
// the same sentence, up to the next cue.
func (d *doc) scheduleYears(sm []*mention, end, sentEnd int) []string {
	var out []string
	for end < sentEnd {
		r, size := utf8.DecodeRuneInString(d.text[end:])
		if !d.isClauseBreakAt(end) || r == '。' || r == '.' {
			break
		}
		next := d.clauseEnd(end+size, sentEnd, false)
		cl := d.text[end+size : next]
		if !scheduleItem.MatchString(cl) {
			break
		}
		for _, m := range sm {
			if m.kind == mCue && m.start >= end && m.end <= next {
				return out
			}
		}
		out = append(out, d.whensIn(end+size, next, "commit")...)
		end = next
	}
	return out
}

// englishYears finds the years (1900–2099) in an English text, each tagged
// as a deadline when "by", "before" or "until" precedes it.
func englishYears(s string) []string {
	var out []string
	for i := 0; i+4 <= len(s); i++ {
		if !(s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') {
			continue
		}
		if !isDigit(s[i+2]) || !isDigit(s[i+3]) || (i > 0 && isWordByte(s[i-1])) || (i+4 < len(s) && isWordByte(s[i+4])) {
			continue
		}
		prev := strings.TrimRight(s[max(0, i-8):i], " ")
		word := prev[strings.LastIndexByte(prev, ' ')+1:]
		out = append(out, s[i:i+4]+tagDeadline(strings.ToLower(word)))
		i += 3
	}
	return out
}

func isDigit(c byte) bool    { return c >= '0' && c <= '9' }
func isWordByte(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// tagDeadline marks a year given as a deadline ("2035年前", "by 2035") with
// a trailing '!', which deadlineOnly keeps and stripWhen removes.
func tagDeadline(s string) string {
	switch s {
	case "前", "之前", "以前", "底", "by", "before", "until":
		return "!"
	}
	return ""
}

// plausibleWhens drops years before the statement's year: a commitment's
// date lies ahead (同1990年相比 is a baseline, not a deadline).
func (d *doc) plausibleWhens(ws []string) []string {
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

func deadlineOnly(ws []string) []string {
	var out []string
	for _, w := range ws {
		if strings.HasSuffix(w, "!") {
			out = append(out, w)
		}
	}
	return out
}

func uniqStr(ws []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range ws {
		w = strings.TrimSuffix(w, "!")
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func hasDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

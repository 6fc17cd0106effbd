package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/platform/limits"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/extractor/claim"
	"github.com/diplograph/diplograph/services/extractor/clause"
	textclean "github.com/diplograph/diplograph/services/extractor/clean"
	"github.com/diplograph/diplograph/services/extractor/frame"
	langid "github.com/diplograph/diplograph/services/extractor/lang"
	"github.com/diplograph/diplograph/services/extractor/mention"
	"github.com/diplograph/diplograph/services/extractor/resolve"
	"github.com/diplograph/diplograph/services/extractor/sentence"
	"github.com/diplograph/diplograph/services/extractor/token"
)

// Limits on input size: bodies over MaxInputBytes are refused outright,
// clean texts over MaxTextBytes are reported as too_large.
const (
	MaxInputBytes, MaxTextBytes = limits.Document, limits.Document
)

// Limits on a document's result, so that its extraction always fits in a
// message: more claims than MaxClaims, or an extraction whose JSON would
// be over MaxResultBytes, is a too_large error; unmapped objects past
// MaxUnmapped are left out (they are a lexicon aid, not claims), and so are
// entities past MaxEntities (a text naming more is a list, not a report:
// the first named are kept).
const (
	MaxClaims      = 1000
	MaxUnmapped    = 1000
	MaxEntities    = 2000
	MaxResultBytes = limits.Message / 4
)

// Error codes of Extraction.Error.
const (
	ErrEmpty       = "empty"
	ErrUnsupported = "unsupported_language"
	ErrBinary      = "binary"
	ErrMalformed   = "malformed"
	ErrTooLarge    = "too_large"
	ErrTimeout     = "timeout"
)

// Explanation says why a claim was extracted: the rule and cue that fired,
// how the actors and targets were resolved.
type Explanation struct {
	Claim int // index into Extraction.Claims, or -1 for a frame that made no claim
	claim.Explanation
	// Dropped says why a frame made no claim (an allegation, a condition …),
	// with the cue's offsets.
	Dropped    string
	Start, End int
}

// Extract extracts the claims of one article. It never panics: problems
// with the document are reported in Extraction.Error.
func (e *Engine) Extract(a schemas.Article) schemas.Extraction {
	x, _ := e.run(a, false)
	return x
}

// Explain is Extract plus, for each claim, an explanation of why.
func (e *Engine) Explain(a schemas.Article) (schemas.Extraction, []Explanation) {
	return e.run(a, true)
}

// doc is one article on its way through the stages.
type doc struct {
	text  string // the clean text, as the evidence quotes it
	norm  string // the same, Chinese read through simplified characters
	lang  string
	date  time.Time
	sents []*clause.Sentence
	fs    [][]frame.Frame
}

func (e *Engine) run(a schemas.Article, explain bool) (x schemas.Extraction, expl []Explanation) {
	x = schemas.Extraction{Schema: schemas.ExtractionV1, Doc: a.Name, ArticleID: a.ID, Source: a.Source, URL: a.URL,
		Title: a.Title, Published: a.Published, ExtractorVersion: Version, RulesVersion: e.rules.Version,
		Entities: []schemas.Entity{}, Claims: []schemas.Claim{}}
	if x.Doc == "" {
		x.Doc = a.ID
	}
	if x.Doc == "" {
		x.Doc = "unnamed"
	}
	defer func() {
		if r := recover(); r != nil {
			if os.Getenv("DIPLOGRAPH_DEBUG_PANIC") != "" {
				panic(r)
			}
			x.Entities, x.Claims, x.Unmapped, x.Denied, expl = []schemas.Entity{}, []schemas.Claim{}, nil, nil, nil
			x.Error = &schemas.DocError{Code: ErrMalformed, Message: fmt.Sprintf("extractor failed on this document: %v", r)}
		}
	}()
	fail := func(code, msg string) (schemas.Extraction, []Explanation) {
		x.Error = &schemas.DocError{Code: code, Message: msg}
		return x, nil
	}
	if len(a.Body) > MaxInputBytes {
		return fail(ErrTooLarge, fmt.Sprintf("body of %d bytes is over the %d-byte limit", len(a.Body), MaxInputBytes))
	}
	text, err := clean(a)
	if err != nil {
		return fail(ErrMalformed, fmt.Sprintf("cleaning %s body: %v", a.Format, err))
	}
	text = withTitle(a.Title, text)
	if len(text) > MaxTextBytes {
		return fail(ErrTooLarge, fmt.Sprintf("clean text of %d bytes is over the %d-byte limit", len(text), MaxTextBytes))
	}
	if strings.TrimSpace(text) == "" {
		return fail(ErrEmpty, "no text after cleaning")
	}
	lang, detail := langid.Detect(text)
	switch lang {
	case langid.Binary:
		return fail(ErrBinary, "binary content: "+detail)
	case langid.Empty:
		return fail(ErrEmpty, "no text after cleaning: "+detail)
	case langid.Unsupported:
		return fail(ErrUnsupported, "language not supported ("+detail+")")
	}
	if a.Lang != "" && a.Lang != lang && (a.Lang == "zh" || a.Lang == "en" || a.Lang == "ja") {
		lang = a.Lang
	}
	x.Lang = lang
	var date time.Time
	if a.Published != nil {
		date = a.Published.UTC()
	} else if t, ok := dateInText(a.URL + "\n" + a.Title + "\n" + text); ok {
		date = t
	} else if t, ok := e.assemblyDate(text); ok {
		date = t
	}
	if !date.IsZero() {
		x.Date = date.Format("2006-01-02")
	}
	claims, why, unmapped, parts, dropped, ents, derr := e.claimsOf(text, lang, date, e.debateSpeaker(x.Doc), explain)
	if derr != nil {
		return fail(derr.code, derr.msg)
	}
	ents = e.fullNames(text, ents, claims)
	x.Claims, x.Entities, x.Unmapped = make([]schemas.Claim, 0, len(claims)), ents, unmapped
	kept := make([]int, len(claims)) // each claim's place in x.Claims, or why it has none
	for i, c := range claims {
		c.Actors = e.notAcademic(c.Actors)
		claims[i] = c
		switch {
		case len(c.Actors) == 0:
			kept[i] = keptAcademic // a scholar's or a think tank's analysis: no party's position
		case e.outletClaim(c):
			kept[i] = keptOutlet // a paper named in a story holds a position only in its own editorial voice
		case e.ownOrgan(c):
			kept[i] = keptOwnOrgan // 中国…共产党, "the administration … Democrats": a state's own party or organ
		case c.Negated:
			kept[i] = keptDenied
			x.Denied = append(x.Denied, c) // "does not support": no claim of that stance
		default:
			kept[i] = len(x.Claims)
			x.Claims = append(x.Claims, c)
		}
	}
	if n := resultSize(x); n > MaxResultBytes {
		x.Claims, x.Entities, x.Unmapped, x.Denied = []schemas.Claim{}, []schemas.Entity{}, nil, nil
		return fail(ErrTooLarge, fmt.Sprintf("its extraction (%d claims) would be %d bytes, over the %d-byte limit", len(claims), n, MaxResultBytes))
	}
	if explain {
		for i, w := range why {
			switch kept[i] {
			case keptOutlet:
				expl = append(expl, Explanation{Claim: -1, Explanation: w, Dropped: "an outlet holds a position only in its own editorial voice",
					Start: claims[i].Evidence.Start, End: claims[i].Evidence.End})
			case keptAcademic:
				expl = append(expl, Explanation{Claim: -1, Explanation: w, Dropped: "held by a university or think tank: analysis, no party's position",
					Start: claims[i].Evidence.Start, End: claims[i].Evidence.End})
			case keptOwnOrgan:
				expl = append(expl, Explanation{Claim: -1, Explanation: w, Dropped: "directed at an organisation of the holder's own state (" + *claims[i].Target + ")",
					Start: claims[i].Evidence.Start, End: claims[i].Evidence.End})
			case keptDenied:
				expl = append(expl, Explanation{Claim: -1, Explanation: w, Dropped: "negated: " + strings.Join(claims[i].Actors, "+") + " does not " + claims[i].Predicate,
					Start: claims[i].Evidence.Start, End: claims[i].Evidence.End})
			default:
				expl = append(expl, Explanation{Claim: kept[i], Explanation: w})
			}
		}
		expl = append(expl, Explanation{Claim: -2, Dropped: fmt.Sprintf("parties %v (%s), joint %v, issuer %q (%s)", parts.IDs, parts.How, parts.Joint, parts.Issuer, parts.IssuerHow)})
		for _, dr := range dropped {
			expl = append(expl, Explanation{Claim: -1, Explanation: claim.Explanation{Rule: dr.Rule, Cue: dr.Cue}, Dropped: dr.Reason, Start: dr.Start, End: dr.End})
		}
	}
	return x, expl
}

// fullNames gives a person the gazetteer does not know, whom the text named
// by a title and the family name alone ("Minister Stern", "Deputy Secretary
// McKeon", so the id is person:stern), the id of the full name the text
// gives elsewhere ("Elazar Stern", "Brian P. McKeon": person:stern-elazar),
// as when the full name comes first, or the id of the one person of the
// text whose id is the family name's with a given name after it (the
// gazetteer's person:ali-mohamed-irfaan for "President Ali"); the gazetteer's ids
// stand (person:naruhito). Only one given name may stand before the family name
// in the text: two (two Carpenters) leave the id as it is, and so does a
// word that is a title, a common word or a name of the gazetteer ("Israeli
// Stern").
func (e *Engine) fullNames(text string, ents []schemas.Entity, claims []schemas.Claim) []schemas.Entity {
	rename := map[string]string{}
	for _, ent := range ents {
		fam := ent.Name
		if ent.Type != lexicon.KindPerson || strings.Contains(ent.ID[len("person:"):], "-") || fam == "" || strings.ContainsAny(fam, " .") ||
			!isLatinWord(fam) || e.lex.CommonWord(strings.ToLower(fam)) {
			continue
		}
		if _, known := e.lex.Get(ent.ID); known {
			continue // the gazetteer's id stands
		}
		if full := fullNamed(ents, ent.ID); full != "" {
			// "President Ali" in the title, "Dr. Mohamed Irfaan Ali" in the
			// text (person:ali-mohamed-irfaan): the one person the text names in full
			rename[ent.ID] = full
			continue
		}
		re, err := regexp.Compile(`(\b[A-Z][a-z]+ )?\b([A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?)(?: [A-Z]\.)? ` + regexp.QuoteMeta(fam) + `\b`)
		if err != nil {
			continue
		}
		given := ""
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			if w := strings.TrimSpace(m[1]); w != "" && e.nameWord(w) {
				given = ""
				break // two given names, or two family names (Julieta Valls Noyes): which is which is unknown
			}
			g := m[2]
			if !e.nameWord(g) {
				continue // (Director-General Funakoshi, Minister Stern)
			}
			if given != "" && given != g {
				given = ""
				break // two people of that family name
			}
			given = g
		}
		if given != "" {
			rename[ent.ID] = "person:" + mention.Slug(fam+" "+given)
		}
	}
	if len(rename) == 0 {
		return ents
	}
	renamed := func(id string) string {
		if to, ok := rename[id]; ok {
			return to
		}
		return id
	}
	seen := map[string]bool{}
	out := ents[:0]
	for _, ent := range ents {
		ent.ID = renamed(ent.ID) // (the name stays the one the text gave first)
		if !seen[ent.ID] {
			seen[ent.ID] = true
			out = append(out, ent)
		}
	}
	for i := range claims {
		c := &claims[i]
		for j := range c.Actors {
			c.Actors[j] = renamed(c.Actors[j])
		}
		for j := range c.Speakers {
			c.Speakers[j] = renamed(c.Speakers[j])
		}
		if c.Target != nil {
			t := renamed(*c.Target)
			c.Target = &t
		}
	}
	return out
}

// fullNamed gives the id of the only other person of ents whose id is the
// family name id followed by a given name (person:ali → person:ali-mohamed-irfaan),
// or "" when there is none or more than one.
func fullNamed(ents []schemas.Entity, id string) string {
	full := ""
	for _, ent := range ents {
		if ent.Type == lexicon.KindPerson && strings.HasPrefix(ent.ID, id+"-") {
			if full != "" && full != ent.ID {
				return ""
			}
			full = ent.ID
		}
	}
	return full
}

// nameWord reports a capitalised word that may be part of a person's name:
// no title or honorific, no common word (nor any part of a hyphenated
// one: Director-General), no name of the gazetteer.
func (e *Engine) nameWord(w string) bool {
	if notGiven[w] || len(e.lex.Lookup(w)) > 0 {
		return false
	}
	return !slices.ContainsFunc(strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '’' || r == '\'' }),
		func(p string) bool { return e.lex.CommonWord(strings.ToLower(p)) })
}

// notGiven are capitalised words before a family name that are no given
// name and no common word of the lexicon.
var notGiven = map[string]bool{"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Prof": true, "Sir": true, "Dame": true, "Lord": true,
	"Lady": true, "Gen": true, "Col": true, "Adm": true, "Sen": true, "Rep": true, "Amb": true, "Hon": true, "Madam": true, "Mister": true,
	"Advisor": true, "Counselor": true, "Counsellor": true, "Councilor": true, "Councillor": true, "Labor": true,
	"Dato": true, "Datuk": true, "Pehin": true, "Sheikh": true, "Sayyid": true, "Excellency": true}

// isLatinWord reports a word of Latin letters only.
func isLatinWord(w string) bool {
	for _, r := range w {
		if !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// kept marks a made claim that is not among an extraction's claims.
const (
	keptOutlet   = -1
	keptDenied   = -2
	keptOwnOrgan = -3
	keptAcademic = -4
)

// notAcademic returns actors without the universities and think tanks of
// the gazetteer: what their scholars say is analysis, not a party's
// position ("X of the Y Institute criticised …"). It returns actors itself
// when none is one.
func (e *Engine) notAcademic(actors []string) []string {
	if !slices.ContainsFunc(actors, e.finder.Academic) {
		return actors
	}
	return slices.DeleteFunc(slices.Clone(actors), e.finder.Academic)
}

// ownOrgan reports a claim of one state, other than a call, directed at an
// organisation of that same state (its ruling party, its parliament): the
// gazetteer's country of the organisation is the holder.
func (e *Engine) ownOrgan(c schemas.Claim) bool {
	if c.Predicate == "call_on" || len(c.Actors) != 1 || c.Target == nil || !strings.HasPrefix(*c.Target, "org:") {
		return false
	}
	org, ok := e.lex.Get(*c.Target)
	return ok && org.Country != "" && org.Country == c.Actors[0]
}

// PartiesFrom bounds the text read before the parties of a document are
// decided (who "we", "the two sides", 双方 are): the whole of any usual
// document. A longer text is read from there on in one pass, each sentence
// let go once its claims are made, so that memory stays bounded; its
// parties are those its first PartiesFrom bytes establish.
const PartiesFrom = 512 << 10

type docError struct{ code, msg string }

// claimsOf runs the stages over a text, sentence by sentence, and returns
// its merged claims, unmapped objects, parties and entities; the frames
// that made no claim when explaining. speaker, when set, is the state the
// document's name says gives the speech (debateSpeaker).
func (e *Engine) claimsOf(text, lang string, date time.Time, speaker string, explain bool) (
	claims []schemas.Claim, why []claim.Explanation, unmapped []schemas.Unmapped, parts resolve.Participants,
	dropped []claim.Dropped, ents []schemas.Entity, derr *docError) {
	start := time.Now()
	rd := e.newReader(text, lang, date)
	// the lead: the whole text, or its first PartiesFrom bytes
	var lead []*clause.Sentence
	var leadFs [][]frame.Frame
	for {
		s, fs, ok := rd.next()
		if !ok {
			break
		}
		lead, leadFs = append(lead, s), append(leadFs, fs)
		if s.End >= PartiesFrom {
			break
		}
	}
	parts = resolve.FindParticipants(e.frames, lead, e.joint(lead))
	if speaker != "" && !parts.Joint {
		// a speech of the UN General Debate corpus, whose file name names the state that gives it
		parts.Issuer, parts.IssuerHow, parts.Speech = speaker, "a speech for "+speaker+" (the UN General Debate corpus's file name)", true
	}
	res := resolve.New(e.frames, parts)
	cd := e.claims.Doc(text, date, res, explain)
	merged := claim.NewMerger()
	el := e.entityList(text, lang)
	var um []claim.Unmapped
	do := func(s *clause.Sentence, fs []frame.Frame) *docError {
		res.Sentence(s)
		if lang != "ja" {
			cd.Sentence(s, fs)
		}
		cd.Seen(s)
		res.NoteSubject(s)
		for _, r := range s.Reports {
			if r.Speaker >= 0 {
				res.NotePerson(&s.Mentions[r.Speaker])
			}
		}
		el.sentence(s)
		for _, dr := range cd.Drafts {
			if !explain {
				dr.Why = claim.Explanation{}
			}
			merged.Add(dr)
		}
		cd.Drafts = cd.Drafts[:0]
		if len(um) < MaxUnmapped {
			um = append(um, cd.Unmapped[:min(len(cd.Unmapped), MaxUnmapped-len(um))]...)
		}
		cd.Unmapped = cd.Unmapped[:0]
		if merged.Len() > MaxClaims {
			return &docError{ErrTooLarge, fmt.Sprintf("more than %d claims by sentence %d (byte %d)", MaxClaims, s.Index+1, s.End)}
		}
		if e.docTimeout > 0 && time.Since(start) > e.docTimeout {
			return &docError{ErrTimeout, fmt.Sprintf("not read within %v: stopped at sentence %d (byte %d of %d)", e.docTimeout, s.Index+1, s.End, len(text))}
		}
		return nil
	}
	for i, s := range lead {
		if derr = do(s, leadFs[i]); derr != nil {
			return
		}
	}
	lead, leadFs = nil, nil
	for {
		s, fs, ok := rd.next()
		if !ok {
			break
		}
		if derr = do(s, fs); derr != nil {
			return
		}
	}
	claims, why = merged.Claims()
	if claims == nil {
		claims = []schemas.Claim{}
	}
	for _, u := range um {
		unmapped = append(unmapped, schemas.Unmapped{Predicate: u.Predicate, Rule: u.Rule, Actor: u.Actor, Object: u.Object,
			Start: u.Start, End: u.End})
	}
	return claims, why, unmapped, parts, cd.Dropped, el.done(claims), nil
}

// resultSize is the size of an extraction encoded as JSON.
func resultSize(x schemas.Extraction) int {
	if len(x.Claims) < 64 && len(x.Unmapped) < 64 && len(x.Entities) < 256 {
		return 0 // far under any limit: not worth encoding
	}
	b, err := json.Marshal(x)
	if err != nil {
		return 0
	}
	return len(b)
}

// read runs the stages up to frames over every sentence (for Trace).
func (e *Engine) read(text, lang string, date time.Time) *doc {
	rd := e.newReader(text, lang, date)
	d := &doc{text: text, norm: rd.norm, lang: lang, date: date}
	for {
		s, fs, ok := rd.next()
		if !ok {
			return d
		}
		d.sents = append(d.sents, s)
		d.fs = append(d.fs, fs)
	}
}

// reader runs the stages up to frames, one sentence at a time.
type reader struct {
	e          *Engine
	norm, lang string
	spans      []sentence.Span
	i          int
	md         *mention.Doc
	prev       *clause.Sentence
}

func (e *Engine) newReader(text, lang string, date time.Time) *reader {
	r := &reader{e: e, norm: text, lang: lang, md: e.finder.Doc(date)}
	if lang == "zh" || lang == "ja" {
		if token.Traditional(text) {
			r.norm, _ = token.Simplify(text)
		}
	}
	r.spans = sentence.Split(r.norm)
	return r
}

// next reads the next sentence: its tokens, mentions, clauses and frames.
func (r *reader) next() (*clause.Sentence, []frame.Frame, bool) {
	if r.i >= len(r.spans) {
		return nil, nil, false
	}
	e, i, sp := r.e, r.i, r.spans[r.i]
	r.i++
	sl := langid.Sentence(r.norm[sp.Start:sp.End], r.lang)
	if sl == "ja" {
		sl = "zh" // no Japanese rules yet: names only, read as Chinese
	}
	ms := &mention.Sentence{Index: i, Start: sp.Start, End: sp.End, Lang: sl}
	if i > 0 {
		ms.NewPara = strings.Contains(r.norm[r.spans[i-1].End:sp.Start], "\n")
	}
	if sl == "zh" {
		ms.Tokens = e.zh.Tokens(r.norm[sp.Start:sp.End], sp.Start)
	} else {
		ms.Tokens = token.English(r.norm[sp.Start:sp.End], sp.Start)
		if tg, err := token.EnglishTagger(); err == nil {
			tg.Tag(ms.Tokens)
		}
	}
	r.md.Find(r.norm, ms)
	if sl == "en" && e.retag(ms) {
		r.md.Attributive(ms) // the words after the names may have changed
	}
	cs := clause.Parse(ms, e.clauses[sl], r.prev)
	r.prev = cs
	return cs, e.frames.Frames(cs), true
}

// retag tags an English sentence again when the tagger took a word of a
// name for something else ("the US move": US as "us"), with the names'
// words fixed as proper nouns.
func (e *Engine) retag(ms *mention.Sentence) bool {
	known := map[int]string{}
	wrong := false
	for _, m := range ms.Mentions {
		if m.Kind != mention.Actor && m.Kind != mention.Person {
			continue
		}
		for k := m.Tok; k < m.TokEnd && k < len(ms.Tokens); k++ {
			t := &ms.Tokens[k]
			if t.POS == token.Punct || t.POS == token.Det || t.POS == token.Part || t.POS == token.Adp {
				continue
			}
			known[k] = "NNP"
			if t.POS != token.Propn {
				wrong = true
			}
		}
		// "the US move violates …": after a name that follows a determiner,
		// a bare verb form before a finite verb is the head noun
		det := m.Tok < len(ms.Tokens) && ms.Tokens[m.Tok].POS == token.Det || m.Tok > 0 && ms.Tokens[m.Tok-1].POS == token.Det
		if k := m.TokEnd; m.Kind == mention.Actor && det && k+1 < len(ms.Tokens) {
			t, next := &ms.Tokens[k], &ms.Tokens[k+1]
			if (t.Tag == "VB" || t.Tag == "VBP") && (next.Tag == "VBZ" || next.Tag == "VBD" || next.Tag == "MD") {
				known[k], wrong = "NN", true
			}
		}
	}
	// "Ghana thanks the President …": a cue verb with -s right after the
	// party that opens the sentence, and a determiner or a name after it,
	// is the verb, not a plural noun
	for _, m := range ms.Mentions {
		k := m.TokEnd
		if m.Kind != mention.Actor || m.Tok > 1 || k+1 >= len(ms.Tokens) || ms.Tokens[k].Tag != "NNS" || !headlineVerbs[ms.Tokens[k].Lemma] {
			continue
		}
		if next := &ms.Tokens[k+1]; next.POS == token.Det || next.POS == token.Propn || next.Tag == "PRP$" {
			known[k], wrong = "VBZ", true
		}
	}
	// "the United States and the ROK oppose all activities …": a cue verb
	// right after a party, which the tagger read as an adverb, or as a noun
	// though a determiner follows ("the ROK support all efforts"), is the verb
	for _, m := range ms.Mentions {
		k := m.TokEnd
		if m.Kind != mention.Actor || k >= len(ms.Tokens) || !headlineVerbs[strings.ToLower(ms.Tokens[k].Text)] {
			continue
		}
		t := &ms.Tokens[k]
		if t.POS == token.Adv || t.Tag == "NN" && k+1 < len(ms.Tokens) && (ms.Tokens[k+1].POS == token.Det || ms.Tokens[k+1].Tag == "PRP$") {
			known[k], wrong = "VBP", true
		}
	}
	// a headline ("Japan, UK pledge to deepen ties"): no verb, and a word
	// that is often a verb right after the names is the verb
	if last := len(ms.Tokens) - 1; last >= 0 && ms.Tokens[last].Text != "." && !hasVerb(ms.Tokens) {
		for _, m := range ms.Mentions {
			if k := m.TokEnd; m.Kind == mention.Actor && k < len(ms.Tokens) && headlineVerbs[ms.Tokens[k].Lemma] && ms.Tokens[k].POS == token.Noun {
				known[k], wrong = "VBP", true
				break
			}
		}
	}
	if !wrong {
		return false
	}
	if tg, err := token.EnglishTagger(); err == nil {
		tg.TagWith(ms.Tokens, known)
	}
	return true
}

// headlineVerbs are words a headline uses as its verb that the tagger,
// without the sentence around them, may read as nouns.
var headlineVerbs = map[string]bool{"pledge": true, "vow": true, "call": true, "urge": true, "plan": true, "back": true,
	"support": true, "welcome": true, "warn": true, "sign": true, "agree": true, "condemn": true, "slam": true, "reject": true,
	"oppose": true, "push": true, "seek": true, "demand": true, "voice": true, "deal": true, "aim": true, "move": true,
	"thank": true, "salute": true, "commend": true, "praise": true, "applaud": true, "congratulate": true,
	"denounce": true, "deplore": true, "reaffirm": true, "reiterate": true, "encourage": true, "stress": true, "endorse": true}

func hasVerb(toks []token.Token) bool {
	for i := range toks {
		if toks[i].POS == token.Verb && (i == 0 || toks[i-1].Text != "to") {
			return true
		}
	}
	return false
}

// joint reports a text the parties issue together: its first lines call
// it a joint statement, a communiqué, a declaration (联合声明).
func (e *Engine) joint(sents []*clause.Sentence) bool {
	for i, s := range sents {
		if i >= 3 {
			break
		}
		for k := range s.Tokens {
			if e.frames.WordAt(s.Sentence, "joint", k) {
				return true
			}
		}
	}
	return false
}

// entityList lists the states, organisations and people a text names, and
// the actors of its claims. Outlets cited as a report's source are left
// out, and so are states named only in a time expression.
type entityList struct {
	text, lang string
	out        []schemas.Entity
	seen       map[string]bool
	// known reports an id of the gazetteer: an organisation cited as a
	// report's source (a report by Human Rights Watch) is still an entity
	// when the gazetteer knows it and not as an outlet; an unknown source is
	// taken for an outlet
	known func(id string) bool
	// organs are the ids of states' organs the text named (org:usaid),
	// listed though the gazetteer knows them only as organs
	organs map[string]bool
	// label is an id's name in the text's language (English when none)
	label func(id string) string
	// statesIn returns the states a phrase names inside it ("war against
	// Ukraine", 香港国安法)
	statesIn func(phrase string) []string
}

// outletClaim reports a claim held by or aimed at a news outlet of the
// gazetteer whose evidence is no editorial (社评, 社论, "editorial"): the
// paper only reports, or is reported on.
func (e *Engine) outletClaim(c schemas.Claim) bool {
	involved := c.Target != nil && e.finder.Outlet(*c.Target)
	for _, a := range c.Actors {
		involved = involved || e.finder.Outlet(a)
	}
	if !involved {
		return false
	}
	ev := strings.ToLower(c.Evidence.Text)
	return !strings.Contains(ev, "社评") && !strings.Contains(ev, "社论") && !strings.Contains(ev, "editorial")
}

func (e *Engine) entityList(text, lang string) *entityList {
	return &entityList{text: text, lang: lang, out: []schemas.Entity{}, seen: map[string]bool{}, organs: map[string]bool{},
		known: func(id string) bool { _, ok := e.lex.Get(id); return ok },
		label: func(id string) string {
			if ent, ok := e.lex.Get(id); ok {
				if n := ent.Label[lang]; n != "" {
					return n
				}
				if n := ent.Label["en"]; n != "" {
					return n
				}
			}
			return id
		},
		statesIn: e.statesIn}
}

// statesIn returns the states a topic's phrase names inside it: a
// capitalised English word that is a state's name (war against Ukraine), or
// the state's name a Chinese phrase opens with (香港国安法, 伊朗核协议);
// never a city's name (the Paris Agreement) or a state's name that opens a
// place's (the Taiwan Strait, 印度洋, 印度太平洋).
func (e *Engine) statesIn(phrase string) []string {
	var out []string
	add := func(name string) bool {
		if e.lex.Seat(name) {
			return false
		}
		found := false
		for _, ent := range e.lex.Lookup(name) {
			if ent.Kind == lexicon.KindCountry || ent.Kind == lexicon.KindOrg && len(name) <= 5 && strings.ToUpper(name) == name {
				// (an organisation's initials: "EU accession", "NATO membership")
				found = true
				if !slices.Contains(out, ent.ID) {
					out = append(out, ent.ID)
				}
			}
		}
		return found
	}
	words := strings.FieldsFunc(phrase, func(r rune) bool { return !unicode.IsLetter(r) || unicode.Is(unicode.Han, r) })
	for i, w := range words {
		if unicode.IsUpper([]rune(w)[0]) && (i+1 == len(words) || !placeHeads[words[i+1]]) {
			add(w)
		}
	}
	if rs := []rune(phrase); len(rs) > 0 && unicode.Is(unicode.Han, rs[0]) {
		// the longest state name of two to four characters the phrase opens
		// with, when more follows that does not make it a place (洋, 海峡 …)
		for n := min(4, len(rs)-1); n >= 2; n-- {
			if !strings.ContainsRune("洋海峡湾太半岛大", rs[n]) && add(string(rs[:n])) {
				break
			}
		}
	}
	return out
}

// orgIn is the organisation of the gazetteer the phrase names inside it,
// the longest name first ("reform of the UN Security Council" →
// org:un-security-council, 安理会改革 → org:un-security-council); "" when none.
func (e *Engine) orgIn(phrase string) string {
	rs := []rune(phrase)
	for n := len(rs); n >= 2; n-- {
		for i := 0; i+n <= len(rs); i++ {
			name := strings.TrimSpace(string(rs[i : i+n]))
			if len([]rune(name)) != n || i > 0 && unicode.IsLetter(rs[i-1]) && !unicode.Is(unicode.Han, rs[i-1]) || i+n < len(rs) && unicode.IsLetter(rs[i+n]) && !unicode.Is(unicode.Han, rs[i+n]) {
				continue // whole words only
			}
			for _, ent := range e.lex.Lookup(name) {
				if ent.Kind == lexicon.KindOrg {
					return ent.ID
				}
			}
		}
	}
	return ""
}

// placeHeads end the name of a place that opens with a state's name.
var placeHeads = map[string]bool{"Strait": true, "Straits": true, "Sea": true, "Ocean": true, "Gulf": true, "Peninsula": true,
	"Pacific": true, "Basin": true, "Region": true}

func (l *entityList) add(id, typ, name, country string) {
	if id == "" || l.seen[id] || len(l.out) >= MaxEntities {
		return
	}
	l.seen[id] = true
	l.out = append(l.out, schemas.Entity{ID: id, Type: typ, Name: name, Country: country})
}

// sentence adds the entities one sentence names.
func (l *entityList) sentence(s *clause.Sentence) {
	sources := map[int]bool{}
	for _, r := range s.Reports {
		if r.Speaker >= 0 && s.FromOutlet(r) {
			sources[r.Speaker] = true
		}
	}
	for k := range s.Mentions {
		m := &s.Mentions[k]
		if m.Kind == mention.Topic {
			for _, id := range l.statesIn(l.text[m.Start:m.End]) {
				l.add(id, entityType(id), l.label(id), "") // a state a topic's phrase names (war against Ukraine, 香港国安法)
			}
			continue
		}
		if !m.Entity || sources[k] && strings.HasPrefix(firstID(m.IDs), "org:") && (!l.known(firstID(m.IDs)) || m.Outlet) {
			continue // 据路透社报道, 《华盛顿邮报》说: the outlet is the source, no entity (an outlet a minister speaks to is one)
		}
		switch m.Kind {
		case mention.Person:
			l.add(m.Person, "person", l.text[m.Start:mention.FullNameEnd(l.text, m.End)], firstID(m.IDs))
		case mention.Actor:
			for _, id := range m.IDs {
				l.add(id, entityType(id), l.text[m.Start:m.End], "")
			}
			if m.OrganID != "" {
				l.organs[m.OrganID] = true
				l.add(m.OrganID, entityType(m.OrganID), l.text[m.Start:m.End], "") // USAID: its state's organ, named
			}
			if m.Leader != "" {
				l.add(m.Leader, "person", m.LeaderName, firstID(m.IDs))
			}
		}
	}
	for _, id := range s.TitleOrgs {
		l.add(id, "org", l.label(id), "")
	}
}

// done adds the actors and the targets of the claims and returns the list:
// every state, organisation or person a claim holds or is directed at is
// an entity, also when the text names it only through another ("Putin's
// war": Russia).
func (l *entityList) done(claims []schemas.Claim) []schemas.Entity {
	add := func(id string) {
		if strings.HasPrefix(id, "place:") || strings.HasPrefix(id, "topic:") {
			return
		}
		l.add(id, entityType(id), l.label(id), "")
	}
	parties := map[string]bool{}
	for _, c := range claims {
		for _, id := range c.Actors {
			add(id)
			parties[id] = true
		}
		if c.Target != nil {
			add(*c.Target)
			parties[*c.Target] = true
		}
	}
	// an organisation the gazetteer does not know, named only from the
	// words of the text ("the Sovereign Council", "the Liberation Front"),
	// is listed when it holds or receives a claim: as a mere mention it was
	// the gold's organisation 49 times in 321 on the project's own batches
	out := l.out[:0]
	for _, e := range l.out {
		if strings.HasPrefix(e.ID, "org:") && !l.known(e.ID) && !parties[e.ID] && !l.organs[e.ID] {
			continue
		}
		out = append(out, e)
	}
	l.out = out
	return l.out
}

func firstID(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return ids[0]
}

func entityType(id string) string {
	switch {
	case strings.HasPrefix(id, "org:"):
		return "org"
	case strings.HasPrefix(id, "person:"):
		return "person"
	}
	return "country"
}

// withTitle puts the title on the first line of the text (titles state
// claims too), unless the text already begins with it.
func withTitle(title, text string) string {
	title = strings.Join(strings.Fields(title), " ")
	if title == "" || strings.Contains(title, "\n") {
		return text
	}
	head := text
	if len(head) > 2*len(title)+16 {
		head = head[:2*len(title)+16]
	}
	if strings.Contains(strings.Join(strings.Fields(head), " "), title) {
		return text
	}
	return title + "\n" + text
}

// clean returns the article's clean text.
func clean(a schemas.Article) (string, error) {
	if a.Format == schemas.FormatHTML {
		doc, err := textclean.HTML(a.Body)
		if err != nil {
			return "", err
		}
		return doc.Text, nil
	}
	return textclean.Text(a.Body).Text, nil
}

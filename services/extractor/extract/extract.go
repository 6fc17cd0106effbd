package extract

import (
	"fmt"
	"os"
	"strings"
	"time"

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

// Error codes of Extraction.Error.
const (
	ErrEmpty       = "empty"
	ErrUnsupported = "unsupported_language"
	ErrBinary      = "binary"
	ErrMalformed   = "malformed"
	ErrTooLarge    = "too_large"
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
			x.Entities, x.Claims, x.Unmapped, expl = []schemas.Entity{}, []schemas.Claim{}, nil, nil
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
	}
	if !date.IsZero() {
		x.Date = date.Format("2006-01-02")
	}
	d := e.read(text, lang, date)
	parts := resolve.FindParticipants(e.frames, d.sents, e.joint(d))
	res := resolve.New(e.frames, parts)
	cd := e.claims.Doc(text, date, res, explain)
	for i, s := range d.sents {
		res.Sentence(s)
		if lang != "ja" {
			cd.Sentence(s, d.fs[i])
		}
		cd.Seen(s)
		for _, r := range s.Reports {
			if r.Speaker >= 0 {
				res.NotePerson(&s.Mentions[r.Speaker])
			}
		}
	}
	claims, idx := claim.Merge(cd.Drafts)
	x.Claims = claims
	if x.Claims == nil {
		x.Claims = []schemas.Claim{}
	}
	x.Entities = e.entities(d, claims)
	for _, u := range cd.Unmapped {
		x.Unmapped = append(x.Unmapped, schemas.Unmapped{Predicate: u.Predicate, Rule: u.Rule, Actor: u.Actor, Object: u.Object,
			Start: u.Start, End: u.End})
	}
	if explain {
		for i, di := range idx {
			expl = append(expl, Explanation{Claim: i, Explanation: cd.Drafts[di].Why})
		}
		expl = append(expl, Explanation{Claim: -2, Dropped: fmt.Sprintf("parties %v (%s), joint %v, issuer %q (%s)", parts.IDs, parts.How, parts.Joint, parts.Issuer, parts.IssuerHow)})
		for _, dr := range cd.Dropped {
			expl = append(expl, Explanation{Claim: -1, Explanation: claim.Explanation{Rule: dr.Rule, Cue: dr.Cue}, Dropped: dr.Reason, Start: dr.Start, End: dr.End})
		}
	}
	return x, expl
}

// read runs the stages up to frames over every sentence.
func (e *Engine) read(text, lang string, date time.Time) *doc {
	d := &doc{text: text, norm: text, lang: lang, date: date}
	if lang == "zh" || lang == "ja" {
		if token.Traditional(text) {
			d.norm, _ = token.Simplify(text)
		}
	}
	md := e.finder.Doc(date)
	for i, sp := range sentence.Split(d.norm) {
		sl := langid.Sentence(d.norm[sp.Start:sp.End], lang)
		if sl == "ja" {
			sl = "zh" // no Japanese rules yet: names only, read as Chinese
		}
		ms := &mention.Sentence{Index: i, Start: sp.Start, End: sp.End, Lang: sl}
		if sl == "zh" {
			ms.Tokens = e.zh.Tokens(d.norm[sp.Start:sp.End], sp.Start)
		} else {
			ms.Tokens = token.English(d.norm[sp.Start:sp.End], sp.Start)
			if tg, err := token.EnglishTagger(); err == nil {
				tg.Tag(ms.Tokens)
			}
		}
		md.Find(d.norm, ms)
		if sl == "en" {
			e.retag(ms)
		}
		var prev *clause.Sentence
		if len(d.sents) > 0 {
			prev = d.sents[len(d.sents)-1]
		}
		cs := clause.Parse(ms, e.clauses[sl], prev)
		d.sents = append(d.sents, cs)
		d.fs = append(d.fs, e.frames.Frames(cs))
	}
	return d
}

// retag tags an English sentence again when the tagger took a word of a
// name for something else ("the US move": US as "us"), with the names'
// words fixed as proper nouns.
func (e *Engine) retag(ms *mention.Sentence) {
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
	}
	if !wrong {
		return
	}
	if tg, err := token.EnglishTagger(); err == nil {
		tg.TagWith(ms.Tokens, known)
	}
}

// joint reports a text the parties issue together: its first lines call
// it a joint statement, a communiqué, a declaration (联合声明).
func (e *Engine) joint(d *doc) bool {
	for i, s := range d.sents {
		if i >= 3 {
			break
		}
		for k := range s.Tokens {
			if e.frames.WordAt(s.Lang, "joint", s.Tokens, k) {
				return true
			}
		}
	}
	return false
}

// entities lists the states, organisations and people the text names, and
// the actors of its claims. Outlets cited as a report's source are left
// out, and so are states named only in a time expression.
func (e *Engine) entities(d *doc, claims []schemas.Claim) []schemas.Entity {
	out := []schemas.Entity{}
	seen := map[string]bool{}
	add := func(id, typ, name, country string) {
		if id == "" || seen[id] {
			return
		}
		seen[id] = true
		out = append(out, schemas.Entity{ID: id, Type: typ, Name: name, Country: country})
	}
	for _, s := range d.sents {
		sources := map[int]bool{}
		for _, r := range s.Reports {
			if r.Class == clause.Media && r.Speaker >= 0 {
				sources[r.Speaker] = true
			}
		}
		for k := range s.Mentions {
			m := &s.Mentions[k]
			if !m.Entity || sources[k] && strings.HasPrefix(firstID(m.IDs), "org:") {
				continue
			}
			switch m.Kind {
			case mention.Person:
				c := firstID(m.IDs)
				add(m.Person, "person", d.text[m.Start:m.End], c)
			case mention.Actor:
				for _, id := range m.IDs {
					add(id, entityType(id), d.text[m.Start:m.End], "")
				}
			}
		}
	}
	for _, c := range claims {
		for _, id := range c.Actors {
			name := id
			if ent, ok := e.lex.Get(id); ok {
				if n := ent.Label[d.lang]; n != "" {
					name = n
				} else if n := ent.Label["en"]; n != "" {
					name = n
				}
			}
			add(id, entityType(id), name, "")
		}
	}
	return out
}

func firstID(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return ids[0]
}

func entityType(id string) string {
	if strings.HasPrefix(id, "org:") {
		return "org"
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

package extract

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/platform/limits"

	"github.com/diplograph/diplograph/schemas"
	textclean "github.com/diplograph/diplograph/services/extractor/clean"
	langid "github.com/diplograph/diplograph/services/extractor/lang"
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
	Claim   int    // index into Extraction.Claims
	Rule    string // rule id
	Cue     string // the cue as it stands in the text
	Actor   string // how the actors were resolved
	Target  string // how the target was chosen
	Negated bool
}

// String renders the explanation for people.
func (x Explanation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "rule %s, cue %q; actor: %s", x.Rule, x.Cue, x.Actor)
	if x.Target != "" {
		fmt.Fprintf(&b, "; target: %s", x.Target)
	}
	if x.Negated {
		b.WriteString("; negated")
	}
	return b.String()
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
			x.Entities, x.Claims, expl = []schemas.Entity{}, []schemas.Claim{}, nil
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
	x.Lang = lang
	if a.Lang != "" && a.Lang != lang && (a.Lang == "zh" || a.Lang == "en" || a.Lang == "ja") {
		x.Lang = a.Lang
		lang = a.Lang
	}
	var date time.Time
	if a.Published != nil {
		date = a.Published.UTC()
	} else if t, ok := dateInText(a.URL + "\n" + a.Title + "\n" + text); ok {
		date = t
	}
	if !date.IsZero() {
		x.Date = date.Format("2006-01-02")
	}
	if lang == "ja" {
		// no Japanese rules yet: entities only
		d := e.newDoc(text, "zh", a.Title, date, explain)
		if x.Entities = d.entities(nil); x.Entities == nil {
			x.Entities = []schemas.Entity{}
		}
		return x, nil
	}
	d := e.newDoc(text, lang, a.Title, date, explain)
	drafts := d.claims()
	claims, idx := merge(drafts)
	x.Claims = claims
	x.Entities = d.entities(claims)
	if x.Claims == nil {
		x.Claims = []schemas.Claim{}
	}
	if x.Entities == nil {
		x.Entities = []schemas.Entity{}
	}
	if explain {
		for i, di := range idx {
			ex := drafts[di].expl
			ex.Claim = i
			expl = append(expl, ex)
		}
	}
	return x, expl
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

// claimKey identifies a claim: predicate, actors, target, topic, when.
func claimKey(c schemas.Claim) string {
	acts := append([]string{}, c.Actors...)
	sort.Strings(acts)
	s := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	neg := ""
	if c.Negated {
		neg = "!"
	}
	return neg + c.Predicate + "|" + strings.Join(acts, ",") + "|" + s(c.Target) + "|" + s(c.Topic) + "|" + s(c.When)
}

// merge folds repeated statements of one claim into one claim with several
// spans; it returns the claims and, per claim, the draft it came from.
func merge(drafts []draft) ([]schemas.Claim, []int) {
	var out []schemas.Claim
	var idx []int
	at := map[string]int{}
	for i, dr := range drafts {
		c := dr.claim
		k := claimKey(c)
		if j, ok := at[k]; ok {
			o := &out[j]
			dup := false
			for _, sp := range o.Spans {
				if sp.Start == c.Evidence.Start {
					dup = true
				}
			}
			if !dup {
				o.Spans = append(o.Spans, c.Evidence)
				if len(c.Evidence.Text) < len(o.Evidence.Text) && false {
					o.Evidence = c.Evidence
				}
				o.Confidence = min(1, max(o.Confidence, c.Confidence)+0.02)
			}
			o.Speakers = uniq(append(o.Speakers, c.Speakers...))
			continue
		}
		c.Spans = []schemas.Span{c.Evidence}
		at[k] = len(out)
		out = append(out, c)
		idx = append(idx, i)
	}
	for i := range out {
		if len(out[i].Spans) == 1 {
			out[i].Spans = nil
		}
		out[i].Confidence = float64(int(out[i].Confidence*100+0.5)) / 100
	}
	return out, idx
}

// namesInside returns the organisations whose names occur inside a longer
// phrase (a topic such as 联合国宪章 or "the UN Charter"). States are left
// out: 台湾海峡 and 印度-太平洋 do not name Taiwan or India.
func (d *doc) namesInside(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		_, size := utf8.DecodeRuneInString(s[i:])
		for j := i + size; j <= len(s); {
			if (i > 0 || j < len(s)) && (d.lang != "en" || wordEdges(s, i, j)) {
				for _, p := range d.e.matcher.Lookup(s[i:j]) {
					if p.Kind == pEntity {
						if ent := d.e.ents[p.Ref]; ent.Kind == lexicon.KindOrg {
							out = append(out, ent.ID)
						}
					}
				}
			}
			if j == len(s) {
				break
			}
			_, sz := utf8.DecodeRuneInString(s[j:])
			j += sz
		}
		i += size
	}
	return uniq(out)
}

func wordEdges(s string, i, j int) bool {
	return (i == 0 || s[i-1] == ' ') && (j == len(s) || s[j] == ' ')
}

// entities lists the countries, organisations and people the text names,
// and the actors of its claims.
func (d *doc) entities(claims []schemas.Claim) []schemas.Entity {
	var out []schemas.Entity
	seen := map[string]bool{}
	add := func(id, typ, name, country string) {
		if id == "" || seen[id] {
			return
		}
		seen[id] = true
		out = append(out, schemas.Entity{ID: id, Type: typ, Name: name, Country: country})
	}
	for i, m := range d.ments {
		if !m.entity && m.kind != mTopic {
			continue
		}
		if i > 0 {
			p := d.ments[i-1]
			if p.kind == mMod && p.hasMod("reporter") != nil && p.end == m.start && m.kind == mActor && m.entType == "org" {
				continue // 据路透社: the outlet is not an entity
			}
		}
		if strings.HasPrefix(d.text[m.end:], "时间") {
			continue
		}
		switch m.kind {
		case mTopic:
			// 联合国宪章, the UN Charter: the organisation is named too
			for _, id := range d.namesInside(m.text) {
				typ := "country"
				if strings.HasPrefix(id, "org:") {
					typ = "org"
				}
				add(id, typ, m.text, "")
			}
		case mPerson:
			c := ""
			if len(m.ids) > 0 {
				c = m.ids[0]
			}
			add(m.person, "person", m.text, c)
		case mActor:
			for _, id := range m.ids {
				typ := "country"
				if strings.HasPrefix(id, "org:") {
					typ = "org"
				}
				add(id, typ, m.text, "")
			}
		}
	}
	for _, c := range claims {
		for _, id := range c.Actors {
			typ := "country"
			if strings.HasPrefix(id, "org:") {
				typ = "org"
			}
			name := id
			if ent, ok := d.e.lex.Get(id); ok {
				if n := ent.Label[d.lang]; n != "" {
					name = n
				} else if n := ent.Label["en"]; n != "" {
					name = n
				}
			}
			add(id, typ, name, "")
		}
	}
	return out
}

// Package extract is diplograph's extraction engine: it turns an article
// (Chinese or English diplomatic text) into claims — who opposes, supports,
// condemns, is concerned about, calls on, welcomes, agrees or commits to
// what — each with its evidence span and the rule that fired, following
// the annotation guidelines (corpus/GUIDELINES.md).
//
// The engine is pure logic: it imports no transport and no database.
package extract

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/services/extractor/internal/rules"
	"github.com/diplograph/diplograph/services/extractor/internal/segment"
	gazetteer "github.com/diplograph/diplograph/services/extractor/mention"
	rulefiles "github.com/diplograph/diplograph/services/extractor/rules"
)

// Version is the extractor's version, recorded in every extraction.
const Version = "0.1.0"

// Options configure an Engine.
type Options struct {
	LexiconDir string // "" = embedded gazetteer (lexicon.Default())
	RulesDir   string // "" = embedded rule files
}

// Payload kinds in the phrase matcher.
const (
	pEntity uint8 = iota + 1
	pTitle
	pOrgan
	pCue
	pMod
	pAbbrev
	pBlock // a dictionary word that hides a one-character phrase inside it
)

// Engine extracts claims from articles. It is safe for concurrent use by
// many goroutines: everything it holds is read-only after New.
type Engine struct {
	lex     *lexicon.Lexicon
	rules   *rules.Set
	ents    []*lexicon.Entity
	titles  []lexicon.Title
	organs  []lexicon.Organ
	abbrevs map[rune][]string
	matcher *gazetteer.Matcher
	seg     *segment.Segmenter
	// negativeTopics cannot be supported by mere emphasis (stressed…).
	negativeTopics map[string]bool
	// yearMods are the relative-year modifiers by language.
	yearMods map[string][]rules.Modifier
	// intensifiers are the high/low modifiers by "lang:kind".
	intensifiers map[string][]string
	// extraTopics are topic entities named only in rules/topics.tsv.
	extraTopics map[string]*lexicon.Entity
}

// New loads the gazetteer, the rules and the segmentation dictionary.
func New(opts Options) (*Engine, error) {
	var (
		lx  *lexicon.Lexicon
		err error
	)
	if opts.LexiconDir == "" {
		lx, err = lexicon.Default()
	} else {
		lx, err = lexicon.Load(opts.LexiconDir)
	}
	if err != nil {
		return nil, fmt.Errorf("loading gazetteer: %w", err)
	}
	var fsys fs.FS = rulefiles.FS
	if opts.RulesDir != "" {
		fsys = overlayFS{dir: os.DirFS(opts.RulesDir), base: rulefiles.FS}
	}
	rs, err := rules.Load(fsys)
	if err != nil {
		return nil, fmt.Errorf("loading rules: %w", err)
	}
	e := &Engine{lex: lx, rules: rs, titles: lx.Titles(), organs: lx.Organs(), abbrevs: map[rune][]string{}, extraTopics: map[string]*lexicon.Entity{}}
	b := gazetteer.NewBuilder()
	var hanWords, nameWords []string
	add := func(phrase string, p gazetteer.Payload) {
		b.Add(phrase, p)
		if hasHan(phrase) {
			hanWords = append(hanWords, phrase)
			if p.Kind == pEntity {
				if k := e.ents[p.Ref].Kind; k == lexicon.KindCountry || k == lexicon.KindOrg || k == lexicon.KindPerson || k == lexicon.KindPlace {
					nameWords = append(nameWords, phrase)
				}
			}
			if p.Kind == pCue {
				nameWords = append(nameWords, phrase)
			}
		}
	}
	for _, ent := range lx.Entities() {
		i := int32(len(e.ents))
		e.ents = append(e.ents, ent)
		for lang, names := range ent.Names {
			for _, n := range names {
				if utf8.RuneCountInString(n) < 2 && (lang == "en" || hasHan(n)) && ent.Kind != lexicon.KindTopic {
					continue // 英, 美: only inside compounds (日英, 中美)
				}
				add(n, gazetteer.Payload{Kind: pEntity, Ref: i})
			}
		}
		for _, n := range ent.Label {
			if utf8.RuneCountInString(n) >= 2 {
				add(n, gazetteer.Payload{Kind: pEntity, Ref: i})
			}
		}
		if ent.Kind == lexicon.KindPerson {
			for _, n := range personVariants(ent.Names["en"]) {
				add(n, gazetteer.Payload{Kind: pEntity, Ref: i})
			}
		}
	}
	for _, tc := range rs.Topics {
		ent, ok := lx.Get(tc.Topic)
		if !ok {
			ent = e.extraTopics[tc.Topic]
			if ent == nil {
				ent = &lexicon.Entity{ID: tc.Topic, Kind: lexicon.KindTopic, Label: map[string]string{"en": tc.Topic}}
				e.extraTopics[tc.Topic] = ent
			}
		}
		i := int32(len(e.ents))
		e.ents = append(e.ents, ent)
		for _, p := range tc.Phrases {
			add(p, gazetteer.Payload{Kind: pEntity, Ref: i})
		}
	}
	for i, t := range e.titles {
		add(t.Phrase, gazetteer.Payload{Kind: pTitle, Ref: int32(i)})
	}
	for i, o := range e.organs {
		add(o.Phrase, gazetteer.Payload{Kind: pOrgan, Ref: int32(i)})
	}
	for i, c := range rs.Cues {
		for _, f := range c.Forms {
			add(f, gazetteer.Payload{Kind: pCue, Ref: int32(i)})
		}
	}
	e.intensifiers = map[string][]string{}
	e.yearMods = map[string][]rules.Modifier{}
	e.negativeTopics = map[string]bool{}
	for i, m := range rs.Modifiers {
		if m.Kind == "negative" {
			e.negativeTopics[m.Phrase] = true
			continue
		}
		if m.Kind == "block" {
			b.Add(m.Phrase, gazetteer.Payload{Kind: pBlock})
			continue
		}
		add(m.Phrase, gazetteer.Payload{Kind: pMod, Ref: int32(i)})
		if m.Kind == "year" {
			e.yearMods[m.Lang] = append(e.yearMods[m.Lang], m)
		}
		if m.Kind == "high" || m.Kind == "low" {
			k := m.Lang + ":" + m.Kind
			e.intensifiers[k] = append(e.intensifiers[k], m.Phrase)
		}
	}
	addBlockers(b, hanWords, nameWords)
	for _, a := range lx.Abbrevs() {
		r, _ := utf8.DecodeRuneInString(a.Char)
		e.abbrevs[r] = append(e.abbrevs[r], a.ID)
	}
	if e.matcher, err = b.Build(); err != nil {
		return nil, err
	}
	if e.seg, err = segment.New(hanWords); err != nil {
		return nil, err
	}
	return e, nil
}

// addBlockers adds the dictionary words that contain a one-character
// phrase (对 in 对话 and 针对, 应 in 应对 and 供应, 将 in 将军) so that the
// leftmost-longest match takes the word and the character is not read as a
// preposition or a modal. A word whose rest would start a phrase (在日 before
// 日本) is left out, so that it cannot swallow a name.
func addBlockers(b *gazetteer.Builder, phrases, names []string) {
	single := map[rune]bool{}
	known := map[string]bool{}
	prefixes := map[string]bool{} // proper prefixes of names and cues (日 of 日本, 支 of 支持)
	for _, p := range phrases {
		known[p] = true
		if rs := []rune(p); len(rs) == 1 {
			single[rs[0]] = true
		}
	}
	for _, n := range names {
		rs := []rune(n)
		for i := 1; i < len(rs); i++ {
			prefixes[string(rs[:i])] = true
		}
	}
	segment.Words(func(w string, freq int) {
		rs := []rune(w)
		if len(rs) < 2 || len(rs) > 4 || known[w] {
			return
		}
		for k := 1; k+2 <= len(rs); k++ {
			if known[string(rs[k:])] {
				return // 不支持 ends in a cue: a modifier and the cue, not a word hiding it
			}
		}
		for k := 1; k < len(rs); k++ {
			if prefixes[string(rs[k:])] {
				return // 在日 may be 在+日本, 不支 may be 不+支持
			}
		}
		for _, r := range rs {
			if single[r] {
				b.Add(w, gazetteer.Payload{Kind: pBlock})
				return
			}
		}
	})
}

// RulesVersion is a short hash of the rule files in use.
func (e *Engine) RulesVersion() string { return e.rules.Version }

// Segmenter exposes the engine's gse segmentation (same dictionary) for
// benchmarks that measure the segmentation floor.
func (e *Engine) segment(text []byte) int { return len(e.seg.Segment(text)) }

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

// overlayFS reads a file from dir when it exists there, else from base.
type overlayFS struct {
	dir, base fs.FS
}

func (o overlayFS) Open(name string) (fs.File, error) {
	f, err := o.dir.Open(name)
	if err == nil {
		return f, nil
	}
	if strings.Contains(err.Error(), "not exist") || os.IsNotExist(err) {
		return o.base.Open(name)
	}
	return nil, err
}

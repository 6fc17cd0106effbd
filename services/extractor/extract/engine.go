// Package extract is diplograph's extraction engine: it turns an article
// (Chinese or English diplomatic text) into claims — who opposes, supports,
// condemns, is concerned about, calls on, welcomes, agrees or commits to
// what — each with its evidence span and the rule that fired, following
// the annotation guidelines (corpus/GUIDELINES.md).
//
// An article flows through the stages in order, each a package of its own:
// clean (input formats → clean text) → lang → sentence → token (words,
// parts of speech, lemmas) → mention (states, people, places, topics) →
// clause (conditions, quotations, reported speech) → frame (the rules:
// cues and their slots) → resolve (who holds each claim) → claim (targets,
// topics, dates, evidence; merge). The engine only wires them together. It
// is pure logic: it imports no transport and no database.
package extract

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/services/extractor/claim"
	"github.com/diplograph/diplograph/services/extractor/clause"
	"github.com/diplograph/diplograph/services/extractor/frame"
	"github.com/diplograph/diplograph/services/extractor/mention"
	rulefiles "github.com/diplograph/diplograph/services/extractor/rules"
	"github.com/diplograph/diplograph/services/extractor/sentence"
	"github.com/diplograph/diplograph/services/extractor/token"
)

// Version is the extractor's version, recorded in every extraction.
const Version = "0.2.0"

// Options configure an Engine.
type Options struct {
	LexiconDir string // "" = embedded gazetteer (lexicon.Default())
	RulesDir   string // "" = embedded rule files; files present here replace them
	// DocTimeout bounds the time one document may take; a document not
	// read within it fails with ErrTimeout. 0 means DefaultDocTimeout, a
	// negative value no bound.
	DocTimeout time.Duration
}

// DefaultDocTimeout is the time a document may take when Options do not
// say: many times what the largest document takes on a loaded machine.
const DefaultDocTimeout = 60 * time.Second

// Engine extracts claims from articles. It is safe for concurrent use by
// many goroutines: everything it holds is read-only after New.
type Engine struct {
	lex     *lexicon.Lexicon
	rules   *frame.Set
	frames  *frame.Matcher
	finder  *mention.Finder
	zh      *token.Chinese
	claims  *claim.Builder
	clauses map[string]*clause.Words
	// docTimeout bounds one document's time; 0: no bound.
	docTimeout time.Duration
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
		if fi, err := os.Stat(opts.RulesDir); err != nil || !fi.IsDir() {
			return nil, fmt.Errorf("rules folder %s: not a readable folder", opts.RulesDir)
		}
		fsys = overlayFS{dir: os.DirFS(opts.RulesDir), base: rulefiles.FS}
	}
	set, err := frame.Load(fsys)
	if err != nil {
		return nil, fmt.Errorf("loading rules: %w", err)
	}
	e := &Engine{lex: lx, rules: set, clauses: map[string]*clause.Words{}, docTimeout: opts.DocTimeout}
	switch {
	case opts.DocTimeout == 0:
		e.docTimeout = DefaultDocTimeout
	case opts.DocTimeout < 0:
		e.docTimeout = 0
	}
	if e.frames, err = frame.NewMatcher(set); err != nil {
		return nil, fmt.Errorf("compiling rules: %w", err)
	}
	var parties []mention.PartyWord
	for kind, k := range map[string]mention.Kind{"collective": mention.Collective, "self": mention.Self, "pronoun": mention.Pronoun, "all": mention.AllParties} {
		for _, w := range set.WordsOf("*", kind) {
			parties = append(parties, mention.PartyWord{Lang: w.Lang, Kind: k, Phrase: w.Phrase})
		}
	}
	var topics []mention.TopicPhrases
	for _, t := range set.Topics {
		topics = append(topics, mention.TopicPhrases{Topic: t.Topic, Phrases: t.Phrases})
	}
	verbs := map[string]bool{}
	for _, r := range set.Rules {
		if r.Lang == "zh" {
			for _, c := range r.Cues {
				verbs[strings.Fields(c)[0]] = true
			}
		}
	}
	if e.finder, err = mention.New(mention.Options{Lexicon: lx, Topics: topics, Parties: parties, Verbs: verbs}); err != nil {
		return nil, fmt.Errorf("building the name matcher: %w", err)
	}
	for _, lang := range []string{"en", "zh"} {
		w := &clause.Words{Speech: map[string]*token.Patterns{}, Cond: e.frames.Words(lang, "cond"), Sub: e.frames.Words(lang, "sub"),
			Refer: e.frames.Words(lang, "refer")}
		for _, class := range []string{clause.Say, clause.Allege, clause.Accuse, clause.Deny, clause.Refuse, clause.Believe, clause.Media} {
			if ps := e.frames.Words(lang, class); ps != nil {
				w.Speech[class] = ps
			}
		}
		e.clauses[lang] = w
	}
	if e.zh, err = e.chinese(); err != nil {
		return nil, err
	}
	e.finder.CompileTopics(func(alias string) []string {
		var ws []string
		for _, t := range e.zh.Tokens(alias, 0) {
			ws = append(ws, t.Text)
		}
		if len(ws) == 1 {
			// the alias is a word of our own dictionary (出售武器): its words
			// are the base dictionary's, so that 出售先进武器 still names it
			ws = baseWords(alias)
		}
		return ws
	})
	e.claims = claim.NewBuilder(e.frames, set)
	e.claims.SetOrgs(e.orgIn)
	return e, nil
}

// chinese builds the segmenter: gse's dictionary with the names, titles,
// cues and rule words added, and without the base words that would hide a
// cue inside a longer token (坚决反对 → 坚决 反对, 不支持 → 不 支持).
func (e *Engine) chinese() (*token.Chinese, error) {
	words := e.finder.Words()
	cues := map[string]bool{}
	for _, r := range e.rules.Rules {
		if r.Lang != "zh" {
			continue
		}
		for _, c := range r.Cues {
			for _, w := range strings.Fields(c) {
				w = strings.SplitN(w, "/", 2)[0]
				words = append(words, token.Word{Text: w, Tag: "v"})
				if utf8.RuneCountInString(w) >= 2 {
					cues[w] = true
				}
			}
		}
	}
	for _, w := range e.rules.Words {
		if w.Lang == "zh" {
			for _, p := range strings.Fields(w.Phrase) {
				words = append(words, token.Word{Text: p, Tag: "x"})
			}
		}
	}
	names := map[string]bool{}
	for _, w := range e.finder.Words() {
		names[w.Text] = true
	}
	// a name with a generic head (俄罗斯当局, 俄罗斯政府) is left to the
	// name and the head as two words: whole, it outweighs the right reading
	// of a neighbour (对白俄罗斯当局 read as 对白 俄罗斯当局)
	kept := words[:0]
	for _, w := range words {
		if name, ok := genericHeaded(w.Text); ok && names[name] {
			continue
		}
		kept = append(kept, w)
	}
	words = kept
	drop := func(w string) bool {
		rs := []rune(w)
		if len(rs) < 3 || cues[w] || names[w] {
			return false
		}
		for k := 1; k+2 <= len(rs); k++ {
			if cues[string(rs[k:])] {
				// 坚决反对, 不支持: an adverb or a negation and the cue; 受欢迎 stays a word
				pre := string(rs[:k])
				tag := token.DictTag(pre)
				return pre == "不" || pre == "未" || pre == "没" || strings.HasPrefix(tag, "d") || strings.HasPrefix(tag, "a")
			}
		}
		for k := 2; k < len(rs); k++ {
			if names[string(rs[:k])] && !names[w] {
				return true // 中国人民: the name and what follows
			}
		}
		return false
	}
	c, err := token.NewChinese(words, drop)
	if err != nil {
		return nil, fmt.Errorf("loading the Chinese dictionary: %w", err)
	}
	return c, nil
}

// RulesVersion is a short hash of the rule files in use.
func (e *Engine) RulesVersion() string { return e.rules.Version }

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

// segment runs gse over text the way the extractor does: sentence by
// sentence. It is the floor the extraction benchmark compares against.
func (e *Engine) segment(text []byte) int {
	n := 0
	s := string(text)
	for _, sp := range sentence.Split(s) {
		n += e.zh.Segments([]byte(s[sp.Start:sp.End]))
	}
	return n
}

// baseWords splits a Chinese phrase that our dictionary holds whole into two
// words of gse's base dictionary (出售武器 → 出售 武器), or returns it whole.
func baseWords(phrase string) []string {
	rs := []rune(phrase)
	for i := 2; i+2 <= len(rs); i++ {
		a, b := string(rs[:i]), string(rs[i:])
		if token.DictTag(a) == "" {
			continue
		}
		if rest := baseWords(b); token.DictTag(b) != "" || len(rest) > 1 {
			return append([]string{a}, rest...)
		}
	}
	return []string{phrase}
}

// genericHeaded splits 俄罗斯当局 into the name and a generic head noun.
func genericHeaded(w string) (string, bool) {
	for _, h := range []string{"当局", "政府", "方面", "官员", "外交部", "国防部"} {
		if name, ok := strings.CutSuffix(w, h); ok && utf8.RuneCountInString(name) >= 2 {
			return name, true
		}
	}
	return "", false
}

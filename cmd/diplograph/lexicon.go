package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/diplograph/diplograph/platform/config"
)

const lexiconUsage = `Usage: diplograph lexicon gaps [--top N] [--min N] PATH...

Extracts the documents of PATH (files, folders, feeds, as extract reads them)
and lists the objects of stances that no topic and no party of the gazetteer
maps: the stance was read, but it made no claim. The most frequent come first,
with how often each predicate took them and an example, so that the lexicon
can grow from real text (lexicon/data/topics.tsv, services/extractor/rules/topics.tsv).
Objects that only point ("thank you", "support it", 他们) or that are a
function word ("do so", "to this end") are counted, not listed: they lack a
resolved reference, not a topic.
`

func cmdLexicon(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || isHelp(args[0]) {
		fmt.Fprint(stdout, lexiconUsage)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	if args[0] != "gaps" {
		fmt.Fprintf(stderr, "diplograph lexicon: unknown subcommand %q\n\n%s", args[0], lexiconUsage)
		return errUsage
	}
	fset := newFlagSet("lexicon gaps", lexiconUsage, stderr)
	var top, least int
	_ = config.Int(fset, &top, "top", "LEXICON_GAPS_TOP", 50, "how many objects to list")
	_ = config.Int(fset, &least, "min", "LEXICON_GAPS_MIN", 2, "list only objects seen at least this often")
	if err := parseFlags(fset, args[1:], func() error { _, err := engineOptions(); return err }); err != nil {
		return err
	}
	if fset.NArg() == 0 {
		fset.Usage()
		return errUsage
	}
	engine, err := newEngine((&settings{logLevel: "warn"}).logger(stderr))
	if err != nil {
		return err
	}
	type gap struct {
		key     string
		n       int
		preds   map[string]int
		example string
		doc     string
	}
	gaps := map[string]*gap{}
	inputs := &extractInputs{stderr: stderr}
	docs, stances, refs := 0, 0, 0
	for d := range inputs.documents(fset.Args()) {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if d.err != nil {
			continue
		}
		docs++
		x := engine.Extract(d.article)
		for _, u := range x.Unmapped {
			stances++
			k := gapKey(u.Object)
			if k == "" {
				continue
			}
			if reference(k) {
				refs++ // "thank you", "support it": a word that points, no phrase the lexicon lacks
				continue
			}
			g := gaps[k]
			if g == nil {
				g = &gap{key: k, preds: map[string]int{}, example: u.Object, doc: x.Doc}
				gaps[k] = g
			}
			g.n++
			g.preds[u.Predicate]++
		}
	}
	list := make([]*gap, 0, len(gaps))
	for _, g := range gaps {
		if g.n >= least {
			list = append(list, g)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].n != list[j].n {
			return list[i].n > list[j].n
		}
		return list[i].key < list[j].key
	})
	fmt.Fprintf(stdout, "%d documents, %d stances without a known object, %d of them a pronoun or a function word (not listed), %d distinct objects (%d seen %d+ times)\n",
		docs, stances, refs, len(gaps), len(list), least)
	for i, g := range list {
		if i >= top {
			break
		}
		var ps []string
		for p, n := range g.preds {
			ps = append(ps, fmt.Sprintf("%s %d", p, n))
		}
		sort.Strings(ps)
		fmt.Fprintf(stdout, "%5d  %s  [%s]  e.g. %s: %q\n", g.n, g.key, strings.Join(ps, ", "), g.doc, g.example)
	}
	return nil
}

// gapKey normalises a stance's object to the phrase it is counted under:
// lower case, without leading determiners and possessives, up to the first
// comma, at most six words (English) or twelve characters (Chinese).
func gapKey(obj string) string {
	s := strings.TrimSpace(obj)
	if i := strings.IndexAny(s, ",，;；:：。"); i >= 0 {
		s = s[:i]
	}
	if hasHanRune(s) {
		for _, p := range []string{"对于", "对", "就", "了", "着", "一切", "任何", "所有"} {
			s = strings.TrimPrefix(s, p)
		}
		s = strings.TrimSuffix(s, "的")
		if utf8.RuneCountInString(s) > 12 {
			s = string([]rune(s)[:12])
		}
		return strings.TrimSpace(s)
	}
	words := strings.Fields(strings.ToLower(s))
	for len(words) > 0 {
		switch words[0] {
		case "the", "a", "an", "its", "their", "our", "his", "her", "this", "that", "these", "those", "all", "any", "to", "for", "of", "on", "about":
			words = words[1:]
			continue
		}
		break
	}
	if len(words) > 6 {
		words = words[:6]
	}
	return strings.Join(words, " ")
}

// reference reports a gap key that names nothing a lexicon could add: it
// opens with a pronoun ("you very much" of "thank you very much", "it",
// "them", 他们, 这样做), or is a function word, an adverb or a verb the cue
// took for its object ("and", "do so", "to this end", "continue", 说). Such
// stances lack a resolved reference or a complement, not a topic.
func reference(key string) bool {
	if hasHanRune(key) {
		for _, p := range zhPointers {
			if strings.HasPrefix(key, p) {
				return true
			}
		}
		return zhFunctionWords[key]
	}
	words := strings.Fields(key)
	if len(words) == 0 {
		return false
	}
	if enPronouns[words[0]] {
		return true
	}
	return enFunctionWords[key]
}

var (
	enPronouns = map[string]bool{"you": true, "it": true, "which": true, "them": true, "us": true, "they": true, "we": true, "he": true,
		"she": true, "him": true, "i": true, "me": true, "what": true, "who": true, "whom": true, "whose": true, "itself": true, "themselves": true}
	enFunctionWords = map[string]bool{"and": true, "but": true, "or": true, "so": true, "do": true, "do so": true, "do that": true,
		"do this": true, "be": true, "say": true, "as well": true, "too": true, "end": true, "today": true, "have": true,
		"continue": true, "stop": true, "happen": true, "act": true}
	zhPointers      = []string{"他", "她", "它", "我", "你", "这", "那", "此", "其"}
	zhFunctionWords = map[string]bool{"说": true, "下": true, "一起": true, "和": true, "与": true, "并": true}
)

func hasHanRune(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

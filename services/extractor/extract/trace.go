package extract

import (
	"fmt"
	"strings"
	"time"

	"github.com/diplograph/diplograph/schemas"
	langid "github.com/diplograph/diplograph/services/extractor/lang"
)

// Trace runs the stages over an article and describes what each found,
// sentence by sentence: tokens with parts of speech, mentions, clauses,
// reported speech and quotations, and the frames of the rules. It is for
// people writing rules: it shows where a claim was lost.
func (e *Engine) Trace(a schemas.Article) string {
	text, err := clean(a)
	if err != nil {
		return "cleaning: " + err.Error()
	}
	text = withTitle(a.Title, text)
	lang, _ := langid.Detect(text)
	var date time.Time
	if a.Published != nil {
		date = *a.Published
	}
	d := e.read(text, lang, date)
	var b strings.Builder
	for i, s := range d.sents {
		fmt.Fprintf(&b, "## sentence %d (%s) [%d:%d]\n", i, s.Lang, s.Start, s.End)
		b.WriteString("tokens:")
		for _, t := range s.Tokens {
			fmt.Fprintf(&b, " %s/%s", t.Text, t.POS)
			if s.Lang == "zh" && t.Tag != "" {
				fmt.Fprintf(&b, ":%s", t.Tag) // gse's own tag: nr, ns, nt …
			}
			if t.Lemma != "" && !strings.EqualFold(t.Lemma, t.Text) {
				fmt.Fprintf(&b, "(%s)", t.Lemma)
			}
		}
		b.WriteByte('\n')
		for k, m := range s.Mentions {
			flags := ""
			if m.Attr {
				flags += " attr"
			}
			if m.Venue {
				flags += " venue"
			}
			fmt.Fprintf(&b, "  mention %d %s %q tok %d-%d ids %v %s%s: %s\n", k, m.Kind, m.Text, m.Tok, m.TokEnd, m.IDs, m.Person+m.ID, flags, m.How)
		}
		for _, c := range s.Clauses {
			fmt.Fprintf(&b, "  clause tok %d-%d opener %q cond %v relative %v quote %d\n", c.Start, c.End, c.Opener, c.Cond, c.Relative, c.Quote)
		}
		for _, r := range s.Reports {
			fmt.Fprintf(&b, "  report %s verb %d speaker %d governs %d-%d\n", r.Class, r.Verb, r.Speaker, r.From, r.To)
		}
		for _, q := range s.Quotes {
			fmt.Fprintf(&b, "  quote %d-%d speaker %d\n", q.Start, q.End, q.Speaker)
		}
		if s.Question {
			b.WriteString("  question\n")
		}
		for j, f := range d.fs[i] {
			fmt.Fprintf(&b, "  frame %d %s (%s) cue %d-%d clause %d object %d-%d pre %d inner %d absorbed %v neg %v hyp %v cond %v conj %v report %d quote %d\n",
				j, f.Rule.ID, f.Rule.Kind, f.CueStart, f.CueEnd, f.Clause, f.ObjStart, f.ObjEnd, f.PreStart, f.Inner, f.Absorbed, f.Negated,
				f.Hypothetical, f.Cond, f.Conj, f.Report, f.Quote)
		}
	}
	return b.String()
}

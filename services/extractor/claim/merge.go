package claim

import (
	"sort"
	"strings"

	"github.com/diplograph/diplograph/schemas"
)

// key identifies a claim: predicate, actors, target, topic, when, negation.
func key(c schemas.Claim) string {
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

// Merge folds repeated statements of one claim into one claim with several
// spans; it returns the claims and, per claim, the draft it came from.
func Merge(drafts []Draft) ([]schemas.Claim, []int) {
	var out []schemas.Claim
	var idx []int
	at := map[string]int{}
	for i, dr := range drafts {
		c := dr.Claim
		k := key(c)
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
		if out[i].Speakers == nil {
			out[i].Speakers = []string{}
		}
	}
	return out, idx
}

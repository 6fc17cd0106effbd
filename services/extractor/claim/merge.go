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

// MaxSpans bounds the spans one claim keeps: a claim repeated more often
// than this is still one claim, evidenced by its first MaxSpans statements.
const MaxSpans = 32

// Merger folds repeated statements of one claim into one claim with
// several spans, draft by draft, so that a document's drafts need not be
// kept: memory grows with the distinct claims, not with the statements.
type Merger struct {
	out  []schemas.Claim
	why  []Explanation
	at   map[string]int
	seen map[place]bool
}

type place struct{ claim, start int }

// NewMerger starts an empty merge.
func NewMerger() *Merger { return &Merger{at: map[string]int{}, seen: map[place]bool{}} }

// Len is the number of distinct claims so far.
func (m *Merger) Len() int { return len(m.out) }

// Add merges one draft.
func (m *Merger) Add(dr Draft) {
	c := dr.Claim
	k := key(c)
	if j, ok := m.at[k]; ok {
		o := &m.out[j]
		if p := (place{j, c.Evidence.Start}); !m.seen[p] && len(o.Spans) < MaxSpans {
			m.seen[p] = true
			o.Spans = append(o.Spans, c.Evidence)
			o.Confidence = min(1, max(o.Confidence, c.Confidence)+0.02)
		}
		o.Speakers = uniq(append(o.Speakers, c.Speakers...))
		return
	}
	c.Spans = []schemas.Span{c.Evidence}
	m.seen[place{len(m.out), c.Evidence.Start}] = true
	m.at[k] = len(m.out)
	m.out = append(m.out, c)
	m.why = append(m.why, dr.Why)
}

// Claims returns the merged claims and, for each, the explanation of the
// draft it came from.
func (m *Merger) Claims() ([]schemas.Claim, []Explanation) {
	out := m.out
	for i := range out {
		if len(out[i].Spans) == 1 {
			out[i].Spans = nil
		}
		out[i].Confidence = float64(int(out[i].Confidence*100+0.5)) / 100
		if out[i].Speakers == nil {
			out[i].Speakers = []string{}
		}
	}
	return out, m.why
}

// Merge merges a document's drafts at once; it returns the claims and,
// per claim, the index of the draft it came from.
func Merge(drafts []Draft) ([]schemas.Claim, []int) {
	m := NewMerger()
	var idx []int
	for i, dr := range drafts {
		n := m.Len()
		m.Add(dr)
		if m.Len() > n {
			idx = append(idx, i)
		}
	}
	out, _ := m.Claims()
	return out, idx
}

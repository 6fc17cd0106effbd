package main

import (
	"fmt"
	"strings"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/extractor/extract"
)

// explanation renders a document's claims and why each was made.
type explanation struct {
	x    schemas.Extraction
	expl []extract.Explanation
}

func explainOne(e *extract.Engine, a schemas.Article) (schemas.Extraction, fmt.Stringer) {
	x, expl := e.Explain(a)
	return x, explanation{x: x, expl: expl}
}

func (ex explanation) String() string {
	var b strings.Builder
	x := ex.x
	fmt.Fprintf(&b, "# %s (%s, %s): %d entities, %d claims\n", x.Doc, x.Lang, x.Date, len(x.Entities), len(x.Claims))
	if x.Error != nil {
		fmt.Fprintf(&b, "  error %s: %s\n", x.Error.Code, x.Error.Message)
		return b.String()
	}
	why := map[int]extract.Explanation{}
	var dropped []extract.Explanation
	for _, e := range ex.expl {
		if e.Claim == -2 {
			fmt.Fprintf(&b, "  %s\n", e.Dropped)
			continue
		}
		if e.Claim < 0 {
			dropped = append(dropped, e)
			continue
		}
		why[e.Claim] = e
	}
	for i, c := range x.Claims {
		obj := []string{}
		if c.Target != nil {
			obj = append(obj, "target "+*c.Target)
		}
		if c.Topic != nil {
			obj = append(obj, "topic "+*c.Topic)
		}
		if c.When != nil {
			obj = append(obj, "when "+*c.When)
		}
		fmt.Fprintf(&b, "%2d. %s %s: %s\n", i+1, strings.Join(c.Actors, "+"), c.Predicate, strings.Join(obj, ", "))
		if len(c.Speakers) > 0 {
			fmt.Fprintf(&b, "    speakers: %s\n", strings.Join(c.Speakers, ", "))
		}
		fmt.Fprintf(&b, "    evidence [%d:%d]: %s\n", c.Evidence.Start, c.Evidence.End, c.Evidence.Text)
		if e, ok := why[i]; ok {
			fmt.Fprintf(&b, "    why: %s\n", e)
		} else {
			fmt.Fprintf(&b, "    why: rule %s, cue %q\n", c.Rule, c.Cue)
		}
	}
	for _, d := range dropped {
		fmt.Fprintf(&b, "  no claim [%d:%d]: rule %s, cue %q: %s\n", d.Start, d.End, d.Rule, d.Cue, d.Dropped)
	}
	for _, u := range x.Unmapped {
		fmt.Fprintf(&b, "  unmapped [%d:%d]: %s %s (%s): %q\n", u.Start, u.End, u.Actor, u.Predicate, u.Rule, u.Object)
	}
	return b.String()
}

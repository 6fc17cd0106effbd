package dashboard

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/diplograph/diplograph/schemas"
)

// Filter narrows the claims a page or an API call looks at. The zero Filter
// matches every claim. Every value reaches Cypher as a parameter.
type Filter struct {
	Predicate string `json:"predicate,omitempty"`
	Actor     string `json:"actor,omitempty"`
	Target    string `json:"target,omitempty"`
	Topic     string `json:"topic,omitempty"`
	// Object is what a stance is about: the claim's target, or its topic
	// when it has none (a cell of the stance matrix).
	Object string `json:"object,omitempty"`
	// From and To bound the statement's date, both included (YYYY-MM-DD).
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// Lang and Source keep claims reported by at least one article in that
	// language or from that source.
	Lang   string `json:"lang,omitempty"`
	Source string `json:"source,omitempty"`
}

// BadRequest reports a query parameter that cannot be used.
type BadRequest struct {
	Param, Reason string
}

func (e *BadRequest) Error() string { return fmt.Sprintf("parameter %s: %s", e.Param, e.Reason) }

var langPattern = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{1,8})?$`)

// ParseFilter reads a Filter from query parameters. Dates may be given as
// YYYY, YYYY-MM or YYYY-MM-DD: "from=2024&to=2024" is the year 2024.
func ParseFilter(q url.Values) (Filter, error) {
	f := Filter{
		Predicate: q.Get("predicate"), Actor: q.Get("actor"), Target: q.Get("target"), Topic: q.Get("topic"),
		Object: q.Get("object"), Lang: q.Get("lang"), Source: q.Get("source"),
	}
	if f.Predicate != "" && !slices.Contains(schemas.Predicates, f.Predicate) {
		return f, &BadRequest{"predicate", "want one of " + strings.Join(schemas.Predicates, ", ")}
	}
	for _, p := range []struct{ name, v string }{{"actor", f.Actor}, {"target", f.Target}, {"topic", f.Topic}, {"object", f.Object}, {"source", f.Source}} {
		if err := checkID(p.name, p.v); err != nil {
			return f, err
		}
	}
	if f.Lang != "" && !langPattern.MatchString(f.Lang) {
		return f, &BadRequest{"lang", "want a language code such as en or zh"}
	}
	var err error
	if f.From, err = parseDay("from", q.Get("from"), false); err != nil {
		return f, err
	}
	if f.To, err = parseDay("to", q.Get("to"), true); err != nil {
		return f, err
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return f, &BadRequest{"to", "before from"}
	}
	return f, nil
}

// checkID accepts the ids of the graph: printable, without spaces, short.
func checkID(name, v string) error {
	if len(v) > 200 {
		return &BadRequest{name, "longer than 200 bytes"}
	}
	for _, r := range v {
		if !unicode.IsPrint(r) || unicode.IsSpace(r) {
			return &BadRequest{name, "not an id"}
		}
	}
	return nil
}

// parseDay reads YYYY, YYYY-MM or YYYY-MM-DD as the first day of the
// period, or its last when end is set.
func parseDay(name, v string, end bool) (string, error) {
	if v == "" {
		return "", nil
	}
	for _, layout := range []struct {
		layout string
		span   func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, -1) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, -1) }},
	} {
		t, err := time.Parse(layout.layout, v)
		if err != nil {
			continue
		}
		if end {
			t = layout.span(t)
		}
		return t.Format(time.DateOnly), nil
	}
	return "", &BadRequest{name, "want a date YYYY-MM-DD, a month YYYY-MM or a year YYYY"}
}

// Values renders the filter as query parameters, for links.
func (f Filter) Values() url.Values {
	q := url.Values{}
	for k, v := range map[string]string{"predicate": f.Predicate, "actor": f.Actor, "target": f.Target, "topic": f.Topic,
		"object": f.Object, "from": f.From, "to": f.To, "lang": f.Lang, "source": f.Source} {
		if v != "" {
			q.Set(k, v)
		}
	}
	return q
}

// dated reports whether the filter bounds the date, so that only dated
// claims can match.
func (f Filter) dated() bool { return f.From != "" || f.To != "" }

// where returns the conditions on the claim c that the filter sets, and
// their parameters: those on its date apart from the others, so that a
// query can walk the date index first. The texts are fixed; values are
// parameters.
func (f Filter) where() (dates, others []string, params map[string]any) {
	params = map[string]any{}
	add := func(to *[]string, cond, name string, v any) {
		*to = append(*to, cond)
		params[name] = v
	}
	if f.From != "" {
		add(&dates, "c.date >= date($from)", "from", f.From)
	}
	if f.To != "" {
		add(&dates, "c.date <= date($to)", "to", f.To)
	}
	if f.Predicate != "" {
		add(&others, "c.predicate = $predicate", "predicate", f.Predicate)
	}
	if f.Actor != "" {
		add(&others, "$actor IN c.actors", "actor", f.Actor)
	}
	if f.Target != "" {
		add(&others, "c.target = $target", "target", f.Target)
	}
	if f.Topic != "" {
		add(&others, "c.topic = $topic", "topic", f.Topic)
	}
	if f.Object != "" {
		add(&others, "coalesce(c.target, c.topic) = $object", "object", f.Object)
	}
	if f.Lang != "" {
		add(&others, "EXISTS { (c)-[:EVIDENCED_BY]->(:Article {lang: $lang}) }", "lang", f.Lang)
	}
	if f.Source != "" {
		add(&others, "EXISTS { (c)-[:EVIDENCED_BY]->(:Article {source: $source}) }", "source", f.Source)
	}
	return dates, others, params
}

// anchor is the MATCH that finds the claims of the filter's most specific
// node: those an entity holds, aims at or is about, or a source reported;
// each is a small share of all claims. Without one, every claim.
func (f Filter) anchor() (match string, distinct bool) {
	switch {
	case f.Actor != "":
		return "MATCH (:Entity {id: $actor})-[:HOLDS]->(c:Claim)", false
	case f.Target != "":
		return "MATCH (c:Claim)-[:TARGETS]->(:Entity {id: $target})", false
	case f.Topic != "":
		return "MATCH (c:Claim)-[:ABOUT]->(:Entity {id: $topic})", false
	case f.Object != "":
		return "MATCH (c:Claim)-[:TARGETS|ABOUT]->(:Entity {id: $object})", true
	case f.Source != "":
		return "MATCH (:Source {id: $source})<-[:PUBLISHED_BY]-(:Article)<-[:EVIDENCED_BY]-(c:Claim)", true
	}
	return "MATCH (c:Claim)", false
}

// match is the anchored MATCH with every condition.
func (f Filter) match(conds []string) string {
	m, distinct := f.anchor()
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, "\n  AND ")
	}
	if distinct {
		return m + "\nWITH DISTINCT c" + where
	}
	return m + where
}

// cursor is where a page of claims ends: claims are listed by date, newest
// first, then by id; claims without a date come last, by id.
type cursor struct {
	Dated bool
	Date  string
	ID    string
}

func (c cursor) String() string {
	s := "n|" + c.ID
	if c.Dated {
		s = "d|" + c.Date + "|" + c.ID
	}
	return base64.RawURLEncoding.EncodeToString([]byte(s))
}

func parseCursor(v string) (*cursor, error) {
	if v == "" {
		return nil, nil
	}
	bad := &BadRequest{"cursor", "not a cursor this API gave"}
	b, err := base64.RawURLEncoding.DecodeString(v)
	if err != nil {
		return nil, bad
	}
	parts := strings.Split(string(b), "|")
	switch {
	case len(parts) == 3 && parts[0] == "d":
		if _, err := time.Parse(time.DateOnly, parts[1]); err != nil {
			return nil, bad
		}
		return &cursor{Dated: true, Date: parts[1], ID: parts[2]}, nil
	case len(parts) == 2 && parts[0] == "n":
		return &cursor{ID: parts[1]}, nil
	}
	return nil, bad
}

// intParam reads a bounded integer parameter with a default.
func intParam(q url.Values, name string, def, lo, hi int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, &BadRequest{name, fmt.Sprintf("want a number from %d to %d", lo, hi)}
	}
	return n, nil
}

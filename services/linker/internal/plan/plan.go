// Package plan turns a batch of extractions into the rows the linker writes
// to the graph: canonical ids, persons resolved against the gazetteer's dated
// roles, one claim per (actors, predicate, target, topic, statement date)
// however many reports state it, and every row list sorted by key so that
// concurrent writers take their locks in the same order.
//
// It is pure: it imports neither NATS nor Neo4j.
package plan

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/diplograph/diplograph/schemas"
)

// Node labels. Labels cannot be Cypher parameters, so every statement that
// names one takes it from this fixed set.
const (
	Country      = "Country"
	Organization = "Organization"
	Person       = "Person"
	Place        = "Place"
	Topic        = "Topic"
)

// EntityLabels lists the labels of entity nodes, in the order they are written.
var EntityLabels = []string{Country, Organization, Person, Place, Topic}

var (
	reDate = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
	reWhen = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)
	reSlug = regexp.MustCompile(`[^a-z0-9]+`)
)

// LabelOf returns the node label of an entity id: ISO alpha-3 codes are
// countries, and the prefixes org:, person:, place: and topic: name the rest.
func LabelOf(id string) (string, bool) {
	switch {
	case isCountryCode(id):
		return Country, true
	case strings.HasPrefix(id, "org:") && len(id) > 4:
		return Organization, true
	case strings.HasPrefix(id, "person:") && len(id) > 7:
		return Person, true
	case strings.HasPrefix(id, "place:") && len(id) > 6:
		return Place, true
	case strings.HasPrefix(id, "topic:") && len(id) > 6:
		return Topic, true
	}
	return "", false
}

// isCountryCode reports whether id is three capital letters A–Z.
func isCountryCode(id string) bool {
	return len(id) == 3 && 'A' <= id[0] && id[0] <= 'Z' && 'A' <= id[1] && id[1] <= 'Z' && 'A' <= id[2] && id[2] <= 'Z'
}

// ClaimID derives a claim's id from what identifies a statement: its actors
// (in any order), predicate, target, topic and date. Two reports of the same
// statement, in any language, get the same id.
func ClaimID(actors []string, predicate string, target, topic *string, date string) string {
	as := slices.Clone(actors)
	sort.Strings(as)
	as = slices.Compact(as)
	opt := func(p *string) string {
		if p == nil {
			return "\x00"
		}
		return *p
	}
	canon := strings.Join([]string{strings.Join(as, ","), predicate, opt(target), opt(topic), date}, "|")
	sum := sha256.Sum256([]byte(canon))
	return "claim:" + hex.EncodeToString(sum[:16])
}

// ArticleID is the id of the article an extraction reports on.
func ArticleID(x *schemas.Extraction) string {
	if x.ArticleID != "" {
		return x.ArticleID
	}
	return x.Doc
}

// StatementDate is the date of the statements in an extraction: the date the
// extractor gives, else the publication day (in the publisher's own offset),
// else "".
func StatementDate(x *schemas.Extraction) string {
	if reDate.MatchString(x.Date) {
		return x.Date
	}
	if x.Published != nil && !x.Published.IsZero() {
		return x.Published.Format(time.DateOnly)
	}
	return ""
}

// writeRules names how extractions become graph rows. It enters every
// content hash, so that a change to it makes the linker write every
// article again on the next reprocess instead of taking them for
// unchanged.
const writeRules = "diplograph-link-3"

// ContentHash is the hash of what an extraction says about its article:
// every field but the extractor and rules versions, which record who said
// it. Two extractions with the same hash write the same graph, but for
// those version stamps.
func ContentHash(x *schemas.Extraction) string {
	y := *x
	y.ExtractorVersion, y.RulesVersion = "", ""
	b, err := json.Marshal(y)
	if err != nil { // unreachable: an Extraction always marshals
		return ""
	}
	sum := sha256.Sum256(append([]byte(writeRules+"\x00"), b...))
	return hex.EncodeToString(sum[:16])
}

// ErrInvalid marks an extraction that can never be written.
var ErrInvalid = errors.New("invalid extraction")

// Validate checks what the linker relies on beyond the JSON shape.
func Validate(x *schemas.Extraction) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
	}
	if x.Schema != schemas.ExtractionV1 {
		return bad("schema %q, want %q", x.Schema, schemas.ExtractionV1)
	}
	if ArticleID(x) == "" {
		return bad("no doc or article_id")
	}
	if x.Date != "" && !reDate.MatchString(x.Date) {
		return bad("date %q is not YYYY-MM-DD", x.Date)
	}
	if x.Error != nil {
		return nil
	}
	for i, c := range x.Claims {
		if !slices.Contains(schemas.Predicates, c.Predicate) {
			return bad("claim %d: unknown predicate %q", i, c.Predicate)
		}
		if len(c.Actors) == 0 {
			return bad("claim %d: no actors", i)
		}
		for _, a := range c.Actors {
			if l, ok := LabelOf(a); !ok || (l != Country && l != Organization) {
				return bad("claim %d: actor %q is not a country or organisation id", i, a)
			}
		}
		if c.Target == nil && c.Topic == nil {
			return bad("claim %d: neither target nor topic", i)
		}
		if c.Target != nil {
			if _, ok := LabelOf(*c.Target); !ok {
				return bad("claim %d: target %q is not an entity id", i, *c.Target)
			}
		}
		if c.Topic != nil {
			if l, ok := LabelOf(*c.Topic); !ok || l != Topic {
				return bad("claim %d: topic %q is not a topic: id", i, *c.Topic)
			}
		}
		if c.When != nil && !reWhen.MatchString(*c.When) {
			return bad("claim %d: when %q is not YYYY, YYYY-MM or YYYY-MM-DD", i, *c.When)
		}
		if c.Confidence < 0 || c.Confidence > 1 {
			return bad("claim %d: confidence %v outside [0,1]", i, c.Confidence)
		}
		if c.Rule == "" {
			return bad("claim %d: no rule", i)
		}
	}
	return nil
}

// Role is a person's office between two dates (zero: open).
type Role struct {
	Key, Of  string
	From, To time.Time
}

// Gazetteer is what the linker asks of the gazetteer.
type Gazetteer interface {
	// Label returns the display name of a known entity.
	Label(id string) (string, bool)
	// Names returns every known surface form of an entity.
	Names(id string) []string
	// HoldersOf returns the ids of the people who held role key of of on day.
	HoldersOf(key, of string, day time.Time) []string
	// RolesOn returns the roles person held on day.
	RolesOn(person string, day time.Time) []Role
}

// Node is an entity node to merge.
type Node struct {
	ID      string
	Label   string
	Name    string   // the gazetteer's display name, or ""
	Names   []string // surface forms seen in texts, sorted
	Country string   // for persons: the state they serve, when known
	Role    string   // for persons the gazetteer lacks: the role seen
	// Inferred marks a person the gazetteer lacks, created from a text.
	Inferred bool
}

// Article is an article node: its properties as the latest extraction says.
type Article struct {
	ID               string
	Doc              string
	Source           string
	URL              string
	Title            string
	Lang             string
	Published        *time.Time
	Date             string
	ExtractorVersion string
	RulesVersion     string
	ErrorCode        string
	ErrorMessage     string
	Claims           []string // ids of the claims it evidences, sorted
	Mentions         []string // ids of the entities it mentions, sorted
	// Forms is what the article says of each entity it mentions, in the
	// order of Mentions: the graph derives an entity's names (and an
	// inferred person's country, role and offices) from these, so that a
	// re-extraction can take back what an earlier one said.
	Forms []Form
	// Hash is the content hash of the extraction (ContentHash).
	Hash string
}

// Form is one article's contribution to an entity it mentions.
type Form struct {
	ID      string
	Names   []string // surface forms, sorted
	Country string   // for a person the gazetteer lacks: the least country seen
	Role    string   // likewise, the least role seen
	// Serves lists, for a person the gazetteer lacks, the offices the
	// article shows them in, as ServesKey(role, of), sorted.
	Serves []string
}

// ServesKey names an office (a role in a state or organisation) in Form.Serves.
func ServesKey(role, of string) string { return role + "|" + of }

// Claim is a claim node's identifying properties; the rest (text,
// confidence, corroboration, first and last seen) is derived in the graph
// from its evidence so that it does not depend on arrival order.
type Claim struct {
	ID        string
	Predicate string
	Actors    []string
	Target    *string
	Topic     *string
	Date      string
	// Object is what the claim's stance is about: the target, or the topic
	// when there is no target.
	Object string
}

// Evidence is one article's report of a claim.
type Evidence struct {
	Claim, Article string
	Sentence       string
	Start, End     int
	// Context is the whole sentence the evidence stands in, starting at
	// byte ContextStart of the document, when the extractor gave it.
	Context          string
	ContextStart     int
	Spans            int
	Rule             string
	RulesVersion     string
	ExtractorVersion string
	Confidence       float64
	When             *string
	// Speakers are the persons the article names as stating the claim,
	// resolved, sorted: a claim's STATED relationships are the union of
	// its evidence's speakers.
	Speakers []string
}

// Edge is a relationship between two ids.
type Edge struct{ From, To string }

// ServesAs is a person's role in a state or organisation.
type ServesAs struct {
	Person, Of, Role string
	From, To         *time.Time // the gazetteer's term; nil when open or unknown
	Seen             string     // for inferred roles: the statement date it was seen on
}

// Plan is everything one batch writes, each list sorted by key.
type Plan struct {
	Sources  []string
	Nodes    []Node
	Articles []Article
	Claims   []Claim
	Evidence []Evidence
	Stated   []Edge // person → claim
	ServesAs []ServesAs
	// Skipped counts claims left out: negated ones, which state no stance.
	Skipped int
}

// Build plans the writes of a batch. Extractions must have passed Validate.
// When the batch holds several extractions of one article, the last wins,
// as it would had they come in separate batches.
func Build(xs []schemas.Extraction, gaz Gazetteer) Plan {
	b := builder{
		gaz:      gaz,
		nodes:    map[string]*Node{},
		claims:   map[string]*Claim{},
		evidence: map[[2]string]*Evidence{},
		sets:     map[string]map[Edge]bool{},
		serves:   map[string]ServesAs{},
		sources:  map[string]bool{},
	}
	last := map[string]int{}
	for i := range xs {
		last[ArticleID(&xs[i])] = i
	}
	var arts []Article
	for i := range xs {
		if last[ArticleID(&xs[i])] != i {
			continue
		}
		arts = append(arts, b.article(&xs[i]))
	}
	slices.SortFunc(arts, func(a, b Article) int { return strings.Compare(a.ID, b.ID) })
	p := Plan{Articles: arts, Skipped: b.skipped}
	for s := range b.sources {
		p.Sources = append(p.Sources, s)
	}
	sort.Strings(p.Sources)
	for _, n := range b.nodes {
		sort.Strings(n.Names)
		n.Names = slices.Compact(n.Names)
		p.Nodes = append(p.Nodes, *n)
	}
	slices.SortFunc(p.Nodes, func(a, b Node) int { return strings.Compare(a.ID, b.ID) })
	for _, c := range b.claims {
		p.Claims = append(p.Claims, *c)
	}
	slices.SortFunc(p.Claims, func(a, b Claim) int { return strings.Compare(a.ID, b.ID) })
	for _, e := range b.evidence {
		p.Evidence = append(p.Evidence, *e)
	}
	slices.SortFunc(p.Evidence, func(a, b Evidence) int {
		if c := strings.Compare(a.Claim, b.Claim); c != 0 {
			return c
		}
		return strings.Compare(a.Article, b.Article)
	})
	for _, s := range b.serves {
		p.ServesAs = append(p.ServesAs, s)
	}
	sort.Slice(p.ServesAs, func(i, j int) bool {
		a, c := p.ServesAs[i], p.ServesAs[j]
		return a.Person+"\x00"+a.Of+"\x00"+a.Role+"\x00"+a.Seen < c.Person+"\x00"+c.Of+"\x00"+c.Role+"\x00"+c.Seen
	})
	p.Stated = b.edges("stated")
	return p
}

type builder struct {
	gaz      Gazetteer
	nodes    map[string]*Node
	claims   map[string]*Claim
	evidence map[[2]string]*Evidence
	sets     map[string]map[Edge]bool
	serves   map[string]ServesAs
	sources  map[string]bool
	skipped  int
}

func (b *builder) edge(kind, from, to string) {
	m := b.sets[kind]
	if m == nil {
		m = map[Edge]bool{}
		b.sets[kind] = m
	}
	m[Edge{from, to}] = true
}

func (b *builder) edges(kind string) []Edge {
	var out []Edge
	for e := range b.sets[kind] {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].From < out[j].From || out[i].From == out[j].From && out[i].To < out[j].To
	})
	return out
}

// node records an entity node and returns its label, or false when the id
// names no entity the graph holds.
func (b *builder) node(id, name string) (*Node, bool) {
	label, ok := LabelOf(id)
	if !ok {
		return nil, false
	}
	n := b.nodes[id]
	if n == nil {
		n = &Node{ID: id, Label: label}
		if b.gaz != nil {
			n.Name, _ = b.gaz.Label(id)
		}
		b.nodes[id] = n
	}
	if name = strings.TrimSpace(name); name != "" && name != id {
		n.Names = append(n.Names, name)
	}
	return n, true
}

func (b *builder) article(x *schemas.Extraction) Article {
	date := StatementDate(x)
	a := Article{
		ID: ArticleID(x), Doc: x.Doc, Source: x.Source, URL: x.URL, Title: x.Title, Lang: x.Lang,
		Published: x.Published, Date: date, ExtractorVersion: x.ExtractorVersion, RulesVersion: x.RulesVersion,
		Claims: []string{}, Mentions: []string{}, Forms: []Form{}, Hash: ContentHash(x),
	}
	if x.Source != "" {
		b.sources[x.Source] = true
	}
	if x.Error != nil {
		a.ErrorCode, a.ErrorMessage = x.Error.Code, x.Error.Message
		return a
	}
	day, _ := time.Parse(time.DateOnly, date)
	persons := map[string]string{} // the extractor's person id → resolved id
	forms := map[string]*Form{}
	for _, e := range x.Entities {
		e.Name = separatorsOut(e.Name)
		id := e.ID
		person := e.Type == "person" || strings.HasPrefix(id, "person:")
		if person {
			id = b.person(e, day, date)
			if e.ID != "" {
				persons[e.ID] = id
			}
		}
		n, ok := b.node(id, e.Name)
		if !ok {
			continue
		}
		f := forms[id]
		if f == nil {
			f = &Form{ID: id, Names: []string{}, Serves: []string{}}
			forms[id] = f
		}
		if name := strings.TrimSpace(e.Name); name != "" && name != id {
			f.Names = append(f.Names, name)
		}
		if person && n.Name == "" {
			f.Country, f.Role = least(f.Country, e.Country), least(f.Role, e.Role)
			if e.Role != "" && e.Country != "" && date != "" {
				f.Serves = append(f.Serves, ServesKey(e.Role, e.Country))
			}
		}
	}
	claims := map[string]bool{}
	for _, c := range x.Claims {
		if c.Negated {
			b.skipped++
			continue
		}
		id := ClaimID(c.Actors, c.Predicate, c.Target, c.Topic, date)
		claims[id] = true
		object := ""
		if c.Topic != nil {
			object = *c.Topic
			b.node(object, "")
		}
		if c.Target != nil {
			object = *c.Target
			b.node(object, "")
		}
		if _, ok := b.claims[id]; !ok {
			actors := slices.Clone(c.Actors)
			sort.Strings(actors)
			b.claims[id] = &Claim{ID: id, Predicate: c.Predicate, Actors: slices.Compact(actors), Target: c.Target, Topic: c.Topic, Date: date, Object: object}
		}
		for _, actor := range c.Actors {
			b.node(actor, "")
		}
		var speakers []string
		for _, s := range c.Speakers {
			pid, ok := persons[s]
			if !ok {
				if l, _ := LabelOf(s); l != Person {
					continue // a reference to no entity of the text
				}
				pid = b.person(schemas.Entity{ID: s, Type: "person"}, day, date)
			}
			if _, ok := b.node(pid, ""); ok {
				b.edge("stated", pid, id)
				speakers = append(speakers, pid)
			}
		}
		b.addEvidence(x, id, a.ID, c, speakers)
	}
	for id := range claims {
		a.Claims = append(a.Claims, id)
	}
	for id := range forms {
		a.Mentions = append(a.Mentions, id)
	}
	sort.Strings(a.Claims)
	sort.Strings(a.Mentions)
	a.Forms = make([]Form, len(a.Mentions))
	for i, id := range a.Mentions {
		f := forms[id]
		f.Names, f.Serves = sortedSet(f.Names), sortedSet(f.Serves)
		a.Forms[i] = *f
	}
	return a
}

// separatorsOut replaces the ASCII unit and record separators, which the
// linker uses to join what an article says of an entity, by spaces: no
// name of a text holds them.
func separatorsOut(s string) string {
	return strings.Map(func(r rune) rune {
		if r == 0x1e || r == 0x1f {
			return ' '
		}
		return r
	}, s)
}

// least returns the lesser of two strings, an empty one counting as none.
func least(a, b string) string {
	if a == "" || (b != "" && b < a) {
		return b
	}
	return a
}

func sortedSet(ss []string) []string {
	sort.Strings(ss)
	return slices.Compact(ss)
}

// addEvidence records one article's report of a claim. A text that states
// the same claim twice gives one piece of evidence: the earliest span, with
// the speakers of both.
func (b *builder) addEvidence(x *schemas.Extraction, claim, article string, c schemas.Claim, speakers []string) {
	key := [2]string{claim, article}
	spans := max(1, len(c.Spans))
	e := b.evidence[key]
	if e == nil || c.Evidence.Start < e.Start {
		prev := e
		e = &Evidence{
			Claim: claim, Article: article, Sentence: c.Evidence.Text, Start: c.Evidence.Start, End: c.Evidence.End,
			Spans: spans, Rule: c.Rule, RulesVersion: x.RulesVersion, ExtractorVersion: x.ExtractorVersion,
			Confidence: c.Confidence, When: c.When, Speakers: sortedSet(slices.Clone(speakers)),
		}
		e.Context, e.ContextStart = context(c)
		if prev != nil {
			e.Spans += prev.Spans
			e.Confidence = max(e.Confidence, prev.Confidence)
			if e.When == nil {
				e.When = prev.When
			}
			e.Speakers = sortedSet(append(e.Speakers, prev.Speakers...))
		}
		b.evidence[key] = e
		return
	}
	e.Spans += spans
	e.Confidence = max(e.Confidence, c.Confidence)
	if e.When == nil {
		e.When = c.When
	}
	e.Speakers = sortedSet(append(e.Speakers, speakers...))
}

// person resolves a person mention to an id: the gazetteer's person when it
// knows the id, or when the role and country name one holder on the day;
// otherwise a person created from the text, keyed by name and country, so
// that the next mention merges with it.
func (b *builder) person(e schemas.Entity, day time.Time, date string) string {
	if b.gaz != nil {
		if _, ok := b.gaz.Label(e.ID); ok && strings.HasPrefix(e.ID, "person:") {
			b.knownRoles(e.ID, day)
			return e.ID
		}
		if e.Role != "" && e.Country != "" && !day.IsZero() {
			if id := b.holder(e, day); id != "" {
				b.knownRoles(id, day)
				return id
			}
		}
	}
	id := e.ID
	if !strings.HasPrefix(id, "person:") || len(id) <= len("person:") {
		id = inferredPersonID(e, day)
	}
	n, _ := b.node(id, e.Name)
	if n.Name == "" {
		n.Inferred = true
		if e.Country != "" && (n.Country == "" || e.Country < n.Country) {
			n.Country = e.Country
		}
		if e.Role != "" && (n.Role == "" || e.Role < n.Role) {
			n.Role = e.Role
		}
		if e.Role != "" && e.Country != "" && date != "" {
			s := ServesAs{Person: id, Of: e.Country, Role: e.Role, Seen: date}
			b.serves[s.Person+"\x00"+s.Of+"\x00"+s.Role+"\x00"+date] = s
		}
	}
	return id
}

func (b *builder) holder(e schemas.Entity, day time.Time) string {
	ids := b.gaz.HoldersOf(e.Role, e.Country, day)
	if len(ids) == 0 {
		return ""
	}
	if name := strings.TrimSpace(e.Name); name != "" && len(ids) > 1 {
		for _, id := range ids {
			if slices.Contains(b.gaz.Names(id), name) {
				return id
			}
		}
	}
	return ids[0]
}

func (b *builder) knownRoles(person string, day time.Time) {
	if day.IsZero() {
		return
	}
	for _, r := range b.gaz.RolesOn(person, day) {
		if _, ok := LabelOf(r.Of); !ok {
			continue
		}
		s := ServesAs{Person: person, Of: r.Of, Role: r.Key}
		if !r.From.IsZero() {
			f := r.From
			s.From = &f
		}
		if !r.To.IsZero() {
			t := r.To
			s.To = &t
		}
		b.serves[s.Person+"\x00"+s.Of+"\x00"+s.Role] = s
		b.node(r.Of, "")
	}
}

// inferredPersonID names a person the gazetteer lacks: a slug of the name
// where it has Latin letters, else a hash of name and country; a mention by
// title alone ("the foreign minister") is keyed by role, country and year.
func inferredPersonID(e schemas.Entity, day time.Time) string {
	name := strings.TrimSpace(e.Name)
	if name != "" {
		if slug := strings.Trim(reSlug.ReplaceAllString(strings.ToLower(name), "-"), "-"); len(slug) >= 3 && isASCII(name) {
			return "person:" + slug
		}
		sum := sha256.Sum256([]byte(name + "|" + e.Country))
		return "person:x-" + hex.EncodeToString(sum[:6])
	}
	key := e.Role + "|" + e.Country
	if !day.IsZero() {
		key += "|" + fmt.Sprint(day.Year())
	}
	sum := sha256.Sum256([]byte(key))
	return "person:x-" + hex.EncodeToString(sum[:6])
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// context returns the sentence of a claim's evidence and where it starts,
// or "" when the extraction gives none or one that does not hold the
// evidence where its offsets say.
func context(c schemas.Claim) (string, int) {
	st, ev := c.Sentence, c.Evidence
	if st == nil || ev.Start > ev.End || st.Start > ev.Start || st.End < ev.End || st.End-st.Start != len(st.Text) ||
		st.Text[ev.Start-st.Start:ev.End-st.Start] != ev.Text {
		return "", 0
	}
	return st.Text, st.Start
}

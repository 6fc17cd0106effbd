// Package schemas holds diplograph's message contracts: the Go types of the
// events that travel on NATS JetStream, the JSON Schema files that describe
// them (embedded, see Files), and the subject and stream names.
//
// Every event carries a "schema" field naming its versioned type, such as
// diplograph.article.v1; a breaking change gets a new version, never an edit.
package schemas

import "time"

// Versioned type names, carried in each event's Schema field and in the
// ce-type header.
const (
	ArticleV1    = "diplograph.article.v1"
	ExtractionV1 = "diplograph.extraction.v1"
	ClaimV1      = "diplograph.claim.v1"
	DeadLetterV1 = "diplograph.deadletter.v1"
)

// Article formats: how Body is to be read.
const (
	FormatText = "text"
	FormatHTML = "html"
)

// Article is one fetched document: an item of a feed, a page, or a file.
// Body holds the item's content as fetched (plain text or HTML); the extractor
// cleans it. ID is content-derived and stable across re-fetches.
type Article struct {
	Schema      string     `json:"schema"`
	ID          string     `json:"id"`
	Name        string     `json:"name,omitempty"`
	Source      string     `json:"source"`
	URL         string     `json:"url,omitempty"`
	Title       string     `json:"title,omitempty"`
	Published   *time.Time `json:"published,omitempty"`
	Fetched     time.Time  `json:"fetched"`
	Format      string     `json:"format"`
	Lang        string     `json:"lang,omitempty"`
	Body        string     `json:"body"`
	ContentHash string     `json:"content_hash"`
	Version     int        `json:"version,omitempty"`
	Replaces    string     `json:"replaces,omitempty"`
}

// Entity is an actor, person, organisation, place or topic found in a text.
type Entity struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Name    string `json:"name"`
	Country string `json:"country,omitempty"`
	Role    string `json:"role,omitempty"`
}

// Span is a piece of evidence: the text as it stands in the cleaned document
// and its byte offsets there.
type Span struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Claim is one position or commitment held by one or more actors, as defined
// by the annotation guidelines. Evidence is the first span that states it;
// Spans lists every span (Evidence included) when the text states it more
// than once.
type Claim struct {
	Predicate  string   `json:"predicate"`
	Actors     []string `json:"actors"`
	Speakers   []string `json:"speakers"`
	Target     *string  `json:"target"`
	Topic      *string  `json:"topic"`
	When       *string  `json:"when"`
	Evidence   Span     `json:"evidence"`
	Spans      []Span   `json:"spans,omitempty"`
	Confidence float64  `json:"confidence"`
	Rule       string   `json:"rule"`
	Cue        string   `json:"cue,omitempty"`
	Negated    bool     `json:"negated,omitempty"`
	Intensity  string   `json:"intensity,omitempty"`
	Modality   string   `json:"modality,omitempty"`

	// Sentence, when the extractor gives it, is the whole sentence
	// Evidence stands in, so that a reader sees the span in its context.
	Sentence *Span `json:"sentence,omitempty"`
}

// DocError reports why a document yielded no extraction (unsupported
// language, empty text, binary junk); it is permanent for that input.
type DocError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Extraction is the extractor's output for one document: the output contract
// of the guidelines plus the article's provenance. Date (YYYY-MM-DD) is the
// statement's date: the publication date, or the date the text itself gives.
type Extraction struct {
	Schema           string     `json:"schema"`
	Doc              string     `json:"doc"`
	ArticleID        string     `json:"article_id,omitempty"`
	Source           string     `json:"source,omitempty"`
	URL              string     `json:"url,omitempty"`
	Title            string     `json:"title,omitempty"`
	Published        *time.Time `json:"published,omitempty"`
	Date             string     `json:"date,omitempty"`
	Lang             string     `json:"lang"`
	ExtractorVersion string     `json:"extractor_version"`
	RulesVersion     string     `json:"rules_version"`
	Entities         []Entity   `json:"entities"`
	Claims           []Claim    `json:"claims"`
	// Unmapped are stances whose object names no known topic or party: not
	// claims, kept so that the lexicon can grow from real text.
	Unmapped []Unmapped `json:"unmapped,omitempty"`
	// Denied are stances the text says are not held ("does not support",
	// 并不反对), each marked negated: the guidelines count them as no claim
	// of either stance, so they are kept apart from Claims, with their
	// evidence, for readers.
	Denied []Claim   `json:"denied,omitempty"`
	Error  *DocError `json:"error,omitempty"`
}

// Unmapped is a stance the extractor read but could not map: its predicate,
// rule, holder and the words of its object, with the offsets of the cue and
// object in the clean text.
type Unmapped struct {
	Predicate string `json:"predicate"`
	Rule      string `json:"rule"`
	Actor     string `json:"actor,omitempty"`
	Object    string `json:"object"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
}

// Evidence is one report of a claim in one article, as carried by a claim event.
type Evidence struct {
	ArticleID string `json:"article_id"`
	URL       string `json:"url,omitempty"`
	Text      string `json:"text"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Rule      string `json:"rule"`
}

// ClaimEvent is published by the linker after a claim is committed to the
// graph, once per actor, on diplo.claims.<predicate>.<actor>.
type ClaimEvent struct {
	Schema        string     `json:"schema"`
	ID            string     `json:"id"`
	Predicate     string     `json:"predicate"`
	Actor         string     `json:"actor"`
	Actors        []string   `json:"actors"`
	Speakers      []string   `json:"speakers"`
	Target        *string    `json:"target"`
	Topic         *string    `json:"topic"`
	When          *string    `json:"when"`
	Date          string     `json:"date"`
	Confidence    float64    `json:"confidence"`
	Evidence      []Evidence `json:"evidence"`
	Corroboration int        `json:"corroboration"`
}

// DeadLetter records a message that a stage gave up on, with the reason and
// the original payload, on diplo.dlq.<service>.
type DeadLetter struct {
	Schema     string    `json:"schema"`
	Service    string    `json:"service"`
	Subject    string    `json:"subject"`
	MsgID      string    `json:"msg_id,omitempty"`
	Reason     string    `json:"reason"`
	Error      string    `json:"error"`
	Deliveries int       `json:"deliveries"`
	Time       time.Time `json:"time"`
	Payload    []byte    `json:"payload"`
}

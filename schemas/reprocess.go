package schemas

import "time"

// Versioned type names of the archive and reprocessing events.
const (
	// ClaimRetractedV1 is published when a claim loses its last evidence.
	ClaimRetractedV1 = "diplograph.claim.retracted.v1"
	// ReprocessV1 is one article of a reprocess request, for an extractor.
	ReprocessV1 = "diplograph.reprocess.v1"
)

// Stream names and subject prefixes of the article archive and of
// reprocess requests.
const (
	StreamArchive   = "ARCHIVE"
	StreamReprocess = "REPROCESS"

	SubjectArchive   = "diplo.archive"
	SubjectReprocess = "diplo.reprocess"
)

// RetractedNoEvidence is the reason of a retraction whose claim no
// extraction states any more.
const RetractedNoEvidence = "no_evidence"

// ClaimRetraction is published by the linker when a claim has lost its
// last evidence and left the graph: once per actor, on the subject its
// claim events went to (diplo.claims.<predicate>.<actor>), so that a
// subscriber can undo what it did on the claim. It names the article whose
// new extraction no longer stated the claim and that extraction's rules.
type ClaimRetraction struct {
	Schema           string    `json:"schema"`
	ID               string    `json:"id"`
	Predicate        string    `json:"predicate"`
	Actor            string    `json:"actor"`
	Actors           []string  `json:"actors"`
	Target           *string   `json:"target"`
	Topic            *string   `json:"topic"`
	Date             string    `json:"date"`
	Reason           string    `json:"reason"`
	RulesVersion     string    `json:"rules_version"`
	ExtractorVersion string    `json:"extractor_version"`
	ArticleID        string    `json:"article_id"`
	Time             time.Time `json:"time"`
}

// ReprocessItem asks an extractor to extract one archived article again
// with its current rules, for the reprocess request Request. Subject is the
// article's subject in the archive.
type ReprocessItem struct {
	Schema    string    `json:"schema"`
	Request   string    `json:"request"`
	ArticleID string    `json:"article_id"`
	Subject   string    `json:"subject"`
	Requested time.Time `json:"requested"`
}

// ArchiveSubject is the subject an article is archived on: one subject per
// source and article, so that the archive keeps one copy of each article
// and reads it back by id (diplo.archive.*.<id>) or by source
// (diplo.archive.<source>.>).
func ArchiveSubject(source, id string) string {
	return SubjectArchive + "." + Token(source) + "." + Token(id)
}

// ReprocessSubject is the subject of the items of one reprocess request.
func ReprocessSubject(request string) string { return SubjectReprocess + "." + Token(request) }

package schemas

import (
	"strings"
	"unicode"
)

// Stream names and subject prefixes. Streams are declared in one place
// (platform/natsx) from these.
const (
	StreamArticles    = "ARTICLES"
	StreamExtractions = "EXTRACTIONS"
	StreamClaims      = "CLAIMS"
	StreamDLQ         = "DLQ"

	SubjectArticles    = "diplo.articles"
	SubjectExtractions = "diplo.extractions"
	SubjectClaims      = "diplo.claims"
	SubjectDLQ         = "diplo.dlq"
)

// Predicates are the eight claim predicates of the guidelines.
var Predicates = []string{"oppose", "support", "condemn", "concern", "call_on", "welcome", "agree", "commit"}

// ArticleSubject is the subject an article from source is published on.
func ArticleSubject(source string) string { return SubjectArticles + "." + Token(source) }

// ExtractionSubject is the subject an extraction in lang is published on.
func ExtractionSubject(lang string) string { return SubjectExtractions + "." + Token(lang) }

// ClaimSubject is the subject of a claim event for one actor, so that a
// subscriber can filter by predicate or actor without parsing.
func ClaimSubject(predicate, actor string) string {
	return SubjectClaims + "." + Token(predicate) + "." + Token(actor)
}

// DLQSubject is the dead-letter subject of a service.
func DLQSubject(service string) string { return SubjectDLQ + "." + Token(service) }

// Token makes s safe as one subject token: NATS subjects split on '.', and
// '*', '>' and whitespace are reserved. Ids such as "org:un" keep their colon.
func Token(s string) string {
	if s == "" {
		return "_"
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '.' || r == '*' || r == '>' || unicode.IsSpace(r) || r < 0x20:
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

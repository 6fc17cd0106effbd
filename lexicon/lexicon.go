// Package lexicon is diplograph's gazetteer: countries and territories,
// organisations, officials with dated roles, places and topics, with their
// names in Chinese (simplified and traditional), English and Japanese.
//
// The data are TSV files embedded in the binary (data/*.tsv); Load with a
// directory reads that directory's files instead, so users can override
// the gazetteer without rebuilding.
//
// # Data files
//
// Every file is UTF-8 TSV with a header line; columns are found by name, so
// their order is free and unknown columns are ignored. Blank lines and lines
// starting with '#' are skipped. '|' separates several values in a field.
//
//   - countries.tsv, orgs.tsv, places.tsv, topics.tsv, people.tsv: id, en,
//     zh, zh-Hant, ja (names per language; the first is the label), aliases
//     (any language: kana means ja, Han zh, else en, or an explicit "ja:",
//     "zh:", "zh-Hant:", "en:" prefix), and where they apply weak (generic
//     cues), abbrev (single characters such as 中 or 欧, for compounds like
//     中美) and country (ISO alpha-3 of a person or a state's organ).
//     countries.tsv is generated from CLDR by gen_countries.go and then
//     curated; re-running the generator keeps the curated rows. It holds
//     every ISO 3166-1 code and Kosovo as XKX, the user-assigned code the
//     EU and the IMF use. Its aliases also hold demonyms, people forms,
//     government seats and long forms merged from the npm package
//     world-countries (gen_countries.go -world-countries; rules in
//     internal/gen).
//   - people.tsv and roles.tsv: rows below the line "# generated below this
//     line by gen_people.go …" are written by gen_people.go from
//     sources/*.txt and rewritten on each run; edit the sources, not those
//     rows. The rows above the line are curated. A person whose Chinese
//     name is not known has the English name as Chinese label, as in the
//     annotators' vocabulary. SOURCES.md says where each block comes from.
//   - roles.tsv: person, key, of, from, to. Dates are YYYY-MM-DD, or YYYY-MM
//     or YYYY where the day is not known (a partial from is its first day, a
//     partial to its last); an empty to means still in office.
//   - titles.tsv: phrase, lang, key, of (of is empty when the text must say
//     which state), context (the party that holds a title with no of once
//     the text has named it: org:un for a bare Secretary-General; mostly
//     empty).
//   - organs.tsv: phrase, lang, country, type (country is empty for generic
//     phrases such as 外交部), id (the organisation id an organ is also
//     listed under as an entity, org:usaid; mostly empty).
//
// Role keys (RoleKeys). Of is always whom the holder speaks for: the state
// for ministers and ambassadors, the organisation for its officers.
//
//   - head-of-state, head-of-government, vice-president, vice-premier
//   - foreign-minister, defence-minister, minister (any other cabinet post)
//   - spokesperson (of the foreign ministry), defence-spokesperson,
//     press-secretary (of a head of state or government)
//   - chief-cabinet-secretary (JPN), state-councilor (CHN),
//     national-security-adviser, speaker, ambassador (the posting is not
//     recorded)
//   - leader (of a territory or an armed group), party-leader, member (of a
//     party's leading body), foreign-affairs-director (of the CPC's Central
//     Foreign Affairs Commission office)
//   - secretary-general, deputy-secretary-general, president (of an
//     organisation; for the EU the European Commission), council-president
//     and parliament-president (EU), high-representative, commissioner (EU),
//     high-commissioner, head (director-general and the like), prosecutor
//   - legislator (a member of a parliament), governor and mayor (of a
//     region or a city of the state), envoy (a special envoy or
//     representative), military (a general or an admiral): the state the
//     text names with the title
//   - private (titles only): a word for someone who holds no office and
//     speaks for no state (学者, lawyer, activist); a name after it is a
//     person of no state
package lexicon

import (
	"time"
)

// Entity kinds.
const (
	KindCountry = "country"
	KindOrg     = "org"
	KindPerson  = "person"
	KindPlace   = "place"
	KindTopic   = "topic"
)

// Entity is one thing the gazetteer knows.
type Entity struct {
	ID   string // JPN, org:un, person:kamikawa-yoko, place:indo-pacific, topic:economic-coercion
	Kind string
	// Label is the preferred display name per language ("en", "zh").
	Label map[string]string
	// Names are every surface form that refers to the entity, per language
	// ("en", "zh", "zh-Hant", "ja"): official and short names, demonyms,
	// capitals used for governments, diplomatic forms (中方, the British side),
	// topic cue phrases.
	Names map[string][]string
	// Weak are cue phrases, per language, too generic to name the entity on
	// their own ("relations", "伙伴", "visit"): an extractor should use them
	// only when no name matches, or to confirm a weaker reading. Mostly
	// topics have them.
	Weak map[string][]string
	// Country is the state a person serves or an organ belongs to (ISO alpha-3).
	Country string
	// Outlet marks a news outlet (orgs.tsv type "outlet"): cited as the
	// source of a report it is no party, and what it reports is the news.
	Outlet bool
	// Academic marks a university, think tank or research institute
	// (orgs.tsv type "academic"): an entity when named, but what its
	// scholars say is analysis, no party's position, so it holds no claim.
	Academic bool
	// Roles are a person's dated roles.
	Roles []Role
}

// Role is a person's office between two dates.
type Role struct {
	Key  string    // head-of-state, head-of-government, foreign-minister, defence-minister, spokesperson, secretary-general, …
	Of   string    // the country or organisation id the office belongs to
	From time.Time // zero: unknown start
	To   time.Time // zero: still in office
}

// RoleKeys are the role keys the data may use. See the package comment for
// what each means.
var RoleKeys = []string{
	"head-of-state", "head-of-government", "foreign-minister", "defence-minister",
	"spokesperson", "minister", "vice-president", "vice-premier",
	"chief-cabinet-secretary", "national-security-adviser", "speaker",
	"ambassador", "leader", "party-leader", "press-secretary", "member",
	"secretary-general", "deputy-secretary-general", "president",
	"council-president", "parliament-president", "high-representative",
	"high-commissioner", "commissioner", "head", "prosecutor",
	"state-councilor", "foreign-affairs-director", "defence-spokesperson",
	"legislator", "governor", "mayor", "envoy", "military", "private",
}

// Active reports whether the role was held on day d.
func (r Role) Active(d time.Time) bool {
	if !r.From.IsZero() && d.Before(r.From) {
		return false
	}
	if !r.To.IsZero() && d.After(r.To) {
		return false
	}
	return true
}

// Title is a role title as written in a text ("外相", "Foreign Secretary"),
// with the role it names and, where the title implies it, the country.
type Title struct {
	Phrase string
	Lang   string
	Key    string // role key
	Of     string // country or org id implied by the title, or "" when the text must say
	// Context is the party that holds a title with no Of once the text
	// has named it ("the Chief Executive" in a text about Hong Kong), or "".
	Context string
}

// Organ is a phrase that names an organ of a state: a ministry, an armed
// force, a seat of government ("外交部", "the State Department", "自卫队").
// Organs stand for their state. Country is empty for generic phrases whose
// state the surrounding text must supply.
type Organ struct {
	Phrase  string
	Lang    string
	Country string // ISO alpha-3, or "" for generic phrases
	Type    string // foreign-ministry, defence-ministry, military, government, legislature, …
	// ID is the organisation id the organ is also listed under as an
	// entity (org:usaid), though it speaks for its state; "" for most
	ID string
}

// Abbrev is a single-character abbreviation of a state or organisation
// (中, 美, 日, 欧). They are ambiguous on their own; an extractor should use
// them only inside compounds such as 中美 or 日英.
type Abbrev struct {
	Char string
	ID   string // country or org id
}

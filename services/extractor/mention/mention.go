// Package mention is the extractor's fifth stage: it finds what a sentence
// names — states and organisations (and the organs that stand for them),
// people with the state they speak for, places, topics — and the words that
// stand for parties without naming them (双方, "we", "he", 各方).
//
// Names come from the gazetteer (lexicon) by a one-pass phrase matcher;
// people the gazetteer lacks are inferred only from a title or role pattern
// ("Jamaican Prime Minister Andrew Holness", 美国卫生部长阿扎) or a name given
// in both scripts (玛丽亚·罗莎（Maria Rosa）), never from a stray
// capitalised word. Each mention is aligned to the sentence's tokens.
package mention

import (
	"slices"

	"github.com/diplograph/diplograph/services/extractor/token"
)

// Kind is what a mention names.
type Kind uint8

// Mention kinds.
const (
	Actor      Kind = iota + 1 // a state or organisation (or several: 日英, 中美)
	Person                     // a person, who speaks for IDs
	Place                      // a place without an ISO code
	Topic                      // an issue or action
	Collective                 // the parties (双方, both sides, the ministers)
	Self                       // we, 我们, 我方
	Pronoun                    // he, she, 他
	AllParties                 // all parties, 各方
	Organ                      // an organ whose state the text does not give (the Foreign Ministry)
)

var kindNames = [...]string{"", "actor", "person", "place", "topic", "collective", "self", "pronoun", "all", "organ"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "?"
}

// Mention is one thing a sentence names.
type Mention struct {
	Kind Kind
	// Start, End are byte offsets in the document; Tok, TokEnd the tokens
	// of the sentence it covers.
	Start, End  int
	Tok, TokEnd int
	Text        string
	// IDs are the states or organisations the mention stands for: an
	// actor's own ids, the state a person speaks for.
	IDs []string
	// Person is a person's id.
	Person string
	// ID is a place's or topic's id; More are further topics the same
	// phrase names ("food and energy security").
	ID   string
	More []string
	// Entity marks a mention that counts among the text's entities, with
	// its type (country, org, person).
	Entity     bool
	EntityType string
	// Role is a person's role key (foreign-minister …) where known.
	Role string
	// Inferred marks a person or organisation the gazetteer does not know.
	Inferred bool
	// Venue marks a state named only as where something happens.
	Venue bool
	// Context, for a title, is the party that holds it with no state named
	// once the text has named that party (lexicon.Title.Context).
	Context string
	// OrganID is the organisation id an organ of a state is also listed
	// under as an entity (USAID: org:usaid), though the state is the party.
	OrganID string
	// Outlet marks a news outlet of the gazetteer (orgs.tsv type "outlet"):
	// cited as the source of what is said it is no entity, and what it
	// reports is the news, not its characterisation of a party; it holds a
	// position only in its own editorial voice.
	Outlet bool
	// Attr marks a state that only qualifies the noun after it ("Japan's
	// Foreign Minister", "Jamaican Prime Minister", 日本外相): it is an
	// entity of the text, but the party is the person or organ it qualifies.
	Attr bool
	// Leader is the person an administration is named after (特朗普政府,
	// "the Biden administration" → person:biden-joe), LeaderName the name
	// as written: an entity of the text too, though the mention stands for
	// the state.
	Leader, LeaderName string
	// How says how the mention was resolved, for explanations.
	How string
}

// IsParty reports a mention that can hold or receive a claim: an actor, a
// person speaking for a state, or a word standing for parties.
func (m *Mention) IsParty() bool {
	switch m.Kind {
	case Actor, Person:
		return len(m.IDs) > 0
	case Collective, Self, Pronoun:
		return true
	}
	return false
}

// Private reports a person who speaks for no state the text names ("Ivo
// Brandt, a shipping executive", 学者罗森伯格): what they say or do is no
// party's, and as a target the person is the entity.
// An official whose state the text leaves unnamed (Special Representative
// Kim) is none: whose they are is for the document to tell.
func (m *Mention) Private() bool {
	return m.Kind == Person && len(m.IDs) == 0 && m.Person != "" && !officialUnnamed[m.Role]
}

// Sentence is a sentence with its tokens and mentions.
type Sentence struct {
	Index      int // position in the document
	Start, End int // byte offsets in the document
	// NewPara is set when a line break stands between this sentence and the
	// one before: it opens a paragraph.
	NewPara  bool
	Lang     string
	Tokens   []token.Token
	Mentions []Mention
	// TitleOrgs are the organisations the sentence names inside an
	// official's title ("NATO Secretary General", 联大主席): entities of
	// the text though no mention stands for them.
	TitleOrgs []string
	// Marks caches, per word class, where the class's phrases start and
	// end in Tokens (see frame.Matcher).
	Marks map[string][]uint8
	// at maps a token to the mention covering it (-1: none).
	at []int
}

// nameOrg lists an organisation among TitleOrgs: an entity of the text
// that no mention of the sentence stands for.
func (s *Sentence) nameOrg(id string) {
	if !slices.Contains(s.TitleOrgs, id) {
		s.TitleOrgs = append(s.TitleOrgs, id)
	}
}

// MentionAt returns the index of the mention covering token i, or -1.
func (s *Sentence) MentionAt(i int) int {
	if s.at == nil || len(s.at) != len(s.Tokens) {
		s.at = make([]int, len(s.Tokens))
		for k := range s.at {
			s.at[k] = -1
		}
		for k := range s.Mentions {
			m := &s.Mentions[k]
			for t := m.Tok; t < m.TokEnd && t < len(s.at); t++ {
				if t >= 0 && s.at[t] < 0 {
					s.at[t] = k
				}
			}
		}
	}
	if i < 0 || i >= len(s.at) {
		return -1
	}
	return s.at[i]
}

// noParty makes a mention a place named only as where something is, no
// party and no entity (马来西亚苏丹, Georgia the US state, 越南共产党).
func (m *Mention) noParty() {
	m.Kind, m.IDs, m.Entity, m.Venue = Place, nil, false, true
}

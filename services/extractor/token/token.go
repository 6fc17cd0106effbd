// Package token is the extractor's fourth stage: it turns a sentence into
// tokens with a part of speech and, for English, a lemma, so that a rule
// names a cue once ("condemn") and matches every form of it (condemns,
// condemned, condemning), and so that later stages can tell a verb from a
// noun ("support Ukraine" from "with the support of").
//
// Chinese is segmented with gse, whose dictionary carries a part of speech
// for each word; traditional characters are read through their simplified
// forms without moving a byte (see Simplify). English is tokenized here and
// tagged by an averaged perceptron (Tagger) trained on the bulk corpus.
package token

// POS is a coarse part of speech, shared by both languages.
type POS uint8

// Coarse parts of speech.
const (
	Other POS = iota
	Noun
	Propn
	Verb
	Aux // modal and auxiliary verbs: will, should, be, have; 将, 应, 会
	Adj
	Adv
	Adp  // prepositions: of, with, to; 对, 与, 在
	Conj // coordinating: and, or; 和, 与
	Sconj
	Det
	Pron
	Num
	Part // particles: to, 's, not; 的, 了
	Punct
)

var posNames = [...]string{"X", "NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV", "ADP", "CONJ", "SCONJ", "DET", "PRON", "NUM", "PART", "PUNCT"}

func (p POS) String() string {
	if int(p) < len(posNames) {
		return posNames[p]
	}
	return "X"
}

// Token is a word or a punctuation mark of a sentence.
type Token struct {
	Start, End int // byte offsets in the document text
	// Text is the token as it stands (Chinese: its simplified form, which
	// has the same length).
	Text string
	// Lower is Text in lower case (the same for Chinese), computed once.
	Lower string
	// Lemma is the English base form, lower-cased ("condemned" → condemn);
	// for Chinese it is the text.
	Lemma string
	Tag   string // fine tag: Penn Treebank for English, gse's for Chinese
	POS   POS
}

// IsVerbal reports a verb or an auxiliary.
func (t *Token) IsVerbal() bool { return t.POS == Verb || t.POS == Aux }

// IsNominal reports a noun, a proper noun or a pronoun.
func (t *Token) IsNominal() bool { return t.POS == Noun || t.POS == Propn || t.POS == Pron }

// PossessiveMark reports the English possessive ending as the tokenizer
// splits it off ("Russia's" → Russia + 's), in either apostrophe.
func PossessiveMark(w string) bool { return w == "'s" || w == "’s" }

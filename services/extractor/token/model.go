package token

import (
	"bytes"
	_ "embed"
	"strings"
	"sync"
)

// enModel is the English tagger, trained by ./train on spaCy's tags for the
// bulk corpus's English text (see train/silver.py).
//
//go:embed en_pos.model.gz
var enModel []byte

// English reads its model on first use, so that a process that only sees
// Chinese never pays for it.
var englishTagger = sync.OnceValues(func() (*Tagger, error) { return ReadTagger(bytes.NewReader(enModel)) })

// EnglishTagger returns the embedded English tagger.
func EnglishTagger() (*Tagger, error) { return englishTagger() }

// CommonWord reports an English word that the tagger's training text uses
// often as something other than a proper name ("long", "said", "young"):
// such a word cannot name a person on its own.
func CommonWord(w string) bool {
	t, err := EnglishTagger()
	if err != nil {
		return false
	}
	l := strings.ToLower(w)
	if _, ok := irregular[l]; ok {
		return true // said, met, led: a verb form, never a name by itself
	}
	if c, ok := t.tagdict[l]; ok {
		tag := t.classes[c]
		return tag != "NNP" && tag != "NNPS"
	}
	for _, class := range []byte{'N', 'V', 'A', 'R'} {
		if _, ok := t.lemmas[lemmaKey(l, class)]; ok {
			return true
		}
	}
	return false
}

// UsualWord reports an English word the tagger's training text knows mostly
// as something other than a proper name (debate, summit, distinguished): a
// broader test than CommonWord, for telling words from an unknown name.
func UsualWord(w string) bool {
	if CommonWord(w) {
		return true
	}
	t, err := EnglishTagger()
	if err != nil {
		return false
	}
	cws, ok := t.weights["w "+norm(w)]
	if !ok {
		return false
	}
	best, bestW := -1, float32(0)
	for _, cw := range cws {
		if best < 0 || cw.w > bestW {
			best, bestW = int(cw.class), cw.w
		}
	}
	tag := t.classes[best]
	// a weak weight is a rare word seen once or twice, a name as likely
	return bestW >= 4 && tag != "NNP" && tag != "NNPS"
}

package token

import (
	"bytes"
	_ "embed"
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

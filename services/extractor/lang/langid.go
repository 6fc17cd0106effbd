// Package langid is a cheap script-based language identifier for the
// languages diplograph reads (zh, en, ja), and a detector of binary junk.
package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Result codes besides a language tag.
const (
	Binary      = "binary"
	Unsupported = "unsupported"
	Empty       = "empty"
)

// Detect returns "zh", "en" or "ja" for text in those languages, Empty for
// text without letters, Binary for junk (NULs, control characters,
// replacement characters) and Unsupported otherwise, with the script counts
// behind the decision in detail.
func Detect(text string) (lang string, detail string) {
	if len(text) > 64<<10 {
		text = text[:64<<10] // a sample decides
	}
	var han, kana, hangul, latin, otherLetter, junk, total int
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		total++
		switch {
		case r == utf8.RuneError || r == 0 || (r < 0x20 && r != '\n' && r != '\t' && r != '\r') || (r >= 0x7f && r < 0xa0):
			junk++
		case r >= 0x3040 && r <= 0x30ff:
			kana++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case r < 0x250 && unicode.IsLetter(r):
			latin++
		case unicode.IsLetter(r):
			otherLetter++
		}
	}
	letters := han + kana + hangul + latin + otherLetter
	switch {
	case total == 0:
		return Empty, "no characters"
	case junk*10 > total || (junk > 0 && letters == 0):
		return Binary, "control or replacement characters"
	case letters == 0:
		return Empty, "no letters"
	}
	cjk := han + kana
	switch {
	case kana > 0 && kana*20 >= cjk && cjk*4 >= letters:
		return "ja", "kana"
	case han > 0 && han*3 >= latin+otherLetter:
		// a Han character carries about as much as three Latin letters: an
		// English article quoting a Chinese phrase stays English
		return "zh", "han"
	case hangul > 0 && hangul*2 >= letters:
		return Unsupported, "hangul"
	case latin*2 >= letters && latin > 0:
		if englishish(text) {
			return "en", "latin with English function words"
		}
		return Unsupported, "latin without English function words"
	}
	return Unsupported, "script"
}

var functionWords = map[string]bool{
	"the": true, "and": true, "of": true, "to": true, "in": true, "is": true, "that": true,
	"for": true, "on": true, "with": true, "will": true, "their": true, "be": true, "by": true,
	"a": true, "as": true, "are": true, "was": true, "has": true, "have": true, "its": true,
}

// foreignWords are function words of other Latin-script languages.
var foreignWords = map[string]bool{
	"le": true, "la": true, "les": true, "des": true, "est": true, "et": true, "du": true, "une": true,
	"der": true, "die": true, "das": true, "und": true, "ist": true, "nicht": true, "mit": true,
	"el": true, "los": true, "las": true, "del": true, "y": true, "para": true, "por": true, "una": true,
	"il": true, "di": true, "che": true, "è": true, "och": true, "het": true, "een": true, "van": true,
}

// englishish reports whether enough of the first words are English
// function words.
func englishish(text string) bool {
	if len(text) > 20000 {
		text = text[:20000]
	}
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(words) == 0 {
		return false
	}
	hits, foreign := 0, 0
	for _, w := range words {
		lw := strings.ToLower(w)
		if functionWords[lw] {
			hits++
		}
		if foreignWords[lw] {
			foreign++
		}
	}
	if foreign > hits {
		return false
	}
	// short or terse texts (a headline, a list of headlines) may lack
	// function words: Latin text is English unless another language's
	// function words show
	return hits*12 >= len(words) || foreign*4 < len(words) && foreign <= hits

}

// Sentence returns the language of one sentence of a document in docLang:
// zh when its Han characters outweigh its Latin letters (three letters to a
// character), en when Latin letters do, else the document's language. A
// Chinese quotation inside an English sentence leaves it English.
func Sentence(s, docLang string) string {
	han, latin := 0, 0
	for _, r := range s {
		switch {
		case r >= 0x3040 && r <= 0x30ff:
			return docLang
		case r < 0x250 && unicode.IsLetter(r):
			latin++
		case unicode.Is(unicode.Han, r):
			han++
		}
	}
	switch {
	case han > 0 && han*3 >= latin:
		if docLang == "ja" {
			return "ja"
		}
		return "zh"
	case latin > 0:
		return "en"
	}
	return docLang
}

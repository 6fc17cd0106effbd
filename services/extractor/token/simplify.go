package token

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// t2s is OpenCC's traditional-to-simplified converter, built on first use.
var t2s = sync.OnceValues(func() (*opencc.OpenCC, error) { return opencc.New("t2s") })

// simplified caches the simplified form of each Han character (0: itself,
// or no one-character form of the same length).
var simplified sync.Map

func simplifyRune(cc *opencc.OpenCC, r rune) rune {
	if v, ok := simplified.Load(r); ok {
		return v.(rune)
	}
	out := rune(0)
	if s, err := cc.Convert(string(r)); err == nil && utf8.RuneCountInString(s) == 1 {
		if o, _ := utf8.DecodeRuneInString(s); o != r && utf8.RuneLen(o) == utf8.RuneLen(r) {
			out = o
		}
	}
	simplified.Store(r, out)
	return out
}

// Simplify returns text with traditional Chinese characters replaced by
// their simplified forms, character by character, so that every byte offset
// stays where it was: evidence found in the simplified text points into the
// original. It reports whether anything changed; text without traditional
// characters comes back as it is.
func Simplify(text string) (string, bool) {
	cc, err := t2s()
	if err != nil {
		return text, false
	}
	var b []byte
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r >= 0x3400 && unicode.Is(unicode.Han, r) {
			if o := simplifyRune(cc, r); o != 0 {
				if b == nil {
					b = []byte(text)
				}
				utf8.EncodeRune(b[i:], o)
			}
		}
		i += size
	}
	if b == nil {
		return text, false
	}
	return string(b), true
}

// Traditional reports text that is written in traditional characters: of
// its first thousand Han characters, at least one in fifty has a different
// simplified form.
func Traditional(text string) bool {
	cc, err := t2s()
	if err != nil {
		return false
	}
	han, trad := 0, 0
	for _, r := range text {
		if r < 0x3400 || !unicode.Is(unicode.Han, r) {
			continue
		}
		han++
		if simplifyRune(cc, r) != 0 {
			trad++
		}
		if han >= 1000 {
			break
		}
	}
	return han > 0 && trad*50 >= han && trad >= 2
}

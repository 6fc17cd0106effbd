// Package textenc decodes text of any common encoding to UTF-8, for files
// and for responses alike: by byte-order mark, by a charset the caller
// knows (an HTTP header), as UTF-8 when it is valid UTF-8, by the
// document's own declaration (<meta charset>, http-equiv, an XML
// declaration), and last by detection, so that a GBK page without any
// declaration does not become mojibake.
package textenc

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/unicode"
)

// boms are the byte-order marks that settle the encoding.
var boms = []struct {
	bom []byte
	enc encoding.Encoding
	nam string
}{
	{[]byte{0xEF, 0xBB, 0xBF}, unicode.UTF8BOM, "utf-8"},
	{[]byte{0xFF, 0xFE}, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"},
	{[]byte{0xFE, 0xFF}, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"},
}

// HasBOM reports whether data starts with a byte-order mark of UTF-8 or
// UTF-16: text, however many NUL bytes follow.
func HasBOM(data []byte) bool {
	for _, b := range boms {
		if bytes.HasPrefix(data, b.bom) {
			return true
		}
	}
	return false
}

// declared finds a charset declared in the first 4 KiB of a document.
var declared = regexp.MustCompile(`(?i)(?:<meta[^>]*?charset\s*=\s*["']?\s*|<\?xml[^>]*?encoding\s*=\s*["'])([a-z0-9_:.+-]+)`)

// Decode returns data as UTF-8 and the name of the encoding it was read
// in. header is a charset the caller was told (an HTTP Content-Type); it
// may be empty. Bytes that are invalid in the chosen encoding become
// U+FFFD.
func Decode(data []byte, header string) ([]byte, string) {
	for _, b := range boms {
		if bytes.HasPrefix(data, b.bom) {
			return decodeWith(b.enc, data, b.nam)
		}
	}
	if e, name := lookup(header); e != nil {
		return decodeWith(e, data, name)
	}
	if utf8.Valid(data) {
		return data, "utf-8"
	}
	if m := declared.FindSubmatch(data[:min(len(data), 4096)]); m != nil {
		if e, name := lookup(string(m[1])); e != nil {
			return decodeWith(e, data, name)
		}
	}
	if e, name := detect(data); e != nil {
		return decodeWith(e, data, name)
	}
	return bytes.ToValidUTF8(data, []byte("\uFFFD")), "unknown"
}

// lookup finds an encoding by its label, as browsers do (gb2312 reads as
// GBK), else by its IANA name.
func lookup(label string) (encoding.Encoding, string) {
	label = strings.ToLower(strings.TrimSpace(label))
	if label == "" {
		return nil, ""
	}
	if e, err := htmlindex.Get(label); err == nil && e != nil {
		name, _ := htmlindex.Name(e)
		return e, name
	}
	if e, err := ianaindex.IANA.Encoding(label); err == nil && e != nil {
		return e, label
	}
	return nil, ""
}

// detect guesses the encoding of undeclared text that is not UTF-8.
func detect(data []byte) (encoding.Encoding, string) {
	r, err := chardet.NewTextDetector().DetectBest(data[:min(len(data), 64<<10)])
	if err != nil || r == nil {
		return nil, ""
	}
	label := r.Charset
	if label == "GB-18030" {
		label = "gb18030"
	}
	return lookup(label)
}

func decodeWith(e encoding.Encoding, data []byte, name string) ([]byte, string) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return bytes.ToValidUTF8(data, []byte("\uFFFD")), "unknown"
	}
	if name == "utf-8" {
		out = bytes.TrimPrefix(out, []byte{0xEF, 0xBB, 0xBF})
	}
	return bytes.ToValidUTF8(out, []byte("\uFFFD")), name
}

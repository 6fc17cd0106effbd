package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/diplograph/diplograph/schemas"
)

// FuzzExtract proves that no input makes Extract panic or hang: random
// bytes, invalid UTF-8, deep and broken HTML, both formats.
func FuzzExtract(f *testing.F) {
	f.Add([]byte("中国坚决反对经济胁迫。"), true)
	f.Add([]byte("<p>The EU and Japan condemned North Korea&#8217;s missile launch.</p>"), true)
	f.Add([]byte("\xff\xfe\x00<div><p>日英<b>双方</p></div></b>同意"), true)
	f.Add([]byte(strings.Repeat("<div>", 5000)+"双方同意加强合作"), true)
	f.Add([]byte(strings.Repeat("<a><b><i>", 2000)), true)
	f.Add([]byte("<script>alert(1)</script><style>p{}</style><!-- x -->&amp;&#x4e2d;&nosuch;"), true)
	f.Add([]byte("他们呼吁，。；：“”‘’（）《》、"), false)
	f.Add([]byte("Mr. U.S. No. 5 St. Jan. Rt Hon. should must will"), false)
	f.Add([]byte{0xe4, 0xb8}, false)
	e := testEngine(f)
	f.Fuzz(func(t *testing.T, body []byte, html bool) {
		a := schemas.Article{ID: "fuzz", Body: string(body), Format: schemas.FormatText}
		if html {
			a.Format = schemas.FormatHTML
		}
		x := e.Extract(a)
		checkWellFormed(t, a, x)
		if x.Error != nil && len(x.Claims) > 0 {
			t.Fatalf("a failed extraction with %d claims", len(x.Claims))
		}
		for _, c := range x.Claims {
			if !strings.Contains(string(body), strings.TrimSpace(c.Evidence.Text)) && a.Format == schemas.FormatText && utf8.Valid(body) {
				t.Fatalf("evidence %q is not in the text", c.Evidence.Text)
			}
		}
	})
}

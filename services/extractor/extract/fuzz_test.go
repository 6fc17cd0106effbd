package extract

import (
	"strings"
	"testing"
	"time"

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
		start := time.Now()
		x := e.Extract(a)
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("extraction of %d bytes took %v", len(body), d)
		}
		if x.Doc == "" || x.Claims == nil || x.Entities == nil {
			t.Fatalf("incomplete extraction %+v", x)
		}
		for _, c := range x.Claims {
			if c.Rule == "" || c.Evidence.Text == "" || len(c.Actors) == 0 {
				t.Fatalf("bad claim %+v", c)
			}
		}
	})
}

func TestDeeplyNestedAndHugeInputsStayBounded(t *testing.T) {
	e := testEngine(t)
	cases := map[string]schemas.Article{
		"100k nested divs":                 {ID: "n", Format: schemas.FormatHTML, Body: strings.Repeat("<div>", 100000) + "中国反对经济胁迫。" + strings.Repeat("</div>", 100000)},
		"unclosed tags":                    {ID: "u", Format: schemas.FormatHTML, Body: strings.Repeat("<p><span><b>中方支持乌克兰", 20000)},
		"3 MB of text":                     {ID: "t", Format: schemas.FormatText, Body: strings.Repeat("英国谴责俄罗斯的侵略，并将继续支持乌克兰。\n", 50000)},
		"one long line":                    {ID: "l", Format: schemas.FormatText, Body: strings.Repeat("a", 2<<20)},
		"stray end tags":                   {ID: "s", Format: schemas.FormatHTML, Body: strings.Repeat("<div>", 5000) + strings.Repeat("</x>", 500000) + "中国反对制裁"},
		"4 MB of cues without a full stop": {ID: "c", Format: schemas.FormatText, Body: strings.Repeat("中国坚决反对美国的制裁和干涉，他表示", (MaxTextBytes-1024)/54)},
	}
	for name, a := range cases {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			x := e.Extract(a)
			if d := time.Since(start); d > 20*time.Second {
				t.Fatalf("took %v", d)
			}
			t.Logf("%v, error %+v, %d claims", time.Since(start).Round(time.Millisecond), x.Error, len(x.Claims))
		})
	}
}

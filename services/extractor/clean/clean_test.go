package clean

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

func TestHTMLCleansBlocksEntitiesAndBoilerplate(t *testing.T) {
	in := `<div>07/11/2023 - 15:52</div><img src="x.jpg"><p><strong>双方&amp;各方</strong>表示<br>支持</p>` +
		`<script>var a = "反对";</script><style>p{}</style><figure><img><figcaption>图片说明</figcaption></figure>` +
		`<div data-selfpromo-app>下载应用</div><div><div>分享 :</div><a href="https://x">https://feedx.net</a></div>` +
		`<p>The&nbsp;EU &#8217;s   view</p><hr><div>获取更多RSS：<br><a href="https://feedx.net">https://feedx.net</a></div>`
	d, err := HTML(in)
	if err != nil {
		t.Fatal(err)
	}
	want := "双方&各方表示\n支持\nThe EU ’s view"
	if d.Text != want {
		t.Fatalf("got %q, want %q", d.Text, want)
	}
}

func TestInputOffsetPointsBackIntoTheInput(t *testing.T) {
	in := `<p>中国 <b>反对</b>经济胁迫</p><p>A&amp;B said</p>`
	d, err := HTML(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"中国", "反对", "经济胁迫", "said"} {
		off := strings.Index(d.Text, w)
		in0 := d.InputOffset(off)
		if !strings.HasPrefix(in[in0:], w) {
			t.Errorf("%q: text offset %d maps to input %d (%q)", w, off, in0, in[in0:min(len(in), in0+12)])
		}
	}
	if got := in[d.InputOffset(strings.Index(d.Text, "&")):]; !strings.HasPrefix(got, "&amp;") {
		t.Errorf("a decoded entity maps to %q, want its reference", got[:5])
	}
}

func TestTextCollapsesSpacesAndDropsBoilerplateLines(t *testing.T) {
	d := Text("  中国\u3000反对  经济胁迫 \r\n\n分享 :\nhttps://example.com/a\n英国  支持乌克兰\n")
	if want := "中国 反对 经济胁迫\n英国 支持乌克兰"; d.Text != want {
		t.Fatalf("got %q, want %q", d.Text, want)
	}
	off := strings.Index(d.Text, "英国")
	if d.InputOffset(off) != strings.Index("  中国\u3000反对  经济胁迫 \r\n\n分享 :\nhttps://example.com/a\n英国  支持乌克兰\n", "英国") {
		t.Error("offset of the last line is wrong")
	}
}

func TestTextDropsMarkdownBoldAndKeepsOffsets(t *testing.T) {
	src := "We call on the **World Health Organization** to act.\n"
	d := Text(src)
	if want := "We call on the World Health Organization to act."; d.Text != want {
		t.Fatalf("got %q, want %q", d.Text, want)
	}
	off := strings.Index(d.Text, "World")
	if got := d.InputOffset(off); got != strings.Index(src, "World") {
		t.Errorf("offset of World = %d, want %d", got, strings.Index(src, "World"))
	}
}

func TestHTMLReadsAbsurdNestingAsFlatText(t *testing.T) {
	d, err := HTML(strings.Repeat("<div><span>", MaxDepth) + "中国反对" + strings.Repeat("</span></div>", MaxDepth))
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != "中国反对" {
		t.Fatalf("got %q", d.Text)
	}
}

// FuzzHTML checks that cleaning any input never panics, that valid UTF-8
// stays valid and that every byte of the text maps back into the input (to
// itself, or to the character reference it was decoded from).
func FuzzHTML(f *testing.F) {
	f.Add(`<p>中国&amp;<b>反对</p></b>`)
	f.Add("<div><script>x</script>\xff\xfe<p>a&#x4e2d;&nosuch;b</div>")
	f.Add(strings.Repeat("<span>", 300) + "深" + strings.Repeat("</i>", 300))
	f.Add("<!-- c --><![CDATA[x]]><p a='1'>t</p>")
	f.Add(`<div><h3>Related</h3><ul><li><a>x</a></li></ul></div><figure><blockquote>q</blockquote></figure><p hidden>h</p>`)
	f.Fuzz(func(t *testing.T, in string) {
		d, err := HTML(in)
		if err != nil {
			return
		}
		if utf8.ValidString(in) && !utf8.ValidString(d.Text) {
			t.Fatalf("valid input gave invalid text %q", d.Text)
		}
		checkOffsets(t, in, d)
	})
}

// benchPage is a synthetic page of about 1 MiB: article paragraphs, boxes
// of related links, hidden elements and a deep nesting of inline tags.
func benchPage() string {
	var b strings.Builder
	b.WriteString(`<html><body><header><nav><a href="/">Home</a></nav></header><main><article>`)
	for b.Len() < 1<<20 {
		b.WriteString(`<p>The two ministers agreed to <b>expand</b> trade &amp; investment, and said so.</p>`)
		b.WriteString(`<p>中方同意扩大贸易，双方将于五月再次会晤。</p>`)
		b.WriteString(`<div><h3>Related stories</h3><ul><li><a href="/a">One story</a></li><li><a href="/b">Another</a></li></ul></div>`)
		b.WriteString(`<span aria-hidden="true">icon</span><figure><img src="x"><figcaption>caption</figcaption></figure>`)
	}
	b.WriteString(`</article></main><footer>©</footer></body></html>`)
	return b.String()
}

// BenchmarkHTML measures the cleaner against its floor: the HTML tokenizer
// alone over the same page, once (the cleaner tokenizes twice).
func BenchmarkHTML(b *testing.B) {
	page := benchPage()
	b.Run("floor: tokenizer alone", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		for b.Loop() {
			z := html.NewTokenizer(strings.NewReader(page))
			for z.Next() != html.ErrorToken {
			}
		}
	})
	b.Run("clean", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		for b.Loop() {
			if _, err := HTML(page); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// A speech copied from a PDF, its lines cut at a width and its paragraphs
// split by blank lines, reads as whole sentences; a short salutation and a
// numbered paragraph still stand on their own lines, and offsets still
// point into the input.
func TestTextJoinsTheLinesOfAHardWrappedText(t *testing.T) {
	var b strings.Builder
	b.WriteString("Mr. President,\n\n")
	for i := 0; i < 6; i++ {
		b.WriteString("We also commend the tireless work carried out by your\npredecessor, who led the Assembly with great skill and\npatience through a very difficult session.\n\n")
	}
	b.WriteString("4. We extend a word of great appreciation to the Secretary\nGeneral of the United Nations for his dedication.\n")
	src := b.String()
	d := Text(src)
	if !strings.Contains(d.Text, "carried out by your predecessor, who led the Assembly with great skill and patience through") {
		t.Fatalf("wrapped lines not joined: %q", d.Text)
	}
	if !strings.HasPrefix(d.Text, "Mr. President,\nWe also") {
		t.Errorf("the salutation should keep its own line: %q", d.Text[:40])
	}
	if !strings.Contains(d.Text, "\n4. We extend a word of great appreciation to the Secretary General of") {
		t.Errorf("numbered paragraph: %q", d.Text)
	}
	off := strings.Index(d.Text, "General of")
	if got, want := d.InputOffset(off), strings.Index(src, "General of"); got != want {
		t.Errorf("offset of General = %d, want %d", got, want)
	}
	// a text of one paragraph a line is left as it is
	if d := Text("Chile supports the treaty\nPeru opposes the plan\n"); d.Text != "Chile supports the treaty\nPeru opposes the plan" {
		t.Errorf("unwrapped text changed: %q", d.Text)
	}
}

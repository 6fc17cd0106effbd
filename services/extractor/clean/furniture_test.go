package clean

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// The snippets are written for these tests. Every case holds the article's
// own sentence ("Japan and Brazil agreed to expand trade." or
// "中方同意扩大贸易。") and furniture whose text must not survive.
const (
	own   = "<p>Japan and Brazil agreed to expand trade.</p>"
	ownZh = "<p>中方同意扩大贸易。</p>"
)

func TestPageFurnitureNeverReachesTheText(t *testing.T) {
	tests := []struct {
		name string
		html string
		want string
	}{
		{"an aside of related stories is dropped",
			own + `<aside><h3>Related</h3><a href="/x">Canada condemns Mexico</a></aside>`,
			"Japan and Brazil agreed to expand trade."},
		{"navigation is dropped",
			`<nav><a href="/">Home</a> <a href="/w">World: France opposes tariffs</a></nav>` + own,
			"Japan and Brazil agreed to expand trade."},
		{"the page's header and footer are dropped",
			`<header><div>World News Daily</div><p>Egypt supports Sudan</p></header>` + own + `<footer><p>Kenya opposes Chad</p></footer>`,
			"Japan and Brazil agreed to expand trade."},
		{"an article's own header keeps its headline",
			`<article><header><h1>Trade talks end</h1></header>` + own + `</article>`,
			"Trade talks end\nJapan and Brazil agreed to expand trade."},
		{"a footer inside a quotation keeps its speaker",
			`<blockquote><p>We will expand trade.</p><footer>— the trade minister</footer></blockquote>`,
			"We will expand trade.\n— the trade minister"},
		{"an article's footer is dropped like the page's",
			`<article>` + own + `<footer>Tags: Peru supports Chile</footer></article>`,
			"Japan and Brazil agreed to expand trade."},
		{"a figure and its caption are dropped",
			`<figure><img src="p.jpg"><figcaption>Italy condemns the strike, officials said</figcaption></figure>` + own,
			"Japan and Brazil agreed to expand trade."},
		{"a figure holding a quotation keeps the quotation and its attribution",
			`<figure><blockquote>We will expand trade.</blockquote><figcaption>— the trade minister</figcaption></figure>`,
			"We will expand trade.\n— the trade minister"},
		{"a caption outside any figure is dropped",
			own + `<figcaption>Greece supports Cyprus</figcaption>`,
			"Japan and Brazil agreed to expand trade."},
		{"an element with the hidden attribute is dropped",
			own + `<div hidden>Norway condemns Sweden</div>`,
			"Japan and Brazil agreed to expand trade."},
		{"an element hidden until found is still text",
			own + `<div hidden="until-found">Both sides will meet again in May.</div>`,
			"Japan and Brazil agreed to expand trade.\nBoth sides will meet again in May."},
		{"an element hidden from screen readers is dropped",
			own + `<span aria-hidden="true">Poland opposes Hungary</span>`,
			"Japan and Brazil agreed to expand trade."},
		{"display:none is dropped",
			own + `<p style="color:red; DISPLAY : none !important">Iran supports Iraq</p>`,
			"Japan and Brazil agreed to expand trade."},
		{"visibility:hidden is dropped",
			own + `<p style="visibility: hidden">Iran supports Iraq</p>`,
			"Japan and Brazil agreed to expand trade."},
		{"a template is dropped",
			own + `<template><p>Cuba condemns Spain</p></template>`,
			"Japan and Brazil agreed to expand trade."},
		{"noscript is dropped",
			own + `<noscript><p>Enable JavaScript: Cuba condemns Spain</p></noscript>`,
			"Japan and Brazil agreed to expand trade."},
		{"a block whose class says related is dropped",
			own + `<div class="story-related-box"><p>Vietnam supports Laos</p></div>`,
			"Japan and Brazil agreed to expand trade."},
		{"a block whose id says read more is dropped",
			own + `<section id="readMore"><p>Vietnam supports Laos</p></section>`,
			"Japan and Brazil agreed to expand trade."},
		{"a block whose class says table of contents is dropped",
			`<div class="article-toc"><ol><li>Vietnam supports Laos</li></ol></div>` + own,
			"Japan and Brazil agreed to expand trade."},
		{"a class merely containing toc is not furniture",
			`<div class="stock-prices"><p>Markets rose.</p></div>` + own,
			"Markets rose.\nJapan and Brazil agreed to expand trade."},
		{"a class on the article itself never drops it",
			`<article class="post tag-social-media category-related">` + own + `</article>`,
			"Japan and Brazil agreed to expand trade."},
		{"a block headed Related stories is dropped",
			own + `<div><h3>Related stories</h3><ul><li><a href="/a">Chile supports Peru</a></li></ul></div>`,
			"Japan and Brazil agreed to expand trade."},
		{"a block headed 相关新闻 is dropped",
			ownZh + `<div><h4>【相关新闻】</h4><p><a href="/a">俄罗斯支持伊朗</a></p><p><a href="/b">日本反对朝鲜</a></p></div>`,
			"中方同意扩大贸易。"},
		{"links under a 延伸阅读 heading in the article's flow are dropped",
			`<article>` + ownZh + `<p><strong>延伸阅读</strong></p><p><a href="/a">俄罗斯支持伊朗</a></p><p><a href="/b">日本反对朝鲜</a></p></article>`,
			"中方同意扩大贸易。"},
		{"a list under a 推荐阅读 heading is dropped",
			ownZh + `<h2>推荐阅读</h2><ul><li><a href="/a">俄罗斯支持伊朗</a> 2024-01-02</li></ul>`,
			"中方同意扩大贸易。"},
		{"a 热门 box is dropped",
			ownZh + `<div><div class="hd">热门文章</div><a href="/a">俄罗斯支持伊朗</a><a href="/b">日本反对朝鲜</a></div>`,
			"中方同意扩大贸易。"},
		{"more stories labelled inline are dropped",
			own + `<p>More stories: <a href="/a">Chile supports Peru</a>, <a href="/b">Cuba condemns Spain</a></p>`,
			"Japan and Brazil agreed to expand trade."},
		{"the article goes on after a box of related links",
			`<div><h3>Read more</h3><ul><li><a href="/a">Chile supports Peru</a></li></ul></div><p>Trade talks end</p>` + own,
			"Trade talks end\nJapan and Brazil agreed to expand trade."},
		{"a list whose items are mostly just links is dropped",
			own + `<ul><li><a href="/a">Chile supports Peru</a></li><li><a href="/b">Cuba condemns Spain</a> (video)</li><li>Our view</li></ul>`,
			"Japan and Brazil agreed to expand trade."},
		{"a list of statements with a link in one item stays",
			`<ul><li>Japan agreed to expand trade.</li><li>Brazil will lower tariffs, says the <a href="/r">readout</a>.</li></ul>`,
			"Japan agreed to expand trade.\nBrazil will lower tariffs, says the readout."},
		{"a table of contents under a Contents heading is dropped",
			`<h2>Contents</h2><ol><li><a href="#a">Chile supports Peru</a></li><li><a href="#b">Background</a></li></ol>` + own,
			"Japan and Brazil agreed to expand trade."},
		{"a table of contents under 目录 is dropped",
			`<div><p>目录</p><p>一、中方支持东盟</p><p>二、背景</p></div>` + ownZh,
			"中方同意扩大贸易。"},
		{"share and follow lines are dropped",
			`<div>Share this article: Facebook | X | WhatsApp</div>` + own + `<p>分享到：微信 微博 QQ空间</p><p>Follow us</p>`,
			"Japan and Brazil agreed to expand trade."},
		{"a line that begins with Share but says something stays",
			`<p>Share prices fell after Japan condemned the tariff.</p>`,
			"Share prices fell after Japan condemned the tariff."},
		{"a heading that merely starts like furniture stays",
			`<h2>Popular support for the treaty grows</h2>` + own,
			"Popular support for the treaty grows\nJapan and Brazil agreed to expand trade."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := HTML(tc.html)
			if err != nil {
				t.Fatal(err)
			}
			if d.Text != tc.want {
				t.Errorf("got  %q\nwant %q", d.Text, tc.want)
			}
			checkOffsets(t, tc.html, d)
		})
	}
}

func TestFurnitureLinesOfPlainTextAreDropped(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"a table of contents after 目录 is dropped until the prose",
			"目录\n\n一、中方支持东盟\n二、背景\n\n中方同意扩大贸易。\n",
			"中方同意扩大贸易。"},
		{"a table of contents after Contents is dropped until the prose",
			"Contents\n1. Chile supports Peru\n2. Background ..... 4\nJapan and Brazil agreed to expand trade.\n",
			"Japan and Brazil agreed to expand trade."},
		{"related headlines are dropped until the prose",
			"Japan and Brazil agreed to expand trade.\nRelated stories:\nChile supports Peru\nCuba condemns Spain\nBoth sides will meet again in May.\n",
			"Japan and Brazil agreed to expand trade.\nBoth sides will meet again in May."},
		{"a labelled line is dropped alone",
			"Read more: Chile supports Peru\nTrade talks end\nJapan and Brazil agreed to expand trade.\n",
			"Trade talks end\nJapan and Brazil agreed to expand trade."},
		{"share lines are dropped",
			"Share on Facebook, Twitter\n分享到：\n中方同意扩大贸易。\n关注我们\n",
			"中方同意扩大贸易。"},
		{"promotions of the publisher are dropped, a sentence about subscribing is not",
			"中方同意扩大贸易。\n在微博上关注他 @zhangsan\n点击此处订阅每日简报\n每天早上发送新闻至您的邮箱\n读者可以订阅该报的英文简报。\nFollow her on X @ann\n",
			"中方同意扩大贸易。\n读者可以订阅该报的英文简报。"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Text(tc.text)
			if d.Text != tc.want {
				t.Errorf("got  %q\nwant %q", d.Text, tc.want)
			}
			checkOffsets(t, tc.text, d)
		})
	}
}

func TestFurnitureNames(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"related-stories", true}, {"relatedPosts", true}, {"article-toc", true}, {"mw-toc", true},
		{"readMore", true}, {"read_more", true}, {"share-bar", true}, {"most-popular", true},
		{"xgxw", true}, {"table-of-contents", true},
		{"stock", false}, {"article-body", false}, {"content", false}, {"story", false}, {"photo", false},
	}
	for _, tc := range tests {
		if got := isFurnitureName(tc.name); got != tc.want {
			t.Errorf("isFurnitureName(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// checkOffsets checks that every byte of the clean text maps into the
// input: a byte of text to the same byte, or to the '&' of the character
// reference it was decoded from.
func checkOffsets(t testing.TB, in string, d Doc) {
	t.Helper()
	for i := 0; i < len(d.Text); i++ {
		o := d.InputOffset(i)
		if o < 0 || o > len(in) {
			t.Fatalf("text offset %d maps outside the input: %d", i, o)
		}
		c := d.Text[i]
		if c == ' ' || c == '\n' {
			continue
		}
		if o == len(in) || (in[o] != c && in[o] != '&') {
			t.Fatalf("text offset %d (%q) maps to input offset %d (%q)", i, d.Text[i:min(len(d.Text), i+8)], o, in[o:min(len(in), o+8)])
		}
	}
	if o := d.InputOffset(len(d.Text)); o < 0 || o > len(in) {
		t.Fatalf("the end of the text maps outside the input: %d", o)
	}
	if strings.Contains(d.Text, "\n\n") {
		t.Fatalf("empty line in %q", d.Text)
	}
}

// fuzzElements are the elements FuzzHTMLDropsFurniture builds documents
// of: how each opens and closes, and whether its text is dropped whatever
// it holds ("" for an element kept or dropped by its context).
var fuzzElements = []struct {
	open, close string
	dropped     bool
}{
	{"<div>", "</div>", false}, {"<p>", "</p>", false}, {"<span>", "</span>", false},
	{"<b>", "</b>", false}, {"<section>", "</section>", false},
	{"<blockquote>", "</blockquote>", false}, {"<article>", "</article>", false},
	{"<main>", "</main>", false}, {`<div hidden="until-found">`, "</div>", false},
	{"<figure>", "</figure>", false}, {"<figcaption>", "</figcaption>", false},
	{"<header>", "</header>", false}, {"<footer>", "</footer>", false},
	{"<aside>", "</aside>", true}, {"<nav>", "</nav>", true}, {"<template>", "</template>", true},
	{"<noscript>", "</noscript>", true}, {"<div hidden>", "</div>", true},
	{`<span aria-hidden="true">`, "</span>", true}, {`<p style="display: none">`, "</p>", true},
	{`<div style="visibility:hidden">`, "</div>", true}, {`<div class="toc">`, "</div>", true},
	{`<ul id="related-stories">`, "</ul>", true}, {`<section class="read-more">`, "</section>", true},
}

// fuzzNode is an element (or, with no element, the document) of a
// generated document.
type fuzzNode struct {
	el       int // index in fuzzElements, or -1
	children []*fuzzNode
	word     int    // >0: a marker word ⟦n⟧
	text     string // free text, escaped
}

// buildFuzzDoc turns prog into a well-nested document: each byte opens an
// element, closes one, or writes a marker word; free is written as text
// between them.
func buildFuzzDoc(prog []byte, free string) *fuzzNode {
	free = html.EscapeString(strings.ReplaceAll(free, "⟦", ""))
	root := &fuzzNode{el: -1}
	stack := []*fuzzNode{root}
	words := 0
	for _, b := range prog {
		top := stack[len(stack)-1]
		noscript := top.el >= 0 && fuzzElements[top.el].open == "<noscript>" // raw text: no elements inside
		switch op := int(b) % (len(fuzzElements) + 3); {
		case op < len(fuzzElements) && !noscript && len(stack) < 40:
			n := &fuzzNode{el: op}
			top.children = append(top.children, n)
			stack = append(stack, n)
		case op == len(fuzzElements) && len(stack) > 1:
			stack = stack[:len(stack)-1]
		case op == len(fuzzElements)+1:
			words++
			top.children = append(top.children, &fuzzNode{el: -1, word: words})
		default:
			top.children = append(top.children, &fuzzNode{el: -1, text: free})
		}
	}
	return root
}

func (n *fuzzNode) render(b *strings.Builder) {
	switch {
	case n.word > 0:
		fmt.Fprintf(b, " ⟦%d⟧ ", n.word)
		return
	case n.text != "":
		b.WriteString(n.text)
		return
	}
	if n.el >= 0 {
		b.WriteString(fuzzElements[n.el].open)
	}
	for _, c := range n.children {
		c.render(b)
	}
	if n.el >= 0 {
		b.WriteString(fuzzElements[n.el].close)
	}
}

func (n *fuzzNode) holdsQuote() bool {
	for _, c := range n.children {
		if (c.el >= 0 && fuzzElements[c.el].open == "<blockquote>") || c.holdsQuote() {
			return true
		}
	}
	return false
}

// droppedWords collects the marker words that the rules drop whatever else
// the document holds. article and quote say whether an <article> or <main>,
// and a <blockquote>, are open around n; figure whether a figure is.
func (n *fuzzNode) droppedWords(dropped, article, quote, figure bool, out map[int]bool) {
	if n.word > 0 && dropped {
		out[n.word] = true
	}
	if n.el >= 0 {
		switch e := fuzzElements[n.el]; e.open {
		case "<article>", "<main>":
			article = true
		case "<blockquote>":
			quote = true
		case "<header>":
			dropped = dropped || (!article && !quote)
		case "<footer>":
			dropped = dropped || !quote
		case "<figcaption>":
			dropped = dropped || !figure
		case "<figure>":
			figure = true
			dropped = dropped || !n.holdsQuote()
		default:
			dropped = dropped || e.dropped
		}
	}
	for _, c := range n.children {
		c.droppedWords(dropped, article, quote, figure, out)
	}
}

// FuzzHTMLDropsFurniture builds documents of kept elements and furniture
// around marker words and checks that no word inside furniture reaches the
// text, that the text is valid UTF-8 and maps back into the input.
func FuzzHTMLDropsFurniture(f *testing.F) {
	f.Add([]byte{13, 25, 0, 25, 24}, "Japan and Brazil agreed")
	f.Add([]byte{9, 1, 25, 24, 24, 10, 25}, "")
	f.Add([]byte{6, 11, 25, 24, 12, 25, 24, 24, 12, 25}, "目录")
	f.Add([]byte{5, 9, 1, 25, 24, 10, 25}, "Related stories")
	f.Fuzz(func(t *testing.T, prog []byte, free string) {
		if len(prog) > 2000 {
			return
		}
		doc := buildFuzzDoc(prog, free)
		var b strings.Builder
		doc.render(&b)
		in := b.String()
		d, err := HTML(in)
		if err != nil {
			t.Fatal(err)
		}
		dropped := map[int]bool{}
		doc.droppedWords(false, false, false, false, dropped)
		for w := range dropped {
			if strings.Contains(d.Text, fmt.Sprintf("⟦%d⟧", w)) {
				t.Fatalf("word ⟦%d⟧ of furniture in the text %q\ninput %q", w, d.Text, in)
			}
		}
		if utf8.ValidString(in) && !utf8.ValidString(d.Text) {
			t.Fatalf("valid input gave invalid text %q", d.Text)
		}
		checkOffsets(t, in, d)
	})
}

package clean

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// headingPhrases head the page furniture that lists other pages: related
// stories, reading suggestions, popularity lists and tables of contents. A
// line or heading that says exactly one of them (in any case, with its
// punctuation) is dropped, and so are the entries under it.
var headingPhrases = []string{
	"related", "related stories", "related articles", "related news", "related content",
	"related coverage", "related links", "related posts", "related topics", "related reading",
	"related videos", "related story", "related article",
	"read more", "read next", "read also", "also read", "see also", "further reading",
	"more stories", "more news", "more on this story", "more on this topic", "more coverage",
	"more to explore", "more from this section", "you may also like", "you might also like",
	"you may also be interested in", "you might be interested in", "recommended",
	"recommended for you", "recommended stories", "recommended reading", "editor's picks",
	"editors' picks", "most read", "most popular", "most viewed", "popular", "popular stories",
	"trending", "trending now", "trending stories", "top stories", "latest stories",
	"latest news", "what to read next",
	"contents", "table of contents", "in this article", "in this story", "on this page",
	"jump to", "jump to section",
	"相关新闻", "相关阅读", "相关文章", "相关报道", "相关链接", "相关推荐", "相关内容", "相关专题",
	"相关稿件", "相关资讯", "延伸阅读", "推荐阅读", "扩展阅读", "拓展阅读", "热门", "热门新闻",
	"热门文章", "热门推荐", "热门阅读", "热点新闻", "热点推荐", "热读", "猜你喜欢", "更多新闻",
	"更多阅读", "更多精彩", "精彩推荐", "编辑推荐", "为你推荐", "往期回顾", "阅读排行", "点击排行",
	"排行榜", "目录", "本文目录", "文章目录",
}

// labelSeparators end a heading phrase used as a label: "Related: …",
// "延伸阅读｜…".
const labelSeparators = ":：|｜»›>-–—/·"

// furniturePhrase reports whether s is a furniture heading (exactly one of
// headingPhrases) or a furniture label (a heading phrase, a separator and
// what it labels, e.g. "Read more: …").
func furniturePhrase(s string) (heading, label bool) {
	var buf [phraseBuf]byte
	n, whole := normPhrase(buf[:0], s)
	return matchPhrase(n, whole)
}

// matchPhrase is furniturePhrase on a normalized line; whole says n is all
// of it, not its start.
func matchPhrase(n []byte, whole bool) (heading, label bool) {
	if len(n) == 0 {
		return false, false
	}
	for _, p := range headingPhrases {
		if len(n) < len(p) || n[0] != p[0] || string(n[:len(p)]) != p {
			continue
		}
		rest := n[len(p):]
		if len(rest) == 0 {
			return whole, false
		}
		cjk := p[0] >= utf8.RuneSelf
		if cjk && rest[0] == ' ' {
			return false, true // Chinese labels are set off by a space as often as by a colon
		}
		r, _ := utf8.DecodeRune(bytes.TrimLeft(rest, " "))
		if strings.ContainsRune(labelSeparators, r) {
			return false, true
		}
	}
	return false, false
}

// phraseBuf bounds how much of a line is normalized: more than the longest
// heading phrase with its separator, and lines of furniture are short.
const phraseBuf = 160

// normPhrase appends to dst s lower-cased, its spaces collapsed and the
// punctuation and symbols around it trimmed ("【相关新闻】", "Related:",
// "» More stories"), at most phraseBuf bytes of it; whole is false when s
// went on beyond that.
func normPhrase(dst []byte, s string) (n []byte, whole bool) {
	s = strings.TrimFunc(s, isPunctOrSpace)
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = len(dst) > 0
			continue
		}
		if len(dst)+utf8.UTFMax+1 > phraseBuf {
			return dst, false
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			dst = append(dst, byte(r))
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst, true
}

func isPunctOrSpace(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSymbol(r) || isSpace(r)
}

// maxEntryRunes bounds the length of an entry under a furniture heading: a
// headline or a section title, not a paragraph.
const maxEntryRunes = 120

// isEntry reports whether a line reads as an entry of a list of links or of
// a table of contents: short, and not a sentence (no sentence-final
// punctuation at its end or inside it).
func isEntry(line string) bool {
	if utf8.RuneCountInString(line) > maxEntryRunes || strings.ContainsAny(line, "。！？") {
		return false
	}
	t := strings.TrimRightFunc(line, func(r rune) bool {
		return isSpace(r) || strings.ContainsRune(`"'”’」』)）]】`, r)
	})
	r, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".!?…;；", r)
}

// sharePrefixes start a line of share or follow buttons.
var sharePrefixes = []string{
	"share this article", "share this story", "share this page", "share this post", "share this",
	"share on", "share via", "share to", "share", "follow us on", "follow us", "分享到", "分享至",
	"分享", "关注我们", "tweet", "print", "打印", "email",
}

// shareTargets are what follows a share prefix on such a line: networks
// and the buttons beside them.
var shareTargets = map[string]bool{
	"facebook": true, "twitter": true, "x": true, "linkedin": true, "whatsapp": true, "telegram": true,
	"email": true, "e-mail": true, "mail": true, "print": true, "reddit": true, "weibo": true,
	"wechat": true, "微信": true, "微博": true, "新浪微博": true, "qq": true, "qq空间": true, "qzone": true,
	"豆瓣": true, "朋友圈": true, "复制链接": true, "copy": true, "link": true, "打印": true, "邮件": true,
	"instagram": true, "youtube": true, "tiktok": true, "抖音": true, "line": true, "messenger": true,
	"pinterest": true, "flipboard": true, "rss": true, "bluesky": true, "threads": true,
	"mastodon": true, "小红书": true, "今日头条": true, "and": true, "or": true,
}

// matchShare reports a (normalized) line of share or follow buttons:
// "Share", "Share this article: Facebook Twitter", "分享到：微信 微博",
// "Follow us". "Share prices fell" is no such line: every word after the
// prefix must be a network or a button.
func matchShare(n []byte) bool {
	if len(n) == 0 {
		return false
	}
	for _, p := range sharePrefixes {
		if len(n) < len(p) || n[0] != p[0] || string(n[:len(p)]) != p {
			continue
		}
		rest := string(n[len(p):])
		if rest != "" && p[0] < utf8.RuneSelf {
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(r) {
				continue // "shares", "printed": another word
			}
		}
		all := true
		for _, w := range strings.FieldsFunc(rest, func(r rune) bool {
			return isSpace(r) || strings.ContainsRune(",，、|｜/·:：•-", r)
		}) {
			if !shareTargets[w] {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// nameStems mark page furniture wherever they stand in a word of a class
// or id ("relatedPosts", "sharebar", "newsletter-signup"); nameWords only as
// a whole word, being short enough to occur inside others ("toc" in
// "article-toc", not in "stock").
var (
	nameStems = []string{
		"share", "social", "caption", "promo", "newsletter", "related", "advert", "breadcrumb",
		"sidebar", "recommend", "trending", "readmore", "tableofcontents", "mostread",
		"morestories", "xiangguan", "tuijian", "yanshen",
	}
	nameWords = map[string]bool{"toc": true, "popular": true, "remen": true, "xgxw": true, "xgwz": true}
)

// nameSequences are furniture names written as several words.
var nameSequences = [][]string{
	{"read", "more"}, {"more", "stories"}, {"most", "read"}, {"most", "popular"},
	{"table", "of", "contents"}, {"you", "may", "like"}, {"also", "like"},
}

// isFurnitureName reports whether a class or id names page furniture:
// "related-stories", "article-toc", "readMore", "share_buttons".
func isFurnitureName(v string) bool {
	words := nameWordsOf(v)
	for i, w := range words {
		if nameWords[w] {
			return true
		}
		for _, s := range nameStems {
			if strings.Contains(w, s) {
				return true
			}
		}
		for _, seq := range nameSequences {
			if i+len(seq) <= len(words) && equalWords(words[i:i+len(seq)], seq) {
				return true
			}
		}
	}
	return false
}

// nameWordsOf splits a class or id into lower-case words at separators,
// digits and lower-to-upper case changes.
func nameWordsOf(v string) []string {
	var words []string
	start := -1
	var prev rune
	for i, r := range v {
		letter := unicode.IsLetter(r)
		if letter && start >= 0 && unicode.IsUpper(r) && unicode.IsLower(prev) {
			words = append(words, strings.ToLower(v[start:i]))
			start = i
		}
		if letter && start < 0 {
			start = i
		}
		if !letter && start >= 0 {
			words = append(words, strings.ToLower(v[start:i]))
			start = -1
		}
		prev = r
	}
	if start >= 0 {
		words = append(words, strings.ToLower(v[start:]))
	}
	return words
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// hiddenByStyle reports an inline style that hides its element:
// display:none or visibility:hidden (or collapse).
func hiddenByStyle(style string) bool {
	for decl := range strings.SplitSeq(style, ";") {
		k, v, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important")))
		if (k == "display" && v == "none") || (k == "visibility" && (v == "hidden" || v == "collapse")) {
			return true
		}
	}
	return false
}

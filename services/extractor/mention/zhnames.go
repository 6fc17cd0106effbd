package mention

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/services/extractor/token"
)

// Chinese names the gazetteer lacks and no title introduces: a
// transliterated full name written with a name dot (亚当·金辛格), and a
// name the text glosses in Latin script (班农（Steve Bannon）, handled by
// zhDualNames with the start found here).

// maxNameRunes bounds the Han characters on one side of a name dot, or of
// a name before a Latin gloss.
const maxNameRunes = 8

// nameRune reports a character that can be part of a transliterated name:
// one of those the gazetteer's foreign names are spelt with, and neither
// the end of a title (师, 员, 长) nor a particle or preposition (的, 向, 和).
// The segmenter splits unknown transliterations into odd pieces (科/罗/纳,
// 扎/德), so names are read character by character.
func (d *Doc) nameRune(r rune) bool {
	return d.f.translit[r] && !zhNoNameStart[r] && !strings.ContainsRune(zhTitleEnds, r)
}

// zhTitleEnds are characters that end a title or a role (策略师, 议员,
// 部长, 学者): the name starts after them.
const zhTitleEnds = "师员长家人者官士手使帅商派党王教统"

// nameStartBefore returns where a transliterated name that ends at byte
// offset end begins: the run of name characters right before it, never
// into a mention other than a person's, at most maxNameRunes of them, not
// before lo; end when none.
func (d *Doc) nameStartBefore(text string, lo int, toks []token.Token, ms []Mention, end int) int {
	start, n := end, 0
	for start > lo && n < maxNameRunes {
		r, size := utf8.DecodeLastRuneInString(text[lo:start])
		if !d.nameRune(r) || overlapsMention(ms, start-size, start) || d.inWord(toks, start-size) {
			break
		}
		start -= size
		n++
	}
	return start
}

// blocksName reports a mention inside start..end that a name cannot run
// through: any but a person's, or a capital city's (杰克·伦敦).
func (d *Doc) blocksName(ms []Mention, start, end int) bool {
	for i := range ms {
		m := &ms[i]
		if m.Kind != Person && m.Start < end && start < m.End && !(m.Kind == Actor && d.f.lx.Seat(m.Text)) {
			return true
		}
	}
	return false
}

// nameEndAfter is nameStartBefore's mirror: where a name that begins at
// start ends, not after hi.
func (d *Doc) nameEndAfter(text string, hi int, toks []token.Token, ms []Mention, start int) int {
	end, n := start, 0
	for end < hi && n < maxNameRunes {
		r, size := utf8.DecodeRuneInString(text[end:hi])
		if !d.nameRune(r) || d.blocksName(ms, end, end+size) || d.inWord(toks, end) {
			break
		}
		end += size
		n++
	}
	return end
}

// inWord reports a character at byte offset at that belongs to a word
// of two or more characters no name is: a verb, an adverb, a time word
// (参加, 表示), or a common noun with a character no transliteration uses
// (主任, 国家).
func (d *Doc) inWord(toks []token.Token, at int) bool {
	i := tokenAt(toks, at)
	if i < 0 {
		return false
	}
	t := &toks[i]
	if utf8.RuneCountInString(t.Text) < 2 || t.Tag == "" {
		return false
	}
	switch t.Tag {
	case "nr", "nrt", "nrfg", "nz", "ns":
		return false
	}
	if strings.ContainsRune("vdpcumqtfra", rune(t.Tag[0])) {
		return true
	}
	for _, r := range t.Text {
		if !d.f.translit[r] {
			return true
		}
	}
	return false
}

// tokenAt returns the index of the token that holds byte offset at, or -1.
func tokenAt(toks []token.Token, at int) int {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].End > at })
	if i == len(toks) || toks[i].Start > at {
		return -1
	}
	return i
}

func hanOnly(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}

// zhDotted finds transliterated full names joined by a name dot
// (柯尔斯滕·约翰逊, 亚当·金辛格) that the gazetteer lacks: each part a run of
// name words, the whole neither inside a title of a work (《…》) nor the
// head of an organisation's name (…公司). A gazetteer person found inside
// such a name (约翰逊 alone) gives way to it.
func (d *Doc) zhDotted(text string, s *Sentence, ms []Mention) []Mention {
	st := text[s.Start:s.End]
	if !strings.Contains(st, "·") {
		return ms
	}
	for off := 0; off < len(st); {
		k := strings.Index(st[off:], "·")
		if k < 0 {
			break
		}
		dot := s.Start + off + k
		off += k + len("·")
		start := d.nameStartBefore(text, s.Start, s.Tokens, ms, dot)
		given := -1 // a state's name as a given name: 查德·沃尔夫 (Chad Wolf), 约旦·彼得森
		if start == dot {
			for i := range ms {
				if m := &ms[i]; m.End == dot && m.Kind == Actor && len(m.IDs) == 1 && !strings.Contains(m.IDs[0], ":") && utf8.RuneCountInString(m.Text) <= 3 {
					given = i
				}
			}
			if given < 0 {
				continue
			}
			start = ms[given].Start
		}
		end := dot + len("·")
		for {
			e := d.nameEndAfter(text, s.End, s.Tokens, ms, end)
			if e == end {
				break
			}
			end = e
			if !strings.HasPrefix(text[end:s.End], "·") {
				break
			}
			end += len("·")
		}
		if strings.HasSuffix(text[start:end], "·") {
			continue
		}
		if given >= 0 && (end-dot-len("·") < len("沃尔") || overlapsMention(ms, dot, end)) {
			continue // 中国·东盟: two parties joined, no name
		}
		if m := glossAhead.FindStringIndex(text[end:s.End]); m != nil && latinAfter(strings.TrimLeft(text[end+m[1]:s.End], " ")) != "" {
			end += m[1] // 费尔·罗柏森（Phil Robertson）: the gloss says where the name ends
		}
		off = end - s.Start
		if inWorkTitle(st, start-s.Start) || d.placeOrOrg(text, text[start:end], end, s.End) {
			continue
		}
		keep := ms[:0:0]
		covered := false
		for _, m := range ms {
			switch {
			case m.End <= start || m.Start >= end:
				keep = append(keep, m)
			case m.Kind == Person && m.Start >= start && m.End <= end && (m.Start > start || m.End < end):
				// 约翰逊 inside 柯尔斯滕·约翰逊: someone else of that family name
			case m.Kind == Actor && d.f.lx.Seat(m.Text) && m.Start > start && m.End <= end:
				// 伦敦 inside 杰克·伦敦: a name, not the city
			case given >= 0 && m.Start == ms[given].Start && m.End == ms[given].End:
				// 查德 in 查德·沃尔夫: the given name, not the state
			default:
				covered = true
				keep = append(keep, m)
			}
		}
		if covered {
			continue
		}
		name := text[start:end]
		var p *Mention
		if latin := latinAfter(text[end:s.End]); latin != "" {
			p = d.personByLatin(latin, "", "") // 亚当·金辛格（Adam Kinzinger）
		} else {
			p = d.personNamed(name, "", "")
		}
		if p == nil {
			continue
		}
		ms = keep
		p.Start, p.End, p.Text = start, end, name
		p.How = name + " → " + p.Person + " (a transliterated full name)"
		ms = append(ms, *p)
		d.introduce(p)
	}
	return ms
}

// glossAhead matches the last characters of a name before its Latin gloss.
var glossAhead = regexp.MustCompile(`^\p{Han}{1,3}`)

// inWorkTitle reports a position inside 《…》 (a book's, a film's title).
func inWorkTitle(st string, at int) bool {
	open := strings.LastIndex(st[:at], "《")
	return open >= 0 && !strings.Contains(st[open:at], "》")
}

// orgSuffixAt reports text that opens with the head of an organisation's
// name (…公司, …基金会), which makes the name before it part of that name.
func orgSuffixAt(rest string) bool {
	for _, suf := range zhOrgSuffix {
		if strings.HasPrefix(rest, suf) {
			return true
		}
	}
	return false
}

// placeSuffixAt reports text that opens with what makes the name before it
// a place's (纳戈尔诺·卡拉巴赫地区, …州, …岛).
func placeSuffixAt(rest string) bool {
	for _, suf := range []string{"地区", "州", "省", "市", "县", "郡", "岛", "山", "河", "湖", "湾", "港", "共和国", "王国", "半岛", "自治"} {
		if strings.HasPrefix(rest, suf) {
			return true
		}
	}
	return false
}

// MaxPlaceScans bounds the dotted names whose every occurrence in the text
// is looked at (纳戈尔诺·卡拉巴赫 … 纳戈尔诺·卡拉巴赫地区): a text naming more
// checks the others only where they stand, so that the cost stays linear.
const MaxPlaceScans = 64

// placeOrOrg reports a dotted name that the text writes as a place's or an
// organisation's (纳戈尔诺·卡拉巴赫地区, …公司): where it stands (end is where
// the name ends, sentEnd where its sentence does), and, for the first
// MaxPlaceScans names, anywhere in the text.
func (d *Doc) placeOrOrg(text, name string, end, sentEnd int) bool {
	if suffixNear(name, text[end:min(sentEnd, end+16)]) {
		return true
	}
	if v, ok := d.placeNames[name]; ok {
		return v
	}
	if len(d.placeNames) >= MaxPlaceScans {
		return false
	}
	if d.placeNames == nil {
		d.placeNames = map[string]bool{}
	}
	found := false
	for off := 0; !found; {
		k := strings.Index(text[off:], name)
		if k < 0 {
			break
		}
		off += k + len(name)
		found = suffixNear(name, text[off:min(len(text), off+16)])
	}
	d.placeNames[name] = found
	return found
}

// suffixNear reports a name followed by the head of an organisation's or
// a place's name, which may have begun inside it (卡拉巴赫地|区: 地 can
// spell a name too).
func suffixNear(name, rest string) bool {
	tail := len(name)
	for k := 0; k <= 2 && tail > 0; k++ {
		if orgSuffixAt(name[tail:]+rest) || placeSuffixAt(name[tail:]+rest) {
			return true
		}
		_, size := utf8.DecodeLastRuneInString(name[:tail])
		tail -= size
	}
	return false
}

// privateName reports a name read after a role that is no office (律师,
// 学者, 弟弟) that looks like a name: a Chinese one of two or three
// characters opening with a family name, or a transliteration.
func (d *Doc) privateName(name string) bool {
	if strings.Contains(name, "·") || !hasHan(name) {
		return true // (a Latin name was read as one already)
	}
	if zhPersonSlug(name) != "" {
		return true // a Chinese name: a family name and one or two more characters
	}
	for _, r := range name {
		if !d.nameRune(r) {
			return false
		}
	}
	return true
}

// zhNameLists finds Chinese names listed together (余文生、黄琦、葛觉平和
// 刘飞跃等): three or more items in a row, separated by 、 (or by ，, 和,
// 及, 与 once the list has begun), each two to four characters opening with
// a family name and no word of the dictionary. The first item may close
// what comes before it (还有余文生), the last open what follows (刘飞跃等).
func (d *Doc) zhNameLists(text string, s *Sentence, ms []Mention) []Mention {
	st := text[s.Start:s.End]
	if strings.Count(st, "、") < 1 {
		return ms
	}
	type item struct{ start, end int }
	// split the sentence at list separators, with byte offsets in text
	var parts []item
	from := 0
	for i, r := range st {
		if r == '、' || r == '，' || r == ',' || r == '和' || r == '及' || r == '与' || r == '。' || r == '；' {
			parts = append(parts, item{s.Start + from, s.Start + i})
			from = i + utf8.RuneLen(r)
		}
	}
	parts = append(parts, item{s.Start + from, s.End})
	isName := func(a, b int) bool {
		name := text[a:b]
		n := utf8.RuneCountInString(name)
		return n >= 2 && n <= 4 && hanOnly(name) && zhPersonSlug(name) != "" && !zhCommonWord(s.Tokens, a, b) &&
			!overlapsMention(ms, a, b)
	}
	// a name at the end of a part (还有余文生) or at its start (刘飞跃等多名…)
	tail := func(p item) (item, bool) {
		for _, k := range []int{3, 2, 4} {
			a := p.end
			for j := 0; j < k && a > p.start; j++ {
				_, size := utf8.DecodeLastRuneInString(text[p.start:a])
				a -= size
			}
			if a > p.start && alignedToken(s.Tokens, a) && isName(a, p.end) {
				return item{a, p.end}, true
			}
		}
		return p, false
	}
	head := func(p item) (item, bool) {
		for _, k := range []int{3, 2} {
			b := p.start
			for j := 0; j < k && b < p.end; j++ {
				_, size := utf8.DecodeRuneInString(text[b:p.end])
				b += size
			}
			if b < p.end && strings.HasPrefix(text[b:p.end], "等") && isName(p.start, b) {
				return item{p.start, b}, true
			}
		}
		return p, false
	}
	for i := 0; i < len(parts); {
		// the longest run of whole-name parts from i
		j := i
		for j < len(parts) && isName(parts[j].start, parts[j].end) {
			j++
		}
		names := append([]item(nil), parts[i:j]...)
		if i > 0 && len(names) > 0 {
			if p, ok := tail(parts[i-1]); ok {
				names = append([]item{p}, names...)
			}
		}
		if j < len(parts) && len(names) > 0 {
			if p, ok := head(parts[j]); ok {
				names = append(names, p)
			}
		}
		// a list needs three names, one of them separated by 、
		first := s.Start
		if len(names) > 0 {
			first = names[0].start
		}
		// "翻译：邓妍、…": a byline names no one the text is about
		byline := strings.HasSuffix(text[s.Start:first], "：") || strings.HasSuffix(text[s.Start:first], ":")
		if len(names) >= 3 && !byline && strings.Contains(text[names[0].start:names[len(names)-1].end], "、") {
			for _, n := range names {
				name := text[n.start:n.end]
				p := d.personNamed(name, "", "")
				if p == nil {
					continue
				}
				p.Start, p.End, p.Text = n.start, n.end, name
				p.How = name + " → " + p.Person + " (a name in a list of names)"
				ms = append(ms, *p)
				d.introduce(p)
			}
		}
		if j == i {
			j++
		}
		i = j
	}
	return ms
}

// alignedToken reports a token that starts at byte offset at.
func alignedToken(toks []token.Token, at int) bool {
	i := tokenAt(toks, at)
	return i >= 0 && toks[i].Start == at
}

// knownName reports a name of the gazetteer's people or of someone the
// text introduced.
func (d *Doc) knownName(name string) bool {
	for _, e := range d.f.lx.Lookup(name) {
		if e.Kind == lexicon.KindPerson {
			return true
		}
	}
	_, ok := d.introduced[strings.ToLower(name)]
	return ok
}

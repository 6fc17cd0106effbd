package mention

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/services/extractor/token"
)

// orgHeads are the words that make a capitalised English phrase an
// organisation's name ("NSO Group", "Council of Europe", "Committee to
// Protect Journalists").
var orgHeads = map[string]bool{"group": true, "company": true, "corporation": true, "corp": true, "inc": true, "ltd": true,
	"university": true, "institute": true, "institution": true, "foundation": true, "association": true, "council": true,
	"committee": true, "commission": true, "agency": true, "bank": true, "fund": true, "party": true, "organization": true,
	"organisation": true, "union": true, "league": true, "federation": true, "coalition": true, "alliance": true,
	"network": true, "movement": true, "front": true, "chamber": true, "center": true, "centre": true, "society": true,
	"forum": true, "court": true, "tribunal": true, "partnership": true, "holdings": true,
	"airlines": true, "consortium": true, "watch": true, "school": true, "college": true}

// orgInside are the lower-case words allowed inside an organisation's name.
var orgInside = map[string]bool{"of": true, "for": true, "the": true, "and": true, "&": true, "to": true, "on": true, "in": true}

// inferred finds organisations and people the gazetteer lacks: English
// capitalised phrases headed by an organisation word, and names written in
// both scripts in Chinese text (埃森哲（Accenture）, 玛丽亚·罗莎（Maria Rosa）).
func (d *Doc) inferred(text string, s *Sentence, ms []Mention) []Mention {
	if s.Lang == "en" {
		return d.enOrgs(text, s, ms)
	}
	return d.zhNameLists(text, s, d.zhDualNames(text, s, d.zhDotted(text, s, ms)))
}

func overlapsAny(ms []Mention, a, b int) bool {
	for i := range ms {
		if ms[i].Start < b && a < ms[i].End {
			return true
		}
	}
	return false
}

func (d *Doc) enOrgs(text string, s *Sentence, ms []Mention) []Mention {
	toks := s.Tokens
	for i := 0; i < len(toks); i++ {
		if !capitalised(toks[i].Text) || i == 0 && !orgHeads[strings.ToLower(toks[i].Text)] && len(toks) > 1 && !capitalised(toks[1].Text) {
			continue
		}
		// the longest run of capitalised words (with of/for/the/and inside) ending in or holding a head word
		j, head, lastCap := i, -1, i
		for j < len(toks) {
			w := toks[j].Text
			lw := strings.ToLower(strings.TrimSuffix(w, "."))
			if j > i && text[toks[j-1].End:toks[j].Start] != " " && w != "." && !(w == "-" || toks[j-1].Text == "-") {
				break
			}
			if head >= 0 && lastCap == j-1 && orgTitleWords[lw] {
				break // "Agency for International Development Deputy Administrator": a title after the name
			}
			if head >= 0 && j > head && (d.personAt(toks, j) || titleCaseFunction[lw] || orgEventWords[lw]) {
				break // "Chamber of Commerce Myron …", "… At the Summit", "… Council Meeting": a person, a headline's words or an event after the name
			}
			if weekdays[lw] || months[lw] && lw != "may" {
				break // "… on Thursday, April 7": no name holds a day or a month (May is a name and a verb too)
			}
			if head < 0 && j > i && titleCaseFunction[lw] && capitalised(w) {
				i, lastCap = j+1, j+1 // "Remarks With the Council …": the name starts after the headline's words
				j++
				continue
			}
			if capitalised(w) && isNameWord(strings.TrimSuffix(w, ".")) || strings.ToUpper(w) == w && len(w) >= 2 && utf8.RuneCountInString(w) <= 6 && isLetters(w) {
				if orgHeads[lw] {
					head = j
				}
				lastCap = j
				j++
				continue
			}
			if j > i && (orgInside[lw] || w == "-" && toks[j-1].End == toks[j].Start) && j+1 < len(toks) && capitalised(toks[j+1].Text) {
				// "Bank for International Settlements", "High-Level Political Forum", "Export-Import Bank"
				j++
				continue
			}
			break
		}
		if head < 0 || lastCap == i && orgHeads[strings.ToLower(toks[i].Text)] {
			i = max(i, lastCap)
			continue
		}
		start, end := toks[i].Start, toks[lastCap].End
		name := text[start:end]
		if strings.HasPrefix(name, "The ") {
			start += 4
			name = name[4:]
		}
		if !strings.Contains(name, " ") && orgHeads[strings.ToLower(name)] || strings.HasSuffix(text[:start], "-") || strings.HasSuffix(text[:start], "–") {
			// "the Organization", "the Forum": a body the text named before, by its head word alone;
			// "Export-Import Bank" read from its second word: no name of its own
			i = lastCap
			continue
		}
		if overlapsAny(ms, start, end) || d.isOrgan(name) {
			i = lastCap
			continue
		}
		id := "org:" + Slug(name)
		if es := d.f.lx.Lookup(name); len(es) > 0 {
			id = es[0].ID
		}
		ms = append(ms, Mention{Kind: Actor, Start: start, End: end, Text: name, IDs: []string{id}, Entity: true,
			EntityType: lexicon.KindOrg, Inferred: true, How: name + " → " + id + " (an organisation's name)"})
		i = lastCap
	}
	return ms
}

// titleCaseFunction are function words a title-case headline capitalises
// ("Remarks … At the Summit"): no word of an organisation's name.
var titleCaseFunction = map[string]bool{"at": true, "with": true, "from": true, "by": true, "as": true, "after": true,
	"before": true, "during": true, "about": true, "into": true, "over": true, "via": true}

// orgEventWords name an event of an organisation when they follow its
// name in a title-case headline ("Advisory Council Meeting on Thursday").
var orgEventWords = map[string]bool{"meeting": true, "meetings": true, "session": true, "sessions": true, "briefing": true,
	"hearing": true, "call": true, "visit": true, "remarks": true, "statement": true, "event": true}

// weekdays and months name days and months in English, lower case.
var (
	weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
		"saturday": true, "sunday": true}
	months = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
		"july": true, "august": true, "september": true, "october": true, "november": true, "december": true}
)

// orgTitleWords open a title after an organisation's name.
var orgTitleWords = map[string]bool{"deputy": true, "assistant": true, "administrator": true, "secretary": true, "director": true,
	"minister": true, "ambassador": true, "spokesperson": true, "spokesman": true, "chairman": true, "chairwoman": true,
	"commissioner": true, "envoy": true, "undersecretary": true, "chief": true, "head": true, "president": true, "ceo": true,
	"vice": true, "chair": true}

// personAt reports a given name at token j followed by another capitalised
// word that with it names nothing the gazetteer knows (Myron Brillant; not
// New York).
func (d *Doc) personAt(toks []token.Token, j int) bool {
	if !d.f.givenNames[toks[j].Text] || j+1 >= len(toks) || !capitalised(toks[j+1].Text) {
		return false
	}
	return len(d.f.lx.Lookup(toks[j].Text+" "+toks[j+1].Text)) == 0
}

func isLetters(w string) bool {
	for _, r := range w {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return false
		}
	}
	return true
}

// isOrgan reports a phrase naming a state's organ (ministries, armed
// forces, parliaments): those stand for their state, they are not
// organisations of their own.
func (d *Doc) isOrgan(name string) bool {
	l := strings.ToLower(name)
	for _, w := range []string{"ministry", "department", "embassy", "consulate", "army", "navy", "air force", "police", "parliament",
		"congress", "senate", "cabinet", "government", "office", "administration", "coast guard", "armed forces"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

var (
	// zhDual is a name in Chinese followed by its Latin form in brackets.
	zhDual = regexp.MustCompile(`([\p{Han}·]{2,16}) ?[（(]([A-Z][A-Za-z.'’\- &]{1,60})[）)]`)
	// zhOrgSuffix ends the Chinese name of an organisation.
	zhOrgSuffix = []string{"公司", "集团", "大学", "学院", "研究所", "研究院", "研究中心", "中心", "基金会", "协会", "学会", "党", "组织",
		"银行", "机构", "委员会", "联盟", "运动", "智库", "媒体", "电视台", "报", "通讯社", "法院", "法庭", "论坛"}
	enOrgWords = []string{"Inc", "Group", "Company", "Corporation", "Institute", "University", "Foundation", "Association", "Party",
		"Agency", "Council", "Committee", "Bank", "Ltd", "Fund", "Center", "Centre", "Organization", "Organisation", "Union",
		"League", "Alliance", "Coalition", "Movement", "Network", "Society", "Court", "Commission", "Holdings", "News", "Times", "Post",
		"Forum"}
)

// zhDualNames finds names given in both scripts: a person when the Latin
// form is two or more words and the Chinese one a transliteration, an
// organisation when either form says so (埃森哲公司, "Foxglove Legal").
func (d *Doc) zhDualNames(text string, s *Sentence, ms []Mention) []Mention {
	st := text[s.Start:s.End]
	if !strings.ContainsAny(st, "(（") {
		return ms // no bracket, no name given in two scripts
	}
	for _, loc := range zhDual.FindAllStringSubmatchIndex(st, -1) {
		run := st[loc[2]:loc[3]]
		latin := strings.TrimSpace(st[loc[4]:loc[5]])
		isOrg := false
		for _, suf := range zhOrgSuffix {
			if strings.HasSuffix(run, suf) {
				isOrg = true
			}
		}
		for _, w := range enOrgWords {
			if strings.Contains(latin, w) {
				isOrg = true
			}
		}
		words := strings.Fields(latin)
		// the Chinese name is the tail of the run: cut at the last word that is not part of it
		zh, cut := trimZhLead(run)
		start := s.Start + loc[2] + cut
		end := s.Start + loc[3]
		if !isOrg && len(words) >= 2 {
			// a person's name: the name words right before the bracket
			// (参议员布莱克本, 首席策略师班农), whatever the title before them
			if k := d.nameStartBefore(text, s.Start, s.Tokens, ms, end); end-k >= len("班农") && (zh == "" || k > start) {
				start, zh = k, text[k:end]
			}
		}
		if zh == "" || overlapsAny(ms, start, end) {
			continue
		}
		switch {
		case isOrg || len(words) == 1 && !strings.Contains(zh, "·") && isAcronymWord(words[0]) && !notOrgHead(zh) && !opensWithVerb(s.Tokens, start):
			// an organisation says so in either script, or is an acronym
			// (EIU); a single other word may be a place or a person
			id := "org:" + Slug(latin)
			if es := d.f.lx.Lookup(latin); len(es) > 0 && es[0].Kind == lexicon.KindOrg {
				id = es[0].ID
			}
			ms = append(ms, Mention{Kind: Actor, Start: start, End: end, Text: zh, IDs: []string{id}, Entity: true,
				EntityType: lexicon.KindOrg, Inferred: true, How: zh + "（" + latin + "） → " + id})
		case len(words) >= 2 && len(words) <= 4 && (strings.Contains(zh, "·") || utf8.RuneCountInString(zh) <= 5):
			// (一家叫做记录未来 (Recorded Future): a long run is a description, not a transliterated name)
			p := d.personByLatin(latin, "", "")
			if p == nil {
				continue
			}
			p.Start, p.End, p.Text = start, end, zh
			p.How = zh + "（" + latin + "） → " + p.Person
			ms = append(ms, *p)
			d.introduce(p)
		}
	}
	return ms
}

// notOrgHead reports a Chinese name whose head makes it an event, a line,
// an agreement or a law, not an organisation, though an acronym glosses it
// (突发公共卫生事件（PHEIC）, 实际控制线（LAC）, 全面与进步跨太平洋伙伴关系协定（CPTPP）).
func notOrgHead(zh string) bool {
	for _, h := range []string{"事件", "线", "协定", "协议", "条约", "计划", "倡议", "机制", "法", "法案", "战略", "政策", "问题", "制度", "体系", "框架", "议程", "原则", "声明", "宣言", "公约", "标准", "指数", "病毒", "疾病", "武器", "导弹", "系统", "技术"} {
		if strings.HasSuffix(zh, h) {
			return true
		}
	}
	return false
}

// opensWithVerb reports a Chinese span that opens with a verb of two
// characters or more: 取消资格（DQ） glosses an act, not an organisation.
func opensWithVerb(toks []token.Token, start int) bool {
	i := tokenAt(toks, start)
	return i >= 0 && toks[i].Start == start && toks[i].POS == token.Verb && utf8.RuneCountInString(toks[i].Text) >= 2
}

func isAcronymWord(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// trimZhLead cuts words that cannot be part of a name from the front of a
// run of Han characters before a bracket (…的发言人玛丽亚·罗莎 → 玛丽亚·罗莎).
func trimZhLead(zh string) (string, int) {
	cut := 0
	if i := strings.LastIndexAny(zh, "的是在和与对向被将据及"); i >= 0 {
		_, size := utf8.DecodeRuneInString(zh[i:])
		cut = i + size
	}
	name := zh[cut:]
	if dot := strings.Index(name, "·"); dot >= 0 {
		// a transliteration: at most six characters before the first dot
		pre := name[:dot]
		if n := utf8.RuneCountInString(pre); n > 6 {
			skip := 0
			for k := 0; k < n-4; k++ {
				_, size := utf8.DecodeRuneInString(pre[skip:])
				skip += size
			}
			cut += skip
			name = name[skip:]
		}
	} else if n := utf8.RuneCountInString(name); n > 8 {
		return "", 0
	}
	return name, cut
}
